"""Settings for neuroinfo, read from the environment.

They fail closed: DEBUG is off unless set, a SECRET_KEY is required when it is
off, and HTTPS-only behaviour is on unless turned off. Every variable is listed
in `.env.example` and explained in docs/settings.md.
"""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Security -------------------------------------------------------------
DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "The SECRET_KEY environment variable is required when DEBUG is off. "
            "Set it to a long random string, for example the output of: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "insecure-key-for-local-debugging-only"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

# HTTPS defaults to on when DEBUG is off; `make run` turns it off to serve
# plain http://127.0.0.1:8000 with production-like settings otherwise.
HTTPS = env_bool("HTTPS", default=not DEBUG)
# Behind a proxy (docs/deployment.md): HTTPS and the client's address are
# read from the headers it sets (see also Signing in).
TRUST_PROXY_HEADERS = env_bool("TRUST_PROXY_HEADERS")
if TRUST_PROXY_HEADERS:
    # Only behind a proxy that sets this header itself and strips it from
    # clients; otherwise anyone could claim their request came over HTTPS.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Allows (does not make) a submission to the browsers' HSTS preload list.
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Content-Security-Policy (django-csp 4). Nothing inline and nothing from
# another host, for the admin too (Django 5.2's admin and markdownx need
# neither; tests/browser checks the editor under this policy).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# --- Apps, requests, templates and static files ---------------------------
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "markdownx",
    "csp",
    "simple_history",
    "content",
    # Signing in: lockouts after wrong passwords (see Signing in below).
    "axes",
    # The site's own start-up check: what it must be able to write (neuroinfo/writable.py).
    "neuroinfo",
]

MIDDLEWARE = [
    # Security headers on answers made before the rest ran (a bad Host header).
    "neuroinfo.middleware.headers_on_early_answers",
    "django.middleware.security.SecurityMiddleware",
    # Shared links come back with ?fbclid=… and utm_…: redirect
    # without them, before anything else reads the query string.
    "neuroinfo.tracking.drop_tracking_parameters",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The language comes from the address alone (/fr/…), and must be active
    # before the page cache resolves the address (neuroinfo/language.py).
    "neuroinfo.language.language_from_address",
    # Cached public pages are answered here, before everything below: the
    # headers CSP, X-Frame-Options and Permissions-Policy add were stored with
    # the page. It also answers conditional GETs (304) and sends the stored
    # compressed bodies, so there is no GZip or ConditionalGet middleware whose
    # order could break a 304 (neuroinfo/response_cache.py).
    "neuroinfo.response_cache.PublicPageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Any response to a signed-in user is private to them.
    "neuroinfo.middleware.private_when_signed_in",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "neuroinfo.middleware.permissions_policy",
    # Records which editor made each saved version.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Signing in (see below): axes last but one, as axes asks; the share of
    # time for password checks, whose process_view runs after CSRF's.
    "axes.middleware.AxesMiddleware",
    "neuroinfo.signing_in.SignInBudget",
]

# A restore must go through sign-off (content/review/workflow.py), never straight
# onto the row as simple-history's own "revert" would.
SIMPLE_HISTORY_REVERT_DISABLED = True

ROOT_URLCONF = "neuroinfo.urls"
WSGI_APPLICATION = "neuroinfo.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "neuroinfo.site.context",
                "neuroinfo.language.context",
                "content.context_processors.site_text",
            ],
        },
    },
]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Editors' Markdown is rendered and sanitised by our own function, in the
# admin's live preview too: markdownx's default returns unsanitised HTML.
MARKDOWNX_MARKDOWNIFY_FUNCTION = "content.rendering.render_markdown"
MARKDOWNX_EDITOR_RESIZABLE = True

# --- The site's address ---------------------------------------------------
# The site's public address, e.g. https://neuroinfo.example.org, for canonical
# links, the sitemap, robots.txt, sharing tags and printouts. Empty: the address
# the request came to (fine behind a proxy that passes the Host header).
SITE_URL = os.environ.get("SITE_URL", "").strip().rstrip("/")
SITE_NAME = "neuroinfo"

