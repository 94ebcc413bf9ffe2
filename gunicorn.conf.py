"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py`."""

import os

wsgi_app = "neuroinfo.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 30
graceful_timeout = 30
# One server per container or host; the control socket only clashes when several run.
control_socket_disable = True

accesslog = "-"
errorlog = "-"
# %(U)s is the path without the query string, and the Referer is left out:
# the guide carries a parent's answers in the query string, so neither may
# reach a log.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms "%(a)s"'
