"""gunicorn settings for production: `gunicorn -c gunicorn.conf.py`.

Made for the set-up docs/deployment.md requires: gunicorn on 127.0.0.1 behind a
buffering proxy (the nginx example), which reads each slow client's request in
full before passing it on and takes the response off gunicorn's hands at once.
gunicorn's sync workers then only ever talk to a fast local proxy.

Without such a proxy, slow clients (a phone on a weak signal, or someone doing
it on purpose) hold a sync worker each for as long as they like, and a handful
of them stop the site. A deployment that cannot put a buffering proxy in front
must change the worker class instead: `WORKER_CLASS=gthread THREADS=8` (each
worker then has 8 threads) or an async server such as uvicorn; and it still has
no protection against many slow connections, which a proxy gives.
"""

import os

wsgi_app = "neuroinfo.wsgi:application"
bind = os.environ.get("BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Sync workers suit a buffering proxy in front (see above).
worker_class = os.environ.get("WORKER_CLASS", "sync")
threads = int(os.environ.get("THREADS", "1"))
# A page takes milliseconds; a worker stuck for 30 s is restarted.
timeout = 30
graceful_timeout = 30
# The proxy opens a new connection cheaply; a sync worker cannot serve
# anything else while it waits on an idle keep-alive connection.
keepalive = 2
# One server per container or host; the control socket only clashes when several run.
control_socket_disable = True
# gunicorn believes X-Forwarded-Proto (and the like) from 127.0.0.1 unless
# told otherwise, and Django then takes the request for HTTPS. Follow the
# site's setting: believe them only with TRUST_PROXY_HEADERS on, and then
# only from the proxy's address (FORWARDED_ALLOW_IPS, default this machine).
trust_proxy_headers = os.environ.get("TRUST_PROXY_HEADERS", "").strip().lower() in {
    "1",
    "true",
    "yes",
    "on",
}
forwarded_allow_ips = (
    os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1") if trust_proxy_headers else ""
)

accesslog = "-"
errorlog = "-"
# The guide carries a parent's answers in the address, so no log may hold
# anything that depends on them: not the query string (%(U)s is the path
# alone), not the Referer, not the response size or time (they differ between
# answer sets). The logger class also logs every guide path as /guide/ and
# strips query strings from the error log (malformed requests are logged there
# whole). Keep the proxy's log the same way: see docs/deployment.md.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s %(H)s" %(s)s "%(a)s"'
logger_class = "neuroinfo.gunicorn_logging.PrivateLogger"
