"""The Customs Expert database: people who can facilitate, by area and language (their past
facilitations are the workshops' Facilitation rows that name them)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from members.models import User


class ExpertiseArea(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    name_fr = models.CharField(_("name in French"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.name_fr if get_language() == "fr" and self.name_fr else self.name


class ExpertProfile(models.Model):
    class Availability(models.TextChoices):
        AVAILABLE = "available", _("Available")
        LIMITED = "limited", _("Limited availability")
        UNAVAILABLE = "unavailable", _("Not available")

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="expert_profile")
    areas = models.ManyToManyField(
        ExpertiseArea, verbose_name=_("areas of expertise"), related_name="experts"
    )
    speaks_english = models.BooleanField(_("works in English"), default=True)
    speaks_french = models.BooleanField(_("works in French"), default=False)
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    availability = models.CharField(
        _("availability"),
        max_length=12,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
    )
    availability_notes = models.CharField(_("availability notes"), max_length=200, blank=True)
    summary = models.TextField(_("experience"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["user__name"]
        verbose_name = _("expert profile")

    def __str__(self) -> str:
        return str(self.user)

    def get_absolute_url(self) -> str:
        return reverse("workshops:expert-detail", kwargs={"pk": self.pk})
