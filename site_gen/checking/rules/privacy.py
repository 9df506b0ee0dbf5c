"""Pseudonymous ids: a case's id, file name and consent ids carry no name.

File names and ids end up in commit messages, CI logs, URLs and every
finding, so a name in them leaks wherever the tool reports. The comparison
ignores case and folds umlauts both ways (ä → ae and ä → a, ß → ss) and
accents. Messages never say which name matched.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from ...findings import Finding
from ...models.case import Case
from ...records.dataset import Dataset

PARTICLES = frozenset({"von", "van", "der", "den", "dem", "de", "zu", "zum", "zur", "la", "le", "di", "da", "del", "dos", "ten", "ter", "vom"})
"""Name particles that are too common to count as a name on their own."""
MIN_SUBSTRING = 3
"""Shorter name parts (e.g. 'Li') match only a whole id segment, not inside one."""

_UMLAUTS_LONG = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_UMLAUTS_SHORT = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})
HINT = "Eine pseudonyme Kennung wie tn-0042 verwenden und die Datei gleich benennen (Name gehört nur in first_name/last_name)."


_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DIGITS = re.compile(r"\d+")


def _ascii(text: str) -> str:
    if text.isascii():
        return text.lower()
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).lower()


@lru_cache(maxsize=8192)
def _parts_of_name(name: str) -> frozenset[str]:
    lowered = name.lower()
    parts: set[str] = set()
    for folded in (lowered.translate(_UMLAUTS_LONG), lowered.translate(_UMLAUTS_SHORT)):
        parts.update(p for p in _NON_ALNUM.split(_ascii(folded)) if p and p not in PARTICLES and not p.isdigit())
    return frozenset(parts)


def name_parts(*names: str | None) -> set[str]:
    """Folded spellings of every part of ``names`` (both umlaut foldings)."""
    return set().union(*(_parts_of_name(n) for n in names if n))


def contains_name(identifier: str, parts: set[str], whole_segments_only: bool = False) -> bool:
    """Whether ``identifier`` contains one of the folded name ``parts``."""
    folded = _ascii(identifier.lower().translate(_UMLAUTS_LONG))
    segments = {_DIGITS.sub("", s) for s in _NON_ALNUM.split(folded)}
    for part in parts:
        if part in segments:
            return True
        if not whole_segments_only and len(part) >= MIN_SUBSTRING and part in folded:
            return True
    return False


def _parts_of(case: Case) -> set[str]:
    return name_parts(case.first_name, case.last_name, case.guardian.name if case.guardian else None)


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    for stem, case in ds.cases.items():
        f = ds.path_of("cases", stem)
        parts = _parts_of(case)
        if contains_name(case.id, parts):
            yield Finding(f, "PRIVACY-NAME-IN-ID", "Die Kennung 'id' enthält einen Namen der Person oder der Betreuung.", HINT, loc=("id",))
        if stem != case.id and contains_name(stem, parts):
            yield Finding(f, "PRIVACY-NAME-IN-FILENAME", "Der Dateiname enthält einen Namen der Person oder der Betreuung.", HINT, line=1, col=1)
        for i, con in enumerate(case.consents):
            if contains_name(con.id, parts, whole_segments_only=True):
                yield Finding(f, "PRIVACY-NAME-IN-ID", f"Die Kennung der Einwilligung {i + 1} enthält einen Namen der Person oder der Betreuung.",
                              "Kennungen von Einwilligungen nach dem Zweck benennen, z. B. e1 oder gesundheit-2026.", loc=("consents", i, "id"))
