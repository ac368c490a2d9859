"""Celery tasks run when a workshop is completed: certificates and evaluation requests
(imported by WorkshopsConfig.ready). Each takes ids and is safe to run twice."""

from celery import shared_task

from workshops.models import Workshop
from workshops.services import certificates, evaluations


@shared_task(name="workshops.issue_certificates", time_limit=120, soft_time_limit=100)
def issue_certificates(workshop_id: int) -> int:
    """Create the certificates of a completed workshop and fan out one build per certificate."""
    workshop = Workshop.objects.filter(pk=workshop_id).first()
    if workshop is None:
        return 0
    ids = certificates.certificates_create(workshop=workshop)
    for certificate_id in ids:
        build_certificate.delay(certificate_id)
    return len(ids)


@shared_task(name="workshops.build_certificate", time_limit=120, soft_time_limit=100)
def build_certificate(certificate_id: int, mail: bool = True) -> bool:
    """Build one certificate's PDF if it changed, then (with `mail`) mail it if it never was."""
    built = certificates.certificate_build(certificate_id=certificate_id)
    if mail:
        certificates.certificate_email(certificate_id=certificate_id)
    return built


@shared_task(name="workshops.request_evaluations", time_limit=300, soft_time_limit=270)
def request_evaluations(workshop_id: int) -> int:
    """E-mail the evaluation survey to each approved participant who was not asked yet."""
    return evaluations.evaluation_requests_send(workshop_id=workshop_id)
