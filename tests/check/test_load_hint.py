"""The leading-zero pre-check (``str.find``) finds exactly what its pattern finds."""

from __future__ import annotations

import random

from site_gen.load import _LEADING_ZERO_HINT, _zero_hint


def test_zero_hint_agrees_with_the_pattern() -> None:
    rng = random.Random(16)
    alphabet = [" ", " ", " ", "0", "0", "1", "9", ":", "-", "a", "\n", "#", "'", "０", "٠"]
    samples = ["", " 0", ": 0", ": 01", "-  07", "a 01", ":01", "x:   0\n", "phone: 040 555", "- 0", "- 0x", " 00", "  09", "-\t01"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 12))) for _ in range(20_000)]
    for text in samples:
        assert _zero_hint(text) == bool(_LEADING_ZERO_HINT.search(text)), repr(text)
