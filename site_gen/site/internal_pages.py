"""Render the internal site's Markdown pages from the views (no mkdocs here).

:func:`render_site` returns ``{docs path: Markdown}``; :func:`write_docs`
writes them (plus the static assets) into a docs folder for mkdocs. Both the
full build and the incremental preview (``site-gen serve``) use them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..matching.index import index_for
from ..models.context import code_label
from ..records.git import Change
from ..records.layout import history_key
from ..records.parallel import run_batches
from ..render import calendar, charts, environment
from ..render.profile_chart import profile_figure, profile_history
from ..views import coach as coach_view
from ..views import dashboard as dash
from ..views import fidelity as fidelity_view
from ..views import home as home_view
from ..views import internal as views
from ..views import internal_case, internal_deadlines, internal_records, internal_reference, internal_tasks
from ..views.calendar_feeds import FEEDS, FeedKey, feed_path
from ..views.consented import Consented

STATIC = Path(__file__).resolve().parent.parent / "static" / "internal"
OVERRIDES = Path(__file__).resolve().parent.parent / "templates" / "internal" / "overrides"
HELP = Path(__file__).resolve().parent.parent / "help"
"""German team documentation (data protection, operation), published as pages under hilfe/."""
ASSETS = "assets/site-gen"
RECORD_PAGE = re.compile(r"^(akten|arbeitsplaetze|module|personal)/(?!index\.md$|standort-)[^/]+\.md$")
"""Pages of single records (independent of each other: the build shards them)."""


@dataclass(frozen=True, slots=True)
class PlainContext:
    page: str


def _env() -> Any:
    env = environment("internal")
    env.globals.update(labels=views.LABELS, bars=charts.bars, columns=charts.columns, timeline=charts.timeline,
                       profile_figure=profile_figure, profile_history=profile_history, icf_label=code_label)
    return env


def render_site(ds: Consented, today: dt.date, history: dict[str, list[Change]] | None = None,
                cases: Iterable[str] | None = None, workplaces: Iterable[str] | None = None,
                modules: Iterable[str] | None = None, overview: bool = True, tasks: list[Finding] | None = None,
                feeds: FeedKey | None = None) -> dict[str, str]:
    """Every page of the internal site as Markdown.

    ``ds`` is consent-filtered (its type says so); records left out because of errors are
    listed in ``ds.files`` and get a notice page (their errors are in
    ``ds.findings``). ``history``: last Git changes per record file.
    ``tasks``: the time-made findings (the to-do list). The incremental
    preview renders a part: ``cases``/``workplaces``/``modules`` limit the
    record pages (None: all), ``overview=False`` skips lists, dashboards and
    staff pages. ``feeds``: the key of the subscribable calendar feeds (none without).
    """
    env = _env()
    history = history or {}
    pages: dict[str, str] = {}

    def put(template: str, ctx: Any) -> None:
        pages[ctx.page] = env.get_template(template).render(ctx=ctx)

    def put_text(page: str, text: str) -> None:
        pages[page] = text

    if overview:
        _overview(ds, today, put, put_text)
        put("tasks.md.j2", internal_tasks.tasks_page(ds, today, tasks or []))
        _work(ds, today, tasks or [], put, put_text, feeds)
    for kind, wanted in (("cases", cases), ("workplaces", workplaces), ("modules", modules)):
        # All notices with the overview (once per build); in a partial render those of the wanted ids.
        for notice in internal_tasks.notices(ds, kind, None if wanted is None or overview else list(wanted)):
            put("notice.md.j2", notice)
    for erasure in internal_tasks.erasure_notices(ds, None if cases is None or overview else list(cases)):
        put("erasure.md.j2", erasure)
    _record_pages(ds, today, history, cases, workplaces, modules, put)
    return pages


def _record_pages(ds: Consented, today: dt.date, history: dict[str, list[Change]], cases: Iterable[str] | None,
                  workplaces: Iterable[str] | None, modules: Iterable[str] | None, put: Any) -> None:
    """The page of every module, workplace and case (or of the wanted ones that exist)."""
    for mid in (ds.modules if modules is None else [m for m in modules if m in ds.modules]):
        put("module.md.j2", internal_records.module(ds, mid, today, history.get(ds.path_of("modules", mid))))
    for wid in (ds.workplaces if workplaces is None else [w for w in workplaces if w in ds.workplaces]):
        put("workplace.md.j2", internal_records.workplace(ds, wid, today, history.get(history_key(ds.path_of("workplaces", wid)))))
    for cid in (ds.cases if cases is None else [c for c in cases if c in ds.cases]):
        put("dossier.md.j2", internal_case.dossier(ds, cid, today, history.get(history_key(ds.path_of("cases", cid)))))


def _overview(ds: Consented, today: dt.date, put: Any, put_text: Any) -> None:
    """Start page, search, deadlines, formats, dashboards, lists, staff."""
    deadlines = internal_deadlines.all_deadlines(ds, today)
    put("search.md.j2", PlainContext("suche.md"))
    put("deadlines.md.j2", internal_deadlines.deadline_page(ds, today))
    put("reference.md.j2", internal_reference.reference())
    for doc in sorted(HELP.glob("*.md")):  # package data, part of the tool like the templates
        put_text(f"hilfe/{doc.name}", doc.read_text(encoding="utf-8"))
    put("dashboard_index.md.j2", dash.overview(ds, today))
    boards = [views.Link(f"Kennzahlen {p.name}", f"{views.FIGURES}/traeger-{pid}.md") for pid, p in ds.providers.items()]
    boards += [views.Link(f"Kennzahlen {loc.name}", f"{views.FIGURES}/standort-{lid}.md") for lid, loc in ds.locations.items()]
    put("fidelity.md.j2", fidelity_view.fidelity(ds, today, [views.Link("Kennzahlen-Übersicht", f"{views.FIGURES}/index.md"), *boards]))
    for pid in ds.providers:
        put("dashboard.md.j2", dash.dashboard(ds, today, provider=pid, deadlines=deadlines))
    for lid in ds.locations:
        put("dashboard.md.j2", dash.dashboard(ds, today, location=lid, deadlines=deadlines))
        put("case_list.md.j2", views.case_list(ds, lid))
    put("case_index.md.j2", views.case_index(ds))
    put("workplace_list.md.j2", internal_records.workplace_list(ds, today))
    put("module_list.md.j2", internal_records.module_list(ds))
    put("staff_list.md.j2", internal_records.staff_list(ds))
    deputies = internal_records.deputy_index(ds)
    for sid in ds.staff:
        put("staff.md.j2", internal_records.staff(ds, sid, deputies))


def _work(ds: Consented, today: dt.date, tasks: list[Finding], put: Any, put_text: Any, feeds: FeedKey | None = None) -> None:
    """The start page (team dashboard) and, per coach, the work page, the deadline page and the calendar feed."""
    deadlines = internal_deadlines.all_deadlines(ds, today)
    tasks = [t for t in tasks if t.is_task]
    kinds = Counter(d.kind for d in deadlines)
    put("home.md.j2", views.home(ds, today, [(g.kind, kinds[g.kind]) for g in internal_deadlines.group_deadlines(deadlines)],
                                 home_view.team_days(ds, today, deadlines, tasks), today + dt.timedelta(days=home_view.WEEK_DAYS - 1)))
    by_coach, others = internal_deadlines.by_coach(deadlines), internal_deadlines.deadline_links(ds)
    for sid in coach_view.coach_ids(ds):
        mine = by_coach.get(sid, [])
        put("coach.md.j2", coach_view.coach(ds, sid, today, mine, tasks))
        subscriptions = {feed: feed_path(feeds, sid, feed) for feed in FEEDS} if feeds is not None else {}
        put("deadlines_coach.md.j2", internal_deadlines.coach_deadline_page(ds, sid, today, mine, others, subscriptions))
        entries = calendar.calendar_entries(mine, sid)
        put_text(internal_deadlines.coach_calendar_path(sid), calendar.calendar(entries, today))
        for feed, path in subscriptions.items():
            role, name = FEEDS[feed]
            put_text(path, calendar.calendar([e for e in entries if e.role == role], today, name))


def markdown_hash(text: str) -> str:
    """Hash of one page's Markdown (what decides whether its HTML can be reused)."""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


