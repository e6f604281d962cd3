"""The permission matrix, generated per endpoint: who may read, create, change and delete.

Each endpoint names a record it can change and delete freely, a body that creates a new one
and a change; the same tests then run against every endpoint.
"""

import io
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from PIL import Image

from events.models import Ceremony, GuidanceVisit, Photo, Source
from sites.models import County, Factory, Province
from tests import factories as make


def png(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "red").save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


@dataclass
class Endpoint:
    basename: str
    model: type
    record: object  # world -> a record nothing depends on
    create: object  # world -> the body of a POST
    change: dict
    multipart: bool = False
    lookup: str = "pk"
    extra: dict = field(default_factory=dict)

    def list_url(self):
        return reverse(f"api:{self.basename}-list")

    def detail_url(self, record):
        return reverse(f"api:{self.basename}-detail", args=[getattr(record, self.lookup)])

    def perm(self, action):
        return f"{self.model._meta.app_label}.{action}_{self.model._meta.model_name}"

    def post(self, client, world):
        body = self.create(world)
        if self.multipart:
            return client.post(self.list_url(), body, format="multipart")
        return client.post(self.list_url(), body, format="json")


ENDPOINTS = [
    Endpoint(
        "province",
        Province,
        record=lambda w: make.province(name="Rason", slug="rason"),
        create=lambda w: {"name": "Ryanggang", "slug": "ryanggang", "name_ko": "량강도"},
        change={"description": "Changed through the API."},
        lookup="slug",
    ),
    Endpoint(
        "county",
        County,
        record=lambda w: make.county(province=w["south"], name="Sinyang", slug="sinyang"),
        create=lambda w: {
            "name": "Pukchang",
            "slug": "pukchang",
            "province": "south-phyongan",
            "aliases": ["Bukchang"],
            "programme_year": 2026,
        },
        change={"programme_year": 2027},
        lookup="slug",
    ),
    Endpoint(
        "factory",
        Factory,
        record=lambda w: make.factory(county=w["onchon"], name="Onchon mill", slug="onchon-mill"),
        create=lambda w: {
            "name": "Hamju foodstuff factory",
            "slug": "hamju-foodstuff",
            "county": "hamju",
            "sector": "foodstuff",
            "sources": [w["rodong"].pk],
        },
        change={"products": "Soy sauce and bean paste."},
        lookup="slug",
    ),
    Endpoint(
        "ceremony",
        Ceremony,
        record=lambda w: make.ceremony(kind="other", date="2025-05", county=w["onchon"]),
        create=lambda w: {
            "kind": "inauguration",
            "date": "2025-10",
            "county": "hamju",
            "factories": ["hamju-clothing"],
            "sources": [w["rodong"].pk],
        },
        change={"summary": "Speeches and a ribbon."},
    ),
    Endpoint(
        "guidance-visit",
        GuidanceVisit,
        record=lambda w: make.visit(date="2025-06", county=w["hamju"]),
        create=lambda w: {"kind": "field guidance", "date": "2025-08-14", "county": "onchon"},
        change={"led_by": "The premier."},
    ),
    Endpoint(
        "source",
        Source,
        record=lambda w: make.source(title="A broadcast"),
        create=lambda w: {
            "title": "New factories in Hamju",
            "publisher": "KCNA",
            "published": "2025-10-11",
            "link": "https://kcna.example/2025/hamju",
        },
        change={"excerpt": "The opening passage."},
    ),
    Endpoint(
        "photo",
        Photo,
        record=lambda w: Photo.objects.create(
            image="photos/x.jpg",
            width=1,
            height=1,
            caption="x",
            credit="x",
            source=w["kcna"],
            factory=w["bricks"],
        ),
        create=lambda w: {
            "image": png(),
            "caption": "The new lines",
            "credit": "KCNA",
            "source": w["kcna"].pk,
            "factory": "songchon-foodstuff",
        },
        change={"caption": "Production lines, seen from the gallery"},
        multipart=True,
    ),
]
BY_NAME = pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.basename)


def latest_history(endpoint, pk):
    return endpoint.model.history.filter(id=pk).latest("history_date", "history_id")


