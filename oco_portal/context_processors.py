from members.selectors import request_roles
from oco_portal.gather import profile_links


def portal(request) -> dict:
    """The acting person's roles, for the navigation, and the apps' links for the profile page
    (each read only when a template asks, once per request)."""
    return {
        "roles": lambda: request_roles(request),
        "profile_links": lambda: profile_links(request),
    }
