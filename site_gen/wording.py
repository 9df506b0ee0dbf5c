"""German counts: "1 Ausschreibung", "2 Ausschreibungen", "0 Ausschreibungen"."""

from __future__ import annotations


def count(n: int, one: str, many: str) -> str:
    """``n`` with the singular or plural noun."""
    return f"{n} {one if n == 1 else many}"
