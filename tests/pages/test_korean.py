"""The public pages in Korean, under /ko/: words, dates and names as a Korean reader reads them."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Person
from sites.models import County
from tests import factories as make
from tests.pages.korean_text import english_names, english_words, seen_text, site_vocabulary
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
    assert '<h1><span lang="ko">성천군</span> <span lang="en">(Songchon)</span></h1>' in html
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


def public_pages() -> dict[str, str]:
    """One address of every kind of public page, in Korean, from the seed's own records."""
    from events.models import Ceremony, GuidanceVisit, Source
    from sites.models import Factory, Province

    songchon = County.objects.get(slug="songchon")
    contested = Ceremony.objects.filter(citations__note__gt="").first()
    with translation.override("ko"):
        return {
            "home": reverse("sites:home"),
            "map": reverse("sites:map"),
            "map of a province": reverse("sites:map") + "?province=south-phyongan",
            "programme year": reverse("sites:programme-year", args=[2024]),
            "province list": reverse("sites:province-list"),
            "province": Province.objects.get(slug="south-phyongan").get_absolute_url(),
            "county list": reverse("sites:county-list"),
            "county": songchon.get_absolute_url(),
            "factory list": reverse("sites:factory-list"),
            "factory": Factory.objects.filter(county=songchon).first().get_absolute_url(),
            "factory of a sector": Factory.objects.exclude(sector="other")
            .first()
            .get_absolute_url(),
            "ceremony": Ceremony.objects.filter(county=songchon).first().get_absolute_url(),
            "ceremony where sources disagree": contested.get_absolute_url(),
            "visit": GuidanceVisit.objects.filter(county=songchon).first().get_absolute_url(),
            "events table": reverse("events:event-list"),
            "source list": reverse("events:source-list"),
            "source": Source.objects.filter(state_media=True).first().get_absolute_url(),
            "search": reverse("sites:search") + "?q=songchon",
            "search by what a factory makes": reverse("sites:search") + "?q=paper",
            "method": reverse("method"),
            "people": reverse("people:person-list"),
            "person": reverse("people:person-detail", args=["kim-jong-un"]),
            "person who spoke": Person.objects.exclude(slug="kim-jong-un")
            .filter(appearances__role="speaker")
            .first()
            .get_absolute_url(),
        }


def names_with_korean() -> set[str]:
    """English names of records that have a Korean one, which a Korean page shows instead."""
    from sites.models import Factory, Province

    places = [*Province.objects.exclude(name_ko=""), *County.objects.exclude(name_ko="")]
    names = {place.name for place in places}
    return names | set(Factory.objects.values_list("name", flat=True))


def published_words() -> list[str]:
    """Sources' titles and publishers, and what each states as it wrote it, longest first:
    shown as their publishers wrote them."""
    from events.models import Citation, Source

    as_written = ("date_as_written", "place_as_written", "facilities_as_written")
    rows = [
        *Source.objects.values_list("title", "publisher"),
        *Citation.objects.values_list(*as_written),
    ]
    words = {re.sub(r"\s+", " ", word).strip() for row in rows for word in row}
    # The maps' boundaries come from a dataset that goes by this name in every language.
    words.add("Who's On First")
    return sorted(words - {""}, key=len, reverse=True)


def without(text: str, published: list[str]) -> str:
    for title in published:  # as published, e.g. a source's title in the browser's tab
        text = text.replace(title, " ")
    return text


def test_every_public_page_in_korean_is_free_of_the_sites_english(client, seeded):
    vocabulary = site_vocabulary()
    names = names_with_korean()
    published = published_words()
    assert {"county", "factory", "foodstuff", "planned", "ceremony"} <= vocabulary
    found = {}
    for kind, path in public_pages().items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert path.startswith("/ko/")
        # What the visitor typed is theirs: "검색: paper".
        allowed = [*published, *response.wsgi_request.GET.getlist("q")]
        text = seen_text(response.content.decode())
        words = english_words(without(text, allowed), vocabulary)
        words |= english_names(text, names, allowed)
        if words:
            found[f"{kind} {path}"] = sorted(words)
    assert not found, "\n".join(f"{page}: {' '.join(words)}" for page, words in found.items())


