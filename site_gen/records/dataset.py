"""All records of a repository as one typed Dataset, with indexes.

The only place that turns files into records. Records that fail validation
are left out of the typed collections, but their ids stay known so that
references to them do not cascade into more errors.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel

from ..findings import Finding
from ..models import RECORD_KINDS, Case, Module, Organisation, ProfileCatalogue, PurposeCatalogue, Workplace
from ..models.catalogue import Purpose
from ..models.organisation import Location, ProfileItem, Provider, Staff
from ..models.programmes import ProgrammeCatalogue
from ..models.team import TeamTime
from .compose import Provenance, compose
from .config import default_programmes, load_catalogue, load_programmes, load_purposes, read_model
from .layout import ATTACHMENTS_ELSEWHERE, FOLDER_KINDS, Unit, appendable, changes, folder_stamp, history_key, main_file, record_of, scan_folder, stat_key
from .load import read_yaml, read_yaml_marked
from .parallel import run_batches, workers
from .placeholders import MARKER, placeholder_findings
from .unseal import unseal_record
from .validate import validate

ORGANISATION_FILE = "organisation.yaml"
TEAM_FOLDER = "team"
"""Team time without a case (issue 29): ``team/<date>-<by>-<hash>.yaml``, one entry per file."""
FOLDERS_PER_WORKER = 2_000
"""A worker process scans case folders from this many on (see :func:`_scan_folders`)."""


R = TypeVar("R")


@dataclass
class Dataset:
    """Every record of one repository, validated, plus lookup indexes."""

    root: Path
    organisation: Organisation | None = None
    catalogue: ProfileCatalogue | None = None
    purposes_catalogue: PurposeCatalogue | None = None
    programmes_catalogue: ProgrammeCatalogue | None = None
    """Programmes, instruments and measures (issue 29): shipped, extended by ``schema/programmes.yaml``."""
    cases: dict[str, Case] = field(default_factory=dict)
    workplaces: dict[str, Workplace] = field(default_factory=dict)
    modules: dict[str, Module] = field(default_factory=dict)
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    """(kind, id) → path relative to root, for every record file found (valid or not)."""
    findings: list[Finding] = field(default_factory=list)
    """Problems found while loading and validating single files."""
    context: dict[tuple[str, str], Any] = field(default_factory=dict)
    """(kind, id) → record loaded only to be looked up by a partial check, not checked itself."""
    team: dict[str, TeamTime] = field(default_factory=dict)
    """Team time without a case (issue 29): file (relative path) → entry, valid entries only."""
    provenance: dict[str, tuple[str, Provenance]] = field(default_factory=dict)
    """Record folder (``cases/<id>``) → its main file and (list, index) → the entry file that holds that entry,
    as :func:`~site_gen.records.compose.compose` found them: the reporter places findings and the report cites
    files by it, without reading the folder again."""
    units: list[Unit] | None = None
    """Every record unit on disk, with each source file's stat, as the whole load listed them (None: loaded otherwise).

    The check's cache keys on these, so ``build`` lists the repository once, not twice."""
    strays: list[Finding] = field(default_factory=list)
    """What that listing found in a record folder that is no record entry (also in :attr:`findings`)."""

    def without(self, displays: set[str], notices: list[Finding] | None = None, unpaged: set[str] | frozenset[str] = frozenset()) -> "Dataset":
        """A copy without the records stored in ``displays`` (relative paths).

        Their files stay listed (so references to them do not dangle), except
        ``unpaged`` ones, which vanish completely; ``findings`` becomes
        ``notices`` (what the left-out records' notice pages show).
        """
        def keep(kind: str, col: dict[str, R]) -> dict[str, R]:
            return {rid: rec for rid, rec in col.items() if self.path_of(kind, rid) not in displays}

        files = {key: path for key, path in self.files.items() if path not in unpaged}
        return Dataset(root=self.root, organisation=self.organisation, catalogue=self.catalogue, purposes_catalogue=self.purposes_catalogue,
                       programmes_catalogue=self.programmes_catalogue,
                       cases=keep("cases", self.cases), workplaces=keep("workplaces", self.workplaces),
                       modules=keep("modules", self.modules), files=files,
                       findings=list(notices or []), units=self.units, team=self.team, provenance=self.provenance)

    def workplace(self, wid: str) -> Workplace | None:
        """The workplace ``wid`` if loaded (checked or as context)."""
        found = self.workplaces.get(wid)
        return found if found is not None else self.context.get(("workplaces", wid))

    def module(self, mid: str) -> Module | None:
        """The module ``mid`` if loaded (checked or as context)."""
        found = self.modules.get(mid)
        return found if found is not None else self.context.get(("modules", mid))

    def path_of(self, kind: str, record_id: str) -> str:
        return self.files.get((kind, record_id), f"{kind}/{record_id}" if kind in FOLDER_KINDS else f"{kind}/{record_id}.yaml")

    def exists(self, kind: str, record_id: str) -> bool:
        return (kind, record_id) in self.files

    def unopened(self, case_id: str) -> Finding | None:
        """Why a sealed case is not among the cases: the ``SEALED-*`` finding of a case this reader cannot open (key missing,
        not released for her location, erased, damaged), or None. Commands say this instead of "the case has errors"."""
        where = self.path_of("cases", case_id)
        return next((f for f in self.findings if f.code.startswith("SEALED-") and f.file == where), None)

    def refuse_unopened(self, case_id: str) -> None:
        """Raise the German reason (code, message, hint) when ``case_id`` is a sealed case this reader cannot open."""
        from ..errors import UserError

        found = self.unopened(case_id) if case_id not in self.cases else None
        if found is not None:
            raise UserError(f"{found.code} {found.message}", found.hint)

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

    @property
    def programmes(self) -> ProgrammeCatalogue:
        """Programmes, instruments and measures: the repository's catalogue, else the shipped one."""
        return self.programmes_catalogue or default_programmes()

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
        """Open cases per primary coach (of the cases loaded; a partial check passes its own counts)."""
        return {sid: len(cases) for sid, cases in self.cases_by_coach.items()}

    @cached_property
    def cases_by_coach(self) -> dict[str, list[Case]]:
        """Open cases per primary coach."""
        return self._open_cases_by(lambda case: case.coaches.primary)

    @cached_property
    def cases_by_deputy(self) -> dict[str, list[Case]]:
        """Open cases per deputy coach."""
        return self._open_cases_by(lambda case: case.coaches.deputy)

    def _open_cases_by(self, coach: Callable[[Case], str]) -> dict[str, list[Case]]:
        index: dict[str, list[Case]] = defaultdict(list)
        for case in self.cases.values():
            if case.closed is None:
                index[coach(case)].append(case)
        return dict(index)

