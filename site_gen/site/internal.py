"""Build the internal site: consent filter → Markdown → mkdocs → Pagefind → publish.

The consent filter is applied here, so no caller can forget it. The result
replaces the output folder only when every step succeeded; when a step fails,
the privacy guard (:mod:`.publish`) decides whether the previous output may
stay online.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..findings import Finding
from ..records.dataset import Dataset
from ..records.git import Change
from ..views.calendar_feeds import FeedKey
from ..views.consented import Consented, consented_dataset, shown_items
from .admin import install_admin
from .engine import check_engine
from .internal_pages import RECORD_PAGE, render_to_docs
from .mkdocs import run_mkdocs_sharded
from .pagefind import run_pagefind
from .publish import (
    CSP,
    MARKER,
    PrivacyState,
    guard_previous,
    owned,
    staging_dir,
    state_key,
    swap,
    write_state,
)
from .reuse import engine_key, reusable, take_over, write_manifest

MARKER_TEXT = "Von 'site-gen build' erzeugt. Nur hinter dem Login der Organisation ausliefern.\n"


@dataclass
class BuildResult:
    pages: int
    out: Path
    timings: dict[str, float] = field(default_factory=dict)
    reused: int = 0
    """Pages whose HTML was taken over from the previous output."""


def privacy_state(view: Consented) -> PrivacyState:
    """The hashed privacy state of a site built from the consent-filtered ``view``."""
    return frozenset(state_key(*item) for item in shown_items(view))


def build_internal(ds: Dataset, out_dir: Path, today: dt.date, *, history: dict[str, list[Change]] | None = None,
                   config_file: Path | None = None, search: bool = True, keep_docs: Path | None = None,
                   tasks: list[Finding] | None = None, reuse: bool = True, feeds: FeedKey | None = None) -> BuildResult:
    """Build the internal site for ``ds`` into ``out_dir``.

    ``ds`` holds the records to show (see :func:`site_gen.site.records.select`;
    it may be narrowed to one team). ``tasks`` are the time-made findings for
    the to-do list. On failure the exception propagates after the privacy
    guard ran. With ``reuse``, pages whose Markdown did not change since the
    published build keep their HTML (:mod:`.reuse`); every page is rendered
    and consent-filtered anew either way. ``feeds``: the key of the
    subscribable calendar feeds (:mod:`site_gen.views.calendar_feeds`).
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    allowed: PrivacyState | None = None
    kept: dict[str, str] = {}
    work = staging_dir(out_dir)
    try:
        view = consented_dataset(ds, today)
        allowed = privacy_state(view)
        docs, site = work / "docs", work / "site"
        pages = render_to_docs(view, today, history, docs, workers=min(os.cpu_count() or 1, 4), tasks=tasks, feeds=feeds)
        timings["render"] = time.perf_counter() - t0
        t = time.perf_counter()
        config = config_file or (ds.root / "mkdocs.yml")
        key = engine_key(config, check_engine(), pages)
        kept = reusable(out_dir, key, pages) if reuse and owned(out_dir) else {}
        records = sum(1 for rel in pages if RECORD_PAGE.match(rel) and rel not in kept)
        run_mkdocs_sharded(docs, site, config, records, skip=frozenset(kept))
        take_over(out_dir, site, kept)
        write_manifest(site, key, pages, kept)
        timings["mkdocs"] = time.perf_counter() - t
        install_admin(ds, site)  # the browser editor: internal site only
        (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        write_state(site, allowed)
        if search:
            t = time.perf_counter()
            run_pagefind(site)
            timings["pagefind"] = time.perf_counter() - t
        if keep_docs is not None:
            shutil.rmtree(keep_docs, ignore_errors=True)
            shutil.copytree(docs, keep_docs)
        swap(site, out_dir, work / "alt")
    except BaseException:
        guard_previous(out_dir, allowed, MARKER_TEXT, CSP)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    timings["total"] = time.perf_counter() - t0
    return BuildResult(len(pages), out_dir, timings, reused=len(kept))
