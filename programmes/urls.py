from django.urls import path

from programmes.views import agreements, strategic_plans

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
    path("agreements/", agreements.agreement_list, name="agreement-list"),
    path("agreements/new/", agreements.agreement_create, name="agreement-create"),
    path("agreements/<int:pk>/", agreements.agreement_detail, name="agreement-detail"),
    path("agreements/<int:pk>/edit/", agreements.agreement_edit, name="agreement-edit"),
    path("agreements/<int:pk>/delete/", agreements.agreement_delete, name="agreement-delete"),
    path("agreements/<int:pk>/document/", agreements.agreement_document, name="agreement-document"),
]
