"""A logging filter that keeps the guide's answers out of every log."""

import logging
import re

_QUERY = re.compile(r"\?[^\s\"']*")


class DropQueryStrings(logging.Filter):
    """Remove the query string from any URL in a log record.

    The guide carries a parent's answers in the query string; the dev server
    and Django's request loggers would otherwise write them to the console.
    """

    def filter(self, record):
        message = record.getMessage()
        if "?" in message:
            record.msg = _QUERY.sub("", message)
            record.args = ()
        return True


class NoTracebackForRefusals(logging.Filter):
    """Log a refused request (Django's django.security.* loggers: a bad Host
    header, too many fields...) as its one-line message, without the traceback
    Django attaches: anyone can send them, and 15 lines each flood the log."""

    def filter(self, record):
        if record.name.startswith("django.security."):
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True
