"""``site-gen leicht``: the board's easy-language rules on letters, course material and booklets."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import docx
import pytest

from site_gen.cli import main
from site_gen.texts.read import markdown_line, read_html, read_markdown

from ..conftest import REPO, run_cli

OFFICE = """Sehr geehrte Frau Beispiel,
hiermit laden wir Sie zu einem Reflexionsgespräch bezüglich Ihrer Beschäftigungserprobung ein, welches am 12.03.2027 um 09:00 Uhr stattfinden wird.
Bitte bringen Sie ggf. Ihre Unterlagen mit, damit die Auswertung vorgenommen werden kann.
"""
EASY = """# Wir laden dich ein

Wir sprechen über dein **Praktikum**.
Das Gespräch ist am 12. März 2027.
Es beginnt um 9 Uhr.

- Bring bitte deine Mappe mit.
- Wir freuen uns auf dich.
"""


def leicht(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--root", str(REPO), "leicht", *args])
    return code, out.getvalue() + err.getvalue()


def test_office_german_fails_with_file_line_col_through_the_real_entry_point(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(OFFICE, encoding="utf-8")
    result = run_cli("--root", str(REPO), "leicht", str(letter))
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr
    # the position of the word itself: line 2, "bezüglich" at column 51
    assert f"{letter}:2:51: EASY-GENITIVE Genitiv nach „bezüglich“" in result.stdout
    assert f"{letter}:2:1: EASY-SENTENCE-LENGTH" in result.stdout
    assert f"{letter}:3:19: EASY-ABBREVIATION Abkürzung „ggf.“" in result.stdout
    assert "    Hinweis: Ausschreiben: „wenn nötig“." in result.stdout
    assert result.stdout.splitlines()[-1].startswith("1 Datei geprüft: ")


def test_proper_leichte_sprache_passes(tmp_path: Path) -> None:
    text = tmp_path / "einladung.md"
    text.write_text(EASY, encoding="utf-8")
    code, out = leicht(str(text))
    assert code == 0, out
    assert ": 0 Fehler," in out


def test_markdown_markup_becomes_spaces_so_columns_stay() -> None:
    line = "- Lies **hier** den [Plan](https://example.org/plan) von `Anna`."
    plain = markdown_line(line)
    assert len(plain) == len(line)
    assert plain.index("hier") == line.index("hier")
    assert plain.index("Plan") == line.index("Plan")
    assert "https" not in plain and "*" not in plain and "`" not in plain
    lines = read_markdown("---\ntitle: Brief\n---\n# Kopf\n```\ncode hier\n```\nText.\n")
    assert [(tl.line, tl.text.strip()) for tl in lines] == [(4, "Kopf"), (8, "Text.")]


def test_html_text_keeps_its_line_and_column() -> None:
    lines = read_html("<html><head><title>Mein Weg</title><style>p { color: red }</style></head>\n<body>\n  <p>Ich <b>kann</b> das.</p>\n</body></html>\n")
    assert lines[0].text.strip() == "Mein Weg"
    assert lines[2].text.index("kann") == "  <p>Ich <b>kann</b> das.</p>".index("kann")
    assert "color" not in "".join(tl.text for tl in lines)


def test_word_file_paragraph_number_is_the_line(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Wir laden dich ein.")
    document.add_paragraph("")
    document.add_paragraph("Bitte bringen Sie ggf. Ihre Mappe mit.")
    path = tmp_path / "brief.docx"
    document.save(str(path))
    code, out = leicht(str(path))
    assert code == 1
    assert f"{path.as_posix()}:3:19: EASY-ABBREVIATION" in out


def test_json_format_like_check(tmp_path: Path) -> None:
    letter = tmp_path / "brief.txt"
    letter.write_text(OFFICE, encoding="utf-8")
    code, out = leicht("--format", "json", str(letter))
    data = json.loads(out)
    assert code == 1
    first = data["findings"][0]
    assert set(first) == {"file", "line", "column", "code", "severity", "message", "hint", "due"}
    assert {f["line"] for f in data["findings"]} >= {2, 3}


def test_warnings_fail_only_with_strict(tmp_path: Path) -> None:
    text = tmp_path / "warnung.txt"
    text.write_text("Du musst nicht früh kommen.\n", encoding="utf-8")
    code, out = leicht(str(text))
    assert code == 0 and "[Warnung]" in out
    assert leicht("--strict", str(text))[0] == 1


@pytest.mark.parametrize("name, code", [("brief.odt", "LEICHT-FORMAT"), ("fehlt.txt", "LEICHT-FILE")])
def test_unreadable_input_is_a_german_error(tmp_path: Path, name: str, code: str) -> None:
    status, out = leicht(str(tmp_path / name))
    assert status == 1
    assert code in out and "Traceback" not in out


def test_a_damaged_pdf_is_a_german_error(tmp_path: Path) -> None:
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\nkein echtes PDF")
    status, out = leicht(str(broken))
    assert status == 1 and "LEICHT-PDF" in out and "Traceback" not in out
