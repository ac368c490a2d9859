"""Before `make serve`: are the variables production needs set? Names each one missing or
wrong and how to set it, then exits 1; exits 0 when all are fine.

Run as `python -m oco_portal.preflight`. Reads the environment and `.env` (as the settings do)
without importing the settings, so that every problem is reported at once.
"""

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from urllib.parse import urlsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent
POSTGRES_SCHEMES = {"postgres", "postgresql", "pgsql", "postgis"}
REDIS_SCHEMES = {"redis", "rediss"}
SMTP_SCHEMES = {"smtp", "smtps", "smtp+tls", "smtp+ssl"}


def _scheme(value: str) -> str:
    return urlsplit(value).scheme.lower()


def _database(value: str) -> str | None:
    if _scheme(value) not in POSTGRES_SCHEMES:
        return "must point at PostgreSQL (SQLite is for development only)"
    return None


def _redis(value: str) -> str | None:
    return None if _scheme(value) in REDIS_SCHEMES else "must be a redis:// or rediss:// URL"


def _email(value: str) -> str | None:
    if _scheme(value) not in SMTP_SCHEMES:
        return "must be an SMTP server: smtp://, smtp+tls:// or smtps://"
    return None


def _secret_key(value: str) -> str | None:
    if len(value) < 50 or len(set(value)) < 5:
        return "must be at least 50 random characters"
    return None


def _hosts(value: str) -> str | None:
    return None if any(host.strip() for host in value.split(",")) else "names no host"


# name: (check of a value that is set, how to set it)
REQUIRED: dict[str, tuple[Callable[[str], str | None], str]] = {
    "DATABASE_URL": (
        _database,
        "the PostgreSQL database, e.g. DATABASE_URL=postgres://oco:PASSWORD@127.0.0.1:5432/oco",
    ),
    "REDIS_URL": (_redis, "the Celery broker and cache, e.g. REDIS_URL=redis://127.0.0.1:6379/0"),
    "EMAIL_URL": (
        _email,
        "the SMTP server that sends the portal's e-mail, "
        "e.g. EMAIL_URL=smtp+tls://USER:PASSWORD@smtp.example.org:587",
    ),
    "SECRET_KEY": (
        _secret_key,
        "make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(60))'",
    ),
    "ALLOWED_HOSTS": (
        _hosts,
        "the names the portal is reached by, comma-separated, e.g. ALLOWED_HOSTS=portal.oco.example",
    ),
}


def problems(environment: Mapping[str, str]) -> list[str]:
    """One line per required variable that is missing or wrong, saying how to set it."""
    found = []
    for name, (check, how) in REQUIRED.items():
        value = environment.get(name, "").strip()
        problem = check(value) if value else "is not set"
        if problem:
            found.append(f"  {name} {problem}: {how}")
    return found


def advice(environment: Mapping[str, str]) -> list[str]:
    if not environment.get("SITE_URL", "").strip():
        return [
            "  SITE_URL is not set: links in e-mails will point at http://127.0.0.1:8000; "
            "set the public address, e.g. SITE_URL=https://portal.oco.example"
        ]
    return []


def main() -> int:
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
    found = problems(os.environ)
    if found:
        print("The portal cannot start in production:", file=sys.stderr)
        print("\n".join(found), file=sys.stderr)
        print(
            "Set them in the environment or in .env at the project root "
            '(README.md, "Run in production").',
            file=sys.stderr,
        )
        return 1
    for line in advice(os.environ):
        print("Warning:" + line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
