"""A real SMTP server for tests (aiosmtpd on 127.0.0.1), and a port where none listens.

The `smtp_server` fixture (tests/conftest.py) starts one and points Django's
SMTP backend at it, so emails travel over a real SMTP conversation, not
Django's in-memory outbox.
"""

import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    """A port on 127.0.0.1 that nothing listens on (the moment it is returned)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def smtp_settings(host, port):
    """Django settings that send by SMTP to host:port, in plain text and without a login."""
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": port,
        "EMAIL_USE_TLS": False,
        "EMAIL_HOST_USER": "",
        "EMAIL_HOST_PASSWORD": "",
        "EMAIL_TIMEOUT": 5,
    }


class Inbox:
    """aiosmtpd's handler: keeps every message the server accepts."""

    def __init__(self):
        self.received = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        with self._lock:
            self.received.append((list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"


class SmtpServer:
    """A running server: `host`, `port`, and `messages` as [(recipients, parsed message)]."""

    host = "127.0.0.1"

    def __init__(self):
        self.inbox = Inbox()
        self.port = free_port()
        self.controller = Controller(self.inbox, hostname=self.host, port=self.port)

    def start(self):
        self.controller.start()
        return self

    def stop(self):
        self.controller.stop()

    @property
    def messages(self):
        with self.inbox._lock:
            return list(self.inbox.received)

    def to(self, address):
        """The messages delivered to `address`."""
        return [message for recipients, message in self.messages if address in recipients]

    def settings(self):
        """Django settings that send through this server."""
        return smtp_settings(self.host, self.port)
