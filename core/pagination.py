"""The one way a list page cuts its rows into pages (`?page=`, 50 rows unless told)."""

from django.core.paginator import Page, Paginator

PAGE_SIZE = 50


def page_of(request, queryset, size: int = PAGE_SIZE) -> Page:
    """The page `?page=` asks for; a missing or wrong number gives the first or the last."""
    return Paginator(queryset, size).get_page(request.GET.get("page"))