@pytest.mark.parametrize(
    ("html", "english"),
    [
        ("<h1>성천군 Songchon County</h1>", {"County"}),
        ("<svg><title>Factories in 2024</title></svg>", {"Factories"}),
        ('<a aria-label="Next page" href="?page=2">→</a>', {"Next", "page"}),
        ("<p>성천군 (Songchon county)</p>", {"county"}),
        ('<meta name="description" content="A county page">', {"county", "page"}),
    ],
)
def test_the_check_finds_english_wherever_a_reader_meets_it(html, english):
    vocabulary = {"county", "factories", "next", "page"}
    assert english_words(seen_text(html), vocabulary) == english


@pytest.mark.parametrize(
    "html",
    [
        "<p>성천군 (Songchon)</p>",
        "<blockquote>The county's factories were completed.</blockquote>",
        '<p><cite translate="no">Factories of Songchon County inaugurated</cite></p>',
        "<p>출처: http://testserver/ko/counties/songchon/ · events.csv</p>",
        "<p>KCNA · CSV</p>",
    ],
)
def test_the_check_allows_romanisations_quotes_and_published_titles(html):
    vocabulary = {"county", "factories", "inaugurated", "counties", "events", "completed"}
    text = seen_text(html)
    assert not english_words(text, vocabulary)
    assert not english_names(text, {"Songchon"})


@pytest.mark.parametrize(
    ("name", "sector", "name_ko", "shown"),
    [
        ("Anbyon regional-industry factories", "other", "", "안변군 지방공업공장"),
        ("Anbyon County Foodstuff Factory", "foodstuff", "", "안변군 식료공장"),
        ("Anbyon Shoe Works", "daily necessities", "", "안변군 일용품공장"),
        ("Anbyon County Hospital", "health care", "", "안변군 병원"),
        ("Anbyon Shoe Works", "other", "안변신발공장", "안변신발공장"),
    ],
)
def test_a_factory_is_named_in_hangul_on_korean_pages(client, db, name, sector, name_ko, shown):
    factory = make.factory(
        county=make.county(name="Anbyon", name_ko="안변군"),
        name=name,
        sector=sector,
        name_ko=name_ko,
    )
    with translation.override("ko"):
        path = factory.get_absolute_url()
    html = client.get(path).content.decode()
    assert f"<h1>{shown}</h1>" in html
    assert f"<title>{shown}" in html
    assert name not in seen_text(html)
    listed = client.get(f"/ko/factories/?county={factory.county.slug}").content.decode()
    assert f">{shown}</a>" in listed
    # The English page and the API keep the English name, with the hangul one beside it.
    english = client.get(path.removeprefix("/ko")).content.decode()
    assert f"<h1>{name}</h1>" in english
    api = client.get(f"/api/factories/{factory.slug}/").json()
    assert (api["name"], api["name_ko"]) == (name, name_ko)


def test_korean_descriptions_and_notes_show_on_korean_pages_only(client, db):
    county = make.county(description="A mountain county.", description_ko="산간 군.")
    path = county.get_absolute_url()
    english = text_of(client.get(path))
    korean_page = text_of(client.get(korean(path)))
    assert "A mountain county." in english
    assert "산간 군." in korean_page
    assert "A mountain county." not in korean_page


def test_an_event_names_its_place_from_province_to_county_in_korean(client, db):
    province = make.province(name="North Phyongan", name_ko="평안북도")
    county = make.county(name="Unsan", name_ko="운산군", province=province)
    event = make.ceremony(county=county, date="2024-12-20", kind="inauguration")
    with translation.override("ko"):
        path = event.get_absolute_url()
    text = text_of(client.get(path))
    assert ", 평안북도 운산군" in text
    assert "Unsan, North Phyongan" not in text
    assert "Unsan, North Phyongan" in text_of(client.get(path.removeprefix("/ko")))
