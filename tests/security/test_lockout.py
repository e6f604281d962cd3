"""Password guessing on the admin login is locked out after a few failures, with a cool-off."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse


def attempt(client, password, **extra):
    return client.post(reverse("admin:login"), {"username": "staff", "password": password}, **extra)


@pytest.fixture
def login_staff(staff):
    return staff


def test_the_attempt_after_the_limit_is_429_even_with_the_right_password(client, login_staff):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "guess")
        assert response.status_code == 200  # the login form again, with its error
    locked = attempt(client, "guess")
    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert int(locked["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()

    right = attempt(client, "pw-staff-123")
    assert right.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lockout_ends_after_the_cool_off(client, login_staff):
    from axes.models import AccessAttempt

    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "guess")
    assert attempt(client, "pw-staff-123").status_code == 429

    earlier = settings.AXES_COOLOFF_TIME + datetime.timedelta(minutes=1)
    for access in AccessAttempt.objects.all():
        access.attempt_time -= earlier
        access.save()
    response = attempt(client, "pw-staff-123")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(login_staff.pk)


def test_a_lockout_is_per_client(client, login_staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "guess")
    assert attempt(client, "pw-staff-123").status_code == 429
    other = attempt(client, "pw-staff-123", REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, login_staff):
    for n in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "guess", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert attempt(client, "guess", HTTP_X_FORWARDED_FOR="198.51.100.99").status_code == 429
