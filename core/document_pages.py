"""What pages showing a generated document share: the download of its file and the context of
the progress partial (templates/core/_document_states.html).

The partial lists one or more documents (an action plan's English and French PDFs, a report's
PDF) with where each stands: never asked for, queued or being built (the block polls itself
with htmx every 2 seconds; without JavaScript the page refreshes itself through a
`<meta http-equiv="refresh">` from core/_document_refresh.html and offers a "Refresh" link),
failed (with the reason and a retry button posting to `retry_url`), or ready to download.
"""

from dataclasses import replace

from django.http import FileResponse, Http404

from core.documents import builder_for
from core.models import GeneratedDocument
from core.services.documents import DocumentState, document_download_name


def document_response(document: GeneratedDocument) -> FileResponse:
    """The document's file as an attachment under the builder's download name; 404 when the
    file is missing from storage."""
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=document_download_name(document),
        content_type=builder_for(document.kind).media_type,
    )


def progress_context(
    states: list[DocumentState],
    *,
    dom_id: str,
    poll_url: str,
    page_url: str,
    retry_url: str,
    download_url=None,
) -> dict:
    """The partial's context. `download_url(state)` gives each downloadable state's link."""
    if download_url is not None:
        states = [
            replace(state, download_url=download_url(state)) if state.downloadable else state
            for state in states
        ]
    return {
        "states": states,
        "dom_id": dom_id,
        "polling": any(state.busy for state in states),
        "poll_url": poll_url,
        "page_url": page_url,
        "retry_url": retry_url,
    }
