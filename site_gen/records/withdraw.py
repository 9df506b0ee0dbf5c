"""Withdrawal and erasure by destroying keys: ``widerruf``, ``keys shred`` and the sealed part of ``forget``.

Destroying a slot's key makes its values unreadable in every commit, every
clone and at the Git host at once; no history rewrite. The keyring keeps the
date (``erased`` in the case's key file, ``akten/<case>.geloescht`` for a whole
case), so those values read as erased, with the date, everywhere.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path
from typing import Any

from ..errors import UserError
from . import git as gh
from . import repo
from .encrypt import open_keyring
from .keyring import CaseKeys, Keyring
from .keys import BASIS, Identity, own_identities
from .layout import Unit
from .seal_files import sealer
from .sealing import current_slot, entry_of, slots_by_field
from .unseal import reset, unseal_record


def _identities() -> list[Identity]:
    found = own_identities()
    if not found:
        raise UserError("SITE_GEN_IDENTITY ist nicht gesetzt.", "Die eigene Schlüsseldatei angeben; Widerruf und Vernichten brauchen Lesezugriff auf die Akte.")
    return found


def _unit(root: Path, case: str) -> Unit:
    from .dataset import scan_records

    for unit in scan_records(root, stat=False)[0]:
        if unit.kind == "cases" and unit.id == case:
            return unit
    raise UserError(f"Die Akte '{case}' gibt es nicht.", "Kennung prüfen (Ordner cases/).")


def _case_keys(ring: Keyring, case: str, location: Any, identities: list[Identity]) -> CaseKeys:
    from .keyring import location_identity

    mine = location_identity(ring, location, identities) if isinstance(location, str) else None
    keys = ring.read_case(case, [mine, *identities] if mine is not None else identities)
    if not isinstance(keys, CaseKeys):
        raise UserError(f"Die Schlüssel der Akte {case} lassen sich nicht öffnen.", "Nur wer den Standort der Akte lesen darf (oder ein Admin), kann das.")
    return keys


def _composed(root: Path, unit: Unit) -> tuple[dict[str, Any], dict[tuple[str, int], str]]:
    """The case's raw mapping, opened, and which entry file each list item came from."""
    from .compose import compose

    data, _, provenance, _ = compose(root, unit)
    opened, findings = unseal_record(root, "cases", data, unit.display, provenance)
    if not isinstance(opened, dict) or any(f.code.startswith("SEALED-") and f.severity.value == "error" for f in findings):
        raise UserError(f"Die Akte {unit.id} lässt sich nicht öffnen.", "'site-gen check' nennt den Grund.")
    return opened, provenance


def shred_slot(root: Path, case: str, purpose: str, today: dt.date, check_live: bool = True) -> bool:
    """Destroy the key of ``purpose`` in ``case``; False when it was destroyed before."""
    if purpose == BASIS or purpose not in set(slots_by_field().values()):
        raise UserError(f"'{purpose}' ist kein Zweck mit eigenem Schlüssel.", "Zwecke: " + ", ".join(sorted(set(slots_by_field().values()) - {BASIS})) + ". Eine ganze Akte löscht 'site-gen forget'.")
    ring, identities = open_keyring(), _identities()
    unit = _unit(root, case)
    data, _ = _composed(root, unit)
    if check_live:
        _refuse_live(data, purpose, today)
    keys = _case_keys(ring, case, data.get("location"), identities)
    slot = current_slot(purpose, keys.keys)  # the newest generation: a new consent after a withdrawal has its own key
    if slot is None:
        return False
    del keys.keys[slot]
    keys.erased[slot] = today.isoformat()
    ring.write_case(keys)
    ring.save()
    recipients = repo.read_recipients(root, case)
    if recipients.pop(slot, None) is not None:
        repo.write_recipients(root, case, recipients)
    reset()
    return True


def _refuse_live(data: dict[str, Any], purpose: str, today: dt.date) -> None:
    for consent in data.get("consents") or []:
        if not isinstance(consent, dict) or consent.get("purpose") != purpose:
            continue
        given, until, withdrawn = (str(consent.get(k) or "") for k in ("given_on", "valid_until", "withdrawn_on"))
        if given <= today.isoformat() and (not until or until >= today.isoformat()) and (not withdrawn or withdrawn > today.isoformat()):
            raise UserError(f"Die Einwilligung '{consent.get('id')}' zum Zweck '{purpose}' ist noch gültig: der Schlüssel bleibt.",
                            "Erst den Widerruf erfassen ('site-gen widerruf') oder das Ablaufdatum abwarten.")


