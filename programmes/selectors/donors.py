"""Reads for donors: a donor contact sees only what the organisations they represent fund;
the Secretariat sees every donor. Anything else answers 404, whatever id is guessed."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.models import GeneratedDocument
from core.permissions import may
from members.models import DonorContact, Organisation, User
from programmes.reports.data import build_report
from programmes.reports.figures import DonorReport
from workshops.models import Funding, Workshop

FIRST_YEAR, LAST_YEAR = 2000, 2100
# The generated-document kind of each kind of report (programmes/generated_documents.py).
REPORT_KINDS = {"workshop": "programmes.workshop_report", "funding": "programmes.funding_report"}
REPORT_LABELS = {"workshop": _("Workshop report"), "funding": _("Funding report")}


def donor_organisations(*, user: User) -> QuerySet[Organisation]:
    """The donors the user may report on: those they represent; every funder and every
    organisation with a donor contact for the Secretariat."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    funds = Exists(Funding.objects.filter(funder=OuterRef("pk")))
    if may(user, "programmes.manage_programmes"):
        has_contact = Exists(DonorContact.objects.filter(organisation=OuterRef("pk")))
        return Organisation.objects.filter(funds | has_contact).order_by("name")
    represented = Exists(DonorContact.objects.filter(organisation=OuterRef("pk"), user=user))
    return Organisation.objects.filter(represented).order_by("name")


def donor_organisation(*, user: User, slug: str) -> Organisation:
    try:
        return donor_organisations(user=user).get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def donor_workshops(*, user: User, donor: Organisation) -> QuerySet[Workshop]:
    """The workshops `donor` funds (the donor must be one the user may see)."""
    if not donor_organisations(user=user).filter(pk=donor.pk).exists():
        raise Http404
    return Workshop.objects.filter(
        Exists(Funding.objects.filter(workshop=OuterRef("pk"), funder=donor))
    ).order_by("-start_date", "title")


def donor_fundings(*, user: User, donor: Organisation) -> QuerySet[Funding]:
    donor_workshops(user=user, donor=donor)  # checks the user may see the donor
    return Funding.objects.filter(funder=donor).select_related("workshop", "funder")


def donor_workshop(*, user: User, donor: Organisation, slug: str) -> Workshop:
    try:
        return donor_workshops(user=user, donor=donor).get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None


def donor_years(*, user: User, donor: Organisation) -> list[int]:
    """The years in which the donor funded a workshop, newest first."""
    dates = donor_workshops(user=user, donor=donor).values_list("start_date", flat=True)
    return sorted({d.year for d in dates if d is not None}, reverse=True)


def parse_year(value: str) -> int:
    """A period as it appears in a link: four digits in a plausible range, or 404."""
    if not (len(value) == 4 and value.isascii() and value.isdigit()):
        raise Http404
    year = int(value)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


def donor_dashboard(*, user: User, donor: Organisation) -> DonorReport:
    """Every workshop the donor funded, with the figures the reports carry."""
    donor_workshops(user=user, donor=donor)
    return build_report(donor=donor, kind="dashboard")


def workshop_report(*, user: User, donor: Organisation, slug: str) -> DonorReport:
    workshop = donor_workshop(user=user, donor=donor, slug=slug)
    return build_report(donor=donor, kind="workshop", workshop=workshop)


def funding_report(*, user: User, donor: Organisation, year: int) -> DonorReport:
    """All the workshops the donor funded that start in `year`; none gives an empty report."""
    donor_workshops(user=user, donor=donor)
    return build_report(donor=donor, kind="funding", year=year)


@dataclass(frozen=True)
class ReportPdf:
    """The PDF of a donor report, with what its pages name."""

    document: GeneratedDocument
    donor: Organisation
    kind: str  # "workshop" or "funding"
    workshop: Workshop | None
    year: int | None

    @property
    def kind_label(self) -> str | Promise:
        return REPORT_LABELS[self.kind]


def report_pdf_detail(*, user: User, pk: int) -> ReportPdf:
    """A report's PDF, for someone who may see its donor (and, for a workshop report, the
    donor still funds that workshop)."""
    kinds = {document_kind: kind for kind, document_kind in REPORT_KINDS.items()}
    donors = donor_organisations(user=user)
    document = GeneratedDocument.objects.filter(
        pk=pk, kind__in=kinds, subject_id__in=donors.values("pk")
    ).first()
    if document is None or not document.scope.isdigit():
        raise Http404
    donor = Organisation.objects.get(pk=document.subject_id)
    kind = kinds[document.kind]
    if kind == "funding":
        return ReportPdf(document, donor, kind, None, int(document.scope))
    workshop = Workshop.objects.filter(pk=int(document.scope), fundings__funder=donor).first()
    if workshop is None:
        raise Http404
    return ReportPdf(document, donor, kind, workshop, None)
