"""Keep secrets in links out of logs: invitation tokens, allauth's e-mail and password-reset
keys, and signed query values are replaced by "[redacted]" wherever a path, a full URL, a
referer or an encoded `next=` parameter carries them.

Plain string work, no Django: gunicorn's access log, the logging formatters and Sentry's
event scrubber all call `redact()`.
"""

import re

REDACTED = "[redacted]"

# A path separator, plain or percent-encoded (inside `next=` and similar parameters).
_SEP = r"(?:/|%2[Ff])"
# A secret path segment: long (tokens and keys are; "progress" or "new" are not), without a
# separator, a query, a fragment, a quote or a space.
_SEGMENT = r"(?:(?!%2[Ff])[^/?#&\s\"'<>\\]){16,}"
# Paths whose segment after the prefix is a bearer secret.
_SECRET_PATH = re.compile(
    rf"({_SEP}(?:invitations|password{_SEP}reset{_SEP}key|confirm-email){_SEP})({_SEGMENT})"
)
# Query parameters that carry a secret by name.
_SECRET_PARAMETER = re.compile(
    r"([?&](?:token|key|signature|sig|code|password)=)([^&#\s\"'<>]+)", re.IGNORECASE
)
# Any query value signed with django.core.signing: "value:signature" (the colon may be encoded).
_SIGNED_VALUE = re.compile(
    r"([?&][\w.\-\[\]%]+=)([^&#\s\"'<>]*(?::|%3[Aa])[A-Za-z0-9_\-]{20,}[^&#\s\"'<>]*)"
)


def redact(text: str) -> str:
    """`text` with every secret of a link replaced by "[redacted]"."""
    if not text:
        return text
    text = _SECRET_PATH.sub(rf"\1{REDACTED}", text)
    text = _SECRET_PARAMETER.sub(rf"\1{REDACTED}", text)
    return _SIGNED_VALUE.sub(rf"\1{REDACTED}", text)
