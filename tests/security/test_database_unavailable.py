"""A lost database connection is a 503 with Retry-After, JSON under /api/, never a 500."""

from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.urls import reverse


@pytest.fixture
def database_down(db):
    def refuse(*args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    with mock.patch.object(connection, "_cursor", side_effect=refuse):
        yield


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


def test_a_page_answers_503_while_the_database_is_down(client, database_down):
    response = client.get(reverse("sites:county-list"))
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "try again" in response.content.decode()


def test_the_api_answers_503_in_json_while_the_database_is_down(client, database_down):
    response = client.get("/api/counties/")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "cannot be reached" in response.json()["detail"]


def test_other_errors_stay_a_500(client, db):
    with mock.patch.object(connection, "_cursor", side_effect=ZeroDivisionError):
        response = client.get(reverse("sites:county-list"))
    assert response.status_code == 500
