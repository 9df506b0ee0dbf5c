"""Settings of the easy-language check.

The tool ships the full settings (``site_gen/data/easy-language.yaml``: rules,
word lists, glossary). A records repository may add its own
``schema/easy-language.yaml`` with only what it changes: tables (rules,
glossary, abbreviations …) are merged entry by entry, word lists are extended,
single values replace the tool's. The repository's file is read through
:mod:`site_gen.records.load` and validated on its own, so a broken setting is a German
finding with a line and a stable code, never a traceback; the tool's settings
are used until it is fixed.
"""

from __future__ import annotations

from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...findings import Finding, Severity
from ...models.common import Bool, Int, Part, field
from ...records.load import read_yaml
from ...records.validate import validate

CONFIG_FILE = "schema/easy-language.yaml"
TOOL_CONFIG = Path(__file__).resolve().parents[2] / "data" / "easy-language.yaml"

RULE_CODES = (
    "EASY-SENTENCE-LENGTH", "EASY-ONE-SENTENCE-PER-LINE", "EASY-ABBREVIATION", "EASY-SPECIAL-CHARACTER", "EASY-NUMBER-WORD",
    "EASY-ROMAN-NUMERAL", "EASY-NUMBER-FORMAT", "EASY-LONG-WORD", "EASY-SEPARATOR-STYLE", "EASY-SEPARATOR-MIXED",
    "EASY-NEGATION", "EASY-PASSIVE", "EASY-SUBJUNCTIVE", "EASY-GENITIVE", "EASY-SUBORDINATE-CLAUSE", "EASY-RARE-WORD",
    "EASY-FOREIGN-WORD", "EASY-READABILITY", "EASY-REVIEW-MISSING", "EASY-REVIEW-OUTDATED", "EASY-IDIOM",
)
"""Every rule code the check knows (a setting for another code is an error)."""


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
    require_review: Bool = field("Prüfung vor Veröffentlichung", "true: eine Ausschreibung oder ein Kurstext erscheint erst öffentlich, "
                                 "wenn die Prüfgruppe ihn geprüft hat (DIN SPEC 33429).", default=False)
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
    genitive_prepositions: list[str] = field("Genitiv-Präpositionen", "Präpositionen mit Genitiv (wegen, während, trotz).", default_factory=list)
    subordinators: list[str] = field("Nebensatz-Wörter", "Bindewörter, die immer einen Nebensatz einleiten.", default_factory=list)
    subordinators_after_comma: list[str] = field("Nebensatz nach Komma", "Wörter, die nach einem Komma einen Nebensatz einleiten.", default_factory=list)
    foreign_words: dict[str, str] = field("Fremdwörter", "Fremdwort → deutsches Wort.", default_factory=dict)
    idioms: dict[str, str] = field("Redewendungen und Bilder", "Die Wörter, an denen eine Redewendung zu erkennen ist (Wortanfänge in "
                                   "dieser Reihenfolge, z. B. 'kalte wasser') → was in Leichter Sprache stattdessen steht.", default_factory=dict)
    job_titles: list[str] = field("Berufe", "Berufsbezeichnungen, die als bekannt gelten; die Formen mit -in, -innen und -n "
                                  "gelten mit.", default_factory=list)
    unsplit: list[str] = field("Nicht trennen", "Lange Wörter, die ungetrennt bleiben (Donnerstag).", default_factory=list)
    allowed_words: list[str] = field("Erlaubte Wörter", "Projekt-Wörter, die keine Erklärung brauchen.", default_factory=list)
    glossary: dict[str, str] = field("Glossar", "Schwere Wörter → Erklärung in Leichter Sprache (Glossar-Seite).", default_factory=dict)
    common_words: str = field("Häufige Wörter", "Häufige deutsche Wörter, klein geschrieben, durch Leerzeichen getrennt.", default="")

    def rule(self, code: str) -> Rule:
        """The setting of rule ``code`` (enabled, warning when not configured)."""
        return self.rules.get(code, _DEFAULT_RULE)


_DEFAULT_RULE = Rule()


