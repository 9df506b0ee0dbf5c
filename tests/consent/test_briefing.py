"""``site-gen briefing``: exactly the consented disclosures, nothing else."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from consent_fixtures import DATA, TODAY, make_repo, site_gen

COVERED = ["Braucht eine Erinnerung an die Pause.", "Fragt lieber zweimal nach, wenn etwas neu ist.", "Arbeitet gern mit Bildkarten."]


class _Items(HTMLParser):
    """Collects the text of <li> elements inside <ul class="items">."""

    def __init__(self) -> None:
        super().__init__()
        self.items: list[str] = []
        self._in_list = self._in_item = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "ul" and ("class", "items") in attrs:
            self._in_list = True
        elif tag == "li" and self._in_list:
            self._in_item = True
            self.items.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "ul":
            self._in_list = False
        elif tag == "li":
            self._in_item = False

    def handle_data(self, data: str) -> None:
        if self._in_item:
            self.items[-1] += data


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_repo(tmp_path_factory.mktemp("briefing"), DATA / "valid", DATA / "_briefing")


def test_briefing_contains_exactly_the_consented_disclosures(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "mitteilung.html"
    result = site_gen(root, "briefing", "tn-0301", "ap-baeckerei", "--out", str(out), "--today", TODAY)
    assert result.returncode == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    parser = _Items()
    parser.feed(html)
    assert parser.items == COVERED
    assert "GEHEIM" not in html  # support needs, notes, guardian, the other employer's item
    assert "Holtkötter" in html and "Backstube Kornblume" in html and "30.04.2027" in html
    assert "Regalwerk" not in html
    assert "<script" not in html and "http:" not in html and "https:" not in html  # printable, self-contained
    assert "Birte" not in result.stdout + result.stderr  # the log names no one


def test_withdrawn_consent_means_no_briefing(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "lager.html"
    result = site_gen(root, "briefing", "tn-0301", "ap-lager", "--out", str(out), "--today", TODAY)
    assert result.returncode == 1
    assert "keine gültige Einwilligung" in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_before_the_withdrawal_the_other_employer_gets_only_its_own_item(root: Path, tmp_path: Path) -> None:
    out = tmp_path / "lager.html"
    result = site_gen(root, "briefing", "tn-0301", "ap-lager", "--out", str(out), "--today", "2026-06-01")
    assert result.returncode == 0, result.stderr
    parser = _Items()
    parser.feed(out.read_text(encoding="utf-8"))
    assert parser.items == ["GEHEIM Lager darf das nicht mehr erfahren"]


@pytest.mark.parametrize(
    ("case", "workplace", "message"),
    [
        ("tn-9999", "ap-baeckerei", "Die Akte 'tn-9999' gibt es nicht."),
        ("tn-0301", "ap-nirgendwo", "Den Arbeitsplatz 'ap-nirgendwo' gibt es nicht."),
        ("tn-0001", "ap-lager", "keine gültige Einwilligung"),
    ],
)
def test_errors_are_german_and_exit_1(root: Path, tmp_path: Path, case: str, workplace: str, message: str) -> None:
    result = site_gen(root, "briefing", case, workplace, "--out", str(tmp_path / "x.html"), "--today", TODAY)
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr
