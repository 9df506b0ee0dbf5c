"""The editor speaks German throughout (issue 25): site-gen-locale.js completes Decap's "de" phrases.

Runs the file under node against the phrases of the decap-cms-locales package the vendored Decap uses:
no phrase may stay as English as Decap's "en" has it, none may call a record a "Beitrag", and the
strings the issue met ("Keine Beiträge", "Zurück zu allen Unterstützungsprotokoll", "Änderungen
gespeichert" on an empty form) read well.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import REPO

LOCALES = REPO / "node_modules" / "decap-cms-locales" / "dist" / "esm"
SCRIPT = REPO / "site_gen" / "static" / "admin" / "site-gen-locale.js"
SAME_IN_GERMAN = {"%{details}", "%{date}", "＋ %{collectionLabel}", "optional", "Login"}
"""Phrases that are the same in both languages (a placeholder, a word German shares)."""

RUN = """
import de from "%(de)s";
import en from "%(en)s";
import "%(script)s";
const flat = (o, p = "") => Object.entries(o).flatMap(([k, v]) => typeof v === "string" ? [[p + k, v]] : flat(v, p + k + "."));
const german = Object.fromEntries(flat(globalThis.siteGenGerman(de)));
console.log(JSON.stringify({german, english: Object.fromEntries(flat(en))}));
"""


@pytest.fixture(scope="module")
def phrases() -> dict[str, dict[str, str]]:
    node = shutil.which("node")
    if node is None or not LOCALES.is_dir():
        pytest.skip("node oder decap-cms-locales fehlt")
    code = RUN % {"de": LOCALES / "de" / "index.js", "en": LOCALES / "en" / "index.js", "script": SCRIPT}
    out = subprocess.run([node, "--input-type=module", "-e", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out)  # type: ignore[no-any-return]


def test_every_phrase_is_german(phrases: dict[str, dict[str, str]]) -> None:
    german, english = phrases["german"], phrases["english"]
    assert set(english) <= set(german), sorted(set(english) - set(german))
    assert {k: v for k, v in german.items() if v == english.get(k) and v not in SAME_IN_GERMAN} == {}
    assert [v for v in german.values() if "Beitr" in v or "Inhaltstyp" in v] == []


def test_the_phrases_the_issue_met(phrases: dict[str, dict[str, str]]) -> None:
    german = phrases["german"]
    assert german["collection.entries.noEntries"] == "Keine Einträge"
    assert german["editor.editorToolbar.backCollection"] == "Zurück zur Liste „%{collectionLabel}“"
    assert german["editor.editorToolbar.changesSaved"] == "Keine offenen Änderungen"
    assert german["ui.toast.onFailToPersist"] == "Speichern fehlgeschlagen: %{details}"
