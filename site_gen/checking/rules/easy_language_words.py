"""Which words are common, and how a long compound word splits.

A word is *known* when it, a simple inflected base form or its lemma (from
simplemma, a kept German lemmatiser whose data ships in its wheel) is in the
common word list, the project's allowed words or the glossary; when it splits
into known parts; or when it is a short dictionary word. The parts of a word
the writer already split (``Gewächs·haus``) only need to be dictionary words.
The compound splitter also makes the suggestion for long words:
``Arbeitsplatz`` → ``Arbeits`` + ``platz``.
"""

from __future__ import annotations

from functools import lru_cache

from ...domain.easy_review import norm
from .easy_language_text import parts

# Endings stripped to find a base form (longest first): plural, case, verb forms.
_ENDINGS = ("innen", "ern", "est", "ten", "tet", "nen", "en", "er", "es", "em", "st", "te", "et", "in", "e", "n", "s", "t")
_STEM_ADD = ("en", "n", "e")
_LINKS = ("es", "en", "er", "s", "n", "e")
MIN_PART = 3
MIN_STEM = 2
# A verb particle alone is no first part: "Ausbildung" stays whole.
_PARTICLES = frozenset({"ab", "an", "auf", "aus", "bei", "ein", "mit", "nach", "um", "vor", "zu", "über", "unter", "durch",
                        "gegen", "hinter", "wieder", "zurück", "weg", "her", "hin", "fort", "los"})
# Word-forming suffixes are not words of their own: "Sauber|keit" is no compound.
_NOT_PARTS = frozenset({"innen", "keit", "keiten", "heit", "heiten", "ung", "ungen", "schaft", "schaften", "lich", "liche", "lichen",
                        "isch", "ische", "nis", "nisse", "tum", "sam", "haft", "bar", "bare", "ig", "ige", "igen", "los", "lose"})


DICTIONARY_MAX = 8
"""A dictionary word whose lemma has at most this many letters counts as common (Haus, Gewächs, Stiefel)."""


@lru_cache(maxsize=65536)
def lemmas(word: str) -> tuple[str, ...]:
    """Lower-case lemmas of ``word`` read as a noun and as another word (simplemma, loaded on first use)."""
    import simplemma  # ~1.5 s to load its German data: only when a word is not found in the lists

    out = {simplemma.lemmatize(word[:1].upper() + word[1:], lang="de").lower(), simplemma.lemmatize(word.lower(), lang="de").lower()}
    return tuple(sorted(out))


@lru_cache(maxsize=65536)
def in_dictionary(word: str) -> bool:
    """``word`` is a German word simplemma knows (as a noun or another word)."""
    import simplemma

    return simplemma.is_known(word[:1].upper() + word[1:], lang="de") or simplemma.is_known(word.lower(), lang="de")




class Lexicon:
    """The known words of one configuration, with memoised lookups."""

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self._known: dict[str, bool] = {}
        self._split: dict[str, tuple[str, ...] | None] = {}

    def base_known(self, w: str) -> bool:
        """``w`` (lower case) is listed, or a simple inflection of a listed word."""
        hit = self._known.get(w)
        if hit is not None:
            return hit
        found = w in self.words or any(w + add in self.words for add in _STEM_ADD)
        if not found and w.startswith("ge") and w.endswith("t") and len(w) > 5:
            found = w[2:-1] + "en" in self.words or w[2:-1] + "n" in self.words
        if not found:
            for end in _ENDINGS:
                if w.endswith(end) and len(w) - len(end) >= MIN_STEM:
                    stem = w[: -len(end)]
                    if stem in self.words or any(stem + add in self.words for add in _STEM_ADD):
                        found = True
                        break
        self._known[w] = found
        return found

    def _part_known(self, part: str, last: bool) -> bool:
        if len(part) < MIN_PART or part in _NOT_PARTS:
            return False
        if part in self.words or any(part + add in self.words for add in _STEM_ADD):
            return True
        if last:
            return self.base_known(part) or (len(part) >= 4 and in_dictionary(part))
        if len(part) >= 4 and in_dictionary(part):
            return True
        return any(part.endswith(link) and len(part) - len(link) >= MIN_PART and
                   (part[: -len(link)] in self.words or (len(part) - len(link) >= 4 and in_dictionary(part[: -len(link)]))) for link in _LINKS)

    def split(self, word: str) -> tuple[str, ...] | None:
        """The parts of compound ``word`` (as written), fewest parts first; None if it does not split."""
        w = word.lower()
        if w in self._split:
            cached = self._split[w]
            return None if cached is None else _cased(word, cached)
        best: tuple[str, ...] | None = None
        for count in (2, 3, 4):
            best = self._search(w, count)
            if best:
                break
        self._split[w] = best
        return None if best is None else _cased(word, best)

    def _search(self, w: str, count: int) -> tuple[str, ...] | None:
        if count == 1:
            return (w,) if self._part_known(w, last=True) else None
        # Prefer the longest first part: "arbeits|platz" before "arbeit|splatz".
        for cut in range(len(w) - MIN_PART, MIN_PART - 1, -1):
            head = w[:cut]
            if head not in _PARTICLES and self._part_known(head, last=False):
                rest = self._search(w[cut:], count - 1)
                if rest:
                    return (head, *rest)
        return None

    def known_exact(self, word: str) -> bool:
        """``word`` itself is listed (no inflection, no splitting)."""
        return norm(word) in self.words

    def listed(self, word: str) -> bool:
        """``word`` or one of its base forms or lemmas is in the lists (no splitting)."""
        w = norm(word)
        return len(w) <= 2 or self.base_known(w) or any(lem in self.words or self.base_known(lem) for lem in lemmas(w))

    def known(self, word: str) -> bool:
        """Whether ``word`` counts as common (see module doc)."""
        if word[:1].isdigit():
            return True
        pieces = parts(word)
        if len(pieces) > 1 and not self.base_known(norm(word)):
            return all(self.listed(p) or in_dictionary(p) for p in pieces)
        w = norm(word)
        if len(w) <= 2 or self.base_known(w):
            return True
        if self.listed(word) or (len(w) >= 2 * MIN_PART and self.split(w) is not None):
            return True
        return in_dictionary(w) and min(len(lem) for lem in lemmas(w)) <= DICTIONARY_MAX


def _cased(word: str, pieces: tuple[str, ...]) -> tuple[str, ...]:
    """``pieces`` cut from ``word`` keeping its original letters."""
    out, pos = [], 0
    for piece in pieces:
        out.append(word[pos: pos + len(piece)])
        pos += len(piece)
    return tuple(out)


def suggest(pieces: tuple[str, ...], hyphen: bool) -> str:
    """Write a split word: ``Arbeits·platz`` or ``Arbeits-Platz``."""
    if hyphen:
        return "-".join(p[:1].upper() + p[1:] if i else p for i, p in enumerate(pieces))
    return "·".join(p if i == 0 else p.lower() for i, p in enumerate(pieces))
