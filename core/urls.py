from django.urls import path

from core import views

app_name = "core"

urlpatterns = [
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<int:email_id>/", views.outbox_detail, name="outbox-detail"),
    path("outbox/<int:email_id>/resend/", views.outbox_resend, name="outbox-resend"),
]
