"""All records of a repository as one typed Dataset, with indexes.

The only place that turns files into records. Records that fail validation
are left out of the typed collections, but their ids stay known so that
references to them do not cascade into more errors.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .config import load_catalogue, load_purposes
from .findings import Finding
from .compose import compose
from .layout import FOLDER_KINDS, Unit, scan_folder
from .load import read_yaml
from .placeholders import placeholder_findings
from .models import RECORD_KINDS, Case, Module, Organisation, ProfileCatalogue, PurposeCatalogue, Workplace
from .models.catalogue import Purpose
from .models.organisation import Location, ProfileItem, Provider, Staff
from .validate import validate

ORGANISATION_FILE = "organisation.yaml"


@dataclass
class Dataset:
    """Every record of one repository, validated, plus lookup indexes."""

    root: Path
    organisation: Organisation | None = None
    catalogue: ProfileCatalogue | None = None
    purposes_catalogue: PurposeCatalogue | None = None
    cases: dict[str, Case] = field(default_factory=dict)
    workplaces: dict[str, Workplace] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) → path relative to root, for every record file found (valid or not)."""
    findings: list[Finding] = field(default_factory=list)
    """Problems found while loading and validating single files."""
    caseload_counts: dict[str, int] | None = None
    """Open cases per primary coach when the dataset is partial (pre-commit fast path)."""

    def without(self, displays: set[str], notices: list[Finding] | None = None, unpaged: set[str] | frozenset[str] = frozenset()) -> "Dataset":
        """A copy without the records stored in ``displays`` (relative paths).

        Their files stay listed (so references to them do not dangle), except
        ``unpaged`` ones, which vanish completely; ``findings`` becomes
        ``notices`` (what the left-out records' notice pages show).
        """
        keep = {kind: {rid: rec for rid, rec in col.items() if self.path_of(kind, rid) not in displays}
                for kind, col in (("cases", self.cases), ("workplaces", self.workplaces), ("modules", self.modules))}
        files = {key: path for key, path in self.files.items() if path not in unpaged}
        return Dataset(root=self.root, organisation=self.organisation, catalogue=self.catalogue, purposes_catalogue=self.purposes_catalogue,
                       cases=keep["cases"], workplaces=keep["workplaces"], modules=keep["modules"], files=files,
                       findings=list(notices or []), caseload_counts=self.caseload_counts)

    def path_of(self, kind: str, record_id: str) -> str:
        return self.files.get((kind, record_id), f"{kind}/{record_id}.yaml")

    def exists(self, kind: str, record_id: str) -> bool:
        return (kind, record_id) in self.files

    @cached_property
    def providers(self) -> dict[str, Provider]:
        return {p.id: p for p in self.organisation.providers} if self.organisation else {}

    @cached_property
    def locations(self) -> dict[str, Location]:
        return {loc.id: loc for p in self.providers.values() for loc in p.locations}

    @cached_property
    def provider_of_location(self) -> dict[str, str]:
        return {loc.id: p.id for p in self.providers.values() for loc in p.locations}

    @cached_property
    def staff(self) -> dict[str, Staff]:
        return {s.id: s for s in self.organisation.staff} if self.organisation else {}

    @cached_property
    def profile_items(self) -> dict[str, ProfileItem]:
        items = list(self.catalogue.items) if self.catalogue else []
        items += list(self.organisation.profile_items) if self.organisation else []
        return {i.id: i for i in items}

    @cached_property
    def purposes(self) -> dict[str, Purpose]:
        return {p.id: p for p in self.purposes_catalogue.purposes} if self.purposes_catalogue else {}

    @cached_property
    def access_requirements(self) -> dict[str, str]:
        return {a.id: a.label for a in self.organisation.access_requirements} if self.organisation else {}

    @cached_property
    def cases_by_workplace(self) -> dict[str, list[Case]]:
        index: dict[str, list[Case]] = defaultdict(list)
        for case in self.cases.values():
            for wid in {p.workplace for p in case.placements}:
                index[wid].append(case)
        return dict(index)

    @cached_property
    def cases_by_module(self) -> dict[str, list[Case]]:
        index: dict[str, list[Case]] = defaultdict(list)
        for case in self.cases.values():
            for mid in {e.module for e in case.enrolments}:
                index[mid].append(case)
        return dict(index)

    @cached_property
    def caseload(self) -> dict[str, int]:
        """Open cases per primary coach (over all cases, even in a partial dataset)."""
        if self.caseload_counts is not None:
            return self.caseload_counts
        return {sid: len(cases) for sid, cases in self.cases_by_coach.items()}

    @cached_property
    def cases_by_coach(self) -> dict[str, list[Case]]:
        index: dict[str, list[Case]] = defaultdict(list)
        for case in self.cases.values():
            if case.closed is None:
                index[case.coaches.primary].append(case)
        return dict(index)


