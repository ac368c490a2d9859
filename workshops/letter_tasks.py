"""Celery task building visa support letters (imported by WorkshopsConfig.ready)."""

from celery import shared_task

from workshops.services import visa_letters


# Soft limit below the hard one (the project-wide soft limit is above this hard limit).
@shared_task(name="workshops.build_visa_letter", time_limit=120, soft_time_limit=100)
def build_visa_letter(registration_id: int) -> bool:
    """Build the letter of one registration; does nothing when it is current or not needed."""
    return visa_letters.visa_letter_build(registration_id=registration_id)
