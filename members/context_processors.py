from members.selectors import user_roles


def portal(request) -> dict:
    """The acting person's roles, for the navigation (computed once per request, lazily)."""
    cached: dict = {}

    def roles():
        if "roles" not in cached:
            cached["roles"] = user_roles(user=request.user)
        return cached["roles"]

    return {"roles": roles}
