"""The path as data (issue 29): a case moves only along its provider's path.

Commit-made: the first stage is one the path begins with, every later stage
is an allowed next step of the one before, a stage that needs the reflection
talk first (``reflection_before``) has it on the last ended trial placement.
In ``organisation.yaml``: a provider's path exists, an own path names only
its own stages as next steps. Messages name stage codes, never personal values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...domain.stage_path import all_paths, allowed_next, path_for, stage_label
from ...findings import Finding
from ...models.case import Case, Placement, PlacementStatus
from ...models.common import TRIAL_TYPES, Stage
from ...models.path import Path, PathStage
from ...labels import field_name
from ...records.dataset import ORGANISATION_FILE, Dataset

ENDED = frozenset({PlacementStatus.FINISHED, PlacementStatus.ABORTED})


def check(ds: Dataset, today: dt.date) -> Iterator[Finding]:
    if ds.organisation is None:
        return
    yield from _organisation(ds)
    for cid, case in ds.cases.items():
        path = path_for(ds, case)
        if path is not None:
            yield from _case(ds.path_of("cases", cid), case, path)


def _names(path: Path, stages: list[Stage]) -> str:
    return ", ".join(f"„{stage_label(path, s)}“ ({s.value})" for s in stages) or "keine (Endpunkt des Weges)"


def _organisation(ds: Dataset) -> Iterator[Finding]:
    assert ds.organisation is not None
    known = all_paths(ds)
    for i, provider in enumerate(ds.organisation.providers):
        if provider.path is not None and provider.path not in known:
            yield Finding(ORGANISATION_FILE, "PATH-UNKNOWN", f"Träger {i + 1}: der Weg '{provider.path}' ist nicht bekannt.",
                          f"Einen mitgelieferten Weg ({', '.join(sorted(known))}) oder einen eigenen unter 'paths' angeben.",
                          loc=("providers", i, "path"))
    for i, path in enumerate(ds.organisation.paths):
        own = [s.stage for s in path.stages]
        for j, step in enumerate(path.stages):
            if own.count(step.stage) > 1 and own.index(step.stage) < j:
                yield Finding(ORGANISATION_FILE, "PATH-DEFINITION", f"Weg '{path.id}': die Phase '{step.stage.value}' steht zweimal im Weg.",
                              f"Jede Phase einmal aufführen; Wiederholungen entstehen durch {field_name(PathStage, 'next')}.", loc=("paths", i, "stages", j, "stage"))
            for k, nxt in enumerate(step.next):
                if nxt not in own:
                    yield Finding(ORGANISATION_FILE, "PATH-DEFINITION", f"Weg '{path.id}': die nächste Phase '{nxt.value}' gehört nicht zum Weg.",
                                  f"Die Phase unter {field_name(Path, 'stages')} ergänzen oder aus {field_name(PathStage, 'next')} streichen.", loc=("paths", i, "stages", j, "next", k))
        for k, first in enumerate(path.start):
            if first not in own:
                yield Finding(ORGANISATION_FILE, "PATH-DEFINITION", f"Weg '{path.id}': die erste Phase '{first.value}' gehört nicht zum Weg.",
                              f"Die Phase unter {field_name(Path, 'stages')} ergänzen oder aus {field_name(Path, 'start')} streichen.", loc=("paths", i, "start", k))


def _case(f: str, case: Case, path: Path) -> Iterator[Finding]:
    first = case.stages[0].stage
    if first not in path.first_stages():
        yield Finding(f, "PATH-START", f"Die erste Phase '{first.value}' ist kein Anfang des Weges „{path.name}“.",
                      f"Eine Akte beginnt mit: {_names(path, path.first_stages())}.", loc=("stages", 0, "stage"))
    for i in range(1, len(case.stages)):
        before, entry = case.stages[i - 1].stage, case.stages[i]
        if path.step(entry.stage) is None:
            yield Finding(f, "PATH-STAGE-UNKNOWN", f"Phase {i + 1} ('{entry.stage.value}') gehört nicht zum Weg „{path.name}“.",
                          f"Phasen dieses Weges: {_names(path, [s.stage for s in path.stages])}.", loc=("stages", i, "stage"))
        elif path.step(before) is not None and entry.stage not in allowed_next(path, before):
            yield Finding(f, "PATH-TRANSITION",
                          f"Phase {i + 1}: der Wechsel von '{before.value}' zu '{entry.stage.value}' ist im Weg „{path.name}“ nicht vorgesehen.",
                          f"Nach „{stage_label(path, before)}“ folgt: {_names(path, allowed_next(path, before))}. "
                          "Die fehlende Phase mit ihrem Datum davor eintragen.", loc=("stages", i, "stage"))
    yield from _reflection(f, case, path)


def _last_trial(case: Case, day: dt.date) -> tuple[int, Placement] | None:
    ended = [(n, pl) for n, pl in enumerate(case.placements)
             if pl.type in TRIAL_TYPES and pl.status in ENDED and pl.start <= day]
    return max(ended, key=lambda e: e[1].start, default=None)


def _reflection(f: str, case: Case, path: Path) -> Iterator[Finding]:
    for i, entry in enumerate(case.stages):
        step = path.step(entry.stage)
        if step is None or not step.reflection_before:
            continue
        last = _last_trial(case, entry.since)
        if last is not None and (last[1].reflection_on is None or last[1].reflection_on > entry.since):
            n = last[0] + 1
            yield Finding(f, "PATH-REFLECTION-MISSING",
                          f"Phase {i + 1} ('{entry.stage.value}'): vorher fehlt das Reflexionsgespräch zu Platzierung {n}.",
                          f"Im Weg „{path.name}“ steht vor „{stage_label(path, entry.stage)}“ das Reflexions- oder Abschlussgespräch: "
                          f"sein Datum unter 'placements[{n - 1}].reflection_on' eintragen.", loc=("stages", i, "stage"))
