"""Regiondev settings: one module, every value read from the environment.

Each variable is declared once below with its type and a default that suits a laptop;
production sets DJANGO_DEBUG=false and must then supply DJANGO_SECRET_KEY.
"""

from datetime import timedelta
from importlib.util import find_spec
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_noop

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env(
    DJANGO_DEBUG=(bool, True),
    DJANGO_SECRET_KEY=(str, ""),
    DJANGO_ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost", "[::1]", "testserver"]),
    DATABASE_URL=(str, f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}"),
    CACHE_URL=(str, "locmemcache://"),
    DATABASE_REPLICA_URL=(str, ""),
    MEDIA_STORAGE=(str, "local"),
    MEDIA_ROOT=(str, str(BASE_DIR / "media")),
    DOWNLOADS_ROOT=(str, str(BASE_DIR / "var" / "downloads")),
    STATIC_ROOT=(str, str(BASE_DIR / "staticfiles")),
    REGIONDEV_BENCH=(bool, False),
)
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env("DJANGO_DEBUG")
SECRET_KEY = env("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG off Regiondev needs a secret key: "
            "set DJANGO_SECRET_KEY to a long random string (see .env.example)."
        )
    # Only with DJANGO_DEBUG on (refused above otherwise), so never a production secret.
    SECRET_KEY = "insecure-development-key-only-for-debug"  # noqa: S105
ALLOWED_HOSTS = env("DJANGO_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "staff.admin_site.RegiondevAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.syndication",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "import_export",
    "django_rq",
    "axes",
    "csp",
    "sites",
    "events",
    "staff",
    "accounts",
    "regiondev",
]
# The benchmark's commands (generate_synthetic) only where `make bench` runs, never in production.
if env("REGIONDEV_BENCH"):
    INSTALLED_APPS.append("bench")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "regiondev.middleware.RequestSizeLimitMiddleware",
    "regiondev.middleware.IntegrityErrorMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "regiondev.routers.ReplicaReadsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address alone (/ko/ or none): never from a cookie or
    # Accept-Language, which the page cache does not key on.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # After every middleware that adds a header or knows the visitor, before the URL is
    # resolved: a repeat of a cached page or API list is answered here.
    "regiondev.caching.CachedAnswerMiddleware",
    # Last, as django-axes requires: it turns a locked-out login into its 429 answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "web.urls"
