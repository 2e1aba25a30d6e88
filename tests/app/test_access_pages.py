"""AppTest of sign-in and roles: every page for every role, with the identity set through `AppTest.user`.

Streamlit 1.67's AppTest sets `st.user` from `at.user` and `st.secrets` from `at.secrets`, so the
app reads the same two inputs it reads in production; nothing of outcomes is patched. A closed
dashboard must show no figure, no name and no download on any URL; the writes (import, saving a
report section) are refused inside their handlers when the role does not allow them, even when
the button is already on the screen.
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from outcomes import db, ui
from outcomes.access import MIN_COOKIE_SECRET_CHARS
from tests.app.screen import open_by_url, unescaped

ROOT = Path(__file__).resolve().parents[2]
DASHBOARD = str(ROOT / "dashboard.py")
PAGES = sorted(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))
PROGRAMME = "FPK-2014"  # the sample's programme_id: its report sections are saved under it
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

MANAGER = "anna.nowak@agency.example"
EVALUATOR = "eval@university.example"
VIEWER = "officer@funder.example"
STRANGER = "someone@elsewhere.example"
AUTH = {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "T7q2-Lm9xZ4vB8nW1cR6yK3pD0sF5hJa",
    "client_id": "outcomes-dashboard",
    "client_secret": "provider-given-secret",
    "server_metadata_url": "https://login.agency.example/.well-known/openid-configuration",
}
ROLES = {
    "managers": [MANAGER],
    "evaluators": [EVALUATOR],
    "viewers": ["@agency.example", "@funder.example"],
    "viewers_public_only": True,
}
# What a page the role may not use is; the Data page needs an evaluator at least.
VIEWER_PAGES = [page for page in PAGES if page != "pages/data.py"]


def open_app(
    user: dict[str, object] | None, roles: dict[str, object] | None = ROLES, page: str | None = None
) -> AppTest:
    """The dashboard with sign-in configured (user None: local mode, no secrets at all)."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    if user is not None:
        at.secrets["auth"] = AUTH
        if roles is not None:
            at.secrets["roles"] = roles
        at.user = user
    if page:
        open_by_url(at, page)
    else:
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def signed_in(email: str) -> dict[str, object]:
    return {"is_logged_in": True, "sub": email.split("@")[0], "email": email, "name": "Test Person"}


def shows_no_data(at: AppTest) -> None:
    """Nothing of the programme: no metric, table, chart, download, filter or page menu."""
    assert not at.metric
    assert not at.dataframe
    assert not at.get("plotly_chart")
    assert not at.get("download_button")
    assert not at.multiselect
    assert not at.sidebar.children
    shown = " ".join(str(e.value) for kind in (at.markdown, at.caption, at.warning, at.info) for e in kind)
    programme = db.run_query("programme").iloc[0]["name"]
    assert programme not in shown
    assert "Illustrative sample data" not in shown


def labels(at: AppTest) -> list[str]:
    return [b.label for b in at.button]


def page_titles(at: AppTest) -> list[str]:
    """The page titles the navigation offers (by the pages that open)."""
    return [str(t.value) for t in at.title]


# ---------------------------------------------------------------- closed: signed out, stranger, misconfigured


def no_page_but_sign_in(at: AppTest) -> None:
    """The navigation registers no page of the dashboard (a browser test opens their URLs too)."""
    for page in PAGES:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(page)


def test_a_visitor_who_is_not_signed_in_sees_only_the_sign_in_page(app_db: Path) -> None:
    at = open_app({"is_logged_in": False})
    shows_no_data(at)
    assert labels(at) == ["Sign in"]
    assert page_titles(at) == ["Programme outcomes"]
    no_page_but_sign_in(at)


def test_the_sign_in_page_speaks_polish(app_db: Path) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["auth"], at.secrets["roles"] = AUTH, ROLES
    at.user = {"is_logged_in": False}
    at.session_state[ui.LANG_KEY] = "pl"
    at.run()
    assert labels(at) == ["Zaloguj się"]


def test_a_claim_of_an_email_without_sign_in_opens_nothing(app_db: Path) -> None:
    at = open_app({"email": MANAGER})  # AppTest's default user shape: an e-mail but no is_logged_in
    shows_no_data(at)
    assert labels(at) == ["Sign in"]


