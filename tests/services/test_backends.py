"""With DATABASE_URL and REDIS_URL set, the suite really runs on PostgreSQL and Redis."""

import threading
import uuid

import pytest
import redis
from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections

from core.models import OutgoingEmail
from core.services.mail import email_deliver
from tests.factories import OutgoingEmailFactory
from tests.services.needs import needs_postgres, needs_redis

pytestmark = pytest.mark.services


@needs_postgres
@pytest.mark.django_db
def test_the_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT version(), current_database()")
        version, database = cursor.fetchone()
    assert version.startswith("PostgreSQL")
    assert database.startswith("test_")


@needs_redis
def test_the_cache_is_redis_in_its_own_database():
    """The cache sits in another Redis database than the task queue: clearing it drops no task."""
    assert settings.CACHES["default"]["LOCATION"] == settings.REDIS_CACHE_URL
    assert settings.REDIS_CACHE_URL != settings.REDIS_URL
    key = f"services-check-{uuid.uuid4().hex}"
    raw = redis.Redis.from_url(settings.REDIS_CACHE_URL)
    try:
        cache.set(key, {"workshop": "Suva 2017"}, timeout=60)

        assert cache.get(key) == {"workshop": "Suva 2017"}
        assert raw.exists(cache.make_key(key)) == 1
        assert 0 < raw.ttl(cache.make_key(key)) <= 60
    finally:
        cache.delete(key)
    assert raw.exists(cache.make_key(key)) == 0


@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_two_threads_delivering_the_same_rows_send_each_once(smtp_mailer):
    """Each row is raced by two threads released together; the claim lets one of them send."""
    emails = OutgoingEmailFactory.create_batch(20)
    barrier = threading.Barrier(2, timeout=10)
    outcomes: dict[int, list[str]] = {email.id: [] for email in emails}
    errors: list[Exception] = []

    def deliver_all() -> None:
        try:
            for email in emails:
                barrier.wait()
                outcomes[email.id].append(email_deliver(email_id=email.id).outcome)
        except Exception as error:  # noqa: BLE001 - reported by the test, not lost in the thread
            errors.append(error)
            barrier.abort()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=deliver_all) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert errors == []
    assert all(sorted(runs) == ["sent", "skipped"] for runs in outcomes.values()), outcomes
    assert sorted(smtp_mailer.message_ids()) == sorted(email.message_id_header for email in emails)
    assert set(OutgoingEmail.objects.values_list("status", "attempts")) == {
        (OutgoingEmail.Status.SENT, 1)
    }
