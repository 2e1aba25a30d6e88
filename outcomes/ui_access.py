"""Streamlit glue of sign-in and roles: the gate before the frame, the sign-in page, the guard of writes.

The decision itself is `outcomes.access.resolve`, pure; here it gets its inputs (`st.secrets`,
`st.user`) and its outputs are drawn. The role is resolved again on every script run and inside
every write, so a change to `[roles]` takes effect on the visitor's next click.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import streamlit as st

from outcomes import access, ui
from outcomes.access import Access, Role


def _secrets() -> dict[str, object]:
    """The parsed secrets; empty when there is no secrets file. A file that does not parse raises ConfigError."""
    try:
        return st.secrets.to_dict()
    except FileNotFoundError as error:  # Streamlit's "no secrets" and "cannot parse secrets" alike
        unreadable = [path for path in st.get_option("secrets.files") if Path(path).is_file()]
        if unreadable:
            raise access.ConfigError(unreadable[0], "unreadable", error=str(error).rpartition(": ")[2]) from None
        return {}


def current() -> Access:
    """What the visitor of this script run may do (read afresh: secrets and identity may have changed)."""
    try:
        secrets = _secrets()
    except access.ConfigError as error:
        return Access("misconfigured", fault=error)
    return access.resolve(secrets, st.user.to_dict())


def require_role(role: Role) -> Access:
    """Call first in every write's handler: the visitor's access when they hold `role`.

    Raises access.NotPermittedError, whose `.text(lang)` the page may show.
    Hiding a button is not enough: a handler runs for whatever the browser sends.
    """
    user = current()
    if not user.may(role):
        raise access.NotPermittedError(role)
    return user


def gate(url_paths: Iterable[str]) -> Access:
    """Let the visitor into the frame, or show only the sign-in page and stop the run.

    Called by dashboard.py before anything reads data, with the url paths of its pages. A closed
    dashboard registers a navigation in which each of those paths shows the sign-in page, so
    no page can be opened by its URL around the gate and a shared link lands on the sign-in page.
    A viewer limited to the public version gets public mode, set on every run.
    """
    user = current()
    st.session_state[ui.PUBLIC_ONLY_KEY] = user.public_only
    if not user.is_open:
        title = ui.t("access.sign_in_title")
        closed = [st.Page(_closed_page, title=title, default=True)]
        closed += [st.Page(_closed_page, title=title, url_path=path) for path in url_paths]
        st.navigation(closed, position="hidden").run()
        st.stop()
    if user.public_only:
        st.session_state[ui.PUBLIC_KEY] = True
    return user


def _closed_page() -> None:
    """The only page of a closed dashboard: why it is closed and how to get in; no data."""
    user = current()
    if user.state == "misconfigured" and user.fault is not None:
        st.title(ui.t("access.closed_title"))
        st.error(
            ui.t("access.misconfigured", setting=user.fault.key, problem=user.fault.problem(ui.lang())),
            icon=":material/lock:",
        )
        return
    if user.state == "no_role":
        st.title(ui.t("access.no_role_title"))
        if user.email:
            st.markdown(ui.t("access.no_role_text", email=user.email))
        else:
            st.markdown(ui.t("access.no_email_text"))
        contacts = ", ".join(user.contacts)
        st.markdown(ui.t("access.ask", contacts=contacts) if contacts else ui.t("access.ask_admin"))
        if st.button(ui.t("access.sign_out"), key="access_sign_out", icon=":material/logout:"):
            st.logout()
        return
    st.title(ui.t("access.sign_in_title"))
    st.markdown(ui.t("access.sign_in_text"))
    for provider in user.providers:
        label = ui.t("access.sign_in") if provider is None else ui.t("access.sign_in_with", provider=provider)
        if st.button(label, key=f"access_sign_in_{provider or 'default'}", type="primary", icon=":material/login:"):
            st.login(provider)


def sidebar(user: Access) -> None:
    """The account line in the sidebar: who is signed in and a sign-out button, or the local-mode note."""
    if user.state == "local":
        st.caption(f":material/lock_open: {ui.t('access.local_note')}")
        return
    role = ui.t(f"access.role.{user.role.key}") if user.role else ""
    st.caption(ui.t("access.signed_in_as", email=user.email, role=role))
    if user.public_only:
        st.caption(f":orange[{ui.t('access.public_only_note')}]")
    if st.button(ui.t("access.sign_out"), key="access_sign_out", icon=":material/logout:"):
        st.logout()
