"""The benchmark's data set: 24 administrations, 60 workshops, 10,000 people, 20,000
registrations and 20,000 invitations, built once with bulk inserts and kept between runs."""

import datetime as dt
import secrets
from io import StringIO

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from members.models import Organisation, User
from workshops.models import Facilitation, Funding, Invitation, Registration, Session, Workshop

WORKSHOPS = 60
PEOPLE = 10_000
REGISTRATIONS = 20_000
INVITATIONS = 20_000
BIG_WORKSHOP = "bench-workshop-00"
SECRETARIAT_EMAIL = "bench.secretariat@bench.example"
DELEGATE_EMAIL = "bench.delegate@bench.example"


def _workshops(partners: list[Organisation]) -> list[Workshop]:
    today = timezone.localdate()
    workshops = []
    for n in range(WORKSHOPS):
        start = today + dt.timedelta(days=30 + n * 7 - 200)
        workshops.append(
            Workshop(
                title=f"Regional workshop {n:02d} on customs modernisation",
                slug=f"bench-workshop-{n:02d}",
                description="Benchmark workshop. " * 20,
                start_date=start,
                end_date=start + dt.timedelta(days=3),
                city="Suva",
                country="Fiji",
                venue_name="Bench venue",
                time_zone="Pacific/Fiji",
                capacity=2000,
                default_seats=500,
                registration_deadline=timezone.now() + dt.timedelta(days=20),
                status=Workshop.Status.OPEN if n % 3 == 0 else Workshop.Status.COMPLETED,
            )
        )
    Workshop.objects.bulk_create(workshops)
    workshops = list(Workshop.objects.filter(slug__startswith="bench-workshop-").order_by("slug"))
    Funding.objects.bulk_create(
        Funding(workshop=w, funder=partners[i % len(partners)], amount=50000, funded_seats=20)
        for w in workshops
        for i in range(3)
    )
    facilitations = Facilitation.objects.bulk_create(
        Facilitation(workshop=w, organisation=partners[i], role="facilitator")
        for w in workshops
        for i in range(len(partners))
    )
    sessions = []
    for w in workshops:
        for day in range(4):
            for slot in range(5):
                starts = dt.datetime.combine(
                    w.start_date + dt.timedelta(days=day), dt.time(8 + slot * 2), tzinfo=w.zone
                )
                sessions.append(
                    Session(
                        workshop=w,
                        title=f"Session {day}.{slot}",
                        starts_at=starts,
                        ends_at=starts + dt.timedelta(hours=1, minutes=30),
                    )
                )
    Session.objects.bulk_create(sessions)
    through = Session.facilitators.through
    by_workshop = {}
    for facilitation in facilitations:
        by_workshop.setdefault(facilitation.workshop_id, []).append(facilitation)
    through.objects.bulk_create(
        through(session_id=s.pk, facilitation_id=by_workshop[s.workshop_id][0].pk)
        for s in Session.objects.filter(workshop__in=workshops)
    )
    return workshops


def _people(administrations: list[Organisation]) -> list[User]:
    password = User().password  # unusable: the benchmark signs in by session
    User.objects.bulk_create(
        User(
            email=f"bench.person{n:05d}@bench.example",
            name=f"Bench Person {n:05d}",
            organisation=administrations[n % len(administrations)],
            position="Customs Officer",
            seniority="officer",
            gender=("female", "male", "undisclosed")[n % 3],
            password=password,
        )
        for n in range(PEOPLE)
    )
    return list(User.objects.filter(email__startswith="bench.person").order_by("email"))


@transaction.atomic
def build() -> dict[str, int]:
    """Create the data set unless it is there already; returns what the database holds."""
    call_command("load_reference_data", stdout=StringIO())
    if not Workshop.objects.filter(slug=BIG_WORKSHOP).exists():
        administrations = list(Organisation.objects.filter(kind="customs", oco_status="member"))
        partners = list(Organisation.objects.exclude(kind="customs"))
        workshops = _workshops(partners)
        people = _people(administrations)
        statuses = ["approved", "submitted", "waitlisted", "declined"]
        # Each person registers for two workshops; the first workshop gets 1,000 of them.
        Registration.objects.bulk_create(
            Registration(
                workshop=workshops[1 + (n // 2 * 7 + n % 2 * 13) % (WORKSHOPS - 1)]
                if n >= 1000
                else workshops[0],
                person=people[n % PEOPLE if n < 1000 else (n // 2) % PEOPLE],
                organisation_id=people[
                    n % PEOPLE if n < 1000 else (n // 2) % PEOPLE
                ].organisation_id,
                status=statuses[n % 4],
                consent=True,
            )
            for n in range(REGISTRATIONS)
        )
        Invitation.objects.bulk_create(
            [
                Invitation(
                    workshop=workshops[n % WORKSHOPS],
                    organisation=administrations[n % len(administrations)],
                    email=f"bench.invitee{n:05d}@bench.example",
                    nonce=secrets.token_hex(16),
                    status="sent",
                )
                for n in range(INVITATIONS)
            ],
            ignore_conflicts=True,
        )
    secretariat, _ = User.objects.get_or_create(
        email=SECRETARIAT_EMAIL, defaults={"name": "Bench Secretariat", "is_secretariat": True}
    )
    if not Authenticator.objects.filter(user=secretariat).exists():
        TOTP.activate(secretariat, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    administration = Organisation.objects.get(slug="fiji")
    User.objects.get_or_create(
        email=DELEGATE_EMAIL, defaults={"name": "Bench Delegate", "organisation": administration}
    )
    return {
        "administrations": Organisation.objects.filter(kind="customs", oco_status="member").count(),
        "workshops": Workshop.objects.count(),
        "people": User.objects.count(),
        "registrations": Registration.objects.count(),
        "invitations": Invitation.objects.count(),
    }
