"""Django settings for coffeechat. Every knob comes from the environment: see the README's table."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from coffeechat import config

BASE_DIR = Path(__file__).resolve().parent
MODE = config.mode()
PERSONAL = MODE == "personal"
DATA_DIR = config.data_dir()

if PERSONAL:
    SECRET_KEY = config.env_str("COFFEECHAT_SECRET_KEY") or config.personal_secret_key(DATA_DIR)
    ALLOWED_HOSTS = config.env_list("COFFEECHAT_ALLOWED_HOSTS") or [
        "127.0.0.1",
        "localhost",
        "[::1]",
    ]
else:
    SECRET_KEY = config.env_str("COFFEECHAT_SECRET_KEY")
    ALLOWED_HOSTS = config.env_list("COFFEECHAT_ALLOWED_HOSTS")
    if len(SECRET_KEY) < 32:
        raise ImproperlyConfigured(
            "Server mode needs COFFEECHAT_SECRET_KEY (at least 32 random characters)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "Server mode needs COFFEECHAT_ALLOWED_HOSTS (comma-separated host names)."
        )

DEBUG = config.env_bool("COFFEECHAT_DEBUG", False)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "template_partials",
    "coffeechat.common",  # no models: the Guide's template filters (templatetags/guide.py)
    "coffeechat.accounts",
    "coffeechat.network",
    "coffeechat.outreach",
    "coffeechat.interviews",
    "coffeechat.followups",
    "coffeechat.insights",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "coffeechat.common.security.ContentSecurityPolicyMiddleware",
    "coffeechat.common.security.InputGuardMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "coffeechat.accounts.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coffeechat.urls"
WSGI_APPLICATION = "coffeechat.wsgi.application"

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
                "coffeechat.accounts.context_processors.navigation",
            ],
        },
    }
]


def _database() -> dict[str, Any]:
    url = config.env_str("DATABASE_URL")
    db: dict[str, Any]
    if url:
        try:
            db = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
        except ValueError as exc:
            raise ImproperlyConfigured(f"DATABASE_URL is not a database URL: {exc}") from exc
    elif PERSONAL:
        db = {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "coffeechat.sqlite3"}
    else:
        raise ImproperlyConfigured("Server mode needs DATABASE_URL=postgres://…")
    if db["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers and a writer work together; IMMEDIATE takes the write lock at the
        # start of a transaction, so two writers queue on busy_timeout instead of failing.
        db["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 5,
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;"
            ),
        }
    return db


DATABASES = {"default": _database()}

# Server mode across machines: with COFFEECHAT_CACHE_URL=redis://host:6379/0 the follow-up
# plans, counts and drawn lists that one process works out are shared with every other one
# (coffeechat/common/stamps.py). Without it each process keeps its own, as in personal mode.
SHARED_CACHE_URL = config.env_str("COFFEECHAT_CACHE_URL")
CACHES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
if SHARED_CACHE_URL:
    CACHES["shared"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": SHARED_CACHE_URL,
        "TIMEOUT": 24 * 3600,  # a stamp that moved on leaves its entries to expire
        "KEY_PREFIX": "coffeechat",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "coffeechat.accounts.hashers.CoffeechatArgon2PasswordHasher",  # docs/deployment.md
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling, before the real check
    "django.contrib.auth.backends.ModelBackend",
]
# After 5 wrong passwords for one account from one address, wait 15 minutes.
AXES_FAILURE_LIMIT = config.env_int("COFFEECHAT_LOGIN_ATTEMPTS", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Two separate counts, each paused at the limit: per account whatever the address (a password
# guessed from many machines) and per address whatever the account (one machine trying many
# accounts). Names that aren't accounts count and pause the same way, so a pause reveals nothing.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "coffeechat.common.security.client_address"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# WhiteNoise serves the files straight from the package (finders), so no collectstatic step is
# needed in either mode; COFFEECHAT_STATIC_ROOT is only for a proxy that wants them on disk.
STATIC_ROOT = config.env_str("COFFEECHAT_STATIC_ROOT") or None
STATICFILES_DIRS = [BASE_DIR / "static"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: bounded so a 50 MB file is refused with a message, not read into memory.
UPLOAD_LIMIT_BYTES = config.env_int("COFFEECHAT_UPLOAD_LIMIT_MB", 10) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

# Outgoing e-mail (sending messages, the daily digest): SMTP only when a host is configured.
EMAIL_HOST = config.env_str("COFFEECHAT_SMTP_HOST")
EMAIL_PORT = config.env_int("COFFEECHAT_SMTP_PORT", 587)
EMAIL_HOST_USER = config.env_str("COFFEECHAT_SMTP_USER")
EMAIL_HOST_PASSWORD = config.env_str("COFFEECHAT_SMTP_PASSWORD")
EMAIL_USE_SSL = config.env_bool("COFFEECHAT_SMTP_SSL", False)
EMAIL_USE_TLS = config.env_bool("COFFEECHAT_SMTP_STARTTLS", not EMAIL_USE_SSL)
EMAIL_TIMEOUT = 20
EMAIL_BACKEND = "coffeechat.common.mail.EmailBackend"  # quoted-printable bodies, our Message-IDs
EMAIL_USE_LOCALTIME = True  # a Date with a real offset, not "-0000"
DEFAULT_FROM_EMAIL = config.env_str("COFFEECHAT_FROM_EMAIL", "coffeechat@localhost")
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured("Choose one of COFFEECHAT_SMTP_STARTTLS and COFFEECHAT_SMTP_SSL.")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Behind the documented reverse proxy every request comes from the proxy's address; the
# client's is the last entry of X-Forwarded-For (the one the proxy itself appended).
TRUST_FORWARDED_FOR = not PERSONAL and config.env_bool("COFFEECHAT_BEHIND_TLS_PROXY", True)

SESSION_COOKIE_AGE = config.env_int("COFFEECHAT_SESSION_HOURS", 14 * 24 if PERSONAL else 12) * 3600

if not PERSONAL:
    # Behind a TLS-terminating reverse proxy (the documented deployment): trust its
    # X-Forwarded-Proto, send people to https, and tell browsers to stay there (HSTS).
    SESSION_COOKIE_SECURE = config.env_bool("COFFEECHAT_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    CSRF_TRUSTED_ORIGINS = config.env_list("COFFEECHAT_CSRF_TRUSTED_ORIGINS")
    if config.env_bool("COFFEECHAT_BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        SECURE_SSL_REDIRECT = True
        SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer probes over plain http
        SECURE_HSTS_SECONDS = config.env_int("COFFEECHAT_HSTS_SECONDS", 365 * 24 * 3600)
        # Covers only the subdomains of coffeechat's own host name.
        SECURE_HSTS_INCLUDE_SUBDOMAINS = config.env_bool("COFFEECHAT_HSTS_SUBDOMAINS", True)
        SECURE_HSTS_PRELOAD = config.env_bool("COFFEECHAT_HSTS_PRELOAD", False)
        if not SECURE_HSTS_PRELOAD:
            # Joining browsers' preload list is an institution's decision, not a default.
            SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- accounts (issue 8) ---
# Who may open an account in server mode: anyone (open), people holding an invitation link
# from staff (invite), or nobody but an administrator at the command line (closed).
SIGNUP = config.env_str("COFFEECHAT_SIGNUP", "invite").strip().lower()
if SIGNUP not in {"open", "invite", "closed"}:
    raise ImproperlyConfigured(
        f"COFFEECHAT_SIGNUP must be 'open', 'invite' or 'closed', not {SIGNUP!r}"
    )
# Where links printed by the CLI point (invitations); pages use the address they were asked on.
BASE_URL = config.env_str("COFFEECHAT_BASE_URL").rstrip("/")
# The staff page's "this term": from this date (YYYY-MM-DD), else the last six months.
_term_start = config.env_str("COFFEECHAT_TERM_START").strip()
try:
    TERM_START = date.fromisoformat(_term_start) if _term_start else None
except ValueError as exc:
    raise ImproperlyConfigured("COFFEECHAT_TERM_START must be a date like 2025-09-01") from exc
# Password-reset links work for one day; a link to confirm an address, for a week.
PASSWORD_RESET_TIMEOUT = 24 * 3600
EMAIL_VERIFICATION_SECONDS = 7 * 24 * 3600
