"""Staff entering places and factories in the admin: slugs made from names, and the search
box reading any spelling."""

import pytest
from django.urls import reverse

from sites.models import County, Factory
from tests import factories as make

ADD_FACTORY = reverse("admin:sites_factory_add")
EMPTY_INLINES = {
    "photos-TOTAL_FORMS": 0,
    "photos-INITIAL_FORMS": 0,
    "appearances-TOTAL_FORMS": 0,
    "appearances-INITIAL_FORMS": 0,
    "citations-TOTAL_FORMS": 0,
    "citations-INITIAL_FORMS": 0,
}


def add_factory(client, **fields):
    return client.post(ADD_FACTORY, {"sector": "foodstuff", **EMPTY_INLINES, **fields})


def test_a_factory_added_without_a_slug_gets_one_from_its_name(seeded, staff_client):
    unpha = County.objects.get(slug="unpha")
    for _ in range(2):
        response = add_factory(staff_client, county=unpha.pk, name="Unpha Foodstuff Factory")
        assert response.status_code == 302, response.context["adminform"].form.errors
    made = Factory.objects.filter(county=unpha, name="Unpha Foodstuff Factory")
    assert set(made.values_list("slug", flat=True)) == {
        "unpha-foodstuff-factory",
        "unpha-foodstuff-factory-2",
    }


def test_a_hangul_name_is_transliterated_into_its_slug(seeded, staff_client):
    response = add_factory(
        staff_client, county=County.objects.get(slug="unpha").pk, name="운파 식료공장"
    )
    assert response.status_code == 302
    assert Factory.objects.get(name="운파 식료공장").slug == "unpha-sikryogongjang"


def test_a_typed_slug_is_kept(seeded, staff_client):
    response = add_factory(
        staff_client,
        county=County.objects.get(slug="unpha").pk,
        name="Unpha Foodstuff Factory",
        slug="unpha-food",
    )
    assert response.status_code == 302
    assert Factory.objects.filter(slug="unpha-food").exists()


@pytest.mark.parametrize("typed", ["songchon-gun", "Sŏngch'ŏn", "성천군", "Seongcheon county"])
def test_the_county_search_reads_any_spelling(seeded, staff_client, typed):
    response = staff_client.get(reverse("admin:sites_county_changelist"), {"q": typed})
    assert [county.slug for county in response.context["cl"].result_list] == ["songchon"]


def test_the_county_autocomplete_reads_any_spelling(seeded, staff_client):
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "songchon-gun",
            "app_label": "sites",
            "model_name": "factory",
            "field_name": "county",
        },
    )
    assert [result["text"] for result in response.json()["results"]] == ["Songchon"]


def test_saving_a_county_without_a_change_adds_no_history_version(seeded, staff_client):
    county = make.county(name="Quiet", slug="quiet")
    url = reverse("admin:sites_county_change", args=[county.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if name != "sources"}
    data = {name: value for name, value in data.items() if value is not None}
    data.update({"factories-TOTAL_FORMS": 0, "factories-INITIAL_FORMS": 0})
    assert staff_client.post(url, data).status_code == 302
    assert county.history.count() == 1
