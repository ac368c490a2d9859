"""Programmes: the Strategic Plan, agreements and action plans (reference measures for now)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TfaMeasure(models.Model):
    """A measure of Section I of the WTO Trade Facilitation Agreement (Articles 1-12)."""

    code = models.CharField(_("measure"), max_length=10, unique=True)
    article = models.PositiveSmallIntegerField(_("article"))
    article_title = models.CharField(_("article title"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["article", "position"]
        verbose_name = _("WTO TFA measure")
        verbose_name_plural = _("WTO TFA measures")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
