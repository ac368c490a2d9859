"""Invitations and registrations: who is asked, who comes, and under which funding."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import OutgoingEmail
from members.models import Organisation
from workshops.models.workshops import Funding, Workshop


class Invitation(models.Model):
    """An invitation to an administration (its focal points nominate) or to a named person.

    Its link carries a token signed with the portal's key over the invitation's id and a
    random 128-bit nonce; only the nonce is stored. It expires at the registration deadline.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Not sent yet")
        SENT = "sent", _("Sent")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="invitations", null=True, blank=True
    )
    name = models.CharField(_("name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"))
    language = models.CharField(max_length=2, default="en")
    nonce = models.CharField(max_length=32, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    outgoing_email = models.ForeignKey(
        OutgoingEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_reminder_at = models.DateTimeField(null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["workshop", "organisation__name", "email"]
        verbose_name = _("invitation")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "email"], name="one_invitation_per_address")
        ]
        indexes = [models.Index(fields=["workshop", "status"])]

    def __str__(self) -> str:
        return f"{self.name or self.email} – {self.workshop}"

    @property
    def is_for_administration(self) -> bool:
        return self.organisation_id is not None and not self.name


class Registration(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        APPROVED = "approved", _("Approved")
        WAITLISTED = "waitlisted", _("Waitlisted")
        DECLINED = "declined", _("Declined")
        # "Cancelled" of a registration (feminine in French), not of a workshop.
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    # What the delegate fills in on the registration form; services refuse any other field.
    DELEGATE_FIELDS = (
        "position",
        "seniority",
        "arrival_date",
        "departure_date",
        "arrival_flight",
        "departure_flight",
        "visa_letter_needed",
        "nationality",
        "passport_number",
        "dietary_needs",
        "accessibility_needs",
        "funding_requested",
        "funding_request_covers",
        "consent",
    )

    ACTIVE = (Status.SUBMITTED, Status.APPROVED, Status.WAITLISTED)
    # A submitted registration holds its seat until the Secretariat decides.
    HOLDING = (Status.SUBMITTED, Status.APPROVED)

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="registrations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="registrations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="registrations"
    )
    invitation = models.ForeignKey(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="registrations"
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    seniority = models.CharField(_("seniority level"), max_length=12, blank=True)
    arrival_date = models.DateField(_("arrival date"), null=True, blank=True)
    departure_date = models.DateField(_("departure date"), null=True, blank=True)
    arrival_flight = models.CharField(_("arrival flight"), max_length=60, blank=True)
    departure_flight = models.CharField(_("departure flight"), max_length=60, blank=True)
    visa_letter_needed = models.BooleanField(_("needs a visa support letter"), default=False)
    nationality = models.CharField(_("nationality"), max_length=100, blank=True)
    passport_number = models.CharField(_("passport number"), max_length=30, blank=True)
    dietary_needs = models.CharField(_("dietary needs"), max_length=300, blank=True)
    accessibility_needs = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    funding_requested = models.BooleanField(_("asks for funding"), default=False)
    funding_request_covers = models.JSONField(_("funding asked for"), default=list, blank=True)
    funding = models.ForeignKey(
        Funding,
        verbose_name=_("funding assigned"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
    )
    consent = models.BooleanField(_("consents to the use of the data"), default=False)
    decline_reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # The visa letter, a generated document (workshops.visa_letter).
    documents = GenericRelation(
        "core.GeneratedDocument", content_type_field="subject_type", object_id_field="subject_id"
    )
    history = HistoricalRecords(excluded_fields=["passport_number"])

    class Meta:
        ordering = ["workshop", "created_at", "id"]
        verbose_name = _("registration")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "person"], name="one_registration_per_person"
            ),
            models.CheckConstraint(
                condition=Q(departure_date__isnull=True)
                | Q(arrival_date__isnull=True)
                | Q(departure_date__gte=models.F("arrival_date")),
                name="registration_departs_after_arrival",
            ),
        ]
        indexes = [models.Index(fields=["workshop", "organisation", "status"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.workshop}"

    # --- What its person may still do with it (the same rules in services and pages) ---------

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE

    @property
    def needs_visa_letter(self) -> bool:
        return self.status == self.Status.APPROVED and self.visa_letter_needed

    @property
    def is_cancellable(self) -> bool:
        """Active, and the workshop has not begun at the venue nor been completed."""
        return self.status in self.ACTIVE and not self.workshop.has_begun

    @property
    def is_changeable(self) -> bool:
        """Cancellable, and the registration deadline has not passed."""
        return self.is_cancellable and not self.workshop.deadline_passed

    @property
    def holds_seat(self) -> bool:
        return self.status in self.HOLDING
