from core.models.documents import GeneratedDocument
from core.models.mail import OutgoingAttachment, OutgoingEmail

__all__ = ["GeneratedDocument", "OutgoingAttachment", "OutgoingEmail"]
