"""Read a text document into lines of plain text, keeping where each character stood.

Markup is replaced by spaces, never removed, so a column in the plain line is the
column in the file: Markdown (``#``, ``*``, ``[text](address)`` …) and HTML (tags,
``<script>``/``<style>`` content). A Word file (.docx) has no lines: the paragraph
number is the line, the column counts within the paragraph; in a PDF the page number is the line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from ..errors import UserError

SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".html", ".htm", ".pdf")


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of plain text; ``line`` and ``col`` (both from 1) say where ``text[0]`` stands in the file."""

    line: int
    col: int
    text: str


_MD_BLOCK = re.compile(r"^(\s{0,3}(?:#{1,6}\s|>\s?|[-*+]\s+(?:\[[ xX]\]\s+)?|\d{1,3}[.)]\s+))+")
_MD_IMAGE_OR_LINK = re.compile(r"!?\[([^\]]*)\]\(([^)]*)\)")
_MD_AUTOLINK = re.compile(r"<[^>\s]+>")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`+|~~)")
_MD_RULE = re.compile(r"^\s{0,3}(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{3,}")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _link(match: re.Match[str]) -> str:
    """``[Text](adresse)`` → `` Text          ``: the text stays where it stood."""
    return " " * (2 if match.group().startswith("!") else 1) + match.group(1) + " " * (len(match.group(2)) + 3)


def markdown_line(line: str) -> str:
    """One Markdown line as plain text of the same length (markup → spaces)."""
    if _MD_RULE.match(line):
        return ""
    line = _MD_BLOCK.sub(_blank, line)
    line = _MD_IMAGE_OR_LINK.sub(_link, line)
    line = _MD_AUTOLINK.sub(_blank, line)
    line = _MD_EMPHASIS.sub(_blank, line)
    return line.replace("|", " ")


def read_markdown(text: str) -> list[TextLine]:
    out: list[TextLine] = []
    fenced = False
    front = text.startswith("---\n")
    for number, line in enumerate(text.splitlines(), 1):
        if front:  # YAML front matter: metadata, not text
            front = not (number > 1 and line.strip() == "---")
            continue
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "\t")):
            continue
        out.append(TextLine(number, 1, markdown_line(line)))
    return out


def read_plain(text: str) -> list[TextLine]:
    return [TextLine(number, 1, line) for number, line in enumerate(text.splitlines(), 1)]


class _HtmlText(HTMLParser):
    """Text nodes put back at their line and column; tags and the content of script/style become spaces."""

    SKIP = frozenset({"script", "style", "head"})

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.lines = [[" "] * len(line) for line in source.splitlines()]
        self.skipping = 0
        self.title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        self.title = self.title or tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        self.title = self.title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self.skipping and not self.title:
            return
        line, col = self.getpos()
        for i, piece in enumerate(data.split("\n")):
            row = self.lines[line - 1 + i] if line - 1 + i < len(self.lines) else None
            start = col if i == 0 else 0
            for j, ch in enumerate(piece):
                if row is not None and start + j < len(row):
                    row[start + j] = ch


def read_html(text: str) -> list[TextLine]:
    parser = _HtmlText(text)
    parser.feed(text)
    parser.close()
    return [TextLine(number, 1, "".join(chars)) for number, chars in enumerate(parser.lines, 1)]


def read_docx(path: Path) -> list[TextLine]:
    """Every paragraph of the body (tables too, in document order): line = paragraph number."""
    import docx  # python-docx, only when a Word file is read
    from docx.oxml.ns import qn
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception:  # python-docx raises several kinds for a damaged or foreign file
        raise UserError(f"LEICHT-DOCX {path}: Die Word-Datei lässt sich nicht lesen.",
                        "In Word oder LibreOffice öffnen und als .docx neu speichern.") from None
    out: list[TextLine] = []
    for number, element in enumerate(document.element.body.iter(qn("w:p")), 1):
        text = Paragraph(element, document).text
        offset = 0
        for piece in text.split("\n"):
            out.append(TextLine(number, offset + 1, piece))
            offset += len(piece) + 1
    return out


def read_pdf(path: Path) -> list[TextLine]:
    """The text lines of every page (pypdf's layout-free extraction): line = page number."""
    import pypdf  # only when a PDF is read

    try:
        # NFKC: the typesetter's ligatures (ﬀ, ﬁ) back into letters
        texts = [unicodedata.normalize("NFKC", page.extract_text() or "") for page in pypdf.PdfReader(str(path)).pages]
    except Exception:  # pypdf raises several kinds for a damaged file
        raise UserError(f"LEICHT-PDF {path}: Die PDF-Datei lässt sich nicht lesen.", "Die Datei neu erzeugen oder als .docx prüfen.") from None
    return [TextLine(number, 1, line) for number, text in enumerate(texts, 1) for line in text.splitlines()]


def read_document(path: Path) -> list[TextLine]:
    """The lines of ``path`` by its suffix; a file that cannot be read is a UserError naming it."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UserError(f"LEICHT-FORMAT {path}: Diese Art von Datei kann die Prüfung nicht lesen.",
                        "Möglich sind .txt, .md, .docx, .html und .pdf.")
    if not path.is_file():
        raise UserError(f"LEICHT-FILE {path}: Die Datei gibt es nicht.", "Den Namen und den Ordner prüfen.")
    if suffix == ".docx":
        return read_docx(path)
    if suffix == ".pdf":
        return read_pdf(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"LEICHT-ENCODING {path}: Die Datei ist nicht in UTF-8 gespeichert.",
                        "Im Editor als UTF-8 speichern.") from None
    if suffix in (".md", ".markdown"):
        return read_markdown(text)
    if suffix in (".html", ".htm"):
        return read_html(text)
    return read_plain(text)
