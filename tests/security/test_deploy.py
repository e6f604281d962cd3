"""Production settings, as `make serve` runs them: DJANGO_DEBUG off and a real secret key."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent


def production(*command, **environment):
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        **environment,
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests; not production
    return subprocess.run(
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_check_deploy_reports_no_issue_and_silences_none():
    result = production("manage.py", "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


# Requests made inside a production process, so the settings are the real ones, not a copy.
PROBE = """
import json
from django.test import Client
from django.test.utils import override_settings, setup_test_environment
setup_test_environment()
# Static files are not collected here; their storage is no part of what is probed.
override_settings(
    STORAGES={
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()
client = Client()
plain = client.get("/admin/login/")
secure = client.get("/admin/login/", secure=True)
proxied = client.get("/admin/login/", headers={"X-Forwarded-Proto": "https"})
cookie = secure.cookies["csrftoken"]
print(json.dumps({
    "plain": [plain.status_code, plain.get("Location")],
    "secure": secure.status_code,
    "proxied": proxied.status_code,
    "hsts": secure.get("Strict-Transport-Security"),
    "cookie_secure": bool(cookie["secure"]),
    "cookie_httponly": bool(cookie["httponly"]),
}))
"""


def probe(**environment) -> dict:
    result = production("manage.py", "shell", "-c", PROBE, **environment)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_plain_http_and_sends_secure_cookies():
    answers = probe()
    assert answers["plain"] == [301, "https://testserver/admin/login/"]
    assert answers["secure"] == 200
    assert answers["hsts"] == "max-age=31536000; includeSubDomains; preload"
    assert answers["cookie_secure"] is True
    # Without a trusted proxy, a client cannot claim HTTPS with a header.
    assert answers["proxied"] == 301


def test_behind_a_proxy_the_forwarded_scheme_is_believed():
    answers = probe(DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto")
    assert answers["proxied"] == 200


def test_hsts_lifetime_comes_from_the_environment():
    answers = probe(DJANGO_SECURE_HSTS_SECONDS="600")
    assert answers["hsts"] == "max-age=600; includeSubDomains; preload"


def test_the_health_check_answers_plain_http_for_load_balancers():
    result = production(
        "manage.py",
        "shell",
        "-c",
        "from django.test import Client; print(Client().get('/healthz').status_code)",
    )
    assert result.stdout.strip().splitlines()[-1] == "200", result.stderr
