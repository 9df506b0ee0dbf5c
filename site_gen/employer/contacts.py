"""``site-gen kontakt``: one contact with a company as its own file in the workplace folder.

``workplaces/<id>/contact_log/<date>-<by>-<hash>.yaml`` — validated before it
is written (the entry model, the staff, the workplace, the case and its
consent when one is named); the note is never printed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..authoring.entries import check_entry, workplace_folder, write_entry
from ..domain.consent import shares_with
from ..findings import UserError
from ..models.case import Case
from ..models.common import ID_PATTERN
from ..models.workplace import CONTACT_KIND_LABELS
from ..records.dataset import ORGANISATION_FILE, load_dataset, load_record
from ..records.validate import printable

OPTIONS = {"date": "--date", "kind": "--kind", "by": "--by", "summary": "--note", "case": "--case", "minutes": "--minutes",
           "question": "--frage", "answer": "--antwort", "follow_up": "--wiedervorlage"}
KIND_LABELS = {kind.value: text for kind, text in CONTACT_KIND_LABELS.items()}


def _case(root: Path, case_id: str) -> Case:
    """The case a contact names, read from its folder; a German error when it is missing or broken."""
    display = f"cases/{case_id}"
    if (root / display).is_dir():
        record, findings = load_record("cases", root / display, display)
        if isinstance(record, Case):
            return record
        if any(f.code in ("SEALED-NO-KEY", "SEALED-NO-ACCESS") for f in findings):
            raise UserError(f"--case: Die Akte {case_id} ist versiegelt und mit Ihrem Schlüssel nicht zu öffnen; "
                            "ohne sie lässt sich die Einwilligung nicht prüfen. Der Kontakt wurde nicht gespeichert.",
                            "Eigenen Schlüssel und Schlüsselbund prüfen ('site-gen keys setup'), oder den Kontakt ohne --case und ohne "
                            "Angaben zur Person eintragen.")
        raise UserError(f"--case: Die Akte {case_id} enthält Fehler und kann nicht geprüft werden.", "Erst 'site-gen check' ausführen und die Akte korrigieren.")
    raise UserError(f"--case: Die Akte {case_id} gibt es nicht.", "Kennung prüfen, z. B. tn-0042, oder --case weglassen (Kontakt ohne Akte).")


def contact_entry(root: Path, workplace_id: str, entry: dict[str, object], today: dt.date) -> int:
    """Validate and write one company contact of ``workplace_id``."""
    if not re.fullmatch(ID_PATTERN, workplace_id):
        raise UserError("Das ist keine gültige Kennung eines Arbeitsplatzprofils.", "Kennung wie ap-0001 angeben (Ordnername).")
    check_entry("contact_log", entry, OPTIONS)
    workplace_folder(root, workplace_id)
    ds = load_dataset(root, only=[])
    if ds.organisation is None:
        raise UserError(f"{ORGANISATION_FILE} fehlt oder ist ungültig.", "Erst 'site-gen check' ausführen und die Fehler beheben.")
    if entry["by"] not in ds.staff:
        shown = f" '{entry['by']}'" if printable(entry["by"]) else ""
        raise UserError(f"--by: Die Fachkraft{shown} steht nicht im Personal (organisation.yaml).",
                        "Die Kennung aus organisation.yaml › staff angeben, z. B. die eigene.")
    case_id = entry.get("case")
    case = _case(root, case_id) if isinstance(case_id, str) else None
    if case is not None and not shares_with(case, today, ds.purposes, workplace_id):
        raise UserError(f"--case: Die Akte {case_id} hat keine gültige Einwilligung, die diesen Betrieb als Empfänger nennt; "
                        "der Kontakt wurde nicht gespeichert.",
                        "Erst die Einwilligung ('profil-an-arbeitgeber' oder 'unterstuetzungsbedarf-an-arbeitgeber' mit diesem Arbeitsplatz) "
                        "eintragen, oder den Kontakt ohne --case und ohne Angaben zur Person eintragen.")
    path = write_entry(root, workplace_id, "contact_log", entry, kind="workplaces", seal=_sealing(root, workplace_id, case, today, ds.purposes))
    print(f"Eingetragen: {path.relative_to(root).as_posix()} ({KIND_LABELS.get(str(entry['kind']), entry['kind'])}).")
    print("    Hinweis: mit 'git add' und 'git commit' speichern; 'site-gen check' prüft das Arbeitsplatzprofil.")
    return 0


def _sealing(root: Path, workplace_id: str, case: Case | None, today: dt.date, purposes: dict[str, Any]) -> Callable[[Any, str], Any] | None:
    """In a sealed repository, how a contact about ``case`` is sealed to that person's keys (None: plain — no case, or
    not sealed). The slot: the consent that allows telling this company about the person, else ``basis``."""
    from ..records.encrypt import entry_sealer
    from ..records.repo import is_sealed, read_recipients
    from ..records.seal_contacts import contact_purpose, sealed_contact

    if case is None or not is_sealed(root):
        return None
    run = entry_sealer(root, case.id)
    purpose = contact_purpose(case, workplace_id, today, purposes, read_recipients(root, case.id))
    return lambda data, stem: sealed_contact(data, workplace_id, stem, run, purpose)
