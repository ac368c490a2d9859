"""gunicorn settings of the portal's web process: `gunicorn --config gunicorn.conf.py
oco_portal.wsgi` (run by `make serve` and by the container's web service).

Each value can be changed through the environment variable named beside it.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from oco_portal.gunicorn_logging import ACCESS_LOG_FORMAT


def _cores() -> int:
    """The cores this process may run on (a container's CPU set), else the machine's."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


# HOST, PORT: where to listen. Behind the proxy on the same machine, keep 127.0.0.1.
bind = [f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"]

# WEB_CONCURRENCY processes (one per core, plus one), WEB_THREADS threads each: a page waits
# on the database, so threads keep a process busy while it does; processes use every core.
workers = int(os.environ.get("WEB_CONCURRENCY", _cores() + 1))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))

# WEB_TIMEOUT: the longest a request may take (a PDF rendered in the request is the slowest).
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
# On SIGTERM, requests under way get this long to finish (make serve waits 40 s in all).
graceful_timeout = 30
keepalive = 5
# A process is replaced after this many requests, so a slow leak never grows for ever.
max_requests = 2000
max_requests_jitter = 200

# X-Forwarded-Proto/-For are believed only from these addresses (FORWARDED_ALLOW_IPS,
# comma-separated; "*" only where nothing but the proxy can reach this port).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access and error lines on standard output (JSON in production), the secrets of links
# redacted, each access line with the request's X-Request-ID.
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
logger_class = "oco_portal.gunicorn_logging.PortalLogger"
access_log_format = ACCESS_LOG_FORMAT

proc_name = "oco-portal"
# Several portals (or tests) may run on one machine: no shared control socket.
control_socket_disable = True
# Worker heartbeats in memory, not on a container's overlay disk (gunicorn's advice).
SHARED_MEMORY = "/dev/shm"  # noqa: S108 - a folder for gunicorn's own heartbeat files
if Path(SHARED_MEMORY).is_dir():
    worker_tmp_dir = SHARED_MEMORY