Part = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None
"""One worker task: (case ids, workplace ids, module ids) to render, or None for the overview pages and assets."""

PARTS_PER_WORKER = 6
"""Record pages come in this many parts per worker, so a worker that is done early takes the next part."""


@dataclass
class _Parts:
    """Renders and writes one part of the site (see :data:`Part`); runs in a forked worker."""

    ds: Consented
    today: dt.date
    history: dict[str, list[Change]]
    docs: Path
    tasks: list[Finding]
    feeds: FeedKey | None = None

    def __call__(self, part: Part) -> dict[str, str]:
        if part is None:
            pages = render_site(self.ds, self.today, self.history, cases=(), workplaces=(), modules=(), tasks=self.tasks, feeds=self.feeds)
        else:
            pages = render_site(self.ds, self.today, self.history, cases=part[0], workplaces=part[1], modules=part[2], overview=False)
        write_docs(pages, self.docs, previous=None if part is None else {})
        return {rel: markdown_hash(text) for rel, text in pages.items()}


def parts(ds: Consented, count: int) -> list[Part]:
    """The overview first (the longest task), then the record pages in ``count`` parts of about equal size."""
    cases, workplaces, modules = sorted(ds.cases), sorted(ds.workplaces), sorted(ds.modules)
    return [None, *((tuple(cases[k::count]), tuple(workplaces[k::count]), tuple(modules[k::count])) for k in range(count))]