def widerruf(root: Path, case: str, consent_id: str, day: dt.date, yes: bool, interactive: bool) -> int:
    """Record the withdrawal, remove the purpose's values, destroy its key, commit."""
    if not repo.is_sealed(root):
        raise UserError("Dieses Repository ist nicht versiegelt.", "Den Widerruf von Hand eintragen (withdrawn_on) oder erst 'site-gen migrate --encrypt'.")
    ring, identities = open_keyring(), _identities()
    unit = _unit(root, case)
    data, provenance = _composed(root, unit)
    index = next((i for i, c in enumerate(data.get("consents") or []) if isinstance(c, dict) and c.get("id") == consent_id), None)
    if index is None:
        raise UserError(f"Die Akte {case} hat keine Einwilligung '{consent_id}'.", "Kennung der Einwilligung prüfen (consents: id).")
    purpose = str(data["consents"][index].get("purpose"))
    if not yes and not _confirm(case, consent_id, purpose, interactive):
        raise UserError("Abgebrochen: nichts wurde verändert.", "Zur Bestätigung die Kennung der Akte eintippen oder --yes angeben.")
    keys = _case_keys(ring, case, data.get("location"), identities)
    from .unseal import _opened

    seal = sealer(case, _opened(keys), repo.read_recipients(root, case))
    source = provenance.get(("consents", index), unit.sources[0])
    entry = "" if source == unit.sources[0] else entry_of(source)
    _set_withdrawn(root, unit, source, index, seal(day.isoformat(), BASIS, ("consents", index, "withdrawn_on"), entry))
    removed = _remove_purpose(root, unit, purpose)
    shred_slot(root, case, purpose, day, check_live=False)
    _commit(root, f"Widerruf: Einwilligung {consent_id} in {case} (Zweck {purpose})")
    print(f"Widerruf erfasst: {case}, Einwilligung {consent_id} (Zweck {purpose}), {removed} Werte entfernt, Schlüssel vernichtet.")
    print("Ab jetzt sind diese Werte in jedem Commit, jeder Kopie und auf dem Git-Server unlesbar.")
    return 0


def _confirm(case: str, consent: str, purpose: str, interactive: bool) -> bool:
    if not interactive:
        raise UserError("Der Widerruf braucht eine Bestätigung, aber es gibt kein Terminal für die Rückfrage.", "Im Terminal ausführen oder --yes angeben.")
    print(f"Widerruf der Einwilligung {consent} (Zweck {purpose}): die Werte dieses Zwecks werden entfernt und ihr Schlüssel vernichtet. Das lässt sich nicht rückgängig machen.")
    try:
        return input(f"Zur Bestätigung die Kennung der Akte eintippen ({case}): ").strip() == case
    except EOFError:
        return False


def _set_withdrawn(root: Path, unit: Unit, source: str, index: int, sealed_day: str) -> None:
    """Write the sealed withdrawal date into the consent: its own entry file, or item ``index`` of the main file's list
    (the main file's items come first when a folder is composed)."""
    from ..output import write_file
    from .load import roundtrip

    yaml = roundtrip()
    path = root / source
    doc = yaml.load(path.read_text(encoding="utf-8"))
    entry = doc["consents"][index] if source == unit.sources[0] else doc
    entry["withdrawn_on"] = sealed_day
    out = io.StringIO()
    yaml.dump(doc, out)
    write_file(path, out.getvalue())


def _remove_purpose(root: Path, unit: Unit, purpose: str) -> int:
    """Delete the purpose's values from the current files: its entry files and its keys in the main file."""
    from ..output import write_file
    from .load import roundtrip

    fields = [name for name, slot in slots_by_field().items() if slot == purpose]
    removed = 0
    for name in fields:
        folder = root / unit.display / name
        if folder.is_dir():
            removed += sum(1 for _ in folder.glob("*.yaml"))
            shutil.rmtree(folder, ignore_errors=True)
    yaml = roundtrip()
    main = root / unit.sources[0]
    doc = yaml.load(main.read_text(encoding="utf-8"))
    present = [name for name in fields if name in doc]
    for name in present:
        value = doc.pop(name)
        removed += len(value) if isinstance(value, list) else 1
    if present:
        out = io.StringIO()
        yaml.dump(doc, out)
        write_file(main, out.getvalue())
    return removed


def _commit(root: Path, message: str) -> None:
    top = gh.toplevel(root)
    if top is None:
        return
    paths = [str(root / "cases"), str(root / repo.FOLDER)]
    gh.git(top, "add", "-A", "--", *paths)
    if gh.git(top, "diff", "--cached", "--quiet", "--", *paths).returncode != 0:
        if gh.git(top, *gh.identity(top), "commit", "-q", "--no-verify", "-m", message, "--", *paths).returncode != 0:
            raise UserError("Der Widerruf konnte nicht committet werden.", "git status prüfen und von Hand committen.")


def destroy_case(root: Path, case: str, today: dt.date) -> bool:
    """``forget`` in a sealed repository: every key of the case destroyed; False when the repository is not sealed."""
    if not repo.is_sealed(root):
        return False
    ring = open_keyring()
    ring.erase_case(case, today)
    repo.recipients_file(root, case).unlink(missing_ok=True)
    reset()
    return True
