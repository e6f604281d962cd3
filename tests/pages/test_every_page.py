"""Every public page answers, with the seed dataset and on a fresh, empty install."""

import itertools
import re

import pytest
from django.test import override_settings
from django.urls import reverse

from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory, Province

LIST_PAGES = [
    "sites:home",
    "sites:province-list",
    "sites:county-list",
    "sites:factory-list",
    "events:event-list",
    "events:source-list",
    "sites:search",
]


def seeded_detail_urls() -> list[str]:
    return [
        Province.objects.get(slug="south-phyongan").get_absolute_url(),
        County.objects.get(slug="songchon").get_absolute_url(),
        Factory.objects.get(slug="songchon-regional-industry-factories").get_absolute_url(),
        *(ceremony.get_absolute_url() for ceremony in Ceremony.objects.all()),
        *(visit.get_absolute_url() for visit in GuidanceVisit.objects.all()),
        Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2").get_absolute_url(),
    ]


@pytest.mark.parametrize("name", LIST_PAGES)
def test_list_pages_answer_with_the_seed_dataset(client, seeded, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"


def test_detail_pages_answer_with_the_seed_dataset(client, seeded):
    for url in seeded_detail_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"<h1>" in response.content or b"<h1 " in response.content


def test_every_seeded_page_is_in_the_site_layout(client, seeded):
    for url in [reverse(name) for name in LIST_PAGES] + seeded_detail_urls():
        html = client.get(url).content.decode()
        assert 'class="skip-link" href="#content"' in html, url
        assert '<main id="content"' in html, url
        assert 'role="search"' in html, url
        assert "records of the Regional Development 20×10 Policy" in html, url


EMPTY_STATES = {
    "sites:home": "No events recorded yet",
    "sites:province-list": "No provinces recorded yet",
    "sites:county-list": "No counties recorded yet",
    "sites:factory-list": "No factories recorded yet",
    "events:event-list": "No events recorded yet",
    "events:source-list": "No sources recorded yet",
}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "message"), EMPTY_STATES.items())
def test_an_empty_database_shows_friendly_empty_states(client, name, message):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.django_db
def test_an_empty_home_page_shows_the_whole_grid_open(client):
    html = client.get(reverse("sites:home")).content.decode()
    assert html.count('class="open"') == 200
    assert "0</strong> of 200 counties" in html


@pytest.mark.django_db
def test_empty_search_and_feeds_answer(client):
    assert client.get(reverse("sites:search"), {"q": "Songchon"}).status_code == 200
    assert client.get(reverse("events:feed-atom")).status_code == 200
    assert client.get(reverse("events:feed-ics")).status_code == 200


@pytest.mark.django_db
@override_settings(DEBUG=False)
@pytest.mark.parametrize(
    "url",
    [
        "/counties/no-such-county/",
        "/factories/no-such-factory/",
        "/provinces/no-such-province/",
        "/events/ceremonies/999999/",
        "/events/visits/999999/",
        "/sources/999999/",
        "/no-such-page/",
    ],
)
def test_an_unknown_address_is_a_404_page_in_the_sites_layout(client, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert 'class="site-header"' in html
    assert 'role="search"' in html
    assert 'href="/counties/"' in html


@pytest.mark.django_db
def test_a_page_number_past_the_end_is_a_404(client):
    assert client.get(reverse("sites:county-list"), {"page": 9}).status_code == 404


def test_pages_carry_no_inline_style_or_script_and_no_outside_resource(client, seeded):
    """A strict Content-Security-Policy (no 'unsafe-inline') must be able to serve them."""
    for url in [reverse(name) for name in LIST_PAGES] + seeded_detail_urls():
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        assert "<style" not in html, url
        assert "<script" not in html, url
        resources = re.findall(r'src="([^"]+)"', html)
        resources += re.findall(r'<link [^>]*href="([^"]+)"', html)
        for address in resources:
            assert not address.startswith(("http:", "https:", "//")), (url, address)


def test_the_stylesheet_is_served_by_the_app(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert b"--ink" in b"".join(response.streaming_content)


def test_headings_start_at_one_h1_and_never_skip_a_level(client, seeded):
    for url in [reverse(name) for name in LIST_PAGES] + seeded_detail_urls():
        html = client.get(url).content.decode()
        levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
        assert levels.count(1) == 1, url
        assert levels[0] == 1, url
        for previous, current in itertools.pairwise(levels):
            assert current <= previous + 1, (url, levels)


def test_every_image_has_alt_text(client, programme):
    data = programme(3)
    for url in [data.county.get_absolute_url(), data.factory.get_absolute_url()]:
        html = client.get(url).content.decode()
        images = re.findall(r"<img [^>]*>", html)
        assert images, url
        assert all(re.search(r'alt="[^"]+"', image) for image in images), url
