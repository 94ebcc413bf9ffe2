"""gunicorn's logger, made to write nothing that depends on a visitor's answers.

The guide carries a parent's answers in the address. gunicorn's stock logger
would give them away three ways: the query string (in `%(r)s`, `%(q)s` and in
the error log's copy of a malformed request line), the response size (which
differs between answer sets) and the path (a brain or spinal cord relapse skips
the risk-group question). `gunicorn.conf.py` names this class as its
`logger_class`.
"""

import re

from gunicorn.glogging import Logger

from neuroinfo.logging import DropQueryStrings

GUIDE_PREFIX = "/guide/"
# The guide in any language (/fr/guide/…): the language is logged, the step is not.
# Any first segment shaped like a language code, so no setting is needed here.
GUIDE_PATH = re.compile(r"(/[a-z]{2,3}(?:-[a-z0-9]{2,8})*)?" + re.escape(GUIDE_PREFIX))

# Atoms whose value can depend on the answers: the request line and query
# string, the Referer (the previous guide address), response sizes and times.
_ANSWER_DEPENDENT = ("r", "q", "f", "b", "B", "T", "D", "M", "L")


def private_path(path):
    """The path as logged: every guide address is logged as the guide's own."""
    path = path or "-"
    guide = GUIDE_PATH.match(path)
    return guide.group(0) if guide else path


class PrivateLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        # On the loggers themselves, so every handler (file, stream, syslog) is covered.
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, DropQueryStrings) for f in log.filters):
                log.addFilter(DropQueryStrings())

    def atoms(self, resp, req, environ, request_time):
        atoms = super().atoms(resp, req, environ, request_time)
        atoms["U"] = private_path(atoms.get("U"))
        for name in _ANSWER_DEPENDENT:
            atoms[name] = "-"
        # Request and response headers and the WSGI environ hold the address too.
        return {name: value for name, value in atoms.items() if not name.startswith("{")}
