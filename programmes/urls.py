from django.urls import path

from programmes import views

app_name = "programmes"

urlpatterns = [
    path("plans/", views.plan_list, name="plan-list"),
    path("plans/<slug:slug>/", views.plan_detail, name="plan-detail"),
    path("plans/activities/<int:pk>/", views.activity_detail, name="activity-detail"),
    path("plans/activities/<int:pk>/edit/", views.activity_edit, name="activity-edit"),
    path("plans/activities/<int:pk>/progress/", views.progress_add, name="progress-add"),
    path("plans/activities/<int:pk>/workshops/", views.workshop_link, name="workshop-link"),
    path("agreements/", views.agreement_list, name="agreement-list"),
    path("agreements/<int:pk>/", views.agreement_detail, name="agreement-detail"),
]
