"""The container files, read as text (no container engine runs on these machines): compose.yaml
starts every service with the variables and the commands of `make serve`, and the image runs
as a non-root user without development packages."""

import configparser
import re
import shlex

import pytest
import yaml
from django.apps import apps
from django.conf import settings

from oco_portal.celery import app as celery_app
from oco_portal.preflight import REQUIRED

ROOT = settings.BASE_DIR
PROCESSES = ("web", "worker", "beat")
PORTAL_SERVICES = ("release", *PROCESSES)


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


@pytest.fixture(scope="module")
def supervised() -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(inline_comment_prefixes=(";",))
    parser.read(ROOT / "supervisord.conf")
    return parser


@pytest.fixture(scope="module")
def dockerfile() -> list[str]:
    """The Dockerfile's instructions, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text()
    text = re.sub(r"\\\n\s*", " ", text)
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _readme_commands() -> dict[str, list[str]]:
    """The process table of README.md's "Run in production"."""
    rows = re.findall(
        r"^\| (web|worker|beat) \| `([^`]+)` \|$", (ROOT / "README.md").read_text(), re.M
    )
    return {name: shlex.split(command) for name, command in rows}


def _supervised_command(supervised, name: str) -> list[str]:
    return shlex.split(supervised[f"program:{name}"]["command"])


def test_compose_names_every_service_and_volume(compose):
    services = compose["services"]
    assert {"postgres", "redis", "mailpit", *PORTAL_SERVICES} <= set(services)
    assert services["mailpit"]["profiles"] == ["staging"]  # the mail catcher is for staging
    assert {"postgres", "redis", "media", "backups"} <= set(compose["volumes"])
    assert "postgres:/var/lib/postgresql/data" in services["postgres"]["volumes"]
    for name in PORTAL_SERVICES:
        assert services[name]["build"] == "."
        assert "media:/app/var/media" in services[name]["volumes"]


def test_every_portal_service_gets_the_variables_make_serve_needs(compose):
    for name in PORTAL_SERVICES:
        environment = compose["services"][name]["environment"]
        assert environment["DJANGO_ENV"] == "production"
        missing = [variable for variable in REQUIRED if not environment.get(variable)]
        assert not missing, f"{name} lacks {missing}"
        assert environment["OCO_SERVICE"] == name
    environment = compose["services"]["web"]["environment"]
    assert environment["DATABASE_URL"].startswith("${DATABASE_URL:-postgres://")
    assert "@postgres:5432/" in environment["DATABASE_URL"]
    assert environment["REDIS_URL"] == "${REDIS_URL:-redis://redis:6379/0}"


def test_the_commands_are_those_of_make_serve_and_the_readme(compose, supervised):
    readme = _readme_commands()
    assert set(readme) == set(PROCESSES)
    for name in PROCESSES:
        command = compose["services"][name]["command"]
        assert command == _supervised_command(supervised, name) == readme[name], name
    assert set(supervised["group:portal"]["programs"].split(",")) == set(PROCESSES)
    release = compose["services"]["release"]
    assert release["command"] == ["python", "manage.py", "release", "--skip-collectstatic"]
    assert release["restart"] == "no"


def test_the_processes_start_after_the_release_step_and_their_dependencies(compose):
    for name in PROCESSES:
        depends_on = compose["services"][name]["depends_on"]
        assert depends_on["release"] == {"condition": "service_completed_successfully"}
        assert depends_on["postgres"] == {"condition": "service_healthy"}
        assert depends_on["redis"] == {"condition": "service_healthy"}


def test_every_long_running_service_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if name != "release":
            assert service["healthcheck"]["test"], name
    web = " ".join(compose["services"]["web"]["healthcheck"]["test"])
    assert "http://127.0.0.1:8000/ping" in web
    assert compose["services"]["web"]["ports"] == ["127.0.0.1:8000:8000"]


def test_a_stop_waits_for_the_longest_task(compose, supervised):
    # Every app's tasks, as a worker imports them when it starts.
    celery_app.autodiscover_tasks([config.name for config in apps.get_app_configs()], force=True)
    longest = max(task.time_limit or 0 for task in celery_app.tasks.values())
    assert longest >= 600  # the reminder batch
    wait = int(supervised["program:worker"]["stopwaitsecs"])
    assert wait > longest
    assert compose["services"]["worker"]["stop_grace_period"] == f"{wait}s"
    web_wait = int(supervised["program:web"]["stopwaitsecs"])
    assert compose["services"]["web"]["stop_grace_period"] == f"{web_wait}s"
    for name in PROCESSES:
        assert supervised[f"program:{name}"]["stopsignal"] == "TERM"
        assert supervised[f"program:{name}"].get("stopasgroup", "false") == "false"


def test_the_image_is_slim_debian_with_python_3_13(dockerfile):
    (base,) = [line for line in dockerfile if line.startswith("FROM ")]
    assert re.fullmatch(r"FROM python:3\.13-slim-(bookworm|trixie)", base)


def test_the_image_runs_as_a_user_that_is_not_root(dockerfile):
    users = [line.split()[1] for line in dockerfile if line.startswith("USER ")]
    assert users
    assert users[-1] not in {"root", "0", "0:0"}
    assert dockerfile.index(f"USER {users[-1]}") < dockerfile.index(
        next(line for line in dockerfile if line.startswith("CMD "))
    )


def test_the_image_has_no_development_packages(dockerfile):
    text = "\n".join(dockerfile)
    assert "requirements-dev" not in text
    assert "pip install --requirement /tmp/requirements.txt" in text
    (install,) = [line for line in dockerfile if "apt-get install" in line]
    assert "--no-install-recommends" in install
    packages = install.split("--no-install-recommends")[1].split("&&")[0].split()
    assert "libpango-1.0-0" in packages
    assert "postgresql-client" in packages  # manage.py backup and restore
    assert not [p for p in packages if p.endswith("-dev") or p in {"build-essential", "gcc"}]
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".env", ".venv", "var", ".git", "requirements-dev.txt"} <= set(ignored)


def test_the_image_serves_with_the_web_command(dockerfile, compose):
    (cmd,) = [line for line in dockerfile if line.startswith("CMD ")]
    assert yaml.safe_load(cmd.removeprefix("CMD ")) == compose["services"]["web"]["command"]


def test_the_readme_says_the_image_was_not_built_here():
    readme = (ROOT / "README.md").read_text()
    assert "The image has not been built nor the compose file run here" in readme