WSGI_APPLICATION = "regiondev.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
# Persistent connections, checked before reuse so a restarted PostgreSQL costs no request.
DATABASES["default"]["CONN_MAX_AGE"] = 60
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    (BASE_DIR / "var").mkdir(exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# A read replica, when configured, serves the reads of public pages and API GETs
# (regiondev/routers.py); in tests it mirrors the test database.
if env("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = {
        **env.db("DATABASE_REPLICA_URL"),
        "CONN_MAX_AGE": DATABASES["default"]["CONN_MAX_AGE"],
        "CONN_HEALTH_CHECKS": True,
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["regiondev.routers.PrimaryReplicaRouter"]

# redis:// URLs map to django-redis; every app server shares the one cache. Redis is only an
# accelerator: its calls give up after CACHE_TIMEOUT seconds and then count as misses
# (regiondev.caching.FailSoftRedisCache), so the site answers from the database without it.
CACHES = {"default": env.cache("CACHE_URL")}
CACHE_TIMEOUT = env.float("CACHE_TIMEOUT", default=0.25)
if CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache":
    CACHES["default"]["BACKEND"] = "regiondev.caching.FailSoftRedisCache"
    CACHES["default"].setdefault("OPTIONS", {}).update(
        SOCKET_CONNECT_TIMEOUT=CACHE_TIMEOUT, SOCKET_TIMEOUT=CACHE_TIMEOUT
    )

# Background jobs (staff/jobs.py): RQ through django-rq, on the Redis of RQ_URL, by default
# the cache's when CACHE_URL is a Redis; workers run `manage.py rqworker`. With no Redis a job
# runs in the request that starts it, so `make run` needs nothing more.
RQ_URL = env.str(
    "RQ_URL", default=env("CACHE_URL") if env("CACHE_URL").startswith("redis") else ""
)
RQ_QUEUES = {"default": {"URL": RQ_URL, "DEFAULT_TIMEOUT": 3600}} if RQ_URL else {}
# django-rq's dashboard is registered by staff/admin.py, for superusers alone.
RQ_SHOW_ADMIN_LINK = False

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
# English pages keep their addresses; Korean ones are the same under /ko/ (web/urls.py),
# so each language is its own address and its own page-cache entry.
LANGUAGES = [("en-gb", "English"), ("ko", "한국어")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env("STATIC_ROOT")
# In development and tests WhiteNoise serves static/ straight from the app folders (no
# collectstatic, no "No directory at: staticfiles/" warning); production serves STATIC_ROOT.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_URL = "media/"
MEDIA_ROOT = env("MEDIA_ROOT")
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
# Uploaded photos on object storage (S3 or any S3-compatible service, through
# django-storages), so app servers keep no files and any of them can serve any request.
# Credentials come from the usual AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY or the machine's role.
if env("MEDIA_STORAGE") == "s3":
    if find_spec("boto3") is None:
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs boto3, which only S3 deployments install: "
            "pip install -c requirements.lock -r requirements-s3.in"
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("MEDIA_S3_BUCKET"),
            "region_name": env.str("MEDIA_S3_REGION", default=None),
            "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default=None),
            "custom_domain": env.str("MEDIA_S3_CUSTOM_DOMAIN", default=None),
            "location": env.str("MEDIA_S3_PREFIX", default="media"),
            "file_overwrite": False,
            # Public photos are served by plain URLs (cacheable), not signed ones.
            "querystring_auth": env.bool("MEDIA_S3_SIGNED_URLS", default=False),
        },
    }
elif env("MEDIA_STORAGE") != "local":
    raise ImproperlyConfigured("MEDIA_STORAGE is “local” (the default) or “s3”.")
# The heavy downloads, built once per change of the data (regiondev/prebuilt.py) and streamed
# by the app, which throttles them: beside the media on object storage, so every app server
# and job worker shares them; else in a folder of their own, out of /media/ and the backups.
STORAGES["downloads"] = (
    {
        **STORAGES["default"],
        "OPTIONS": {**STORAGES["default"]["OPTIONS"], "location": "downloads"},
    }
    if env("MEDIA_STORAGE") == "s3"
    else {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("DOWNLOADS_ROOT")},
    }
)

