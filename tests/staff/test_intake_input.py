"""Bad input to the intake page gets a clear message and stores nothing."""

import pytest
from django.urls import reverse

from events import seed
from events.models import Ceremony, GuidanceVisit, Source
from sites.models import Factory
from tests.staff import pages

REPORT = {
    "title": "Regional-industry factories inaugurated in Hamju County",
    "publisher": "KCNA",
    "published": "2025-01-20",
    "url": "",
    "full_text": "An inauguration ceremony in Hamju County took place on January 18.",
    "propose": "Read",
}


@pytest.fixture
def gazetteer(db):
    seed.load_gazetteer()


def post(client, **fields):
    return client.post(reverse("staff:intake"), {**REPORT, **fields})


def nothing_stored() -> bool:
    return not (
        Source.objects.exists()
        or Ceremony.objects.exists()
        or GuidanceVisit.objects.exists()
        or Factory.objects.exists()
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Paste the report's text."),
        (
            "<html><body><p>An inauguration ceremony in <b>Hamju County</b> took place on "
            "January 18.</p></body></html>",
            "This is a web page's HTML, not its text.",
        ),
        (
            "An inauguration ceremony took place on January 18 amid great joy.",
            "No county, city, district or province of the gazetteer is named in the text.",
        ),
        ("A ceremony took place in Hamju County.", "No date is found in the text"),
        (
            "x" * 2_500_001,
            "The text is 2,500,001 characters long; the intake reads at most 2,500,000.",
        ),
    ],
)
def test_a_text_that_cannot_be_read_is_refused_with_a_message(
    gazetteer, staff_client, text, message
):
    response = post(staff_client, full_text=text)
    assert response.status_code == 200
    assert message in pages.text(response)
    assert response.context["reading"] is None
    assert nothing_stored()


def test_a_5_mb_paste_is_refused_with_its_limit(gazetteer, staff_client):
    response = post(staff_client, full_text="A ceremony in Hamju County. " * 190_000)
    assert response.status_code == 413
    assert "larger than this server accepts (2.5\xa0MB)" in response.content.decode()
    assert nothing_stored()


def test_without_a_dateline_or_date_the_publication_date_is_asked_for(gazetteer, staff_client):
    response = post(staff_client, published="")
    assert "Give the publication date" in pages.text(response)
    assert nothing_stored()


def test_the_archive_header_fills_title_and_publication_date(gazetteer, staff_client):
    text = (
        "Regional-industry factories inaugurated in Hamju County\n"
        "Date: 20/01/2025 | Source: Pyongyang Times | Read original version at source\n"
        "An inauguration ceremony in Hamju County took place on January 18."
    )
    response = post(staff_client, title="", published="", publisher="", full_text=text)
    reading = response.context["reading"]
    assert reading.published.text == "2025-01-20"
    form = response.context["article_form"]
    assert form.cleaned_data["title"] == "Regional-industry factories inaugurated in Hamju County"
    assert form.cleaned_data["publisher"] == "Pyongyang Times"


def test_a_record_the_reader_missed_is_added_by_hand(gazetteer, editor_client):
    review = post(editor_client)
    formset = review.context["formset"]
    assert len(formset.forms) == 2  # the proposal and a blank row
    data = {**REPORT, "confirm": "Confirm", "form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "0"}
    data.pop("propose")
    data |= {
        "form-0-include": "on",
        "form-0-kind": "inauguration",
        "form-0-date": "2025-01-18",
        "form-0-county": "hamju",
        "form-0-province": "south-hamgyong",
        "form-1-include": "on",
        "form-1-kind": "field guidance",
        "form-1-date": "2024-08",
        "form-1-county": "hamju",
        "form-1-speakers": "Kim Jong Un",
        "form-1-factories": "Hamju Foodstuff Factory",
    }
    response = editor_client.post(reverse("staff:intake"), data)
    assert response.status_code == 302
    visit = GuidanceVisit.objects.get()
    assert (visit.date, visit.county.name, visit.led_by) == ("2024-08", "Hamju", "Kim Jong Un")
    assert [f.name for f in visit.factories.all()] == ["Hamju Foodstuff Factory"]
    assert Ceremony.objects.get().date == "2025-01-18"


@pytest.mark.parametrize(
    ("title", "description", "refused"),
    [
        ("", "", True),
        ("", "Report of an inauguration in Hamju County", False),
        ("Factories inaugurated", "", False),
    ],
)
def test_a_report_without_headline_is_stored_under_a_description(
    gazetteer, staff_client, title, description, refused
):
    """The headline is often not known; a description stands in for it, never a blank."""
    response = post(staff_client, title=title, description=description)
    errors = response.context["article_form"].errors
    assert ("title" in errors) is refused
    if refused:
        assert "description of the report" in errors["title"][0]
        assert nothing_stored()
