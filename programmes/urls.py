from django.urls import path

from programmes.views import agreements, indicators, strategic_plans

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
