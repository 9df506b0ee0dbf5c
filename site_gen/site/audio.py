"""Spoken versions of the board's texts, made at build time with an offline voice.

espeak-ng (Debian package, German voice data included) speaks the text,
opusenc (opus-tools) packs it small (Ogg Opus, 16 kbit/s speech). Files are
cached under ``.site-gen-cache/audio/<hash>.opus`` by a hash of the text and
the voice settings, and made in parallel, so a board with 500 postings only
speaks what changed. Plain files: nothing in the cache is ever executed, and
a file is used only when it verifies (authenticated like every cache file,
:mod:`site_gen.records.cache`): a planted recording is spoken anew, never published.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..records.cache import read_cache, write_cache

VOICE = ("de", "140", "8", "opus16c0f60")
"""espeak-ng voice, words per minute, gap between words (10 ms units): slow and clear."""
TOOLS = ("espeak-ng", "opusenc")
CACHE = "audio"
"""Subfolder of the cache folder."""


def available() -> bool:
    """Whether the offline voice and the encoder are installed."""
    return all(shutil.which(t) for t in TOOLS)


def key(text: str) -> str:
    return hashlib.sha256("\0".join((*VOICE, text)).encode()).hexdigest()[:24]


def _speak(text: str) -> bytes:
    with tempfile.TemporaryDirectory(prefix="site-gen-audio-") as tmp:
        wav = Path(tmp) / "a.wav"
        voice, speed, gap, _ = VOICE
        subprocess.run(["espeak-ng", "-v", voice, "-s", speed, "-g", gap, "-w", str(wav), "--", text],
                       check=True, capture_output=True, timeout=120)
        out = Path(tmp) / "a.opus"
        subprocess.run(["opusenc", "--quiet", "--speech", "--bitrate", "16", "--comp", "0", "--framesize", "60", "--discard-comments", str(wav), str(out)],
                       check=True, capture_output=True, timeout=120)
        return out.read_bytes()


def render_audio(texts: dict[str, str], root: Path) -> dict[str, bytes]:
    """``{site path: text}`` → ``{site path: Ogg Opus bytes}``; cached in ``root/.site-gen-cache/audio``."""
    names = {path: f"{CACHE}/{key(text)}.opus" for path, text in texts.items()}
    found = {name: data for name in set(names.values()) if (data := read_cache(root, name)) is not None}
    missing = {name: texts[path] for path, name in names.items() if name not in found}
    if missing:
        with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
            spoken = dict(zip(missing, pool.map(_speak, missing.values())))
        for name, data in spoken.items():
            write_cache(root, name, data)
        found |= spoken
    return {path: found[name] for path, name in names.items()}
