"""Company contact notes about a person, sealed to that person's case.

A contact of a workplace (``workplaces/<id>/contact_log/<entry>.yaml``) that
names a case (``case: tn-0001``) holds free text about that person: the note
(``summary``), the company's question and the answer that helped
(:data:`FIELDS`). In a sealed repository these are sealed with the case's keys,
bound to case, workplace, field and entry file
(``tn-0001|workplaces/ap-0001/contact_log/*/summary|<entry>``, see
:func:`site_gen.records.sealing.binding`), so a note copied into another
contact, company or case does not open. The slot is the consent that allows
telling this company about the person, when that purpose has a key of its own
(:func:`contact_purpose`), else ``basis``: a withdrawal that destroys that key,
``keys shred`` or ``forget`` leaves the note erased in every commit.

Readable stay the date, kind, staff, minutes, follow-up and the case id (a
pseudonym): the Kennzahlen, follow-ups and the consent check need no key.
A contact without a case is about the company only and stays plain.

Reading (:func:`unseal_contacts`, called from :func:`site_gen.records.unseal.unseal_record`):
a note this reader cannot open becomes :data:`SEALED_NOTE`; one whose key was
destroyed :data:`ERASED_NOTE`; a damaged or swapped one is ``SEALED-TAMPERED``;
a plain one ``SEALED-PLAINTEXT`` (the hook refuses it; ``keys seal`` seals it).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..findings import Finding
from .keys import BASIS
from .sealing import Path as KeyPath
from .sealing import SealError, current_slot, is_sealed, open_value, parse

FIELDS = ("summary", "question", "answer")
"""Free text of a contact entry; sealed when the contact names a case."""
LIST = "contact_log"
SEALED_NOTE = "Notiz verschlüsselt: ohne Schlüssel für die Akte der Person nicht lesbar."
ERASED_NOTE = "Notiz gelöscht: der Schlüssel wurde am {day} vernichtet."
ERASED_PREFIX = ERASED_NOTE.split(":", 1)[0]


def path_of(workplace: str, name: str) -> KeyPath:
    """Where a contact's field sits for its binding: ``workplaces/<id>/contact_log/*/<field>``."""
    return ("workplaces", workplace, LIST, 0, name)


def contact_purpose(case: Any, workplace: str, today: dt.date, purposes: dict[str, Any], recipients: dict[str, str]) -> str:
    """The slot purpose for notes about ``case`` at ``workplace``: the first employer purpose (``needs_recipients``)
    with a live consent naming the workplace and a key of its own; else ``basis`` (also when the case cannot be read)."""
    from ..domain.consent import employer_purposes, has_live

    if case is not None:
        for purpose in employer_purposes(purposes):
            if current_slot(purpose, recipients) is not None and has_live(case, today, purposes, purpose, workplace):
                return purpose
    return BASIS


def names_case(item: Any) -> str | None:
    """The case a raw contact mapping names, or None."""
    case = item.get("case") if isinstance(item, dict) else None
    return case if isinstance(case, str) and case else None


def unseal_contacts(op: Any, data: dict[str, Any], display: str, provenance: dict[tuple[str, int], str]) -> list[Finding]:
    """Open the sealed notes of a raw workplace mapping in place (``op``: the run's
    :class:`~site_gen.records.unseal.Opener`); findings for plain or damaged ones."""
    from .sealing import entry_of

    log = data.get(LIST)
    if not isinstance(log, list):
        return []
    workplace = str(data.get("id") or display.rsplit("/", 1)[-1])
    findings: list[Finding] = []
    for i, item in enumerate(log):
        if not isinstance(item, dict):
            continue
        source = provenance.get((LIST, i))
        entry = entry_of(source) if source else ""
        for name in FIELDS:
            value = item.get(name)
            if value is None:
                continue
            found = _field(op, item, workplace, name, value, entry)
            if isinstance(found, Finding):
                findings.append(Finding(display, found.code, found.message, found.hint, loc=(LIST, i, name)))
                found = SEALED_NOTE if name == "summary" else None
            item[name] = found
    return findings


