"""A database of the release before core (the outbox in members' tables, each generated file
on its own row: certificates, visa letters, action-plan PDFs, donor report files) migrated to
the latest schema: every row is found again, and each file, still in MEDIA_ROOT, is downloaded
through the portal's pages as it was, not rebuilt. Runs on SQLite and, in CI, on PostgreSQL."""

import datetime as dt
import hashlib
import json
from decimal import Decimal
from pathlib import Path

from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone

from core.models import GeneratedDocument, OutgoingEmail
from workshops.models import Certificate

# The last migrations of the release before core: core's are not applied.
BEFORE_CORE = [
    ("members", "0003_outgoing_attachments"),
    ("workshops", "0004_attendance"),
    ("programmes", "0006_action_plans"),
]
BUILT = timezone.make_aware(dt.datetime(2017, 7, 1, 9, 30))
FUNDER = "Korea Customs Service"


def _previous_fingerprint(*state) -> str:
    """A fingerprint as the release before core computed it (layout version and language first)."""
    return hashlib.sha256(json.dumps(list(state)).encode()).hexdigest()


def _file(media: Path, name: str, label: str) -> tuple[str, bytes]:
    content = b"%PDF-1.7\n% " + label.encode() + b" built by the previous release\n%%EOF\n"
    (media / name).parent.mkdir(parents=True, exist_ok=True)
    (media / name).write_bytes(content)
    return name, content


def _people(apps) -> dict:
    organisation = apps.get_model("members", "Organisation")
    user = apps.get_model("members", "User")
    tonga = organisation.objects.create(name="Tonga Customs", slug="tonga", kind="customs")
    korea = organisation.objects.create(name=FUNDER, slug="kcs", kind="partner")
    delegate = user.objects.create(
        email="mele@example.org",
        name="Mele Tupou",
        organisation=tonga,
        preferred_language="fr",
        password="!",
    )
    donor = user.objects.create(
        email="park@example.org", name="Park Ji-won", organisation=korea, password="!"
    )
    apps.get_model("members", "DonorContact").objects.create(user=donor, organisation=korea)
    return {"tonga": tonga, "korea": korea, "delegate": delegate, "donor": donor}


def _workshop(apps, people):
    workshop = apps.get_model("workshops", "Workshop").objects.create(
        title="Regional workshop on the WTO TFA",
        slug="tfa-2017",
        city="Seoul",
        country="Korea",
        start_date=dt.date(2017, 6, 13),
        end_date=dt.date(2017, 6, 16),
        status="completed",
    )
    apps.get_model("workshops", "Funding").objects.create(
        workshop=workshop, funder=people["korea"], amount=Decimal("1000"), covers=["airfare"]
    )
    return workshop


def _outbox(apps, people) -> dict:
    outbox = apps.get_model("members", "OutgoingEmail")
    attachment = apps.get_model("members", "OutgoingAttachment")
    email = outbox.objects.create(
        recipient="mele@example.org",
        recipient_user=people["delegate"],
        subject="Certificat de présence",
        template="certificate",
        language="fr",
        body_text="Votre certificat est joint.",
        status="sent",
    )
    attachment.objects.create(
        email=email, filename="certificate.pdf", content_type="application/pdf", content=b"%PDF-"
    )
    attachment.objects.create(
        email=email, filename="workshop.ics", content_type="text/calendar", content=b"BEGIN"
    )
    return {"email": email.pk}


def _old_rows(apps, media: Path) -> dict:
    """The rows and files of a portal at the release before core."""
    people = _people(apps)
    workshop = _workshop(apps, people)
    venue = "Seoul, Korea"
    registration = apps.get_model("workshops", "Registration").objects.create(
        workshop=workshop,
        person=people["delegate"],
        organisation=people["tonga"],
        status="approved",
        position="Officer",
        visa_letter_needed=True,
        nationality="Tongan",
        passport_number="T1234567",
    )
    letter, letter_bytes = _file(media, f"visa-letters/{workshop.pk}/0a1b.pdf", "letter")
    registration.visa_letter = letter
    registration.visa_letter_built_at = BUILT
    registration.visa_letter_fingerprint = _previous_fingerprint(
        2, "fr", "Mele Tupou", "", "", "Tongan", "T1234567", "Officer", "Tonga Customs",
        workshop.title, "", "2017-06-13", "2017-06-16", venue, "", [],
    )  # fmt: skip
    registration.save()
    rows = _outbox(apps, people)
    certificate, certificate_bytes = _file(media, f"certificates/{workshop.pk}/2c3d.pdf", "cert")
    code = "ABCDEFGHJKMNPQRS"
    apps.get_model("workshops", "Certificate").objects.create(
        registration=registration,
        code=code,
        file=certificate,
        built_at=BUILT,
        emailed_at=BUILT,
        outgoing_email_id=rows["email"],
        fingerprint=_previous_fingerprint(
            1, "fr", code, "Mele Tupou", "", "Tonga Customs", workshop.title, "",
            "2017-06-13", "2017-06-16", venue, [FUNDER], django_settings.SITE_URL,
        ),
    )  # fmt: skip
    plan = apps.get_model("programmes", "ActionPlan").objects.create(
        workshop=workshop, level="regional"
    )
    plan_file, plan_bytes = _file(media, f"action-plans/{plan.pk}/en-4e5f.pdf", "plan")
    apps.get_model("programmes", "ActionPlanPdf").objects.create(
        plan=plan,
        language="en",
        file=plan_file,
        status="ready",
        requested_at=BUILT,
        built_at=BUILT,
        fingerprint=_previous_fingerprint(
            1, "en", "regional", "", "draft", "None", workshop.title, "",
            "2017-06-13", "2017-06-16", venue, [FUNDER], [], [],
        ),
    )  # fmt: skip
    apps.get_model("programmes", "ActionPlanPdf").objects.create(
        plan=plan, language="fr", status="failed", error="OSError: the disk is full"
    )
    report_file = apps.get_model("programmes", "ReportFile")
    report, report_bytes = _file(media, f"donor-reports/{people['korea'].pk}/6a7b.pdf", "report")
    report_file.objects.create(
        organisation=people["korea"],
        kind="workshop",
        workshop=workshop,
        language="en",
        fingerprint="f" * 64,
        status="ready",
        file=report,
        built_at=BUILT,
    )
    report_file.objects.create(
        organisation=people["korea"], kind="funding", year=2017, language="fr", status="queued"
    )
    return rows | {
        "workshop": workshop.slug,
        "delegate": people["delegate"].pk,
        "donor": people["donor"].pk,
        "registration": registration.pk,
        "plan": plan.pk,
        "korea": people["korea"].pk,
        "files": {
            "letter": (letter, letter_bytes),
            "certificate": (certificate, certificate_bytes),
            "plan": (plan_file, plan_bytes),
            "report": (report, report_bytes),
        },
    }


