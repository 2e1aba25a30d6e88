"""Role resolution (outcomes.access.resolve): lists, domains, case, the e-mail claim, malformed settings."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from outcomes import access, db, vocabulary
from outcomes.access import Role

AUTH = {
    "redirect_uri": "https://dashboard.agency.example/oauth2callback",
    "cookie_secret": "k3J9x-2QmZ8vT1pL0sWc7yRb4nHd6fGa",
    "client_id": "outcomes-dashboard",
    "client_secret": "provider-given-secret",
    "server_metadata_url": "https://login.agency.example/.well-known/openid-configuration",
}
ROLES = {
    "managers": ["Anna.Nowak@Agency.example"],
    "evaluators": ["eval@university.example", "@evaluators.example"],
    "viewers": ["@agency.example", "@funder.example"],
    "viewers_public_only": True,
}
SECRETS = {"auth": AUTH, "roles": ROLES}


def signed_in(email: object, **claims: object) -> dict[str, object]:
    return {"is_logged_in": True, "sub": "123", "email": email, **claims}


def with_change(table: str, key: str, value: object) -> dict[str, object]:
    """SECRETS with one key of one table set (or removed, for value None)."""
    secrets = copy.deepcopy(SECRETS)
    if value is None:
        secrets[table].pop(key, None)
    else:
        secrets[table][key] = value
    return secrets


# --------------------------------------------------------------------------- who gets which role


@pytest.mark.parametrize(
    ("email", "role"),
    [
        ("anna.nowak@agency.example", Role.MANAGER),  # listed as manager, and in a viewer domain: highest wins
        ("ANNA.NOWAK@AGENCY.EXAMPLE", Role.MANAGER),  # case does not matter, on either side
        ("  anna.nowak@agency.example ", Role.MANAGER),
        ("eval@university.example", Role.EVALUATOR),
        ("someone@evaluators.example", Role.EVALUATOR),  # a domain entry in the evaluators' list
        ("clerk@agency.example", Role.VIEWER),
        ("Officer@FUNDER.example", Role.VIEWER),
        ("other@university.example", None),  # only eval@ of that domain is listed
        ("x@sub.agency.example", None),  # a domain entry is that domain only, not its subdomains
        ("x@agency.example.evil.example", None),
        ("agency.example@elsewhere.example", None),
    ],
)
def test_role_from_lists_and_domains(email: str, role: Role | None) -> None:
    decision = access.resolve(SECRETS, signed_in(email))
    assert decision.role == role
    assert decision.state == ("granted" if role else "no_role")
    assert decision.is_open is (role is not None)
    if role is None:
        assert decision.email == email.strip().lower()  # the page says whom they are signed in as


def test_roles_nest() -> None:
    manager = access.resolve(SECRETS, signed_in("anna.nowak@agency.example"))
    evaluator = access.resolve(SECRETS, signed_in("eval@university.example"))
    viewer = access.resolve(SECRETS, signed_in("clerk@agency.example"))
    assert [manager.may(role) for role in Role] == [True, True, True]
    assert [evaluator.may(role) for role in Role] == [True, True, False]
    assert [viewer.may(role) for role in Role] == [True, False, False]


def test_viewers_public_only_applies_to_viewers_only() -> None:
    assert access.resolve(SECRETS, signed_in("clerk@agency.example")).public_only
    assert not access.resolve(SECRETS, signed_in("eval@university.example")).public_only
    assert not access.resolve(SECRETS, signed_in("anna.nowak@agency.example")).public_only
    open_viewers = with_change("roles", "viewers_public_only", False)
    assert not access.resolve(open_viewers, signed_in("clerk@agency.example")).public_only
    assert not access.resolve(
        with_change("roles", "viewers_public_only", None), signed_in("c@agency.example")
    ).public_only


@pytest.mark.parametrize(
    "claims",
    [
        {"is_logged_in": True, "sub": "123"},  # no e-mail claim at all
        signed_in(None),
        signed_in(""),
        signed_in("not-an-address"),
        signed_in(["anna.nowak@agency.example"]),
        signed_in("anna.nowak@agency.example", email_verified=False),  # the provider says: not verified
    ],
)
def test_no_usable_email_claim_means_no_role(claims: dict[str, object]) -> None:
    decision = access.resolve(SECRETS, claims)
    assert decision.state == "no_role"
    assert decision.role is None
    assert decision.email is None
    assert not decision.is_open
    assert not any(decision.may(role) for role in Role)


def test_verified_email_claim_is_used() -> None:
    decision = access.resolve(SECRETS, signed_in("anna.nowak@agency.example", email_verified=True))
    assert decision.role == Role.MANAGER


@pytest.mark.parametrize("claims", [{}, {"is_logged_in": False}, {"email": "anna.nowak@agency.example"}])
def test_not_signed_in_is_closed_even_with_an_email(claims: dict[str, object]) -> None:
    decision = access.resolve(SECRETS, claims)
    assert decision.state == "signed_out"
    assert not decision.is_open
    assert decision.providers == (None,)


def test_whom_to_ask() -> None:
    stranger = signed_in("x@elsewhere.example")
    assert access.resolve(SECRETS, stranger).contacts == ("anna.nowak@agency.example",)
    with_contact = with_change("roles", "contact", "helpdesk@agency.example")
    assert access.resolve(with_contact, stranger).contacts == ("helpdesk@agency.example",)
    domains_only = with_change("roles", "managers", ["@agency.example"])
    assert access.resolve(domains_only, stranger).contacts == ()


def test_local_mode_without_auth_and_roles() -> None:
    decision = access.resolve({"other": {"x": 1}}, {})
    assert decision.state == "local"
    assert decision.is_open
    assert all(decision.may(role) for role in Role)
    assert decision.email is None
    assert not decision.public_only


def test_named_providers() -> None:
    auth = {key: AUTH[key] for key in ("redirect_uri", "cookie_secret")} | {
        "microsoft": {key: AUTH[key] for key in access.PROVIDER_KEYS},
        "google-workspace": {**{key: AUTH[key] for key in access.PROVIDER_KEYS}, "client_kwargs": {"prompt": "login"}},
    }
    decision = access.resolve({"auth": auth, "roles": ROLES}, {})
    assert decision.providers == ("microsoft", "google-workspace")


def test_loopback_provider_may_use_http() -> None:
    secrets = with_change("auth", "server_metadata_url", "http://127.0.0.1:9400/.well-known/openid-configuration")
    assert access.resolve(secrets, {}).state == "signed_out"


# --------------------------------------------------------------------------- malformed settings keep it closed


@pytest.mark.parametrize(
    ("secrets", "key"),
    [
        ({"roles": ROLES}, "auth"),  # roles without sign-in would open everything to everyone
        ({"auth": AUTH}, "roles"),
        ({"auth": "yes", "roles": ROLES}, "auth"),
        ({"auth": AUTH, "roles": ["a@b.example"]}, "roles"),
        (with_change("auth", "redirect_uri", None), "auth.redirect_uri"),
        (with_change("auth", "redirect_uri", "dashboard.agency.example/oauth2callback"), "auth.redirect_uri"),
        (with_change("auth", "redirect_uri", "https://dashboard.agency.example/"), "auth.redirect_uri"),
        (with_change("auth", "cookie_secret", None), "auth.cookie_secret"),
        (with_change("auth", "cookie_secret", "xxx"), "auth.cookie_secret"),
        (with_change("auth", "cookie_secret", "a" * 64), "auth.cookie_secret"),  # long, but not random
        (with_change("auth", "cookie_secret", 12345678901234567890123456789012345), "auth.cookie_secret"),
        (with_change("auth", "client_id", ""), "auth.client_id"),
        (with_change("auth", "client_secret", None), "auth.client_secret"),
        (with_change("auth", "server_metadata_url", "not a url"), "auth.server_metadata_url"),
        (
            with_change("auth", "server_metadata_url", "http://login.agency.example/.well-known/openid-configuration"),
            "auth.server_metadata_url",
        ),
        ({"auth": {k: AUTH[k] for k in ("redirect_uri", "cookie_secret")}, "roles": ROLES}, "auth.client_id"),
        (
            {"auth": {k: AUTH[k] for k in ("redirect_uri", "cookie_secret")} | {"my_idp": dict(AUTH)}, "roles": ROLES},
            "auth.my_idp",
        ),
        (with_change("roles", "manager", ["typo@agency.example"]), "roles.manager"),
        (with_change("roles", "managers", "anna.nowak@agency.example"), "roles.managers"),
        (with_change("roles", "evaluators", ["eval@university.example", "eval"]), "roles.evaluators"),
        (with_change("roles", "viewers", ["agency.example"]), "roles.viewers"),
        (with_change("roles", "viewers", [42]), "roles.viewers"),
        (with_change("roles", "viewers_public_only", "yes"), "roles.viewers_public_only"),
        (with_change("roles", "contact", ""), "roles.contact"),
    ],
)
def test_malformed_settings_keep_it_closed_and_name_the_key(secrets: dict[str, object], key: str) -> None:
    for claims in ({}, signed_in("anna.nowak@agency.example")):
        decision = access.resolve(secrets, claims)
        assert decision.state == "misconfigured"
        assert not decision.is_open
        assert not any(decision.may(role) for role in Role)
        assert decision.fault is not None
        assert decision.fault.key == key
        for lang in vocabulary.LANGUAGES:
            assert decision.fault.problem(lang)


def test_a_fault_never_repeats_a_secret_value() -> None:
    secret = "short-but-secret"
    decision = access.resolve(with_change("auth", "cookie_secret", secret), {})
    assert decision.fault is not None
    assert secret not in str(decision.fault)
    assert all(secret not in decision.fault.problem(lang) for lang in vocabulary.LANGUAGES)


# --------------------------------------------------------------------------- who did what


def test_a_saved_section_records_who_saved_it(fresh_sample_db: Path) -> None:
    db.save_narrative("P", "about", "en", "Our words.", fresh_sample_db, author="eval@university.example")
    db.save_narrative("P", "transfer", "en", "More words.", fresh_sample_db, author="anna.nowak@agency.example")
    db.save_narrative("P", "title", "en", "A title.", fresh_sample_db)  # local mode: nobody signed in
    saved = db.narratives("P", "en", fresh_sample_db)
    assert (saved["about"].text, saved["about"].author) == ("Our words.", "eval@university.example")
    assert saved["transfer"].author == "anna.nowak@agency.example"
    assert saved["title"].author is None


def test_every_access_term_is_in_every_language_and_sign_in_says_so() -> None:
    terms = {key: forms for key, forms in vocabulary.TERMS.items() if key.startswith("access.")}
    assert terms
    assert not {key: gaps for key, gaps in vocabulary.missing_languages().items() if key in terms}
    assert vocabulary.text("access.sign_in", "en") == "Sign in"
    assert vocabulary.text("access.sign_in", "pl").startswith("Zaloguj")
    for role in Role:
        assert all(vocabulary.text(f"access.role.{role.key}", lang) for lang in vocabulary.LANGUAGES)
