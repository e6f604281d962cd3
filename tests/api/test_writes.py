"""Writes go through the admin's validation: bad input is a 400 naming the field, and the
database is exactly as it was."""

import pytest
from django.core import serializers
from django.urls import reverse

from events.models import Ceremony, GuidanceVisit, Source
from sites.models import County, Factory, Province

MODELS = [Province, County, Factory, Ceremony, GuidanceVisit, Source]


def snapshot():
    """Every row of every model, and the links between them."""
    rows = serializers.serialize("json", [obj for model in MODELS for obj in model.objects.all()])
    links = [
        sorted(through.objects.values_list(*[f.attname for f in through._meta.concrete_fields]))
        for model in MODELS
        for through in (field.remote_field.through for field in model._meta.many_to_many)
    ]
    return rows, links


@pytest.fixture
def editor(token_client):
    return token_client(
        *(
            f"{model._meta.app_label}.{action}_{model._meta.model_name}"
            for model in MODELS
            for action in ("add", "change")
        )
    )


BAD_WRITES = [
    pytest.param(
        "post",
        lambda w: reverse("api:ceremony-list"),
        {"kind": "groundbreaking", "date": "a Friday in Feb 2024", "county": "songchon"},
        "date",
        "is not a date Regiondev can read",
        id="a date that cannot be read",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:ceremony-list"),
        {
            "kind": "inauguration",
            "date": "2023-12",
            "county": "songchon",
            "factories": ["songchon-foodstuff"],
        },
        "date",
        "An inauguration cannot come before its factory's groundbreaking",
        id="inauguration before groundbreaking",
    ),
    pytest.param(
        "patch",
        lambda w: reverse("api:ceremony-detail", args=[w["opening"].pk]),
        {"date": "2024-01-15"},
        "date",
        "An inauguration cannot come before its factory's groundbreaking",
        id="inauguration moved before groundbreaking",
    ),
    pytest.param(
        "patch",
        lambda w: reverse("api:ceremony-detail", args=[w["hamju_breaking"].pk]),
        {"factories": ["hamju-clothing", "songchon-foodstuff"]},
        "date",
        "An inauguration cannot come before its factory's groundbreaking",
        id="groundbreaking given to an inaugurated factory",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:factory-list"),
        {"name": "Lost factory", "slug": "lost-factory", "county": "atlantis"},
        "county",
        "Unknown county “atlantis”",
        id="unknown county slug",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:guidance-visit-list"),
        {"kind": "field guidance", "date": "2024-05", "county": "atlantis"},
        "county",
        "Unknown county “atlantis”",
        id="unknown county slug on an event",
    ),
    pytest.param(
        "patch",
        lambda w: reverse("api:factory-detail", args=["hamju-clothing"]),
        {"latitude": "39°15′N", "longitude": 126.2},
        "latitude",
        "A valid number is required.",
        id="malformed coordinate",
    ),
    pytest.param(
        "patch",
        lambda w: reverse("api:county-detail", args=["hamju"]),
        {"latitude": 139.5, "longitude": 126.2},
        "latitude",
        "less than or equal to 90",
        id="coordinate out of range",
    ),
    pytest.param(
        "patch",
        lambda w: reverse("api:county-detail", args=["hamju"]),
        {"latitude": 39.5},
        "non_field_errors",
        "Give both latitude and longitude, or neither.",
        id="coordinate without its pair",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:ceremony-list"),
        {"kind": "other", "date": "2024", "county": "songchon", "province": "nampho"},
        "province",
        "Songchon is in South Phyongan, not Nampho.",
        id="county in another province",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:county-list"),
        {"name": "Songchon", "slug": "songchon", "province": "south-phyongan"},
        "slug",
        "already exists",
        id="a slug taken",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:county-list"),
        {"name": "Kujang", "slug": "kujang", "province": "nampho", "programme_year": 2040},
        "programme_year",
        "2033",
        id="programme year outside the programme",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:source-list"),
        {"title": "An article", "published": "2025-13-45"},
        "published",
        "is not a date Regiondev can read",
        id="invalid publication date",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:source-list"),
        {"title": "", "description": "", "publisher": "KCNA", "published": "2025"},
        "non_field_errors",
        "Give the headline as published, or, where it is not known, a description",
        id="a source with neither headline nor description",
    ),
    pytest.param(
        "post",
        lambda w: reverse("api:factory-list"),
        {"name": "F", "slug": "f", "county": "hamju", "sources": [987654]},
        "sources",
        "Unknown source “987654”",
        id="unknown source",
    ),
]


@pytest.mark.parametrize(("method", "url", "body", "field", "message"), BAD_WRITES)
def test_a_bad_write_is_400_naming_the_field_and_changes_nothing(
    world, editor, method, url, body, field, message
):
    before = snapshot()
    response = getattr(editor, method)(url(world), body, format="json")
    assert response.status_code == 400
    errors = response.json()
    assert field in errors, errors
    assert message in " ".join(map(str, errors[field]))
    assert snapshot() == before


