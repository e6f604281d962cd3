"""A method an address does not have is refused as such, whoever asks."""

import pytest
from django.urls import reverse

from tests import factories as make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["api:ceremony-list", "api:county-list", "api:source-list"])
def test_an_unknown_method_is_a_405_for_an_anonymous_client(client, name):
    response = client.generic("TRACE", reverse(name))
    assert response.status_code == 405
    assert response.json()["detail"] == 'Method "TRACE" not allowed.'


def test_a_write_without_credentials_is_still_a_401(client):
    response = client.post(reverse("api:source-list"), {}, content_type="application/json")
    assert response.status_code == 401


@pytest.mark.parametrize("method", ["TRACE", "POST", "DELETE"])
def test_the_factory_timeline_refuses_other_methods_before_asking_who(client, method):
    factory = make.factory(name="Songchon Foodstuff Factory")
    url = reverse("api:factory-timeline", args=[factory.slug])
    assert client.generic(method, url).status_code == 405
