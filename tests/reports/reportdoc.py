"""Reading a report .docx back as text (for goldens) and its margin notes (for citation checks)."""

from __future__ import annotations

import datetime as dt
import html
import re
import zipfile
from pathlib import Path
from typing import Any

import docx
import yaml_rs

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SOURCE_LINE = re.compile(r"^(?P<file>cases/\S+) › (?P<path>\S+) = (?P<day>\d\d\.\d\d\.\d{4})$")


def _para(p: Any) -> str:
    text = "".join(t.text or "" for t in p.iter(f"{W}t"))
    refs = [c.get(f"{W}id") for c in p.iter(f"{W}commentRangeStart")]
    return text + "".join(f" [Q{int(r) + 1}]" for r in refs)


def docx_text(path: Path) -> str:
    """Body paragraphs and tables in order (table cells joined with ' | '), then the margin notes."""
    doc = docx.Document(str(path))
    lines: list[str] = []
    for child in doc.element.body:
        if child.tag == f"{W}p":
            lines.append(_para(child))
        elif child.tag == f"{W}tbl":
            for row in child.iter(f"{W}tr"):
                lines.append(" | ".join(" ".join(_para(p) for p in cell.iter(f"{W}p")) for cell in row.iter(f"{W}tc")))
    lines.append("--- Randnotizen ---")
    for c in doc.comments:
        lines.append(f"Q{c.comment_id + 1}: " + c.text.replace("\n", " / "))
    return "\n".join(lines) + "\n"


def header_text(path: Path) -> str:
    doc = docx.Document(str(path))
    return "\n".join(p.text for s in doc.sections for p in s.header.paragraphs)


def every_part_text(path: Path) -> str:
    """The text of every XML part of a .docx (document, headers, footers, notes, comments, properties), the runs
    of a paragraph joined as Word shows them: what any rendering of the file (a PDF of it) could show, and more."""
    with zipfile.ZipFile(path) as archive:
        parts = [archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith((".xml", ".rels"))]
    text = "\n".join(re.sub(r"</w:p>|<w:br/>|<w:tab/>|</w:tc>", "\n", part) for part in parts)
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def citations(path: Path) -> list[tuple[str, str, dt.date]]:
    """(file, field path, date) of every source line in the margin notes."""
    out = []
    for c in docx.Document(str(path)).comments:
        lines = c.text.split("\n")
        assert lines[0] == "Quelle:", c.text
        for line in lines[1:]:
            m = SOURCE_LINE.match(line)
            assert m, f"not a source line: {line!r}"
            out.append((m["file"], m["path"], dt.datetime.strptime(m["day"], "%d.%m.%Y").date()))
    return out


def read_case(target: Path, parse_datetime: bool = True) -> Any:
    """A case file, or a case folder composed independently of site_gen: case.yaml, then each
    entry file appended to its list in file-name order."""
    if not target.is_dir():
        return yaml_rs.loads(target.read_text(encoding="utf-8"), parse_datetime=parse_datetime)
    value: Any = yaml_rs.loads((target / "case.yaml").read_text(encoding="utf-8"), parse_datetime=parse_datetime)
    for folder in sorted(p for p in target.iterdir() if p.is_dir()):
        value.setdefault(folder.name, []).extend(yaml_rs.loads(f.read_text(encoding="utf-8"), parse_datetime=parse_datetime)
                                                 for f in sorted(folder.glob("*.yaml")))
    return value


def resolve(root: Path, file: str, path: str) -> Any:
    """The value at ``path`` (``support_log[3].date``) in ``file``, read independently of site_gen."""
    value = read_case(root / file)
    for key, index in re.findall(r"([a-z_]+)|\[(\d+)\]", path):
        value = value[int(index)] if index else value[key]
    return value


def as_date(value: Any) -> dt.date:
    """A YAML date as read by yaml_rs (a date object or an ISO string)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
