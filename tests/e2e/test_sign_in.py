"""Sign-in through a real OpenID Connect flow: Chromium, `streamlit run` and a provider on loopback.

The provider is `oidc-provider-mock` (a real OIDC server: discovery, authorization page, signed
ID tokens); Streamlit's own `st.login` talks to it exactly as it would to Entra ID or Keycloak.
The app's secrets.toml is written to a temporary folder and passed with `--secrets.files`.
A manager, a funder's viewer and a user in no role sign in; each sees and may do what their
role allows, and an anonymous visitor sees nothing on any URL.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from outcomes import db, ui, vocabulary
from outcomes.schema import REQUIRED_SHEETS
from tests.e2e.conftest import STARTUP_TIMEOUT_S, Server, _free_port, start_server, stop_server

pytestmark = pytest.mark.e2e

MANAGER = {"sub": "manager", "email": "Anna.Nowak@agency.example", "name": "Anna Nowak"}
VIEWER = {"sub": "viewer", "email": "officer@funder.example", "name": "Funder Officer"}
STRANGER = {"sub": "stranger", "email": "someone@elsewhere.example", "name": "Some One"}
ROLES_TOML = """
[roles]
managers = ["anna.nowak@agency.example"]
evaluators = ["eval@university.example"]
viewers = ["@agency.example", "@funder.example"]
viewers_public_only = true
"""
PAGES = [stem for stem, _, _ in ui.PAGES]  # every url path of the dashboard
DATA_TESTIDS = ("stMetric", "stDataFrame", "stPlotlyChart", "stDownloadButton", "stSidebar", "stFileUploader")


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """oidc-provider-mock on a free loopback port with the three users; yields its base URL."""
    port = _free_port()
    command = [sys.executable, "-m", "oidc_provider_mock", "-p", str(port)]
    for user in (MANAGER, VIEWER, STRANGER):
        command += ["--user-claims", json.dumps(user)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    listening, output = threading.Event(), []

    def drain() -> None:
        for line in process.stdout:
            output.append(line)
            if f":{port}" in line:
                listening.set()
        listening.set()

    threading.Thread(target=drain, daemon=True).start()
    if not listening.wait(STARTUP_TIMEOUT_S) or process.poll() is not None:
        process.kill()
        raise RuntimeError("oidc-provider-mock did not start:\n" + "".join(output))
    yield f"http://127.0.0.1:{port}"
    process.terminate()
    process.wait(timeout=20)


def write_secrets(folder: Path, provider: str, roles: str = ROLES_TOML) -> Path:
    path = folder / "secrets.toml"
    path.write_text(
        f"""
[auth]
redirect_uri = "http://127.0.0.1:{{port}}/oauth2callback"
cookie_secret = "e2e-9f3Kq7Lx2Vb8Nw4Rt6Yz1Hs5Dg0Jm3Pc"
client_id = "outcomes-dashboard"
client_secret = "e2e-client-secret"
server_metadata_url = "{provider}/.well-known/openid-configuration"
{roles}""",
        encoding="utf-8",
    )
    return path


@pytest.fixture(scope="module")
def auth_server(sample_db: Path, provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app with sign-in on, on a private copy of the sample; its first visitor is the first test."""
    folder = tmp_path_factory.mktemp("signin")
    served = folder / "store"
    shutil.copytree(sample_db, served)
    server = start_server(served, f"--secrets.files={write_secrets(folder, provider)}")
    yield server
    stop_server(server)


@pytest.fixture
def tab(page):
    """A browser tab that does not wait for the provider page's stylesheet from a CDN (no internet here)."""
    page.context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    return page


def settle(page) -> None:
    """Wait until the app has finished its run (never a fixed sleep)."""
    page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", state="attached")
    page.wait_for_function("() => !document.querySelector('[data-stale=true]')")


def shows_no_data(page) -> None:
    assert page.get_by_text("Page not found").count() == 0, "a page's URL must land on the sign-in page"
    for testid in DATA_TESTIDS:
        assert page.locator(f"[data-testid={testid}]").count() == 0, f"{testid} shown to a visitor without a role"
    assert page.get_by_text("Illustrative sample data").count() == 0
    assert page.get_by_text("Co-operation Links Fund").count() == 0