def _field(op: Any, item: dict[str, Any], workplace: str, name: str, value: Any, entry: str) -> Any:
    """The opened value, a placeholder, or a Finding (position filled in by the caller)."""
    case = names_case(item)
    if not is_sealed(value):
        if case is None:
            return value
        return Finding("", "SEALED-PLAINTEXT", f"Die Notiz {_title(name)} eines Kontakts über eine Person ist unverschlüsselt, das Repository ist versiegelt.",
                       "Vor dem Commit 'site-gen keys seal' ausführen: es versiegelt die Notiz mit dem Schlüssel der Akte "
                       "('site-gen kontakt' tut das von selbst).")
    if case is None:
        return _tampered()
    keys = op.open_case(case, None if case in op.cases else _location(op.root, case))
    if isinstance(keys, str):
        return SEALED_NOTE if name == "summary" else None
    try:
        _, slot, _ = parse(value)
    except SealError:
        return _tampered()
    erased = keys.erased.get(slot) or keys.erased.get(BASIS)
    if erased is not None:
        return ERASED_NOTE.format(day=_german(erased)) if name == "summary" else None
    if slot not in keys.slots:
        return SEALED_NOTE if name == "summary" else None
    key, aead = keys.slots[slot]
    bound = f"{case}|workplaces/{workplace}/{LIST}/*/{name}".encode()
    try:
        return open_value(value, key, aead, bound, slot, entry)
    except SealError:
        return _tampered()


def _tampered() -> Finding:
    return Finding("", "SEALED-TAMPERED", "Eine verschlüsselte Notiz eines Kontakts lässt sich nicht öffnen: sie ist beschädigt oder gehört "
                   "zu einem anderen Kontakt, Betrieb, Feld oder einer anderen Akte.",
                   "Die Notiz aus der Git-Geschichte wiederherstellen (git log -p) oder neu erfassen; verschlüsselte Werte nie kopieren.")


def _location(root: Path, case: str) -> Any:
    """The readable location of ``case`` (its main file), which decides whose key opens it; None when missing."""
    from .load import read_yaml

    main = root / "cases" / case / "case.yaml"
    if not main.is_file():
        return None
    data, _ = read_yaml(main, f"cases/{case}/case.yaml")
    return data.get("location") if isinstance(data, dict) else None


def _german(day: str) -> str:
    parts = day.split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else day


def sealed_contact(data: dict[str, Any], workplace: str, entry: str, run: Any, purpose: str) -> dict[str, Any]:
    """A new contact entry with its notes sealed (``run``: the case's :data:`~site_gen.records.seal_files.Sealer`;
    ``entry``: the entry file's name without ``.yaml``)."""
    return {k: run(v, purpose, path_of(workplace, k), entry) if k in FIELDS and v is not None else v for k, v in data.items()}


def seal_contact_files(root: Path, unit: Any, run_for: Any, purpose_for: Any) -> list[str]:
    """Seal the plain notes of the workplace's contact entry files that name a case (``run_for(case)``: its sealer or
    None; ``purpose_for(case, workplace)``: the slot purpose); the files rewritten (relative paths)."""
    from .load import parse_yaml
    from .seal_files import seal_file
    from .sealing import entry_of

    changed = []
    for source in unit.sources[1:]:
        if source.split("/")[-2] != LIST:
            continue
        path = root / source
        data, _ = parse_yaml(path.read_bytes(), path.name)
        case = names_case(data)
        if case is None or all(data.get(n) is None or is_sealed(data.get(n)) for n in FIELDS):
            continue
        run = run_for(case)
        if run is None:
            continue
        purpose = purpose_for(case, unit.id)

        def sealing(value: Any, _slot: str, at: KeyPath, entry: str, run: Any = run, purpose: str = purpose) -> str:
            return str(run(value, purpose, path_of(unit.id, str(at[0])), entry))

        if seal_file(path, (), sealing, entry_of(source), fields=FIELDS):
            changed.append(source)
    return changed


def _title(name: str) -> str:
    """How the message names a contact's note field: its German title first (``„Notiz“ (note)``)."""
    from ..labels import field_name
    from ..models.workplace import CompanyContact

    return field_name(CompanyContact, name)