# The API (regiondev/api/, README "API"): anonymous clients read, throttled per address at
# API_ANON_RATE; writes need a token (accounts.ApiToken) or a staff session, and the model
# permission.
API_ANON_RATE = env.str("API_ANON_RATE", default="1000/hour")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["regiondev.api.permissions.WritePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["regiondev.api.permissions.AnonymousThrottle"],
    "DEFAULT_FILTER_BACKENDS": ["regiondev.api.filtering.FilterBackend"],
    # JSON bounded in depth (regiondev/api/parsers.py); forms as REST framework reads them.
    "DEFAULT_PARSER_CLASSES": [
        "regiondev.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_RENDERER_CLASSES": [
        "regiondev.api.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PAGINATION_CLASS": "regiondev.api.pagination.KeysetPagination",
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "regiondev.api.negotiation.FormatNegotiation",
    "DEFAULT_SCHEMA_CLASS": "regiondev.api.schema.ApiSchema",
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Regiondev API",
    "DESCRIPTION": (
        "Places, events and sources of the DPRK's Regional Development 20×10 Policy.\n\n"
        "Anyone reads; writing needs `Authorization: Token <secret>` (a token created in the "
        "admin) or a staff session, and the permission for that write. Lists are filtered by "
        "the parameters shown, in pages of `page_size` rows (50 by default, at most 500): "
        "follow `next` and `previous`. Add `format=csv` for CSV, or `format=geojson` for "
        "counties and factories with coordinates. Dates are EDTF text (`2024-02-21/2024-02-29`, "
        "`2024-07`) with the earliest (`_lower`) and latest (`_upper`) day they can mean."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "ProvinceKindEnum": "sites.choices.ProvinceKind",
        "CountyKindEnum": "sites.choices.CountyKind",
        "CeremonyKindEnum": "events.choices.CeremonyKind",
        "VisitKindEnum": "events.choices.VisitKind",
    },
}

SIMPLE_HISTORY_REVERT_DISABLED = False
FORMS_URLFIELD_ASSUME_HTTPS = True

# The citation line shown under every page and in every export.
# Marked for the catalogue; the pages show them in the page's language.
REGIONDEV_CITATION = gettext_noop(
    "Regiondev: records of the Regional Development 20×10 Policy, with their sources."
)
# The data's licence (the method page, the whole-record archive) and what it credits.
REGIONDEV_DATA_LICENCE = {
    "name": "Creative Commons Attribution 4.0 International",
    "spdx": "CC-BY-4.0",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
REGIONDEV_CREDITS = [
    gettext_noop(
        "County and province boundaries on the maps: Who's On First (CC0, "
        "https://whosonfirst.org/docs/licenses/)."
    ),
    gettext_noop(
        "County points: GeoNames (CC BY 4.0, geonames.org) and Who's On First (whosonfirst.org)."
    ),
    gettext_noop(
        "Place names and divisions: compiled from Wikipedia's lists of the DPRK's "
        "administrative divisions (CC BY-SA 4.0)."
    ),
]

# Security. Every header below is sent on pages, API and admin alike. Over plain HTTP on a
# laptop (DJANGO_DEBUG on) the HTTPS redirect and secure cookies are off; in production they
# are on. Behind a proxy that ends TLS, set DJANGO_SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto
# so Django sees the original scheme, and DJANGO_TRUSTED_PROXY_COUNT to the number of proxies
# so logins and throttles count the real client address, not the proxy's.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers poll the health check over plain HTTP, inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
if env.str("DJANGO_SECURE_PROXY_SSL_HEADER", default=""):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + env.str("DJANGO_SECURE_PROXY_SSL_HEADER").upper().replace("-", "_"),
        "https",
    )
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=0)
# The API throttle counts the same client address (0: the socket's, never X-Forwarded-For).
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])

# Content-Security-Policy: nothing inline runs or styles a page unless it carries the
# request's nonce (`request.csp_nonce`); everything else comes from this origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:", *env.list("DJANGO_CSP_IMG_SRC", default=[])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Logins: django-axes locks a client out after AXES_FAILURE_LIMIT failed logins for
# AXES_COOLOFF_TIME, answering 429 (regiondev/errors.py), on the admin and any login form.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "regiondev.errors.lockout_response"
if TRUSTED_PROXY_COUNT:
    AXES_IPWARE_PROXY_COUNT = TRUSTED_PROXY_COUNT
    AXES_IPWARE_PROXY_ORDER = "right-most"
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
else:
    # Without a proxy a client could write any X-Forwarded-For; trust the socket only.
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["REMOTE_ADDR"]

# Limits: bodies over these sizes are refused with 413 (regiondev/middleware.py). An upload
# (multipart) may be larger than any other body, to carry a photo.
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2_621_440)
MAX_UPLOAD_REQUEST_SIZE = env.int("MAX_UPLOAD_REQUEST_SIZE", default=20 * 1024 * 1024)

# Errors and warnings go to stderr, where gunicorn collects them; DEBUG or not.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals_in_one_line": {"()": "regiondev.errors.RefusalsWithoutTraceback"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"django.request": {"filters": ["refusals_in_one_line"]}},
}

# Photos (events/images.py): larger uploads are refused with a message; the thumbnail is
# made once, at upload, as wide as the pages show it.
PHOTO_MAX_UPLOAD_BYTES = 15 * 1024 * 1024
PHOTO_MAX_PIXELS = 40_000_000
PHOTO_MAX_SIDE = 20_000
PHOTO_THUMBNAIL_WIDTH = 400
