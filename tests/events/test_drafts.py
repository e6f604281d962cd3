"""Nothing public without a source: an event or factory that cites none is a draft, which
staff see (marked in the admin, and through the API with their token) and nothing public
shows — no page, count, feed, anonymous API answer or download — until it cites a source."""

import csv
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import ApiToken
from events.models import Ceremony
from tests import factories as make

ARCHIVE = "regiondev-records"


@pytest.fixture
def place(db):
    province = make.province(name="North Phyongan", slug="north-phyongan", iso_code="KP-03")
    return make.county(
        province=province, name="Kujang", slug="kujang", name_ko="구장군", programme_year=2024
    )


@pytest.fixture
def cited(place):
    """A public factory and its public groundbreaking, beside which the drafts must hide."""
    factory = make.factory(county=place, name="Kujang Foodstuff Factory", slug="kujang-food")
    make.ceremony(
        kind="groundbreaking", date="2024-03", county=place, factories=[factory], summary="Begun"
    )
    return factory


@pytest.fixture
def draft_event(place, cited):
    """An inauguration of the public factory, saved with no source."""
    return make.ceremony(
        kind="inauguration",
        date="2025-01-24",
        county=place,
        factories=[cited],
        summary="Unsourced opening",
        draft=True,
    )


@pytest.fixture
def draft_factory(place):
    return make.factory(county=place, name="Kujang Paper Mill", slug="kujang-paper", draft=True)


