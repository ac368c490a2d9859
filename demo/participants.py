"""Demo participants of the 2017 Korea workshop (demo/workshops.py seeds the workshop): their
attendance, certificates and a few evaluations, for the check-in, certificate, evaluation and
Strategic Plan pages to show something. All marked as demo data."""

import datetime as dt
import zoneinfo

from demo.people import demo_email
from members.models import Organisation, User
from workshops.models import Attendance, Certificate, Evaluation, Registration, Workshop
from workshops.selectors.attendance import attended_registrations

# The 2017 participants, their attendance, certificates and evaluations. The public record
# gives no names: every person below is a demo person (demo e-mail domain, "(demo)" in the
# position) and every figure is illustrative. Of the accounts of demo/people.py only
# delegate.vanuatu takes part, so the others' pages stay as the tour and its tests expect.
# (e-mail local part, name, title, organisation slug, position, seniority, gender, language,
#  funded by KCS, days attended of 4)
KOREA_PARTICIPANTS = [
    (
        "kcs2017.tonga",
        "Sione Kioa",
        "Mr",
        "tonga",
        "Senior Customs Officer",
        "officer",
        "male",
        "en",
        True,
        4,
    ),
    ("delegate.vanuatu", "", "", "vanuatu", "", "", "", "", True, 4),
    (
        "kcs2017.png",
        "Grace Kaupa",
        "Ms",
        "papua-new-guinea",
        "Manager, Compliance",
        "manager",
        "female",
        "en",
        True,
        3,
    ),
    (
        "kcs2017.fiji",
        "Ratu Isoa Tikoca",
        "Mr",
        "fiji",
        "Manager, Border Operations",
        "manager",
        "male",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.samoa",
        "Talalelei Ah Chong",
        "Ms",
        "samoa",
        "Principal Officer, Tariff and Valuation",
        "supervisor",
        "female",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.cookislands",
        "Teina Marsters",
        "Ms",
        "cook-islands",
        "Comptroller of Customs",
        "executive",
        "female",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.kiribati",
        "Tebwaau Teiti",
        "Mr",
        "kiribati",
        "Senior Customs Officer",
        "officer",
        "male",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.solomons",
        "Alice Pitakaka",
        "Ms",
        "solomon-islands",
        "Manager, Trade Facilitation",
        "manager",
        "female",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.tuvalu",
        "Semu Tafia",
        "Mr",
        "tuvalu",
        "Customs Officer",
        "officer",
        "male",
        "en",
        True,
        2,
    ),
    (
        "kcs2017.nauru",
        "Daisy Adeang",
        "Ms",
        "nauru",
        "Customs Officer",
        "officer",
        "female",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.palau",
        "Ngiraked Tellei",
        "Mr",
        "palau",
        "Chief of Customs",
        "executive",
        "male",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.marshalls",
        "Hemline Laik",
        "Ms",
        "marshall-islands",
        "Supervisor, Clearance",
        "supervisor",
        "female",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.fsm",
        "Kasian Alik",
        "Mr",
        "micronesia-federated-states-of",
        "Customs Officer",
        "officer",
        "male",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.niue",
        "Tiva Tagaloa",
        "Ms",
        "niue",
        "Customs Officer",
        "officer",
        "undisclosed",
        "en",
        False,
        4,
    ),
    (
        "kcs2017.newcaledonia",
        "Pierre Wahéo",
        "M.",
        "new-caledonia",
        "Chef de bureau, dédouanement",
        "supervisor",
        "male",
        "fr",
        False,
        4,
    ),
    (
        "kcs2017.frenchpolynesia",
        "Heiata Teriierooiterai",
        "Mme",
        "french-polynesia",
        "Inspectrice des douanes",
        "officer",
        "female",
        "fr",
        False,
        3,
    ),
    (
        "kcs2017.wallisfutuna",
        "Soane Tauvale",
        "M.",
        "wallis-and-futuna",
        "Agent des douanes",
        "officer",
        "male",
        "fr",
        False,
        1,
    ),
    (
        "kcs2017.timorleste",
        "Ana Soares",
        "Ms",
        "timor-leste",
        "Head of Risk Management",
        "manager",
        "female",
        "en",
        True,
        4,
    ),
    (
        "kcs2017.australia",
        "James Whitfield",
        "Mr",
        "australia",
        "Director, Pacific Engagement",
        "manager",
        "male",
        "en",
        False,
        4,
    ),
    (
        "kcs2017.newzealand",
        "Hine Walker",
        "Ms",
        "new-zealand",
        "Senior Adviser, Trade Facilitation",
        "manager",
        "female",
        "en",
        False,
        4,
    ),
]
KOREA_EVALUATIONS = {
    "kcs2017.tonga": (
        5,
        4,
        5,
        4,
        "Publish our advance-ruling procedure online.",
        "Very useful exchange with the Caribbean colleagues.",
    ),
    "delegate.vanuatu": (
        4,
        4,
        4,
        5,
        "Revoir nos délais de mainlevée.",
        "Interprétation en français appréciée.",
    ),
    "kcs2017.fiji": (5, 5, 4, 4, "Start a time-release study in Suva.", ""),
    "kcs2017.samoa": (
        4,
        3,
        4,
        4,
        "Draft a national TFA implementation plan.",
        "More time for the site visit.",
    ),
    "kcs2017.palau": (5, 4, 5, 5, "", "Thanks to KCS for hosting."),
}


