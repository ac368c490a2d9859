"""What an app shows on the portal's dashboard, and the ground floor's own line on it.

An app with something to show declares it in its own `dashboard.py`: a function
`cards(request) -> list[Card]`, which decides from the request's user what that person sees
(nothing for someone who may not), and, if it has any, `profile_links(request) -> list[Link]`
for the profile page ("My profile" belongs to members, which names no higher app's page), and
`page_links(request, place, obj) -> list[Link]` for buttons a higher app adds to a lower app's
page (`{% page_links "workshop" workshop as links %}`: programmes' "Action plans" on a
workshop's page, which workshops cannot name). The portal shell (`oco_portal.gather`) asks
every installed app in turn and shows what they give; it knows nothing else about the apps.

A card belongs to the app that gives its title and its place on the page. Other apps add to
it by naming its key, with their own parts and links placed by `order`: the Secretariat's card
gathers a line from every app. Parts or links for a card that nobody gave a title are not
shown, so an app cannot make a card appear for someone its owner would not show it to.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any

from django.apps import apps
from django.urls import reverse
from django.utils.module_loading import module_has_submodule
from django.utils.translation import gettext as _

from core.permissions import may
from core.selectors import outbox_counts


@dataclass(frozen=True)
class Link:
    """A line of a card's list of links; `note` is shown in brackets after it."""

    label: str
    url: str
    order: int = 0
    note: str = ""


@dataclass(frozen=True)
class Part:
    """A template rendered inside the card with the page's context and `context`."""

    template: str
    order: int = 0
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Card:
    """A card (with a title: the owner's declaration), or an app's addition to one (no title).

    `key` joins the additions to their card and names its anchor (`#dash-<key>`); `order`
    places the card on the page. A card shows its parts, then its links, each by `order`.
    """

    key: str
    title: str = ""
    order: int = 0
    parts: tuple[Part, ...] = ()
    links: tuple[Link, ...] = ()


@cache
def app_functions(name: str) -> tuple[Callable, ...]:
    """Each installed app's `dashboard.<name>` function, in the order of INSTALLED_APPS."""
    found = []
    for config in apps.get_app_configs():
        if module_has_submodule(config.module, "dashboard"):
            function = getattr(import_module(f"{config.name}.dashboard"), name, None)
            if function is not None:
                found.append(function)
    return tuple(found)


def gathered_links(name: str, *args: Any) -> list[Link]:
    """Every app's links from `dashboard.<name>(*args)`, in order."""
    links = [link for function in app_functions(name) for link in function(*args)]
    return sorted(links, key=lambda link: link.order)


def cards(request) -> list[Card]:
    """The outbox, with how many e-mails wait and failed, on the Secretariat's card."""
    if not may(request.user, "core.view_outbox"):
        return []
    counts = outbox_counts(user=request.user)
    note = _("%(queued)s queued, %(failed)s failed") % counts
    return [Card(key="secretariat", links=(Link(_("Outbox"), reverse("core:outbox"), 30, note),))]