def anonymous_text(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return (
        b"".join(response.streaming_content).decode()
        if response.streaming
        else (response.content.decode())
    )


def staff_token_client() -> APIClient:
    user = get_user_model().objects.create_user("editor", password="unused-pw-123", is_staff=True)
    _, secret = ApiToken.issue(user, "tests")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
    return client


def archive(client) -> zipfile.ZipFile:
    response = client.get(reverse("api:download-records"))
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


class TestADraftEvent:
    def test_is_on_no_public_page(self, client, draft_event, cited, place):
        assert client.get(draft_event.get_absolute_url()).status_code == 404
        for url in (
            reverse("events:event-list"),
            place.get_absolute_url(),
            place.province.get_absolute_url(),
            cited.get_absolute_url(),  # the factory's timeline
            reverse("sites:home"),
        ):
            page = anonymous_text(client, url)
            assert "Unsourced opening" not in page, url
            assert draft_event.get_absolute_url() not in page, url
        search = anonymous_text(client, reverse("sites:search"), q="Kujang")
        assert draft_event.get_absolute_url() not in search
        assert "Begun" in anonymous_text(client, place.get_absolute_url())  # the cited one is

    def test_leaves_the_factory_as_the_sources_say(self, client, draft_event, cited):
        # Its inauguration is not the public record's: the timeline has only the groundbreaking.
        page = anonymous_text(client, cited.get_absolute_url())
        assert page.count('class="entry ') == 1

    def test_is_not_in_the_api_for_anonymous_clients(self, client, draft_event, cited):
        listed = client.get(reverse("api:ceremony-list")).json()
        assert [row["id"] for row in listed["results"]] == [
            pk for pk in Ceremony.objects.public().values_list("pk", flat=True)
        ]
        assert draft_event.pk not in [row["id"] for row in listed["results"]]
        detail = client.get(reverse("api:ceremony-detail", args=[draft_event.pk]))
        assert detail.status_code == 404
        timeline = client.get(reverse("api:factory-timeline", args=[cited.slug])).json()
        assert "Unsourced opening" not in str(timeline)
        stats = client.get(reverse("api:stats")).json()
        assert sum(row["ceremonies"] for row in stats["events_per_month"]) == 1

    def test_is_in_the_api_for_staff_with_a_token(self, draft_event, cited):
        staff = staff_token_client()
        listed = staff.get(reverse("api:ceremony-list")).json()
        assert draft_event.pk in [row["id"] for row in listed["results"]]
        assert staff.get(reverse("api:ceremony-detail", args=[draft_event.pk])).status_code == 200
        timeline = staff.get(reverse("api:factory-timeline", args=[cited.slug])).json()
        assert "Unsourced opening" in str(timeline)

    @pytest.mark.parametrize("place_filter", [None, "county", "province"])
    def test_is_in_no_feed(self, client, draft_event, place, place_filter):
        params = {}
        if place_filter == "county":
            params = {"county": place.slug}
        elif place_filter == "province":
            params = {"province": place.province.slug}
        atom = anonymous_text(client, reverse("events:feed-atom"), **params)
        assert "Begun" in atom
        assert "Unsourced opening" not in atom
        assert draft_event.get_absolute_url() not in atom
        calendar = anonymous_text(client, reverse("events:feed-ics"))
        assert "Unsourced opening" not in calendar

    def test_is_in_no_download(self, client, draft_event):
        events_csv = anonymous_text(client, reverse("events:event-csv"))
        assert "March 2024" in events_csv
        assert "2025-01-24" not in events_csv
        api_csv = anonymous_text(client, reverse("api:ceremony-list"), format="csv")
        assert "Unsourced opening" not in api_csv
        bundle = archive(client)
        assert "Unsourced opening" not in bundle.read(f"{ARCHIVE}/csv/ceremonies.csv").decode()
        records = bundle.read(f"{ARCHIVE}/records.json").decode()
        assert "Begun" in records
        assert "Unsourced opening" not in records

    def test_is_marked_in_the_admin(self, staff_client, draft_event, cited):
        listing = staff_client.get(reverse("admin:events_ceremony_changelist")).content.decode()
        assert listing.count('<td class="field-publication">draft — no source yet') == 1
        assert listing.count('<td class="field-publication">public') == 1
        drafts = staff_client.get(
            reverse("admin:events_ceremony_changelist"), {"publication": "draft"}
        ).content.decode()
        assert "2025-01-24" in drafts
        assert "2024-03" not in drafts
        form = staff_client.get(
            reverse("admin:events_ceremony_change", args=[draft_event.pk])
        ).content.decode()
        assert "draft — no source yet" in form

    def test_is_public_once_it_cites_a_source(self, client, draft_event):
        draft_event.sources.add(make.source(title="KCNA report"))
        assert client.get(draft_event.get_absolute_url()).status_code == 200
        assert "Unsourced opening" in anonymous_text(client, reverse("events:feed-atom"))


class TestADraftFactory:
    def test_is_on_no_public_page_nor_counted(self, client, draft_factory, cited, place):
        assert client.get(draft_factory.get_absolute_url()).status_code == 404
        for url in (
            reverse("sites:factory-list"),
            place.get_absolute_url(),
            reverse("sites:programme-year", args=[2024]),
        ):
            page = anonymous_text(client, url)
            assert "Kujang Paper Mill" not in page, url
            assert "Kujang Foodstuff Factory" in page, url
        search = anonymous_text(client, reverse("sites:search"), q="Kujang")
        assert "Kujang Paper Mill" not in search
        counties = anonymous_text(client, reverse("sites:county-list"))
        row = counties[counties.index("Kujang") :]
        assert ">1<" in row[: row.index("</tr>")]  # one factory counted, not two
        stats = client.get(reverse("api:stats")).json()
        assert sum(row["factories"] for row in stats["factories_by_status"]) == 1

    def test_is_not_in_the_api_for_anonymous_clients(self, client, draft_factory, cited):
        listed = client.get(reverse("api:factory-list")).json()
        assert [row["slug"] for row in listed["results"]] == ["kujang-food"]
        assert client.get(reverse("api:factory-detail", args=["kujang-paper"])).status_code == 404
        timeline = client.get(reverse("api:factory-timeline", args=["kujang-paper"]))
        assert timeline.status_code == 404

    def test_is_not_named_by_a_public_event(self, client, draft_factory, cited, place):
        event = make.visit(date="2024-05", county=place, factories=[cited, draft_factory])
        assert "Kujang Paper Mill" not in anonymous_text(client, event.get_absolute_url())
        api = client.get(reverse("api:guidance-visit-detail", args=[event.pk])).json()
        assert "kujang-paper" not in str(api["factories"])
        assert "kujang-food" in str(api["factories"])
        staff = staff_token_client().get(reverse("api:guidance-visit-detail", args=[event.pk]))
        staff = staff.json()
        assert "kujang-paper" in str(staff["factories"])
        records = archive(client).read(f"{ARCHIVE}/records.json").decode()
        assert "Kujang Paper Mill" not in records

    def test_is_in_the_api_for_staff_with_a_token(self, draft_factory):
        staff = staff_token_client()
        assert staff.get(reverse("api:factory-detail", args=["kujang-paper"])).status_code == 200
        listed = staff.get(reverse("api:factory-list")).json()
        assert "kujang-paper" in [row["slug"] for row in listed["results"]]

    def test_is_in_no_download(self, client, draft_factory, cited):
        rows = list(
            csv.DictReader(
                io.StringIO(anonymous_text(client, reverse("api:factory-list"), format="csv"))
            )
        )
        assert [row["slug"] for row in rows] == ["kujang-food"]
        factories = archive(client).read(f"{ARCHIVE}/csv/factories.csv").decode()
        assert "kujang-food" in factories
        assert "kujang-paper" not in factories

    def test_is_marked_in_the_admin(self, staff_client, draft_factory, cited):
        listing = staff_client.get(reverse("admin:sites_factory_changelist")).content.decode()
        assert listing.count('<td class="field-publication">draft — no source yet') == 1
        assert listing.count('<td class="field-publication">public') == 1
        form = staff_client.get(
            reverse("admin:sites_factory_change", args=[draft_factory.pk])
        ).content.decode()
        assert "draft — no source yet" in form


@pytest.mark.parametrize(
    ("date", "words"), [("2025-01-24?", "24 January 2025"), ("2024-12", "December 2024")]
)
def test_a_draft_inauguration_changes_nothing_a_visitor_sees_until_it_cites(
    client, cited, date, words
):
    """A factory's status and dates come from its cited ceremonies only: a draft inauguration
    does not make a public factory "operating" until it cites a source."""
    from events import services
    from events.models import Citation

    draft = make.ceremony(kind="inauguration", date=date, factories=[cited], draft=True)
    cited.refresh_from_db()
    assert (cited.status, cited.inauguration_date) == ("under construction", "")
    assert words not in client.get(cited.get_absolute_url()).content.decode()

    Citation.objects.create(ceremony=draft, source=make.source(), date="")
    services.citations_changed(event=draft)
    cited.refresh_from_db()
    assert (cited.status, cited.inauguration_date) == ("operating", date)
