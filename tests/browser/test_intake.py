"""Staff paste a report into the intake, correct a proposal, confirm, and find the records."""

import itertools
import json

import pytest
from django.contrib.auth import get_user_model

from events import seed
from events.models import Ceremony, GuidanceVisit

pytestmark = pytest.mark.browser

REPORT = (
    "Pyongyang, January 21 (KCNA) -- A ceremony of declaring the inauguration of the foodstuff "
    "factory in Onchon County, Nampho Municipality took place on January 20.\n"
    "Ri Jae Nam, chief secretary of the Nampho Municipal Committee of the WPK, addressed the "
    "ceremony.\n"
    "Kim Jong Un gave field guidance at the construction site in Ryonggang County in late "
    "December last year."
)


def test_paste_correct_confirm_and_find_the_records(browser, live_server, transactional_db):
    seed.load_gazetteer()
    get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-chief-123")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{live_server.url}/admin/login/?next=/admin/intake/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-chief-123")
    page.click("input[type=submit]")

    page.fill("#id_title", "Regional-Industry Factories Inaugurated in Onchon County")
    page.fill("#id_publisher", "KCNA")
    page.fill("#id_published", "2025-01-21")
    page.fill("#id_full_text", REPORT)
    page.click("input[name=propose]")

    rows = page.locator("table.intake-proposals tbody tr")
    assert rows.count() == 3  # two proposals and the blank row
    assert page.locator("#id_form-0-include").is_checked()
    assert page.input_value("#id_form-0-county") == "onchon"
    assert page.input_value("#id_form-0-date") == "2025-01-20"
    assert "Ri Jae Nam" in page.input_value("#id_form-0-speakers")
    assert page.input_value("#id_form-1-date") == "2024-12-21/2024-12-31"
    # Staff know the day of the visit from another source: they correct it.
    page.fill("#id_form-1-date", "2024-12-28")
    page.click("input[name=confirm]")
    page.wait_for_url("**/admin/events/source/**")
    assert "2 records created" in page.inner_text("ul.messagelist")

    page.goto(f"{live_server.url}/counties/onchon/")
    county = page.inner_text("main")
    assert "Inauguration" in county or "inauguration" in county
    assert "20 January 2025" in county
    assert "Onchon Foodstuff Factory" in county or "Onchon foodstuff factory" in county

    ceremonies = json.loads(
        page.goto(f"{live_server.url}/api/ceremonies/?county=onchon&format=json").text()
    )["results"]
    assert [(c["kind"], c["date"]) for c in ceremonies] == [("inauguration", "2025-01-20")]
    visits = json.loads(
        page.goto(f"{live_server.url}/api/guidance-visits/?county=ryonggang&format=json").text()
    )["results"]
    assert [(v["kind"], v["date"], v["leader_present"]) for v in visits] == [
        ("field guidance", "2024-12-28", True)
    ]
    assert Ceremony.objects.count() == 1
    assert GuidanceVisit.objects.count() == 1
    assert errors == []
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_review_page_fits_the_screen(browser, live_server, transactional_db, width):
    """No sideways scroll on a phone (each proposal's cells stacked) nor on a desktop, where
    the proposals' labels line up in one column."""
    seed.load_gazetteer()
    get_user_model().objects.create_superuser("chief", "chief@example.org", "pw-chief-123")
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/?next=/admin/intake/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "pw-chief-123")
    page.click("input[type=submit]")
    page.fill("#id_title", "Regional-Industry Factories Inaugurated in Onchon County")
    page.fill("#id_publisher", "KCNA")
    page.fill("#id_published", "2025-01-21")
    page.fill("#id_full_text", REPORT)
    page.click("input[name=propose]")
    assert page.locator("table.intake-proposals tbody tr").count() == 3

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width
    cells = page.locator("table.intake-proposals tbody tr").first.locator("td")
    boxes = [cells.nth(index).bounding_box() for index in range(cells.count())]
    if width == 390:
        # Stacked: each cell below the one before, none narrower than half the screen.
        assert all(
            later["y"] >= earlier["y"] + earlier["height"] - 1
            for earlier, later in itertools.pairwise(boxes)
        )
        assert all(box["width"] >= width / 2 for box in boxes[1:])
    else:
        lefts = {
            round(page.locator(f"#id_form-0-{name}").bounding_box()["x"])
            for name in ("kind", "date", "county", "province", "speakers")
        }
        assert len(lefts) == 1  # the boxes line up behind their labels
    context.close()