def test_a_signed_in_stranger_sees_who_they_are_and_whom_to_ask(app_db: Path) -> None:
    at = open_app(signed_in(STRANGER))
    shows_no_data(at)
    said = unescaped(at.markdown)
    assert STRANGER in said
    assert MANAGER in said
    assert labels(at) == ["Sign out"]
    no_page_but_sign_in(at)


def test_a_signed_in_user_without_an_email_claim_is_told_why(app_db: Path) -> None:
    at = open_app({"is_logged_in": True, "sub": "abc", "name": "No Mail"})
    shows_no_data(at)
    said = unescaped(at.markdown)
    assert "e-mail" in said
    assert "anna.nowak@agency.example" in said


@pytest.mark.parametrize(
    ("auth_change", "roles", "key"),
    [
        ({}, {**ROLES, "manager": [MANAGER]}, "roles.manager"),
        ({}, {**ROLES, "viewers": "@funder.example"}, "roles.viewers"),
        ({}, None, "roles"),
        ({"cookie_secret": "xxx"}, ROLES, "auth.cookie_secret"),
        (
            {"server_metadata_url": "http://login.agency.example/.well-known/openid-configuration"},
            ROLES,
            "auth.server_metadata_url",
        ),
    ],
)
def test_malformed_settings_keep_the_dashboard_closed_and_name_the_key(
    app_db: Path, auth_change: dict[str, str], roles: dict[str, object] | None, key: str
) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["auth"] = {**AUTH, **auth_change}
    if roles is not None:
        at.secrets["roles"] = roles
    at.user = signed_in(MANAGER)  # even a manager sees nothing
    at.run()
    assert not at.exception
    shows_no_data(at)
    assert len(at.error) == 1
    assert f"**{key}" in unescaped(at.error)
    assert "xxx" not in at.error[0].value  # a secret's value is never shown
    if key == "auth.cookie_secret":
        assert str(MIN_COOKIE_SECRET_CHARS) in at.error[0].value
    no_page_but_sign_in(at)


def test_roles_without_sign_in_do_not_open_the_dashboard(app_db: Path) -> None:
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["roles"] = ROLES
    at.run()
    shows_no_data(at)
    assert "**auth**" in at.error[0].value


# --------------------------------------------------------------------------- open: local mode and each role


def test_local_mode_has_every_page_and_says_there_is_no_sign_in(app_db: Path) -> None:
    at = open_app(None)
    assert "Local mode: no sign-in" in unescaped(at.sidebar.caption)
    assert [t.label for t in at.sidebar.toggle] == ["Public mode"]
    at.switch_page("pages/data.py").run()
    assert at.file_uploader, "local mode may import"


@pytest.mark.parametrize("page", VIEWER_PAGES)
def test_a_public_only_viewer_reads_every_page_in_public_mode_without_the_switch(app_db: Path, page: str) -> None:
    at = open_app(signed_in(VIEWER), page=page)
    assert at.title
    assert not at.sidebar.toggle, "the public-mode switch must not be offered"
    assert at.session_state[ui.PUBLIC_KEY] is True
    sidebar = unescaped(at.sidebar.caption)
    assert f"Signed in as {VIEWER} (viewer)" in sidebar
    assert "Sign out" in [b.label for b in at.sidebar.button]
    assert not at.file_uploader
    assert not [b for b in at.button if b.label in ("Save", "Restore the draft")]


def test_a_viewer_cannot_reach_the_data_page(app_db: Path) -> None:
    at = open_app(signed_in(VIEWER))
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/data.py")


def test_a_viewer_sees_firm_names_only_as_pseudonyms(app_db: Path) -> None:
    at = open_app(signed_in(VIEWER), page="pages/clusters.py")
    firms = set(db.run_query("organisation_names")["org_name"])
    shown = {str(v) for frame in at.dataframe for column in frame.value.columns for v in frame.value[column]}
    assert firms, "the sample names firms"
    assert not firms & shown


def test_a_viewer_without_public_only_may_switch(app_db: Path) -> None:
    at = open_app(signed_in(VIEWER), roles={**ROLES, "viewers_public_only": False})
    assert [t.label for t in at.sidebar.toggle] == ["Public mode"]
    assert at.session_state[ui.PUBLIC_KEY] is False


