"""``site-gen log`` for a group session (several cases at once) and for team time (issue 29).

A group session is written once per participant, into each case's own
``support_log/`` folder, with the same group id and the group's size — never
with the other participants' ids, so no page, export or briefing of one person
shows who else was there. Team time goes to ``team/`` at the top of the
records repository. Everything is validated before the first file is written;
the note is never printed.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..findings import UserError
from ..models.common import ID_PATTERN
from ..models.team import TeamTime
from ..records.dataset import ORGANISATION_FILE, TEAM_FOLDER, load_dataset
from ..records.split import dump
from ..records.validate import dotted, printable, validate
from ..wording import count
from .entries import OPTIONS, case_folder, check_entry, write_entry

TEAM_OPTIONS = {"date": "--date", "activity": "--taetigkeit", "minutes": "--minutes", "by": "--by", "note": "--note", "in_company": "--im-betrieb"}


def _staff(root: Path, by: object) -> None:
    ds = load_dataset(root, only=[])
    if ds.organisation is None:
        raise UserError(f"{ORGANISATION_FILE} fehlt oder ist ungültig.", "Erst 'site-gen check' ausführen und die Fehler beheben.")
    if by not in ds.staff:
        shown = f" '{by}'" if printable(by) else ""
        raise UserError(f"--by: Die Fachkraft{shown} steht nicht im Personal (organisation.yaml).",
                        "Die Kennung aus organisation.yaml › staff angeben, z. B. die eigene.")


def group_id(day: str, cases: list[str], by: str) -> str:
    """A group id from the day and a short hash (the cases' ids never appear in it)."""
    digest = hashlib.blake2b("\0".join([day, by, *sorted(cases)]).encode(), digest_size=3).hexdigest()
    return f"gruppe-{day}-{digest}"


def group_entry(root: Path, case_ids: list[str], entry: dict[str, object], group: str | None) -> int:
    """Write one support-log entry per case of a group session."""
    if len(set(case_ids)) != len(case_ids):
        raise UserError("Eine Akte ist mehrfach angegeben.", "Jede Akte der Gruppe einmal nennen.")
    for cid in case_ids:
        if not re.fullmatch(ID_PATTERN, cid):
            raise UserError("Eine Angabe ist keine gültige Kennung einer Akte.", "Kennungen wie tn-0042 angeben (Ordnernamen).")
    if group is not None and not re.fullmatch(ID_PATTERN, group):
        raise UserError("--gruppe: keine gültige Kennung.", "Kleinbuchstaben, Ziffern und Bindestriche, z. B. jobvision-montag.")
    full = entry | {"group": group or group_id(str(entry["date"]), case_ids, str(entry["by"])), "group_size": len(case_ids)}
    check_entry("support_log", full, OPTIONS | {"group": "--gruppe", "group_size": "Zahl der Akten"})
    for cid in case_ids:
        case_folder(root, cid)  # every case exists before the first file is written
    _staff(root, entry["by"])
    written = [write_entry(root, cid, "support_log", full) for cid in case_ids]
    print(f"Gruppensitzung {full['group']} eingetragen: {count(len(written), 'Akte', 'Akten')} "
          f"({entry['minutes']} Minuten, {entry['kind']}, {len(case_ids)} Personen).")
    print("    Hinweis: Jede Akte bekommt einen eigenen Eintrag ohne die anderen Personen. "
          "Mit 'git add' und 'git commit' speichern; 'site-gen check' prüft die Akten.")
    return 0


def team_entry(root: Path, entry: dict[str, object]) -> int:
    """Validate and write one team-time entry into ``team/``."""
    _, problems = validate(TeamTime, entry, "")
    if problems:
        lines = [f"{TEAM_OPTIONS.get(str(f.loc[0]), dotted(f.loc)) if f.loc else 'Eintrag'}: {f.message} {f.hint}" for f in problems]
        raise UserError("Der Eintrag ist ungültig und wurde nicht gespeichert:\n    " + "\n    ".join(lines),
                        "Die Angaben korrigieren und den Befehl wiederholen.")
    _staff(root, entry["by"])
    text = dump(entry)
    folder = root / TEAM_FOLDER
    folder.mkdir(exist_ok=True)
    path = folder / _team_name(entry, text)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        raise UserError("Genau diesen Eintrag gibt es schon (gleiche Angaben am selben Tag).",
                        "Nichts wurde doppelt gespeichert. Wenn es wirklich zwei Zeiten waren, die Notiz unterscheiden.") from None
    print(f"Teamzeit eingetragen: {path.relative_to(root).as_posix()} ({entry['minutes']} Minuten, {entry['activity']}).")
    print("    Hinweis: mit 'git add' und 'git commit' speichern; 'site-gen check' prüft die Datei.")
    return 0


def _team_name(entry: dict[str, object], text: str) -> str:
    digest = hashlib.blake2b(text.encode(), digest_size=3).hexdigest()
    return f"{entry['date']}-{entry['by']}-{digest}.yaml"

