"""LibreOffice conversions reuse one profile of site-gen's own, locked per conversion (site_gen/site/pdf.py).

Real LibreOffice runs; the kept profile in a cache folder of the test's own (``XDG_CACHE_HOME``).
"""

from __future__ import annotations

import fcntl
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from site_gen.site.pdf import convert, kept_profile


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"


def document(folder: Path, name: str) -> Path:
    folder.mkdir(parents=True)
    made = docx.Document()
    made.add_paragraph("Entwurf für KANARIEPERSON")
    path = folder / f"{name}.docx"
    made.save(str(path))
    return path


def test_the_second_conversion_reuses_the_profile_the_first_made_which_keeps_no_document(cache: Path, tmp_path: Path) -> None:
    profile = kept_profile()
    assert profile.is_relative_to(cache)
    first = convert(document(tmp_path / "KANARIEORDNER", "kanarie-bericht"), tmp_path)
    assert "KANARIEPERSON" in PdfReader(first).pages[0].extract_text()
    assert (profile / "user").is_dir()  # LibreOffice made its profile there
    (profile / "user" / "zuvor").write_text("", encoding="utf-8")
    second = convert(document(tmp_path / "zwei", "zweiter"), tmp_path, "odt")
    assert second.stat().st_size > 1000
    assert (profile / "user" / "zuvor").exists()  # the same profile, not made anew
    for path in (p for p in profile.rglob("*") if p.is_file()):
        assert b"KANARIE" not in path.read_bytes().upper(), path  # no file name or folder of a document stays there


def test_a_conversion_while_the_profile_is_taken_uses_a_throw_away_one(cache: Path, tmp_path: Path) -> None:
    profile = kept_profile()
    profile.parent.mkdir(parents=True)
    with open(profile.parent / "libreoffice.lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another conversion holds it
        pdf = convert(document(tmp_path / "eins", "bericht"), tmp_path)
    assert PdfReader(pdf).pages
    assert not profile.exists()  # LibreOffice never started on the taken profile
