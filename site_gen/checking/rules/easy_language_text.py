"""Text mechanics for the easy-language check: lines, sentences, words, syllables.

Pure functions, no configuration except the abbreviation tokens that must not
end a sentence. Separators inside words (Mediopunkt ``·`` and hyphen) keep a
word whole: ``Arbeits·platz`` is one word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MEDIOPUNKT = "·"
LETTERS = "A-Za-zÄÖÜäöüßẞÀ-ÖØ-öø-ÿ"
WORD_RE = re.compile(rf"[{LETTERS}]+(?:['’]?[{LETTERS}]+)*(?:[·\-][{LETTERS}]+(?:['’]?[{LETTERS}]+)*)*")
TOKEN_RE = re.compile(rf"[0-9]+(?:[:.,][0-9]+)*(?:-[{LETTERS}]+)*|{WORD_RE.pattern}")
_END_RE = re.compile(r"[.!?]+(?=\s|$)")
_ADDRESS_RE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
_VOWELS_RE = re.compile(r"(?:äu|eu|au|ei|ai|ie|ee|aa|oo|[aeiouyäöü])", re.I)
_SEPARATOR_RE = re.compile(r"[·\-]")
_NOT_WORD_RE = re.compile(r"[\W_]")
_ROMAN_RE = re.compile(r"^[IVXLC]{1,6}$")
"""A Roman numeral; with a period it is an ordinal ("Teil II."), not the end of a sentence."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one line of a text (``line`` counts from 0)."""

    text: str
    line: int
    words: tuple[str, ...]
    """Tokens that count as words: letter words and numbers."""


def quote(text: str, limit: int = 70) -> str:
    """``text`` shortened for a message, in German quotes."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"„{text}“"


def split_sentences(line: str, no_end: frozenset[str]) -> list[str]:
    """The sentences of one line.

    A run of ``.!?`` ends a sentence when whitespace or the line end follows,
    unless the period closes an abbreviation in ``no_end`` (lower case, e.g.
    ``"b"`` of ``z. B.``, or ``"zb"`` of ``z.B.``), a number (``5. März``) or a Roman
    numeral (``Teil II.``), or a lower-case word follows.
    """
    out: list[str] = []
    start = 0
    for m in _END_RE.finditer(line):
        end = m.end()
        rest = line[end:].lstrip()
        if rest and m.group() == ".":
            before = line[start:m.start()].split()
            word = _NOT_WORD_RE.sub("", before[-1]) if before else ""
            last = word.lower()
            # "z.B." (written without a space) is as much an abbreviation as "z. B."; "II." is an ordinal.
            if last.isdigit() or last in no_end or rest[0].islower() or _ROMAN_RE.match(word) \
                    or (len(before) > 1 and f"{_NOT_WORD_RE.sub('', before[-2]).lower()}{last}" in no_end and before[-2].endswith(".")):
                continue
        piece = line[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = line[start:].strip()
    if tail:
        out.append(tail)
    return out


def sentences(text: str, no_end: frozenset[str]) -> list[list[Sentence]]:
    """Per line (blank lines skipped but counted), the sentences of ``text``."""
    result: list[list[Sentence]] = []
    for index, line in enumerate(text.splitlines()):
        if not line.strip():
            continue
        result.append([Sentence(s, index, tuple(TOKEN_RE.findall(_ADDRESS_RE.sub(" ", s)))) for s in split_sentences(line, no_end)])
    return result


def parts(word: str) -> list[str]:
    """The parts of a word split at Mediopunkt and hyphen."""
    return [p for p in _SEPARATOR_RE.split(word) if p]


def syllables(word: str) -> int:
    """Rough syllable count (vowel groups; German diphthongs count once)."""
    if word[:1].isdigit():
        return max(1, len(word) // 2)
    return max(1, len(_VOWELS_RE.findall(word.replace(MEDIOPUNKT, "").replace("-", ""))))


def flesch_from_counts(sentences: int, words: int, syllables: int) -> float | None:
    """Flesch reading ease for German (Amstad 1978: 180 − ASL − 58.5 × ASW) from the counts of sentences, words and syllables."""
    if not sentences or not words:
        return None
    return max(0.0, min(100.0, 180 - words / sentences - 58.5 * (syllables / words)))
