"""factory_boy factories for workshop action plans."""

import datetime as dt

import factory
from django.utils import timezone

from programmes.models import ActionItem, ActionPlan, TfaMeasure
from tests.factories import FocalPointFactory, OrganisationFactory, UserFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration, Workshop

MEASURES = [
    ("1.3", 1, "Publication and Availability of Information", "Enquiry Points", 3),
    ("7.1", 7, "Release and Clearance of Goods", "Pre-arrival Processing", 1),
    ("7.4", 7, "Release and Clearance of Goods", "Risk Management", 4),
    (
        "10.4",
        10,
        "Formalities Connected with Importation, Exportation and Transit",
        "Single Window",
        4,
    ),
]


def tfa_measures() -> dict[str, TfaMeasure]:
    return {
        code: TfaMeasure.objects.get_or_create(
            code=code,
            defaults={"article": a, "article_title": at, "title": t, "position": p},
        )[0]
        for code, a, at, t, p in MEASURES
    }


class ActionPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionPlan

    # Plans come out of a workshop that has taken place.
    workshop = factory.SubFactory(
        WorkshopFactory,
        status=Workshop.Status.COMPLETED,
        start_date=factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=90)),
    )
    level = ActionPlan.Level.REGIONAL
    administration = None


class NationalPlanFactory(ActionPlanFactory):
    level = ActionPlan.Level.NATIONAL
    administration = factory.SubFactory(OrganisationFactory)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    plan = factory.SubFactory(ActionPlanFactory)
    action = factory.Sequence(lambda n: f"Action {n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=30))
    end_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=365))
    position = factory.Sequence(lambda n: n)


def focal_point_with_plan(workshop=None, **plan_fields):
    """A focal point of an administration with an approved participant in the workshop, and
    that administration's national plan."""
    plan = NationalPlanFactory(**({"workshop": workshop} if workshop else {}), **plan_fields)
    focal = UserFactory(organisation=plan.administration)
    FocalPointFactory(user=focal, organisation=plan.administration)
    RegistrationFactory(
        workshop=plan.workshop,
        person=UserFactory(organisation=plan.administration),
        status=Registration.Status.APPROVED,
    )
    return focal, plan
