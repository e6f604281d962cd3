"""The programme, province, county and factory pages, read as a visitor reads them."""

import re
from html import unescape

import pytest
from django.urls import reverse

from sites.models import County, Factory, Province
from tests import factories as make


def text_of(response) -> str:
    """The page's words outside charts, tags dropped and spaces collapsed."""
    html = response.content.decode()
    html = re.sub(r"<title>.*?</title>|<svg.*?</svg>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_home_shows_the_programme_grid_with_songchon_in_2024(client, seeded):
    response = client.get(reverse("sites:home"))
    html = response.content.decode()
    songchon = County.objects.get(slug="songchon")
    row_2024 = html.split('aria-label="2024: ')[1].split("</ol>")[0]
    assert row_2024.startswith("20 of 20 counties named")
    assert f'href="{songchon.get_absolute_url()}"' in row_2024
    assert row_2024.count('class="open"') == 0
    row_2025 = html.split('aria-label="2025: ')[1].split("</ol>")[0]
    assert row_2025.startswith("19 of 20 counties named")
    assert html.count('class="open"') == 200 - 43


def test_home_charts_are_server_side_svg_with_text_alternatives(client, seeded):
    html = client.get(reverse("sites:home")).content.decode()
    assert html.count('<svg class="chart"') == 2
    assert 'role="img"' in html
    assert "<desc" in html
    assert "2024: 20; 2025: 19; 2026: 4" in html
    # The programme's factories, named one by one where the sources name them (issue 21);
    # Kimhwa's four pilot factories are not counted.
    assert "planned: 3; under construction: 5; operating: 59" in html
    # The same numbers as a table, for readers who cannot see the picture.
    assert '<th scope="row"><a href="/counties/?programme_year=2024">2024</a></th>' in html


def test_home_lists_the_latest_events_with_dates_in_words(client, seeded):
    text = text_of(client.get(reverse("sites:home")))
    latest = text.split("Latest events")[1]
    assert latest.index("3 February 2026") < latest.index("29 January 2026")
    assert "Groundbreaking ceremony" in latest


def test_province_list_counts_counties_and_programme_counties(client, seeded):
    text = text_of(client.get(reverse("sites:province-list")))
    assert "South Phyongan" in text
    south_phyongan = Province.objects.get(slug="south-phyongan")
    counties = south_phyongan.counties.count()
    assert re.search(rf"South Phyongan 평안남도 KP-02 {counties} 6 15", text)


def test_province_page_lists_its_counties_and_events(client, seeded):
    response = client.get(Province.objects.get(iso_code="KP-03").get_absolute_url())
    text = text_of(response)
    assert "North Phyongan" in text
    assert "Kujang" in text
    assert "Unsan" in text
    assert "Field guidance at a site" in text


def test_county_page_shows_every_spelling_and_its_factory_timeline(client, seeded):
    songchon = County.objects.get(slug="songchon")
    text = text_of(client.get(songchon.get_absolute_url()))
    for spelling in ["Songchon", "성천군", "Sŏngch'ŏn-gun", "Seongcheon-gun"]:
        assert spelling in text
    assert "South Phyongan" in text
    assert "county (군)" in text
    assert "Programme year 2024" in text
    factory_row = text.split("Songchon regional-industry factories")[1]
    assert "operating" in factory_row
    assert "28 February 2024" in factory_row
    assert "20 December 2024" in factory_row
    assert "296 days" in factory_row
    assert "Kim Jong Un's World of Devoted Service for People (2)" in text.split("Sources cited")[1]


def test_county_page_lists_ceremonies_and_visits_in_order(client, seeded):
    text = text_of(client.get(County.objects.get(slug="songchon").get_absolute_url()))
    events = text.split("Ceremonies and visits")[1]
    assert events.index("28 February 2024") < events.index("20 December 2024")


def test_county_page_shows_photos_as_thumbnails_with_alt_text(client, programme):
    data = programme(3)
    html = client.get(data.county.get_absolute_url()).content.decode()
    assert html.count('<img src="/media/photos/') == 3
    assert 'alt="Workshop 0"' in html
    assert "Photo: KCNA" in html


def test_county_page_says_what_is_not_known(client, db):
    county = make.county(name="Hoechang")
    text = text_of(client.get(county.get_absolute_url()))
    assert "no source yet places it in a programme year" in text
    assert "No factories recorded in Hoechang yet" in text
    assert "No ceremonies or guidance visits recorded in Hoechang yet" in text
    assert "No source cited for Hoechang yet" in text


def test_factory_page_is_a_timeline_at_true_precision(client, seeded):
    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    text = text_of(client.get(factory.get_absolute_url()))
    timeline = text.split("Timeline")[1].split("Photos of the factory")[0]
    assert timeline.index("Groundbreaking ceremony") < timeline.index("Inauguration ceremony")
    assert "24–25 August 2024 EDTF 2024-08-24/2024-08-25" in timeline
    assert "at about the same time" not in timeline
    assert "20 December 2024" in timeline
    assert "Built in 296 days" in text
    # Sources under every event, and the claim that departs under its visit.
    assert timeline.count("Source: Kim Jong Un's World of Devoted Service") == 2
    assert "Calls this visit Kim's second to Songchon" in timeline


def test_factory_page_marks_up_dates_for_machines_only_where_they_are_exact(client, seeded):
    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    html = client.get(factory.get_absolute_url()).content.decode()
    assert '<time datetime="2024-12-20">20 December 2024</time>' in html
    assert "<span>24–25 August 2024</span>" in html
    assert 'datetime="2024-08' not in html


def test_factory_timeline_says_when_dates_overlap(client, db):
    factory = make.factory()
    make.ceremony(kind="groundbreaking", date="2024-03", factories=[factory])
    make.visit(date="2024-03-15", factories=[factory])
    make.ceremony(kind="inauguration", date="2024-07-01", factories=[factory])
    text = text_of(client.get(factory.get_absolute_url()))
    assert "the dates overlap, so the order is not certain" in text
    assert "108–108 days" not in text
    assert "108 days later" in text
    assert "Built in 92–122 days" in text


def test_factory_timeline_chart_draws_uncertain_dates_as_bands(client, seeded):
    html = client.get(
        Factory.objects.get(slug="songchon-regional-industry-factories").get_absolute_url()
    ).content.decode()
    chart = html.split('id="chart-timeline"')[1].split("</svg>")[0]
    assert '<rect class="span "' in chart  # the visit of 24–25 August 2024
    assert '<circle class="point inauguration"' in chart


def test_factory_chart_shows_construction_as_a_band_from_groundbreaking_to_inauguration(
    client, db
):
    factory = make.factory()
    make.ceremony(kind="groundbreaking", date="2024-02-21/2024-02-29", factories=[factory])
    make.ceremony(kind="inauguration", date="2024-12-20", factories=[factory])
    html = client.get(factory.get_absolute_url()).content.decode()
    chart = html.split('id="chart-timeline"')[1].split("</svg>")[0]
    view_box_width = float(chart.split('viewBox="0 0 ')[1].split()[0])
    assert "Construction: 295–303 days" in chart
    # Sure from 1 March to 19 December 2024; open over late February's days before it.
    band = re.search(r'<rect class="band" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', chart)
    opening = re.search(r'<rect class="band-open" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', chart)
    assert band
    assert opening
    sure_start, sure_width = map(float, band.groups())
    open_start, open_width = map(float, opening.groups())
    assert open_start < sure_start
    assert sure_width > view_box_width / 2
    assert open_start + open_width >= sure_start + sure_width
    # At 390 px the drawing is about 358 px wide; 14-unit text is then over 12 px.
    assert view_box_width <= 400
    assert "text-anchor" not in chart.split('class="label"')[1].split(">")[0]


def test_a_planned_factory_says_so(client, db):
    factory = make.factory(name="Sukchon food factory")
    text = text_of(client.get(factory.get_absolute_url()))
    assert "planned" in text
    assert "No ceremony or visit of this factory is reported" in text
    assert "Groundbreaking not reported" in text
    assert "Inauguration not reported" in text


@pytest.mark.parametrize("status", ["planned", "under construction", "operating"])
def test_status_chips_have_a_class_per_status(client, db, status):
    factory = make.factory()
    if status != "planned":
        make.ceremony(kind="groundbreaking", date="2024-03", factories=[factory])
    if status == "operating":
        make.ceremony(kind="inauguration", date="2024-09", factories=[factory])
    html = client.get(reverse("sites:factory-list")).content.decode()
    assert f'class="status status-{status.replace(" ", "-")}">{status}</span>' in html


def test_latest_events_never_let_a_vague_date_outrank_a_precise_later_one(client, db):
    make.ceremony(kind="groundbreaking", date="2024", summary="Nineteen more groundbreakings")
    make.ceremony(kind="inauguration", date="2024-12-20", summary="The first inauguration")
    make.visit(date="2024-02-21/2024-02-29", summary="A late February visit")
    make.ceremony(kind="inauguration", date="2025-01/2025-04", summary="Inaugurations elsewhere")
    text = text_of(client.get(reverse("sites:home"))).split("Latest events")[1]
    assert (
        text.index("Inaugurations elsewhere")
        < text.index("The first inauguration")
        < text.index("A late February visit")
        < text.index("Nineteen more groundbreakings")
    )
