"""Concurrent writes on the default file-based SQLite database wait their turn instead of
failing with "database is locked" (QA: six registrations at once gave 500s).

The settings are loaded in a child process with DATABASE_URL pointing at a temporary SQLite
file, so this checks what `make run` really uses, whatever database the suite runs on."""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings

WRITERS = 6

SCRIPT = textwrap.dedent(
    """
    import json, threading, time
    import django
    django.setup()
    from django.db import connection, transaction

    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (1, 0)")
    connection.close()

    errors, start = [], threading.Barrier(%(writers)d)

    def write():
        try:
            start.wait()
            # Read then write in one transaction, as a view that loads a row and saves it does.
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute("SELECT n FROM counter WHERE id = 1")
                (n,) = cursor.fetchone()
                time.sleep(0.1)
                cursor.execute("UPDATE counter SET n = %%s WHERE id = 1", [n + 1])
        except Exception as error:
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=write) for _ in range(%(writers)d)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with connection.cursor() as cursor:
        cursor.execute("SELECT n FROM counter WHERE id = 1")
        (n,) = cursor.fetchone()
    print(json.dumps({"errors": errors, "n": n}))
    """
)


def test_concurrent_writes_on_file_sqlite_all_succeed(tmp_path: Path):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="oco_portal.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT % {"writers": WRITERS}],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome == {"errors": [], "n": WRITERS}
