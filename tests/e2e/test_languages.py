"""Polish pages and links that reopen the view, in a real browser (Chromium against `streamlit run`).

Every page opens from a filtered Polish link (`?lang=pl&sector=…&sector=…&years=…`), and so does the
first visit of a fresh server: its heading and sidebar are Polish, the filters are the link's, and
the address bar still holds the view. The same link in a new browser (a new context: no cookies, no
session) reproduces the figures. The tests share one server but for that first visit.
Screenshots of every Polish page at 1280×800 and at 390×844 (a phone) go to tests/screenshots/.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest

from outcomes import indicators, ui, vocabulary
from tests.app.screen import HEADINGS

from .test_browser import assert_healthy, card_values, settle

pytestmark = pytest.mark.e2e
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
SECTORS = ("food processing", "ICT")
YEARS = "2015-2018"
LINK = "?lang=pl&" + "&".join(f"sector={quote(s)}" for s in SECTORS) + f"&years={YEARS}"


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlparse(url).query)


def test_every_page_has_its_title_here() -> None:
    assert set(HEADINGS) == {stem for stem, _, _ in ui.PAGES}


def shows_the_polish_link(page, server, screenshots: Path, path: str) -> None:
    """The page opened from the filtered Polish link: Polish, filtered, the view still in the address bar."""
    page.set_viewport_size(DESKTOP)
    page.goto(f"{server.url}/{path}{LINK}")
    settle(page)
    assert_healthy(page)
    assert urlparse(page.url).path.endswith(f"/{path}")
    assert page.locator("h1").first.inner_text().strip() == vocabulary.text(HEADINGS[path], "pl")
    assert page.get_by_text("Przykładowe dane ilustracyjne.", exact=True).is_visible()
    sectors = page.locator(".st-key-filter_sectors").inner_text()
    for sector in SECTORS:
        assert sector in sectors
    query = _query(page.url)
    assert query["lang"] == ["pl"]
    assert query["sector"] == list(SECTORS)
    assert query["years"] == [YEARS]
    page.screenshot(path=str(screenshots / f"pl-{path}.png"))
    page.set_viewport_size(PHONE)
    settle(page)
    page.screenshot(path=str(screenshots / f"pl-{path}-phone.png"))


def test_a_page_that_is_a_fresh_servers_first_visit_keeps_the_link(fresh_server, page, screenshots: Path) -> None:
    """The first visit of a fresh server runs the page outside the frame until the frame takes over
    (outcomes/ui.py): the rerun keeps the link's language and filters. The same code serves every
    page (each starts with ui.current_filters), so one page stands for all here; the other pages
    open from the link on the module's server below."""
    shows_the_polish_link(page, fresh_server, screenshots, "finance")


@pytest.mark.parametrize("path", [stem for stem, _, _ in ui.PAGES])
def test_every_page_opens_in_polish_from_a_filtered_link(module_server, page, screenshots: Path, path: str) -> None:
    shows_the_polish_link(page, module_server, screenshots, path)


@pytest.mark.parametrize(("locale", "lang"), [("pl-PL", "pl"), ("de-DE", "en")])
def test_without_lang_in_the_link_the_browsers_language_chooses(module_server, browser, locale: str, lang: str) -> None:
    """The default language is the browser's when the dashboard has it, else English."""
    context = browser.new_context(viewport=DESKTOP, locale=locale)
    tab = context.new_page()
    try:
        tab.goto(f"{module_server.url}/overview")
        settle(tab)
        assert_healthy(tab)
        assert tab.locator("h1").first.inner_text().strip() == vocabulary.text("overview.title", lang)
    finally:
        context.close()


def test_a_link_opened_in_a_new_browser_reproduces_the_view(module_server, browser) -> None:
    link = f"{module_server.url}/overview{LINK}&public=1"
    shown = []
    for _ in range(2):  # two browsers: nothing is shared but the link
        context = browser.new_context(viewport=DESKTOP)
        tab = context.new_page()
        tab.set_default_timeout(60_000)
        tab.goto(link)
        settle(tab)
        assert_healthy(tab)
        shown.append((card_values(tab), tab.locator("h1").first.inner_text(), _query(tab.url)))
        assert tab.locator(".st-key-public_mode input").is_checked()
        context.close()
    assert shown[0] == shown[1]
    cards, heading, query = shown[0]
    assert heading.strip() == vocabulary.text("overview.title", "pl")
    assert query["public"] == ["1"]
    # The filtered view, not the whole programme: fewer supported clusters than all 29.
    assert int(cards["supported_clusters"]) < 29
    assert set(cards) == {stage.key for stage in indicators.FUNNEL_STAGES}


def test_the_language_switch_rewrites_the_link(module_server, page) -> None:
    page.goto(f"{module_server.url}/finance?lang=en")
    settle(page)
    assert page.locator("h1").first.inner_text().strip() == vocabulary.text("finance.title", "en")
    page.locator("[data-testid=stSidebar] button", has_text="Polski").click()
    page.get_by_role("heading", name=vocabulary.text("finance.title", "pl")).wait_for()
    settle(page)
    assert _query(page.url)["lang"] == ["pl"]
    assert "mln" in page.locator("[data-testid=stMetricValue]").first.inner_text()
