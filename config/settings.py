"""Kader settings: everything an operator changes comes from the environment (see README)."""

import datetime
import hashlib
import tempfile
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import env_bool, env_float, env_int, env_list, env_rate, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# KADER_ENV=development gives safe local defaults; anything else is production-like:
# no default secret, DEBUG off unless asked for, secure cookies.
ENVIRONMENT = env_str("KADER_ENV", "development")
if ENVIRONMENT not in {"development", "test", "production"}:
    raise ImproperlyConfigured(f"KADER_ENV={ENVIRONMENT!r}: use development, test or production.")
DEVELOPMENT = ENVIRONMENT in {"development", "test"}

SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-deploy" if DEVELOPMENT else None)
DEBUG = env_bool("DEBUG", ENVIRONMENT == "development")
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEVELOPMENT else []
)
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "adminsortable2",
    "django_tasks_db",
    # Bottom to top: every app may import only the ones above it in this list.
    "core",
    "sources",
    "clubs",
    "players",
    "interviews",
    "imports",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Above LocaleMiddleware: drops its Vary: Accept-Language where the URL has the language.
    "core.middleware.LanguageInUrlMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.admin.AdminLanguageMiddleware",  # the admin in the editor's language
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "core.middleware.FileNotStoredMiddleware",
    # Last, as django-axes asks: it answers a locked-out login with its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (admin form and the API's Basic auth alike), counted in the database so
# every worker sees the same attempts. Unlock: manage.py axes_reset_username NAME,
# axes_reset_ip ADDRESS or axes_reset (everyone).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 30))
# A client is locked out after the limit whatever names it tries, and a name from a client.
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
AXES_VERBOSE = False

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "core.web.language_links",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

_DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
try:
    DATABASES = {
        "default": dj_database_url.parse(
            _DATABASE_URL,
            conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEVELOPMENT else 60),
            conn_health_checks=True,
        )
    }
except ValueError as _error:
    raise ImproperlyConfigured(
        f"DATABASE_URL is not a database URL ({_error}): use e.g. "
        "postgres://user:password@host:5432/kader or sqlite:////path/to/db.sqlite3."
    ) from None
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The import worker and the web process write to one file: WAL lets pages read while
    # an import writes, IMMEDIATE takes the write lock at BEGIN (no deadlocked upgrade
    # from a read), and a writer waits up to the busy timeout instead of failing with
    # "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": env_float("SQLITE_BUSY_TIMEOUT_SECONDS", 30.0),
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )

# Background jobs (imports) through Django's tasks framework. The database backend needs
# no extra server: `manage.py db_worker` runs the jobs (dev.py run starts it).
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}
# An upload checked but not confirmed waits this long in MEDIA_ROOT/imports/pending/.
KADER_PENDING_IMPORT_HOURS = env_float("KADER_PENDING_IMPORT_HOURS", 24.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set. Otherwise a cache every worker shares all the same: a table
# in the database in production (created by migrate, see core.apps), files in development,
# memory in tests.
REDIS_URL = env_str("REDIS_URL", "")
# Trusted proxies in front of the site (nginx: 1). Throttling and login lockouts count the
# address the nearest trusted proxy saw; 0 ignores X-Forwarded-For, so a client cannot
# choose its own address.
NUM_PROXIES = env_int("NUM_PROXIES", 0)
AXES_IPWARE_PROXY_COUNT = NUM_PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if NUM_PROXIES else ["REMOTE_ADDR"]
)
if REDIS_URL:
    _CACHE = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
elif ENVIRONMENT == "development":
    # Files, not memory: the import worker (dev.py run) moves the content version that the
    # web process reads (core.cache). The tests use memory (tests/conftest.py).
    _CACHE = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(
            Path(tempfile.gettempdir())
            / f"kader-cache-{hashlib.sha256(str(BASE_DIR).encode()).hexdigest()[:8]}"
        ),
    }
elif ENVIRONMENT == "test":
    _CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
else:
    _CACHE = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "kader_cache"}
CACHES = {"default": _CACHE}
if _CACHE["BACKEND"].endswith("DatabaseCache"):
    # The API throttle counts every anonymous read: in memory (per worker), not as a write
    # to the database on each request (core.throttling).
    CACHES["throttle"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}

