"""Write the booklet "Mein Weg" of one person: HTML (with spoken sections when the offline voice is installed) and PDF.

The spoken files are made in a throw-away folder and embedded: the booklet speaks
about one person, so nothing of it stays in the records repository's cache.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import tempfile
from pathlib import Path

from ..errors import UserError
from ..output import write_private
from ..records.dataset import load_dataset
from ..render.easy_documents import render_my_way, speech
from ..views.consented import consented_dataset
from ..views.my_way import MyWayContext, my_way
from . import audio
from .printing import print_html


def booklet_context(root: Path, cid: str, today: dt.date) -> MyWayContext:
    """The booklet's context from the consent-filtered records; UserError for a missing or broken case."""
    ds = load_dataset(root)
    if cid not in ds.cases:
        ds.refuse_unopened(cid)  # sealed and not openable by this reader: say which key is missing
        hint = "Mit 'site-gen check' die Fehler anzeigen." if ds.exists("cases", cid) else "Die Kennung so angeben, wie der Ordner unter cases/ heißt."
        raise UserError(f"Die Akte '{cid}' gibt es nicht oder sie hat Fehler.", hint)
    return my_way(consented_dataset(ds, today), cid, today)


def spoken(ctx: MyWayContext) -> MyWayContext:
    """``ctx`` with every section spoken (Ogg Opus as data: URIs), or unchanged without espeak-ng and opusenc."""
    if not audio.available():
        return ctx
    texts = speech(ctx)
    with tempfile.TemporaryDirectory(prefix="site-gen-vorlesen-") as tmp:
        files = audio.render_audio(texts, Path(tmp))
    return dataclasses.replace(ctx, audio={key: "data:audio/ogg;base64," + base64.b64encode(data).decode() for key, data in files.items()})


def write_booklet(ctx: MyWayContext, folder: Path, name: str, pdf: bool = True) -> list[Path]:
    """Write ``name.html`` (spoken when possible) and ``name.pdf`` (printed without the players) into ``folder``."""
    html = folder / f"{name}.html"
    write_private(html, render_my_way(spoken(ctx)))
    written = [html]
    if pdf:
        written.append(print_html(render_my_way(ctx), folder / f"{name}.pdf"))
    return written
