"""Roles: editors add and change everything and delete events; reviewers only read."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from events.models import Ceremony, GuidanceVisit, Photo, Source
from sites.models import County, Factory, Province

RECORDS = [Province, County, Factory, Ceremony, GuidanceVisit, Source, Photo]
PLACES = [Province, County, Factory]
EVENTS = [Ceremony, GuidanceVisit, Source, Photo]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def codenames(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in group.permissions.select_related("content_type")
    }


def perms(actions, models) -> set[str]:
    return {
        f"{model._meta.app_label}.{action}_{model._meta.model_name}"
        for model in models
        for action in actions
    }


def test_the_roles_exist_with_their_permissions(db):
    assert codenames("editor") == perms(["add", "change", "view"], RECORDS) | perms(
        ["delete"], EVENTS
    )
    assert codenames("reviewer") == perms(["view"], RECORDS)


def new_factory_data(**fields):
    return {
        "county": County.objects.get(slug="hamju").pk,
        "name": "Hamju foodstuff factory",
        "slug": "hamju-foodstuff-factory",
        "sector": "other",
        "products": "",
        "description": "",
        "change_message": "",
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "appearances-TOTAL_FORMS": 0,
        "appearances-INITIAL_FORMS": 0,
        **fields,
    }


class TestEditor:
    def test_an_editor_adds_a_factory(self, seeded, editor_client, editor):
        response = editor_client.post(admin_url(Factory, "add"), new_factory_data())
        assert response.status_code == 302
        factory = Factory.objects.get(slug="hamju-foodstuff-factory")
        assert factory.history.latest().history_user == editor

    @pytest.mark.parametrize("model", PLACES, ids=lambda model: model.__name__)
    def test_an_editor_cannot_delete_a_place(self, seeded, editor_client, model):
        place = model.objects.first()
        assert editor_client.get(admin_url(model, "delete", place.pk)).status_code == 403
        assert (
            editor_client.post(admin_url(model, "delete", place.pk), {"post": "yes"}).status_code
            == 403
        )
        bulk = editor_client.post(
            admin_url(model, "changelist"),
            {"action": "delete_selected", "_selected_action": [place.pk], "post": "yes"},
        )
        assert bulk.status_code in (200, 302)
        assert model.objects.filter(pk=place.pk).exists()

    def test_the_county_page_offers_no_delete_to_an_editor(self, seeded, editor_client):
        songchon = County.objects.get(slug="songchon")
        page = editor_client.get(admin_url(County, "change", songchon.pk)).content.decode()
        assert admin_url(County, "delete", songchon.pk) not in page
        assert 'name="_save"' in page

    def test_an_editor_deletes_a_ceremony(self, seeded, editor_client):
        ceremony = Ceremony.objects.first()
        response = editor_client.post(admin_url(Ceremony, "delete", ceremony.pk), {"post": "yes"})
        assert response.status_code == 302
        assert not Ceremony.objects.filter(pk=ceremony.pk).exists()

    @pytest.mark.parametrize("model", PLACES, ids=lambda model: model.__name__)
    def test_a_superuser_may_delete_a_place(self, seeded, staff_client, model):
        place = model.objects.first()
        assert staff_client.get(admin_url(model, "delete", place.pk)).status_code == 200


class TestReviewer:
    @pytest.mark.parametrize("model", RECORDS, ids=lambda model: model.__name__)
    def test_a_reviewer_opens_every_changelist(self, seeded, reviewer_client, model):
        assert reviewer_client.get(admin_url(model, "changelist")).status_code == 200

    @pytest.mark.parametrize("model", [Province, County, Factory, Ceremony, GuidanceVisit, Source])
    def test_a_reviewer_reads_a_record_and_its_history_without_a_save_button(
        self, seeded, reviewer_client, model
    ):
        record = model.objects.first()
        change = reviewer_client.get(admin_url(model, "change", record.pk))
        assert change.status_code == 200
        assert 'name="_save"' not in change.content.decode()
        history = reviewer_client.get(admin_url(model, "history", record.pk))
        assert history.status_code == 200
        assert "restore" not in history.content.decode()

    def test_a_reviewer_saves_nothing(self, seeded, reviewer_client):
        songchon = County.objects.get(slug="songchon")
        factory = Factory.objects.get(slug="songchon-regional-industry-factories")
        version = factory.history.earliest()
        counts = {model: model.objects.count() for model in RECORDS}
        attempts = [
            (admin_url(Factory, "add"), new_factory_data()),
            (admin_url(County, "change", songchon.pk), {"name": "Renamed", "slug": "renamed"}),
            (admin_url(Ceremony, "delete", Ceremony.objects.first().pk), {"post": "yes"}),
            (admin_url(Source, "import"), {}),
            (
                reverse("admin:sites_factory_simple_history", args=[factory.pk, version.pk]),
                new_factory_data(name="Restored by a reviewer", slug=factory.slug),
            ),
            (reverse("staff:intake"), {"title": "An article", "published": "2025"}),
        ]
        for url, data in attempts:
            assert reviewer_client.post(url, data).status_code == 403, url
        assert reviewer_client.get(admin_url(Source, "import")).status_code == 403
        assert {model: model.objects.count() for model in RECORDS} == counts
        songchon.refresh_from_db()
        factory.refresh_from_db()
        assert songchon.name == "Songchon"
        assert factory.name == "Songchon regional-industry factories"

    def test_a_reviewer_may_export(self, seeded, reviewer_client):
        response = reviewer_client.post(
            admin_url(County, "export"), {"format": 0, "resource": 0, **EXPORT_ALL_COUNTY_FIELDS}
        )
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
        assert "songchon,Songchon,south-phyongan" in response.content.decode()


EXPORT_ALL_COUNTY_FIELDS = {
    f"countyresource_{name}": "on"
    for name in ["slug", "name", "province", "kind", "name_ko", "name_mr", "aliases"]
}


API_LISTS = ["province", "county", "factory", "ceremony", "guidance-visit", "source", "photo"]


class TestThroughTheApi:
    """API tokens carry their user's groups: the same roles hold."""

    def test_an_editor_token_adds_a_factory(self, seeded, editor_token, editor):
        response = editor_token.post(
            reverse("api:factory-list"),
            {"name": "Hamju shoe factory", "slug": "hamju-shoes", "county": "hamju"},
            format="json",
        )
        assert response.status_code == 201, response.json()
        assert Factory.objects.get(slug="hamju-shoes").history.latest().history_user == editor

    @pytest.mark.parametrize(
        ("name", "key"), [("province", "south-phyongan"), ("county", "songchon"), ("factory", None)]
    )
    def test_an_editor_token_cannot_delete_a_place(self, seeded, editor_token, name, key):
        key = key or Factory.objects.get(slug="songchon-regional-industry-factories").slug
        response = editor_token.delete(reverse(f"api:{name}-detail", args=[key]))
        assert response.status_code == 403
        assert County.objects.filter(slug="songchon").exists()
        assert Province.objects.filter(slug="south-phyongan").exists()
        assert Factory.objects.exists()

    def test_an_editor_token_deletes_a_guidance_visit(self, seeded, editor_token):
        visit = GuidanceVisit.objects.first()
        response = editor_token.delete(reverse("api:guidance-visit-detail", args=[visit.pk]))
        assert response.status_code == 204
        assert not GuidanceVisit.objects.filter(pk=visit.pk).exists()

    @pytest.mark.parametrize("name", API_LISTS)
    def test_a_reviewer_token_reads_every_list(self, seeded, reviewer_token, name):
        assert reviewer_token.get(reverse(f"api:{name}-list")).status_code == 200

    def test_a_reviewer_token_writes_nothing(self, seeded, reviewer_token):
        counts = {model: model.objects.count() for model in RECORDS}
        source = Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2")
        attempts = [
            ("post", reverse("api:factory-list"), {"name": "X", "slug": "x", "county": "hamju"}),
            ("patch", reverse("api:county-detail", args=["songchon"]), {"name": "Renamed"}),
            ("patch", reverse("api:source-detail", args=[source.pk]), {"title": "Renamed"}),
            ("delete", reverse("api:ceremony-detail", args=[Ceremony.objects.first().pk]), None),
        ]
        for method, url, body in attempts:
            response = getattr(reviewer_token, method)(url, body, format="json")
            assert response.status_code == 403, (url, response.content)
        assert {model: model.objects.count() for model in RECORDS} == counts
        assert County.objects.get(slug="songchon").name == "Songchon"
        assert (
            Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2").title == source.title
        )
