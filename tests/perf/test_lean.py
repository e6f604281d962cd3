"""The lean list payloads are the plain serializers' payloads, byte for byte."""

import json
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from regiondev.api import renderers
from sites.api.serializers import FactorySerializer
from sites.models import Factory
from tests import factories as make
from tests.api.test_formats import text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def factories():
    """Odd rows on purpose: hangul names, undated sources beside dated ones (whose order
    differs between databases unless it is pinned), two sources of one date, no sources."""
    county = make.county(name="성천", latitude="39.123456", longitude="125.654321")
    article = make.source(url="https://kcna.kp/article", publisher="KCNA", published="2024-12-21")
    undated = make.source(title="Undated note", published="")
    same_day = make.source(title="A note of the same day", published="2024-12-21")
    rows = [
        make.factory(
            county=county, name="Planned mill", slug="a-mill", latitude="40.5", longitude="126.25"
        ),
        make.factory(county=county, name="성천 기초식품공장", slug="b-mill", products="soy sauce"),
        make.factory(
            county=county, name="Textile mill", slug="c-mill", sector="textiles and clothing"
        ),
    ]
    rows[0].sources.add(undated, article, make.source(), same_day)
    rows[1].sources.add(undated)
    make.ceremony(factories=[rows[1]], date="2024-02-21/2024-02-29", sources=[article])
    make.ceremony(factories=[rows[2]], date="2024-03", county=county)
    make.ceremony(factories=[rows[2]], kind="inauguration", date="2024-12-20", county=county)
    make.visit(factories=rows[1:], date="2024-07", county=county, sources=[article, undated])
    return rows


def plain(serializer_class, instance, path, **kwargs) -> bytes:
    request = Request(APIRequestFactory().get(path))
    data = serializer_class(instance, context={"request": request}, **kwargs).data
    return JSONRenderer().render(data)


def test_the_factory_list_is_the_serializers(client, factories):
    response = client.get(reverse("api:factory-list"))
    assert response.status_code == 200
    results = json.loads(response.content)["results"]
    queryset = Factory.objects.select_related("county__province").order_by("slug")
    expected = plain(FactorySerializer, queryset, reverse("api:factory-list"), many=True)
    assert JSONRenderer().render(results) == expected
    assert [row["status"] for row in results] == ["planned", "under construction", "operating"]


def test_filtered_and_deep_pages_too(client, factories):
    url = reverse("api:factory-list") + "?page_size=1&status__in=operating,under%20construction"
    first = client.get(url).json()
    second = client.get(first["next"]).json()
    rows = Factory.objects.filter(status__in=["operating", "under construction"]).order_by("slug")
    expected = plain(FactorySerializer, rows, url, many=True)
    assert JSONRenderer().render(first["results"] + second["results"]) == expected


def test_the_csv_export_is_the_serializers(client, factories):
    response = client.get(reverse("api:factory-list") + "?format=csv")
    assert response.status_code == 200
    header, *lines = text_of(response).splitlines()
    assert header.startswith("id,url,page_url,timeline_url,slug,name,name_ko,county.id,county.url,")
    assert len(lines) == 3
    (foodstuff,) = [line for line in lines if "성천 기초식품공장" in line]
    assert "soy sauce" in foodstuff
    assert "late February 2024" in foodstuff


def test_the_timeline_lists_each_event_as_written_out_here(client, factories):
    factory = factories[1]
    response = client.get(reverse("api:factory-timeline", args=[factory.slug]))
    assert response.status_code == 200
    body = response.json()
    ceremony, visit = factory.ceremonies.get(), factory.guidance_visits.get()
    assert body["factory"]["name"] == "성천 기초식품공장"
    assert body["status"] == "under construction"
    assert body["groundbreaking"]["date_in_words"] == "late February 2024"
    assert body["inauguration"] is None
    events = [
        (
            event["type"],
            event["kind"],
            event["date"],
            event["date_lower"],
            event["date_upper"],
            event["url"],
            event["page_url"],
            [source["title"] for source in event["sources"]],
        )
        for event in body["events"]
    ]
    assert events == [
        (
            "ceremony",
            "groundbreaking",
            "2024-02-21/2024-02-29",
            "2024-02-21",
            "2024-02-29",
            f"http://testserver/api/ceremonies/{ceremony.pk}/",
            f"http://testserver/events/ceremonies/{ceremony.pk}/",
            [ceremony.sources.get().title],
        ),
        (
            "guidance visit",
            "field guidance",
            "2024-07",
            "2024-07-01",
            "2024-07-31",
            f"http://testserver/api/guidance-visits/{visit.pk}/",
            f"http://testserver/events/visits/{visit.pk}/",
            [ceremony.sources.get().title, "Undated note"],
        ),
    ]


def test_the_json_is_rest_frameworks_byte_for_byte(client, factories):
    tricky = {
        "text": "성천 “quoted” and two separators: \u2028 \u2029",
        "when": datetime(2024, 2, 21, 9, 30, 15, 123456, tzinfo=UTC),
        "day": date(2024, 2, 21),
        "latitude": Decimal("39.123456"),
        "lazy": gettext_lazy("Factories"),
        "values": [1, 2.5, None, True, {}],
    }
    assert renderers.JSONRenderer().render(tricky) == JSONRenderer().render(tricky)
    response = client.get(reverse("api:factory-list"))
    assert response.content == JSONRenderer().render(response.json())
