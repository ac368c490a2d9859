"""Shared fixtures. Tests run on SQLite unless DATABASE_URL points at PostgreSQL."""

import os

import pytest
from django.conf import settings

from tests import factories

# Set in each process of a parallel run (pytest-xdist): gw0, gw1...
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def pytest_configure(config) -> None:
    """In a parallel run each process has a test database of its own (pytest-django names it
    after the worker), and here a Celery queue and cache keys of its own: the Redis databases
    are shared, and a task or a cached page of one process must not reach another."""
    if not XDIST_WORKER:
        return
    from oco_portal.celery import app

    queue = f"{settings.CELERY_TASK_DEFAULT_QUEUE}-{XDIST_WORKER}"
    settings.CELERY_TASK_DEFAULT_QUEUE = app.conf.task_default_queue = queue
    prefix = f"{settings.CACHES['default'].get('KEY_PREFIX', '')}-{XDIST_WORKER}"
    settings.CACHES["default"]["KEY_PREFIX"] = prefix
    os.environ["CACHE_KEY_PREFIX"] = prefix  # for the Celery workers the tests start


def pytest_report_header(config) -> list[str]:
    database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    broker = "redis" if settings.REDIS_URL else "in-process (eager)"
    email = "smtp (EMAIL_URL)" if settings.EMAIL_URL else "console/locmem"
    return [f"oco-portal: database={database} celery={broker} email={email}"]


@pytest.fixture
def organisation(db):
    return factories.OrganisationFactory()


@pytest.fixture
def delegate(db):
    return factories.UserFactory()


@pytest.fixture
def secretariat(db):
    return factories.SecretariatFactory()


@pytest.fixture
def secretariat_client(client, secretariat):
    """A client signed in as Secretariat staff who has set up two-factor sign-in."""
    client.force_login(secretariat)
    return client


@pytest.fixture
def delegate_client(client, delegate):
    client.force_login(delegate)
    return client


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """PBKDF2 at full strength costs about a second per test user; tests only need a hash."""
    from django.test import override_settings

    override = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    override.enable()
    yield
    override.disable()


@pytest.fixture(autouse=True)
def _celery_in_process(request):
    """Tasks run in-process (eager, errors propagate) in every test but those that start a
    real worker (the `celery_worker` fixture of tests/services), which publish to Redis."""
    if "celery_worker" in request.fixturenames:
        yield
        return
    from oco_portal.celery import app

    saved = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = app.conf.task_eager_propagates = True
    yield
    app.conf.task_always_eager, app.conf.task_eager_propagates = saved


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached public pages, rate limits and used TOTP
    codes of one test must not leak into the next. (The cache has its own Redis database.)
    In a parallel run only this process's keys go: the other processes share the database."""
    from django.core.cache import cache

    if XDIST_WORKER and settings.REDIS_URL:
        assert cache.key_prefix.endswith(XDIST_WORKER), "the cache was opened before the prefix"
        client = cache._cache.get_client(write=True)
        keys = list(client.scan_iter(f"{cache.key_prefix}:*"))
        if keys:
            client.delete(*keys)
    else:
        cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request in French leaves French active in the test's thread; the next test starts in
    the default language again."""
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)
