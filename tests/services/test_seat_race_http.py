"""The seat race through the web: 40 signed-in people post the registration form at once to
the live server (one thread per request, each with its own database connection) for the last
3 seats of their administration. On PostgreSQL, as in production; CI runs it."""

import http.cookiejar
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from tests.factories import OrganisationFactory, UserFactory
from tests.services.needs import needs_postgres
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Registration

pytestmark = [pytest.mark.services, needs_postgres]


class _WideBacklogServer(ThreadedWSGIServer):
    # Forty clients connect at the same instant: the default backlog of 10 would reset some.
    request_queue_size = 128


class _ServerThread(LiveServerThread):
    server_class = _WideBacklogServer


@pytest.fixture
def race_server(transactional_db):
    """A threaded server like pytest-django's live_server, but with room for 40 connections."""
    thread = _ServerThread("127.0.0.1", _StaticFilesHandler)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield SimpleNamespace(url=f"http://127.0.0.1:{thread.port}")
    thread.terminate()


RACERS = 40
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _signed_in_opener(user, host: str) -> urllib.request.OpenerDirector:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    jar = http.cookiejar.CookieJar()
    jar.set_cookie(
        http.cookiejar.Cookie(
            0,
            settings.SESSION_COOKIE_NAME,
            session.session_key,
            None,
            False,
            host,
            False,
            False,
            "/",
            True,
            False,
            None,
            True,
            None,
            None,
            {},
        )
    )
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def _race(live_server, workshop, people) -> list[int]:
    url = f"{live_server.url}/workshops/{workshop.slug}/register/"
    host = urllib.parse.urlsplit(live_server.url).hostname
    forms = []
    for person in people:  # each opens the form first, as a person would
        opener = _signed_in_opener(person, host)
        page = opener.open(url, timeout=30).read().decode()
        forms.append((opener, TOKEN.search(page).group(1), person))
    barrier = threading.Barrier(len(forms))
    statuses: list[int] = []
    lock = threading.Lock()

    def submit(opener, token, person) -> None:
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "name": person.name,
                "position": "Officer",
                "consent": "on",
            }
        ).encode()
        barrier.wait(timeout=30)
        try:
            status = opener.open(
                urllib.request.Request(url, data=data, headers={"Referer": url}), timeout=60
            ).status
        except urllib.error.HTTPError as error:
            status = error.code
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=submit, args=form) for form in forms]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return statuses


def _last_three_seats():
    tonga = OrganisationFactory(name="Tonga")
    workshop = OpenWorkshopFactory(default_seats=5, capacity=100)
    for _ in range(2):
        person = UserFactory(organisation=tonga)
        Registration.objects.create(
            workshop=workshop, person=person, organisation=tonga, status="approved"
        )
    return workshop, tonga, [UserFactory(organisation=tonga) for _ in range(RACERS)]


def test_forty_posts_for_the_last_three_seats_never_overbook_and_show_no_error(race_server):
    workshop, tonga, people = _last_three_seats()
    statuses = _race(race_server, workshop, people)
    assert statuses == [200] * RACERS  # each followed the redirect to their registration page
    registrations = Registration.objects.filter(workshop=workshop, organisation=tonga)
    assert registrations.filter(status__in=Registration.HOLDING).count() == 5
    assert registrations.filter(status="waitlisted").count() == RACERS - 3


def test_the_same_race_overbooks_without_the_lock(race_server, settings):
    settings.SEAT_LOCKS = False
    workshop, tonga, people = _last_three_seats()
    _race(race_server, workshop, people)
    holding = Registration.objects.filter(
        workshop=workshop, organisation=tonga, status__in=Registration.HOLDING
    )
    assert holding.count() > 5
