"""The public pages in Korean, under /ko/: words, dates and names as a Korean reader reads them."""

import pytest
from django.urls import reverse
from django.utils import translation

from sites.models import County
from tests import factories as make
from tests.pages.test_places import text_of


def korean(path: str) -> str:
    return f"/ko{path}"


@pytest.fixture
def songchon(seeded):
    return County.objects.get(slug="songchon")


def test_a_korean_county_page_is_korean(client, songchon):
    response = client.get(korean(songchon.get_absolute_url()))
    html = response.content.decode()
    text = text_of(response)
    assert response.status_code == 200
    assert '<html lang="ko">' in html
    # The hangul name first, the English after it.
    assert '<h1><span lang="ko">성천군</span> <span lang="en">Songchon County</span></h1>' in html
    assert "행사와 현지지도" in text
    assert "인용된 출처" in text
    # Dates and durations in Korean words, never the English ones.
    assert "2024년 2월 28일 2024년 12월 20일 296일" in text
    assert "20 December 2024" not in text
    assert "296 days" not in text
    assert "성천군 (Songchon)" in text


def test_the_english_page_is_unchanged_at_its_own_address(client, songchon):
    response = client.get(songchon.get_absolute_url())
    text = text_of(response)
    assert '<html lang="en">' in response.content.decode()
    assert "28 February 2024 20 December 2024 296 days" in text
    assert "하순" not in text


def test_each_page_links_to_itself_in_the_other_language(client, songchon):
    path = songchon.get_absolute_url()
    english = client.get(f"{path}?x=1").content.decode()
    switch = f'<a class="language-switch" href="/ko{path}?x=1" hreflang="ko" lang="ko">한국어</a>'
    assert switch in english
    korean_page = client.get(korean(path)).content.decode()
    assert f'href="{path}" hreflang="en-gb" lang="en-gb">English</a>' in korean_page


@pytest.mark.parametrize(
    "name",
    ["sites:home", "sites:county-list", "sites:factory-list", "events:event-list", "sites:map"],
)
def test_every_list_page_answers_in_korean(client, seeded, name):
    with translation.override("ko"):
        path = reverse(name)
    assert path.startswith("/ko/")
    response = client.get(path)
    assert response.status_code == 200
    assert '<html lang="ko">' in response.content.decode()
    assert "검색" in text_of(response)


def test_vague_dates_are_said_in_korean_words(client, db):
    county = make.county()
    make.ceremony(county=county, date="late February 2024", kind="groundbreaking")
    make.visit(county=county, date="early 2025")
    text = text_of(client.get(korean(reverse("events:event-list"))))
    assert "2024년 2월 하순" in text
    assert "2025년 초" in text
    assert "late February 2024" not in text


def test_a_language_asked_for_by_the_browser_does_not_change_an_address(client, songchon):
    """The page cache keys on the address alone: / is English for every visitor."""
    response = client.get(songchon.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ko")
    assert '<html lang="en">' in response.content.decode()


def test_the_api_stays_english(client, songchon):
    response = client.get("/api/factories/", HTTP_ACCEPT_LANGUAGE="ko")
    factory = response.json()["results"][0]
    assert factory["groundbreaking_in_words"].endswith(" 2025")
    assert "년" not in str(factory)
    assert client.get("/ko/api/factories/").status_code == 404


def test_the_cache_keeps_a_page_per_language(client, songchon, django_assert_num_queries):
    path = songchon.get_absolute_url()
    client.get(path)
    client.get(korean(path))
    # Both now come from the cache, each in its own language.
    with django_assert_num_queries(0):
        english = client.get(path).content.decode()
        korean_page = client.get(korean(path)).content.decode()
    assert '<html lang="en">' in english
    assert "296 days" in english
    assert '<html lang="ko">' in korean_page
    assert "296일" in korean_page


def test_korean_pages_link_the_feeds_at_their_one_address(client, songchon):
    html = client.get(korean(songchon.get_absolute_url())).content.decode()
    assert 'href="/feeds/events.atom"' in html
    assert 'href="/feeds/events.ics"' in html
    assert "/ko/feeds/" not in html


def test_the_method_page_reads_in_korean(client, db):
    text = text_of(client.get("/ko/method/"))
    assert "방법" in text
    assert "날짜와 불확실성" in text
    assert "2024년 2월 하순" in text
    assert "Dates and uncertainty" not in text


def test_korean_filters_are_korean_with_hangul_names_first(client, seeded):
    html = client.get("/ko/events/").content.decode()
    assert '<label for="id_kind">종류</label>' in html
    assert ">평안남도 (South Phyongan)</option>" in html
    english = client.get("/events/").content.decode()
    assert '<label for="id_kind">Kind</label>' in english
    assert ">South Phyongan</option>" in english
