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
    path("agreements/<int:pk>/", agreements.agreement_detail, name="agreement-detail"),
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
