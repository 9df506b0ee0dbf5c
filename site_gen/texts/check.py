"""The easy-language check of the job board, applied to a document (``site-gen leicht``).

One implementation: the rules, word lists and settings are those of
:mod:`site_gen.checking.rules.easy_language` with the repository's
``schema/easy-language.yaml``; this module only turns a document into texts and
the findings' text index back into line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..checking.rules.easy_language import check_texts, names_of
from ..checking.rules.easy_language_config import load_config
from ..domain.easy_review import Text
from ..findings import Finding
from .read import TextLine, read_document

_QUOTED = re.compile(r"„([^“]+)“")
_ADDRESS = re.compile(r"\S+@\S+\.\w+|https?://\S+|www\.\S+")
"""E-mail and web addresses: not words (a hyphen in one is no separator style); blanked, so columns stay."""


def _column(line: TextLine, message: str) -> int:
    """Where the first quoted word or sentence of ``message`` starts in ``line`` (else the line's first letter)."""
    for m in _QUOTED.finditer(message):
        quoted = m.group(1).rstrip("…").strip()
        at = line.text.find(quoted) if quoted else -1
        if at < 0 and quoted:  # messages shorten whitespace: compare word by word from the first word
            at = line.text.find(quoted.split()[0])
        if at >= 0:
            return line.col + at
    stripped = len(line.text) - len(line.text.lstrip())
    return line.col + stripped


def check_lines(display: str, lines: list[TextLine], root: Path, names: frozenset[str] = frozenset()) -> list[Finding]:
    """Findings for the lines of one document, with line and column in the file."""
    config, _problems = load_config(root)
    texts: list[Text] = [((i,), _ADDRESS.sub(lambda m: " " * len(m.group()), line.text)) for i, line in enumerate(lines) if line.text.strip()]
    out: list[Finding] = []
    for f in check_texts(display, texts, config, names, readability_loc=("dokument",)):
        if f.loc and isinstance(f.loc[0], int):
            line = lines[f.loc[0]]
            out.append(f.at(line.line, _column(line, f.message)))
        else:  # the readability of the whole document
            out.append(f.at(1, 1))
    return sorted(out, key=lambda f: (f.line or 0, f.col or 0, f.code))


def check_file(path: Path, display: str, root: Path, names: frozenset[str] = frozenset()) -> list[Finding]:
    """Read ``path`` (.txt, .md, .docx, .html) and check it; raises UserError when it cannot be read."""
    return check_lines(display, read_document(path), root, names)


def organisation_names(root: Path) -> frozenset[str]:
    """Names of the repository's providers, locations, districts and staff: allowed as they are, as on the board
    (a letter or booklet names the coach and the deputy)."""
    from ..records.dataset import load_dataset

    org = load_dataset(root, only=[]).organisation
    if org is None:
        return frozenset()
    return names_of(*(p.name for p in org.providers), *(loc.name for p in org.providers for loc in p.locations),
                    *(loc.district for p in org.providers for loc in p.locations), *(s.name for s in org.staff))
