"""A staff member in real Chromium, on a desktop and on a 390-pixel phone."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from events import services
from events.models import Ceremony, Source
from sites.models import County
from sites.services import save_factory

pytestmark = pytest.mark.browser


@pytest.fixture
def signed_in(visit):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-editor-123")
    visit.open("/admin/login/")
    visit.page.get_by_label("Username").fill("editor")
    visit.page.get_by_label("Password").fill("pw-editor-123")
    visit.page.get_by_role("button", name="Log in").click()
    expect(visit.page.get_by_role("heading", level=1)).to_have_text("Records")
    return visit


def assert_fits(visit):
    assert not visit.scrolls_sideways(), visit.page.url
    assert visit.console_errors == []


def test_an_inauguration_typed_in_words_reaches_the_factory_and_the_county(signed_in):
    visit, page = signed_in, signed_in.page
    unpha = County.objects.get(slug="unpha")
    report = Source.objects.create(title="Unpha factories inaugurated", published="2025-03-05")
    factory = save_factory(
        county=unpha, name="Unpha Foodstuff Factory", sector="foodstuff", sources=[report]
    )
    services.save_ceremony(
        kind="groundbreaking", date="2024-03", factories=[factory], sources=[report]
    )
    assert_fits(visit)

    visit.open("/admin/events/ceremony/add/")
    page.get_by_label("Kind:").select_option("inauguration")
    page.get_by_label("Date:").fill("4 March 2025")
    expect(page.locator("#id_date_preview")).to_have_text("EDTF 2025-03-04 · 4 March 2025")
    page.locator("#id_factories + .select2 .select2-selection").click()
    page.locator("[aria-controls='select2-id_factories-results']").fill("Unpha Foodstuff")
    page.locator(".select2-results__option", has_text="Unpha Foodstuff Factory").click()
    visit.screenshot("admin-add-inauguration")
    assert_fits(visit)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    assert_fits(visit)

    # Without a source the inauguration is a draft: the public factory is still being built.
    visit.open(factory.get_absolute_url())
    expect(page.get_by_role("main")).not_to_contain_text("4 March 2025")
    expect(page.get_by_role("main")).to_contain_text("under construction")

    # Citing the report in the ceremony's form makes it public, and the factory operating.
    inauguration = Ceremony.objects.get(kind="inauguration", factories=factory)
    visit.open(f"/admin/events/ceremony/{inauguration.pk}/change/")
    page.get_by_text(re.compile("Add another citation", re.I)).click()
    page.locator("#id_citations-0-source + .select2 .select2-selection").click()
    page.locator(".select2-search__field").last.fill("Unpha factories")
    page.locator(".select2-results__option", has_text="Unpha factories inaugurated").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    visit.open(factory.get_absolute_url())
    main = page.get_by_role("main")
    expect(main.get_by_text("4 March 2025").first).to_be_visible()
    expect(main).to_contain_text("operating")
    assert_fits(visit)

    visit.open(unpha.get_absolute_url())
    expect(page.get_by_role("main").get_by_text(re.compile("4 March 2025")).first).to_be_visible()
    assert_fits(visit)


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/sites/county/",
        "/admin/sites/county/add/",
        "/admin/sites/factory/",
        "/admin/sites/factory/add/",
        "/admin/events/ceremony/",
        "/admin/events/ceremony/add/",
        "/admin/events/guidancevisit/",
        "/admin/events/source/",
    ],
)
def test_the_admin_fits_the_window(signed_in, path):
    signed_in.open(path)
    assert_fits(signed_in)


def test_the_admin_home_puts_places_and_events_first_and_links_the_intake(signed_in):
    page = signed_in.page
    expect(page).to_have_title(re.compile("Regiondev"))
    modules = page.locator("#content .module h2, #content .module caption")
    headings = [text.strip().lower() for text in modules.all_inner_texts()]
    assert headings[:3] == ["staff workflow", "places", "events"]
    link = page.get_by_role("link", name="Article intake")
    box = link.bounding_box()
    assert box["height"] < 2 * box["width"]  # a word on a line, not a letter per line
    link.click()
    expect(page).to_have_url(re.compile(r"/admin/intake/$"))
