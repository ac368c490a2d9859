"""What happens during and after a workshop: who was there each day, their certificates of
attendance and their evaluations of the workshop."""

import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.models import OutgoingEmail
from workshops.models.registrations import Registration

# Letters and digits a reader cannot mistake for one another (no 0/O, 1/I/L, U/V).
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
CODE_LENGTH = 16  # 16 symbols of 29: about 77 bits, not guessable.


EVALUATION_QUESTIONS = ("relevance", "content", "facilitation", "organisation")


def new_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(CODE_LENGTH))


def normalise_certificate_code(typed: str) -> str:
    """A code as typed (any case, with dashes or spaces) in its stored form."""
    return "".join(ch for ch in typed.upper() if ch.isalnum())


class Attendance(models.Model):
    """One participant present on one day of the workshop (its local calendar day)."""

    registration = models.ForeignKey(
        Registration, on_delete=models.CASCADE, related_name="attendances"
    )
    day = models.DateField(_("day"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["registration", "day"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["registration", "day"], name="one_attendance_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.registration} – {self.day}"


class Certificate(models.Model):
    """A certificate of attendance. Its code is random (not the pk) and is what the public
    verification page looks up; its PDF is a generated document (workshops.certificate)."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="certificate"
    )
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=new_certificate_code
    )
    # Set by one conditional UPDATE before the e-mail is queued: a repeat mails nothing.
    emailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    outgoing_email = models.ForeignKey(
        OutgoingEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    documents = GenericRelation(
        "core.GeneratedDocument", content_type_field="subject_type", object_id_field="subject_id"
    )

    class Meta:
        ordering = ["registration"]
        verbose_name = _("certificate of attendance")
        verbose_name_plural = _("certificates of attendance")

    def __str__(self) -> str:
        return f"{self.registration} – {self.display_code}"

    def get_absolute_url(self) -> str:
        return reverse("workshops:certificate-verify", kwargs={"code": self.code})

    @property
    def display_code(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))


class Evaluation(models.Model):
    """A participant's answer to the post-workshop survey: one per registration."""

    RATING = [MinValueValidator(1), MaxValueValidator(5)]
    QUESTIONS = EVALUATION_QUESTIONS

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="evaluation"
    )
    relevance = models.PositiveSmallIntegerField(_("relevance to your work"), validators=RATING)
    content = models.PositiveSmallIntegerField(_("content"), validators=RATING)
    facilitation = models.PositiveSmallIntegerField(_("facilitation"), validators=RATING)
    organisation = models.PositiveSmallIntegerField(_("organisation"), validators=RATING)
    will_apply = models.TextField(_("what you will apply in your work"), blank=True)
    comments = models.TextField(_("comments"), blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["registration"]
        verbose_name = _("evaluation")
        constraints = [
            models.CheckConstraint(
                condition=Q(**{f"{question}__gte": 1}) & Q(**{f"{question}__lte": 5}),
                name=f"evaluation_{question}_1_to_5",
            )
            for question in EVALUATION_QUESTIONS
        ]

    def __str__(self) -> str:
        return f"{self.registration} – evaluation"


class EvaluationRequest(models.Model):
    """The e-mail asking a participant for an evaluation. The unique registration makes the
    insert itself the claim: a second run finds the row and mails nothing."""

    registration = models.OneToOneField(
        Registration, on_delete=models.CASCADE, related_name="evaluation_request"
    )
    outgoing_email = models.ForeignKey(
        OutgoingEmail, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation request")

    def __str__(self) -> str:
        return f"{self.registration} – evaluation request"
