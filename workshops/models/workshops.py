"""A workshop and what is planned around it: funding, facilitators, seats, agenda."""

import datetime as dt
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.models import Organisation, validate_time_zone


class Workshop(models.Model):
    # What the Secretariat edits on the workshop's form; services refuse any other field.
    EDITABLE_FIELDS = (
        "title",
        "title_fr",
        "description",
        "description_fr",
        "start_date",
        "end_date",
        "venue_name",
        "city",
        "country",
        "time_zone",
        "host",
        "languages",
        "capacity",
        "default_seats",
        "registration_deadline",
        "is_public",
    )

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for registration")
        CLOSED = "closed", _("Registration closed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class Languages(models.TextChoices):
        EN = "en", _("English")
        FR = "fr", _("French")
        EN_FR = "en+fr", _("English and French (interpretation)")

    title = models.CharField(_("title"), max_length=200)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    slug = models.SlugField(max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    description_fr = models.TextField(_("description in French"), blank=True)
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    time_zone = models.CharField(
        _("time zone of the venue"),
        max_length=64,
        default="Pacific/Fiji",
        validators=[validate_time_zone],
        help_text=_("An IANA name such as Pacific/Apia or Asia/Seoul."),
    )
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host organisation"),
        on_delete=models.PROTECT,
        related_name="hosted_workshops",
        null=True,
        blank=True,
    )
    languages = models.CharField(
        _("languages"), max_length=5, choices=Languages.choices, default=Languages.EN
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    default_seats = models.PositiveSmallIntegerField(
        _("seats per administration"),
        default=2,
        help_text=_("Default quota of each member administration; override it per administration."),
    )
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=True,
        help_text=_("Public workshops are listed for everyone; others only for those invited."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    cancellation_reason = models.TextField(_("reason for cancelling"), blank=True)
    attendance_share_required = models.PositiveSmallIntegerField(
        _("attendance needed for a certificate (%)"),
        default=75,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Share of the workshop's days a participant must attend to be certified."),
    )
    evaluation_closes_on = models.DateField(
        _("evaluation closes on"),
        null=True,
        blank=True,
        help_text=_("Last day participants can submit or change their evaluation."),
    )
    cloned_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="clones"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-start_date", "title"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="workshop_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(attendance_share_required__gte=1)
                & Q(attendance_share_required__lte=100),
                name="workshop_attendance_share_1_to_100",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("workshops:detail", kwargs={"slug": self.slug})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def display_title(self) -> str:
        return self.title_fr if get_language() == "fr" and self.title_fr else self.title

    @property
    def display_description(self) -> str:
        if get_language() == "fr" and self.description_fr:
            return self.description_fr
        return self.description

    @property
    def venue_line(self) -> str:
        return ", ".join(part for part in (self.venue_name, self.city, self.country) if part)

    # --- Rules of its calendar, read by services, views and templates alike ------------------

    def venue_today(self) -> dt.date:
        """Today's date at the venue (Apia and Pago Pago share a clock, not a date)."""
        return timezone.now().astimezone(self.zone).date()

    @property
    def deadline_passed(self) -> bool:
        deadline = self.registration_deadline
        return bool(deadline and timezone.now() > deadline)

    @property
    def registration_closed_reason(self) -> str:
        """Why nobody can register now, or "" while registration is open."""
        if self.status != self.Status.OPEN:
            return str(_("Registration for this workshop is closed."))
        if self.deadline_passed:
            return str(_("The registration deadline has passed."))
        return ""

    @property
    def is_open_for_registration(self) -> bool:
        return not self.registration_closed_reason

    @property
    def has_begun(self) -> bool:
        """Completed, or its first day has come at the venue: its registrations are history."""
        if self.status == self.Status.COMPLETED:
            return True
        return bool(self.start_date and self.venue_today() >= self.start_date)


class Funding(models.Model):
    class Covers(models.TextChoices):
        AIRFARE = "airfare", _("Airfare")
        PER_DIEM = "per_diem", _("Per diem")
        ACCOMMODATION = "accommodation", _("Accommodation")
        VENUE = "venue", _("Venue")
        INTERPRETATION = "interpretation", _("Interpretation")
        OTHER = "other", _("Other")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="fundings")
    funder = models.ForeignKey(
        Organisation, verbose_name=_("funder"), on_delete=models.PROTECT, related_name="fundings"
    )
    amount = models.DecimalField(
        _("amount"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    covers = models.JSONField(_("covers"), default=list, blank=True)
    eligible_all_members = models.BooleanField(
        _("all member administrations are eligible"), default=True
    )
    eligible_organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("eligible organisations"),
        blank=True,
        related_name="eligible_fundings",
    )
    funded_seats = models.PositiveIntegerField(_("funded seats"), default=0)
    committed = models.DecimalField(
        _("committed"),
        max_digits=14,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    disbursed = models.DecimalField(
        _("disbursed"),
        max_digits=14,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    spent = models.DecimalField(
        _("spent"),
        max_digits=14,
        decimal_places=2,
        default=Decimal(0),
        validators=[MinValueValidator(Decimal(0))],
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["workshop", "funder__name", "id"]
        verbose_name = _("funding")
        verbose_name_plural = _("fundings")
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0)
                & Q(committed__gte=0)
                & Q(disbursed__gte=0)
                & Q(spent__gte=0),
                name="funding_amounts_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder} – {self.amount} {self.currency}"

    def get_covers_display(self) -> list[str]:
        labels = dict(self.Covers.choices)
        return [str(labels.get(code, code)) for code in self.covers]


class Facilitation(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Lead facilitator")
        FACILITATOR = "facilitator", _("Facilitator")
        RESOURCE = "resource", _("Resource person")
        OBSERVER = "observer", _("Observer")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="facilitations")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="facilitations",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="facilitations",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=Role.choices, default=Role.FACILITATOR
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["workshop", "organisation__name", "id"]
        verbose_name = _("facilitation")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop", "organisation", "person"],
                condition=Q(person__isnull=False),
                name="unique_facilitation_person",
            ),
            models.UniqueConstraint(
                fields=["workshop", "organisation"],
                condition=Q(person__isnull=True),
                name="unique_facilitation_organisation",
            ),
        ]

    def __str__(self) -> str:
        who = f"{self.person} ({self.organisation})" if self.person_id else str(self.organisation)
        return f"{who} – {self.get_role_display()}"


class SeatQuota(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="seat_quotas")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="seat_quotas"
    )
    seats = models.PositiveSmallIntegerField(_("seats"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("seat quota")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "organisation"], name="unique_seat_quota")
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.seats}"


class Session(models.Model):
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=200)
    title_fr = models.CharField(_("title in French"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    facilitators = models.ManyToManyField(
        Facilitation, verbose_name=_("facilitators"), blank=True, related_name="sessions"
    )
    history = HistoricalRecords(m2m_fields=[facilitators])

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("session")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_it_starts"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return self.title_fr if get_language() == "fr" and self.title_fr else self.title
