"""The leading-zero checks (``str.find`` first, then the pattern line by line) find exactly what their patterns find in the whole text."""

from __future__ import annotations

import random

from site_gen.records.load import _LEADING_ZERO, _LEADING_ZERO_HINT, _leading_zeros, _zero_hint


def test_zero_hint_agrees_with_the_pattern() -> None:
    rng = random.Random(16)
    alphabet = [" ", " ", " ", "0", "0", "1", "9", ":", "-", "a", "\n", "#", "'", "０", "٠"]
    samples = ["", " 0", ": 0", ": 01", "-  07", "a 01", ":01", "x:   0\n", "phone: 040 555", "- 0", "- 0x", " 00", "  09", "-\t01"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))) for _ in range(20_000)]
    for text in samples:
        assert _zero_hint(text) == bool(_LEADING_ZERO_HINT.search(text)), repr(text)


def test_leading_zeros_agree_with_the_pattern_over_the_whole_text() -> None:
    rng = random.Random(19)
    alphabet = [" ", " ", "0", "0", "1", "a", ":", "-", "\n", "\n", "#", "\r", "_", "\t"]
    samples = ["0123", "phone: 040 555 0101\nzip: 04109\n", "- 07\n-  0123 # Kommentar\n  0815", "a: 01 2\n"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 30))) for _ in range(30_000)]
    for text in samples:
        expected = [m.start("num") for m in _LEADING_ZERO.finditer(text) if m.group("num").strip().isdigit()]
        assert _leading_zeros(text) == expected, repr(text)