@BY_NAME
def test_anonymous_clients_read_lists_and_records(world, api, endpoint):
    record = endpoint.record(world)
    assert api.get(endpoint.list_url()).status_code == 200
    response = api.get(endpoint.detail_url(record))
    assert response.status_code == 200
    assert response.json()["id"] == record.pk


@BY_NAME
def test_anonymous_clients_cannot_write(world, api, endpoint, media):
    record = endpoint.record(world)
    count = endpoint.model.objects.count()
    assert endpoint.post(api, world).status_code == 401
    assert api.patch(endpoint.detail_url(record), endpoint.change).status_code == 401
    assert api.delete(endpoint.detail_url(record)).status_code == 401
    assert endpoint.model.objects.count() == count


@BY_NAME
def test_a_token_without_the_permission_is_refused(world, token_client, endpoint, media):
    record = endpoint.record(world)
    count = endpoint.model.objects.count()
    # Each permission but the one a write needs.
    client = token_client(endpoint.perm("view"))
    assert endpoint.post(client, world).status_code == 403
    assert client.patch(endpoint.detail_url(record), endpoint.change).status_code == 403
    assert client.delete(endpoint.detail_url(record)).status_code == 403
    assert endpoint.model.objects.count() == count


@BY_NAME
def test_a_token_with_the_add_permission_creates(world, token_client, endpoint, media):
    client = token_client(endpoint.perm("add"))
    response = endpoint.post(client, world)
    assert response.status_code == 201, response.json()
    created = endpoint.model.objects.get(pk=response.json()["id"])
    history = latest_history(endpoint, created.pk)
    assert (history.history_type, history.history_user) == ("+", client.user)


@BY_NAME
def test_a_token_with_the_change_permission_changes(world, token_client, endpoint):
    record = endpoint.record(world)
    client = token_client(endpoint.perm("change"))
    response = client.patch(endpoint.detail_url(record), endpoint.change, format="json")
    assert response.status_code == 200, response.json()
    record = endpoint.model.objects.get(pk=record.pk)
    for name, value in endpoint.change.items():
        assert getattr(record, name) == value
    history = latest_history(endpoint, record.pk)
    assert (history.history_type, history.history_user) == ("~", client.user)


@BY_NAME
def test_a_token_with_the_delete_permission_deletes(world, token_client, endpoint):
    record = endpoint.record(world)
    client = token_client(endpoint.perm("delete"))
    assert client.delete(endpoint.detail_url(record)).status_code == 204
    assert not endpoint.model.objects.filter(pk=record.pk).exists()
    history = latest_history(endpoint, record.pk)
    assert (history.history_type, history.history_user) == ("-", client.user)


@BY_NAME
def test_a_staff_session_writes_with_the_permission(world, client, endpoint, media):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    editor = get_user_model().objects.create_user("editor", password="pw-editor-123", is_staff=True)
    codename = endpoint.perm("change").split(".")[1]
    editor.user_permissions.add(Permission.objects.get(codename=codename))
    client.force_login(editor)
    record = endpoint.record(world)
    response = client.patch(
        endpoint.detail_url(record), endpoint.change, content_type="application/json"
    )
    assert response.status_code == 200
    assert latest_history(endpoint, record.pk).history_user == editor


def test_a_session_that_is_not_staff_cannot_write(world, client):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission

    member = get_user_model().objects.create_user("member", password="pw-member-123")
    member.user_permissions.add(Permission.objects.get(codename="change_county"))
    client.force_login(member)
    url = reverse("api:county-detail", args=["onchon"])
    response = client.patch(url, {"programme_year": 2030}, content_type="application/json")
    assert response.status_code == 403
    assert County.objects.get(slug="onchon").programme_year is None


def test_places_still_referred_to_cannot_be_deleted(world, token_client):
    client = token_client("sites.delete_county")
    response = client.delete(reverse("api:county-detail", args=["songchon"]))
    assert response.status_code == 409
    assert "Songchon" in response.json()["detail"]
    assert County.objects.filter(slug="songchon").exists()