def _korea_person(entry) -> User:
    local, name, title, org_slug, position, seniority, gender, language = entry[:8]
    email = demo_email(local)
    existing = User.objects.filter(email=email).first()
    if existing is not None:
        return existing
    person = User(
        email=email,
        name=name,
        title=title,
        organisation=Organisation.objects.get(slug=org_slug),
        position=f"{position} (demo)",
        seniority=seniority,
        gender=gender,
        preferred_language=language,
    )
    person.set_unusable_password()
    person.save()
    return person


def seed_demo_korea_participants(workshop: Workshop) -> int:
    """Demo participants of the 2017 Korea workshop with attendance, certificates and a few
    evaluations. Creates only what is missing (no e-mail is sent): a second run changes
    nothing. Returns how many registrations were created."""
    kcs = workshop.fundings.filter(funder__slug="korea-customs-service").first()
    days = [workshop.start_date + dt.timedelta(days=n) for n in range(4)]
    decided = dt.datetime(2017, 5, 26, 9, 0, tzinfo=zoneinfo.ZoneInfo("Pacific/Fiji"))
    created_count = 0
    for entry in KOREA_PARTICIPANTS:
        person = _korea_person(entry)
        registration, created = Registration.objects.get_or_create(
            workshop=workshop,
            person=person,
            defaults={
                "organisation": person.organisation,
                "status": Registration.Status.APPROVED,
                "position": person.position,
                "seniority": person.seniority,
                "funding": kcs if entry[8] else None,
                "consent": True,
                "decided_at": decided,
            },
        )
        created_count += created
        for day in days[: entry[9]]:
            Attendance.objects.get_or_create(registration=registration, day=day)
        answers = KOREA_EVALUATIONS.get(entry[0])
        if answers:
            relevance, content, facilitation, organisation, will_apply, comments = answers
            Evaluation.objects.get_or_create(
                registration=registration,
                defaults={
                    "relevance": relevance,
                    "content": content,
                    "facilitation": facilitation,
                    "organisation": organisation,
                    "will_apply": f"{will_apply} (demo)" if will_apply else "",
                    "comments": f"{comments} (demo)" if comments else "",
                },
            )
    Workshop.objects.filter(pk=workshop.pk, evaluation_closes_on__isnull=True).update(
        evaluation_closes_on=dt.date(2017, 7, 14)
    )
    # Rows only: PDFs are built when downloaded; nothing is mailed.
    for registration in attended_registrations(Workshop.objects.filter(pk=workshop.pk)):
        Certificate.objects.get_or_create(registration=registration)
    return created_count
