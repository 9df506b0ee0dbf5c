"""Print one self-contained HTML document to an A4 PDF with headless Chromium (the job board's PDF path)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from ..output import write_file, write_private
from .chromium import browser


def print_html(html: str, pdf: Path, private: bool = True) -> Path:
    """Write ``html`` as an A4 PDF to ``pdf`` atomically (``private``: readable by the owner only, as every
    document about a person); raises UserError."""
    with tempfile.TemporaryDirectory(prefix="site-gen-druck-") as folder:
        page_file = Path(folder) / "dokument.html"
        page_file.write_text(html, encoding="utf-8")
        target = Path(folder) / "dokument.pdf"
        with browser() as chromium:
            page = chromium.new_page()
            page.goto(page_file.as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
        (write_private if private else write_file)(pdf, target.read_bytes())
    return pdf


def write_blank_form(folder: Path, name: str, html: str, pdf: bool) -> list[Path]:
    """A blank form about nobody (self-assessment, feedback questionnaire): ``name``.html and, with ``pdf``,
    ``name``.pdf in ``folder``; returns the paths written."""
    written = [write_file(folder / f"{name}.html", html)]
    if pdf:
        written.append(print_html(html, folder / f"{name}.pdf", private=False))
    return written
