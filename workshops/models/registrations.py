"""Registrations of people to workshops (the invitations issue adds travel, visa and funding)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from workshops.models.workshops import Workshop


class Registration(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        WAITLISTED = "waitlisted", _("Waitlisted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    ACTIVE = (Status.SUBMITTED, Status.APPROVED, Status.WAITLISTED)

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="registrations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="registrations"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["workshop", "created_at", "id"]
        verbose_name = _("registration")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "person"], name="one_registration_per_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} – {self.workshop}"
