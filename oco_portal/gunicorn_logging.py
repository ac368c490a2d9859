"""gunicorn's logger for the portal (`logger_class` in gunicorn.conf.py).

The access log never carries the secret of a link: the request line, path, query and referer
of every line are redacted (invitation tokens, account keys, signed values). With JSON logs
(production), access and error lines are JSON objects like the portal's own, the access line
with the request id that the portal returned in X-Request-ID.
"""

from gunicorn.glogging import Logger

from oco_portal.logs import JsonLinesFormatter, log_format
from oco_portal.redaction import redact

ACCESS_LOG_FORMAT = (
    '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %({x-request-id}o)s'
)


class PortalLogger(Logger):
    def setup(self, cfg) -> None:
        super().setup(cfg)
        if log_format() == "json":
            formatter = JsonLinesFormatter()
            for handler in [*self.error_log.handlers, *self.access_log.handlers]:
                handler.setFormatter(formatter)

    def atoms(self, resp, req, environ, request_time) -> dict:
        atoms = super().atoms(resp, req, environ, request_time)
        return {
            key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()
        }

    def access(self, resp, req, environ, request_time) -> None:
        if log_format() != "json":
            super().access(resp, req, environ, request_time)
            return
        if not self.access_log_enabled:
            return
        atoms = self.atoms(resp, req, environ, request_time)
        path = redact(environ.get("RAW_URI") or atoms["U"] or "")
        fields = {
            "remote": atoms["h"],
            "forwarded_for": atoms.get("{x-forwarded-for}i"),
            "method": atoms["m"],
            "path": path,
            "status": int(atoms["s"]) if str(atoms["s"]).isdigit() else atoms["s"],
            "bytes": atoms["B"],
            "duration_ms": round(atoms["D"] / 1000, 1),
            "referer": atoms["f"],
            "user_agent": atoms["a"],
            "request_id": atoms.get("{x-request-id}o"),
        }
        try:
            self.access_log.info("%s %s %s", atoms["m"], path, atoms["s"], extra=fields)
        except Exception:  # noqa: BLE001 - as gunicorn's own access(): a bad line is reported
            self.exception("Could not write an access log line")
