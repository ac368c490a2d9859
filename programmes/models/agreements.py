"""Agreements (MoUs) and what is carried out under them."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from programmes.models.strategic_plans import Activity
from workshops.models import Workshop


class Agreement(models.Model):
    """A memorandum of understanding or other agreement, and what is carried out under it."""

    title = models.CharField(_("title"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    parties = models.ManyToManyField(
        Organisation, verbose_name=_("parties"), related_name="agreements"
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    signed_at = models.CharField(_("signed at"), max_length=100, blank=True)
    document = models.FileField(_("document"), upload_to="agreements/", blank=True)
    summary = models.TextField(_("summary"), blank=True)
    activities = models.ManyToManyField(
        Activity, verbose_name=_("activities"), blank=True, related_name="agreements"
    )
    workshops = models.ManyToManyField(
        Workshop, verbose_name=_("workshops"), blank=True, related_name="agreements"
    )

    class Meta:
        ordering = ["-signed_on", "title"]
        verbose_name = _("agreement")

    def __str__(self) -> str:
        return self.short_name or self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:agreement-detail", kwargs={"pk": self.pk})