def test_a_ceremony_written_through_the_api_moves_its_factory_on(world, editor):
    response = editor.post(
        reverse("api:ceremony-list"),
        {
            "kind": "inauguration",
            "date": "2025-10-10",
            "county": "hamju",
            "factories": ["hamju-clothing"],
            "sources": [world["rodong"].pk],
            "leader_present": True,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["province"]["slug"] == "nampho", "filled from the county"
    assert body["date_in_words"] == "10 October 2025"
    cloth = Factory.objects.get(slug="hamju-clothing")
    assert cloth.status == "operating"
    assert str(cloth.construction_time) == "193–223 days"


def test_a_factory_is_written_with_its_county_slug(world, editor):
    response = editor.post(
        reverse("api:factory-list"),
        {
            "name": "Onchon shoe factory",
            "slug": "onchon-shoes",
            "county": "onchon",
            "sector": "daily necessities",
            "latitude": 38.9,
            "longitude": 125.2,
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    factory = Factory.objects.get(slug="onchon-shoes")
    assert factory.county == world["onchon"]
    assert response.json()["province"]["slug"] == "nampho"
    assert response.json()["status"] == "planned"


def test_aliases_are_a_list(world, editor):
    response = editor.patch(
        reverse("api:county-detail", args=["onchon"]),
        {"aliases": ["Oncheon", "Onch'ŏn"]},
        format="json",
    )
    assert response.json()["aliases"] == ["Oncheon", "Onch'ŏn"]
    assert County.objects.search("Oncheon").get() == world["onchon"]


def test_a_photo_that_is_not_an_image_is_refused(world, token_client, media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = token_client("events.add_photo")
    upload = SimpleUploadedFile("photo.png", b"<html>not a picture</html>", "image/png")
    response = client.post(
        reverse("api:photo-list"),
        {
            "image": upload,
            "caption": "c",
            "credit": "c",
            "source": world["kcna"].pk,
            "factory": "songchon-foodstuff",
        },
        format="multipart",
    )
    assert response.status_code == 400
    assert "not a photo Regiondev can read" in response.json()["image"][0]
    assert not any(media.rglob("*.*"))


def test_a_source_without_a_link_reads_null_and_null_clears_one(world, editor):
    url = reverse("api:source-detail", args=[world["kcna"].pk])
    assert editor.get(url).json()["link"] is None
    response = editor.patch(url, {"link": "https://kcna.example/1"}, format="json")
    assert response.json()["link"] == "https://kcna.example/1"
    assert editor.patch(url, {"link": ""}, format="json").status_code == 400
    response = editor.patch(url, {"link": None}, format="json")
    assert response.json()["link"] is None
    assert Source.objects.get(pk=world["kcna"].pk).url == ""


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"county": 7}, "county"),
        ({"factories": [True]}, "factories"),
        ({"sources": ["first"]}, "sources"),
        ({"sources": [1.5]}, "sources"),
        ({"leader_present": "yes"}, "leader_present"),
        ({"summary": 42}, "summary"),
        ({"date": 2024}, "date"),
    ],
)
def test_values_must_have_the_type_the_schema_gives(world, editor, body, field):
    url = reverse("api:ceremony-detail", args=[world["opening"].pk])
    response = editor.patch(url, body, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_forms_are_not_accepted_where_json_is_expected(world, editor):
    url = reverse("api:source-detail", args=[world["kcna"].pk])
    response = editor.patch(url, {"language": ""}, format="multipart")
    assert response.status_code == 415


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("format", ["json", "csv"])
def test_options_describes_a_record_without_locking_it(world, editor, format):
    # OPTIONS asks what a PUT would take. It is a read: on PostgreSQL a row lock outside a
    # write's transaction is an error, so this must not take one.
    county = world["songchon"]
    response = editor.options(
        reverse("api:county-detail", args=[county.slug]) + f"?format={format}"
    )
    assert response.status_code == 200
    assert b"programme_year" in response.content


@pytest.mark.parametrize(
    "name", ["meta.jpg", "Kim at Songchon 2026-12-03.png", "../../etc/passwd.webp", "사진.jpeg"]
)
def test_a_stored_photo_is_named_at_random(world, token_client, media, name):
    """The uploader's file name may say who took the photo, where or why: it is not kept."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    client = token_client("events.add_photo")
    urls = []
    for _ in range(2):
        buffer = io.BytesIO()
        Image.new("RGB", (40, 30), "navy").save(buffer, "PNG")
        response = client.post(
            reverse("api:photo-list"),
            {
                "image": SimpleUploadedFile(name, buffer.getvalue(), "image/png"),
                "caption": "c",
                "credit": "c",
                "source": world["kcna"].pk,
                "factory": "songchon-foodstuff",
            },
            format="multipart",
        )
        assert response.status_code == 201, response.json()
        urls.append(response.json()["image"])
    stem = name.rsplit(".", 1)[0].rsplit("/", 1)[-1].lower()
    stored = [path.name.lower() for path in media.rglob("*.*")]
    assert len(stored) == 4  # two photos and their thumbnails
    assert not any(stem[:4] in file_name for file_name in stored), stored
    assert urls[0] != urls[1]
    assert all(url.rsplit("/", 1)[-1].endswith(".png") for url in urls)
