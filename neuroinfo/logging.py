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
