"""Sealed records (issue 27): what Git holds, who opens what, withdrawal and erasure by destroying keys.

The demo is sealed once per session (``conftest.py``); tests that change
anything work on a copy. Git, the CLI and the ``age`` command line are real.
"""

from __future__ import annotations

import base64
import json
import subprocess
from pathlib import Path

import pytest
import yaml_rs

from site_gen.records import repo as sealed_repo
from site_gen.records.keys import SlotKey
from site_gen.records.sealing import READABLE, seal_to

from ..conftest import REPO, demo_copy
from .conftest import Sealed, cli, git, new_identity

ADMIN_FIELDS = ("note", "goal", "end_reason", "exception_reason")


def _plain_values() -> tuple[list[str], list[str]]:
    """From the plain demo: every participant's full name, and every free text of a case (a space, 15+ characters)."""
    names, texts = [], []
    for main in sorted((REPO / "cases").glob("*/case.yaml")):
        data = yaml_rs.loads(main.read_text(encoding="utf-8"), parse_datetime=False)
        names.append(f"{data['first_name']} {data['last_name']}")
        for path in main.parent.rglob("*.yaml"):
            stack = [yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)]
            while stack:
                item = stack.pop()
                if isinstance(item, dict):
                    stack += [v for k, v in item.items() if path != main or k not in READABLE]
                elif isinstance(item, list):
                    stack += item
                elif isinstance(item, str) and " " in item and len(item) >= 15:
                    texts.append(item)
    public = "".join(p.read_text(encoding="utf-8") for folder in ("workplaces", "modules", "schema") for p in (REPO / folder).rglob("*.*"))
    public += (REPO / "organisation.yaml").read_text(encoding="utf-8")
    return names, sorted({t for t in texts if t not in public})  # also in a workplace or module (e.g. an aid's name): not the case's


