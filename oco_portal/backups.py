"""Backups of the whole portal: the PostgreSQL database and every stored file, in one archive.

An archive (`oco-backup-<UTC time>.tar`) holds:
- `database.dump`: pg_dump's custom format, taken in one snapshot;
- `files/<name>`: every file of Django's default storage (uploaded documents, generated PDFs,
  logos), read through the storage API, so a local disk and object storage are backed up alike;
- `manifest.json`: when, each table's row count in the dump's snapshot, each file's size and
  SHA-256.

Restoring needs an empty database (it refuses any other) and a storage where no file of the
archive exists with other content; it checks the row counts and checksums it restored.
"""

import hashlib
import io
import json
import os
import posixpath
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.core.files import File
from django.core.files.storage import Storage, default_storage
from django.db import connection
from django.db.backends.postgresql.client import DatabaseClient

FORMAT = 1
DUMP = "database.dump"
MANIFEST = "manifest.json"
FILES = "files/"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass(frozen=True)
class Restored:
    tables: int
    rows: int
    files: int
    files_already_there: int


# --- The database ----------------------------------------------------------------------------


def _require_postgres() -> None:
    if connection.vendor != "postgresql":
        raise BackupError(
            "Backups need PostgreSQL (DATABASE_URL=postgres://...). On SQLite, copy "
            "var/db.sqlite3 and the media folder while the portal is stopped."
        )
    for tool in ("pg_dump", "pg_restore"):
        if not shutil.which(tool):
            raise BackupError(f"{tool} is not installed: install PostgreSQL's client tools.")


def _client_env() -> dict[str, str]:
    """The environment that points pg_dump and pg_restore at Django's database."""
    info = connection.settings_dict
    _args, extra = DatabaseClient.settings_to_cmd_args_env(info, [])
    env = {**os.environ, **(extra or {}), "PGDATABASE": str(info["NAME"])}
    for variable, key in (("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER")):
        if info.get(key):
            env[variable] = str(info[key])
    # The portal's statement timeout must not cut a long dump or restore short.
    env["PGOPTIONS"] = "-c statement_timeout=0"
    return env


def _run(command: list[str]) -> None:
    result = subprocess.run(  # noqa: S603 - fixed commands, arguments from the settings
        command, env=_client_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def _tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [name for (name,) in cursor.fetchall()]


def table_counts(cursor) -> dict[str, int]:
    """Rows of every table of the portal's schema."""
    counts = {}
    for table in _tables(cursor):
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from pg_tables
        counts[table] = cursor.fetchone()[0]
    return counts


def _dump(path: Path) -> dict[str, int]:
    """pg_dump into `path`, and the row counts of the same snapshot."""
    raw = connection.get_new_connection(connection.get_connection_params())
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            counts = table_counts(cursor)
            _run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--snapshot={snapshot}",
                    f"--file={path}",
                ]
            )
        raw.rollback()
    finally:
        raw.close()
    return counts


# --- The files -------------------------------------------------------------------------------


def stored_files(storage: Storage = default_storage, path: str = "") -> Iterator[str]:
    """Every file name of `storage`, walking its folders through the storage API."""
    try:
        folders, files = storage.listdir(path)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield posixpath.join(path, name) if path else name
    for folder in sorted(folders):
        yield from stored_files(storage, posixpath.join(path, folder) if path else folder)


def checksum(handle) -> str:
    digest = hashlib.sha256()
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


class _Hashing(io.RawIOBase):
    """Reads a file through, hashing what passes."""

    def __init__(self, handle) -> None:
        self.handle, self.digest = handle, hashlib.sha256()

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add_files(archive: tarfile.TarFile, storage: Storage) -> list[dict]:
    entries = []
    for name in stored_files(storage):
        with storage.open(name, "rb") as handle:
            member = tarfile.TarInfo(FILES + name)
            member.size = storage.size(name)
            member.mtime = int(datetime.now(UTC).timestamp())
            hashing = _Hashing(handle)
            archive.addfile(member, hashing)
        entries.append({"name": name, "size": member.size, "sha256": hashing.digest.hexdigest()})
    return entries


# --- Backup and restore ----------------------------------------------------------------------