# --- Database -------------------------------------------------------------
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
# SQLite under several writers, and a lost file.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Our subclass opens an existing file without creating it (a lost file is
    # an error that says so, never an empty site); see neuroinfo/sqlite.
    DATABASES["default"]["ENGINE"] = "neuroinfo.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        # Writers queue for the lock at BEGIN (for up to 20 s) instead of
        # failing with "database is locked" when two editors save at once.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        # Write-ahead logging: readers never wait for a writer.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer fails a request in seconds (a calm
    # 503), instead of holding a worker for the operating system's long timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------
# The cache of finished public pages (neuroinfo/response_cache.py). Local
# memory for one server; Redis, shared, when several servers run (REDIS_URL).
REDIS_URL = os.environ.get("REDIS_URL", "")


def redis_cache(url, key_prefix=None):
    return {
        # Behind a circuit breaker (neuroinfo/cache.py): a Redis that does not
        # answer costs one call one timeout, then is left alone for RETRY_AFTER
        # seconds while this process's memory stands in. Never an error.
        "BACKEND": "neuroinfo.cache.GuardedRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": key_prefix or os.environ.get("CACHE_KEY_PREFIX", "neuroinfo"),
        "OPTIONS": {
            "socket_connect_timeout": 1,
            "socket_timeout": 1,
            "RETRY_AFTER": 30,
            "FALLBACK_MAX_ENTRIES": 1_000,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # About 10 KB an entry (three encodings): at most ~50 MB per worker.
            # Beyond that the least recently used third is dropped and re-rendered.
            "OPTIONS": {"MAX_ENTRIES": 5_000},
        }
    }
# A token that changes with every edit, read at most once a second per process.
CONTENT_VERSION = "content.models.versioning.current_token"
CONTENT_VERSION_MAX_AGE = 1.0
# Part of every cached page's key: set it to the release (e.g. the git commit)
# so servers running different code never share rendered pages. Every
# `migrate` also changes the content version, so a deploy starts afresh.
RELEASE = os.environ.get("RELEASE", "")
# What browsers and CDNs may reuse without asking (seconds): editors' changes
# reach everyone within max-age + stale-while-revalidate.
PUBLIC_PAGE_MAX_AGE = int(os.environ.get("PUBLIC_PAGE_MAX_AGE", "60"))
PUBLIC_PAGE_STALE_WHILE_REVALIDATE = 60
# What the visitor's own browser alone may reuse (seconds) of a page that
# holds a child's answers (the guide's) or what a parent typed (search
# results): Back and Forward are instant.
PRIVATE_PAGE_MAX_AGE = 300
# The cache (of CACHES) that keeps finished pages, and the brotli quality
# (0 to 11) they are compressed with once, when stored.
PUBLIC_PAGE_CACHE = "default"
PUBLIC_PAGE_BROTLI_QUALITY = 5
# How long the server keeps a finished page (seconds). An edit makes every
# kept page unreachable at once (the content version is in each key), but
# they stay in the cache until they expire: ten minutes keeps what old
# versions hold to ten minutes' worth of edits, at the price of rendering
# each page again at most every ten minutes (milliseconds). Far shorter than
# the feedback form's signed token lives (two days, content/feedback.py).
PUBLIC_PAGE_CACHE_TIMEOUT = 600

# --- Signing in to the admin ----------------------------------------------
# After signing in with a `next` the admin refuses, go to the
# admin's front page, not Django's default /accounts/profile/ (a 404).
LOGIN_REDIRECT_URL = reverse_lazy("admin:index")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The admin's address: ADMIN_PATH=editors/ serves it at /editors/. Nothing
# else names /admin/; templates and tests use {% url 'admin:index' %}.
ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip().strip("/") + "/"
if ADMIN_PATH == "/" or not all(
    part.replace("-", "").isalnum() for part in ADMIN_PATH[:-1].split("/")
):
    raise ImproperlyConfigured(
        "ADMIN_PATH must be a path of letters, digits and hyphens, e.g. 'admin/' or 'editors/'."
    )

