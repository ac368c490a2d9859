"""The one domain error type services raise; its message is shown to the user as it is."""

from django.utils.translation import gettext as _


class ServiceError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


def refuse_unknown_fields(data: dict, allowed: set[str]) -> None:
    """A service that takes a dict of changes refuses any field it does not change."""
    unknown = set(data) - set(allowed)
    if unknown:
        raise ServiceError(
            _("These fields cannot be changed here: %s") % ", ".join(sorted(unknown))
        )
