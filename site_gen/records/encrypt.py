"""``site-gen migrate --encrypt`` and ``site-gen keys seal``: plain cases become sealed ones.

``migrate --encrypt`` marks the repository sealed first, then gives every case
its key pairs (one per slot; private halves into the keyring, public halves
into ``schluessel/akten/<case>.yaml``) and seals every plain value, and commits
all of it in one commit. Each step is idempotent, so an interrupted run is
simply run again: a case whose key file exists is opened (or, without access,
its new values are sealed to its recipients), sealed values stay as they are.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..wording import count
from . import git as gh
from . import repo
from .keyring import Keyring
from .keys import keyring_path, own_identities
from .seal_files import Sealer, seal_unit, sealer
from .sealing import all_slots, next_slot, slot_of
from .unseal import Opened, Opener, _opened, reset

MESSAGE = "Akten versiegelt (site-gen migrate --encrypt)"
PURGE_NOTE = ("Wichtig: die Git-Geschichte vor diesem Commit enthält die Akten noch im Klartext. Sie muss einmal bereinigt werden "
              "(jede Kopie, der Git-Server und seine Sicherungen) — die letzte Umschreibung, die je nötig ist. Anleitung: interne Seite, "
              "Hilfe → Versiegelte Akten, Abschnitt 'Einrichten'.")


def open_keyring() -> Keyring:
    path = keyring_path()
    if path is None:
        raise UserError("SITE_GEN_KEYRING ist nicht gesetzt.", "Den Ordner des Schlüsselbunds angeben (neu: 'site-gen keys init --admin EMPFÄNGER').")
    return Keyring.open(path)


def make_opener(root: Path, ring: Keyring) -> Opener:
    """An opener that works before the repository is marked sealed (own key optional: without it, new values go to recipients)."""
    try:
        identities = own_identities() or []
    except UserError:
        identities = []
    return Opener(root, True, ring, identities)


def staff_locations(root: Path) -> dict[str, str]:
    from .dataset import load_dataset

    return {s.id: s.location for s in load_dataset(root, only=[]).staff.values()}


def case_sealer(root: Path, ring: Keyring, op: Opener, case: str, location: Any, staff: dict[str, str], create: bool) -> Sealer | None:
    """How to seal the case's values: creates its keys when it has none (``create``); None when it was erased."""
    if ring.tombstone(case) is not None:
        return None
    recipients = repo.read_recipients(root, case)
    if not ring.case_file(case).exists():
        if not create:
            raise UserError(f"Die Akte {case} hat noch keine Schlüssel.", "'site-gen migrate --encrypt' legt sie an.")
        if not isinstance(location, str) or not location:
            raise UserError(f"Die Akte {case} hat keinen gültigen Standort; ohne ihn kann sie nicht versiegelt werden.", "Den Standort eintragen (organisation.yaml).")
        from .keyring import new_case_keys

        ring.ensure_location(location, staff)
        keys, recipients = new_case_keys(case, location, all_slots())
        ring.write_case(keys)
        repo.write_recipients(root, case, recipients)
        return sealer(case, _opened(keys), recipients)
    opened = op.open_case(case, location)
    if isinstance(opened, str):
        return sealer(case, None, recipients)
    return sealer(case, opened, recipients, renewer(root, ring, case, location, opened, recipients))


def renewer(root: Path, ring: Keyring, case: str, location: Any, opened: Opened, recipients: dict[str, str]) -> Callable[[str], str]:
    """A new key pair for a purpose whose key was destroyed (a new consent after a withdrawal): the next generation's
    slot (``gesundheitsdaten.2``), written to the keyring and the case's recipients, and added to ``opened``."""
    def renew(purpose: str) -> str:
        from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

        from .keyring import CaseKeys
        from .keys import SlotKey, generate

        slot = next_slot(purpose, [*opened.slots, *opened.erased])
        secret, public = generate()
        keys = {name: key.identity for name, (key, _) in opened.slots.items()}
        ring.write_case(CaseKeys(case, str(location), {**keys, slot: secret}, dict(opened.erased)))
        ring.save()
        recipients[slot] = public
        repo.write_recipients(root, case, recipients)
        key = SlotKey.of(secret)
        opened.slots[slot] = (key, ChaCha20Poly1305(key.data_key))
        return slot
    return renew


def _location(root: Path, main: str) -> Any:
    from .load import read_yaml

    data, _ = read_yaml(root / main, main)
    return data.get("location") if isinstance(data, dict) else None


def seal_repository(root: Path, create: bool) -> tuple[int, list[str]]:
    """Seal every plain value of every case; returns (cases, files rewritten)."""
    from .dataset import scan_records

    ring = open_keyring()
    op = make_opener(root, ring)
    staff = staff_locations(root)
    changed: list[str] = []
    scanned = scan_records(root, files=False)[0]
    units = [u for u in scanned if u.kind == "cases"]
    for unit in units:
        run = case_sealer(root, ring, op, unit.id, _location(root, unit.sources[0]), staff, create)
        if run is not None:
            changed += seal_unit(root, unit, run)
    reset()
    changed += seal_contacts(root, ring, op, staff, [u for u in scanned if u.kind == "workplaces"])
    reset()
    return len(units), changed


