"""The generated documents of the programmes app (core.documents): the PDF of an action plan
(English or French, as asked) and the PDFs of donor reports (of one workshop or one year, in
the language of whoever asks)."""

import uuid

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.documents import DocumentBuilder, register
from members.models import Organisation
from programmes.models import ActionPlan
from programmes.reports.data import DonorReport
from programmes.reports.tables import report_tables
from programmes.selectors.action_plans import PlanView, plan_document
from programmes.services import action_plan_pdfs, reports


def _item_state(item) -> list:
    return [
        item.pk,
        item.action,
        item.responsible.name if item.responsible else "",
        str(item.start_date),
        str(item.end_date),
        item.tfa_measure.code if item.tfa_measure else "",
        item.tfa_category,
        item.assistance_needed,
        item.status,
    ]


@register
class ActionPlanBuilder(DocumentBuilder):
    kind = action_plan_pdfs.KIND
    subject_model = ActionPlan
    template = "pdf/action_plan.html"
    layout_version = 1
    languages = tuple(ActionPlan.PdfLanguage.values)
    wording = {
        "queued": _("Building… this page refreshes itself."),
        "building": _("Building… this page refreshes itself."),
        "refreshes": "",
        "failed": _("The PDF could not be built:"),
        "retry": _("Retry"),
        "ready": "",
        "download": _("Download (%(language)s)"),
        "built": _("built %(date)s"),
        "stale": _("The plan changed since the last PDF: prepare it again."),
        "rebuild": "",
    }

    def load(self, subject_id: int, scope: str) -> PlanView | None:
        return plan_document(plan_id=subject_id)

    def state(self, view: PlanView, language: str) -> list:
        plan, workshop = view.plan, view.plan.workshop
        return [
            plan.level,
            plan.administration.name if plan.administration else "",
            plan.status,
            str(plan.adopted_at),
            workshop.title,
            workshop.title_fr,
            str(workshop.start_date),
            str(workshop.end_date),
            workshop.venue_line,
            sorted(funder.name for funder in view.funders),
            [_item_state(i) for g in view.groups for i in g.items],
            [
                [s.plan.administration.name, s.plan.status]
                + [_item_state(i) for g in s.groups for i in g.items]
                for s in view.national
            ],
        ]

    def context(self, view: PlanView, language: str) -> dict:
        return {
            "view": view,
            "plan": view.plan,
            "workshop": view.plan.workshop,
            "today": timezone.localdate(),
        }

    def path(self, view: PlanView, language: str) -> str:
        return f"action-plans/{view.plan.pk}/{language}-{uuid.uuid4().hex}.pdf"

    def filename(self, view: PlanView, language: str) -> str:
        plan = view.plan
        administration = plan.administration
        who = (administration.short_name or administration.name) if administration else ""
        name = "-".join(p for p in ["action-plan", plan.workshop.slug, who, language] if p)
        return name.lower().replace(" ", "-") + ".pdf"


class DonorReportBuilder(DocumentBuilder):
    """A donor's report: its subject is the donor, its scope the workshop's id or the year."""

    report_kind: str
    subject_model = Organisation
    template = "pdf/report_donor.html"
    layout_version = 1
    languages = tuple(code for code, _name in settings.LANGUAGES)
    # A report whose data changed since may still be downloaded, with a warning and a rebuild.
    serve_stale = True

    def load(self, subject_id: int, scope: str) -> DonorReport | None:
        return reports.report_load(donor_id=subject_id, kind=self.report_kind, scope=scope)

    def state(self, report: DonorReport, language: str) -> list:
        with translation.override(language):
            tables = [[t.name, t.headers, t.rows] for t in report_tables(report)]
        return [report.kind, report.donor.pk, report.year, tables]

    def context(self, report: DonorReport, language: str) -> dict:
        return {"report": report}

    def path(self, report: DonorReport, language: str) -> str:
        # A generated name: the path tells nothing about the donor or the report.
        return f"donor-reports/{report.donor.pk}/{uuid.uuid4().hex}.pdf"

    def filename(self, report: DonorReport, language: str) -> str:
        subject = report.sections[0].workshop.slug if report.kind == "workshop" else report.year
        return f"{report.donor.slug}-{subject}-{language}.pdf"


@register
class WorkshopReportBuilder(DonorReportBuilder):
    kind = reports.KINDS["workshop"]
    report_kind = "workshop"


@register
class FundingReportBuilder(DonorReportBuilder):
    kind = reports.KINDS["funding"]
    report_kind = "funding"
