"""Who may do what: sign-in settings and roles from secrets.toml, resolved for one user.

Pure: no Streamlit. `resolve(secrets, claims)` takes the parsed secrets (`[auth]`, `[roles]`)
and the identity claims of the visitor (what `st.user` holds) and returns an `Access`: local
mode, signed out, signed in without a role, signed in with a role, or misconfigured. Every page
and every write asks that one answer.

Roles nest: a manager may do everything an evaluator may, an evaluator everything a viewer may.
E-mail addresses compare case-insensitively; an entry starting with "@" stands for every address
of exactly that domain (not its subdomains). Anything malformed keeps the dashboard closed and
names the key at fault; a secret's value is never repeated in a message.
"""

from __future__ import annotations

import enum
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal
from urllib.parse import urlparse

from outcomes import vocabulary

MIN_COOKIE_SECRET_CHARS = 32
ROLE_LISTS = ("managers", "evaluators", "viewers")
ROLE_KEYS = frozenset({*ROLE_LISTS, "viewers_public_only", "contact"})
# Settings a provider needs (Streamlit reads them from [auth] itself, or from a named [auth.NAME]).
PROVIDER_KEYS = ("client_id", "client_secret", "server_metadata_url")
# A pragmatic address check: one "@", no spaces, a dot in the domain. The provider owns the address.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DOMAIN = re.compile(r"^@[^@\s]+\.[^@\s]+$")
_PROVIDER_NAME = re.compile(r"^[A-Za-z0-9-]+$")  # Streamlit cannot use an underscore in a provider's name


class Role(enum.IntEnum):
    """A role; a higher role includes every right of the lower ones."""

    VIEWER = 1
    EVALUATOR = 2
    MANAGER = 3

    @property
    def key(self) -> str:
        """The role's name in the vocabulary (access.role.<name>)."""
        return self.name.lower()


State = Literal["local", "signed_out", "no_role", "granted", "misconfigured"]


class ConfigError(ValueError):
    """A malformed sign-in or role setting.

    `key` is where it is in secrets.toml (e.g. roles.managers); `code` and `params` word the problem
    through the vocabulary (access.problem.<code>), so the page can say it in the reader's language.
    """

    def __init__(self, key: str, code: str, **params: object) -> None:
        self.key, self.code, self.params = key, code, params
        super().__init__(f"{key}: {self.problem('en')}")

    def problem(self, lang: str) -> str:
        """What is wrong, in `lang`."""
        return vocabulary.text(f"access.problem.{self.code}", lang, **self.params)


class NotPermittedError(vocabulary.MessageError, PermissionError):
    """A write was asked for by someone whose role does not allow it; `.text(lang)` says so in `lang`."""

    def __init__(self, role: Role, /) -> None:
        self.role = role
        super().__init__("access.not_permitted", role=vocabulary.Message(f"access.role.{role.key}"))

    def __reduce__(self) -> tuple:
        return (type(self), (self.role,))


@dataclass(frozen=True)
class Roles:
    """The `[roles]` table, normalised: lower-case entries, domains kept with their leading "@"."""

    managers: tuple[str, ...] = ()
    evaluators: tuple[str, ...] = ()
    viewers: tuple[str, ...] = ()
    viewers_public_only: bool = False
    contact: str | None = None

    def role_of(self, email: str) -> Role | None:
        """The highest role whose list names this address or its domain (the address is normalised)."""
        address = email.strip().lower()
        domain = "@" + address.rpartition("@")[2]
        for role, entries in ((Role.MANAGER, self.managers), (Role.EVALUATOR, self.evaluators)):
            if address in entries or domain in entries:
                return role
        return Role.VIEWER if address in self.viewers or domain in self.viewers else None

    def contacts(self) -> tuple[str, ...]:
        """Whom a signed-in visitor without a role should ask: `contact`, else the managers' addresses."""
        if self.contact:
            return (self.contact,)
        return tuple(entry for entry in self.managers if not entry.startswith("@"))


@dataclass(frozen=True)
class Access:
    """What the visitor of one script run may do, and why."""

    state: State
    role: Role | None = None
    email: str | None = None
    public_only: bool = False
    providers: tuple[str | None, ...] = ()  # what to pass to st.login: None for [auth] itself
    contacts: tuple[str, ...] = ()
    fault: ConfigError | None = None

    @property
    def is_open(self) -> bool:
        """Whether the dashboard may show programme data to this visitor at all."""
        return self.state in ("local", "granted")

    def may(self, role: Role) -> bool:
        """Whether the visitor holds `role` or a higher one."""
        return self.is_open and self.role is not None and self.role >= role


