"""
Settings for the Lausitz directory.

Everything that differs between machines comes from the environment. With no
variable set, the settings are those of production: DEBUG off, HTTPS-only
cookies and a secret key that must be given.
"""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

# Without a key, management commands that need none (migrate, makemigrations)
# still run, but serving refuses to start (wsgi.py) and anything that signs
# data fails loudly. Only DEBUG gets a fixed, insecure key.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key"
MISSING_SECRET_KEY_MESSAGE = (
    "DJANGO_SECRET_KEY is not set. `make run` creates a local one; production must provide its own."
)

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

# Production runs behind HTTPS. `make run` serves plain HTTP on loopback and
# switches this off explicitly.
HTTPS = env_bool("DJANGO_HTTPS", True)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
# Over HTTPS, plain HTTP is redirected and browsers are told to use nothing else for a year,
# subdomains included, and may list the domain as HTTPS-only (preload). The
# Strict-Transport-Security header goes out on HTTPS responses only.
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe these over plain HTTP, by address (lausitz_directory/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites learn nothing of the page a link was followed from.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("DJANGO_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Nothing inline anywhere: the pages have no script and style only in site.css, so no nonce is
# needed and a whole page can be cached. Scripts run only in the admin, from its own files;
# images are the favicon, the link preview and the admin's icons; the admin's autocomplete
# fields fetch their choices from the site (connect-src).
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

INSTALLED_APPS = [
    # Django's admin with the editors' site (editorial/sites.py).
    "editorial.apps.EditorialAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    # intcomma: counts grouped in thousands in the active language ("12.345", "12,345"),
    # where USE_THOUSAND_SEPARATOR would group years and page numbers too.
    "django.contrib.humanize",
    # Full-text and trigram search on PostgreSQL; harmless on SQLite (organisations/search/).
    "django.contrib.postgres",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "phonenumber_field",
    # History of every admin change (django-reversion), editorial/history.py.
    "reversion",
    "import_export",
    # What the content apps share; it imports none of them.
    "editorial",
    "organisations",
    "contacts",
    "network",
    "demo",
    "seo",
    "legal",
    "opendata",
    # Checks of the organisations' websites (manage.py check_links).
    "linkcheck",
    "axes",
    "backups",
    # Corrections and new entries from the public, moderated in the admin.
    "suggestions",
    # Whole-page cache and conditional GET for anonymous visitors (pagecache/middleware.py).
    "pagecache",
]

MIDDLEWARE = [
    # The security headers first, so that static files and cached pages get them too.
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "lausitz_directory.security.PermissionsPolicyMiddleware",
    # /healthz and /readyz for load balancers, before the page cache queries the database.
    "lausitz_directory.health.HealthCheckMiddleware",
    # Over-long addresses get the 400 page before anything reads them.
    "lausitz_directory.limits.QueryStringLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Server-Timing on visitors' pages, cached ones too (pagecache/timing.py).
    "pagecache.timing.ServerTimingMiddleware",
    # After the middleware above and before the session and the language: a visitor's cached
    # page is served without touching them (pagecache/checks.py checks the order).
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # German at the plain URLs, English under /en/ (i18n_patterns in urls.py).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lausitz_directory.urls"

# The site's public address for "view on site", sitemap.xml and the feeds
# (django.contrib.sites): DJANGO_SITE_DOMAIN, or else where gunicorn serves it locally
# (PORT, as gunicorn.conf.py reads it). `manage.py set_site_domain` writes it into the
# Site row, which `make run` does on every start; seo/checks.py warns under --deploy
# when it is still a loopback address.
SITE_ID = 1
SITE_DOMAIN = os.environ.get("DJANGO_SITE_DOMAIN") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"

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
                "django.template.context_processors.i18n",
                "lausitz_directory.context_processors.languages",
            ],
        },
    },
]

