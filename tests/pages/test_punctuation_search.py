"""A search with nothing to search for (punctuation, symbols, in any script) finds nothing,
on every list page, API list and admin list, in English and Korean: never a 500, never the
whole list, never the records whose text holds that punctuation."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Photo, Source

NOTHING_TO_SEARCH = [
    "'",
    "%",
    "_",
    ".",
    "!",
    "·",
    "。",
    # Variations written for this test: runs, mixtures, other scripts' punctuation, symbols.
    "%%",
    "'_'",
    "--",
    "\\",
    '"',
    "¿?",
    "…",
    "—",
    "《》",
    "「」",
    "※",
    "♥",
    "🙂",
    "· 。 ,",
]
API_LISTS = ["province", "county", "factory", "ceremony", "guidance-visit", "source", "photo"]
PAGES = ["sites:county-list", "sites:factory-list", "events:event-list", "events:source-list"]
ADMIN_LISTS = [
    "sites_province",
    "sites_county",
    "sites_factory",
    "events_ceremony",
    "events_guidancevisit",
    "events_source",
    "events_photo",
]


@pytest.fixture
def programme_with_punctuation(programme):
    """A programme whose texts hold every punctuation searched for, so that a search that
    matched text by the characters would find them."""
    built = programme(3)
    marks = "".join(NOTHING_TO_SEARCH)
    Source.objects.filter(pk=built.source.pk).update(title=f"Report {marks}")
    Photo.objects.update(caption=f"Workshop {marks}")
    return built


@pytest.mark.parametrize("basename", API_LISTS)
def test_every_api_list_finds_nothing(programme_with_punctuation, client, basename):
    url = reverse(f"api:{basename}-list")
    assert client.get(url).json()["results"]  # the list has records
    for q in NOTHING_TO_SEARCH:
        response = client.get(url, {"q": q})
        assert response.status_code == 200, q
        assert response.json()["results"] == [], q


@pytest.mark.parametrize("language", ["en-gb", "ko"])
@pytest.mark.parametrize("page", PAGES)
def test_every_list_page_finds_nothing(programme_with_punctuation, client, page, language):
    with translation.override(language):
        url = reverse(page)
    assert client.get(url).context["object_list"]  # the list has records
    for q in NOTHING_TO_SEARCH:
        response = client.get(url, {"q": q})
        assert response.status_code == 200, q
        assert list(response.context["object_list"]) == [], q


def test_the_search_page_says_there_is_nothing_to_search_for(programme_with_punctuation, client):
    for q in NOTHING_TO_SEARCH:
        response = client.get(reverse("sites:search"), {"q": q})
        assert response.status_code == 200, q
        assert "has no letters or digits to search for" in response.content.decode(), q


@pytest.mark.parametrize("changelist", ADMIN_LISTS)
def test_every_admin_list_answers(programme_with_punctuation, staff_client, changelist):
    for q in NOTHING_TO_SEARCH:
        response = staff_client.get(reverse(f"admin:{changelist}_changelist"), {"q": q})
        assert response.status_code == 200, q