def test_a_shallow_clone_holds_no_name_and_no_note(sealed_demo: Sealed, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{sealed_demo.repo}", str(clone))
    objects = subprocess.run(["git", "cat-file", "--batch-all-objects", "--batch"], cwd=clone, capture_output=True, check=True).stdout
    text = objects.decode("utf-8", "replace")
    names, texts = _plain_values()
    assert len(names) == 32 and len(texts) > 300
    assert [n for n in names if n in text] == []
    assert [t for t in texts if t in text] == []
    assert "enc:v2:basis:" in text  # the values are there, sealed


def test_the_sealed_demo_checks_like_the_plain_one(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plain = demo_copy(tmp_path / "plain")  # the same copy the sealed demo was made from
    _, expected = cli("--root", str(plain), "check", "--no-cache", "--today", "2026-11-22", ring=None, identity=None, capsys=capsys)
    code, out = cli("--root", str(sealed_demo.repo), "check", "--no-cache", "--today", "2026-11-22", ring=sealed_demo.ring, identity=sealed_demo.admin, capsys=capsys)
    assert code == 0 and out == expected
    code, out = cli("--root", str(sealed_demo.repo), "check", "--no-cache", ring=sealed_demo.ring, identity=None, capsys=capsys)
    assert code == 1 and out.count("SEALED-NO-KEY") == 32 and "SITE_GEN_IDENTITY ist nicht gesetzt" in out
    assert "Traceback" not in out
    code, out = cli("--root", str(sealed_demo.repo), "export", "tn-0001", "--out", str(tmp_path / "x"), ring=sealed_demo.ring, identity=None)
    assert code == 1 and "SEALED-NO-KEY Die Akte kann nicht geöffnet werden" in out and not (tmp_path / "x").exists()


def test_a_coach_ssh_key_opens_her_location_only(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = sealed_demo.copy(tmp_path)
    key = tmp_path / "mara"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "mara", "-f", str(key)], check=True)
    code, _ = cli("--root", str(s.repo), "keys", "add", "mara-petersen", key.with_suffix(".pub").read_text(), ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 0
    code, out = cli("--root", str(s.repo), "check", "--no-cache", ring=s.ring, identity=key, capsys=capsys)
    assert code == 0  # need-to-know is no fault: warnings
    assert "cases/tn-0001/case.yaml" not in out  # Kranhafen: hers
    assert ("cases/tn-0002/case.yaml:1:1: SEALED-NO-ACCESS [Warnung] Die Akte wird ausgelassen: "
            "Ihr Schlüssel ist für den Standort 'brueckenviertel' nicht freigegeben (Need-to-know).") in out
    assert out.count("SEALED-NO-ACCESS") == 24
    site = tmp_path / "site"
    code, out = cli("--root", str(s.repo), "build", "--team", "kranhafen", "--out", str(site), ring=s.ring, identity=key, capsys=capsys)
    assert code == 0, out
    names, _ = _plain_values()
    built = _texts(site)
    shown = [n for n in names if n in built]
    assert len(shown) == 8  # the eight Kranhafen cases, no other location's
    cache = b"".join(p.read_bytes() for p in (s.repo / ".site-gen-cache").rglob("*") if p.is_file()) if (s.repo / ".site-gen-cache").exists() else b""
    assert b"Kranhafen, Register" not in cache
    # leaving: after 'keys remove' her key opens nothing, the others still everything
    assert cli("--root", str(s.repo), "keys", "remove", "mara-petersen", ring=s.ring, identity=s.admin, capsys=capsys)[0] == 0
    code, out = cli("--root", str(s.repo), "check", "--no-cache", ring=s.ring, identity=key, capsys=capsys)
    assert out.count("SEALED-NO-ACCESS") == 32
    code, out = cli("--root", str(s.repo), "check", "--no-cache", "--today", "2026-11-22", ring=s.ring, identity=s.recovery, capsys=capsys)
    assert code == 0 and "SEALED" not in out


def test_after_widerruf_an_old_commit_shows_none_of_the_withdrawn_values(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = sealed_demo.copy(tmp_path)
    withdrawn = [line.strip()[2:] for line in (REPO / "cases/tn-0001/case.yaml").read_text().split("support_needs:")[1].splitlines()[1:3]]
    code, _ = cli("--root", str(s.repo), "export", "tn-0001", "--out", str(tmp_path / "before"), ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 0 and all(w in _texts(tmp_path / "before") for w in withdrawn)  # readable before
    code, out = cli("--root", str(s.repo), "widerruf", "tn-0001", "ew-1", "--date", "2026-12-01", "--yes", ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 0, out
    assert git(s.repo, "log", "-1", "--format=%s").startswith("Widerruf: Einwilligung ew-1 in tn-0001")
    assert git(s.repo, "status", "--porcelain") == ""
    old = tmp_path / "old"
    git(tmp_path, "clone", "-q", str(s.repo), str(old))
    git(old, "checkout", "-q", "HEAD~1")
    for root in (old, s.repo):
        target = tmp_path / f"export-{root.name}"
        code, out = cli("--root", str(root), "export", "tn-0001", "--out", str(target), ring=s.ring, identity=s.recovery, capsys=capsys)
        assert code == 0, out
        assert [w for w in withdrawn if w in _texts(target)] == []
    code, out = cli("--root", str(old), "check", "--no-cache", "--today", "2026-12-02", ring=s.ring, identity=s.admin, capsys=capsys)
    assert "SEALED-ERASED [Hinweis] Die Werte zum Zweck 'gesundheitsdaten' sind gelöscht (Schlüssel am 01.12.2026 vernichtet)." in out
    # the key is gone, so shredding again changes nothing; a live consent's key is refused
    code, out = cli("--root", str(s.repo), "keys", "shred", "tn-0002", "gesundheitsdaten", "--today", "2026-12-01", ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 1 and "noch gültig" in out


def _texts(folder: Path) -> str:
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


def test_forget_destroys_the_keys_and_old_commits_read_as_erased(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = sealed_demo.copy(tmp_path)
    code, out = cli("--root", str(s.repo), "forget", "tn-0003", "--yes", ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 0, out
    assert not (s.repo / "cases/tn-0003").exists() and not (s.ring / "akten/tn-0003.age").exists()
    git(s.repo, "checkout", "-q", "HEAD~1")
    code, out = cli("--root", str(s.repo), "check", "--no-cache", ring=s.ring, identity=s.recovery, capsys=capsys)
    assert "cases/tn-0003/case.yaml:1:1: SEALED-ERASED [Hinweis] Die Akte wurde am" in out


def test_two_branches_adding_sealed_entries_merge_without_conflict(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = sealed_demo.copy(tmp_path)
    entry = "date: 2026-12-0{d}\nkind: unmittelbar\nminutes: 30\nby: mara-petersen\nnote: Gespräch {d} über den Arbeitsweg.\n"
    for branch, day in (("a", 2), ("b", 3)):
        git(s.repo, "checkout", "-q", "-b", branch, "main")
        (s.repo / f"cases/tn-0001/support_log/2026-12-0{day}-mara-petersen-00000{day}.yaml").write_text(entry.format(d=day))
        code, out = cli("--root", str(s.repo), "keys", "seal", ring=s.ring, identity=s.admin, capsys=capsys)
        assert code == 0 and "1 Datei versiegelt." in out
        git(s.repo, "add", "-A")
        git(s.repo, "commit", "-qm", f"Eintrag {branch}")
    git(s.repo, "checkout", "-q", "a")
    git(s.repo, "merge", "-q", "--no-edit", "b")  # check=True: a conflict would raise
    assert "über den Arbeitsweg" not in git(s.repo, "log", "-p", "-2")
    code, out = cli("--root", str(s.repo), "check", "--no-cache", "--today", "2026-12-04", ring=s.ring, identity=s.admin, capsys=capsys)
    assert "SEALED" not in out and " 0 Fehler" in out


def test_the_hook_refuses_plaintext(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = sealed_demo.copy(tmp_path)
    (s.repo / "cases/tn-0001/support_log/2026-12-02-mara-petersen-aaaaaa.yaml").write_text(
        "date: 2026-12-02\nkind: unmittelbar\nminutes: 30\nby: mara-petersen\nnote: Gespräch über den Arbeitsweg.\n")
    git(s.repo, "add", "-A")
    code, out = cli("--root", str(s.repo), "check", "--staged", ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 1
    assert "cases/tn-0001/support_log/2026-12-02-mara-petersen-aaaaaa.yaml:1:1: SEALED-PLAINTEXT Das Feld „Begleitung“ (support_log)" in out
    assert "Arbeitsweg" not in out


def test_a_value_copied_from_another_case_or_field_does_not_open(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = sealed_demo.copy(tmp_path)
    main = s.repo / "cases/tn-0001/case.yaml"
    other = (s.repo / "cases/tn-0002/case.yaml").read_text()
    foreign = next(line for line in other.splitlines() if line.startswith("last_name: "))
    text = main.read_text()
    first = next(line for line in text.splitlines() if line.startswith("first_name: "))
    main.write_text(text.replace(first, foreign.replace("last_name", "first_name")))
    code, out = cli("--root", str(s.repo), "check", "--no-cache", ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 1 and "cases/tn-0001/case.yaml:4:1: SEALED-TAMPERED" in out
    main.write_text(text.replace(first, first[:-6] + "AAAA=="))  # damaged
    code, out = cli("--root", str(s.repo), "check", "--no-cache", ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 1 and "SEALED-TAMPERED" in out and "Traceback" not in out


def test_bad_keyrings_are_refused_in_german(sealed_demo: Sealed, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    s = sealed_demo.copy(tmp_path)
    code, out = cli("--root", str(s.repo), "keys", "status", ring=tmp_path / "nirgends", identity=s.admin, capsys=capsys)
    assert code == 1 and "Kein Schlüsselbund" in out
    index = s.ring / "schluesselbund.yaml"
    index.write_text(index.read_text().replace("format: 1", "format: 9"))
    code, out = cli("--root", str(s.repo), "check", "--no-cache", ring=s.ring, identity=s.admin, capsys=capsys)
    assert code == 1 and "neueren Version" in out and "Traceback" not in out


def test_the_age_command_line_opens_a_case_key_and_that_key_a_value(sealed_demo: Sealed, tmp_path: Path) -> None:
    opened = subprocess.run(["age", "-d", "-i", str(sealed_demo.recovery), str(sealed_demo.ring / "akten/tn-0001.age")],
                            capture_output=True, check=True).stdout
    keys = json.loads(opened)
    assert keys["case"] == "tn-0001" and keys["location"] == "kranhafen"
    slot_key = tmp_path / "basis.txt"
    slot_key.write_text(keys["keys"]["basis"] + "\n")
    # a value sealed to the case's public recipient (as the browser editor does) opens with age -d and that key
    recipient = sealed_repo.read_recipients(sealed_demo.repo, "tn-0001")["basis"]
    sealed = seal_to("Gespräch über den Arbeitsweg.", "basis", recipient, "tn-0001", ("support_log", 0, "note"), "2026-11-20-mara-petersen-3f2a9c")
    envelope = tmp_path / "value.age"
    envelope.write_bytes(base64.b64decode(sealed.split(":", 3)[3]))
    plain = subprocess.run(["age", "-d", "-i", str(slot_key), str(envelope)], capture_output=True, check=True).stdout
    assert plain == b'tn-0001|support_log/*/note|2026-11-20-mara-petersen-3f2a9c\n"Gespr\xc3\xa4ch \xc3\xbcber den Arbeitsweg."'
    # and the same key (HKDF-SHA256 of it, documented) opens the symmetric values in the files
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    line = next(x for x in (sealed_demo.repo / "cases/tn-0001/case.yaml").read_text().splitlines() if x.startswith("last_name: "))
    raw = base64.b64decode(line.split(":", 4)[4])
    value = ChaCha20Poly1305(SlotKey.of(keys["keys"]["basis"]).data_key).decrypt(raw[:12], raw[12:], b"tn-0001|last_name|")  # the main file: no entry
    expected = yaml_rs.loads((REPO / "cases/tn-0001/case.yaml").read_text(), parse_datetime=False)["last_name"]
    assert json.loads(value) == expected


def test_every_case_field_is_sealed_except_the_readable_ids() -> None:
    """Walk the models: every leaf of a case (nested parts, lists, mappings) is sealed, in its field's purpose slot."""
    from pydantic import BaseModel

    from site_gen.models.case import Case
    from site_gen.models.common import purpose_of
    from site_gen.records.sealing import sealable, slot_of
    from site_gen.records.validate import _inner_model

    def leaves(model: type[BaseModel], path: tuple[str | int, ...]) -> list[tuple[str | int, ...]]:
        out = []
        for name, info in model.model_fields.items():
            inner = _inner_model(info.annotation)
            at = (*path, name, 0) if str(info.annotation).startswith("list[") else (*path, name)
            if "dict[" in str(info.annotation):
                at = (*path, name, "merkmal")
            out += leaves(inner, at) if inner is not None else [at]
        return out

    paths = leaves(Case, ())
    assert len(paths) > 100
    raw: dict = {}
    for path in paths:
        _put(raw, path)
    sealed = {p for p, _ in sealable(raw)}
    unsealed = sorted(str(p) for p in paths if tuple(p) not in sealed)
    assert unsealed == sorted(str((name,)) for name in READABLE)
    for name, info in Case.model_fields.items():
        assert slot_of(name) == (purpose_of(info) or "basis") or name in READABLE


def _put(node: dict | list, path: tuple[str | int, ...]) -> None:
    """A scalar at ``path`` (list positions 0), creating the mappings and lists on the way."""
    head, rest = path[0], path[1:]
    if isinstance(node, list):
        if not rest:
            node.append("wert")
            return
        if not node:
            node.append([] if isinstance(rest[0], int) else {})
        _put(node[0], rest)
    elif not rest:
        node[str(head)] = "wert"
    else:
        _put(node.setdefault(str(head), [] if isinstance(rest[0], int) else {}), rest)


def test_a_fresh_recovery_key_is_printed_once_and_never_stored(sealed_demo: Sealed) -> None:
    secret = sealed_demo.recovery.read_text().strip()
    public = new_identity(sealed_demo.recovery.parent / "unused.txt")
    assert public.startswith("age1")
    held = b"".join(p.read_bytes() for p in sealed_demo.ring.rglob("*") if p.is_file())
    held += b"".join(p.read_bytes() for p in sealed_demo.repo.rglob("*") if p.is_file())
    assert secret.encode() not in held and b"AGE-SECRET-KEY" not in held


def test_log_without_a_key_seals_to_the_case_and_a_reader_opens_it(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    code, out = cli("--root", str(s.repo), "log", "tn-0002", "--kind", "unmittelbar", "--minutes", "20", "--by", "mara-petersen",
                    "--note", "Telefonat mit dem Betrieb.", "--date", "2026-12-03", ring=None, identity=None)
    assert code == 0, out
    written = next((s.repo / "cases/tn-0002/support_log").glob("2026-12-03-mara-petersen-*.yaml")).read_text()
    assert "Telefonat" not in written and written.count("age:v2:basis:") == 5
    code, out = cli("--root", str(s.repo), "check", "--no-cache", "--today", "2026-12-03", ring=s.ring, identity=s.admin)
    assert code == 0 and "SEALED" not in out, out


def test_init_starts_sealed_with_a_keyring(sealed_demo: Sealed, tmp_path: Path) -> None:
    code, out = cli("init", str(tmp_path / "neu"), ring=sealed_demo.ring, identity=None)
    assert code == 0 and "Versiegelt" in out
    assert sealed_repo.is_sealed(tmp_path / "neu")
    code, out = cli("init", str(tmp_path / "probe"), "--plain", ring=sealed_demo.ring, identity=None)
    assert code == 0 and not sealed_repo.is_sealed(tmp_path / "probe") and "Unversiegelt" in out


def test_migrate_encrypt_again_changes_nothing(sealed_demo: Sealed, tmp_path: Path) -> None:
    s = sealed_demo.copy(tmp_path)
    head = git(s.repo, "rev-parse", "HEAD")
    code, out = cli("--root", str(s.repo), "migrate", "--encrypt", ring=s.ring, identity=s.admin)
    assert code == 0 and "0 Dateien verschlüsselt" in out
    assert git(s.repo, "rev-parse", "HEAD") == head and git(s.repo, "status", "--porcelain") == ""
