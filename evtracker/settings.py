"""Settings for evtracker, read from the environment.

Defaults are safe for development: SQLite in the project folder and Celery
tasks run in-process. Production sets DEBUG=0, SECRET_KEY, ALLOWED_HOSTS,
DATABASE_URL and REDIS_URL.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name, default):
    return os.getenv(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name, default):
    return int(os.getenv(name, default))


def envlist(name, default=""):
    return [item.strip() for item in os.getenv(name, default).split(",") if item.strip()]


def redis_database(url, offset):
    """The same Redis server's database `offset` places after url's ("redis://h:6379/0", 2
    -> "redis://h:6379/2"), so that the cache's clear() (a FLUSHDB) never empties the queue."""
    if not url:
        return ""
    base, _, path = url.partition("://")
    host, _, rest = path.partition("/")
    number, _, query = rest.partition("?")
    database = (int(number) if number.isdigit() else 0) + offset
    if database > 15:  # Redis has databases 0 to 15 unless configured otherwise
        raise ImproperlyConfigured(
            f"REDIS_URL's database leaves no room for the next two (results and cache): use "
            f"0 to 13, or set REDIS_RESULTS_URL and REDIS_CACHE_URL ({url} + {offset})."
        )
    return f"{base}://{host}/{database}" + (f"?{query}" if query else "")


# Redis: REDIS_URL's database is Celery's broker; results and the cache each get their own
# database after it (or the addresses given in REDIS_RESULTS_URL and REDIS_CACHE_URL).
REDIS_URL = os.getenv("REDIS_URL", "")
REDIS_RESULTS_URL = os.getenv("REDIS_RESULTS_URL") or redis_database(REDIS_URL, 1)
REDIS_CACHE_URL = os.getenv("REDIS_CACHE_URL") or redis_database(REDIS_URL, 2)


DEBUG = envbool("DEBUG", "1")

SECRET_KEY = os.getenv("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost" if not DEBUG else "*")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "evtracker.partnerships",
    "evtracker.news",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # The database away: a 503 page instead of a 500.
    "evtracker.health.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "evtracker.urls"