def resolve(secrets: Mapping[str, object], claims: Mapping[str, object]) -> Access:
    """The visitor's access, from the secrets (`auth`, `roles`) and the identity claims (`st.user`).

    - no `[auth]` and no `[roles]`: local mode, every role, nobody signed in;
    - a malformed `[auth]` or `[roles]` (or `[roles]` without `[auth]`): misconfigured, closed;
    - `is_logged_in` not true: signed out; signed in without a usable e-mail claim, or with an
      address no list names: no role; otherwise granted, with the highest role that names it.
    A provider's explicit `email_verified: false` makes the address unusable: an unverified
    address must not open an agency's domain to whoever typed it.
    """
    try:
        auth, roles = secrets.get("auth"), secrets.get("roles")
        if auth is None and roles is None:
            return Access("local", role=Role.MANAGER)
        if auth is None:
            raise ConfigError("auth", "roles_without_auth")
        providers = parse_auth(auth)
        if roles is None:
            raise ConfigError("roles", "auth_without_roles")
        parsed = parse_roles(roles)
    except ConfigError as error:
        return Access("misconfigured", fault=error)
    if claims.get("is_logged_in") is not True:
        return Access("signed_out", providers=providers)
    email = _email_claim(claims)
    role = parsed.role_of(email) if email else None
    if role is None:
        return Access("no_role", email=email, providers=providers, contacts=parsed.contacts())
    return Access(
        "granted",
        role=role,
        email=email,
        public_only=role == Role.VIEWER and parsed.viewers_public_only,
        providers=providers,
    )


def _email_claim(claims: Mapping[str, object]) -> str | None:
    email = claims.get("email")
    if not isinstance(email, str) or not _EMAIL.match(email.strip()) or claims.get("email_verified") is False:
        return None
    return email.strip().lower()


def parse_auth(auth: object) -> tuple[str | None, ...]:
    """Check `[auth]` as Streamlit's st.login reads it; return the providers (None: [auth] itself).

    Raises ConfigError naming the first key at fault.
    """
    if not isinstance(auth, Mapping):
        raise ConfigError("auth", "not_table")
    redirect = auth.get("redirect_uri")
    if not isinstance(redirect, str) or not _is_url(redirect) or not redirect.endswith("/oauth2callback"):
        raise ConfigError("auth.redirect_uri", "redirect_uri")
    secret = auth.get("cookie_secret")
    if not isinstance(secret, str) or len(secret) < MIN_COOKIE_SECRET_CHARS or len(set(secret)) < 8:
        raise ConfigError("auth.cookie_secret", "cookie_secret", min=MIN_COOKIE_SECRET_CHARS)
    named = {name: table for name, table in auth.items() if isinstance(table, Mapping) and name != "client_kwargs"}
    providers: list[str | None] = []
    if any(key in auth for key in PROVIDER_KEYS):
        _check_provider(auth, "auth")
        providers.append(None)
    for name, table in named.items():
        if not _PROVIDER_NAME.match(name):
            raise ConfigError(f"auth.{name}", "provider_name")
        _check_provider(table, f"auth.{name}")
        providers.append(name)
    if not providers:
        raise ConfigError("auth.client_id", "no_provider")
    return tuple(providers)


def _check_provider(table: Mapping[str, object], where: str) -> None:
    for key in ("client_id", "client_secret"):
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            raise ConfigError(f"{where}.{key}", "missing")
    metadata = table.get("server_metadata_url")
    if not isinstance(metadata, str) or not _is_url(metadata):
        raise ConfigError(f"{where}.server_metadata_url", "metadata_url")
    if urlparse(metadata).scheme != "https" and not _is_loopback(urlparse(metadata).hostname):
        raise ConfigError(f"{where}.server_metadata_url", "metadata_https")


def parse_roles(roles: object) -> Roles:
    """Check and normalise `[roles]`; raises ConfigError naming the first key at fault."""
    if not isinstance(roles, Mapping):
        raise ConfigError("roles", "not_table")
    unknown = sorted(set(roles) - ROLE_KEYS)
    if unknown:
        raise ConfigError(f"roles.{unknown[0]}", "unknown_key", keys=", ".join(sorted(ROLE_KEYS)))
    lists: dict[str, tuple[str, ...]] = {}
    for name in ROLE_LISTS:
        entries = roles.get(name, [])
        if not isinstance(entries, list | tuple):
            raise ConfigError(f"roles.{name}", "not_list")
        normalised = []
        for number, entry in enumerate(entries, start=1):
            value = entry.strip().lower() if isinstance(entry, str) else None
            if value is None or not (_EMAIL.match(value) or _DOMAIN.match(value)):
                raise ConfigError(f"roles.{name}", "bad_entry", number=number)
            normalised.append(value)
        lists[name] = tuple(normalised)
    public_only = roles.get("viewers_public_only", False)
    if not isinstance(public_only, bool):
        raise ConfigError("roles.viewers_public_only", "not_bool")
    contact = roles.get("contact")
    if contact is not None and (not isinstance(contact, str) or not contact.strip()):
        raise ConfigError("roles.contact", "contact")
    return Roles(**lists, viewers_public_only=public_only, contact=contact.strip() if contact else None)


def _is_url(value: str) -> bool:
    parsed = urlparse(value)
    return parsed.scheme in ("http", "https") and bool(parsed.hostname)


def _is_loopback(host: str | None) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host or "").is_loopback
    except ValueError:
        return False
