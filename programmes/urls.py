from django.urls import path

from programmes.views import agreements, donors, indicators, strategic_plans

app_name = "programmes"

urlpatterns = [
    path("plans/", strategic_plans.plan_list, name="plan-list"),
    path("plans/<slug:slug>/", strategic_plans.plan_detail, name="plan-detail"),
    path("plans/activities/<int:pk>/", strategic_plans.activity_detail, name="activity-detail"),
    path("plans/activities/<int:pk>/edit/", strategic_plans.activity_edit, name="activity-edit"),
    path("plans/activities/<int:pk>/progress/", strategic_plans.progress_add, name="progress-add"),
    path(
        "plans/activities/<int:pk>/workshops/", strategic_plans.workshop_link, name="workshop-link"
    ),
    path(
        "plans/activities/<int:pk>/indicators/new/",
        indicators.indicator_create,
        name="indicator-create",
    ),
    path("plans/indicators/<int:pk>/edit/", indicators.indicator_edit, name="indicator-edit"),
    path("plans/indicators/<int:pk>/delete/", indicators.indicator_delete, name="indicator-delete"),
    path("plans/indicators/<int:pk>/periods/new/", indicators.period_create, name="period-create"),
    path("plans/periods/<int:pk>/edit/", indicators.period_edit, name="period-edit"),
    path("plans/periods/<int:pk>/delete/", indicators.period_delete, name="period-delete"),
    path("agreements/", agreements.agreement_list, name="agreement-list"),
    path("agreements/new/", agreements.agreement_create, name="agreement-create"),
    path("agreements/<int:pk>/", agreements.agreement_detail, name="agreement-detail"),
    path("agreements/<int:pk>/edit/", agreements.agreement_edit, name="agreement-edit"),
    path("agreements/<int:pk>/delete/", agreements.agreement_delete, name="agreement-delete"),
    path("agreements/<int:pk>/document/", agreements.agreement_document, name="agreement-document"),
]

# Donor portal and reports (issue #6). A report is a workshop the donor funds or a year.
_DONOR = "donors/<slug:donor>/"
_WORKSHOP = _DONOR + "workshops/<slug:workshop>/"
_YEAR = _DONOR + "<str:year>/"
urlpatterns += [
    path("donors/", donors.donor_list, name="donor-list"),
    path(_DONOR, donors.donor_dashboard, name="donor-dashboard"),
    path(_WORKSHOP, donors.report_detail, name="report-workshop"),
    path(_WORKSHOP + "report.xlsx", donors.report_xlsx, name="report-workshop-xlsx"),
    path(_WORKSHOP + "iati.xml", donors.report_iati, name="report-workshop-iati"),
    path(_WORKSHOP + "pdf/", donors.report_pdf, name="report-workshop-pdf"),
    path(_WORKSHOP + "<slug:table>.csv", donors.report_csv, name="report-workshop-csv"),
    path(_YEAR, donors.report_detail, name="report-funding"),
    path(_YEAR + "report.xlsx", donors.report_xlsx, name="report-funding-xlsx"),
    path(_YEAR + "iati.xml", donors.report_iati, name="report-funding-iati"),
    path(_YEAR + "pdf/", donors.report_pdf, name="report-funding-pdf"),
    path(_YEAR + "<slug:table>.csv", donors.report_csv, name="report-funding-csv"),
    path("reports/<int:pk>/", donors.report_progress, name="report-progress"),
    path("reports/<int:pk>/download/", donors.report_download, name="report-download"),
]

# Workshop action plans (issue #5).
from programmes.views import action_plans  # noqa: E402

urlpatterns += [
    path("workshops/<int:pk>/action-plans/", action_plans.plan_list, name="actionplan-list"),
    path(
        "workshops/<int:pk>/action-plans/new/", action_plans.plan_create, name="actionplan-create"
    ),
    path("action-plans/overdue/", action_plans.overdue, name="actionplan-overdue"),
    path("action-plans/<int:pk>/", action_plans.plan_detail, name="actionplan-detail"),
    path("action-plans/<int:pk>/adopt/", action_plans.plan_adopt, name="actionplan-adopt"),
    path("action-plans/<int:pk>/items/new/", action_plans.item_add, name="actionplan-item-add"),
    path("action-plans/items/<int:pk>/edit/", action_plans.item_edit, name="actionplan-item-edit"),
    path(
        "action-plans/items/<int:pk>/delete/",
        action_plans.item_delete,
        name="actionplan-item-delete",
    ),
    path(
        "action-plans/items/<int:pk>/follow-up/",
        action_plans.item_follow_up,
        name="actionplan-item-follow-up",
    ),
    path("action-plans/<int:pk>/pdf/", action_plans.plan_pdf, name="actionplan-pdf"),
    path(
        "action-plans/<int:pk>/pdf/status/",
        action_plans.plan_pdf_status,
        name="actionplan-pdf-status",
    ),
    path(
        "action-plans/<int:pk>/pdf/<str:language>/",
        action_plans.plan_pdf_download,
        name="actionplan-pdf-download",
    ),
]
