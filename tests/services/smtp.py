"""A real SMTP server for tests: aiosmtpd in a thread, recording what it accepts.

Faults are scripted per SMTP stage: `server.respond(421, times=2)` answers 421 to the next two
deliveries then accepts again; `server.respond(550)` refuses every delivery; `recipient=`
limits a rule to one address, so a batch can mix healthy and failing recipients.
"""

import email
import email.policy
import socket
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

from aiosmtpd.controller import Controller

DEFAULT_REPLIES = {
    421: "4.7.0 Service not available, try again later",
    450: "4.2.1 Mailbox busy, try again later",
    451: "4.3.0 Local error in processing",
    550: "5.1.1 Mailbox unavailable",
    552: "5.3.4 Message too big",
    554: "5.7.1 Message rejected as spam",
}


@dataclass
class ReceivedMessage:
    mail_from: str
    recipients: list[str]
    content: bytes

    @property
    def parsed(self) -> email.message.EmailMessage:
        return email.message_from_bytes(self.content, policy=email.policy.default)

    @property
    def message_id(self) -> str:
        return str(self.parsed["Message-ID"])

    @property
    def subject(self) -> str:
        return str(self.parsed["Subject"])


@dataclass
class _Rule:
    code: int
    reply: str
    stage: str
    recipient: str | None
    remaining: int | None  # None: for ever

    def matches(self, stage: str, recipients: list[str]) -> bool:
        if self.stage != stage or self.remaining == 0:
            return False
        return self.recipient is None or self.recipient in recipients


@dataclass
class SmtpServer:
    host: str = "127.0.0.1"
    port: int = 0
    messages: list[ReceivedMessage] = field(default_factory=list)
    refusals: list[tuple[int, list[str]]] = field(default_factory=list)
    _rules: list[_Rule] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def respond(
        self,
        code: int,
        *,
        times: int | None = None,
        stage: str = "RCPT",
        recipient: str | None = None,
        reply: str | None = None,
    ) -> None:
        """Answer `code` at `stage` ("RCPT" or "DATA") for the next `times` deliveries (None: always)."""
        assert stage in {"RCPT", "DATA"}
        rule = _Rule(
            code, reply or DEFAULT_REPLIES.get(code, "Scripted reply"), stage, recipient, times
        )
        with self._lock:
            self._rules.append(rule)

    def reset(self) -> None:
        with self._lock:
            self.messages.clear()
            self.refusals.clear()
            self._rules.clear()

    def message_ids(self) -> list[str]:
        with self._lock:
            return [message.message_id for message in self.messages]

    def received_by(self) -> Counter:
        """How many messages each recipient received."""
        with self._lock:
            return Counter(rcpt for message in self.messages for rcpt in message.recipients)

    def wait_for(self, count: int, *, timeout: float = 30.0) -> list[ReceivedMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.05)
        with self._lock:
            raise AssertionError(
                f"SMTP server received {len(self.messages)} message(s), expected {count} within {timeout}s"
            )

    def _scripted(self, stage: str, recipients: list[str]) -> str | None:
        with self._lock:
            for rule in self._rules:
                if rule.matches(stage, recipients):
                    if rule.remaining is not None:
                        rule.remaining -= 1
                    self.refusals.append((rule.code, list(recipients)))
                    return f"{rule.code} {rule.reply}"
        return None

    # aiosmtpd handler hooks
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        scripted = self._scripted("RCPT", [address])
        if scripted:
            return scripted
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        scripted = self._scripted("DATA", list(envelope.rcpt_tos))
        if scripted:
            return scripted
        with self._lock:
            self.messages.append(
                ReceivedMessage(envelope.mail_from, list(envelope.rcpt_tos), envelope.content)
            )
        return "250 Message accepted for delivery"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def start_smtp_server(host: str = "127.0.0.1") -> tuple[SmtpServer, Controller]:
    """Start a recording server on a free port; the port is picked, then bound, so retry a race."""
    server = SmtpServer(host=host)
    for _attempt in range(5):
        server.port = _free_port(host)
        controller = Controller(server, hostname=host, port=server.port, ready_timeout=10)
        try:
            controller.start()
        except (OSError, RuntimeError):
            continue
        return server, controller
    raise RuntimeError("Could not start the test SMTP server on a free port")
