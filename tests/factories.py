"""factory_boy factories for the members app."""

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP

from core.models import OutgoingEmail
from members.models import DonorContact, FocalPoint, Organisation, User

TEST_PASSWORD = "a-long-test-password-91"
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Administration {n}")
    slug = factory.Sequence(lambda n: f"administration-{n}")
    kind = Organisation.Kind.CUSTOMS
    oco_status = Organisation.OcoStatus.MEMBER
    country_iso2 = "FJ"
    time_zone = "Pacific/Fiji"
    languages = "English"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    position = "Customs Officer"
    seniority = User.Seniority.OFFICER

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or TEST_PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified primary address, as allauth requires to sign in (pass verified=False to skip)."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class SecretariatFactory(UserFactory):
    is_secretariat = True
    organisation = factory.SubFactory(
        OrganisationFactory,
        name="OCO Secretariat (test)",
        slug="oco-secretariat-test",
        kind=Organisation.Kind.SECRETARIAT,
        oco_status=Organisation.OcoStatus.NONE,
    )

    @factory.post_generation
    def totp(self, create, extracted, **kwargs):
        if create and extracted is not False:
            TOTP.activate(self, TEST_TOTP_SECRET)


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocalPoint

    user = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("user.organisation")


class DonorContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DonorContact

    organisation = factory.SubFactory(
        OrganisationFactory, kind=Organisation.Kind.PARTNER, oco_status=Organisation.OcoStatus.NONE
    )
    user = factory.SubFactory(UserFactory, organisation=factory.SelfAttribute("..organisation"))


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutgoingEmail

    recipient = factory.Sequence(lambda n: f"recipient{n}@example.org")
    subject = "A test message"
    template = "test"
    body_text = "Hello"
