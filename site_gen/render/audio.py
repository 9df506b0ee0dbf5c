"""Spoken versions of the board's texts, made at build time with an offline voice.

espeak-ng (Debian package, German voice data included) speaks the text,
opusenc (opus-tools) packs it small (Ogg Opus, 16 kbit/s speech). Files are
cached under ``.site-gen-cache/audio/<hash>.opus`` by a hash of the text and
the voice settings, and made in parallel, so a board with 500 postings only
speaks what changed. Plain files: nothing in the cache is ever executed.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

VOICE = ("de", "140", "8", "opus16c0f60")
"""espeak-ng voice, words per minute, gap between words (10 ms units): slow and clear."""
TOOLS = ("espeak-ng", "opusenc")
CACHE = Path(".site-gen-cache") / "audio"


def available() -> bool:
    """Whether the offline voice and the encoder are installed."""
    return all(shutil.which(t) for t in TOOLS)


def speakable(lines: list[str]) -> str:
    """Lines joined for speaking: separators out, every line ends a sentence (a pause between list items)."""
    out = []
    for line in lines:
        line = line.replace("·", "").strip()
        if line:
            out.append(line if re.search(r"[.!?:]$", line) else line + ".")
    return "\n".join(out)


def key(text: str) -> str:
    return hashlib.sha256("\0".join((*VOICE, text)).encode()).hexdigest()[:24]


def _speak(text: str, target: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="site-gen-audio-") as tmp:
        wav = Path(tmp) / "a.wav"
        voice, speed, gap, _ = VOICE
        subprocess.run(["espeak-ng", "-v", voice, "-s", speed, "-g", gap, "-w", str(wav), "--", text],
                       check=True, capture_output=True, timeout=120)
        out = Path(tmp) / "a.opus"
        subprocess.run(["opusenc", "--quiet", "--speech", "--bitrate", "16", "--comp", "0", "--framesize", "60", "--discard-comments", str(wav), str(out)],
                       check=True, capture_output=True, timeout=120)
        tmp_target = target.with_suffix(f".{os.getpid()}.neu")
        shutil.copyfile(out, tmp_target)
        tmp_target.replace(target)


def render_audio(texts: dict[str, str], root: Path) -> dict[str, bytes]:
    """``{site path: text}`` → ``{site path: Ogg Opus bytes}``; cached in ``root/.site-gen-cache/audio``."""
    cache = root / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    wanted = {path: cache / f"{key(text)}.opus" for path, text in texts.items()}
    missing = {file: texts[path] for path, file in wanted.items() if not file.is_file()}
    if missing:
        with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
            list(pool.map(lambda item: _speak(item[1], item[0]), missing.items()))
    return {path: file.read_bytes() for path, file in wanted.items()}
