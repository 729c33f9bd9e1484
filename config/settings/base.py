"""Settings shared by every environment.

The environment is read once, here at the top; the other settings modules only
decide what a missing value means (a default in dev and test, an error in
production).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"

ENV_SECRET_KEY = os.environ.get("SECRET_KEY", "")
ENV_ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "").split(",")
    if host.strip()
]
ENV_DATABASE_URL = os.environ.get("DATABASE_URL", "")
ENV_ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
# Where e-mails' links point. Development derives it from PORT (`make run`
# passes it); production requires it (production.py).
ENV_BASE_URL = os.environ.get("BASE_URL", "")
ENV_PORT = os.environ.get("PORT", "") or "8000"
ENV_EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
ENV_EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587") or 587)
ENV_EMAIL_USER = os.environ.get("EMAIL_HOST_USER", "")
ENV_EMAIL_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
ENV_DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Kakheti Hub <noreply@kakheti-hub.ge>"
)
ENV_REDIS_URL = os.environ.get("REDIS_URL", "")
# A database that accepts connections but never answers must fail fast
# (seconds), not hold every request until gunicorn kills the worker.
ENV_DB_CONNECT_TIMEOUT = int(os.environ.get("DB_CONNECT_TIMEOUT", "") or 5)
ENV_DB_STATEMENT_TIMEOUT = int(os.environ.get("DB_STATEMENT_TIMEOUT", "") or 30)
ENV_STATIC_ROOT = os.environ.get("STATIC_ROOT", "")
# Behind a reverse proxy, the request header that carries the client's address
# (e.g. HTTP_X_REAL_IP); rate limits are counted per client address.
ENV_CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# --- Initiatives: private files, review deadlines, retention -----------------
# Files the web server must never serve (citizens' attachments, consultation
# documents) live outside MEDIA_ROOT, without a URL; staff open them through
# permission-checked admin views.
ENV_PRIVATE_MEDIA_ROOT = os.environ.get("PRIVATE_MEDIA_ROOT", "")
PRIVATE_MEDIA_ROOT = (
    Path(ENV_PRIVATE_MEDIA_ROOT) if ENV_PRIVATE_MEDIA_ROOT else BASE_DIR / "private"
)
# Days an initiative may wait for the moderators or the council before the
# dashboard marks it near overdue, then overdue; days without the
# municipality's answer before the advocacy panel lists it.
INITIATIVE_REVIEW_NEAR_OVERDUE_DAYS = 11
INITIATIVE_REVIEW_OVERDUE_DAYS = 14
INITIATIVE_ANSWER_OVERDUE_DAYS = 30
# Days after an initiative's final outcome after which its author's personal
# data are removed (manage.py anonymise_initiative_authors, daily): 6 months.
INITIATIVE_AUTHOR_RETENTION_DAYS = 183
# --- end of the initiatives block --------------------------------------------

# The project's apps bottom-up, in their layers (see README, "Layout"): each
# builds only on those above it in this list. The demo is built in this order.
INSTALLED_APPS = [
    "hub",
    "taxonomy",
    "directory",
    "consultations",
    "home",
    "initiatives",
    "timebank",
    "volunteering",
    "search",
    "impact",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "simple_history",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hub.middleware.RejectNulBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "hub.page_cache.AnonymousPageCacheMiddleware",
    # What a request reads, for the public content it stores
    # (hub/content_cache.py): before anything reads content.
    "hub.content_cache.ReadingMiddleware",
    # Compressed HTML for clients that accept gzip, inside the page cache so a
    # cached page is compressed once. Against BREACH on pages with a CSRF
    # token, Django masks the token per response and pads the gzip header
    # with random bytes (Heal The Breach); cached pages carry no secret.
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.common.CommonMiddleware",
    "hub.page_tree.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-factor sign-in for staff (hub/two_factor.py), after authentication.
    "django_otp.middleware.OTPMiddleware",
    "hub.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # The Content-Security-Policy header (CONTENT_SECURITY_POLICY below).
    "csp.middleware.CSPMiddleware",
    "hub.content_security.AdminContentSecurityMiddleware",
    # Login lockout (django-axes): last, so it answers a locked-out sign-in.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        ENV_DATABASE_URL or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60 if ENV_DATABASE_URL.startswith("postgres") else 0,
    )
}
# Timeouts (see ENV_DB_*): PostgreSQL's connect and statement timeouts; SQLite
# waits at most as long for a lock held by another connection. SQLite writes
# ahead to a log (WAL): pages are read while another connection writes (the
# development server's threads, the task worker), and a commit needs no disk
# sync of its own.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=ENV_DB_CONNECT_TIMEOUT,
        options=f"-c statement_timeout={ENV_DB_STATEMENT_TIMEOUT * 1000}",
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=ENV_DB_STATEMENT_TIMEOUT,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Georgian first: "/" is Georgian, "/en/" English.
LANGUAGE_CODE = "ka"
LANGUAGES = [("ka", _("Georgian")), ("en", _("English"))]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# The project's own catalogue first (it keeps precedence), then the Georgian
# translations of Wagtail's and other packages' admin strings, which ship almost
# none (site/admin_locale/build.py). Django's JavaScriptCatalog merges
# LOCALE_PATHS too, so the admin's djangojs strings come from there as well.
LOCALE_PATHS = [SITE_DIR / "locale", SITE_DIR / "admin_locale"]
# One date style per language, for the whole site: config/formats/<lang>/.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "Asia/Tbilisi"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [SITE_DIR / "static"]
STATIC_ROOT = Path(ENV_STATIC_ROOT) if ENV_STATIC_ROOT else BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
# Media folders from the environment (a shared volume when several servers
# run; see README, "Backups" and "Production architecture").
ENV_MEDIA_ROOT = os.environ.get("MEDIA_ROOT", "")
MEDIA_ROOT = Path(ENV_MEDIA_ROOT) if ENV_MEDIA_ROOT else BASE_DIR / "media"
MEDIA_URL = "/media/"
ENV_CONSULTATIONS_DOCUMENTS_ROOT = os.environ.get("CONSULTATIONS_DOCUMENTS_ROOT", "")
CONSULTATIONS_DOCUMENTS_ROOT = (
    Path(ENV_CONSULTATIONS_DOCUMENTS_ROOT)
    if ENV_CONSULTATIONS_DOCUMENTS_ROOT
    else PRIVATE_MEDIA_ROOT / "consultations"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Several application servers: media on S3-compatible object storage ----
# Set AWS_STORAGE_BUCKET_NAME (and S3_ENDPOINT_URL for a non-AWS service such
# as MinIO or Ceph; credentials in AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY,
# read by boto3) and every server shares the media. Public media are
# readable by anyone; private files go to AWS_PRIVATE_STORAGE_BUCKET_NAME (or
# a "private/" prefix of the public bucket) with a private ACL and no URL
# (hub/object_storage.py). Without them, media stay on the local disk
# (MEDIA_ROOT, PRIVATE_MEDIA_ROOT: a shared volume when several servers run).
ENV_AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
ENV_AWS_PRIVATE_STORAGE_BUCKET_NAME = os.environ.get(
    "AWS_PRIVATE_STORAGE_BUCKET_NAME", ""
)
ENV_S3_ENDPOINT_URL = os.environ.get("S3_ENDPOINT_URL", "")
ENV_AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "")
ENV_AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN", "")
if ENV_AWS_STORAGE_BUCKET_NAME:
    _S3 = {
        "endpoint_url": ENV_S3_ENDPOINT_URL or None,
        "region_name": ENV_AWS_S3_REGION_NAME or None,
        "file_overwrite": False,
    }
    _PRIVATE_BUCKET = ENV_AWS_PRIVATE_STORAGE_BUCKET_NAME or ENV_AWS_STORAGE_BUCKET_NAME
    _PRIVATE_PREFIX = "" if ENV_AWS_PRIVATE_STORAGE_BUCKET_NAME else "private/"
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_S3,
            "bucket_name": ENV_AWS_STORAGE_BUCKET_NAME,
            "default_acl": "public-read",
            "querystring_auth": False,
            "custom_domain": ENV_AWS_S3_CUSTOM_DOMAIN or None,
        },
    }
    # initiatives/storage.py and consultations/documents.py use these.
    STORAGES["private"] = {
        "BACKEND": "hub.object_storage.PrivateS3Storage",
        "OPTIONS": {**_S3, "bucket_name": _PRIVATE_BUCKET, "location": _PRIVATE_PREFIX},
    }
    STORAGES["consultations"] = {
        "BACKEND": "hub.object_storage.PrivateS3Storage",
        "OPTIONS": {
            **_S3,
            "bucket_name": _PRIVATE_BUCKET,
            "location": _PRIVATE_PREFIX + "consultations",
        },
    }
# Sessions in the cache (Redis when REDIS_URL is set) and in the database, so
# every server knows every session and a cache restart logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# --- end of the object storage block -----------------------------------------

# One cache shared by every worker process (rate limits, duplicate-submission
# keys) when REDIS_URL is set; production requires it. Locally, memory.
CACHES = {
    "default": (
        {
            "BACKEND": "hub.cache.PrefixedRedisCache",
            "LOCATION": ENV_REDIS_URL,
            "KEY_PREFIX": "kh",
        }
        if ENV_REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- Anonymous page cache (hub/page_cache.py) ---------------------------------
# Whole pages for visitors without a session, purged by table writes. Redis
# when REDIS_URL is set (shared by every worker and server, so a purge reaches
# them all); otherwise each process keeps its own (development, tests).
# TIMEOUT bounds what no write announces: an event passing from "upcoming"
# to "past" with the clock.
PAGE_CACHE = {
    **(
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": ENV_REDIS_URL,
        }
        if ENV_REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "page-cache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    ),
    "KEY_PREFIX": "page-cache",
    "TIMEOUT": 600,
}
CACHES["page_cache"] = PAGE_CACHE
PAGE_CACHE_ENABLED = True
# The content of public pages for every other visit (hub/content_cache.py):
# same cache, same purge.
CONTENT_CACHE_ENABLED = True
# --- end of the page cache block -----------------------------------------------

EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if ENV_EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = ENV_EMAIL_HOST
EMAIL_PORT = ENV_EMAIL_PORT
EMAIL_HOST_USER = ENV_EMAIL_USER
EMAIL_HOST_PASSWORD = ENV_EMAIL_PASSWORD
EMAIL_USE_TLS = True
DEFAULT_FROM_EMAIL = ENV_DEFAULT_FROM_EMAIL

# Background tasks: e-mail delivery (hub.mail) and search indexing. Stored in
# the database and run by `manage.py db_worker` (production.py); development
# and tests run each task at once, in the request.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
SERVER_EMAIL = ENV_DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
# Lazy: e-mails and admin screens name the hub in their own language.
WAGTAIL_SITE_NAME = _("Kakheti Hub")
WAGTAILADMIN_BASE_URL = ENV_BASE_URL or f"http://127.0.0.1:{ENV_PORT}"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin calls no external host, and staff
# e-mail hashes are not sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Council members approve initiatives without the right to publish them:
# initiatives/publishing.py publishes at the end of their review workflow.
WAGTAIL_FINISH_WORKFLOW_ACTION = "initiatives.publishing.publish_on_approval"

# Search: Wagtail's database backend by default (SQLite FTS5 locally,
# PostgreSQL full text in production); Elasticsearch when ELASTICSEARCH_URL is set.
# Both index only published, public content (search/backends/__init__.py);
# hub/analysis.py does the Georgian and English analysis for both.
WAGTAILSEARCH_BACKENDS = {
    "default": (
        {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [ENV_ELASTICSEARCH_URL],
            "INDEX_PREFIX": "kakheti_",
            # A slow or dead engine must not hold up saving content for long:
            # a save waits at most about a second on it.
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        }
        if ENV_ELASTICSEARCH_URL
        else {
            "BACKEND": "search.backends.database",
            # We stem ourselves; PostgreSQL's "english" config would stem again.
            "SEARCH_CONFIG": "simple",
        }
    ),
}
# Results per page of the site search, and how many per content type are
# ranked before merging them into one list.
SEARCH_RESULTS_PER_PAGE = 10
SEARCH_MAX_RESULTS_PER_TYPE = 200

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kakheti Hub open data API",
    "DESCRIPTION": "Read-only public data of the Kakheti Hub.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["config.openapi.public_api_only"],
}

SIMPLE_HISTORY_REVERT_DISABLED = True

# Public forms are rate-limited per client address (django-ratelimit, in the
# cache: production needs REDIS_URL so that all workers share the counters).
INITIATIVE_SUBMIT_RATE = "5/h"
CONSULTATION_REQUEST_RATE = "5/h"
if ENV_CLIENT_IP_HEADER:
    RATELIMIT_IP_META_KEY = ENV_CLIENT_IP_HEADER

# Time bank. Members sign in with one-time links (django-sesame): a link works
# once, for a day (members in villages do not read mail every hour), and only
# for the time bank's sign-in page (its scope).
AUTHENTICATION_BACKENDS = [
    # First: refuses every sign-in of a locked-out account or address (axes).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "sesame.backends.ModelBackend",
]
SESAME_MAX_AGE = 24 * 60 * 60
SESAME_ONE_TIME = True
# How far below zero a new member's balance may go (minutes): ten hours of
# help received before giving any. Coordinators change it per account.
TIME_BANK_LOWER_LIMIT_MINUTES = -600
TIME_BANK_REGISTER_RATE = "5/h"
TIME_BANK_SIGN_IN_RATE = "10/h"
TIME_BANK_MESSAGE_RATE = "30/h"
# Volunteering's public forms: postings and sign-ups per client address.
VOLUNTEERING_POST_RATE = "5/h"
VOLUNTEERING_SIGN_UP_RATE = "10/h"

# --- Hardening: login lockout, two-factor sign-in, Content-Security-Policy ---
# After AXES_FAILURE_LIMIT failed sign-ins, the account, and separately the
# client address, are locked out for AXES_COOLOFF_TIME (counted in the
# database, so every worker sees them). `manage.py axes_reset` unlocks all.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "hub/login_locked_out.html"
AXES_CLIENT_IP_CALLABLE = "hub.login_lockout.client_address"
AXES_VERBOSE = False
# Staff may add a TOTP authenticator (Account → Two-step sign-in); once they
# have one, every admin sign-in asks for its code. True (production) also
# requires one of administrators: superusers and those who manage accounts.
HUB_REQUIRE_2FA_FOR_ADMINS = False
OTP_TOTP_ISSUER = "Kakheti Hub"
# Only the site's own origin for scripts, styles, fonts and images, everywhere;
# the admin's extra allowances are in hub/content_security.py.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "font-src": ["'self'"],
        "img-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# --- end of the hardening block -----------------------------------------------

# Demo content and printed demo logins exist only where this is True (dev).
DEMO_DATA_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
