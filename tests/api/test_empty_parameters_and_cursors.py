"""An empty parameter is no filter (as the README says), and a cursor works only on the list
that made it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse

from sites.models import County
from tests import factories as make


@pytest.mark.parametrize("parameter", ["cursor", "slug__in", "id__in", "sector__in"])
def test_an_empty_parameter_is_no_filter(db, api, parameter):
    make.factory()
    make.factory()
    response = api.get(reverse("api:factory-list"), {parameter: ""})
    assert response.status_code == 200, response.content
    assert len(response.json()["results"]) == 2


def test_a_cursor_from_one_list_is_refused_by_another(db, api):
    """Counties and factories are both ordered by name: the same cursor would read."""
    for _ in range(3):
        make.factory()
    assert County.objects.count() == 3
    following = api.get(reverse("api:factory-list"), {"page_size": 1}).json()["next"]
    cursor = parse_qs(urlsplit(following).query)["cursor"][0]
    assert api.get(reverse("api:factory-list"), {"cursor": cursor}).status_code == 200
    response = api.get(reverse("api:county-list"), {"page_size": 1, "cursor": cursor})
    assert response.status_code == 400
    assert response.json() == {"cursor": ["This cursor belongs to another list."]}
