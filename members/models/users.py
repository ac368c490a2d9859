"""People: the custom user (e-mail login) and their links to organisations."""

import zoneinfo

from django.conf import settings
from django.contrib.auth.base_user import BaseUserManager
from django.contrib.auth.models import AbstractBaseUser, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models.organisations import Organisation, validate_time_zone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields) -> "User":
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields) -> "User":
        fields.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        ANOTHER = "another", _("Another gender")
        UNDISCLOSED = "undisclosed", _("Prefer not to say")

    class Seniority(models.TextChoices):
        EXECUTIVE = "executive", _("Executive")
        MANAGER = "manager", _("Manager")
        SUPERVISOR = "supervisor", _("Supervisor")
        OFFICER = "officer", _("Officer")

    email = models.EmailField(_("e-mail address"), unique=True)
    name = models.CharField(_("full name"), max_length=150)
    title = models.CharField(_("title"), max_length=30, blank=True, help_text=_("Mr, Ms, Dr…"))
    gender = models.CharField(
        _("gender"),
        max_length=12,
        choices=Gender.choices,
        blank=True,
        help_text=_("Optional; used only in anonymous totals."),
    )
    position = models.CharField(_("position"), max_length=150, blank=True)
    seniority = models.CharField(
        _("seniority level"), max_length=12, choices=Seniority.choices, blank=True
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="people",
        null=True,
        blank=True,
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        validators=[validate_time_zone],
        help_text=_("Leave empty to use your organisation's."),
    )
    is_secretariat = models.BooleanField(
        _("Secretariat staff"),
        default=False,
        help_text=_("May manage everything in the portal; must use two-factor sign-in."),
    )
    is_staff = models.BooleanField(
        _("Django admin access"), default=False, help_text=_("System administrators only.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name or self.email

    def clean(self) -> None:
        # Forms that bypass the manager (the admin's) must store the address as it does, so
        # that the unique check also catches the same address typed in another case.
        super().clean()
        self.email = type(self).objects.normalize_email(self.email).lower()

    def get_full_name(self) -> str:
        return " ".join(part for part in (self.title, self.name) if part)

    def get_short_name(self) -> str:
        return self.name

    @property
    def effective_time_zone(self) -> str:
        if self.time_zone:
            return self.time_zone
        if self.organisation_id:
            return self.organisation.time_zone
        return settings.TIME_ZONE

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.effective_time_zone)


class FocalPoint(models.Model):
    """A person who speaks for an administration: nominates its delegates, edits its items."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="focal_points")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="focal_points"
    )
    since = models.DateField(_("since"), default=timezone.localdate)

    class Meta:
        verbose_name = _("focal point")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_focal_point")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"


class DonorContact(models.Model):
    """A person who represents a funding organisation and sees what it funded."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="donor_contacts")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="donor_contacts"
    )

    class Meta:
        verbose_name = _("donor contact")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="unique_donor_contact")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation}"