def merge(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """``own`` over ``base``: tables merged entry by entry (one level deeper for rules), lists extended."""
    out = dict(base)
    for key, value in own.items():
        old = out.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            out[key] = {k: ({**old[k], **v} if isinstance(old.get(k), dict) and isinstance(v, dict) else v)
                        for k, v in {**old, **value}.items()}
        elif isinstance(old, list) and isinstance(value, list):
            out[key] = old + [v for v in value if v not in old]
        else:
            out[key] = value
    return out


def _semantic(config: EasyLanguageConfig, data: dict[str, Any], display: str) -> list[Finding]:
    """Problems pydantic cannot see: unknown rule codes, limits in the wrong order, long 'characters'."""
    out: list[Finding] = []
    for code in data.get("rules") or {}:
        if code not in RULE_CODES:
            out.append(Finding(display, "EASY-CONFIG-RULE", "Unbekannter Regel-Code unter 'rules'.",
                               "Erlaubt sind: " + ", ".join(RULE_CODES) + ".", loc=("rules", code)))
    lim = config.sentence_length
    if "sentence_length" in data and lim.warning_over > lim.error_over:
        out.append(Finding(display, "EASY-CONFIG-LIMITS", "Die Warn-Grenze der Satzlänge ist größer als die Fehler-Grenze.",
                           "warning_over kleiner oder gleich error_over setzen, zum Beispiel 9 und 12.", loc=("sentence_length", "warning_over")))
    for ch in data.get("special_characters") or {}:
        if len(ch) != 1:
            out.append(Finding(display, "EASY-CONFIG-CHARACTER", "Unter 'special_characters' steht ein Schlüssel mit mehr als einem Zeichen.",
                               "Je Eintrag genau ein Zeichen, zum Beispiel \"%\".", loc=("special_characters", ch)))
    return out


@lru_cache(maxsize=1)
def _tool_data() -> dict[str, Any]:
    data, findings = read_yaml(TOOL_CONFIG, TOOL_CONFIG.as_posix())
    if findings or not isinstance(data, dict):  # the tool's own file: a bug, not bad input
        raise RuntimeError(f"{TOOL_CONFIG}: {[f.message for f in findings]}")
    return data


@lru_cache(maxsize=1)
def tool_config() -> EasyLanguageConfig:
    """The tool's own settings (no repository file)."""
    return EasyLanguageConfig.model_validate(_tool_data())


@lru_cache(maxsize=8)
def _load(path: str, _stamp: tuple[int, int], display: str) -> tuple[EasyLanguageConfig, tuple[Finding, ...]]:
    data, findings = read_yaml(Path(path), display)
    if findings and any(f.code == "FILE-EMPTY" for f in findings):
        return tool_config(), ()  # an empty settings file changes nothing
    if data is None:
        return tool_config(), tuple(findings)
    if not isinstance(data, dict):
        return tool_config(), (*findings, Finding(display, "EASY-CONFIG-FORMAT", "Die Einstellungen sind keine Zuordnung (Schlüssel: Wert).",
                                                  "Zum Beispiel 'separator: mediopunkt' in die erste Zeile schreiben.", line=1, col=1))
    own, problems = validate(EasyLanguageConfig, data, display)
    if own is None:
        return tool_config(), tuple(findings + problems)
    semantic = _semantic(own, data, display)
    if semantic:
        return tool_config(), tuple(findings + semantic)
    merged, problems = validate(EasyLanguageConfig, merge(_tool_data(), data), display)
    if merged is None:  # cannot happen when both parts are valid; keep the tool's settings
        return tool_config(), tuple(findings + problems)
    return merged, tuple(findings)


def config_file(root: Path) -> Path | None:
    """The repository's own settings file, if any."""
    own = root / CONFIG_FILE
    return own if own.is_file() else None


def load_config(root: Path) -> tuple[EasyLanguageConfig, list[Finding]]:
    """Settings for ``root`` (the tool's merged with the repository's) and any problems with the repository's file."""
    path = config_file(root)
    if path is None:
        return tool_config(), []
    stat = path.stat()
    config, findings = _load(str(path), (stat.st_mtime_ns, stat.st_size), CONFIG_FILE)
    return config, list(findings)


