"""PDF rendering with WeasyPrint that can read nothing but the portal's own static files.

Templates link their assets with {% static %}; every other URL (http, file, another host,
a path outside the static files) is refused, so user text in a PDF can never make the
renderer fetch anything. Templates are rendered with Django's autoescaping, like HTML pages.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://oco-portal.invalid/"
STATIC_PREFIX = BASE_URL + settings.STATIC_URL.lstrip("/")


class BlockedURLError(ValueError):
    pass


def _static_path(relative: str) -> Path | None:
    found = finders.find(relative)
    if found:
        return Path(found)
    candidate = (Path(settings.STATIC_ROOT) / relative).resolve()
    root = Path(settings.STATIC_ROOT).resolve()
    if candidate.is_file() and root in candidate.parents:
        return candidate
    return None


class StaticOnlyFetcher(URLFetcher):
    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        if not url.startswith(STATIC_PREFIX):
            raise BlockedURLError(f"PDF rendering may not fetch {url[:80]!r}")
        relative = url[len(STATIC_PREFIX) :].split("?", 1)[0].split("#", 1)[0]
        if ".." in relative.split("/"):
            raise BlockedURLError("path outside the static files")
        path = _static_path(relative)
        if path is None:
            raise BlockedURLError(f"no static file {relative!r}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )


def render_pdf(template_name: str, context: dict) -> bytes:
    html = render_to_string(template_name, context)
    return HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).write_pdf()
