"""How current the record is: the home page, /method/, every downloads section and the
whole-record archive give the publication date of the newest source and the date of the
newest event, in English and Korean, read in one query once per generation of the data."""

import io
import zipfile

import pytest
from django.urls import reverse

from events.freshness import data_as_of
from tests import factories as make

pytestmark = pytest.mark.django_db

SAID = (
    "Data as of: the newest source was published 21 December 2025; "
    "the newest event is dated 19 December 2025."
)


@pytest.fixture
def record():
    county = make.county(name="Sinpho", slug="sinpho", programme_year=2025)
    newest = make.source(title="Sinpho factories open", published="2025-12-21")
    older = make.source(title="Groundbreakings", published="2024-03")
    make.source(title="Undated retelling", published="")
    make.ceremony(kind="inauguration", date="2025-12-19", county=county, sources=[newest])
    make.visit(date="2025-06", county=county, sources=[older])
    # Without a source an event is a draft, not part of what the record states.
    make.ceremony(kind="groundbreaking", date="2026-01-05", county=county, draft=True)
    return county


def test_the_home_page_the_method_and_a_county_say_how_current_the_data_are(client, record):
    for address in (reverse("sites:home"), reverse("method"), record.get_absolute_url()):
        assert SAID in client.get(address).content.decode(), address


def test_the_korean_pages_say_it_in_korean(client, record):
    html = client.get("/ko" + reverse("method")).content.decode()
    assert "Data as of" not in html
    assert (
        "자료 기준: 가장 최근 출처는 2025년 12월 21일에 발행되었고, 가장 최근 사건의 날짜는 "
        "2025년 12월 19일입니다." in html
    )


def test_an_empty_record_says_so(client, db):
    html = client.get(reverse("method")).content.decode()
    assert "Data as of: no dated source is recorded yet." in html


def test_the_archive_readme_gives_both_dates(client, record):
    response = client.get(reverse("api:download-records"))
    bundle = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    readme = bundle.read("regiondev-records/README.txt").decode()
    assert (
        "Data as of: the newest source was published 2025-12-21; "
        "the newest event is dated 2025-12-19." in readme
    )


def test_it_is_one_query_once_per_generation_and_a_change_shows(record, django_assert_num_queries):
    with django_assert_num_queries(1):
        first = data_as_of()
    with django_assert_num_queries(0):
        assert data_as_of() == first
    make.visit(date="2026-01-20", county=record, sources=[make.source(published="2026-01-22")])
    as_of = data_as_of()
    assert (as_of.source.text, as_of.event.text) == ("2026-01-22", "2026-01-20")
