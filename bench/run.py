"""make bench: the portal under load on PostgreSQL, gunicorn, Redis and a Celery worker.

Every figure is reported beside a reference measured in the same run (a view that does
nothing, empty tasks), as a ratio, so machines of different speed give comparable numbers.
See bench/README.md.
"""

import http.client
import json
import os
import secrets
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "8"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/oco_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")

ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "oco_portal.settings",
    "DJANGO_ENV": "production",
    "SECRET_KEY": os.environ.get("BENCH_SECRET_KEY", secrets.token_urlsafe(60)),
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "STATIC_ROOT": str(OUT / "static"),
    "CELERY_QUEUE": f"bench-{os.getpid()}",
    "CELERY_RESULT_BACKEND": REDIS_URL,
    "LOG_LEVEL": "WARNING",
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench import dataset  # noqa: E402
from core.models import OutgoingEmail  # noqa: E402
from members.models import User  # noqa: E402
from workshops.models import Registration, Workshop  # noqa: E402

LINES: list[str] = []


def say(line: str = "") -> None:
    print(line, flush=True)
    LINES.append(line)


def _ensure_database() -> None:
    import psycopg2

    name = DATABASE_URL.rsplit("/", 1)[1]
    admin = psycopg2.connect(DATABASE_URL.rsplit("/", 1)[0] + "/postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if not cursor.fetchone():
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def _session_cookie(user: User) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def _load(path: str, cookie: str | None) -> dict:
    """CLIENTS threads, each on a kept-alive connection, for SECONDS: latencies and errors."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    stop = time.monotonic() + SECONDS
    headers = {"Host": "127.0.0.1", **({"Cookie": cookie} if cookie else {})}

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        mine, bad = [], []
        while time.monotonic() < stop:
            started = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status != 200:
                bad.append(response.status)
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors.extend(bad)

    started = time.monotonic()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "median_ms": statistics.median(latencies) * 1000,
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1] * 1000,
        "rps": len(latencies) / elapsed,
        "requests": len(latencies),
        "errors": len(errors),
    }


def _queries(path: str, user: User | None) -> int:
    client = Client(HTTP_HOST="127.0.0.1")
    if user:
        client.force_login(user)
    client.get(path)  # warm what is per process (templates, translations), as gunicorn's is
    cache.clear()  # but count the queries of a page built afresh, not one served from the cache
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured)


def _rss_mb(pids: list[int]) -> float:
    sizes = []
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except FileNotFoundError:
            continue
    return max(sizes, default=0.0)


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [pid, *[int(p) for p in out.split()]]


def _start(command: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        command, cwd=ROOT, env=ENV, stdout=log.open("w"), stderr=subprocess.STDOUT
    )


def _wait_http(path: str = "/ping", timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time; see var/bench/gunicorn.log")


def web_pages() -> float:
    big = Workshop.objects.get(slug=dataset.BIG_WORKSHOP)
    secretariat = User.objects.get(email=dataset.SECRETARIAT_EMAIL)
    delegate = User.objects.get(email=dataset.DELEGATE_EMAIL)
    participants = reverse("workshops:participant-list", kwargs={"pk": big.pk})
    pages = [
        ("minimal view (/ping)", "/ping", None, None),
        ("public workshop list", reverse("workshops:list"), None, 0.25),
        ("workshop page", big.get_absolute_url(), None, 0.15),
        (
            "registration form",
            reverse("workshops:register", kwargs={"slug": big.slug}),
            delegate,
            0.15,
        ),
        ("participant list, 200 rows", participants + "?per_page=200", secretariat, None),
    ]
    gunicorn = _start(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "oco_portal.wsgi",
            "-w",
            "2",
            "--threads",
            "4",
            "-b",
            f"127.0.0.1:{PORT}",
            "--access-logfile",
            "-",
        ],
        OUT / "gunicorn.log",
    )
    peak = 0.0
    try:
        _wait_http()
        say(f"Web: gunicorn, 2 workers x 4 threads; {CLIENTS} clients for {SECONDS:.0f} s per page")
        say(
            f"{'page':32} {'median ms':>10} {'p95 ms':>8} {'req/s':>8} {'ratio':>6} {'target':>7} {'queries':>8}"
        )
        reference = None
        for label, path, user, target in pages:
            cookie = _session_cookie(user) if user else None
            result = _load(path, cookie)
            peak = max(peak, _rss_mb(_children(gunicorn.pid)))
            reference = reference or result
            ratio = result["rps"] / reference["rps"]
            verdict = (
                "" if target is None else (f">={target} {'met' if ratio >= target else 'MISSED'}")
            )
            queries = _queries(path, user)
            say(
                f"{label:32} {result['median_ms']:10.1f} {result['p95_ms']:8.1f} {result['rps']:8.1f} "
                f"{ratio:6.2f} {verdict:>7} {queries:8d}"
                + (f"  ({result['errors']} errors)" if result["errors"] else "")
            )
        q20 = _queries(participants + "?per_page=20", secretariat)
        q200 = _queries(participants + "?per_page=200", secretariat)
        say(
            f"participant list queries: {q20} at 20 rows, {q200} at 200 rows "
            f"({'same: met' if q20 == q200 else 'differ: MISSED'})"
        )
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=20)
    return peak


def _wait_until(condition, timeout: float) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise SystemExit("timed out waiting for the worker")
        time.sleep(0.05)
    return time.monotonic() - started


def celery_and_mail() -> float:
    from celery import group

    from oco_portal.celery import ping
    from tests.services.smtp import start_smtp_server
    from workshops.services.invitations import Person, invitations_create

    server, controller = start_smtp_server()
    ENV["EMAIL_URL"] = f"smtp://{server.host}:{server.port}"
    worker = _start(
        [
            str(ROOT / ".venv/bin/celery"),
            "-A",
            "oco_portal",
            "worker",
            "-Q",
            ENV["CELERY_QUEUE"],
            "--concurrency",
            "2",
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
            "-n",
            f"bench-{os.getpid()}@%h",
        ],
        OUT / "worker.log",
    )
    peak = 0.0
    try:
        ping.delay().get(timeout=60)  # the worker is up
        started = time.monotonic()
        group(ping.s() for _ in range(1000)).apply_async().get(timeout=300)
        empty = time.monotonic() - started
        peak = _rss_mb(_children(worker.pid))

        workshop = Workshop.objects.filter(status="open").order_by("slug").last()
        secretariat = User.objects.get(email=dataset.SECRETARIAT_EMAIL)
        tag = secrets.token_hex(3)
        people = [
            Person(
                name=f"Invitee {n}", email=f"bench.mail{tag}.{n}@bench.example", organisation="Fiji"
            )
            for n in range(1000)
        ]
        before = len(server.messages)
        started = time.monotonic()
        invitations_create(actor=secretariat, workshop=workshop, people=people)
        queued = time.monotonic() - started
        delivered = queued + _wait_until(lambda: len(server.messages) - before >= 1000, timeout=600)
        peak = max(peak, _rss_mb(_children(worker.pid)))
        failed = OutgoingEmail.objects.filter(
            recipient__startswith=f"bench.mail{tag}.", status="failed"
        ).count()
        say()
        say("Celery on Redis, 1 worker x 2 processes; SMTP: aiosmtpd on loopback")
        say(f"1,000 empty tasks:            {empty:7.2f} s")
        say(
            f"1,000 invitations delivered:  {delivered:7.2f} s  ratio {delivered / empty:5.2f} "
            f"(target <= 5: {'met' if delivered / empty <= 5 else 'MISSED'}); {failed} failed"
        )
        say(
            f"queueing 1,000 invitations:   {queued:7.2f} s of request time "
            f"(target < 1 s: {'met' if queued < 1 else 'MISSED'})"
        )
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        controller.stop()
    return peak


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    _ensure_database()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.monotonic()
    counts = dataset.build()
    say(
        f"Data set ({time.monotonic() - started:.0f} s): "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
    )
    big = Workshop.objects.get(slug=dataset.BIG_WORKSHOP)
    say(f"Largest workshop: {Registration.objects.filter(workshop=big).count():,} registrations")
    say()
    web_peak = web_pages()
    from bench import action_plans

    action_plans.run(say, _queries)
    worker_peak = celery_and_mail()
    say()
    say(
        f"Largest process: web {web_peak:.0f} MB, worker {worker_peak:.0f} MB "
        f"(target <= 300 MB: {'met' if max(web_peak, worker_peak) <= 300 else 'MISSED'})"
    )
    (OUT / "report.txt").write_text("\n".join(LINES) + "\n")
    (OUT / "report.json").write_text(json.dumps({"lines": LINES}, indent=2))


if __name__ == "__main__":
    main()
