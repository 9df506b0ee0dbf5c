"""Participant-facing texts both the easy-language check and the public board need (pure functions).

Which texts a reader review covers, their hash, the review's state, and the form a word is looked up in.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ..findings import Loc

Text = tuple[Loc, str]
"""(key path, text) of one participant-facing field."""

_SEPARATORS = str.maketrans("", "", "·-'’")


def norm(word: str) -> str:
    """Lower case, separators removed: the form used for lookups."""
    return word.translate(_SEPARATORS).lower()


def posting_texts(post: object) -> list[Text]:
    """(key path, text) of every participant-facing field of a posting."""
    texts: list[Text] = [(("posting", "title"), post.title)]  # type: ignore[attr-defined]
    texts += [(("posting", "tasks", i), t) for i, t in enumerate(post.tasks)]  # type: ignore[attr-defined]
    texts += [(("posting", "needs", i), t) for i, t in enumerate(post.needs)]  # type: ignore[attr-defined]
    texts += [(("posting", key), getattr(post, key)) for key in ("hours", "place", "help")]
    return texts


def text_hash(texts: Iterable[str]) -> str:
    """Short hash of the participant-facing texts (whitespace at line ends and blank lines ignored)."""
    lines = [ln.strip() for t in texts for ln in t.splitlines() if ln.strip()]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()[:12]


def review_state(review: object | None, texts: Iterable[str]) -> str:
    """``geprueft`` (review matches the text), ``veraltet`` (text changed after it) or ``offen`` (no review)."""
    if review is None:
        return "offen"
    return "geprueft" if review.text_hash == text_hash(texts) else "veraltet"  # type: ignore[attr-defined]


def reviewed_texts(obj: object) -> list[str]:
    """The texts a reader review covers: every text of a posting, or title and text of a course description."""
    return [t for _, t in (posting_texts(obj) if hasattr(obj, "tasks") else [((), obj.title), ((), obj.text)])]  # type: ignore[attr-defined]
