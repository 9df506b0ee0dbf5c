"""Batches of work on every core: forked worker processes that inherit what is already loaded.

The cold full check loads and checks cases in batches that do not depend on
each other (see :mod:`site_gen.checking.units`). Workers are forked, so they
share the loaded workplaces, modules and catalogues without copying them;
only the batches' results (findings, summaries) travel back. Where ``fork``
does not exist, this process runs threads, or one core is all there is,
everything runs here, in order: the results are the same either way (a test
holds that).

``SITE_GEN_WORKERS`` sets the number of workers (``1``: no workers).
"""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Other = TypeVar("Other")

_TASK: Callable[[Any], Any] | None = None
"""The function the forked workers run (inherited at fork; never pickled)."""


def workers(items: int, per_worker: int) -> int:
    """How many workers ``items`` items are worth: one per core, at least ``per_worker`` items each."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return 1  # forking a process with threads (the preview server) could copy a held lock
    wanted = os.environ.get("SITE_GEN_WORKERS", "")
    if wanted.isdigit():
        return max(1, int(wanted))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, items // per_worker))


def _call(item: Any) -> Any:
    assert _TASK is not None
    return _TASK(item)


def run_batches(task: Callable[[Item], Result], items: Sequence[Item], n_workers: int,
                meanwhile: Callable[[], Other]) -> tuple[list[Result], Other]:
    """``task`` over ``items`` (results in order) on ``n_workers`` forked workers, and ``meanwhile()`` here.

    ``meanwhile`` is work this process does while the workers run.
    """
    global _TASK
    if n_workers <= 1 or len(items) <= 1:
        return [task(item) for item in items], meanwhile()
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(n_workers) as pool:
            pending = pool.map_async(_call, items, chunksize=1)
            other = meanwhile()
            return pending.get(), other
    finally:
        _TASK = None
