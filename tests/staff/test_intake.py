"""Article intake on the founding article: places, dates and events, reviewed, confirmed."""

import datetime
from pathlib import Path

import pytest
from django.urls import reverse

from events import seed
from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Province
from staff import intake
from tests.staff import pages

ARTICLE = Path(__file__).parent.parent / "data" / "kim-jong-uns-world-of-devoted-service-2.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")
TITLE = "Kim Jong Un's World of Devoted Service for People (2)"
ARTICLE_FIELDS = {
    "title": TITLE,
    "publisher": "unknown",
    "published": "2025",
    "url": "",
    "full_text": TEXT,
}
COUNTIES = {"Songchon", "Hamju", "Jaeryong", "Sinpho", "Sukchon", "Unpha"}
PROVINCES = {"South Phyongan", "South Hamgyong", "North Phyongan", "South Hwanghae"}


@pytest.fixture
def gazetteer(db):
    """Only the provinces and counties: no source and no event yet."""
    seed.load_gazetteer()


def read(**fields):
    return intake.read_article(text=TEXT, published="2025", title=TITLE, **fields)


def proposals(reading) -> set[tuple]:
    return {
        (
            event.kind,
            event.date,
            event.county.name if event.county else None,
            event.province.name if event.province else None,
        )
        for event in reading.events
    }


def records() -> set[tuple]:
    return {
        (
            event.kind,
            event.date,
            event.county.name if event.county else None,
            event.province.name if event.province else None,
        )
        for model in (Ceremony, GuidanceVisit)
        for event in model.objects.select_related("county", "province")
    }


class TestReadingTheArticle:
    def test_it_names_the_six_counties_and_the_provinces_the_article_names(self, gazetteer):
        reading = read()
        counties = {place.name for place in reading.named_places if isinstance(place, County)}
        provinces = {place.name for place in reading.named_places if isinstance(place, Province)}
        assert counties == COUNTIES
        assert provinces == PROVINCES

    def test_it_resolves_relative_dates_against_the_publication_date(self, gazetteer):
        found = {date.text: date.edtf for date in read().dates}
        assert found == {
            "late February last year": "2024-02-21/2024-02-29",
            "July last year": "2024-07",
            "December 20, 2024": "2024-12-20",
            "the beginning of this year": "2025-01/2025-03",
        }

    def test_it_proposes_the_events_with_their_kind_place_and_date(self, gazetteer):
        reading = read()
        assert proposals(reading) == {
            ("groundbreaking", "2024-02-21/2024-02-29", "Songchon", "South Phyongan"),
            # "The event was followed by similar ceremonies in 19 cities and counties."
            ("groundbreaking", "2024", None, None),
            ("consultative meeting", "2024", None, None),
            ("field guidance", "2024", "Hamju", "South Hamgyong"),
            ("field guidance", "2024", None, "North Phyongan"),
            ("field guidance", "2024", "Jaeryong", "South Hwanghae"),
            ("consultative meeting", "2024-07", "Sinpho", "South Hamgyong"),
            ("inauguration", "2024-12-20", "Songchon", "South Phyongan"),
            ("inauguration", "2025-01/2025-03", None, None),  # "similar events … this year"
        }
        groundbreaking = reading.events[0]
        assert groundbreaking.sentence.startswith("In late February last year a groundbreaking")
        assert groundbreaking.leader_present
        assert all(event.is_new for event in reading.events)
        assert reading.source is None
        # Only the records with a named place and a date to the day or month are ticked.
        assert {(event.kind, event.date) for event in reading.ticked} == {
            ("groundbreaking", "2024-02-21/2024-02-29"),
            ("consultative meeting", "2024-07"),
            ("inauguration", "2024-12-20"),
        }

    def test_reading_writes_nothing(self, gazetteer, django_assert_max_num_queries):
        def counts():
            return Source.objects.count(), Ceremony.objects.count(), GuidanceVisit.objects.count()

        before = counts()
        # The gazetteer (2), the stored source (1), the counties' factories (1), stored
        # records of the same kind and place (2 per event model).
        with django_assert_max_num_queries(8):
            read()
        assert counts() == before

    def test_on_the_seeded_database_it_proposes_nothing_new(self, seeded):
        reading = read()
        assert reading.source == Source.objects.get(title=TITLE)
        assert len(reading.events) == 9
        # Only the article's unnamed places ("19 cities and counties", "other cities and
        # counties", "North Phyongan Province") have no record of their own: the record holds
        # them as named events (the North Phyongan visit as Kujang's, seed/decisions.py).
        new = reading.new_events
        assert {(event.kind, event.county) for event in new} == {
            ("groundbreaking", None),
            ("inauguration", None),
            ("field guidance", None),
        }
        assert all(
            event.existing and event.cites_source for event in reading.events if event not in new
        )