def sign_in(page, server: Server, provider: str, sub: str) -> None:
    """The whole OIDC round trip: the app's Sign in button, the provider's page, back to the app."""
    page.goto(server.url)
    settle(page)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{provider}/oauth2/authorize*")
    page.locator("input[name=sub]").fill(sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{server.url}/**")
    settle(page)


def nav_links(page) -> list[str]:
    """The navigation's page titles (each link's text ends with its title, after the icon's name)."""
    return [text.strip().splitlines()[-1] for text in page.locator("[data-testid=stSidebarNavLink]").all_inner_texts()]


def test_an_anonymous_visitor_sees_only_the_sign_in_page_on_every_url(auth_server: Server, tab, screenshots) -> None:
    # The first visitor of a fresh server opens a page's URL directly: the gate holds there too.
    for path in ["data", *PAGES, ""]:
        tab.goto(f"{auth_server.url}/{path}")
        settle(tab)
        tab.get_by_role("button", name="Sign in").wait_for()
        shows_no_data(tab)
        assert tab.get_by_role("heading", name="Programme outcomes").is_visible()
    tab.screenshot(path=str(screenshots / "signin-anonymous.png"))


def test_a_user_in_no_role_sees_who_they_are_and_whom_to_ask(
    auth_server: Server, provider: str, tab, screenshots
) -> None:
    sign_in(tab, auth_server, provider, STRANGER["sub"])
    tab.get_by_text("No access yet").wait_for()
    assert tab.get_by_text(STRANGER["email"]).is_visible()
    assert tab.get_by_text("anna.nowak@agency.example").is_visible()
    shows_no_data(tab)
    for path in ("overview", "data"):
        tab.goto(f"{auth_server.url}/{path}")
        settle(tab)
        tab.get_by_text("No access yet").wait_for()
        shows_no_data(tab)
    tab.screenshot(path=str(screenshots / "signin-no-role.png"))
    tab.get_by_role("button", name="Sign out").click()
    tab.wait_for_url(f"{provider}/oauth2/end_session*")  # Streamlit ends the provider's session too
    tab.get_by_role("button", name="End session").click()
    tab.wait_for_url(f"{auth_server.url}/**")
    settle(tab)
    tab.get_by_role("button", name="Sign in").wait_for()
    shows_no_data(tab)


def test_a_funders_viewer_reads_the_public_version_and_cannot_upload(
    auth_server: Server, provider: str, tab, screenshots
) -> None:
    sign_in(tab, auth_server, provider, VIEWER["sub"])
    tab.get_by_role("heading", name="Programme overview").wait_for()
    settle(tab)
    sidebar = tab.locator("[data-testid=stSidebar]")
    assert sidebar.get_by_text(f"Signed in as {VIEWER['email']} (viewer)").is_visible()
    assert sidebar.get_by_text("Public version").is_visible()
    assert sidebar.get_by_text("Public mode").count() == 0, "the public-mode switch must not be offered"
    # Every page but Data (evaluators and managers only), in the dashboard's order.
    assert nav_links(tab) == [vocabulary.text(title, "en") for stem, _, title in ui.PAGES if stem != "data"]
    assert "Transfer planner" in nav_links(tab)
    tab.locator("[data-testid=stMetric]").first.wait_for()  # a viewer sees the figures
    tab.screenshot(path=str(screenshots / "signin-viewer-overview.png"))
    sidebar.get_by_role("button", name="Sign out").scroll_into_view_if_needed()
    sidebar.screenshot(path=str(screenshots / "signin-viewer-sidebar.png"))

    tab.goto(f"{auth_server.url}/clusters")
    settle(tab)
    assert tab.get_by_text("public version", exact=False).count() > 0

    tab.goto(f"{auth_server.url}/data")  # not in a viewer's navigation: no upload anywhere
    settle(tab)
    assert tab.locator("[data-testid=stFileUploader]").count() == 0
    assert tab.get_by_role("heading", name="Data", exact=True).count() == 0

    tab.goto(f"{auth_server.url}/report")
    settle(tab)
    tab.get_by_role("heading", name="Good-practice report and funder deck").wait_for()
    assert tab.get_by_role("button", name="Save").count() == 0
    assert tab.get_by_text("evaluators and managers edit its sections").is_visible()
    tab.screenshot(path=str(screenshots / "signin-viewer-report.png"))


@pytest.fixture
def upload_workbook(tmp_path: Path) -> Path:
    """The sample with the required sheets only."""
    book = load_workbook(db.SAMPLE_WORKBOOK)
    for name in book.sheetnames:
        if name not in REQUIRED_SHEETS:
            del book[name]
    path = tmp_path / "required-only.xlsx"
    book.save(path)
    return path


def test_a_manager_imports_and_the_app_records_who_saved_a_section(
    auth_server: Server, provider: str, tab, upload_workbook: Path, screenshots
) -> None:
    sign_in(tab, auth_server, provider, MANAGER["sub"])
    tab.get_by_role("heading", name="Programme overview").wait_for()
    settle(tab)
    assert (
        tab.locator("[data-testid=stSidebar]")
        .get_by_text("Signed in as anna.nowak@agency.example (manager)")
        .is_visible()
    )
    assert "Data" in nav_links(tab)
    assert len(nav_links(tab)) == len(PAGES)
    tab.get_by_text("Public mode").wait_for()  # a manager chooses public mode

    tab.locator("[data-testid=stSidebarNavLink]", has_text="Data").click()
    tab.get_by_role("heading", name="Data", exact=True).wait_for()
    settle(tab)
    tab.locator("[data-testid=stFileUploaderDropzoneInput]").set_input_files(str(upload_workbook))
    tab.get_by_text("passed every check").wait_for()
    settle(tab)
    tab.locator(".st-key-data_import button").click()
    tab.locator(".st-key-data_new_figures").wait_for()
    settle(tab)
    assert tab.get_by_text(f"Imported {upload_workbook.name}").is_visible()
    tab.screenshot(path=str(screenshots / "signin-manager-import.png"))

    tab.locator("[data-testid=stSidebarNavLink]", has_text="Report").click()
    tab.get_by_role("heading", name="Good-practice report and funder deck").wait_for()
    settle(tab)
    section = tab.locator(".st-key-report_section_about")
    section.locator("textarea").fill("Written by the manager in the browser.")
    section.get_by_role("button", name="Save").click()
    settle(tab)
    tab.locator(".st-key-report_section_about").get_by_text("by anna.nowak@agency.example").wait_for()
    tab.locator(".st-key-report_section_about").scroll_into_view_if_needed()
    tab.screenshot(path=str(screenshots / "signin-manager-saved.png"))


@pytest.mark.parametrize(
    ("case", "roles", "key"),
    [
        ("typo", ROLES_TOML.replace("managers =", "manager ="), "roles.manager"),
        ("unreadable", ROLES_TOML.replace("viewers_public_only = true", 'viewers_public_only = "yes'), None),
    ],
)
def test_malformed_settings_keep_the_dashboard_closed(
    sample_db: Path, provider: str, tmp_path: Path, tab, screenshots, case: str, roles: str, key: str
) -> None:
    served = tmp_path / "store"
    shutil.copytree(sample_db, served)
    secrets = write_secrets(tmp_path, provider, roles=roles)
    server = start_server(served, f"--secrets.files={secrets}")
    try:
        for path in ("", "data"):
            tab.goto(f"{server.url}/{path}")
            settle(tab)
            tab.get_by_text("The dashboard is closed").wait_for()
            assert tab.locator("[data-testid=stAlert] strong").inner_text() == (key or str(secrets))
            assert tab.get_by_role("button", name="Sign in").count() == 0
            shows_no_data(tab)
        tab.screenshot(path=str(screenshots / f"signin-misconfigured-{case}.png"))
    finally:
        stop_server(server)
