"""What the shell gathers from the apps: it asks each installed app's `dashboard` module
(core.dashboard says how an app declares what it shows) for the dashboard's cards, and shows
one card per key, in the owners' order, each with the parts and links that any app added to
it, in their order; and for the profile page's links, gathered the same way."""

from core.dashboard import Card, Link, app_functions, gathered_links


def dashboard_cards(request) -> list[Card]:
    """The cards the request's user sees, each with every app's additions, in order."""
    return combine([card for ask in app_functions("cards") for card in ask(request)])


def profile_links(request) -> list[Link]:
    """The apps' links for the request's user on the profile page, in order."""
    return gathered_links("profile_links", request)


def combine(declared: list[Card]) -> list[Card]:
    """One card per key that an app declared with a title; additions to other keys are dropped."""
    owners = {card.key: card for card in declared if card.title}
    shown = []
    for key, owner in owners.items():
        same = [card for card in declared if card.key == key]
        parts = sorted((part for card in same for part in card.parts), key=lambda p: p.order)
        links = sorted((link for card in same for link in card.links), key=lambda li: li.order)
        shown.append(Card(key, owner.title, owner.order, tuple(parts), tuple(links)))
    return sorted(shown, key=lambda card: card.order)
