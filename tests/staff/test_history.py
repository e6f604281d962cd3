"""History: who changed what, when and why, as a diff; an earlier version can be restored."""

import pytest
from django.urls import reverse

from sites.models import Factory
from tests import factories
from tests.staff import pages

OLD_NAME = "Songchon regional-industry factories"
NEW_NAME = "Songchon Foodstuff Factory"


def form_data(form) -> dict:
    """What a browser would send back for an admin form as it stands."""
    data = {}
    for field in form:
        value = field.value()
        if value is None:
            continue
        if isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
            continue
        data[field.html_name] = value
    return data


def change_url(factory):
    return reverse("admin:sites_factory_change", args=[factory.pk])


def history_url(factory):
    return reverse("admin:sites_factory_history", args=[factory.pk])


def test_a_renamed_factory_shows_the_diff_with_its_user_and_can_be_restored(seeded, staff_client):
    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    form = staff_client.get(change_url(factory)).context["adminform"].form
    data = {
        **form_data(form),
        "name": NEW_NAME,
        "change_message": "Name as KCNA gives it",
        "citations-TOTAL_FORMS": 0,
        "citations-INITIAL_FORMS": 0,
        "photos-TOTAL_FORMS": 0,
        "photos-INITIAL_FORMS": 0,
        "appearances-TOTAL_FORMS": 0,
        "appearances-INITIAL_FORMS": 0,
    }
    assert staff_client.post(change_url(factory), data).status_code == 302
    factory.refresh_from_db()
    assert factory.name == NEW_NAME

    history = pages.text(staff_client.get(history_url(factory)))
    assert f"Name: {OLD_NAME} → {NEW_NAME}" in history
    assert "staff Changed Name as KCNA gives it" in history
    # Bookkeeping is not listed as a change.
    assert "Updated at" not in history
    assert "Search keys" not in history

    earlier = factory.history.filter(name=OLD_NAME).latest()
    revert_url = reverse("admin:sites_factory_simple_history", args=[factory.pk, earlier.pk])
    revert_page = staff_client.get(revert_url)
    assert revert_page.status_code == 200
    assert "Press the 'Revert' button below to revert to this version" in pages.text(revert_page)
    restored = form_data(revert_page.context["adminform"].form)
    assert restored["name"] == OLD_NAME

    assert staff_client.post(revert_url, restored).status_code == 302
    factory.refresh_from_db()
    assert factory.name == OLD_NAME
    latest = factory.history.latest()
    assert latest.history_user.username == "staff"
    assert latest.history_change_reason.startswith("Restored the version of ")

    history = pages.text(staff_client.get(history_url(factory)))
    assert f"Name: {NEW_NAME} → {OLD_NAME}" in history
    assert "Restored the version of" in history


def test_an_editor_may_restore_a_version(seeded, editor_client, editor):
    factory = Factory.objects.get(slug="songchon-regional-industry-factories")
    first = factory.history.earliest()
    Factory.objects.filter(pk=factory.pk).update(name="Typed wrongly")
    revert_url = reverse("admin:sites_factory_simple_history", args=[factory.pk, first.pk])
    restored = form_data(editor_client.get(revert_url).context["adminform"].form)
    assert editor_client.post(revert_url, restored).status_code == 302
    factory.refresh_from_db()
    assert factory.name == first.name
    assert factory.history.latest().history_user == editor


@pytest.mark.parametrize("versions", [3, 30])
def test_the_history_page_reads_in_a_constant_number_of_queries(
    db, staff_client, versions, django_assert_max_num_queries
):
    factory = factories.factory()
    for number in range(versions - 1):
        factory.name = f"Factory, version {number + 2}"
        factory.save()
    with django_assert_max_num_queries(12):
        response = staff_client.get(history_url(factory))
    assert pages.text(response).count("Name: Factory") == versions - 1