WSGI_APPLICATION = "lausitz_directory.wsgi.application"

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL.
# Connections: gunicorn's sync workers serve one request at a time, so each worker needs
# exactly one connection. A persistent connection per worker (CONN_MAX_AGE, checked before
# reuse by CONN_HEALTH_CHECKS) is that, with no pool to size and no extra idle connections;
# psycopg's pool pays off for threaded or async workers sharing connections, which we do not run.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# A streaming replica for visitors' reads, when they outgrow one database server: the router
# sends the public pages' reads there and everything else to the primary (db_routers.py).
if os.environ.get("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=DATABASES["default"]["CONN_MAX_AGE"],
        conn_health_checks=True,
    )
    # Tests run against the primary's test database alone.
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["lausitz_directory.db_routers.ReplicaRouter"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Password guessing in the admin: after AXES_FAILURE_LIMIT failed logins of one user name from
# one address, that pair is locked out for AXES_COOLOFF_TIME (every further try restarts it).
# Locking the pair rather than the address alone keeps colleagues behind one office address
# working, and a stranger cannot lock an editor out from elsewhere. A login that succeeds
# before the limit forgets the failures. Administrators unlock early with
# `manage.py axes_reset_username NAME` or by deleting the attempt under "Axes" in the admin.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "lausitz_directory.lockout.lockout_response"
if env_bool("DJANGO_BEHIND_PROXY", False):
    # The client's address is the last one in X-Forwarded-For, the one our proxy appended;
    # addresses before it come from the client and may be forged.
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
    AXES_IPWARE_PROXY_ORDER = "right-most"

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# The local memory cache of each worker is the embedded default; CACHE_URL or REDIS_URL
# (redis://host:port/db, rediss://, unix://) selects one Redis shared by all app servers.
CACHE_URL = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
if CACHE_URL:
    if not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
        # The address may hold a password: name only its scheme.
        raise ImproperlyConfigured(
            f"CACHE_URL/REDIS_URL must start with redis://, rediss:// or unix://, "
            f"not {CACHE_URL.split(':', 1)[0]}:"
        )
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
        for alias in ("default", "fragments")
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # About 50 kB a page: a few megabytes per worker at most.
            "OPTIONS": {"MAX_ENTRIES": 500},
        },
        # Parts of pages, such as a result card of about 1 kB: one per entry and language
        # for a directory of 10,000 entries, some 25 MB per worker at most. Apart from the
        # pages, so that new addresses do not push out the cards every list shares.
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "fragments",
            "OPTIONS": {"MAX_ENTRIES": 25_000},
        },
    }
# Whole pages for visitors (pagecache/middleware.py). A key names the content version, so
# entries never go stale; the timeout only frees memory. Shared caches (a proxy or CDN in
# front) may serve a page for PAGE_CACHE_SHARED_MAX_AGE seconds after an edit; browsers
# revalidate every time.
PAGE_CACHE_ALIAS = "default"
# Parts of pages (pagecache/fragments.py), under keys naming the content version as well.
FRAGMENT_CACHE_ALIAS = "fragments"
FRAGMENT_CACHE_TIMEOUT = 24 * 60 * 60
PAGE_CACHE_TIMEOUT = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_SHARED_MAX_AGE = int(os.environ.get("DJANGO_PAGE_CACHE_SHARED_SECONDS", "60"))
# Visitors' pages name their database, cache and total time in a Server-Timing header, for
# browsers' developer tools; the admin and editors' pages never do (pagecache/timing.py).
SERVER_TIMING = env_bool("DJANGO_SERVER_TIMING", True)
# The apps whose models public pages show: any change to them renews the cached pages
# (pagecache/signals.py). Flatpages and sites for the legal pages and the addresses in
# sitemaps and feeds.
PAGE_CACHE_CONTENT_APPS = ["organisations", "contacts", "opendata", "flatpages", "sites"]

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# collectstatic writes .gz and, with the Brotli package installed, .br files. Hashed names
# are cached for ten years (immutable); names without a hash, which pages never link,
# only for an hour, since a deploy may change them.
WHITENOISE_MAX_AGE = 60 * 60