def _downloaded(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"] == "application/pdf"
    return b"".join(response.streaming_content)


def _built_documents() -> dict:
    return {document.kind: document for document in GeneratedDocument.objects.exclude(file="")}


def test_the_outbox_and_every_generated_file_survive_the_migrations(
    migrator, settings, tmp_path, client
):
    settings.MEDIA_ROOT = media = tmp_path / "media"
    migrator.apply_initial_migration(BEFORE_CORE[:2])
    old = migrator.apply_tested_migration(BEFORE_CORE)  # exactly that state, core not yet there
    assert not old.apps.is_installed("core")
    rows = _old_rows(old.apps, media)

    migrator.apply_tested_migration(MigrationLoader(connection).graph.leaf_nodes())
    ContentType.objects.clear_cache()  # the tables were made anew, and their ids with them

    email = OutgoingEmail.objects.get(pk=rows["email"])
    assert (email.subject, email.status) == ("Certificat de présence", "sent")
    assert sorted(a.filename for a in email.attachments.all()) == [
        "certificate.pdf",
        "workshop.ics",
    ]
    certificate = Certificate.objects.get(registration_id=rows["registration"])
    assert certificate.outgoing_email == email
    assert certificate.emailed_at == BUILT

    assert GeneratedDocument.objects.count() == 6
    documents = _built_documents()
    for kind, label in [
        ("workshops.certificate", "certificate"),
        ("workshops.visa_letter", "letter"),
        ("programmes.action_plan", "plan"),
        ("programmes.workshop_report", "report"),
    ]:
        name, _content = rows["files"][label]
        assert documents[kind].file.name == name
        assert documents[kind].status == "ready"
        assert documents[kind].built_at == BUILT
    failed = GeneratedDocument.objects.get(kind="programmes.action_plan", language="fr")
    assert (failed.status, failed.error) == ("failed", "OSError: the disk is full")
    funding = GeneratedDocument.objects.get(kind="programmes.funding_report")
    assert (funding.subject_id, funding.scope, funding.language) == (rows["korea"], "2017", "fr")
    assert funding.status == "queued"

    slug = rows["workshop"]
    client.force_login(certificate.registration.person)
    assert (
        _downloaded(client, reverse("workshops:certificate", args=[slug]))
        == (rows["files"]["certificate"][1])
    )
    assert (
        _downloaded(client, reverse("workshops:visa-letter", args=[slug]))
        == (rows["files"]["letter"][1])
    )
    plan_pdf = reverse("programmes:actionplan-pdf-download", args=[rows["plan"], "en"])
    assert _downloaded(client, plan_pdf) == rows["files"]["plan"][1]
    page = client.get(reverse("programmes:actionplan-pdf", args=[rows["plan"]])).content.decode()
    assert f'href="{plan_pdf}"' in page  # (in French: the delegate's language)
    assert "OSError: the disk is full" in page

    report = documents["programmes.workshop_report"]
    client.force_login(certificate.registration.person.__class__.objects.get(pk=rows["donor"]))
    progress = client.get(reverse("programmes:report-progress", args=[report.pk]))
    assert "The PDF is ready." in progress.content.decode()
    download = reverse("programmes:report-download", args=[report.pk])
    assert _downloaded(client, download) == rows["files"]["report"][1]
    # Nothing was rebuilt: the files on disk are the four of the previous release.
    on_disk = sorted(str(p.relative_to(media)) for p in media.rglob("*.pdf"))
    assert on_disk == sorted(name for name, _content in rows["files"].values())
