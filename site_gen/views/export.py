"""Subject access (Art. 15 DSGVO): everything held about one person.

Built from the *unfiltered* dataset: the person sees all data, also data
kept without a live consent. Each top-level item carries its purpose or
legal basis, recipients and retention; the Git history of the record file
is read at the edge (``site_gen.commands.export``) and passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..domain.consent import BASIS_LABELS, field_bases, field_purposes, guardian_covers, has_live, is_live
from ..domain.retention import delete_by, retention_years
from ..labels import LABELS
from ..models.case import Case
from ..records.dataset import Dataset
from ..records.git import Change
from .briefing import find_case_and_workplace
from .export_easy import easy_summary
from .export_values import Entry, describe, recipient_label

TEAM = "Jobcoach-Team des Standorts (intern)"


@dataclass(frozen=True, slots=True)
class ExportItem:
    field: str
    title: str
    description: str
    value: Any
    """JSON form of the stored value."""
    entries: tuple[Entry, ...]
    """Readable form for the HTML page."""
    purpose: str | None
    purpose_label: str | None
    consent_live: bool | None
    basis: str | None
    recipients: tuple[str, ...]
    retention: str


@dataclass(frozen=True, slots=True)
class ConsentRow:
    id: str
    purpose_label: str
    recipients: tuple[str, ...]
    given_by: str
    given_on: dt.date
    valid_until: dt.date | None
    withdrawn_on: dt.date | None
    live: bool


@dataclass(frozen=True, slots=True)
class ExportContext:
    """The whole export; one object for both the HTML and the JSON file."""

    case_id: str
    created: dt.date
    person: str
    items: tuple[ExportItem, ...]
    consents: tuple[ConsentRow, ...]
    history: tuple[Change, ...]
    history_note: str
    easy: tuple[str, ...]
    organisation: str

    @property
    def groups(self) -> list[tuple[ExportItem, list[ExportItem]]]:
        """Items grouped by purpose or legal basis, recipients and retention: each group's terms are shown once."""
        out: dict[tuple[Any, ...], list[ExportItem]] = {}
        for i in self.items:
            out.setdefault((i.purpose, i.purpose_label, i.consent_live, i.basis, i.recipients, i.retention), []).append(i)
        return [(items[0], items) for items in out.values()]

    def to_json(self) -> dict[str, Any]:
        """The JSON document (German keys: it is handed to the person)."""
        return {
            "kennung": self.case_id,
            "erstellt_am": self.created.isoformat(),
            "verantwortlich": self.organisation,
            "daten": [
                {"feld": i.field, "bezeichnung": i.title, "wert": i.value, "zweck": i.purpose, "zweck_bezeichnung": i.purpose_label,
                 "einwilligung_gueltig": i.consent_live, "rechtsgrundlage": i.basis, "empfaenger": list(i.recipients), "aufbewahrung": i.retention}
                for i in self.items
            ],
            "git_verlauf": [{"datum": c.date.isoformat(), "autor": c.author, "commit": c.commit} for c in self.history],
            "git_hinweis": self.history_note,
            "leichte_sprache": {"titel": "Das wissen wir über dich", "saetze": list(self.easy)},
        }


def _recipients(ds: Dataset, case: Case, name: str, today: dt.date) -> tuple[str, ...]:
    out = [TEAM]
    purpose = field_purposes().get(name)
    if name == "disclosures":
        out += [recipient_label(ds, d.workplace) for d in case.disclosures if has_live(case, today, ds.purposes, purpose or "", d.workplace)]
    elif purpose is not None:
        out += [recipient_label(ds, r) for c in case.consents if c.purpose == purpose and has_live(case, today, ds.purposes, purpose) for r in c.recipients]
    return tuple(dict.fromkeys(out))


def _retention(ds: Dataset, case: Case, name: str) -> str:
    years = retention_years(ds)
    end = f"bis {delete_by(case.closed, years).strftime('%d.%m.%Y')}" if case.closed else f"bis {years} Jahre nach Abschluss der Akte"
    if name in field_purposes():
        return f"Solange die Einwilligung gilt; nach Widerruf oder Ablauf wird gelöscht, spätestens {end}."
    return f"Aufbewahrung {end}, danach Löschung."


def _company_contacts(ds: Dataset, case: Case, today: dt.date) -> list[ExportItem]:
    """Contacts with companies that name the person (stored in the workplace's record, not in the case)."""
    found = [(wid, c) for wid, wp in sorted(ds.workplaces.items()) for c in wp.contact_log if c.case == case.id]
    if not found:
        return []
    value = [{"workplace": wid, **c.model_dump(mode="json", exclude_none=True, exclude={"case"})} for wid, c in found]
    return [ExportItem(
        field="contact_log", title="Kontakte mit Betrieben über die Person",
        description="Notizen über Gespräche mit Betrieben, die die Person betreffen (im Arbeitsplatzprofil des Betriebs gespeichert).",
        value=value, entries=describe(ds, [c for _, c in found]), purpose=None, purpose_label=None, consent_live=None,
        basis="Einwilligung, die den Betrieb als Empfänger nennt", recipients=(TEAM, *dict.fromkeys(recipient_label(ds, w) for w, _ in found)),
        retention=_retention(ds, case, "contact_log"))]


def export_context(ds: Dataset, case_id: str, today: dt.date, history: list[Change], history_note: str = "") -> ExportContext:
    """Everything held about ``case_id`` (raises UserError for an unknown case)."""
    find_case_and_workplace(ds, case_id)
    case = ds.cases[case_id]
    dumped = case.model_dump(mode="json", exclude_none=True)
    items: list[ExportItem] = []
    for name, info in Case.model_fields.items():
        value = getattr(case, name)
        if value is None or value == [] or value == {}:
            continue
        purpose = field_purposes().get(name)
        items.append(ExportItem(
            field=name, title=info.title or name, description=info.description or "", value=dumped.get(name),
            entries=describe(ds, value), purpose=purpose,
            purpose_label=ds.purposes[purpose].label if purpose in ds.purposes else purpose,
            consent_live=has_live(case, today, ds.purposes, purpose) if purpose and name != "disclosures" else None,
            basis=BASIS_LABELS.get(field_bases().get(name, ""), field_bases().get(name)),
            recipients=_recipients(ds, case, name, today), retention=_retention(ds, case, name),
        ))
    items += _company_contacts(ds, case, today)
    consents = tuple(
        ConsentRow(c.id, ds.purposes[c.purpose].label if c.purpose in ds.purposes else c.purpose,
                   tuple(recipient_label(ds, r) for r in c.recipients), LABELS[c.given_by],
                   c.given_on, c.valid_until, c.withdrawn_on, is_live(c, today) and guardian_covers(case, c, ds.purposes))
        for c in case.consents
    )
    provider = ds.providers.get(case.provider)
    return ExportContext(
        case_id=case_id, created=today, person=f"{case.first_name} {case.last_name}", items=tuple(items), consents=consents,
        history=tuple(history), history_note=history_note, easy=easy_summary(ds, case, today), organisation=provider.name if provider else case.provider,
    )
