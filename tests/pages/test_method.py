"""The method page, and the citation line on every record page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory, Province
from tests.pages.test_places import text_of


def test_the_method_page_explains_dates_leader_sources_citing_and_licence(client, db):
    response = client.get(reverse("method"))
    assert response.status_code == 200
    text = text_of(response)
    for heading in (
        "Dates and uncertainty",
        "“Leader present”",
        "Sources and disagreements",
        "How to cite",
        "Licence, credits and downloads",
    ):
        assert heading in text
    assert "2024-02-21/2024-02-29 late February 2024" in text
    assert "295–303 days" in text
    assert "CC-BY-4.0" in text
    assert "GeoNames" in text
    assert "Who's On First (CC0" in text
    html = response.content.decode()
    assert f'href="{reverse("api:download-records")}"' in html


@pytest.mark.parametrize(
    ("model", "title"),
    [
        (County, "Songchon, South Phyongan"),
        (Province, "South Phyongan"),
        (Factory, None),
        (Ceremony, None),
        (GuidanceVisit, None),
        (Source, None),
    ],
)
def test_every_record_page_carries_a_citation_line(client, seeded, model, title):
    record = (
        County.objects.get(slug="songchon")
        if model is County
        else Province.objects.get(slug="south-phyongan")
        if model is Province
        else model.objects.first()
    )
    text = text_of(client.get(record.get_absolute_url()))
    line = text.split("Cite this record:")[1].split("How to cite")[0]
    assert f"http://testserver{record.get_absolute_url()}" in line
    assert f"“{title or getattr(record, 'title', None) or record}”" in line
    today = timezone.localdate()
    assert f"(retrieved {today.day} {today:%B %Y})" in line
