"""Skip markers for tests that need a real server; the reason says how to provide it."""

import pytest
from django.conf import settings

needs_postgres = pytest.mark.skipif(
    not settings.USING_POSTGRES,
    reason="needs PostgreSQL: set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/oco_dev "
    "(CI does)",
)
needs_redis = pytest.mark.skipif(
    not settings.REDIS_URL,
    reason="needs Redis: set REDIS_URL, e.g. redis://127.0.0.1:6379/14 (CI does)",
)
