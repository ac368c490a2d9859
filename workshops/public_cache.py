"""Cache of the public workshop pages as anonymous visitors see them.

Most visitors of the public list and workshop pages are not signed in, on slow links, and see
the same thing. Their page body is cached for a minute under a version that every service
changing public workshop data bumps after commit, so an edit shows at once. Signed-in people
always get a fresh page (what they see depends on their roles).
"""

import functools
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

VERSION_KEY = "workshops:public:version"
TIMEOUT = 60


def _version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def changes_public_pages(service: Callable) -> Callable:
    """Decorate a service whose writes show on public pages: bump the version after commit."""

    @functools.wraps(service)
    def wrapper(*args, **kwargs):
        result = service(*args, **kwargs)
        transaction.on_commit(_bump)
        return result

    return wrapper


def fragment(request, parts: tuple[str, ...], build: Callable[[], object]):
    """`build()` for signed-in people; for visitors, its cached result (built when missing)."""
    if request.user.is_authenticated:
        return build()
    key = ":".join(
        [
            "workshops:public",
            str(_version()),
            get_language() or "en",
            str(timezone.localdate()),
            *parts,
        ]
    )
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, TIMEOUT)
    return value
