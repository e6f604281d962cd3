"""Confirming in the admin stores what was read: the publication day, the state-media flag, the
language, each citation's claim, and a county's programme year; the by-hand row and every
correction take any spelling of a place."""

import pytest

from events import seed
from events.models import Ceremony, Citation, Source
from sites.models import County
from tests.staff import pages
from tests.staff.test_intake import formset_data, post_intake

HOEYANG = (
    "Pyongyang, March 5 (KCNA) -- A ceremony for starting the construction of a "
    "regional-industry factory was held in Hoeyang County, Kangwon Province on March 4.\n"
    "Kim Tok Hun, premier of the Cabinet, made a speech."
)
ARTICLE = {
    "title": "Construction of regional-industry factory begins in Hoeyang County",
    "publisher": "KCNA",
    "published": "2025",
    "url": "",
    "full_text": HOEYANG,
}


@pytest.fixture
def gazetteer(db):
    seed.load_gazetteer()


def review(client, **fields):
    response = post_intake(client, {**ARTICLE, **fields, "propose": "Read"})
    assert response.status_code == 200
    return response


def confirm(client, response, **changes):
    data = {**ARTICLE, **formset_data(response), **changes, "confirm": "Confirm"}
    return post_intake(client, data)


def test_confirm_stores_the_day_state_media_language_and_the_citation(gazetteer, editor_client):
    page = review(editor_client)
    assert "County's programme year" in pages.text(page)
    response = confirm(editor_client, page)
    assert response.status_code == 302
    source = Source.objects.get()
    assert (source.published, source.published_lower.isoformat()) == ("2025-03-05", "2025-03-05")
    assert source.state_media
    assert source.language == "en"
    ceremony = Ceremony.objects.get()
    assert (ceremony.kind, ceremony.county.name, ceremony.date) == (
        "groundbreaking",
        "Hoeyang",
        "2025-03-04",
    )
    assert ceremony.speakers == "Kim Tok Hun (premier of the Cabinet)"
    citation = Citation.objects.get(ceremony=ceremony, source=source)
    assert citation.date_as_written == "March 4"
    assert citation.date == "2025-03-04"
    assert citation.quote.startswith("A ceremony for starting the construction")
    assert citation.leader_present == "unstated"
    assert citation.place_as_written == "Hoeyang County"
    assert County.objects.get(name="Hoeyang").programme_year == 2025


def test_a_publisher_outside_state_media_is_not_flagged_and_gets_no_quote(gazetteer, editor_client):
    publisher = {"publisher": "Yonhap News Agency, citing KCNA"}
    confirm(editor_client, review(editor_client, **publisher), **publisher)
    source = Source.objects.get()
    assert not source.state_media
    assert Citation.objects.get().quote == ""


def test_staff_can_decline_the_programme_year(gazetteer, editor_client):
    page = review(editor_client)
    confirm(editor_client, page, **{"form-0-programme_year": ""})
    assert County.objects.get(name="Hoeyang").programme_year is None


def test_the_leader_named_by_title_among_those_present_is_stored_as_present(
    gazetteer, editor_client
):
    text = {"full_text": HOEYANG + "\nThe General Secretary attended the ceremony."}
    confirm(editor_client, review(editor_client, **text), **text)
    assert Citation.objects.get().leader_present == "yes"
    assert Ceremony.objects.get().leader_present


@pytest.mark.parametrize(
    ("county", "province", "match"),
    [
        ("Hoeyang", "Kangwon", "“Hoeyang” is Hoeyang (Kangwon)"),
        ("회양군", "강원도", "“회양군” is Hoeyang (Kangwon)"),
        ("Unsan", "North Phyongan", "“Unsan” is Unsan (North Phyongan)"),
    ],
)
def test_the_by_hand_row_takes_any_spelling_and_shows_the_match(
    gazetteer, editor_client, county, province, match
):
    page = review(editor_client)
    data = formset_data(page)
    row = data["form-TOTAL_FORMS"]
    data["form-TOTAL_FORMS"] = row + 1
    data.update(
        {
            f"form-{row}-include": "on",
            f"form-{row}-kind": "inauguration",
            f"form-{row}-date": "2025-12-01",
            f"form-{row}-county": county,
            f"form-{row}-province": province,
            # Another row made wrong, so the page comes back showing the matches.
            "form-0-date": "not a date",
        }
    )
    response = post_intake(editor_client, {**ARTICLE, **data, "confirm": "Confirm"})
    assert response.status_code == 200
    assert match in pages.text(response)
    assert not Source.objects.exists()


def test_a_name_two_counties_share_without_a_province_is_refused_with_both(
    gazetteer, editor_client
):
    page = review(editor_client)
    response = confirm(editor_client, page, **{"form-0-county": "Unsan", "form-0-province": ""})
    assert response.status_code == 200
    text = pages.text(response)
    assert "“Unsan” could be" in text
    assert "North Phyongan" in text
    assert "South Phyongan" in text
    assert not Source.objects.exists()
