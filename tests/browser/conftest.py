"""Real Chromium (Debian's package) driven by Playwright against pytest-django's live server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}

# Playwright's sync API runs an event loop in this thread; Django's ORM must still be usable
# from the test itself (to load the seed) while the live server answers in its own thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does).")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the seed dataset, as `make run` serves it."""
    from events import seed

    seed.load()
    return live_server


class Visit:
    """One browser tab that records every request and every console message."""

    def __init__(self, page, base_url: str, width_name: str):
        self.page = page
        self.base_url = base_url
        self.width_name = width_name
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def open(self, path: str):
        self.page.goto(self.base_url + path)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}-{self.width_name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def hosts(self) -> set[str]:
        return {urlsplit(url).netloc for url in self.requests}

    def scrolls_sideways(self) -> bool:
        return self.page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


@pytest.fixture(params=list(WIDTHS), ids=list(WIDTHS))
def visit(request, browser, site):
    width_name = request.param
    context = browser.new_context(viewport={"width": WIDTHS[width_name], "height": 900})
    page = context.new_page()
    yield Visit(page, site.url, width_name)
    context.close()
