"""API tokens: created in the admin, stored hashed, refused when expired or revoked."""

import hashlib
import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiToken

WRITE = ("post", "api:source-list", {"title": "A new article"})


@pytest.fixture
def writer(db):
    return get_user_model().objects.create_superuser("writer", "w@example.org", "pw-writer-123")


def write_with(header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)
    return client.post(reverse("api:source-list"), {"title": "A new article"}, format="json")


def test_a_token_is_stored_only_as_its_hash(writer):
    token, secret = ApiToken.issue(writer, "import")
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {token.key_hash, token.key_prefix}
    assert secret.startswith(token.key_prefix)
    assert len(secret) >= 40


def test_a_valid_token_writes_and_records_its_use(writer):
    token, secret = ApiToken.issue(writer, "import")
    assert write_with(f"Token {secret}").status_code == 201
    token.refresh_from_db()
    assert timezone.now() - token.last_used < timedelta(minutes=1)


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda token: setattr(token, "revoked", True), id="revoked"),
        pytest.param(
            lambda token: setattr(token, "expires", timezone.now() - timedelta(seconds=1)),
            id="expired",
        ),
        pytest.param(lambda token: setattr(token.user, "is_active", False), id="inactive user"),
    ],
)
def test_a_token_no_longer_valid_is_401(writer, spoil):
    token, secret = ApiToken.issue(writer, "import")
    spoil(token)
    token.save()
    token.user.save()
    response = write_with(f"Token {secret}")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert "expired or revoked" in response.json()["detail"]


@pytest.mark.parametrize("header", ["Token", "Token a b", "Token not-a-token", "Token ñ"])
def test_a_malformed_or_unknown_token_is_401(writer, header):
    assert write_with(header).status_code == 401


def test_a_token_that_will_expire_still_works(writer):
    _, secret = ApiToken.issue(writer, "import", expires=timezone.now() + timedelta(days=1))
    assert write_with(f"Token {secret}").status_code == 201


def test_the_admin_shows_the_secret_once_and_keeps_its_hash(writer, client):
    client.force_login(writer)
    response = client.post(
        reverse("admin:accounts_apitoken_add"),
        {"user": writer.pk, "name": "newsroom import", "expires_0": "", "expires_1": ""},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    [secret] = re.findall(r"is (\S+) — copy it now", " ".join(messages))
    token = ApiToken.objects.get(name="newsroom import")
    assert token.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert write_with(f"Token {secret}").status_code == 201
    change_page = client.get(reverse("admin:accounts_apitoken_change", args=[token.pk]))
    assert secret not in change_page.content.decode()


def test_a_token_revoked_in_the_admin_is_refused(writer, client):
    token, secret = ApiToken.issue(writer, "import")
    client.force_login(writer)
    client.post(
        reverse("admin:accounts_apitoken_change", args=[token.pk]),
        {"name": "import", "expires_0": "", "expires_1": "", "revoked": "on"},
    )
    assert ApiToken.objects.get(pk=token.pk).revoked
    assert write_with(f"Token {secret}").status_code == 401


def test_the_command_prints_a_working_secret(writer, capsys):
    call_command("create_api_token", "writer", "--name", "script", "--days", "30")
    secret = capsys.readouterr().out.strip()
    assert write_with(f"Token {secret}").status_code == 201
    assert ApiToken.objects.get(name="script").expires > timezone.now() + timedelta(days=29)
