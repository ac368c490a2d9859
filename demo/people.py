"""Demo accounts for every role, so a newcomer can click through the portal.

Every demo account shares DEMO_PASSWORD. Secretariat staff must use two-factor sign-in:
their authenticator uses DEMO_TOTP_SECRET (add it to an authenticator app, or print the
current code with `manage.py demo_totp`).
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.db import transaction

from members.models import DonorContact, FocalPoint, Organisation, User

DEMO_PASSWORD = "pacific-workshops-2026"
DEMO_TOTP_SECRET = "OCODEMOSECRETFORTOTPQ2KXJ7TB4ZLA"
DEMO_DOMAIN = "demo.oco-portal.example"


@dataclass(frozen=True)
class DemoPerson:
    email: str
    name: str
    title: str
    organisation: str  # slug
    position: str
    seniority: str
    gender: str
    language: str = "en"
    secretariat: bool = False
    staff: bool = False
    focal_point: bool = False
    donor: bool = False


PEOPLE = [
    DemoPerson(
        "secretariat",
        "Mere Tuilagi",
        "Ms",
        "oco-secretariat",
        "Programme Manager, Capacity Building",
        "manager",
        "female",
        secretariat=True,
    ),
    DemoPerson(
        "admin",
        "Sione Havili",
        "Mr",
        "oco-secretariat",
        "Systems Administrator",
        "officer",
        "male",
        staff=True,
    ),
    DemoPerson(
        "focal.fiji",
        "Josaia Naivalu",
        "Mr",
        "fiji",
        "Manager Border Policy, Fiji Revenue and Customs Service",
        "manager",
        "male",
        focal_point=True,
    ),
    DemoPerson(
        "focal.samoa",
        "Leota Faleolo",
        "Ms",
        "samoa",
        "Assistant CEO, Customs Services",
        "executive",
        "female",
        focal_point=True,
    ),
    DemoPerson(
        "focal.newcaledonia",
        "Claire Wamytan",
        "Mme",
        "new-caledonia",
        "Cheffe du bureau des relations internationales, Douanes",
        "manager",
        "female",
        language="fr",
        focal_point=True,
    ),
    DemoPerson(
        "delegate.tonga",
        "Viliami Fifita",
        "Mr",
        "tonga",
        "Senior Customs Officer",
        "officer",
        "male",
    ),
    DemoPerson(
        "delegate.vanuatu",
        "Marie Kalsakau",
        "Ms",
        "vanuatu",
        "Supervisor, Trade Facilitation",
        "supervisor",
        "female",
        language="fr",
    ),
    DemoPerson(
        "delegate.png",
        "Kila Aopi",
        "Mr",
        "papua-new-guinea",
        "Customs Officer",
        "officer",
        "undisclosed",
    ),
    DemoPerson(
        "donor.kcs",
        "Park Ji-won",
        "Ms",
        "korea-customs-service",
        "Deputy Director, International Cooperation",
        "manager",
        "female",
        donor=True,
    ),
    DemoPerson(
        "donor.worldbank",
        "Daniel Okafor",
        "Mr",
        "world-bank",
        "Senior Trade Facilitation Specialist",
        "manager",
        "male",
        donor=True,
    ),
    DemoPerson(
        "facilitator.nz",
        "Aroha Ngata",
        "Ms",
        "new-zealand",
        "Trade Facilitation Adviser, New Zealand Customs Service",
        "manager",
        "female",
    ),
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


@transaction.atomic
def seed_demo_people() -> list[tuple[str, str]]:
    """Create or refresh the demo accounts; returns (e-mail, what was done) per account."""
    organisations = {org.slug: org for org in Organisation.objects.all()}
    missing = {person.organisation for person in PEOPLE} - set(organisations)
    if missing:
        raise LookupError(
            f"Load the reference data first (manage.py load_reference_data); missing: {sorted(missing)}"
        )
    report = []
    for person in PEOPLE:
        report.append(_seed_person(person, organisations[person.organisation]))
    return report


def _seed_person(person: DemoPerson, organisation: Organisation) -> tuple[str, str]:
    email = demo_email(person.email)
    user, created = User.objects.update_or_create(
        email=email,
        defaults={
            "name": person.name,
            "title": person.title,
            "organisation": organisation,
            "position": person.position,
            "seniority": person.seniority,
            "gender": person.gender,
            "preferred_language": person.language,
            "is_secretariat": person.secretariat,
            "is_staff": person.staff,
            "is_superuser": person.staff,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    EmailAddress.objects.update_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if person.focal_point:
        FocalPoint.objects.get_or_create(user=user, organisation=organisation)
    if person.donor:
        DonorContact.objects.get_or_create(user=user, organisation=organisation)
    if (person.secretariat or person.staff) and not Authenticator.objects.filter(
        user=user, type=Authenticator.Type.TOTP
    ).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)
    return email, "created" if created else "updated"
