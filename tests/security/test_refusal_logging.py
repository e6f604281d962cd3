"""The log keeps a refused request to one line: a missing permission is no fault."""

import logging

from django.contrib.auth import get_user_model
from django.urls import reverse


def test_an_admin_permission_denied_is_logged_without_a_traceback(client, db, caplog):
    clerk = get_user_model().objects.create_user("clerk", password="pw-clerk-123", is_staff=True)
    client.force_login(clerk)
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client.get(reverse("staff:intake"))
    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage() == "Forbidden (Permission denied): /admin/intake/"
    assert record.exc_info is None
    assert "Traceback" not in caplog.text