# Public pages and API reads (core.cache): anonymous answers are marked public for
# PAGE_MAX_AGE seconds, may be served stale for PAGE_STALE_WHILE_REVALIDATE more while a
# cache refetches, and their bodies are kept in the cache above for PAGE_CACHE_SECONDS
# (0: rendered every time) under a content version that every write to these apps moves.
KADER_CONTENT_APPS = ["clubs", "players", "interviews", "sources"]
KADER_PAGE_MAX_AGE = env_int("PAGE_MAX_AGE", 60)
KADER_PAGE_STALE_WHILE_REVALIDATE = env_int("PAGE_STALE_WHILE_REVALIDATE", 300)
KADER_PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 86400)
for _name, _value in [
    ("PAGE_MAX_AGE", KADER_PAGE_MAX_AGE),
    ("PAGE_STALE_WHILE_REVALIDATE", KADER_PAGE_STALE_WHILE_REVALIDATE),
    ("PAGE_CACHE_SECONDS", KADER_PAGE_CACHE_SECONDS),
]:
    if _value < 0:
        raise ImproperlyConfigured(f"{_name}={_value}: use 0 or more seconds.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "Europe/Berlin")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    # Uploads are written under a temporary name and moved into place when complete.
    "default": {"BACKEND": "core.storage.AtomicFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEVELOPMENT
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploads: a photo or a source document is small; anything bigger is refused.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
# An editor may upload a season's documents at once (Django's default stops at 100 files).
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("KADER_MAX_UPLOAD_FILES", 1000)
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
KADER_MAX_IMAGE_BYTES = env_int("KADER_MAX_IMAGE_BYTES", 5 * 1024 * 1024)
# Seconds one document may take to parse before the importer stops it (imports.importer.budget).
KADER_PARSE_BUDGET_SECONDS = env_float("KADER_PARSE_BUDGET_SECONDS", 20.0)

# Behind a TLS-terminating proxy (see README, "Deployment").
if env_bool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEVELOPMENT)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HSTS is hard to take back: off until the operator knows every (sub)domain serves https.
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Everything comes from the site itself; a script or <style> in a page needs the response's
# nonce. The API's Redoc page is the one exception (its styles are injected at run time):
# see core.views / config.api_urls.
SECURE_CSP: dict[str, list[str]] = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["core.permissions.ModelPermissionsOrAnonReadOnly"],
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 25,
    "DEFAULT_THROTTLE_CLASSES": ["core.throttling.SharedAnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env_rate("API_ANON_RATE", "120/minute")},
    "NUM_PROXIES": NUM_PROXIES,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Kader API",
    "DESCRIPTION": "Players, clubs, loans, caps and interviews of a football club's database.",
    "VERSION": "1.0.0",
    "SERVERS": [{"url": SITE_URL, "description": "This site"}],
    "CONTACT": {"name": "Kader media office", "url": f"{SITE_URL}/"},
    "TAGS": [
        {"name": "players", "description": "Players with their whole career and interviews."},
        {"name": "clubs", "description": "Clubs with their squad and the loans running today."},
        {"name": "competitions", "description": "Leagues and cups, by country and tier."},
        {"name": "national-teams", "description": "A country's teams at each level."},
        {"name": "interviews", "description": "Interviews turn by turn, newest first."},
        {"name": "countries", "description": "Football nations by ISO code."},
    ],
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Several models have a "kind" or a date precision: one named enum per choice set.
    "ENUM_NAME_OVERRIDES": {
        "DatePrecisionEnum": "core.publishing.DatePrecision",
        "PublishedPrecisionEnum": "interviews.models.Interview.DatePrecision",
        "CompetitionKindEnum": "clubs.models.Competition.Kind",
        "SpellKindEnum": "players.models.Spell.Kind",
        "TurnKindEnum": "interviews.models.Turn.Kind",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}

if ENVIRONMENT == "test":
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Development and tests serve static files straight from the apps (no collectstatic).
WHITENOISE_USE_FINDERS = DEVELOPMENT
WHITENOISE_AUTOREFRESH = DEVELOPMENT
