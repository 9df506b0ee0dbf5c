"""Sealed values bound to their entry, and a new key for a new consent after a withdrawal (issue 27).

Each test works on a copy of the session's sealed demo; the CLI runs in-process.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from site_gen.records import repo as sealed_repo
from site_gen.records.keyring import CaseKeys, Keyring
from site_gen.records.keys import SlotKey, identity_from_str
from site_gen.records.sealing import binding

from ..conftest import REPO
from .conftest import NEW_CONSENT, Sealed, git, run


def _note_line(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("note: "))


def test_two_entries_notes_exchanged_are_refused_with_the_file_and_position(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    first, second = sorted((s.repo / "cases/tn-0001/support_log").glob("*.yaml"))[:2]
    a, b = _note_line(first), _note_line(second)
    assert a.startswith("note: enc:v2:basis:") and a != b
    for path, old, new in ((first, a, b), (second, b, a)):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, out = run(s.repo, "check", "--no-cache", "--today", "2026-11-22", ring=s.ring, identity=s.admin)
    assert code == 1
    line = next(i for i, text in enumerate(first.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("note: "))
    assert re.search(rf"cases/tn-0001/support_log/{first.name}:{line}:1: SEALED-TAMPERED Ein verschlüsselter Wert lässt sich nicht öffnen: .*"
                     r"einem anderen Eintrag\.", out), out[-2000:]
    assert "Traceback" not in out
    # put back: the case opens again
    for path, old, new in ((first, b, a), (second, a, b)):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    code, out = run(s.repo, "check", "--no-cache", "--today", "2026-11-22", ring=s.ring, identity=s.admin)
    assert "SEALED" not in out, out[-2000:]


def test_values_sealed_before_entries_were_bound_stay_readable(sealed_demo: Sealed, tmp_path: Path) -> None:
    """Version 1 (``enc:v1:``: case and field only) is still read, so older commits and clones keep working."""
    import base64
    import os

    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    s = sealed_demo.copy(tmp_path)
    keys = Keyring.open(s.ring).read_case("tn-0001", [identity_from_str(s.recovery.read_text())])
    assert isinstance(keys, CaseKeys)
    entry = sorted((s.repo / "cases/tn-0001/support_log").glob("*.yaml"))[0]
    nonce = os.urandom(12)
    raw = ChaCha20Poly1305(SlotKey.of(keys.keys["basis"]).data_key).encrypt(nonce, b'"Alte Notiz V1TEST."', binding("tn-0001", ("support_log", 0, "note"), None))
    entry.write_text(entry.read_text(encoding="utf-8").replace(_note_line(entry), "note: enc:v1:basis:" + base64.b64encode(nonce + raw).decode()), encoding="utf-8")
    code, out = run(s.repo, "check", "--no-cache", "--today", "2026-11-22", ring=s.ring, identity=s.admin)
    assert "SEALED" not in out, out[-2000:]
    code, out = run(s.repo, "export", "tn-0001", "--today", "2026-11-22", "--out", str(tmp_path / "x"), ring=s.ring, identity=s.admin)
    assert code == 0 and "Alte Notiz V1TEST." in (tmp_path / "x/auskunft-tn-0001.json").read_text(encoding="utf-8")


def _export(root: Path, s: Sealed, target: Path) -> str:
    code, out = run(root, "export", "tn-0001", "--today", "2026-12-06", "--out", str(target), ring=s.ring, identity=s.admin)
    assert code == 0, out
    return json.dumps(json.loads((target / "auskunft-tn-0001.json").read_text(encoding="utf-8")), ensure_ascii=False)


def test_a_new_consent_after_a_withdrawal_gets_a_new_key(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    withdrawn = [line.strip()[2:] for line in (REPO / "cases/tn-0001/case.yaml").read_text().split("support_needs:")[1].splitlines()[1:3]]
    code, out = run(s.repo, "widerruf", "tn-0001", "ew-1", "--date", "2026-12-01", "--yes", ring=s.ring, identity=s.admin)
    assert code == 0, out
    assert "gesundheitsdaten" not in sealed_repo.read_recipients(s.repo, "tn-0001")
    # the person consents again: a new consent, a new value of that purpose, written plain and sealed by 'keys seal'
    (s.repo / "cases/tn-0001/consents/2026-12-05-ew-6-5e0a11.yaml").write_text(NEW_CONSENT, encoding="utf-8")
    with (s.repo / "cases/tn-0001/case.yaml").open("a", encoding="utf-8") as f:
        f.write("support_needs:\n  - Feste Pausen nach Absprache NEUWERT-7\n")
    code, out = run(s.repo, "keys", "seal", ring=s.ring, identity=s.admin)
    assert code == 0, out
    recipients = sealed_repo.read_recipients(s.repo, "tn-0001")
    assert "gesundheitsdaten.2" in recipients and "gesundheitsdaten" not in recipients  # a new key pair, the old one stays destroyed
    assert "NEUWERT" not in (s.repo / "cases/tn-0001/case.yaml").read_text(encoding="utf-8")
    assert "enc:v2:gesundheitsdaten.2:" in (s.repo / "cases/tn-0001/case.yaml").read_text(encoding="utf-8")
    git(s.repo, "add", "-A")
    git(s.repo, "commit", "-qm", "Neue Einwilligung")
    code, out = run(s.repo, "check", "--no-cache", "--today", "2026-12-06", ring=s.ring, identity=s.admin)
    assert "SEALED-TAMPERED" not in out and "SEALED-NO-KEY" not in out and "SEALED-ERASED" not in out, out[-2000:]
    text = _export(s.repo, s, tmp_path / "now")
    assert "Feste Pausen nach Absprache NEUWERT-7" in text and [w for w in withdrawn if w in text] == []
    # the commit before the withdrawal: its values stay erased, with every key in the keyring
    old = tmp_path / "old"
    git(tmp_path, "clone", "-q", str(s.repo), str(old))
    git(old, "checkout", "-q", "HEAD~2")
    assert [w for w in withdrawn if w in _export(old, s, tmp_path / "then")] == []
    code, out = run(old, "check", "--no-cache", "--today", "2026-12-06", ring=s.ring, identity=s.admin)
    assert "SEALED-ERASED [Hinweis] Die Werte zum Zweck 'gesundheitsdaten' sind gelöscht (Schlüssel am 01.12.2026 vernichtet)." in out
    # the new consent is live: its key is not shredded; withdrawn again, the new generation goes too
    code, out = run(s.repo, "keys", "shred", "tn-0001", "gesundheitsdaten", "--today", "2026-12-06", ring=s.ring, identity=s.admin)
    assert code == 1 and "noch gültig" in out
    code, out = run(s.repo, "widerruf", "tn-0001", "ew-6", "--date", "2026-12-07", "--yes", ring=s.ring, identity=s.admin)
    assert code == 0, out
    assert not [slot for slot in sealed_repo.read_recipients(s.repo, "tn-0001") if slot.startswith("gesundheitsdaten")]
    git(old, "checkout", "-q", "main")
    git(old, "pull", "-q")
    assert "NEUWERT" not in _export(s.repo, s, tmp_path / "after")


def test_every_sealed_file_validates_against_the_editor_schemas(sealed_demo: Sealed) -> None:
    """The JSON schemas an editor reads (schema/, ``site-gen schema``) accept the sealed demo, and refuse a broken sealed value."""
    import jsonschema
    import yaml_rs

    def validator(rel: str) -> jsonschema.Draft202012Validator:
        return jsonschema.Draft202012Validator(json.loads((REPO / "schema" / rel).read_text(encoding="utf-8")))

    case, checked = validator("case-folder.schema.json"), 0
    for path in sorted((sealed_demo.repo / "cases").rglob("*.yaml")):
        data = yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
        rel = path.relative_to(sealed_demo.repo / "cases").parts
        check = case if len(rel) == 2 else validator(f"entries/{rel[1]}.schema.json")
        errors = [f"{path.relative_to(sealed_demo.repo)} › {'/'.join(map(str, e.absolute_path))}: {e.message[:120]}" for e in check.iter_errors(data)]
        assert errors == []
        checked += 1
    assert checked > 900
    entry = sorted((sealed_demo.repo / "cases/tn-0001/support_log").glob("*.yaml"))[0]
    broken = yaml_rs.loads(entry.read_text(encoding="utf-8"), parse_datetime=False)
    assert broken["kind"].startswith("enc:v2:basis:")
    broken["kind"] = "enc:v2:basis:kein base64!"  # neither a kind of service nor a sealed value
    assert list(validator("entries/support_log.schema.json").iter_errors(broken))