Entry = Unit
"""A record unit (see :mod:`site_gen.layout`): kind, id, display, stat key, source files."""


def scan_records(root: Path, stat: bool = True) -> tuple[list[Unit], list[Finding]]:
    """Every record below ``root`` (a file or a case folder), and the entries that look like records but are not.

    Units are (kind, id, display, (mtime_ns, size), sources), sorted by display.
    A record is a regular ``*.yaml`` file or a case folder (``cases/<id>/``
    with ``case.yaml``, see :mod:`site_gen.layout`); ``.yml``/``.YAML`` files
    and folders named like a record file are errors (they would be silently
    ignored), a symbolic link that leaves the repository is refused unread,
    and a case both as file and as folder is RECORD-DUPLICATE. Strings and
    one ``scandir`` per folder: the pre-commit fast path lists 12,000 files
    with this, where Path objects alone would cost a fifth of a second.
    ``stat=False``: case folders get no stat key (the full check needs none).
    """
    out: list[Unit] = []
    problems: list[Finding] = []
    real_root: Path | None = None
    for kind in RECORD_KINDS:
        try:
            entries = sorted(os.scandir(root / kind), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        folders: set[str] = set()
        for e in entries:
            name, display = e.name, f"{kind}/{e.name}"
            if name.startswith("."):
                continue
            if kind in FOLDER_KINDS and e.is_dir(follow_symlinks=False) and not name.lower().endswith((".yaml", ".yml")):
                unit, strays = scan_folder(root, kind, name, stat)
                problems.extend(strays)
                if unit is not None:
                    out.append(unit)
                    folders.add(name)
                continue
            if not name.lower().endswith((".yaml", ".yml")):
                continue
            if e.is_symlink():
                real_root = real_root or root.resolve()
                if real_root not in Path(e.path).resolve().parents:
                    problems.append(Finding(display, "RECORD-SYMLINK", "Die Datei ist ein Verweis (Symlink) auf eine Datei außerhalb des Repositorys.",
                                            "Datensätze liegen als echte Dateien im Repository; den Verweis durch die Datei ersetzen.", line=1, col=1))
                    continue
            if e.is_dir():
                problems.append(Finding(display, "RECORD-NOT-FILE", "Ein Ordner trägt den Namen eines Datensatzes.",
                                        "Den Ordner umbenennen oder entfernen; ein Datensatz ist eine Datei.", line=1, col=1))
            elif not name.endswith(".yaml"):
                stem = name.rsplit(".", 1)[0]
                problems.append(Finding(display, "RECORD-SUFFIX", "Datensätze enden auf '.yaml' (klein geschrieben); diese Datei wird sonst nicht geprüft.",
                                        f"Die Datei in '{stem}.yaml' umbenennen (git mv); gibt es sie schon, beide zusammenführen.", line=1, col=1))
            elif e.is_file():
                st = e.stat()
                rid = name[: -len(".yaml")]
                out.append(Unit(kind, rid, display, (st.st_mtime_ns, st.st_size), (display,)))
        for unit in [u for u in out if u.kind == kind and u.id in folders and u.display.endswith(".yaml")]:
            out.remove(unit)
            problems.append(Finding(unit.display, "RECORD-DUPLICATE", "Die Akte liegt zweimal vor: als Datei und als Ordner mit derselben Kennung.",
                                    f"Nur der Ordner {kind}/{unit.id}/ wird gelesen. Die Datei mit 'site-gen migrate' einordnen oder löschen.", line=1, col=1))
    out.sort(key=lambda u: (u.kind, u.display))
    return out, problems


def record_entries(root: Path) -> list[Unit]:
    """Every record unit below ``root``, sorted (see :func:`scan_records`)."""
    return scan_records(root)[0]


def record_files(root: Path) -> list[tuple[str, Path]]:
    """(kind, path) of every record below ``root`` (a file, or a case folder), sorted."""
    return [(u.kind, root / u.display) for u in record_entries(root)]


def load_record(kind: str, path: Path, display: str) -> tuple[BaseModel | None, list[Finding]]:
    """Read and validate one record (a file or a case folder; no cross-record rules)."""
    if path.is_dir():
        root = path.parents[display.count("/")]
        unit, strays = scan_folder(root, kind, path.name)
        if unit is None:
            return None, strays
        return load_unit(root, unit)
    data, findings = read_yaml(path, display)
    if data is None:
        return None, findings
    return _validated(kind, data, display, findings)


def load_unit(root: Path, unit: Unit) -> tuple[BaseModel | None, list[Finding]]:
    """Read and validate a record unit; a folder is composed into one record first."""
    if len(unit.sources) == 1 and unit.sources[0] == unit.display:
        return load_record(unit.kind, root / unit.display, unit.display)
    data, findings, _ = compose(root, unit)
    if data is None:
        return None, findings
    return _validated(unit.kind, data, unit.display, findings)


def _validated(kind: str, data: Any, display: str, findings: list[Finding]) -> tuple[BaseModel | None, list[Finding]]:
    record, problems = validate(RECORD_KINDS[kind], data, display)
    left = placeholder_findings(data, display, {p.loc for p in problems})
    if left:  # a skeleton is not a record: left out like an invalid one, never published
        return None, findings + problems + left
    return record, findings + problems


def _load_single(root: Path, rel: str, model: type[BaseModel], ds: Dataset) -> Any:
    path = root / rel
    if not path.exists():
        return None
    data, findings = read_yaml(path, rel)
    ds.findings.extend(findings)
    if data is None:
        return None
    record, problems = validate(model, data, rel)
    ds.findings.extend(problems)
    return record


def load_dataset(root: Path, loader: Any = None, only: list[tuple[str, Path]] | list[Unit] | None = None) -> Dataset:
    """Load every record below ``root`` (or just the ``only`` records: units or (kind, path)).

    ``loader(kind, path, display)`` defaults to :func:`load_record`; the
    check command passes a caching one.
    """
    loader = loader or load_record
    ds = Dataset(root=root)
    ds.organisation = _load_single(root, ORGANISATION_FILE, Organisation, ds)
    # Catalogues: the package's defaults, extended by the repository's files (site_gen/config.py).
    ds.catalogue = load_catalogue(root, ds.findings)
    ds.purposes_catalogue = load_purposes(root, ds.findings)
    targets: dict[str, dict[str, Any]] = {"cases": ds.cases, "workplaces": ds.workplaces, "modules": ds.modules}
    if only is None:
        only, strays = scan_records(root)
        ds.findings.extend(strays)
    for item in only:
        if isinstance(item, Unit):
            kind, display = item.kind, item.display
            path, rid = root / display, item.id
        else:
            kind, path = item
            display, rid = path.relative_to(root).as_posix(), path.stem
        ds.files[(kind, rid)] = display
        if isinstance(item, Unit) and len(item.sources) > 1:
            record, findings = load_unit(root, item)  # a case folder: composed here, not by ``loader``
        else:
            record, findings = loader(kind, path, display)
        ds.findings.extend(findings)
        if record is not None:
            targets[kind][rid] = record
    return ds
