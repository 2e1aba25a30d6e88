"""Public mode in free text (issue 12, item 5): organisation and cluster names found loosely and replaced.

Unit tests pin each kind of looseness; a seeded property test writes many names in many disguises
and checks that no disguise survives while ordinary words around them do.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pandas as pd
import pytest

from outcomes import db, public
from outcomes.outputs import drafts
from outcomes.outputs import markdown as md_writer
from outcomes.outputs import word as word_writer
from outcomes.outputs.facts import gather

KEY = b"test-key"


def pseudonyms(orgs: list[tuple[str, str]], clusters: list[tuple[str, str]] = ()) -> public.Pseudonyms:
    return public.Pseudonyms.build(
        pd.DataFrame(orgs, columns=["org_id", "org_name"]),
        KEY,
        pd.DataFrame(list(clusters), columns=["cluster_id", "cluster_name"]),
    )


NAMES = pseudonyms(
    [
        ("O1", "Riverbend University (sample)"),
        ("O2", "Łódzkie Zakłady Śrubowe S.A."),
        ("O3", "Mockup-Plast Sp. z o.o. (sample)"),
        ("O4", "Alfa"),
        ("O5", "Alfa Sp. z o.o."),
        ("O6", "Beta Ltd"),
        ("O7", "Beta GmbH"),
    ],
    [("C1", "Vistula Plastics Cluster (sample)")],
)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Riverbend University (sample) led it.", "O1"),
        ("Riverbend University led it.", "O1"),  # without the " (sample)" suffix
        ("riverbend university led it.", "O1"),  # lower case
        ("RIVERBEND-UNIVERSITY led it.", "O1"),  # a hyphen for the space
        ("Lodzkie Zaklady Srubowe led it.", "O2"),  # without diacritics
        ("Łódzkie Zakłady Śrubowe S. A. led it.", "O2"),  # legal form spaced differently
        ("Łódzkie Zakłady Śrubowe led it.", "O2"),  # without the legal form
        ("MOCKUP PLAST sp. z o. o. led it.", "O3"),
        ("Mockup-Plast led it.", "O3"),
    ],
)
def test_a_name_is_found_however_it_is_written(text: str, org: str) -> None:
    scrubbed = NAMES.scrub(text)
    assert scrubbed.startswith(NAMES.by_id[org])
    assert scrubbed.endswith(" led it.")


def test_whole_words_only_and_the_longest_name_first() -> None:
    text = "Alfabet is a word; Alfa Sp. z o.o. and Alfa met."
    assert NAMES.scrub(text) == f"Alfabet is a word; {NAMES.by_id['O5']} and {NAMES.by_id['O4']} met."


def test_a_short_name_two_firms_share_is_withheld() -> None:
    # "Beta" is both Beta Ltd and Beta GmbH: which firm is meant is unknown, so neither pseudonym is given
    assert NAMES.scrub("We met Beta in Berlin.") == f"We met {public.WITHHELD} in Berlin."
    assert NAMES.scrub("We met Beta GmbH.") == f"We met {NAMES.by_id['O7']}."


def test_cluster_names_are_replaced_too() -> None:
    scrubbed = NAMES.scrub("The vistula plastics cluster grew.")
    assert "istula" not in scrubbed
    assert scrubbed.startswith(f"The {public.CLUSTER_PREFIX} ")


def test_text_without_names_is_unchanged() -> None:
    text = "Twenty-nine clusters, 14 implementation grants – ąęłńóśźż; sp. z o.o. alone is no name."
    assert NAMES.scrub(text) == text
    assert public.scrub_names(text, {}) == text


def test_a_name_left_without_enough_letters_is_not_looked_for_alone() -> None:
    variants = public.name_variants("AB Sp. z o.o.")
    assert variants == {"ab sp.z o.o."}  # "ab" alone would hit every "AB" in a text


def _disguise(rng: random.Random, name: str) -> str:
    """The name as someone might type it: case, diacritics, the suffix and the legal form may go."""
    text = name
    if rng.random() < 0.5:
        text = text.replace(" (sample)", "")
    if rng.random() < 0.5:
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
        text = text.replace("ł", "l").replace("Ł", "L")
    text = rng.choice([str.lower, str.upper, str.title, lambda s: s])(text)
    if rng.random() < 0.3:
        text = text.replace(" ", "  ")
    return text


def test_property_no_disguised_name_survives() -> None:
    rng = random.Random(20261201)
    stems = ["Żuraw", "Kłos", "Nordic", "Wiśnia", "Granit", "Łabędź", "Sokół", "Amber", "Mazur", "Orzeł"]
    forms = ["", " Sp. z o.o.", " S.A.", " Ltd", " GmbH", " sp.j."]
    organisations = []
    for index in range(60):
        name = f"{rng.choice(stems)} {rng.choice(stems)}-{index}{rng.choice(forms)}"
        organisations.append((f"O{index}", name + (" (sample)" if rng.random() < 0.5 else "")))
    names = pseudonyms(organisations)
    for _ in range(200):
        org_id, name = rng.choice(organisations)
        disguised = _disguise(rng, name)
        scrubbed = names.scrub(f"Before, {disguised}, after.")
        assert scrubbed.startswith("Before, ")
        assert scrubbed.endswith(", after.") or scrubbed.endswith(" after.")
        number = name.split("-")[1].split(" ")[0]
        assert f"-{number}" not in scrubbed, (disguised, scrubbed)
        assert names.by_id[org_id] in scrubbed


def test_public_report_scrubs_loosely_written_names_everywhere(fresh_sample_db: Path) -> None:
    """An evaluator's text names a firm without its suffix and in lower case: the public Markdown
    and Word show the pseudonym, not the name."""
    import io

    from docx import Document

    path = fresh_sample_db
    orgs = db.run_query("organisation_names", path)
    clusters = db.run_query("cluster_names", path)
    firm = next(n for n in orgs["org_name"] if n.endswith(" (sample)") and "Sp. z o.o." in n)
    cluster = clusters["cluster_name"].iloc[0]
    loose_firm = firm.replace(" (sample)", "").replace(" Sp. z o.o.", "").lower()
    loose_cluster = cluster.replace(" (sample)", "").upper()
    facts = gather(db_path=path, public_mode=True)
    programme = drafts.programme_key(facts)
    db.save_narrative(programme, "evidence", "en", f"{loose_firm} and the {loose_cluster} did well.", path)
    built = drafts.build(facts, "en", db.narratives(programme, "en", path))
    markdown = md_writer.to_markdown(built).decode("utf-8")
    document = Document(io.BytesIO(word_writer.to_docx(built)))
    word = "\n".join(p.text for p in document.paragraphs)
    for output in (markdown, word, built.section("evidence").text):
        assert loose_firm not in output.lower()
        assert loose_cluster.lower() not in output.lower()
        assert "did well" in output
