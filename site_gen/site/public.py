"""The public job board at the engine edge: load only what is public, render, write, print.

Only workplaces, modules and the organisation are loaded: case records are
never read for the public site. The board is written to a staging folder
and swapped in (:func:`site_gen.site.publish.publish_files`), so a failed
build leaves the previous output intact. The Schaukasten PDF is printed by
headless Chromium.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from ..checking.reporter import positioned, report_left_out
from ..checking.rules.easy_language_config import load_config
from ..findings import Severity, UserError
from ..records.dataset import load_dataset, record_files
from ..render.public import print_all, render_site, speech_texts, static_files
from ..views.public import PublicBoard, public_board
from . import audio



def load_board(root: Path, today: dt.date) -> tuple[PublicBoard, dict[str, str], int]:
    """The public projection for ``root``, the glossary and the number of errors.

    A record with errors is left out of the board (it cannot be loaded); the
    others are published. The errors are reported on stderr.
    """
    files = [(kind, path) for kind, path in record_files(root) if kind in ("workplaces", "modules")]
    ds = load_dataset(root, only=files)
    errors = [f for f in ds.findings if f.severity is Severity.ERROR]
    if errors:
        report_left_out(positioned(errors, root, ds.provenance), len(files), "Datensätze mit Fehlern fehlen auf der Jobbörse, bis die Fehler behoben sind.")
    if ds.organisation is None:
        raise UserError("organisation.yaml fehlt.", "Die Jobbörse braucht die Standorte mit Team-Telefon und Team-E-Mail.")
    config, problems = load_config(root)
    if problems:  # the tool's settings are used until the repository's file is fixed
        report_left_out(positioned(problems, root, ds.provenance), len(files) + 1,
                        "schema/easy-language.yaml hat Fehler: die Jobbörse nutzt die Einstellungen des Werkzeugs.")
    board = public_board(ds.workplaces.values(), ds.modules.values(), ds.organisation, today, config.require_review, ds.programmes)
    return board, config.glossary, len(errors) + len(problems)


def make_pdf(board: PublicBoard, pdf: Path) -> None:
    """Print every sheet of the board to one A4 PDF with headless Chromium.

    The document with all sheets is built only here, in a temporary folder:
    the published board has one small sheet per posting (``aushang/<id>/``).
    """
    from .chromium import browser

    pdf = pdf.resolve()
    pdf.parent.mkdir(parents=True, exist_ok=True)
    tmp = pdf.with_name(f".{pdf.name}.neu")
    with tempfile.TemporaryDirectory(prefix="site-gen-aushang-") as folder:
        site = Path(folder)
        for rel, data in {**print_all(board), **static_files()}.items():
            (site / rel).parent.mkdir(parents=True, exist_ok=True)
            (site / rel).write_bytes(data)
        with browser() as chromium:
            page = chromium.new_page()
            page.goto((site / "aushang" / "alle" / "index.html").as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(tmp), format="A4", print_background=True, prefer_css_page_size=True)
    tmp.replace(pdf)


def board_files(root: Path, board: PublicBoard, glossary: dict[str, str], with_audio: bool = True) -> dict[str, bytes]:
    """Every file of the board; the spoken files only when the offline voice is installed."""
    speak = with_audio and audio.available()
    if with_audio and not speak:
        print("Hinweis: espeak-ng oder opusenc fehlt. Die Jobbörse hat darum keine Hör·dateien. "
              "Mit 'apt-get install espeak-ng opus-tools' installieren.", file=sys.stderr)
    files = {**render_site(board, glossary, audio=speak), **static_files()}
    if speak:
        files.update(audio.render_audio(speech_texts(board), root))
    return files