FIXTURE_DIRS = [BASE_DIR / "fixtures"]
# Where `make backup` (manage.py backup_directory) writes; never committed.
BACKUP_DIR = Path(os.environ.get("DJANGO_BACKUP_DIR", BASE_DIR / "var" / "backups"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PHONENUMBER_DEFAULT_REGION = "DE"

# An entry nobody verified ("Als geprüft markieren") for this many months is due for a check:
# the admin filters such entries and counts the published ones on its index.
DIRECTORY_VERIFY_AFTER_MONTHS = int(os.environ.get("DJANGO_VERIFY_AFTER_MONTHS", "12"))

# Bulk import and export in the admin (django-import-export; formats in
# editorial/spreadsheets.py): importing adds entries, so it needs the right to add
# them; exporting needs the right to view them. The "Redaktion" group has both.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# What a request may bring; more gets the 400 page (templates/400.html). Form data without
# files: the largest form, an organisation in the admin with its relations and contact roles,
# is a few dozen kilobytes.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Parameters per request: a list with every facet option chosen has about a hundred, an admin
# form a few hundred; more is an attack on the parsing.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
# The admin's import takes one CSV or XLSX file; no form uploads more.
DATA_UPLOAD_MAX_NUMBER_FILES = 5
# Uploads up to this size stay in memory, larger ones go to a temporary file. An import of a few
# thousand entries is a few megabytes of CSV and is read whole anyway.
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
# Room for the 1,000 parameters allowed above at the length of a facet option; a link of the
# site, with every facet option chosen and a search of 200 characters, stays under 4 kB.
MAX_QUERY_STRING_LENGTH = 32 * 1024

# E-mail: the console by default (development). EMAIL_URL configures SMTP in one address:
# smtp://user:password@host:25 (plain), submission://…:587 (STARTTLS), smtps://…:465 (TLS);
# else the usual EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS,
# EMAIL_USE_SSL. Only the editors get mail (suggestions); never a visitor's address.
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    _email = urlsplit(EMAIL_URL)
    if _email.scheme not in {"smtp", "submission", "smtps"}:
        # The address may hold a password: name only its scheme.
        raise ImproperlyConfigured(
            f"EMAIL_URL must start with smtp://, submission:// or smtps://, not {_email.scheme}:"
        )
    _smtp = {
        "host": _email.hostname or "localhost",
        "port": _email.port or {"smtp": 25, "submission": 587, "smtps": 465}[_email.scheme],
        "username": unquote(_email.username or ""),
        "password": unquote(_email.password or ""),
        "use_tls": _email.scheme == "submission",
        "use_ssl": _email.scheme == "smtps",
    }
elif os.environ.get("EMAIL_HOST"):
    _smtp = {
        "host": os.environ["EMAIL_HOST"],
        "port": int(os.environ.get("EMAIL_PORT", "25")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "use_ssl": env_bool("EMAIL_USE_SSL", False),
    }
else:
    _smtp = None
MAILERS = {
    "default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if _smtp is None
    # A mail server that hangs must not hold a visitor's request for long.
    else {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {**_smtp, "timeout": 10},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Who hears of each new suggestion, besides the members of the "Redaktion" group.
DIRECTORY_EDITOR_EMAILS = env_list("DIRECTORY_EDITOR_EMAILS", [])

# Suggestions from the public (suggestions/): at most SUGGESTION_RATE_LIMIT submissions per
# address in SUGGESTION_RATE_WINDOW seconds (counted in the shared cache), a form sent no
# sooner than SUGGESTION_MIN_FILL_SECONDS after it was shown and no later than
# SUGGESTION_MAX_FILL_SECONDS, at most SUGGESTION_MAX_LINKS links in its text. Name and e-mail
# of handled suggestions are removed after SUGGESTION_CONTACT_RETENTION_DAYS
# (manage.py purge_suggestion_contacts).
SUGGESTION_RATE_CACHE = "default"
SUGGESTION_RATE_LIMIT = int(os.environ.get("DJANGO_SUGGESTION_RATE_LIMIT", "10"))
SUGGESTION_RATE_WINDOW = 60 * 60
SUGGESTION_MIN_FILL_SECONDS = 3
SUGGESTION_MAX_FILL_SECONDS = 24 * 60 * 60
SUGGESTION_MAX_LINKS = 3
SUGGESTION_CONTACT_RETENTION_DAYS = int(
    os.environ.get("DJANGO_SUGGESTION_CONTACT_RETENTION_DAYS", "90")
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
