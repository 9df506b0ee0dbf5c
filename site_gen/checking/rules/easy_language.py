"""Easy-language check (Leichte Sprache) for every participant-facing text.

Texts: the ``posting`` of each workplace (title, tasks, needs, hours, place,
help) and the ``easy`` description of each module. Rules and word lists come
from ``schema/easy-language.yaml``; see :mod:`.easy_language_rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from ...domain.easy_review import Text, norm, posting_texts, review_state, reviewed_texts, text_hash
from ...findings import Finding, Loc, Severity
from ...records.dataset import Dataset
from .easy_language_config import EasyLanguageConfig, Separator, load_config
from .easy_language_rules import Rules, job_forms
from .easy_language_text import WORD_RE, flesch_from_counts
from .easy_language_words import Lexicon

BANDS = ((80, "sehr leicht"), (70, "leicht"), (60, "mittel"), (0, "schwer"))


_RULES: dict[int, tuple[EasyLanguageConfig, Rules]] = {}


def rules_for(config: EasyLanguageConfig) -> Rules:
    """Compiled rules and lexicon for a configuration (memoised per object)."""
    hit = _RULES.get(id(config))
    if hit is not None and hit[0] is config:
        return hit[1]
    words = set(config.common_words.lower().split())
    words |= {norm(p) for w in [*config.allowed_words, *config.glossary] for p in w.split()}
    words |= {norm(form) for title in config.job_titles for form in job_forms(title)}  # Mechaniker is no rare word
    rules = Rules(config, Lexicon(words))
    if len(_RULES) > 8:
        _RULES.clear()
    _RULES[id(config)] = (config, rules)
    return rules


_NAME_PARTS = re.compile(r"[-·]")


def names_of(*texts: str) -> frozenset[str]:
    """Normalised words of proper names (company, district …): allowed as they are."""
    return frozenset().union(*map(_names_in, texts))


@lru_cache(maxsize=4096)
def _names_in(text: str) -> frozenset[str]:
    out: set[str] = set()
    for w in WORD_RE.findall(text):
        out.add(norm(w))
        out.update(norm(p) for p in _NAME_PARTS.split(w) if p)
    return frozenset(out)


def _review(file: str, loc: Loc, review: object | None, texts: list[str], config: EasyLanguageConfig) -> Iterator[Finding]:
    state = review_state(review, texts)
    digest = text_hash(texts)
    if state == "veraltet" and config.rule("EASY-REVIEW-OUTDATED").enabled:
        yield Finding(file, "EASY-REVIEW-OUTDATED", "Der Text wurde nach der Prüfung durch die Prüfgruppe geändert.",
                      f"Den Text neu prüfen lassen und dann text_hash: {digest} und das neue Datum eintragen.",
                      config.rule("EASY-REVIEW-OUTDATED").severity, loc=(*loc, "review"))
    elif state == "offen" and config.require_review and config.rule("EASY-REVIEW-MISSING").enabled:
        yield Finding(file, "EASY-REVIEW-MISSING", "Der Text ist noch nicht von der Prüfgruppe geprüft. Er erscheint nicht öffentlich.",
                      f"Prüfen lassen und unter review eintragen: group, reviewed_on und text_hash: {digest}.",
                      config.rule("EASY-REVIEW-MISSING").severity, loc=loc)


def check_texts(file: str, texts: list[Text], config: EasyLanguageConfig, names: frozenset[str] = frozenset(),
                readability_loc: Loc | None = None) -> list[Finding]:
    """Findings for the texts of one record (one file)."""
    rules = rules_for(config)
    out: list[Finding] = []
    for loc, text in texts:
        for hit in rules.check_text(text, names):
            out.append(Finding(file, hit.code, hit.message, hit.hint, hit.severity or config.rule(hit.code).severity, loc=loc))
    out += _separators(file, texts, config, names)
    if readability_loc is not None and rules.on("EASY-READABILITY"):
        parsed = [rules.parsed(text) for _, text in texts]
        score = flesch_from_counts(sum(len(line) for p in parsed for line in p.lines), sum(p.words for p in parsed), sum(p.syllables for p in parsed))
        if score is not None and score < config.readability_below:
            band = next(label for low, label in BANDS if score >= low)
            out.append(Finding(file, "EASY-READABILITY", f"Lesbarkeit nach Flesch-Amstad: {score:.0f} von 100 ({band}).",
                               "Nur zur Information. Kurze Sätze und kurze Wörter machen den Text leichter.",
                               _readability_severity(config),
                               loc=readability_loc))
    return out


def _readability_severity(config: EasyLanguageConfig) -> Severity:
    return config.rules["EASY-READABILITY"].severity if "EASY-READABILITY" in config.rules else Severity.INFO


def _separators(file: str, texts: list[Text], config: EasyLanguageConfig, names: frozenset[str]) -> Iterator[Finding]:
    rules = rules_for(config)
    medio = [(loc, word) for loc, t in texts for word in rules.parsed(t).medio]
    hyphen = [(loc, word) for loc, t in texts for word in rules.parsed(t).hyphen if norm(word) not in names]
    own, other = (hyphen, medio) if config.separator is Separator.HYPHEN else (medio, hyphen)
    own_name, other_name = ("Binde·strich", "Medio·punkt") if config.separator is Separator.HYPHEN else ("Medio·punkt", "Binde·strich")
    if own and other and rules.on("EASY-SEPARATOR-MIXED"):
        loc, word = other[0]
        yield Finding(file, "EASY-SEPARATOR-MIXED",
                      f"Im Text stehen {own_name} („{own[0][1]}“) und {other_name} („{word}“) gemischt.",
                      f"Lange Wörter überall gleich trennen, eingestellt ist der {own_name}.", Severity.ERROR, loc=loc)
    elif other and rules.on("EASY-SEPARATOR-STYLE"):
        for loc, word in other:
            yield Finding(file, "EASY-SEPARATOR-STYLE", f"Wort mit {other_name} „{word}“: eingestellt ist der {own_name}.",
                          f"Mit {own_name} trennen oder die Einstellung separator in schema/easy-language.yaml ändern.",
                          config.rule("EASY-SEPARATOR-STYLE").severity, loc=loc)


def _org_names(ds: Dataset) -> list[str]:
    org = ds.organisation
    if org is None:
        return []
    return [p.name for p in org.providers] + [loc.name for p in org.providers for loc in p.locations] + \
        [loc.district for p in org.providers for loc in p.locations]


def record_texts(ds: Dataset) -> Iterable[tuple[str, list[Text], frozenset[str], Loc]]:
    """(file, texts, proper names, readability loc) of every record with participant-facing text."""
    org = names_of(*_org_names(ds))
    for wid, wp in ds.workplaces.items():
        if wp.posting is None:
            continue
        a = wp.company.address
        names = names_of(wp.company.name, a.city, a.district, a.street, wp.company.transit) | org
        yield ds.path_of("workplaces", wid), posting_texts(wp.posting), names, ("posting",)
    for mid, mod in ds.modules.items():
        texts: list[Text] = [(("easy", "title"), mod.easy.title), (("easy", "text"), mod.easy.text)]
        yield ds.path_of("modules", mid), texts, names_of(mod.title) | org, ("easy",)


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    """Easy-language findings for all postings and module descriptions."""
    config, problems = load_config(ds.root)
    yield from problems
    for file, texts, names, loc in record_texts(ds):
        yield from check_texts(file, texts, config, names, loc)
    for wid, wp in ds.workplaces.items():
        if wp.posting is not None and wp.posting.publish:
            yield from _review(ds.path_of("workplaces", wid), ("posting",), wp.posting.review, reviewed_texts(wp.posting), config)
    for mid, mod in ds.modules.items():
        yield from _review(ds.path_of("modules", mid), ("easy",), mod.easy.review, reviewed_texts(mod.easy), config)