def render_to_docs(ds: Consented, today: dt.date, history: dict[str, list[Change]] | None, docs: Path, workers: int = 1,
                   tasks: list[Finding] | None = None, feeds: FeedKey | None = None) -> dict[str, str]:
    """Render every page and write it below ``docs``, in ``workers`` forked processes.

    Returns ``{page path: hash of its Markdown}``. Pages are independent, so
    the record pages are cut into parts that idle workers take in turn; one
    part is the overview pages and the assets (see :mod:`site_gen.records.parallel`).
    """
    if workers <= 1 or len(ds.cases) < 200:
        pages = render_site(ds, today, history, tasks=tasks, feeds=feeds)
        write_docs(pages, docs)
        return {rel: markdown_hash(text) for rel, text in pages.items()}
    index_for(ds, today)  # built once here, inherited by every worker
    done, _ = run_batches(_Parts(ds, today, history or {}, docs, tasks or [], feeds), parts(ds, workers * PARTS_PER_WORKER), workers, lambda: None)
    return {rel: digest for part in done for rel, digest in part.items()}


def write_docs(pages: dict[str, str], docs: Path, previous: dict[str, str] | None = None) -> list[str]:
    """Write ``pages`` below ``docs`` (and the static assets); return the paths written.

    With ``previous`` (what was written last time), unchanged pages are not
    touched, so their modification time tells mkdocs' dirty build to skip them.
    """
    written = []
    folders: set[Path] = set()
    for rel, text in pages.items():
        if previous is not None and previous.get(rel) == text:
            continue
        path = docs / rel
        if path.parent not in folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            folders.add(path.parent)
        path.write_text(text, encoding="utf-8")
        written.append(rel)
    if previous is None:
        shutil.copytree(STATIC, docs / ASSETS, dirs_exist_ok=True)
    return written


def remove_docs(docs: Path, stale: Iterable[str]) -> None:
    """Delete pages that no longer exist (e.g. a deleted case)."""
    for rel in stale:
        (docs / rel).unlink(missing_ok=True)
