"""Each admin save is validated once: by the form for a record with no service (a county), by
the service's check for one written through a service (a factory, a ceremony, a visit), whose
save then writes what the check passed. A refused post still shows its reasons and saves
nothing."""

from unittest import mock

import pytest
from django.urls import reverse

from events import services as event_services
from events.models import Ceremony, GuidanceVisit
from sites import services as site_services
from sites.models import County, Factory
from tests import factories as make


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def post(client, model, view, changes, *args):
    """Post the admin form as staff send it: what it shows, with `changes` typed in."""
    url = admin_url(model, view, *args)
    page = client.get(url)
    form = page.context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value not in (None, "", [], False):
            data[name] = value
    for inline in page.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data.update({f"{prefix}-TOTAL_FORMS": 0, f"{prefix}-INITIAL_FORMS": 0})
    return client.post(url, {**data, **changes})


class Counted:
    """Count the validations of `model`'s records: every one, the form's full_clean() or the
    service's, cleans the fields; and the service's own checks, where it has one."""

    def __init__(self, model, service=None):
        self.patches = [
            mock.patch.object(model, "clean_fields", autospec=True, side_effect=model.clean_fields)
        ]
        if service is not None:
            self.patches.append(mock.patch.object(service, "_validate", wraps=service._validate))

    def __enter__(self):
        self.mocks = [patch.__enter__() for patch in self.patches]
        return self

    def __exit__(self, *exc):
        for patch in reversed(self.patches):
            patch.__exit__(*exc)

    @property
    def calls(self):
        return [mocked.call_count for mocked in self.mocks]


@pytest.fixture
def songchon(seeded):
    return County.objects.get(slug="songchon")


def test_a_county_saved_in_the_admin_is_validated_once(songchon, staff_client):
    data = {"aliases": "Songcheon, Sŏngch'ŏn", "programme_year": 2024}
    with Counted(County) as validations:
        response = post(staff_client, County, "change", data, songchon.pk)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert validations.calls == [1]
    assert County.objects.get(pk=songchon.pk).aliases == "Songcheon, Sŏngch'ŏn"


def test_a_factory_added_in_the_admin_is_validated_once_by_its_service(songchon, staff_client):
    data = {"name": "Songchon Paper Mill", "county": songchon.pk, "sector": "other"}
    with Counted(Factory, site_services) as validations:
        response = post(staff_client, Factory, "add", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert validations.calls == [1, 1]
    assert Factory.objects.get(name="Songchon Paper Mill").slug == "songchon-paper-mill"


def test_a_ceremony_added_in_the_admin_is_validated_once_by_its_service(songchon, staff_client):
    factory = make.factory(county=songchon, name="Songchon Shoe Factory")
    data = {"kind": "groundbreaking", "date": "2025-05-02", "factories": [factory.pk]}
    # Cited, as a ceremony must be to set its factory's dates.
    data |= {
        "citations-TOTAL_FORMS": 1,
        "citations-0-source": make.source().pk,
        "citations-0-leader_present": "unstated",
    }
    with Counted(Ceremony, event_services) as validations:
        response = post(staff_client, Ceremony, "add", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert validations.calls == [1, 1]
    ceremony = Ceremony.objects.get(factories=factory)
    assert ceremony.county == songchon
    factory.refresh_from_db()
    assert factory.groundbreaking_date == "2025-05-02"


def test_a_visit_changed_in_the_admin_is_validated_once_by_its_service(songchon, staff_client):
    visit = make.visit(county=songchon, date="2024-06")
    data = {
        "kind": visit.kind,
        "date": "2024-06-12",
        "county": songchon.pk,
        "led_by": "Kim Jong Un",
    }
    with Counted(GuidanceVisit, event_services) as validations:
        response = post(staff_client, GuidanceVisit, "change", data, visit.pk)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert validations.calls == [1, 1]
    visit.refresh_from_db()
    assert (visit.date, visit.led_by) == ("2024-06-12", "Kim Jong Un")


def test_a_factory_refused_by_its_service_is_a_form_error_and_nothing_is_saved(
    songchon, staff_client
):
    taken = Factory.objects.order_by("pk").first()
    before = Factory.objects.count()
    data = {"name": "Another Mill", "slug": taken.slug, "county": songchon.pk, "sector": "other"}
    with Counted(Factory, site_services) as validations:
        response = post(staff_client, Factory, "add", data)
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors
    assert validations.calls == [1, 1]
    assert Factory.objects.count() == before


def test_a_ceremony_refused_by_the_milestone_rule_is_a_form_error_and_nothing_is_saved(
    songchon, staff_client
):
    factory = make.factory(county=songchon, name="Songchon Glass Works")
    make.ceremony(kind="groundbreaking", date="2025-03-01", factories=[factory])
    before = Ceremony.objects.count()
    data = {"kind": "inauguration", "date": "2024-12-01", "factories": [factory.pk]}
    response = post(staff_client, Ceremony, "add", data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "cannot come before its factory" in errors["date"][0]
    assert Ceremony.objects.count() == before


def test_a_record_changed_after_its_check_is_not_written(songchon):
    checked = site_services.check_factory(county=songchon, name="Songchon Brick Works")
    checked.record.name = "Something Unchecked"
    with pytest.raises(ValueError, match="changed after its check"):
        site_services.save_checked(checked)
    assert not Factory.objects.filter(name__in=["Songchon Brick Works", "Something Unchecked"])


def test_a_factory_written_through_the_api_is_validated_once(songchon, editor_token):
    url = reverse("api:factory-list")
    with Counted(Factory, site_services) as validations:
        response = editor_token.post(
            url, {"name": "Songchon Tile Works", "county": songchon.slug}, format="json"
        )
    assert response.status_code == 201, response.json()
    assert validations.calls == [1, 1]
    assert Factory.objects.filter(slug="songchon-tile-works").exists()
