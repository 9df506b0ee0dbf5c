"""The easy-language corpus: fictional texts written for this project, sorted by what they are.

``tests/data/easy_language/corpus/``:

- ``office/``: office German (postings as companies write them) — each must give an error;
- ``one-break/``: easy-looking texts with one rule break; the file name starts with the
  code that must be reported as an error (``EASY-PASSIVE--von-dir.txt``);
- ``easy/``: proper Leichte Sprache, among them every false alarm seen so far — no error,
  and ideally no warning either.

Adding a case means adding a file. :func:`figures` gives the recall and false-alarm
figures that the issue note and ``benchmarks/easy_language_corpus.py`` report.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_gen.checking.rules.easy_language import check_texts
from site_gen.checking.rules.easy_language_config import EasyLanguageConfig, tool_config
from site_gen.findings import Finding, Severity

CORPUS = Path(__file__).resolve().parents[1] / "data" / "easy_language" / "corpus"
KINDS = ("office", "one-break", "easy")


def texts(kind: str) -> list[Path]:
    return sorted((CORPUS / kind).glob("*.txt"))


def findings(path: Path, config: EasyLanguageConfig | None = None) -> list[Finding]:
    """Findings (info left out) for one corpus text, checked as one posting field."""
    text = path.read_text(encoding="utf-8")
    found = check_texts(path.name, [(("text",), text)], config or tool_config())
    return [f for f in found if f.severity is not Severity.INFO]


def expected_code(path: Path) -> str:
    return path.stem.split("--", 1)[0]


@dataclass(frozen=True)
class Figures:
    office_error: float
    """Share of office-German texts with at least one error."""
    one_break_error: float
    """Share of one-break texts with an error (any code)."""
    one_break_exact: float
    """Share of one-break texts with an error of exactly the broken rule."""
    easy_error: float
    """Share of proper texts with an error (false alarm)."""
    easy_any: float
    """Share of proper texts with any finding, warnings included."""
    counts: tuple[int, int, int]


def _share(hits: list[bool]) -> float:
    return sum(hits) / len(hits) if hits else 0.0


def figures(config: EasyLanguageConfig | None = None) -> Figures:
    office = [any(f.severity is Severity.ERROR for f in findings(p, config)) for p in texts("office")]
    one = [(p, [f for f in findings(p, config) if f.severity is Severity.ERROR]) for p in texts("one-break")]
    easy = [findings(p, config) for p in texts("easy")]
    return Figures(
        office_error=_share(office),
        one_break_error=_share([bool(errs) for _, errs in one]),
        one_break_exact=_share([any(f.code == expected_code(p) for f in errs) for p, errs in one]),
        easy_error=_share([any(f.severity is Severity.ERROR for f in fs) for fs in easy]),
        easy_any=_share([bool(fs) for fs in easy]),
        counts=(len(office), len(one), len(easy)),
    )
