"""manage.py backup and restore on real PostgreSQL: a backup restored into a fresh database
has every row of every table and every stored file, byte for byte."""

import hashlib
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path
from urllib.parse import quote

import environ
import psycopg2
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from oco_portal.backups import table_counts
from tests.factories import OutgoingEmailFactory
from tests.services.needs import needs_postgres
from tests.workshops.factories import DocumentFactory, RegistrationFactory


def _server_params() -> dict:
    info = connection.settings_dict
    return {
        "host": info["HOST"] or "127.0.0.1",
        "port": info["PORT"] or 5432,
        "user": info["USER"],
        "password": info["PASSWORD"],
    }


def _url(name: str) -> str:
    params = _server_params()
    credentials = quote(params["user"] or "", safe="")
    if params["password"]:
        credentials += ":" + quote(params["password"], safe="")
    return f"postgres://{credentials}@{params['host']}:{params['port']}/{name}"


def _admin(sql: str) -> None:
    admin = psycopg2.connect(dbname="postgres", **_server_params())
    try:
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(sql)
    finally:
        admin.close()


@pytest.fixture
def fresh_database():
    """An empty database beside the configured one (its name + _restore_...), dropped after."""
    configured = environ.Env.db_url_config(os.environ["DATABASE_URL"])["NAME"]
    name = f"{configured}_restore_{uuid.uuid4().hex[:8]}"
    _admin(f'CREATE DATABASE "{name}"')
    try:
        yield name
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _restore(archive: Path, database: str, media: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DATABASE_URL": _url(database),
        "MEDIA_ROOT": str(media),
        "DJANGO_ENV": "test",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _counts(database: str) -> dict[str, int]:
    restored = psycopg2.connect(dbname=database, **_server_params())
    try:
        with restored.cursor() as cursor:
            return table_counts(cursor)
    finally:
        restored.close()


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def backed_up(transactional_db, settings, tmp_path):
    """A portal with registrations, e-mails and an uploaded document, and its backup."""
    settings.MEDIA_ROOT = tmp_path / "media"
    document = DocumentFactory(title="Risk management handbook")
    RegistrationFactory.create_batch(3, workshop=document.workshop)
    OutgoingEmailFactory.create_batch(2)
    out = StringIO()
    call_command("backup", output_dir=tmp_path / "backups", stdout=out)
    (archive,) = (tmp_path / "backups").glob("oco-backup-*.tar")
    with connection.cursor() as cursor:
        counts = table_counts(cursor)
    return archive, counts, document, out.getvalue()


@pytest.mark.services
@needs_postgres
def test_a_backup_restores_every_row_and_file_into_a_fresh_database_and_only_once(
    backed_up, fresh_database, tmp_path
):
    archive, counts, document, report = backed_up
    assert archive.name.startswith("oco-backup-20")
    assert f"Backed up {len(counts)} tables" in report
    assert counts["workshops_registration"] == 3
    restored_media = tmp_path / "restored-media"

    result = _restore(archive, fresh_database, restored_media)

    assert result.returncode == 0, result.stderr
    assert "row counts and checksums match the backup" in result.stdout
    assert _counts(fresh_database) == counts
    original = Path(settings.MEDIA_ROOT) / document.file.name
    assert _sha256(restored_media / document.file.name) == _sha256(original)

    again = _restore(archive, fresh_database, tmp_path / "second")

    assert again.returncode == 1
    assert f"The database {fresh_database} is not empty" in again.stderr
    assert "restored only into an empty database" in again.stderr
    assert _counts(fresh_database) == counts  # nothing written twice
    assert not (tmp_path / "second").exists()


@pytest.mark.services
@needs_postgres
def test_restore_refuses_a_storage_holding_other_content_and_changes_nothing(
    backed_up, fresh_database, tmp_path
):
    archive, _counts_before, document, _report = backed_up
    media = tmp_path / "occupied"
    (media / document.file.name).parent.mkdir(parents=True)
    (media / document.file.name).write_bytes(b"another file under the same name")

    result = _restore(archive, fresh_database, media)

    assert result.returncode == 1
    assert "already exist in the storage with other content" in result.stderr
    assert _counts(fresh_database) == {}
    assert (media / document.file.name).read_bytes() == b"another file under the same name"


@pytest.mark.skipif(settings.USING_POSTGRES, reason="checks the refusal on SQLite")
def test_backup_on_sqlite_says_what_to_do_instead(db, tmp_path):
    with pytest.raises(CommandError, match="Backups need PostgreSQL"):
        call_command("backup", output_dir=tmp_path)
