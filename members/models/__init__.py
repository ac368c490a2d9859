from members.models.organisations import (
    Organisation,
    TradeAgreement,
    TradeAgreementParty,
    validate_time_zone,
)
from members.models.users import DonorContact, FocalPoint, User

__all__ = [
    "DonorContact",
    "FocalPoint",
    "Organisation",
    "TradeAgreement",
    "TradeAgreementParty",
    "User",
    "validate_time_zone",
]
