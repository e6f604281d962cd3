import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from sites.models import County

ADMIN_MODELS = [
    model
    for model in apps.get_models()
    if model in admin.site._registry and model._meta.app_label in {"sites", "events"}
]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_model_has_an_admin():
    names = {model.__name__ for model in ADMIN_MODELS}
    assert names == {
        "Province",
        "County",
        "Factory",
        "Ceremony",
        "GuidanceVisit",
        "Source",
        "Photo",
        "Person",
    }


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model.__name__)
@pytest.mark.parametrize("view", ["changelist", "add"])
def test_staff_open_every_changelist_and_add_page(seeded, staff_client, model, view):
    assert staff_client.get(admin_url(model, view)).status_code == 200


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model.__name__)
def test_anonymous_visitors_are_sent_to_the_login(client, db, model):
    response = client.get(admin_url(model, "changelist"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


def test_the_changelist_searches_every_spelling(seeded, staff_client):
    response = staff_client.get(admin_url(County, "changelist"), {"q": "Sŏngch'ŏn"})
    assert "Songchon" in response.content.decode()


def test_a_change_saved_in_the_admin_is_in_its_history_with_the_user(seeded, staff_client, staff):
    songchon = County.objects.get(slug="songchon")
    data = {
        "province": songchon.province_id,
        "name": "Songchon",
        "slug": "songchon",
        "name_ko": songchon.name_ko,
        "name_mr": songchon.name_mr,
        "kind": "county",
        "aliases": "Songcheon",
        "description": songchon.description,
        "programme_year": 2024,
        "factories-TOTAL_FORMS": 0,
        "factories-INITIAL_FORMS": 0,
    }
    response = staff_client.post(admin_url(County, "change", songchon.pk), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    latest = songchon.history.latest()
    assert latest.history_user == staff
    assert latest.aliases == "Songcheon"
    page = staff_client.get(admin_url(County, "history", songchon.pk)).content.decode()
    assert "staff" in page


def test_an_invalid_date_is_a_form_error_in_words(seeded, staff_client):
    from events.models import Ceremony

    response = staff_client.post(
        admin_url(Ceremony, "add"),
        {
            "kind": "groundbreaking",
            "date": "late February",
            "citations-TOTAL_FORMS": 0,
            "citations-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
            "appearances-TOTAL_FORMS": 0,
            "appearances-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "is not a date Regiondev can read" in response.content.decode()


def test_an_inauguration_before_the_groundbreaking_is_a_form_error(seeded, staff_client):
    from events.models import Ceremony
    from sites.models import Factory

    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    before = Ceremony.objects.count()
    response = staff_client.post(
        admin_url(Ceremony, "add"),
        {
            "kind": "inauguration",
            "date": "2023-12-20",
            "factories": [factory.pk],
            "citations-TOTAL_FORMS": 0,
            "citations-INITIAL_FORMS": 0,
            "photos-TOTAL_FORMS": 0,
            "photos-INITIAL_FORMS": 0,
            "appearances-TOTAL_FORMS": 0,
            "appearances-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "cannot come before its factory" in response.content.decode()
    assert Ceremony.objects.count() == before
