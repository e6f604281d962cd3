"""A county whose factories the sources name one by one, as a visitor reads it."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_visitor import assert_page_is_sound

pytestmark = pytest.mark.browser


def test_each_named_factory_of_a_county_has_its_row_and_its_page(visit, site):
    page = visit.page
    visit.open("/counties/sukchon/")
    main = page.get_by_role("main")
    names = ["Sukchon County Foodstuff Factory", "Sukchon County Garment Factory"]
    names.append("Sukchon County Daily Necessities Factory")
    for name in names:
        expect(main.get_by_role("link", name=name, exact=True).first).to_be_visible()
    # No bundle stands for the three: the sources name each.
    bundle = main.get_by_role("link", name="Sukchon regional-industry factories")
    expect(bundle).to_have_count(0)
    visit.screenshot("county-named-factories")
    assert_page_is_sound(visit, site)

    main.get_by_role("link", name="Sukchon County Foodstuff Factory", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sukchon County Foodstuff Factory")
    expect(page.get_by_role("main")).to_contain_text("soy sauce")
    visit.screenshot("factory-named")
    assert_page_is_sound(visit, site)
