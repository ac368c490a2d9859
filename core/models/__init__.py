from core.models.mail import OutgoingAttachment, OutgoingEmail

__all__ = ["OutgoingAttachment", "OutgoingEmail"]