@pytest.mark.parametrize("page", PAGES)
def test_an_evaluator_reads_every_page_and_imports_nothing(app_db: Path, page: str) -> None:
    at = open_app(signed_in(EVALUATOR), page=page)
    assert at.title
    assert not at.file_uploader
    if page == "pages/data.py":
        assert "Only managers load workbooks" in unescaped(at.info)
    if page == "pages/report.py":
        assert "Save" in labels(at)


@pytest.mark.parametrize("page", PAGES)
def test_a_manager_has_every_page(app_db: Path, page: str) -> None:
    at = open_app(signed_in(MANAGER), page=page)
    assert at.title
    assert f"Signed in as {MANAGER} (manager)" in unescaped(at.sidebar.caption)
    if page == "pages/data.py":
        assert at.file_uploader


# --------------------------------------------------------------------------- writes: checked in the handler, recorded


def test_an_evaluator_saves_a_section_and_the_page_says_who(app_db: Path) -> None:
    at = open_app(signed_in(EVALUATOR), page="pages/report.py")
    at.text_area[1].input("Our evaluation, in our own words.").run()
    at.button(key="save_en_about").click().run()
    saved = db.narratives(PROGRAMME, "en", app_db)
    assert saved["about"].author == EVALUATOR
    assert f"by {EVALUATOR}" in unescaped(at.caption)


def test_a_save_is_refused_when_the_role_is_gone(app_db: Path) -> None:
    """The Save button is on screen for an evaluator; their role is withdrawn; the click saves nothing."""
    at = open_app(signed_in(EVALUATOR), page="pages/report.py")
    at.text_area[1].input("Words that must not be saved.").run()
    at.secrets["roles"] = {**ROLES, "evaluators": []}  # withdrawn in secrets.toml; now not in any list
    at.user = signed_in("eval@funder.example")  # and a viewer in the same browser session
    at.button(key="save_en_about").click().run()
    assert not db.narratives(PROGRAMME, "en", app_db)
    assert "needs the evaluator role" in unescaped(at.error)


def test_an_import_is_refused_when_the_manager_role_is_gone(app_db: Path, tmp_path: Path) -> None:
    at = open_app(signed_in(MANAGER), page="pages/data.py")
    before = db.dataset(app_db)
    at.file_uploader[0].set_value([("sample.xlsx", db.SAMPLE_WORKBOOK.read_bytes(), XLSX)]).run()
    assert [b for b in at.button if b.key == "data_import"]
    demoted = copy.deepcopy(ROLES)
    demoted["managers"], demoted["evaluators"] = [], [MANAGER]
    at.secrets["roles"] = demoted
    at.button(key="data_import").click().run()
    assert "needs the manager role" in unescaped(at.error)
    assert db.dataset(app_db)["imported_at"] == before["imported_at"], "nothing may be imported"


def test_a_refusal_reads_in_the_sessions_language(app_db: Path) -> None:
    """The same withdrawn role as above, in a Polish session: the refusal is one Polish sentence."""
    at = AppTest.from_file(DASHBOARD, default_timeout=60)
    at.secrets["auth"], at.secrets["roles"], at.user = AUTH, ROLES, signed_in(EVALUATOR)
    at.query_params["lang"] = "pl"
    at.run()
    at.switch_page("pages/report.py").run()
    at.text_area[1].input("Słowa, których nie wolno zapisać.").run()
    at.secrets["roles"] = {**ROLES, "evaluators": []}
    at.user = signed_in("eval@funder.example")
    at.button(key="save_pl_about").click().run()
    assert not db.narratives(PROGRAMME, "pl", app_db)
    assert "Nie wykonano: to wymaga roli „ewaluator”." in unescaped(at.error)
    assert "needs the" not in unescaped(at.error)


def test_a_manager_imports(app_db: Path) -> None:
    at = open_app(signed_in(MANAGER), page="pages/data.py")
    before = db.dataset(app_db)
    at.file_uploader[0].set_value([("sample.xlsx", db.SAMPLE_WORKBOOK.read_bytes(), XLSX)]).run()
    at.button(key="data_import").click().run()
    assert not at.exception
    assert any("Imported" in s.value for s in at.success)
    assert db.dataset(app_db)["imported_at"] > before["imported_at"]
