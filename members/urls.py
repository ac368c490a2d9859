from django.urls import path

from members import views

app_name = "members"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/<slug:slug>/", views.organisation_detail, name="organisation-detail"),
    path("profile/", views.profile, name="profile"),
    path("people/", views.people, name="people"),
    path("people/<int:person_id>/roles/", views.person_roles, name="person-roles"),
]
