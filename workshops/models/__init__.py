from workshops.models.attendance import Attendance, Certificate, Evaluation, EvaluationRequest
from workshops.models.documents import Document
from workshops.models.experts import ExpertiseArea, ExpertProfile
from workshops.models.registrations import Invitation, Registration
from workshops.models.workshops import Facilitation, Funding, SeatQuota, Session, Workshop

__all__ = [
    "Attendance",
    "Certificate",
    "Document",
    "Evaluation",
    "EvaluationRequest",
    "ExpertProfile",
    "ExpertiseArea",
    "Facilitation",
    "Funding",
    "Invitation",
    "Registration",
    "SeatQuota",
    "Session",
    "Workshop",
]
