"""One way to ask "may this person do this (to that object)?".

Each app declares its own rules beside its models, in its `rules.py` (found by rules'
autodiscovery): predicates such as "is Secretariat staff" or "is a focal point of this
administration", combined into named permissions (`rules.add_perm("workshops.open_workshop",
is_secretariat)`). Selectors, services, views and templates all ask through `may` and
`require`, so a rule is written once. Django's superuser shortcut does not apply: a system
administrator is not Secretariat staff unless the role says so.

A refusal is `NotPermitted`: a PermissionDenied that is also an Http404, so that Django answers
it with the "not found" page, as for anything a person may not see (the portal never tells
whether a thing it will not show exists). Django's own refusals (the admin's 403) stay as they
are.
"""

from typing import Any

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404


class NotPermitted(PermissionDenied, Http404):
    """Refused by the portal's rules: shown to the person as "not found"."""


def may(user: Any, permission: str, obj: Any = None) -> bool:
    """Whether `user` may do `permission` (to `obj`). An unknown permission is refused."""
    if user is None:
        return False
    return rules.has_perm(permission, user, obj)


def require(user: Any, permission: str, obj: Any = None) -> None:
    """Raise NotPermitted (a PermissionDenied) unless `user` may do `permission` (to `obj`)."""
    if not may(user, permission, obj):
        raise NotPermitted(permission)
