"""A donor report as tables: one sheet each in the XLSX, one CSV each. Values keep their
types (dates, integers, decimals); the writer (core.exports) decides how to show them.

Participant rows carry name, administration, position, sex and seniority only.
"""

from django.utils.translation import gettext as _

from core.exports import Table
from programmes.reports.figures import DonorReport, seniority_label, sex_label

# The tables of a report, in order: the names are part of the CSV links (parsed strictly).
TABLE_NAMES = (
    "summary",
    "participants",
    "administrations",
    "sex",
    "seniority",
    "facilitators",
    "budget",
    "activities",
    "evaluation",
    "action_plan",
)


def _summary(report: DonorReport) -> Table:
    rows = [
        [
            s.title,
            s.workshop.start_date,
            s.workshop.end_date,
            s.workshop.venue_line,
            str(s.workshop.get_status_display()),
            len(s.participants),
            s.women,
            s.men,
            s.seats_planned,
            s.seats_used,
            len(s.attended),
            s.attendance_rate,
            s.evaluations,
            len(s.actions),
        ]
        for s in report.sections
    ]
    headers = [
        _("Workshop"),
        _("First day"),
        _("Last day"),
        _("Venue"),
        _("Status"),
        _("Participants"),
        _("Women"),
        _("Men"),
        _("Funded seats planned"),
        _("Funded seats used"),
        _("Attended"),
        _("Attendance (%)"),
        _("Evaluations"),
        _("Action-plan items"),
    ]
    return Table("summary", _("Summary"), headers, rows)


def _participants(report: DonorReport) -> Table:
    rows = [
        [
            s.title,
            p.name,
            p.administration,
            p.position,
            p.sex_label,
            p.seniority_label,
            _("yes") if p.funded_by_donor else _("no"),
            p.days_present,
            _("yes") if p.attended else _("no"),
        ]
        for s in report.sections
        for p in s.participants
    ]
    headers = [
        _("Workshop"),
        _("Name"),
        _("Administration"),
        _("Position"),
        _("Sex"),
        _("Seniority"),
        _("Funded by %(donor)s") % {"donor": report.donor.short_name or report.donor.name},
        _("Days present"),
        _("Attended"),
    ]
    return Table("participants", _("Participants"), headers, rows)


def _counts(report: DonorReport, name: str, title: str, label: str, attribute: str, show) -> Table:
    rows = [
        [s.title, show(key), count] for s in report.sections for key, count in getattr(s, attribute)
    ]
    return Table(name, title, [_("Workshop"), label, _("Participants")], rows)


def _facilitators(report: DonorReport) -> Table:
    rows = [
        [s.title, f.organisation, f.person, f.role] for s in report.sections for f in s.facilitators
    ]
    headers = [_("Workshop"), _("Organisation"), _("Person"), _("Role")]
    return Table("facilitators", _("Facilitators"), headers, rows)


def _budget(report: DonorReport) -> Table:
    rows = [
        [
            line.workshop,
            line.funder,
            line.currency,
            line.amount,
            line.committed,
            line.disbursed,
            line.spent,
            line.funded_seats,
            line.seats_used,
            line.covers,
        ]
        for line in report.budget
    ]
    headers = [
        _("Workshop"),
        _("Funder"),
        _("Currency"),
        _("Budget"),
        _("Committed"),
        _("Disbursed"),
        _("Spent"),
        _("Funded seats planned"),
        _("Funded seats used"),
        _("Covers"),
    ]
    return Table("budget", _("Budget"), headers, rows)


def _activities(report: DonorReport) -> Table:
    rows = [
        [a.plan, a.priority, a.title, a.status, "; ".join(a.workshops)] for a in report.activities
    ]
    headers = [_("Strategic Plan"), _("Priority"), _("Activity"), _("Status"), _("Workshops")]
    return Table("activities", _("Strategic Plan activities"), headers, rows)


def _evaluation(report: DonorReport) -> Table:
    rows = [
        [s.title, e.question, e.answers, e.average] for s in report.sections for e in s.evaluation
    ]
    headers = [_("Workshop"), _("Question"), _("Answers"), _("Average (1-5)")]
    return Table("evaluation", _("Evaluation"), headers, rows)


def _action_plan(report: DonorReport) -> Table:
    rows = [
        [
            s.title,
            a.plan,
            a.plan_status,
            a.action,
            a.responsible,
            a.start,
            a.end,
            a.tfa_measure,
            a.status,
        ]
        for s in report.sections
        for a in s.actions
    ]
    headers = [
        _("Workshop"),
        _("Plan"),
        _("Plan status"),
        _("Action"),
        _("Responsible"),
        _("Start"),
        _("End"),
        _("TFA measure"),
        _("Status"),
    ]
    return Table("action_plan", _("Action plan"), headers, rows)


def report_tables(report: DonorReport) -> list[Table]:
    """Every table of the report, in TABLE_NAMES order. New sections add their table here."""
    return [
        _summary(report),
        _participants(report),
        _counts(
            report,
            "administrations",
            _("By administration"),
            _("Administration"),
            "by_administration",
            str,
        ),
        _counts(report, "sex", _("By sex"), _("Sex"), "by_sex", sex_label),
        _counts(
            report, "seniority", _("By seniority"), _("Seniority"), "by_seniority", seniority_label
        ),
        _facilitators(report),
        _budget(report),
        _activities(report),
        _evaluation(report),
        _action_plan(report),
    ]
