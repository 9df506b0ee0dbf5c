"""Every command on sealed records (issue 27): the same pages and values as on the plain demo.

One sealed copy of the demo per session (``conftest.py``) and one plain copy
with the same files per module; the CLI runs in-process (the entry point is
tested in ``test_sealed.py``). Where outputs differ by nature — the Git
history (the sealed copy has the sealing commit), audio and time stamps —
those parts are left out of the comparison, nothing else.
"""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml_rs

from ..conftest import REPO, demo_copy
from .conftest import Sealed, git, run

TODAY = "2026-11-22"


@dataclass(frozen=True)
class Pair:
    plain: Path
    sealed: Sealed
    coach: Path
    """Mara Petersen's (Kranhafen) own ed25519 SSH key, released for her location."""
    work: Path

    def both(self, *args: str, identity: Path | None = None) -> tuple[str, str]:
        """Run ARGS on the plain and on the sealed copy (``{out}`` in an argument: an output path of each); both outputs."""
        outs = []
        for name, root, ring, ident in (("plain", self.plain, None, None), ("sealed", self.sealed.repo, self.sealed.ring, identity or self.sealed.admin)):
            code, out = run(root, *[a.replace("{out}", str(self.work / name)) for a in args], ring=ring, identity=ident)
            assert code == 0, f"{name}: {out[-3000:]}"
            outs.append(out.replace(str(self.work / name), "OUT"))
        return outs[0], outs[1]


@pytest.fixture(scope="module")
def pair(sealed_demo: Sealed, tmp_path_factory: pytest.TempPathFactory) -> Pair:
    base = tmp_path_factory.mktemp("sealed-commands")
    plain = demo_copy(base / "plain")
    git(plain, "init", "-q", "-b", "main")
    git(plain, "add", "-A")
    git(plain, "commit", "-qm", "Demo (Klartext)")
    sealed = sealed_demo.copy(base)
    key = base / "mara"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "mara", "-f", str(key)], check=True)
    code, out = run(sealed.repo, "keys", "add", "mara-petersen", key.with_suffix(".pub").read_text(), ring=sealed.ring, identity=sealed.admin)
    assert code == 0, out
    git(sealed.repo, "add", "-A")
    git(sealed.repo, "commit", "-qm", "Mara liest Kranhafen", "--allow-empty")
    (base / "plain-out").mkdir()
    return Pair(plain, sealed, key, base)


def _page(text: str) -> str:
    """A page without what differs by nature: the Git history table, commit ids, build digests."""
    text = re.sub(r'<h2 id="letzte-anderungen">.*?</table>', "", text, flags=re.S)
    return re.sub(r"\b[0-9a-f]{7,40}\b", "<commit>", text)


def _site(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): _page(p.read_text(encoding="utf-8")) for p in sorted(folder.rglob("*.html"))}


def _same_site(pair: Pair, *args: str, identity: Path | None = None) -> dict[str, str]:
    """Build the plain and the sealed site with ARGS; assert the same pages with the same text; the sealed pages."""
    pair.both("build", "--no-search", "--today", TODAY, "--out", "{out}/site-" + "-".join(a.strip("-") for a in args), *args, identity=identity)
    name = "site-" + "-".join(a.strip("-") for a in args)
    plain, sealed = _site(pair.work / "plain" / name), _site(pair.work / "sealed" / name)
    assert sorted(sealed) == sorted(plain)
    assert [p for p in plain if plain[p] != sealed[p]] == []
    assert not [p for p, text in sealed.items() if re.search(r"(enc|age):v[12]:", text) and not p.startswith("hilfe/")]  # help explains the format
    return sealed


def test_the_internal_site_shows_the_same_pages(pair: Pair) -> None:
    pages = _same_site(pair)
    assert len([p for p in pages if p.startswith("akten/tn-")]) == 32


def test_a_coach_builds_her_location_with_her_own_key(pair: Pair) -> None:
    pages = _same_site(pair, "--team", "kranhafen", identity=pair.coach)
    assert 0 < len([p for p in pages if p.startswith("akten/tn-")]) < 32
    # her key opens her location only: the eight Kranhafen cases' names are on her site, no other location's
    names = [f"{d['first_name']} {d['last_name']}" for d in (yaml_rs.loads(p.read_text(encoding="utf-8"), parse_datetime=False)
                                                              for p in sorted((REPO / "cases").glob("*/case.yaml")))]
    built = "".join(p.read_text(encoding="utf-8", errors="replace") for p in (pair.work / "sealed" / "site-team-kranhafen").rglob("*") if p.is_file())
    assert len(names) == 32 and len([n for n in names if n in built]) == 8
    cache = pair.sealed.repo / ".site-gen-cache"  # written by every command on the sealed copy so far
    assert cache.is_dir() and b"Kranhafen, Register" not in b"".join(p.read_bytes() for p in cache.rglob("*") if p.is_file())


def test_the_coach_view_shows_the_same_pages(pair: Pair) -> None:
    pages = _same_site(pair, "--coach", "mara-petersen")
    assert [p for p in pages if p.startswith("akten/tn-")]


