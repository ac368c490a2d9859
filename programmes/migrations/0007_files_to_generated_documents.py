# Action-plan PDFs and donor report PDFs become generated documents (core.GeneratedDocument):
# every row is carried over with its file, status, error and times; 0008 then drops the old
# tables. A report's subject is its donor and its scope the workshop's id or the year. Going
# back carries them home again.

from django.db import migrations

PLAN = "programmes.action_plan"
REPORTS = {"workshop": "programmes.workshop_report", "funding": "programmes.funding_report"}


def _subject_type(apps, app_label: str, model: str):
    content_types = apps.get_model("contenttypes", "ContentType")
    return content_types.objects.get_or_create(app_label=app_label, model=model)[0]


def _plan_documents(apps):
    document = apps.get_model("core", "GeneratedDocument")
    subject_type = None
    for pdf in apps.get_model("programmes", "ActionPlanPdf").objects.iterator():
        subject_type = subject_type or _subject_type(apps, "programmes", "actionplan")
        yield document(
            kind=PLAN,
            subject_type=subject_type,
            subject_id=pdf.plan_id,
            language=pdf.language,
            fingerprint=pdf.fingerprint,
            status=pdf.status,
            error=pdf.error,
            file=pdf.file.name,
            requested_at=pdf.requested_at,
            built_at=pdf.built_at,
        )


def _report_documents(apps):
    document = apps.get_model("core", "GeneratedDocument")
    subject_type = None
    for report in apps.get_model("programmes", "ReportFile").objects.iterator():
        subject_type = subject_type or _subject_type(apps, "members", "organisation")
        ready = report.status == "ready"
        yield document(
            kind=REPORTS[report.kind],
            subject_type=subject_type,
            subject_id=report.organisation_id,
            scope=str(report.workshop_id if report.kind == "workshop" else report.year),
            language=report.language,
            # A report's fingerprint was set when asked for: it tells the file's data only once built.
            fingerprint=report.fingerprint if ready else "",
            status=report.status,
            error=report.error,
            file=report.file.name,
            requested_at=report.requested_at,
            built_at=report.built_at,
        )


def carry_over(apps, schema_editor):
    document = apps.get_model("core", "GeneratedDocument")
    document.objects.bulk_create(_plan_documents(apps))
    document.objects.bulk_create(_report_documents(apps))


def carry_back(apps, schema_editor):
    documents = apps.get_model("core", "GeneratedDocument").objects
    plan_pdf = apps.get_model("programmes", "ActionPlanPdf")
    report_file = apps.get_model("programmes", "ReportFile")
    fields = ("fingerprint", "status", "error", "requested_at", "built_at")
    for row in documents.filter(kind=PLAN).iterator():
        values = {name: getattr(row, name) for name in fields}
        plan_pdf.objects.create(
            plan_id=row.subject_id, language=row.language, file=row.file.name, **values
        )
    kinds = {document_kind: kind for kind, document_kind in REPORTS.items()}
    for row in documents.filter(kind__in=kinds).iterator():
        kind = kinds[row.kind]
        report = report_file.objects.create(
            organisation_id=row.subject_id,
            kind=kind,
            workshop_id=int(row.scope) if kind == "workshop" else None,
            year=int(row.scope) if kind == "funding" else None,
            language=row.language,
            file=row.file.name,
            **{name: getattr(row, name) for name in fields if name != "requested_at"},
        )
        report_file.objects.filter(pk=report.pk).update(requested_at=row.requested_at)
    documents.filter(kind__in=[PLAN, *kinds]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0006_action_plans"),
        ("core", "0003_generated_documents"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(carry_over, carry_back)]