WSGI_APPLICATION = "evtracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # The rows the public pages repeat (partnerships/jinja_rows.py says why).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "NAME": "jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "evtracker.partnerships.jinja_rows.environment"},
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.getenv("DATABASE_URL", f"sqlite:///{BASE_DIR / 'evtracker.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.getenv("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Uploaded articles wait here for a worker (possibly another process) to read them by path.
MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT", str(BASE_DIR / "media")))
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

MEDIA_ROOT = Path(os.getenv("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

LOGIN_URL = "admin:login"

# Security: Django's defaults kept on; production gets HTTPS-only cookies and HSTS.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "0" if DEBUG else "1")
# The container health check speaks plain HTTP from inside the container.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if envbool("SECURE_PROXY_SSL", "0"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# No inline script anywhere: scripts come from our own static files, with a nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The cache: Redis when REDIS_URL is set (shared by web processes and workers), else in-process.
# Seconds a cache call (connect, then each read) may take before the page is rendered without it.
EVTRACKER_CACHE_TIMEOUT = float(os.getenv("EVTRACKER_CACHE_TIMEOUT", "0.5"))
if os.getenv("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_CACHE_URL,
            "KEY_PREFIX": "evtracker",
            # A frozen Redis must not hold a reader's page: each call gives up this soon.
            "OPTIONS": {
                "socket_connect_timeout": EVTRACKER_CACHE_TIMEOUT,
                "socket_timeout": EVTRACKER_CACHE_TIMEOUT,
            },
        }
    }
# Public pages are cached for readers until the data changes (partnerships/pagecache.py), for
# at most this long. Only with Redis: an in-process cache would not see another process write.
EVTRACKER_PAGE_CACHE_SECONDS = envint(
    "EVTRACKER_PAGE_CACHE_SECONDS", "300" if os.getenv("REDIS_URL") else "0"
)
# A page rendered this recently is served to readers even after the data moved on, so
# that a running ingestion (a new version every article) does not make every page fresh.
EVTRACKER_PAGE_CACHE_GRACE_SECONDS = envint("EVTRACKER_PAGE_CACHE_GRACE_SECONDS", "5")
# Part of every cached page's key, so a new release never serves an older one's pages; by
# default a digest of the code, templates and static files (pagecache.code_release).
EVTRACKER_RELEASE = os.getenv("EVTRACKER_RELEASE", "")
# After a cache failure requests leave the cache alone this long; a bump that failed is retried
# this often, and until one succeeds the process bypasses the cache.
EVTRACKER_PAGE_CACHE_RETRY_SECONDS = 2

# Celery: with REDIS_URL it is the broker (and the next database the results); without, tasks
# run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_RESULTS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 3600
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Celery closes every database connection after every task unless told to reuse them;
# evtracker/celery.py closes the stale ones instead, as Django does per request.
CELERY_DB_REUSE_MAX = 1000
# Every run finishes (news/sweeper.py). One article's task is stopped softly (recorded as failed)
# after EVTRACKER_TASK_SOFT_TIME_LIMIT s and killed after EVTRACKER_TASK_TIME_LIMIT s. Transient
# errors are retried after 2, 4, 8 ... s (at most EVTRACKER_TASK_RETRY_BACKOFF_MAX) up to
# EVTRACKER_TASK_RETRIES times: about ten minutes, longer than a database restart.
EVTRACKER_TASK_TIME_LIMIT = envint("EVTRACKER_TASK_TIME_LIMIT", "300")
EVTRACKER_TASK_SOFT_TIME_LIMIT = envint(
    "EVTRACKER_TASK_SOFT_TIME_LIMIT", str(max(1, EVTRACKER_TASK_TIME_LIMIT - 30))
)
EVTRACKER_TASK_RETRIES = envint("EVTRACKER_TASK_RETRIES", "10")
EVTRACKER_TASK_RETRY_BACKOFF_MAX = envint("EVTRACKER_TASK_RETRY_BACKOFF_MAX", "120")
CELERY_TASK_TIME_LIMIT = EVTRACKER_TASK_TIME_LIMIT
CELERY_TASK_SOFT_TIME_LIMIT = EVTRACKER_TASK_SOFT_TIME_LIMIT
# A message a worker took and never acknowledged (the worker was killed) is handed out again
# after this long: longer than the longest task, or than a retry's wait (held by the worker).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": EVTRACKER_TASK_TIME_LIMIT + EVTRACKER_TASK_RETRY_BACKOFF_MAX + 60
}
# An item with no sign of life (queued, started, finished) this long is queued again by the
# sweeper (every EVTRACKER_SWEEP_SECONDS); one tried EVTRACKER_ITEM_MAX_ATTEMPTS times (its
# worker killed, or swept) fails with the reason instead.
EVTRACKER_ITEM_STALE_SECONDS = envint("EVTRACKER_ITEM_STALE_SECONDS", "900")
EVTRACKER_ITEM_MAX_ATTEMPTS = envint("EVTRACKER_ITEM_MAX_ATTEMPTS", "2")
EVTRACKER_SWEEP_SECONDS = envint("EVTRACKER_SWEEP_SECONDS", "60")

# Ingestion limits and schedule.
EVTRACKER_MAX_ARTICLE_BYTES = envint("EVTRACKER_MAX_ARTICLE_BYTES", str(2 * 1024 * 1024))
# Work per article stays bounded however long it is: sentences the extractor reads, facts kept.
EVTRACKER_MAX_SENTENCES_PER_ARTICLE = envint("EVTRACKER_MAX_SENTENCES_PER_ARTICLE", "1000")
EVTRACKER_MAX_FACTS_PER_ARTICLE = envint("EVTRACKER_MAX_FACTS_PER_ARTICLE", "100")
EVTRACKER_FETCH_TIMEOUT = envint("EVTRACKER_FETCH_TIMEOUT", "20")
# Fetching loopback and private addresses is refused unless this is on (tests, intranets).
EVTRACKER_FETCH_ALLOW_PRIVATE = envbool("EVTRACKER_FETCH_ALLOW_PRIVATE", "0")
# Networks fetched from even though they are not public (an intranet news server), as CIDRs.
EVTRACKER_FETCH_ALLOWED_NETWORKS = envlist("EVTRACKER_FETCH_ALLOWED_NETWORKS")
EVTRACKER_FEED_POLL_SECONDS = envint("EVTRACKER_FEED_POLL_SECONDS", "900")
CELERY_BEAT_SCHEDULE = {
    "poll-feeds": {
        "task": "evtracker.news.tasks.poll_feeds",
        "schedule": EVTRACKER_FEED_POLL_SECONDS,
    },
    "sweep-runs": {
        "task": "evtracker.news.tasks.sweep_runs",
        "schedule": EVTRACKER_SWEEP_SECONDS,
        "options": {"expires": EVTRACKER_SWEEP_SECONDS},
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.getenv("LOG_LEVEL", "INFO")},
}
