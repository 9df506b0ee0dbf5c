"""Text for the board's read-aloud audio: what the voice speaks (the voice itself runs at the edge, site/audio.py)."""

from __future__ import annotations

import re


def speakable(lines: list[str]) -> str:
    """Lines joined for speaking: separators out, every line ends a sentence (a pause between list items)."""
    out = []
    for line in lines:
        line = line.replace("·", "").strip()
        if line:
            out.append(line if re.search(r"[.!?:]$", line) else line + ".")
    return "\n".join(out)