# django-axes: after 5 wrong passwords, an account is locked out from that
# address, and the address is locked out for every account, for an hour.
# Axes' backend comes first so that a locked-out attempt is refused before
# ModelBackend hashes the password: wrong-password floods cost no hashing.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# A refused try while locked out writes nothing (axes' default rewrites the row
# each time, so a flood of refused tries was a flood of writes); the hour runs
# from the last counted failure. Rows keep only counts and times, never the
# request's data (neuroinfo/signing_in.py), and rows older than the hour are
# deleted at every failure and sign-in.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "neuroinfo.signing_in.LeanDatabaseHandler"
# Password checks (one costly hash each) may take at most this share of one
# worker's time: one at a time per server, and after a check that took t
# seconds none for t x (1 / share - 1), site-wide through the cache (per server
# when it is local or down). Beyond it a sign-in answers 429 "busy" without
# hashing or counting a failure, so a flood from many addresses cannot slow
# the site (neuroinfo/signing_in.py).
try:
    SIGN_IN_HASH_SHARE = float(os.environ.get("SIGN_IN_HASH_SHARE") or 0.25)
except ValueError:
    SIGN_IN_HASH_SHARE = 0.0
if not 0 < SIGN_IN_HASH_SHARE <= 1:
    raise ImproperlyConfigured("SIGN_IN_HASH_SHARE must be a number above 0 and at most 1.")
# Behind a trusted proxy (TRUST_PROXY_HEADERS) every request comes from the
# proxy's address: read the client's address from the header that proxy sets.
AXES_CLIENT_IP_CALLABLE = "neuroinfo.signing_in.client_ip"

# Staff sessions end after a working day without a request, and when the
# browser closes. Public pages still set no cookie: an empty session is
# never saved, whatever SESSION_SAVE_EVERY_REQUEST says.
SESSION_COOKIE_AGE = 8 * 60 * 60
# In the database, under keys that carry an HMAC: the page cache tells staff
# from a made-up session cookie without a query; a full or read-only disk
# while saving one is the calm 503, not a 400 (neuroinfo/sessions.py).
SESSION_ENGINE = "neuroinfo.sessions"
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# --- Email ----------------------------------------------------------------
# Telling reviewers and editors about sign-off (content/review/notify.py).
# Django's own mail settings, from the environment (docs/settings.md). Without
# EMAIL_HOST, emails are written to the console (the server's log) instead.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
try:
    # 587 is mail submission with STARTTLS, which most providers offer.
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT") or 587)
except ValueError:
    raise ImproperlyConfigured("EMAIL_PORT must be a port number, e.g. 587.") from None
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
# On unless turned off: the password and the names in the emails never cross
# the network in clear.
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "webmaster@localhost"
# A mail server that does not answer holds a save for at most this many seconds.
EMAIL_TIMEOUT = 10

# --- Logging --------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # The guide's answers travel in the query string: never log it.
        "no_query_strings": {"()": "neuroinfo.logging.DropQueryStrings"},
        # A bad Host header and the like: one line, not a traceback.
        "no_tracebacks_for_refusals": {"()": "neuroinfo.logging.NoTracebackForRefusals"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["no_query_strings", "no_tracebacks_for_refusals"],
        },
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Replaces Django's own console handler for these, which has no filter.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# --- Languages ------------------------------------------------------------
# English at today's addresses; every other language under its own prefix
# (/fr/…). A language is added with NEUROINFO_TRANSLATIONS, its catalogue in
# locale/ and its content: no code change (content/languages.py, docs/translating.md).
LANGUAGE_CODE = "en-gb"
TRANSLATIONS = env_list("NEUROINFO_TRANSLATIONS", "fr,es")
_unknown = [code for code in TRANSLATIONS if code not in LANG_INFO]
if _unknown:
    raise ImproperlyConfigured(
        f"NEUROINFO_TRANSLATIONS names {', '.join(_unknown)}, which Django does not know. "
        "Use language codes such as fr, es or de."
    )
LANGUAGES = [(LANGUAGE_CODE, "English")] + [
    (code, LANG_INFO[code]["name"]) for code in TRANSLATIONS if code != LANGUAGE_CODE
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
