"""The preview engine behind ``site-gen serve``: the internal site kept up to date while records change.

The first build is a full one (into a work folder). After that, a changed
record is loaded alone, the affected pages are rendered again, only pages
whose Markdown changed are written, and mkdocs rebuilds just those (its
``dirty`` mode skips pages whose source is older than their output).
Pagefind re-indexes in the background afterwards. Serving and watching:
:mod:`site_gen.site.preview_server`.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time
from pathlib import Path

from ..checking.reporter import report_left_out
from ..findings import UserError
from ..models import RECORD_KINDS
from ..records.dataset import Dataset, load_dataset, reload
from ..records.git import history as git_history
from ..records.layout import record_of
from ..views.consented import consented_dataset, consented_update
from .admin import install_admin
from .internal_pages import remove_docs, render_site, write_docs
from .mkdocs import mkdocs_config, run_mkdocs
from .pagefind import run_pagefind
from .records import Selection, select


class Preview:
    """The served site and how to bring it up to date after a change."""

    def __init__(self, root: Path, today: dt.date, work: Path, search: bool = True) -> None:
        self.root, self.today, self.search = root, today, search
        self.docs, self.site = work / "docs", work / "site"
        self.version = 0
        self.changed = threading.Condition()
        self._index_lock = threading.Lock()
        self._indexing = self._index_again = False
        self._lock = threading.Lock()
        """Held while pages are written and mkdocs runs (both phases share docs/ and site/)."""
        self._full = threading.Event()
        self.generation = 0
        self.raw = load_dataset(root)
        self._select(self.raw)
        self.history = git_history(root)
        self.view = consented_dataset(self.ds, today)
        self.pages = render_site(self.view, today, self.history, tasks=self.tasks)
        write_docs(self.pages, self.docs)
        run_mkdocs(mkdocs_config(self.docs, self.site, root / "mkdocs.yml", strict=False))
        install_admin(self.ds, self.site)  # the browser editor; later builds are dirty and keep it
        self._index_later()
        threading.Thread(target=self._full_updates, daemon=True).start()

    def _full_updates(self) -> None:
        """Phase 2, in the background: everything again, published unless a newer change came."""
        while True:
            self._full.wait()
            self._full.clear()
            generation, ds, tasks = self.generation, self.ds, self.tasks
            view = consented_dataset(ds, self.today)
            pages = render_site(view, self.today, self.history, tasks=tasks)
            with self._lock:
                if generation != self.generation:
                    continue  # a newer change arrived; its own phase 2 is already requested
                self.view = view
                self._publish(pages, partial=False)
            self._index_later()

    def _index_later(self) -> None:
        """Re-index in the background; one Pagefind run at a time, one more if changes came meanwhile."""
        if not self.search:
            return
        with self._index_lock:
            if self._indexing:
                self._index_again = True
                return
            self._indexing = True

        def work() -> None:
            while True:
                try:
                    run_pagefind(self.site)
                except UserError as err:
                    sys.stderr.write(f"site-gen serve: {err.message}\n")
                with self._index_lock:
                    if not self._index_again:
                        self._indexing = False
                        return
                    self._index_again = False

        threading.Thread(target=work, daemon=True).start()

    def _select(self, raw: Dataset) -> Selection:
        """Show every valid record; report the errors (the preview never stops for them)."""
        selection = select(raw, self.today)
        self.ds, self.tasks, self.errors = selection.ds, selection.tasks, selection.errors
        if selection.errors:
            report_left_out(selection.errors, len(raw.files), "site-gen serve: Datensätze mit Fehlern fehlen in der Vorschau, bis die Fehler behoben sind.")
        return selection

    def _record_path(self, path: Path) -> Path:
        """A changed file of a case folder stands for its case (``cases/<id>``)."""
        try:
            return self.root / record_of(path.relative_to(self.root).as_posix())
        except ValueError:
            return path

    def update(self, paths: set[Path]) -> float:
        """Bring the site up to date after ``paths`` changed; returns seconds until the
        changed records' own pages are served. A record with errors is left out (its
        page names the errors); a withdrawn consent is gone with this update.

        Phase 1 (here) renders only the pages of the changed records and publishes
        them; phase 2 (a background thread) then renders everything else (lists,
        dashboards, matching) and publishes again, so the page being edited comes
        back first and a quick series of saves never waits for a full render.
        """
        t0 = time.perf_counter()
        paths = {self._record_path(p) for p in paths}
        records = {p for p in paths if p.parent.name in RECORD_KINDS and p.parent.parent == self.root}
        with self._lock:
            if records == paths:
                raw, touched = reload(self.raw, paths)
            else:  # organisation or schema changed: everything may change
                raw, touched = load_dataset(self.root), {}
            self.raw = raw
            self._select(raw)
            ds = self.ds
            self.generation += 1
            if touched:
                self.view = consented_update(self.view, ds, touched.get("cases", set()), self.today)
                self._publish(render_site(self.view, self.today, self.history, overview=False, cases=touched.get("cases", set()),
                                          workplaces=touched.get("workplaces", set()), modules=touched.get("modules", set())),
                              partial=True)
        self._full.set()
        return time.perf_counter() - t0

    def _publish(self, pages: dict[str, str], partial: bool) -> None:
        """Write changed Markdown, let mkdocs rebuild those pages, tell the browsers."""
        stale = set() if partial else set(self.pages) - set(pages)
        merged = {**self.pages, **pages} if partial else pages
        write_docs(pages, self.docs, previous=self.pages)
        remove_docs(self.docs, stale)
        for rel in stale:
            (self.site / rel).with_suffix(".html").unlink(missing_ok=True)
        self.pages = merged
        run_mkdocs(mkdocs_config(self.docs, self.site, self.root / "mkdocs.yml", strict=False), dirty=True)
        with self.changed:
            self.version += 1
            self.changed.notify_all()
