"""Settings of the easy-language check (``schema/easy-language.yaml``).

The records repository's own file wins; without one the tool's copy is used
(package data, so the pre-commit hook and the command line agree).
The file is read through :mod:`site_gen.load` and validated like a record, so
a broken setting is a finding with a line, never a traceback.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from pathlib import Path

from pydantic import Field

from ..findings import Finding, Severity
from ..load import read_yaml
from ..models.common import Bool, Int, Part, field
from ..validate import validate

CONFIG_FILE = "schema/easy-language.yaml"
TOOL_CONFIG = Path(__file__).resolve().parents[1] / "data" / "easy-language.yaml"


class Separator(str, Enum):
    MEDIOPUNKT = "mediopunkt"
    HYPHEN = "bindestrich"


class Rule(Part):
    enabled: Bool = field("Aktiv", "Ob die Regel geprüft wird.", default=True)
    severity: Severity = field("Schwere", "error, warning oder info.", default=Severity.WARNING)


class SentenceLength(Part):
    warning_over: Int = field("Warnung ab", "Mehr Wörter als diese Zahl geben eine Warnung.", ge=1, default=9)
    error_over: Int = field("Fehler ab", "Mehr Wörter als diese Zahl geben einen Fehler.", ge=1, default=12)


class EasyLanguageConfig(Part):
    """Regeln und Wortlisten der Prüfung auf Leichte Sprache."""

    separator: Separator = field("Trennzeichen", "mediopunkt (Arbeits·platz) oder bindestrich (Arbeits-Platz).", default=Separator.MEDIOPUNKT)
    rules: dict[str, Rule] = field("Regeln", "Je Regel-Code: aktiv und Schwere.", default_factory=dict)
    sentence_length: SentenceLength = field("Satzlänge", "Grenzen für die Satzlänge in Wörtern.", default_factory=SentenceLength)
    long_word_min_length: Int = field("Lange Wörter ab", "Ab so vielen Buchstaben wird ein zusammengesetztes Wort geprüft.", ge=5, default=10)
    readability_below: float = field("Lesbarkeit zeigen unter", "Den Flesch-Amstad-Wert nur unter diesem Wert melden (101: immer).", ge=0, le=101, default=60)
    abbreviations: dict[str, str] = field("Abkürzungen", "Abkürzung → ausgeschriebene Form.", default_factory=dict)
    special_characters: dict[str, str] = field("Sonderzeichen", "Zeichen → was stattdessen zu schreiben ist.", default_factory=dict)
    number_words: dict[str, str] = field("Zahlwörter", "Zahlwort → Ziffer.", default_factory=dict)
    negations: list[str] = field("Verneinungen", "Wörter, die verneinen.", default_factory=list)
    subjunctives: dict[str, str] = field("Konjunktiv", "Form → direkte Form.", default_factory=dict)
    passive_auxiliaries: list[str] = field("Passiv-Hilfsverben", "Formen von 'werden'.", default_factory=list)
    not_participles: list[str] = field("Keine Partizipien", "Wörter mit ge-, die kein Partizip sind (geben, gehen).", default_factory=list)
    genitive_articles: list[str] = field("Genitiv-Artikel", "Artikel, die einen Genitiv zeigen.", default_factory=list)
    subordinators: list[str] = field("Nebensatz-Wörter", "Bindewörter, die immer einen Nebensatz einleiten.", default_factory=list)
    subordinators_after_comma: list[str] = field("Nebensatz nach Komma", "Wörter, die nach einem Komma einen Nebensatz einleiten.", default_factory=list)
    unsplit: list[str] = field("Nicht trennen", "Lange Wörter, die ungetrennt bleiben (Donnerstag).", default_factory=list)
    allowed_words: list[str] = field("Erlaubte Wörter", "Projekt-Wörter, die keine Erklärung brauchen.", default_factory=list)
    glossary: dict[str, str] = field("Glossar", "Schwere Wörter → Erklärung in Leichter Sprache (Glossar-Seite).", default_factory=dict)
    common_words: str = field("Häufige Wörter", "Häufige deutsche Wörter, klein geschrieben, durch Leerzeichen getrennt.", default="")

    def rule(self, code: str) -> Rule:
        """The setting of rule ``code`` (enabled, warning when not configured)."""
        return self.rules.get(code, _DEFAULT_RULE)


_DEFAULT_RULE = Rule()


def config_file(root: Path) -> Path | None:
    """The settings file used for ``root``: its own, else the tool's."""
    own = root / CONFIG_FILE
    if own.is_file():
        return own
    return TOOL_CONFIG if TOOL_CONFIG.is_file() else None


@lru_cache(maxsize=8)
def _load(path: str, _stamp: tuple[int, int], display: str) -> tuple[EasyLanguageConfig, tuple[Finding, ...]]:
    data, findings = read_yaml(Path(path), display)
    if data is None:
        return EasyLanguageConfig(), tuple(findings)
    config, problems = validate(EasyLanguageConfig, data, display)
    return config or EasyLanguageConfig(), tuple(findings + problems)


def load_config(root: Path) -> tuple[EasyLanguageConfig, list[Finding]]:
    """Settings for ``root`` and any problems with the settings file."""
    path = config_file(root)
    if path is None:
        return EasyLanguageConfig(), []
    stat = path.stat()
    display = CONFIG_FILE if path.parent.parent == root else path.as_posix()
    config, findings = _load(str(path), (stat.st_mtime_ns, stat.st_size), display)
    return config, list(findings)