def test_export_gives_the_same_values(pair: Pair) -> None:
    pair.both("export", "tn-0001", "--today", TODAY, "--out", "{out}/export")
    plain, sealed = (json.loads((pair.work / n / "export/auskunft-tn-0001.json").read_text(encoding="utf-8")) for n in ("plain", "sealed"))
    history = next(k for k, v in plain.items() if isinstance(v, list) and v and isinstance(v[0], dict) and "commit" in v[0])
    plain.pop(history), sealed.pop(history)  # the sealed copy has its sealing commit too
    assert sealed == plain


def _docx(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode() + re.sub(r'w:date="[^"]*"', "", z.read("word/comments.xml").decode())


def test_bericht_briefing_bewerbung_mein_weg_are_the_same(pair: Pair) -> None:
    pair.both("bericht", "tn-0001", "--today", TODAY, "--out", "{out}/bericht.docx")
    assert _docx(pair.work / "sealed/bericht.docx") == _docx(pair.work / "plain/bericht.docx")
    for args, name in ((("briefing", "tn-0001", "ap-0001"), "briefing.html"), (("bewerbung", "tn-0001", "--workplace", "ap-0001"), "bewerbung.html")):
        pair.both(*args, "--today", TODAY, "--out", "{out}/" + name)
        assert (pair.work / "sealed" / name).read_text(encoding="utf-8") == (pair.work / "plain" / name).read_text(encoding="utf-8")
    pair.both("mein-weg", "tn-0001", "--kein-pdf", "--today", TODAY, "--out", "{out}/mein-weg")
    plain, sealed = (re.sub(r'src="data:audio[^"]*"', "", (pair.work / n / "mein-weg/mein-weg-tn-0001.html").read_text(encoding="utf-8"))
                     for n in ("plain", "sealed"))  # the spoken audio differs from run to run, also in plain
    assert sealed == plain and "Mein Weg" in sealed


def test_nachweis_and_match_are_the_same(pair: Pair) -> None:
    pair.both("nachweis", "--kostentraeger", "agentur-fuer-arbeit", "--monat", "2026-10", "--today", TODAY, "--out", "{out}/nachweis")
    for name in ("nachweis-agentur-fuer-arbeit-2026-10.csv", "nachweis-agentur-fuer-arbeit-2026-10.html"):
        assert (pair.work / "sealed/nachweis" / name).read_bytes() == (pair.work / "plain/nachweis" / name).read_bytes()
    plain, sealed = pair.both("match", "tn-0001", "--today", TODAY, "--format", "json", "--top", "5")
    assert sealed == plain and json.loads(plain)
    plain, sealed = pair.both("match", "--workplace", "ap-0001", "--today", TODAY)
    assert sealed == plain


def test_log_and_kontakt_write_sealed_case_values_that_read_back(pair: Pair, tmp_path: Path) -> None:
    s = pair.sealed.copy(tmp_path)
    code, out = run(s.repo, "log", "tn-0001", "--kind", "unmittelbar", "--minutes", "25", "--by", "mara-petersen", "--note", "Übung Fahrweg SEALTEST-4411.",
                    "--date", TODAY, ring=s.ring, identity=pair.coach)
    assert code == 0 and "SEALTEST" not in out, out
    written = next((s.repo / "cases/tn-0001/support_log").glob(f"{TODAY}-mara-petersen-*.yaml")).read_text(encoding="utf-8")
    assert "SEALTEST" not in written and written.count("enc:v2:basis:") == 5  # with her key: the fast kind
    code, out = run(s.repo, "kontakt", "ap-0001", "--kind", "anruf", "--by", "mara-petersen", "--case", "tn-0001", "--note", "Rückruf zur Schicht.",
                    "--today", TODAY, ring=s.ring, identity=pair.coach)
    assert code == 0, out  # the consent of a sealed case is read to allow it
    code, out = run(s.repo, "check", "--no-cache", "--today", TODAY, ring=s.ring, identity=s.admin)
    assert code == 0 and "SEALED" not in out, out[-3000:]
    code, out = run(s.repo, "export", "tn-0001", "--today", TODAY, "--out", str(tmp_path / "x"), ring=s.ring, identity=pair.coach)
    assert code == 0 and "SEALTEST-4411" in (tmp_path / "x/auskunft-tn-0001.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [
    ("bericht", "tn-0005", "--out", "{tmp}/b.docx"),
    ("briefing", "tn-0005", "ap-0001", "--out", "{tmp}/b.html"),
    ("bewerbung", "tn-0005", "--out", "{tmp}/m.html"),
    ("mein-weg", "tn-0005", "--kein-pdf", "--out", "{tmp}/w"),
    ("match", "tn-0005"),
    ("export", "tn-0005", "--out", "{tmp}/e"),
])
def test_a_case_the_reader_may_not_open_is_named_with_the_missing_key(pair: Pair, tmp_path: Path, command: tuple[str, ...]) -> None:
    """tn-0005 is Moorwiese's: Mara's key is not released for it; without any own key, the key is missing."""
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    code, out = run(pair.sealed.repo, *args, "--today", TODAY, ring=pair.sealed.ring, identity=pair.coach)
    assert code == 1 and "SEALED-NO-ACCESS" in out and "für den Standort 'moorwiese' nicht freigegeben" in out, out
    code, out = run(pair.sealed.repo, *args, "--today", TODAY, ring=pair.sealed.ring, identity=None)
    assert code == 1 and "SEALED-NO-KEY" in out and "SITE_GEN_IDENTITY ist nicht gesetzt" in out, out
    assert "hat Fehler" not in out and "Traceback" not in out and not any(tmp_path.iterdir())