class TestConfirming:
    def test_confirming_stores_the_source_and_records_citing_it(self, gazetteer):
        reading = read()
        article = Source(**ARTICLE_FIELDS)
        choices = [
            intake.Choice(
                kind=event.kind, date=event.date, county=event.county, province=event.province
            )
            for event in reading.events
        ]
        outcome = intake.confirm(article=article, choices=choices)
        source = Source.objects.get()
        assert outcome.source == source
        assert outcome.source_created
        assert len(outcome.created) == 9
        assert records() == proposals(reading)
        for model in (Ceremony, GuidanceVisit):
            for event in model.objects.all():
                assert list(event.sources.all()) == [source]
        songchon = Ceremony.objects.get(kind="groundbreaking", county__name="Songchon")
        assert (songchon.date_lower, songchon.date_upper) == (
            datetime.date(2024, 2, 21),
            datetime.date(2024, 2, 29),
        )

        again = read()
        assert again.source == source
        assert again.new_events == []
        repeat = intake.confirm(article=Source(**ARTICLE_FIELDS), choices=choices)
        assert not repeat.source_created
        assert not repeat.created
        assert not repeat.cited
        assert Source.objects.count() == 1
        assert Ceremony.objects.count() + GuidanceVisit.objects.count() == 9


def post_intake(client, data):
    return client.post(reverse("staff:intake"), data)


def formset_data(response) -> dict:
    """The review step's formset as a browser would send it back, ticks included."""
    formset = response.context["formset"]
    data = {f"form-{name}": value for name, value in formset.management_form.initial.items()}
    data["form-TOTAL_FORMS"] = len([form for form in formset.forms if form.initial])
    for form in formset.forms:
        if not form.initial:
            continue  # the blank row for a record added by hand
        for field in form:
            value = field.value()
            if value in (None, False):
                continue
            data[field.html_name] = "on" if value is True else value
    return data


class TestTheIntakePage:
    def test_staff_paste_review_correct_and_confirm(self, gazetteer, editor_client, editor):
        review = post_intake(editor_client, {**ARTICLE_FIELDS, "propose": "Read"})
        assert review.status_code == 200
        page = pages.text(review)
        named = page[page.index("Places named") : page.index("Dates found")]
        for county in [
            "Songchon (South Phyongan)",
            "Hamju (South Hamgyong)",
            "Unpha (North Hwanghae)",
        ]:
            assert county in named
        assert "North Phyongan (province)" in named
        assert "“late February last year” → 2024-02-21/2024-02-29 (late February 2024)" in page
        assert not Source.objects.exists()  # nothing before confirmation

        data = {**ARTICLE_FIELDS, **formset_data(review), "confirm": "Confirm"}
        # Tick the "similar ceremonies in 19 cities and counties" too, and correct a date.
        forms = review.context["formset"].forms
        sinpho = next(i for i, f in enumerate(forms) if f.initial["date"] == "2024-07")
        data[f"form-{sinpho}-date"] = "2024-07-10/2024-07-20"
        data[f"form-{sinpho}-place_name"] = "the shore in Sinpho"

        response = post_intake(editor_client, data)
        source = Source.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("admin:events_source_change", args=[source.pk])
        assert source.full_text == TEXT.strip()
        assert source.published == "2025"
        assert Ceremony.objects.count() + GuidanceVisit.objects.count() == 3
        meeting = GuidanceVisit.objects.get(county__name="Sinpho")
        assert meeting.date == "2024-07-10/2024-07-20"
        assert meeting.place_name == "the shore in Sinpho"
        assert meeting.history.latest().history_user == editor
        assert not Ceremony.objects.filter(kind="groundbreaking", county=None).exists()

        again = post_intake(editor_client, {**ARTICLE_FIELDS, "propose": "Read"})
        proposals = [event for _, event, _ in again.context["proposals"] if event]
        # The corrected Sinpho meeting is recognised as stored from this report, not new.
        assert not any(event.ticked for event in proposals)
        assert "Already stored from this report." in pages.text(again)

    def test_a_bad_date_in_a_ticked_proposal_is_an_error_and_nothing_is_saved(
        self, gazetteer, staff_client
    ):
        review = post_intake(staff_client, {**ARTICLE_FIELDS, "propose": "Read"})
        data = {**ARTICLE_FIELDS, **formset_data(review), "confirm": "Confirm"}
        data["form-0-date"] = "some day in February"
        response = post_intake(staff_client, data)
        assert response.status_code == 200
        assert "“some day in February” is not a date Regiondev can read" in pages.text(response)
        assert not Source.objects.exists()
        assert not Ceremony.objects.exists()
        assert not GuidanceVisit.objects.exists()

    def test_a_county_outside_the_chosen_province_is_an_error(self, gazetteer, staff_client):
        review = post_intake(staff_client, {**ARTICLE_FIELDS, "propose": "Read"})
        data = {**ARTICLE_FIELDS, **formset_data(review), "confirm": "Confirm"}
        data["form-0-province"] = "north-phyongan"
        response = post_intake(staff_client, data)
        assert "Songchon is in South Phyongan, not North Phyongan." in pages.text(response)
        assert not Source.objects.exists()

    def test_the_article_needs_a_publication_date_in_edtf(self, gazetteer, staff_client):
        response = post_intake(
            staff_client, {**ARTICLE_FIELDS, "published": "this year", "propose": "Read"}
        )
        assert "“this year” is not a date Regiondev can read" in pages.text(response)
        assert response.context["reading"] is None

    def test_on_the_seeded_database_the_page_proposes_nothing_new(self, seeded, staff_client):
        review = post_intake(staff_client, {**ARTICLE_FIELDS, "propose": "Read"})
        page = pages.text(review)
        assert "This report is already stored as the source" in page
        assert not any(form.initial.get("include") for form in review.context["formset"].forms)
        before, sources = records(), Source.objects.count()
        response = post_intake(
            staff_client, {**ARTICLE_FIELDS, **formset_data(review), "confirm": "Confirm"}
        )
        assert response.status_code == 302
        assert records() == before
        assert Source.objects.count() == sources

    def test_the_admin_index_links_to_the_intake(self, db, staff_client):
        page = staff_client.get(reverse("admin:index")).content.decode()
        assert reverse("staff:intake") in page

    def test_anonymous_visitors_are_sent_to_the_login(self, client, db):
        response = client.get(reverse("staff:intake"))
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("events", [3, 30])
def test_reading_costs_the_same_queries_for_3_events_as_for_30(
    db, events, django_assert_num_queries
):
    from tests import factories

    places = [factories.county(name=name, name_ko="") for name in ("Amnok", "Bukchon", "Chail")]
    lines = []
    for number in range(events):
        county = places[number % 3]
        day, month = number % 28 + 1, number % 12 + 1
        lines.append(
            f"On {datetime.date(2024, month, day):%B} {day}, 2024 a groundbreaking ceremony "
            f"was held in {county.name} County."
        )
        if number % 2:  # half of them are stored already
            factories.ceremony(date=f"2024-{month:02}-{day:02}", county=county)
    # The gazetteer (2), the stored source (1), the counties' factories (1), stored
    # ceremonies with their sources (2).
    with django_assert_num_queries(6):
        reading = intake.read_article(text="\n\n".join(lines), published="2025", title="Notes")
    assert len(reading.events) == events
    assert sum(1 for event in reading.events if event.existing) == events // 2
