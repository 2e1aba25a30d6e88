"""Terms of sign-in and roles: the sign-in page, the sidebar's account line, refusals, setting problems."""

TERMS = {
    # roles
    "access.role.manager": {"en": "manager", "pl": "menedżer"},
    "access.role.evaluator": {"en": "evaluator", "pl": "ewaluator"},
    "access.role.viewer": {"en": "viewer", "pl": "czytelnik"},
    # the sign-in page
    "access.sign_in_title": {"en": "Programme outcomes", "pl": "Rezultaty programu"},
    "access.sign_in_text": {
        "en": "This dashboard holds the programme's data. Sign in with your organisation's account to see it.",
        "pl": "Ten panel zawiera dane programu. Zaloguj się kontem swojej organizacji, aby je zobaczyć.",
    },
    "access.sign_in": {"en": "Sign in", "pl": "Zaloguj się"},
    "access.sign_in_with": {"en": "Sign in with {provider}", "pl": "Zaloguj się przez {provider}"},
    "access.no_role_title": {"en": "No access yet", "pl": "Brak dostępu"},
    "access.no_role_text": {
        "en": "You are signed in as **{email}**, but this address has no role in the dashboard, "
        "so it shows you no data.",
        "pl": "Zalogowano jako **{email}**, ale ten adres nie ma roli w panelu, dlatego panel nie pokazuje danych.",
    },
    "access.no_email_text": {
        "en": "You are signed in, but your account did not give the dashboard a verified e-mail address, "
        "and roles are given by e-mail address, so it shows you no data.",
        "pl": "Zalogowano, ale konto nie przekazało panelowi potwierdzonego adresu e-mail, a role są "
        "przydzielane według adresu, dlatego panel nie pokazuje danych.",
    },
    "access.ask": {
        "en": "To get access, ask: {contacts}.",
        "pl": "Aby uzyskać dostęp, napisz do: {contacts}.",
    },
    "access.ask_admin": {
        "en": "To get access, ask whoever runs this dashboard in your organisation.",
        "pl": "Aby uzyskać dostęp, zwróć się do osoby, która prowadzi ten panel w Twojej organizacji.",
    },
    "access.sign_out": {"en": "Sign out", "pl": "Wyloguj się"},
    "access.closed_title": {"en": "The dashboard is closed", "pl": "Panel jest zamknięty"},
    "access.misconfigured": {
        "en": "Sign-in is not set up correctly, so the dashboard stays closed. In `.streamlit/secrets.toml`, "
        "**{setting}**: {problem}",
        "pl": "Logowanie nie jest poprawnie skonfigurowane, więc panel pozostaje zamknięty. "
        "W `.streamlit/secrets.toml`, **{setting}**: {problem}",
    },
    # the sidebar
    "access.signed_in_as": {"en": "Signed in as {email} ({role})", "pl": "Zalogowano jako {email} ({role})"},
    "access.local_note": {
        "en": "Local mode: no sign-in. Whoever opens this address may do everything.",
        "pl": "Tryb lokalny: bez logowania. Każdy, kto otworzy ten adres, może zrobić wszystko.",
    },
    "access.public_only_note": {
        "en": "Public version: firm names are pseudonyms and small counts are hidden.",
        "pl": "Wersja publiczna: nazwy firm są pseudonimami, a małe liczby są ukryte.",
    },
    # refusals and who did what
    "access.not_permitted": {
        "en": "Not done: this needs the {role} role.",
        "pl": "Nie wykonano: to wymaga roli „{role}”.",
    },
    "access.import_managers_only": {
        "en": "Only managers load workbooks. You can read the import log, the data-quality rules and the template.",
        "pl": "Skoroszyty wczytują tylko menedżerowie. Możesz przeglądać dziennik importu, reguły jakości danych "
        "i szablon.",
    },
    "access.saved_by": {"en": "saved {when} by {who}", "pl": "zapisano {when}, {who}"},
    "access.nobody": {"en": "local mode, no sign-in", "pl": "tryb lokalny, bez logowania"},
    "access.read_only": {
        "en": "You can read the report and download it; evaluators and managers edit its sections.",
        "pl": "Możesz czytać i pobrać raport; sekcje edytują ewaluatorzy i menedżerowie.",
    },
    # what is wrong in secrets.toml (access.ConfigError codes)
    "access.problem.roles_without_auth": {
        "en": "[roles] is set but [auth] is missing, so nobody could sign in.",
        "pl": "jest [roles], ale brak [auth], więc nikt nie mógłby się zalogować.",
    },
    "access.problem.auth_without_roles": {
        "en": "sign-in is on but [roles] is missing, so nobody would have a role.",
        "pl": "logowanie jest włączone, ale brak [roles], więc nikt nie miałby roli.",
    },
    "access.problem.not_table": {"en": "must be a table.", "pl": "musi być tabelą."},
    "access.problem.redirect_uri": {
        "en": "must be the app's absolute address ending in /oauth2callback.",
        "pl": "musi być pełnym adresem aplikacji zakończonym na /oauth2callback.",
    },
    "access.problem.cookie_secret": {
        "en": "must be a long random string (at least {min} characters).",
        "pl": "musi być długim losowym ciągiem znaków (co najmniej {min}).",
    },
    "access.problem.provider_name": {
        "en": "a provider's name may hold letters, digits and hyphens only.",
        "pl": "nazwa dostawcy może zawierać tylko litery, cyfry i łączniki.",
    },
    "access.problem.no_provider": {
        "en": "no identity provider: set client_id, client_secret and server_metadata_url.",
        "pl": "brak dostawcy tożsamości: ustaw client_id, client_secret i server_metadata_url.",
    },
    "access.problem.missing": {
        "en": "must be set (the identity provider gives it when the app is registered).",
        "pl": "musi być ustawione (dostawca tożsamości podaje je przy rejestracji aplikacji).",
    },
    "access.problem.metadata_url": {
        "en": "must be the identity provider's absolute discovery address (…/.well-known/openid-configuration).",
        "pl": "musi być pełnym adresem konfiguracji dostawcy tożsamości (…/.well-known/openid-configuration).",
    },
    "access.problem.metadata_https": {
        "en": "must use https (plain http only for a provider on this machine).",
        "pl": "musi używać https (zwykłe http tylko dla dostawcy na tym komputerze).",
    },
    "access.problem.unknown_key": {
        "en": "unknown key; [roles] takes {keys}.",
        "pl": "nieznany klucz; [roles] przyjmuje {keys}.",
    },
    "access.problem.not_list": {
        "en": 'must be a list, e.g. ["name@agency.example", "@agency.example"].',
        "pl": 'musi być listą, np. ["imie@agencja.example", "@agencja.example"].',
    },
    "access.problem.bad_entry": {
        "en": "entry {number} is neither an e-mail address nor an @domain.",
        "pl": "pozycja {number} nie jest ani adresem e-mail, ani @domeną.",
    },
    "access.problem.not_bool": {"en": "must be true or false.", "pl": "musi mieć wartość true albo false."},
    "access.problem.contact": {
        "en": "must be a non-empty text: whom visitors without a role should ask.",
        "pl": "musi być niepustym tekstem: do kogo mają się zwracać osoby bez roli.",
    },
    "access.problem.unreadable": {
        "en": "the file cannot be read as TOML ({error}).",
        "pl": "pliku nie da się odczytać jako TOML ({error}).",
    },
}
