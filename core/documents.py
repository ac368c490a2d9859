"""Builders of generated documents and their registry.

A builder says everything that differs between two kinds of document: how to load its subject
with what the document shows, in which language it is, the state its fingerprint is a hash of,
its template and context, where its file is stored and under which name it is downloaded, and
what happens once it is ready. Everything else (queueing, building only on a changed
fingerprint, the swap of files, failures, progress) is core.services.documents'.

Each app declares its builders in its own `generated_documents.py`, decorated with `@register`;
core finds those modules when the portal starts (CoreConfig.ready), as the rules library finds
each app's `rules.py`. Core imports no app: adding a kind of document takes one builder and one
template. See the README ("How to add a document kind").
"""

import hashlib
import json
from typing import Any, ClassVar

from django.utils import translation
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from core.pdf import render_pdf

DISCOVERED_MODULE = "generated_documents"

# The words a progress partial uses for each state; a builder may replace some (`wording`).
WORDING = {
    "queued": _("The PDF is queued…"),
    "building": _("The PDF is being built…"),
    "refreshes": _("This page refreshes itself."),
    "ready": _("The PDF is ready."),
    "download": _("Download the PDF"),
    "failed": _("The PDF could not be built."),
    "retry": _("Try again"),
    "stale": _("The data has changed since this PDF was built."),
    "rebuild": _("Build it again"),
    "missing": _("Not prepared yet."),
}


class DocumentBuilder:
    """What one kind of generated document is made of. Subclass, fill in the class attributes
    and the methods that raise NotImplementedError, and decorate the class with `@register`."""

    kind: ClassVar[str]  # unique, "<app>.<name>": stored on each row
    subject_model: ClassVar[Any]  # the model whose id a row holds as its subject
    template: ClassVar[str]  # the HTML template WeasyPrint renders (templates/pdf/...)
    # Bumped when the template changes in a way that matters: every file is then rebuilt.
    layout_version: ClassVar[int] = 1
    # The languages a person may ask for; empty when the subject decides (`language_of`).
    languages: ClassVar[tuple[str, ...]] = ()
    # Whether a file whose data has changed since may still be downloaded (with a warning).
    serve_stale: ClassVar[bool] = False
    # Words of the progress partial that differ from WORDING for this kind.
    wording: ClassVar[dict[str, Any]] = {}
    media_type: ClassVar[str] = "application/pdf"

    def load(self, subject_id: int, scope: str) -> Any | None:
        """The subject, with everything the document shows loaded; None if it is gone."""
        raise NotImplementedError

    def wanted(self, subject: Any) -> bool:
        """Whether the subject needs this document at all (a letter only for who asked)."""
        return True

    def language_of(self, subject: Any) -> str:
        """The document's language when the subject decides it."""
        raise NotImplementedError

    def state(self, subject: Any, language: str) -> list:
        """Everything the document shows, as JSON values: the fingerprint is a hash of it."""
        raise NotImplementedError

    def context(self, subject: Any, language: str) -> dict:
        raise NotImplementedError

    def path(self, subject: Any, language: str) -> str:
        """Where the file is stored: a generated name, nothing personal in it."""
        raise NotImplementedError

    def filename(self, subject: Any, language: str) -> str:
        """The name the file is downloaded (or attached) under."""
        raise NotImplementedError

    def on_ready(self, document: Any, subject: Any) -> None:
        """Called by each build that finds or leaves the file current (so at least once)."""

    def fingerprint(self, subject: Any, language: str) -> str:
        state = [self.layout_version, language, *self.state(subject, language)]
        return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()

    def render(self, subject: Any, language: str) -> bytes:
        with translation.override(language):
            return render_pdf(self.template, self.context(subject, language))

    def words(self) -> dict[str, Any]:
        return {**WORDING, **self.wording}


_builders: dict[str, DocumentBuilder] = {}


def register(builder_class: type[DocumentBuilder]) -> type[DocumentBuilder]:
    """Class decorator: make a builder's kind known to the build task and the services."""
    kind = builder_class.kind
    known = _builders.get(kind)
    if known is not None and type(known).__qualname__ != builder_class.__qualname__:
        raise ValueError(f"Two document builders of kind {kind!r}")
    _builders[kind] = builder_class()
    return builder_class


def builder_for(kind: str) -> DocumentBuilder:
    """The builder of `kind`; LookupError for a kind no app registers."""
    if kind not in _builders:
        discover()
    try:
        return _builders[kind]
    except KeyError:
        raise LookupError(f"No document builder of kind {kind!r}") from None


def discover() -> None:
    """Import every installed app's `generated_documents` module (each registers its own)."""
    autodiscover_modules(DISCOVERED_MODULE)
