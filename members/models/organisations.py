"""Organisations: member administrations, partners, donors and the Secretariat."""

import zoneinfo
from functools import cache

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@cache
def _known_time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value and value not in _known_time_zones():
        raise ValidationError(
            _("“%(zone)s” is not a known time zone; use an IANA name such as Pacific/Apia."),
            params={"zone": value},
        )


class Organisation(models.Model):
    class Kind(models.TextChoices):
        CUSTOMS = "customs", _("Customs administration")
        INTERNATIONAL = "international", _("International organisation")
        PARTNER = "partner", _("Development partner")
        SECRETARIAT = "secretariat", _("Secretariat")

    class OcoStatus(models.TextChoices):
        MEMBER = "member", _("Member")
        FORMER = "former", _("Former member")
        NONE = "none", _("Not a member")

    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40, blank=True)
    slug = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    oco_status = models.CharField(
        _("OCO membership"), max_length=10, choices=OcoStatus.choices, default=OcoStatus.NONE
    )
    joined_oco = models.DateField(_("joined OCO"), null=True, blank=True)
    country_iso2 = models.CharField(_("ISO country code"), max_length=2, blank=True)
    country_iso3 = models.CharField(max_length=3, blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Pacific/Fiji", validators=[validate_time_zone]
    )
    languages = models.CharField(
        _("official languages"), max_length=200, blank=True, help_text=_("Separated by “;”.")
    )
    preferred_language = models.CharField(
        _("language for correspondence"),
        max_length=2,
        choices=[("en", "English"), ("fr", "Français")],
        default="en",
    )
    is_wto_member = models.BooleanField(_("WTO member"), default=False)
    wto_member_since = models.DateField(_("WTO member since"), null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(wto_member_since__isnull=True) | models.Q(is_wto_member=True),
                name="organisation_wto_date_only_for_members",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("members:organisation-detail", kwargs={"slug": self.slug})

    @property
    def language_list(self) -> list[str]:
        return [part.strip() for part in self.languages.split(";") if part.strip()]

    @property
    def is_french_speaking(self) -> bool:
        return "French" in self.language_list

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)


class TradeAgreement(models.Model):
    """A trade agreement whose customs provisions matter to members (PACER Plus, ...)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    in_force_since = models.DateField(_("in force since"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("trade agreement")

    def __str__(self) -> str:
        return self.name


class TradeAgreementParty(models.Model):
    class Status(models.TextChoices):
        PARTY = "party", _("Party")
        SIGNED = "signed", _("Signed, not ratified")

    agreement = models.ForeignKey(TradeAgreement, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="trade_agreements"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)

    class Meta:
        verbose_name = _("party to a trade agreement")
        verbose_name_plural = _("parties to trade agreements")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="unique_trade_agreement_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.agreement} ({self.get_status_display()})"
