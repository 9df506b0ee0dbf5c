"""A company contact note about a person is sealed to that person's case (issue 27's open decision, issue 30's contacts).

Each test works on a copy of the session's sealed demo (``migrate --encrypt`` in a real temporary Git repository);
the CLI runs in-process. The demo's contact ``ap-0001 … 71cba6`` names tn-0001, whose live consent
``unterstuetzungsbedarf-an-arbeitgeber`` (ew-4) names ap-0001: its notes are sealed in that purpose's slot.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from site_gen.records.seal_contacts import ERASED_PREFIX, SEALED_NOTE

from ..conftest import REPO
from .conftest import Sealed, git, keys_env, run

TODAY = "2026-11-22"
ABOUT = "workplaces/ap-0001/contact_log/2026-10-02-mara-petersen-71cba6.yaml"
NOTE = "Rundgang mit der Lagerleitung"
"""The start of the demo note about tn-0001 (plain in the demo records)."""
SLOT = "unterstuetzungsbedarf-an-arbeitgeber"


def _contacts(root: Path, ring: Path | None, identity: Path | None, wid: str = "ap-0001", day: str = TODAY) -> tuple[list, list]:  # type: ignore[type-arg]
    """(raw contacts of the workplace as loaded, the company page's rows) for that reader."""
    from site_gen.records.dataset import load_dataset
    from site_gen.views.company import company
    from site_gen.views.consented import consented_dataset

    with keys_env(ring, identity):
        ds = load_dataset(root)
        today = dt.date.fromisoformat(day)
        return ds.workplaces[wid].contact_log, company(consented_dataset(ds, today), wid, today).contacts


def test_migrate_seals_the_note_about_a_person_and_leaves_company_notes_plain(sealed_demo: Sealed, tmp_path: Path) -> None:
    text = (sealed_demo.repo / ABOUT).read_text(encoding="utf-8")
    assert re.search(rf"^summary: enc:v2:{SLOT}:", text, re.M) and NOTE not in text
    assert "case: tn-0001" in text and "date: '2026-10-02'" in text and "kind: besuch" in text  # Kennzahlen and the consent check need no key
    plain = [p.relative_to(REPO).as_posix() for p in (REPO / "workplaces").rglob("contact_log/*.yaml") if "case:" not in p.read_text(encoding="utf-8")]
    assert len(plain) >= 5
    assert all((sealed_demo.repo / rel).read_bytes() == (REPO / rel).read_bytes() for rel in plain)  # no person: stays as written
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{sealed_demo.repo}", str(clone))
    objects = subprocess.run(["git", "cat-file", "--batch-all-objects", "--batch"], cwd=clone, capture_output=True, check=True).stdout
    assert NOTE.encode() not in objects and f"enc:v2:{SLOT}:".encode() in objects


def test_readers_with_the_key_see_the_note_readers_without_see_it_is_sealed(sealed_demo: Sealed, tmp_path: Path) -> None:
    raw, rows = _contacts(sealed_demo.repo, sealed_demo.ring, sealed_demo.admin)
    about = [c for c in raw if c.case == "tn-0001"]
    assert len(about) == 1 and about[0].summary.startswith(NOTE)
    assert any(r.summary.startswith(NOTE) and r.case is not None for r in rows)  # the company page, with the consent
    code, out = run(sealed_demo.repo, "export", "tn-0001", "--today", TODAY, "--out", str(tmp_path / "x"), ring=sealed_demo.ring, identity=sealed_demo.admin)
    assert code == 0, out[-2000:]
    assert NOTE in (tmp_path / "x/auskunft-tn-0001.json").read_text(encoding="utf-8")  # the subject-access export
    raw, rows = _contacts(sealed_demo.repo, None, None)  # no keyring, no own key
    assert [c.summary for c in raw if c.case == "tn-0001"] == [SEALED_NOTE]
    assert SEALED_NOTE in [r.summary for r in rows] and not any(NOTE in r.summary for r in rows)
    assert len(rows) == len(raw)  # the contact still counts, its text does not show


def test_kontakt_seals_a_note_about_a_case_and_the_check_refuses_plaintext_and_swaps(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    folder = s.repo / "workplaces/ap-0001/contact_log"
    code, out = run(s.repo, "kontakt", "ap-0001", "--kind", "anruf", "--by", "mara-petersen", "--case", "tn-0001", "--note", "SEALTEST-5521 Schicht besprochen.",
                    "--frage", "FRAGETEST-5521 Wer fährt mit?", "--today", TODAY, ring=s.ring, identity=s.admin)
    assert code == 0 and "SEALTEST" not in out, out
    new = next(p for p in folder.glob(f"{TODAY}-mara-petersen-*.yaml"))
    written = new.read_text(encoding="utf-8")
    assert "SEALTEST" not in written and "FRAGETEST" not in written
    assert written.count(f"enc:v2:{SLOT}:") == 2 and f"date: '{TODAY}'" in written and "kind: anruf" in written
    code, out = run(s.repo, "kontakt", "ap-0001", "--kind", "anruf", "--by", "mara-petersen", "--case", "tn-0001", "--note", "SEALTEST-9 Nichts.",
                    "--today", TODAY, ring=s.ring, identity=None)  # without an own key the consent cannot be read: refused, nothing written
    assert code == 1 and "ist versiegelt und mit Ihrem Schlüssel nicht zu öffnen" in out and "SEALTEST" not in out, out
    assert len(list(folder.glob(f"{TODAY}-*.yaml"))) == 1
    code, out = run(s.repo, "kontakt", "ap-0001", "--kind", "besuch", "--by", "mara-petersen", "--note", "PLAINOK-1 Neue Lagerhalle angesehen.",
                    "--date", "2026-11-21", "--today", TODAY, ring=s.ring, identity=s.admin)
    assert code == 0 and "PLAINOK-1" in next(folder.glob("2026-11-21-mara-petersen-*.yaml")).read_text(encoding="utf-8")  # no case: plain
    raw, _ = _contacts(s.repo, s.ring, s.admin)
    assert "SEALTEST-5521 Schicht besprochen." in [c.summary for c in raw] and "FRAGETEST-5521 Wer fährt mit?" in [c.question for c in raw]
    code, out = run(s.repo, "check", "--no-cache", "--today", TODAY, ring=s.ring, identity=s.admin)
    assert code == 0 and "SEALED" not in out, out[-2000:]

    # a note about a case typed in by hand (or by the browser editor) is refused at its position, and 'keys seal' seals it
    hand = folder / "2026-11-20-mara-petersen-0a0a0a.yaml"
    hand.write_text("date: 2026-11-20\nkind: anruf\nby: mara-petersen\ncase: tn-0001\nsummary: PLAINTEST-7 Pausen besprochen.\n", encoding="utf-8")
    git(s.repo, "add", "-A")
    for args in (("check", "--no-cache", "--today", TODAY), ("check", "--staged")):
        code, out = run(s.repo, *args, ring=s.ring, identity=s.admin)
        assert code == 1 and f"workplaces/ap-0001/contact_log/{hand.name}:5:1: SEALED-PLAINTEXT" in out, out[-2000:]
        assert "PLAINTEST" not in out
    code, out = run(s.repo, "keys", "seal", ring=s.ring, identity=s.admin)
    assert code == 0 and f"versiegelt: workplaces/ap-0001/contact_log/{hand.name}" in out and "1 Datei versiegelt." in out, out
    assert "PLAINTEST" not in hand.read_text(encoding="utf-8") and "date: 2026-11-20\nkind: anruf\n" in hand.read_text(encoding="utf-8")
    code, out = run(s.repo, "check", "--no-cache", "--today", TODAY, ring=s.ring, identity=s.admin)
    assert code == 0 and "SEALED" not in out, out[-2000:]

    # a sealed note copied into another contact does not open
    def summary(path: Path) -> str:
        return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("summary: "))

    theirs, mine = summary(s.repo / ABOUT), summary(new)
    new.write_text(new.read_text(encoding="utf-8").replace(mine, theirs), encoding="utf-8")
    code, out = run(s.repo, "check", "--no-cache", "--today", TODAY, ring=s.ring, identity=s.admin)
    line = next(i for i, text in enumerate(new.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("summary: "))
    assert code == 1 and f"workplaces/ap-0001/contact_log/{new.name}:{line}:1: SEALED-TAMPERED" in out, out[-2000:]
    assert NOTE not in out


def test_after_widerruf_the_note_reads_as_erased_in_every_commit(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    sealed_at = git(s.repo, "rev-parse", "HEAD").strip()
    code, out = run(s.repo, "widerruf", "tn-0001", "ew-4", "--date", "2026-12-01", "--yes", ring=s.ring, identity=s.admin)
    assert code == 0, out
    assert git(s.repo, "status", "--porcelain") == ""
    for root in (s.repo, _checkout(s, tmp_path / "old", sealed_at)):
        raw, rows = _contacts(root, s.ring, s.recovery, day="2026-12-02")
        about = [c for c in raw if c.case == "tn-0001"]
        assert [c.summary for c in about] == ["Notiz gelöscht: der Schlüssel wurde am 01.12.2026 vernichtet."]
        assert not any(NOTE in r.summary for r in rows)
        assert NOTE not in (root / ABOUT).read_text(encoding="utf-8")  # the working tree held ciphertext only, before and after
    history = git(s.repo, "log", "-p", f"{sealed_at}..HEAD", "--", "workplaces") + git(s.repo, "show", f"{sealed_at}:{ABOUT}")
    assert NOTE not in history  # from the sealing commit on, Git holds ciphertext only


def test_forget_leaves_the_note_erased_in_old_commits(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    code, out = run(s.repo, "forget", "tn-0001", "--yes", ring=s.ring, identity=s.admin)
    assert code == 0, out
    assert not (s.repo / ABOUT).exists()
    old = _checkout(s, tmp_path / "old", "HEAD~1")
    raw, _ = _contacts(old, s.ring, s.recovery)
    assert [c.summary.startswith(ERASED_PREFIX) for c in raw if c.case == "tn-0001"] == [True]


def _checkout(s: Sealed, dest: Path, commit: str) -> Path:
    git(dest.parent, "clone", "-q", str(s.repo), str(dest))
    git(dest, "checkout", "-q", commit)
    return dest