def seal_contacts(root: Path, ring: Keyring, op: Opener, staff: dict[str, str], workplaces: list[Any]) -> list[str]:
    """Seal the plain notes of company contacts that name a case (:mod:`site_gen.records.seal_contacts`); the files rewritten."""
    import datetime as dt

    from .dataset import load_dataset, load_record
    from .seal_contacts import contact_purpose, seal_contact_files

    purposes = load_dataset(root, only=[]).purposes
    runs: dict[str, Sealer | None] = {}
    cases: dict[str, Any] = {}

    def run_for(case: str) -> Sealer | None:
        if case not in runs:
            try:
                runs[case] = case_sealer(root, ring, op, case, _location(root, f"cases/{case}/case.yaml"), staff, create=False)
            except UserError:  # no such case, or none with keys: the check names it (REF-DANGLING, SEALED-PLAINTEXT)
                runs[case] = None
        return runs[case]

    def purpose_for(case: str, workplace: str) -> str:
        if case not in cases:
            folder = root / "cases" / case
            cases[case] = load_record("cases", folder, f"cases/{case}")[0] if folder.is_dir() else None
        return contact_purpose(cases[case], workplace, dt.date.today(), purposes, repo.read_recipients(root, case))

    changed: list[str] = []
    for unit in workplaces:
        changed += seal_contact_files(root, unit, run_for, purpose_for)
    return changed


def encrypt(root: Path, commit: bool = True) -> int:
    """``migrate --encrypt``: returns the exit code."""
    top = gh.toplevel(root) if commit else None
    if top is not None and gh.git(top, "status", "--porcelain", "--", str(root / "cases"), str(root / "workplaces")).stdout.strip():
        raise UserError("In den Ordnern cases/ oder workplaces/ gibt es Änderungen, die noch nicht committet sind.",
                        "Erst committen oder zurücknehmen; das Versiegeln macht einen eigenen Commit.")
    open_keyring()  # refuse before anything is written
    repo.mark_sealed(root)
    cases, changed = seal_repository(root, create=True)
    if top is not None:
        paths = [str(root / "cases"), str(root / "workplaces"), str(root / repo.FOLDER)]
        gh.git(top, "add", "-A", "--", *paths)
        if gh.git(top, "diff", "--cached", "--quiet", "--", *paths).returncode != 0:
            done = gh.git(top, *gh.identity(top), "commit", "-q", "--no-verify", "-m", MESSAGE, "--", *paths)
            if done.returncode != 0:
                raise UserError("Das Versiegeln konnte nicht committet werden.", "git status prüfen und von Hand committen.")
    print(f"{count(cases, 'Akte', 'Akten')} versiegelt, {count(len(changed), 'Datei', 'Dateien')} verschlüsselt"
          + (" (ein Commit)." if top is not None and changed else "."))
    if changed:
        print(PURGE_NOTE, file=sys.stderr)
    return 0


def seal_working_tree(root: Path) -> int:
    """``keys seal``: seal plain values in the working tree (no commit)."""
    if not repo.is_sealed(root):
        raise UserError("Dieses Repository ist nicht versiegelt.", "Mit 'site-gen migrate --encrypt' versiegeln.")
    _, changed = seal_repository(root, create=True)
    for path in changed:
        print(f"versiegelt: {path}")
    print(f"{count(len(changed), 'Datei', 'Dateien')} versiegelt." if changed else "Nichts zu tun: alle Werte sind versiegelt.")
    return 0


def entry_sealer(root: Path, case: str) -> Sealer:
    """How a new entry about ``case`` is sealed: with the case's keys when this writer may open them (keyring and
    own key), else to the case's public recipients (no plaintext reaches the disk either way)."""
    recipients = repo.read_recipients(root, case)
    opened, renew = None, None
    try:
        ring = open_keyring()
        location = _location(root, f"cases/{case}/case.yaml")
        found = make_opener(root, ring).open_case(case, location)
        if not isinstance(found, str):
            opened, renew = found, renewer(root, ring, case, location, found, recipients)
    except UserError:
        pass
    return sealer(case, opened, recipients, renew)


def seal_entry(root: Path, case: str, list_name: str, data: dict[str, Any], entry: str) -> dict[str, Any]:
    """A new entry of ``case`` with every value sealed (``data`` unchanged when the repository is not sealed).

    With the case's keys (keyring and own key) symmetrically, else to the case's
    public recipients: a writer who may not read the case can still add to it,
    and no plaintext of the entry reaches the disk. ``entry``: the entry file's name
    without ``.yaml`` (every value is bound to it).
    """
    if not repo.is_sealed(root):
        return data
    run = entry_sealer(root, case)
    slot = slot_of(list_name)

    def walk(value: Any, at: tuple[str | int, ...]) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, (*at, k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, (*at, i)) for i, v in enumerate(value)]
        return value if value is None else run(value, slot, at, entry)

    return {k: walk(v, (list_name, 0, k)) for k, v in data.items()}