def contact_cases(ds: Dataset) -> set[str]:
    """The cases the company contacts of the loaded workplaces name (their consent rule needs them as lookup context)."""
    return {c.case for wp in ds.workplaces.values() for c in wp.contact_log if c.case is not None}


FolderScan = Callable[[str, list[str]], dict[str, tuple[Unit | None, list[Finding]]]]
"""(kind, names of its record folders) → name → (unit, strays): how :func:`scan_records` lists record folders."""


def scan_records(root: Path, stat: bool = True, files: bool = False, folders: FolderScan | None = None) -> tuple[list[Unit], list[Finding]]:
    """Every record below ``root`` (a module file or a case or workplace folder), and the entries that look like records but are not.

    Units are (kind, id, display, (mtime_ns, size), sources), sorted by display.
    A record is a regular ``modules/*.yaml`` file or a record folder (``cases/<id>/``
    with ``case.yaml``, ``workplaces/<id>/`` with ``workplace.yaml``, see :mod:`site_gen.records.layout`);
    a case or workplace still stored as one file is LAYOUT-SINGLE-FILE (only ``site-gen migrate``
    reads it; RECORD-DUPLICATE beside a folder of the same id), ``.yml``/``.YAML`` files
    and folders named like a record file are errors (they would be silently
    ignored), every other entry of a record folder is a finding (RECORD-STRAY,
    RECORD-NOT-FILE), and a symbolic link is refused unread (wherever it leads). Strings and
    one ``scandir`` per folder: the pre-commit fast path lists 12,000 files
    with this, where Path objects alone would cost a fifth of a second.
    ``stat=False``: case folders get no stat key; ``files=True``: every source
    file's stat is in :attr:`Unit.files` (what the full check's cache keys on).
    ``folders``: lists the record folders instead (the full check reuses what Git vouches unchanged).
    """
    out: list[Unit] = []
    problems: list[Finding] = []
    for kind in RECORD_KINDS:
        if os.path.islink(root / kind):
            problems.append(_linked(kind, "Der Ordner ist ein Verweis (Symlink); seine Datensätze werden nicht gelesen.",
                                    f"Den Verweis durch den Ordner {kind}/ selbst ersetzen."))
            continue
        try:
            entries = sorted(os.scandir(root / kind), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        names = [e.name for e in entries if _is_case_folder(kind, e)]
        scanned = folders(kind, names) if folders is not None else _scan_folders(root, kind, names, stat, files)
        for e in entries:
            if e.name.startswith("."):
                continue
            if e.name in scanned:  # a record folder (the names are those of one folder: each once)
                unit, strays = scanned[e.name]
                problems.extend(strays)
                if unit is not None:
                    out.append(unit)
            elif kind in FOLDER_KINDS and e.name.endswith(".yaml") and e.is_file(follow_symlinks=False):
                problems.append(single_file(kind, e.name[: -len(".yaml")], e.name[: -len(".yaml")] in names))
            elif e.name.lower().endswith((".yaml", ".yml")):
                found = _record_file(root, kind, e)
                if isinstance(found, Unit):
                    out.append(found)
                elif found is not None:
                    problems.append(found)
            else:
                problems.append(_stray_entry(kind, e))
    out.sort(key=lambda u: (u.kind, u.display))
    return out, problems


def record_stamps(root: Path) -> list[tuple[str, str, str, tuple[int, int]]]:
    """(kind, id, display, stat key) of every record, as :func:`scan_records` gives them, but without
    listing the entry folders (the hook's listing: a few system calls per case instead of one per file)."""
    out: list[tuple[str, str, str, tuple[int, int]]] = []
    for kind in RECORD_KINDS:
        if os.path.islink(root / kind):
            continue
        try:
            entries = list(os.scandir(root / kind))
        except (FileNotFoundError, NotADirectoryError):
            continue
        folders = {e.name: stamp for e in entries if _is_case_folder(kind, e) and (stamp := folder_stamp(root, kind, e.name)) is not None}
        out += [(kind, name, f"{kind}/{name}", stamp) for name, stamp in folders.items()]
        if kind not in FOLDER_KINDS:  # a single case file is no record (LAYOUT-SINGLE-FILE: the full check names it)
            files = [found for e in entries if not e.name.startswith(".") and e.name.endswith(".yaml") and isinstance(found := _record_file(root, kind, e), Unit)]
            out += [(u.kind, u.id, u.display, u.stamp) for u in files]
    return sorted(out, key=lambda r: (r[0], r[2]))


def _is_case_folder(kind: str, e: os.DirEntry[str]) -> bool:
    return kind in FOLDER_KINDS and not e.name.startswith(".") and e.is_dir(follow_symlinks=False) and not e.name.lower().endswith((".yaml", ".yml"))


@dataclass
class _FolderScan:
    """Scans a batch of case folders (in a worker process when there are many)."""

    root: Path
    kind: str
    stat: bool
    files: bool

    def __call__(self, names: list[str]) -> list[tuple[Unit | None, list[Finding]]]:
        return [scan_folder(self.root, self.kind, name, self.stat, self.files) for name in names]


def _scan_folders(root: Path, kind: str, names: list[str], stat: bool, files: bool) -> dict[str, tuple[Unit | None, list[Finding]]]:
    """``name`` → (unit, strays) of every case folder; with every file's stat (``files``), many folders are scanned on every core.

    One ``lstat`` per file is what such a scan costs (300,000 files at 10,000 cases).
    """
    n = workers(len(names), FOLDERS_PER_WORKER) if files or not stat else 1  # with stat keys only (the hook's listing): here
    size = max(1, -(-len(names) // (4 * n)))
    appendable(kind)  # computed once here, inherited by the workers
    batches = run_batches(_FolderScan(root, kind, stat, files), [names[i:i + size] for i in range(0, len(names), size)], n, lambda: None)[0]
    return dict(zip(names, (found for batch in batches for found in batch)))


def _record_file(root: Path, kind: str, e: os.DirEntry[str]) -> Unit | Finding | None:
    """The unit of one ``*.yaml`` entry of a record folder, the finding why it is none, or None (no regular file)."""
    name, display = e.name, f"{kind}/{e.name}"
    if e.is_symlink():
        return _symlink_refusal(root, e, display)
    if e.is_dir():
        return Finding(display, "RECORD-NOT-FILE", "Ein Ordner trägt den Namen eines Datensatzes.",
                       "Den Ordner umbenennen oder entfernen; ein Datensatz ist eine Datei.", line=1, col=1)
    if not name.endswith(".yaml"):
        stem = name.rsplit(".", 1)[0]
        return Finding(display, "RECORD-SUFFIX", "Datensätze enden auf '.yaml' (klein geschrieben); diese Datei wird sonst nicht geprüft.",
                       f"Die Datei in '{stem}.yaml' umbenennen (git mv); gibt es sie schon, beide zusammenführen.", line=1, col=1)
    if not e.is_file():
        return None
    st = e.stat()
    return Unit(kind, name[: -len(".yaml")], display, stat_key(st), (display,), changes([st]))


def _symlink_refusal(root: Path, e: os.DirEntry[str], display: str) -> Finding:
    """Why a symbolic link is not read: a record is never read through a link (paths are facts, not trust)."""
    try:
        target = Path(e.path).resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, through a file, or a loop
        return Finding(display, "FILE-READ", "Die Datei kann nicht gelesen werden: sie ist ein Verweis (Symlink), der ins Leere führt.",
                       "Den Verweis durch die Datei ersetzen oder entfernen.", line=1, col=1)
    if root.resolve() not in target.parents:
        return Finding(display, "RECORD-SYMLINK", "Die Datei ist ein Verweis (Symlink) auf eine Datei außerhalb des Repositorys.",
                       "Datensätze liegen als echte Dateien im Repository; den Verweis durch die Datei ersetzen.", line=1, col=1)
    return _linked(display, "Die Datei ist ein Verweis (Symlink); Datensätze werden nie über einen Verweis gelesen.",
                   "Den Verweis durch die Datei ersetzen (oder entfernen, wenn er nur auf einen anderen Datensatz zeigt).")


def _linked(display: str, message: str, hint: str) -> Finding:
    return Finding(display, "RECORD-SYMLINK", message, hint, line=1, col=1)


def _stray_entry(kind: str, e: os.DirEntry[str]) -> Finding:
    """An entry of a record folder that is neither a record file nor a case folder: never silently ignored."""
    display = f"{kind}/{e.name}"
    if e.is_symlink():
        return _linked(display, "Der Eintrag ist ein Verweis (Symlink); er wird nicht gelesen.",
                       "Datensätze und Akten-Ordner liegen als echte Dateien und Ordner im Repository; den Verweis entfernen.")
    if e.is_dir():
        return Finding(display, "RECORD-NOT-FILE", f"Ein Ordner liegt in {kind}/, wo nur Datensätze als Dateien stehen; er wird nicht gelesen.",
                       f"Datensätze in {kind}/ sind Dateien ({kind}/<kennung>.yaml); Akten-Ordner gehören nach cases/.", line=1, col=1)
    shape = f"Ordner {kind}/<kennung>/ mit {main_file(kind)}" if kind in FOLDER_KINDS else f"{kind}/<kennung>.yaml"
    return Finding(display, "RECORD-STRAY", f"Die Datei gehört nicht in den Ordner {kind}/ und wird nicht gelesen.",
                   f"In {kind}/ liegen nur {shape}; {ATTACHMENTS_ELSEWHERE}", line=1, col=1)


def single_file(kind: str, rid: str, twin: bool = False) -> Finding:
    """A case (workplace) still stored as one file, ``cases/<id>.yaml``: only ``site-gen migrate`` reads it.

    Beside a folder of the same id (``twin``) it is RECORD-DUPLICATE (the folder is read), else LAYOUT-SINGLE-FILE.
    """
    display = f"{kind}/{rid}.yaml"
    noun, read = ("Die Akte", "sie") if kind == "cases" else ("Das Arbeitsplatzprofil", "es")
    if twin:
        return Finding(display, "RECORD-DUPLICATE", f"{noun} liegt zweimal vor: als Datei und als Ordner mit derselben Kennung.",
                       f"Nur der Ordner {kind}/{rid}/ wird gelesen. Die Angaben der Datei von Hand in den Ordner übernehmen "
                       "oder die veraltete Datei löschen.", line=1, col=1)
    return Finding(display, "LAYOUT-SINGLE-FILE", f"{noun} liegt noch im alten Aufbau als eine Datei; {read} wird nicht gelesen.",
                   f"'site-gen migrate' ausführen: das stellt {kind}/{rid}.yaml in den Ordner {kind}/{rid}/ um "
                   f"({main_file(kind)} und eine Datei je Eintrag).", line=1, col=1)


def record_files(root: Path) -> list[tuple[str, Path]]:
    """(kind, path) of every record below ``root`` (a file, or a case folder), sorted."""
    return [(u.kind, root / u.display) for u in scan_records(root)[0]]


def load_record(kind: str, path: Path, display: str, into: Dataset | None = None) -> tuple[BaseModel | None, list[Finding]]:
    """Read and validate one record (a record folder or a module file, its provenance kept ``into`` a Dataset; no cross-record rules).

    A case or workplace file (``cases/<id>.yaml``) is not read: LAYOUT-SINGLE-FILE.
    """
    if kind in FOLDER_KINDS and not path.is_dir():
        return None, [single_file(kind, path.name.removesuffix(".yaml"))]
    if path.is_dir():
        root = path.parents[display.count("/")]
        unit, strays = scan_folder(root, kind, path.name)
        if unit is None:
            return None, strays
        return load_unit(root, unit, into)
    data, findings, marked = read_yaml_marked(path, display, MARKER)
    if data is None:
        return None, findings
    data, sealed = unseal_record(path.parents[display.count("/")], kind, data, display)
    if data is None:
        return None, findings + sealed
    return _validated(kind, data, display, findings + sealed, marked)


def load_unit(root: Path, unit: Unit, into: Dataset | None = None) -> tuple[BaseModel | None, list[Finding]]:
    """Read and validate a record unit; a folder is composed into one record first (its provenance kept ``into`` a Dataset)."""
    if unit.kind not in FOLDER_KINDS:
        return load_record(unit.kind, root / unit.display, unit.display)
    data, findings, provenance, marked = compose(root, unit)
    if into is not None:
        into.provenance[unit.display] = (unit.sources[0], provenance)
    if data is None:
        return None, findings
    data, sealed = unseal_record(root, unit.kind, data, unit.display, provenance)
    if data is None:
        return None, findings + sealed
    return _validated(unit.kind, data, unit.display, findings + sealed, marked)


def _validated(kind: str, data: Any, display: str, findings: list[Finding], marked: bool) -> tuple[BaseModel | None, list[Finding]]:
    """``marked``: the text may hold a placeholder (else none is looked for)."""
    record, problems = validate(RECORD_KINDS[kind], data, display)
    if marked:
        problems, left = placeholder_findings(data, display, problems)
    else:
        left = []
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


def load_dataset(root: Path, only: list[tuple[str, Path]] | list[Unit] | None = None) -> Dataset:
    """Load every record below ``root`` (or just the ``only`` records: units or (kind, path))."""
    ds = Dataset(root=root)
    ds.organisation = _load_single(root, ORGANISATION_FILE, Organisation, ds)
    # Catalogues: the package's defaults, extended by the repository's files (site_gen/records/config.py).
    ds.catalogue = load_catalogue(root, ds.findings)
    ds.purposes_catalogue = load_purposes(root, ds.findings)
    ds.programmes_catalogue = load_programmes(root, ds.findings)
    ds.team = load_team(root, ds.findings)
    targets: dict[str, dict[str, Any]] = {"cases": ds.cases, "workplaces": ds.workplaces, "modules": ds.modules}
    if only is None:
        only, strays = scan_records(root, files=True)
        ds.findings.extend(strays)
        ds.units, ds.strays = only, strays
    for item in only:
        if isinstance(item, Unit):
            kind, display = item.kind, item.display
            path, rid = root / display, item.id
        else:
            kind, path = item
            display, rid = path.relative_to(root).as_posix(), path.stem
        ds.files[(kind, rid)] = display
        if isinstance(item, Unit) and item.kind in FOLDER_KINDS and len(item.sources) > 1:
            record, findings = load_unit(root, item, ds)  # a record folder with entries: composed here
        else:
            record, findings = load_record(kind, path, display, ds)
        ds.findings.extend(findings)
        if record is not None:
            targets[kind][rid] = record
    return ds


def team_files(root: Path) -> list[str]:
    """The team-time files below ``root`` (relative paths, sorted)."""
    folder = root / TEAM_FOLDER
    return sorted(f"{TEAM_FOLDER}/{p.name}" for p in folder.glob("*.yaml") if p.is_file()) if folder.is_dir() else []


def load_team(root: Path, findings: list[Finding]) -> dict[str, TeamTime]:
    """Every valid team-time entry (file → entry); problems go to ``findings``."""
    out: dict[str, TeamTime] = {}
    for rel in team_files(root):
        record = read_model(root, rel, TeamTime, findings)
        if record is not None:
            out[rel] = record
    return out


def record_units(root: Path, tracked: set[str] | None = None, stat: bool = True) -> tuple[list[Unit], list[Finding]]:
    """Every record unit below ``root`` (only those in Git's index, ``tracked``, when given) and the stray entries.

    ``stat=False``: no file is stat'ed (a check without the cache keys nothing on it: 300,000 system calls less).
    """
    entries, strays = scan_records(root, stat=stat, files=stat)
    units = [u for u in entries if tracked is None or u.display in tracked or u.sources[0] in tracked]
    return units, strays if tracked is None else [f for f in strays if _in_index(root, f.file, tracked)]


def _in_index(root: Path, display: str, tracked: set[str]) -> bool:
    """Whether a stray entry is part of what Git's index holds: the path itself, a folder holding an indexed
    file (a stray folder in a case), or a missing ``case.yaml`` of an indexed case folder."""
    if display in tracked:
        return True
    if not os.path.lexists(root / display):  # a missing main file: its folder holds an indexed path
        folder = record_of(display)
        if folder in tracked or any(p.startswith(folder + "/") for p in tracked):
            return True
    prefix = display + "/"
    return any(p.startswith(prefix) for p in tracked)


def load_units(root: Path, units: list[Unit], base: Dataset | None = None, as_context: bool = False) -> Dataset:
    """``base`` (or just organisation and catalogues) with ``units`` loaded into it; ``files`` lists ``units``.

    ``as_context``: the records only serve lookups (``ds.context``); their own findings are dropped.
    """
    ds = base if base is not None else load_dataset(root, only=[])
    targets: dict[str, dict[str, Any]] = {"cases": ds.cases, "workplaces": ds.workplaces, "modules": ds.modules}
    for unit in units:
        ds.files[(unit.kind, unit.id)] = unit.display
        record, findings = load_unit(root, unit, ds)
        if as_context:
            if record is not None:
                ds.context[(unit.kind, unit.id)] = record
            continue
        ds.findings.extend(findings)
        if record is not None:
            targets[unit.kind][unit.id] = record
    return ds


def reload(ds: Dataset, paths: set[Path]) -> tuple[Dataset, dict[str, set[str]]]:
    """A copy of ``ds`` with the changed record files ``paths`` loaded again; ids touched per kind.

    A path that no longer exists drops its record; ``ds`` itself is unchanged.
    """
    root = ds.root
    displays = {p.relative_to(root).as_posix() for p in paths}
    out = Dataset(root=root, organisation=ds.organisation, catalogue=ds.catalogue, purposes_catalogue=ds.purposes_catalogue,
                  programmes_catalogue=ds.programmes_catalogue, cases=dict(ds.cases), workplaces=dict(ds.workplaces), modules=dict(ds.modules),
                  files=dict(ds.files), findings=[f for f in ds.findings if f.file not in displays], team=ds.team, provenance=dict(ds.provenance))
    targets: dict[str, dict[str, Any]] = {"cases": out.cases, "workplaces": out.workplaces, "modules": out.modules}
    touched: dict[str, set[str]] = {}
    for key in sorted({history_key(d) for d in displays}):  # a case folder and a file of the same id: one record
        kind, _, rid = key.partition("/")
        rid = rid.removesuffix(".yaml")
        touched.setdefault(kind, set()).add(rid)
        targets[kind].pop(rid, None)
        out.files.pop((kind, rid), None)
        out.findings = [f for f in out.findings if history_key(f.file) != key]
        unit, findings = _unit_at(root, kind, rid)
        out.findings.extend(findings)
        if unit is not None:
            load_units(root, [unit], base=out)
    return out, touched


def _unit_at(root: Path, kind: str, rid: str) -> tuple[Unit | None, list[Finding]]:
    """The record ``kind/rid`` as it is on disk now (a record folder, a module file, or None when gone)
    and what the full load reports about its place: strays in the folder, a case still stored as one file."""
    if kind in FOLDER_KINDS:
        folder = root / kind / rid
        unit, findings = scan_folder(root, kind, rid) if folder.is_dir() and not folder.is_symlink() else (None, [])
        single = root / kind / f"{rid}.yaml"
        if single.is_file() and not single.is_symlink():
            findings = [*findings, single_file(kind, rid, twin=unit is not None)]
        return unit, findings
    path = root / kind / f"{rid}.yaml"
    if path.is_file():
        display = f"{kind}/{rid}.yaml"
        st = path.stat()
        return Unit(kind, rid, display, stat_key(st), (display,), changes([st])), []
    return None, []
