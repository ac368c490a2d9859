# Certificates and visa letters become generated documents (core.GeneratedDocument). Each built
# file is carried over with its fingerprint and build time, so it stays current and downloadable
# without a rebuild; 0007 then drops the old columns. Going back carries them home again.

from django.db import migrations

CERTIFICATE, LETTER = "workshops.certificate", "workshops.visa_letter"


def _subject_type(apps, model: str):
    content_types = apps.get_model("contenttypes", "ContentType")
    return content_types.objects.get_or_create(app_label="workshops", model=model)[0]


def _documents(apps, kind, model, rows):
    document = apps.get_model("core", "GeneratedDocument")
    subject_type = None
    for pk, name, fingerprint, built_at in rows:
        subject_type = subject_type or _subject_type(apps, model)
        yield document(
            kind=kind,
            subject_type=subject_type,
            subject_id=pk,
            fingerprint=fingerprint,
            status="ready",
            file=name,
            requested_at=built_at,
            built_at=built_at,
        )


def carry_over(apps, schema_editor):
    document = apps.get_model("core", "GeneratedDocument")
    certificates = apps.get_model("workshops", "Certificate").objects.exclude(file="")
    letters = apps.get_model("workshops", "Registration").objects.exclude(visa_letter="")
    rows = certificates.values_list("pk", "file", "fingerprint", "built_at")
    document.objects.bulk_create(_documents(apps, CERTIFICATE, "certificate", rows.iterator()))
    rows = letters.values_list(
        "pk", "visa_letter", "visa_letter_fingerprint", "visa_letter_built_at"
    )
    document.objects.bulk_create(_documents(apps, LETTER, "registration", rows.iterator()))


def carry_back(apps, schema_editor):
    documents = apps.get_model("core", "GeneratedDocument").objects.exclude(file="")
    certificate = apps.get_model("workshops", "Certificate")
    registration = apps.get_model("workshops", "Registration")
    for row in documents.filter(kind=CERTIFICATE).iterator():
        certificate.objects.filter(pk=row.subject_id).update(
            file=row.file.name, fingerprint=row.fingerprint, built_at=row.built_at
        )
    for row in documents.filter(kind=LETTER).iterator():
        registration.objects.filter(pk=row.subject_id).update(
            visa_letter=row.file.name,
            visa_letter_fingerprint=row.fingerprint,
            visa_letter_built_at=row.built_at,
        )
    apps.get_model("core", "GeneratedDocument").objects.filter(
        kind__in=[CERTIFICATE, LETTER]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0005_outbox_in_core"),
        ("core", "0003_generated_documents"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(carry_over, carry_back)]