def backup(*, output_dir: Path, storage: Storage = default_storage) -> tuple[Path, dict]:
    """Write `oco-backup-<time>.tar` into `output_dir`; returns its path and manifest."""
    _require_postgres()
    output_dir.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC)
    target = output_dir / f"oco-backup-{started:%Y%m%d-%H%M%SZ}.tar"
    partial = target.with_suffix(".tar.partial")
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DUMP
        counts = _dump(dump)
        with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as archive:
            archive.add(dump, arcname=DUMP)
            files = _add_files(archive, storage)
            manifest = {
                "format": FORMAT,
                "created_at": started.isoformat(timespec="seconds"),
                "database": {"dump": DUMP, "tables": counts},
                "files": files,
            }
            data = json.dumps(manifest, indent=2).encode()
            member = tarfile.TarInfo(MANIFEST)
            member.size, member.mtime = len(data), int(started.timestamp())
            archive.addfile(member, io.BytesIO(data))
    partial.rename(target)
    return target, manifest


def _read_manifest(archive: tarfile.TarFile) -> dict:
    try:
        manifest = json.load(archive.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError(f"This is not a portal backup (no readable {MANIFEST}).") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    for entry in manifest["files"]:
        name = entry["name"]
        if name.startswith("/") or ".." in name.split("/"):
            raise BackupError(f"The backup names a file outside the storage: {name!r}.")
    return manifest


def _require_empty_database() -> None:
    with connection.cursor() as cursor:
        tables = _tables(cursor)
    if tables:
        raise BackupError(
            f"The database {connection.settings_dict['NAME']} is not empty ({len(tables)} "
            "tables): a backup is restored only into an empty database. Create one "
            "(createdb NAME), point DATABASE_URL at it and run restore again."
        )


def _files_to_write(manifest: dict, storage: Storage) -> tuple[list[dict], int]:
    """The files still to write; refuses when one exists with other content."""
    to_write, same, different = [], 0, []
    for entry in manifest["files"]:
        if not storage.exists(entry["name"]):
            to_write.append(entry)
            continue
        with storage.open(entry["name"], "rb") as handle:
            if checksum(handle) == entry["sha256"]:
                same += 1
            else:
                different.append(entry["name"])
    if different:
        raise BackupError(
            f"{len(different)} file(s) of the backup already exist in the storage with other "
            f"content (e.g. {different[0]}); restore into an empty storage. Nothing was changed."
        )
    return to_write, same


def restore(*, archive_path: Path, storage: Storage = default_storage) -> Restored:
    """Bring a backup back into the (empty) database and the storage, then check both."""
    _require_postgres()
    with tarfile.open(archive_path, "r") as archive:
        manifest = _read_manifest(archive)
        _require_empty_database()
        to_write, already = _files_to_write(manifest, storage)
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch) / DUMP
            with archive.extractfile(DUMP) as source, dump.open("wb") as copy:
                shutil.copyfileobj(source, copy, CHUNK)
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    f"--dbname={connection.settings_dict['NAME']}",
                    str(dump),
                ]
            )
        for entry in to_write:
            _restore_file(archive, entry, storage)
    with connection.cursor() as cursor:
        counts = table_counts(cursor)
    expected = manifest["database"]["tables"]
    if counts != expected:
        differing = sorted(
            name
            for name in expected.keys() | counts.keys()
            if expected.get(name) != counts.get(name)
        )
        raise BackupError(f"Restored row counts differ from the backup's: {', '.join(differing)}.")
    return Restored(
        tables=len(counts),
        rows=sum(counts.values()),
        files=len(to_write),
        files_already_there=already,
    )


def _restore_file(archive: tarfile.TarFile, entry: dict, storage: Storage) -> None:
    name = entry["name"]
    with archive.extractfile(FILES + name) as source:
        saved = storage.save(name, File(source, name=posixpath.basename(name)))
    if saved != name:
        raise BackupError(f"The storage stored {name} as {saved}.")
    with storage.open(saved, "rb") as handle:
        if checksum(handle) != entry["sha256"]:
            raise BackupError(f"{name} does not match its checksum after restoring.")
