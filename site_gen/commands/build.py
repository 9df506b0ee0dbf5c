"""``site-gen build``: check, then build the internal site (mkdocs-material + Pagefind).

Pipeline: ``collect`` (the same check as ``site-gen check``; errors stop the
build) → ``load_dataset`` → :func:`build_internal`, which applies the consent
filter, renders Markdown into a staging folder, runs mkdocs (strict) and
Pagefind into a temporary folder beside the output and only then swaps it in.
A failed build leaves the previous output untouched.

This module and :mod:`site_gen.mkdocs_hooks` are the only places that touch
mkdocs; the generator (views, render) does not, so moving to ProperDocs or
Zensical stays a matter of configuration.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from collections.abc import Callable, Sequence
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.utils.yaml import yaml_load

from ..dataset import Dataset, load_dataset
from ..findings import Finding, Severity, UserError
from ..render import TEMPLATES
from ..render.internal import ASSETS, OVERRIDES, render_to_docs
from ..report import report
from ..views.consented import consented_dataset
from ..views.internal_git import LOG_ARGS, Change, parse_log
from ..views.team import team_dataset
from .check import collect, parse_date

HINT_KEEP = "Die bisherige Ausgabe bleibt unverändert."
MARKER = ".site-gen-intern"
"""File in every built site; only folders holding it (or empty ones) are replaced."""
CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
       "form-action 'self'; frame-ancestors 'none'")
"""The Content-Security-Policy documented in site_gen/help/betrieb.md (page hilfe/betrieb on the site) (Pagefind needs 'wasm-unsafe-eval')."""
HOOKS = Path(__file__).resolve().parent.parent / "mkdocs_hooks.py"
DEFAULT_CONFIG = TEMPLATES / "internal" / "mkdocs.yml"
NAV = [{"Start": "index.md"}, {"Akten": "akten/index.md"}, {"Arbeitsplätze": "arbeitsplaetze/index.md"},
       {"Module": "module/index.md"}, {"Personal": "personal/index.md"}, {"Kennzahlen": "kennzahlen/index.md"},
       {"Fristen": "fristen.md"}, {"Datenformate": "formate.md"},
       {"Hilfe": [{"Datenschutz": "hilfe/datenschutz.md"}, {"Betrieb": "hilfe/betrieb.md"}]}, {"Suche": "suche.md"}]
"""A small fixed navigation: records stay out of it (mkdocs' nav cost grows quadratically)."""


class _Collect(logging.Handler):
    """Keeps mkdocs' warnings so that a failed build can say why."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_config(docs: Path, site: Path, config_file: Path, strict: bool = True, hooks: bool = True) -> MkDocsConfig:
    """The site's mkdocs configuration: the user's file plus what must always hold.

    ``hooks=False`` leaves out :mod:`site_gen.mkdocs_hooks` (tests compare both).
    """
    source = config_file if config_file.is_file() else DEFAULT_CONFIG
    try:
        with source.open("rb") as fh:
            raw = yaml_load(fh) or {}
    except Exception as exc:  # mkdocs' YAML loader raises several types
        raise UserError(f"Die Datei '{source}' kann nicht gelesen werden.", f"YAML prüfen ({type(exc).__name__}).") from None
    theme = raw.get("theme") or {}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    theme.setdefault("name", "material")
    theme.setdefault("language", "de")
    theme["custom_dir"] = str(OVERRIDES)
    raw.update(
        docs_dir=str(docs), site_dir=str(site), strict=strict, use_directory_urls=False, theme=theme,
        nav=NAV, not_in_nav="\n".join(f"/{d}/" for d in ("akten", "arbeitsplaetze", "module", "personal", "kennzahlen", "arbeit", "fristen")),
        hooks=[str(HOOKS)] if hooks else [], plugins=raw.get("plugins") or [],
        extra_css=[*raw.get("extra_css", []), f"{ASSETS}/internal.css"],
        extra_javascript=[*raw.get("extra_javascript", []), f"{ASSETS}/suche.js"],
    )
    raw.setdefault("site_name", "Jobcoaching intern")
    extensions = list(raw.get("markdown_extensions") or [])
    if not any(e == "md_in_html" or (isinstance(e, dict) and "md_in_html" in e) for e in extensions):
        extensions.append("md_in_html")  # long tables collapse into <details markdown="1">
    raw["markdown_extensions"] = extensions
    config = MkDocsConfig(config_file_path=str(docs.parent / "mkdocs.yml"))
    config.load_dict(raw)
    errors, _warnings = config.validate()
    if errors:
        raise UserError("Die mkdocs-Konfiguration ist ungültig: " + "; ".join(f"{k}: {e}" for k, e in errors) + ".",
                        f"'{source}' prüfen. " + HINT_KEEP)
    return config


def run_mkdocs(config: MkDocsConfig, dirty: bool = False) -> None:
    """Build with mkdocs; warnings fail a strict build (German error, no traceback)."""
    collector = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        mkdocs_build(config, dirty=dirty)
    except (Abort, PluginError, ConfigurationError, BuildError) as exc:
        shown = "; ".join(collector.messages[:5]) or str(exc)
        raise UserError(f"mkdocs hat den Bau abgebrochen: {shown}", "Meldungen oben prüfen. " + HINT_KEEP) from None
    finally:
        logger.removeHandler(collector)


RECORD_PAGE = re.compile(r"^(akten|arbeitsplaetze|module|personal)/(?!index\.md$|standort-)[^/]+\.md$")
SHARD_MIN_PAGES = 400
"""Below this many record pages one mkdocs process is quicker than forking more."""


def _build_shard(docs: Path, site: Path, config_file: Path, shard: int, shards: int) -> None:
    config = mkdocs_config(docs, site, config_file)
    config["extra"]["site_gen_shard"] = [shard, shards]
    run_mkdocs(config)


def run_mkdocs_sharded(docs: Path, site: Path, config_file: Path, record_pages: int) -> None:
    """Build with one mkdocs process per core, each rendering a share of the record pages.

    Record pages (dossiers, workplaces, modules, staff) do not depend on each
    other, so process k builds every k-th of them (``on_files`` in the hooks
    marks the others as excluded: they still count for link checks) and
    process 0 also builds everything else. The shares are then moved into one
    site. Same output as one process, in about half the time on two cores.
    """
    shards = min(os.cpu_count() or 1, 4) if record_pages >= SHARD_MIN_PAGES else 1
    if shards == 1:
        return run_mkdocs(mkdocs_config(docs, site, config_file))
    parts = [site.with_name(f"{site.name}-{k}") for k in range(1, shards)]
    with ProcessPoolExecutor(max_workers=shards - 1, mp_context=get_context("fork")) as pool:
        futures = [pool.submit(_build_shard, docs, part, config_file, k, shards) for k, part in enumerate(parts, 1)]
        _build_shard(docs, site, config_file, 0, shards)
        for future in futures:
            future.result()
    for part in parts:
        for page in part.rglob("*.html"):
            rel = page.relative_to(part).as_posix()
            if RECORD_PAGE.match(rel[:-5] + ".md") and not (site / rel).exists():
                os.replace(page, site / rel)
        shutil.rmtree(part, ignore_errors=True)


def run_pagefind(site: Path) -> None:
    """Index ``site`` with the Pagefind binary bundled in the pagefind package (offline)."""
    try:
        from pagefind_bin import get_executable

        exe = str(get_executable())
    except (ImportError, FileNotFoundError):
        raise UserError("Pagefind ist nicht installiert.", "pip install 'pagefind[bin]'. " + HINT_KEEP) from None
    proc = subprocess.run([exe, "--site", str(site), "--output-subdir", "pagefind"], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise UserError("Der Suchindex (Pagefind) konnte nicht erstellt werden: " + proc.stderr.strip()[-300:], HINT_KEEP)


@dataclass
class BuildResult:
    pages: int
    out: Path
    timings: dict[str, float] = field(default_factory=dict)


def git_history(root: Path) -> dict[str, list[Change]]:
    """Last changes per record file from ONE ``git log`` run ({} outside Git)."""
    try:
        proc = subprocess.run(["git", "-C", str(root), *LOG_ARGS[:1], "--relative", *LOG_ARGS[1:]],
                              capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    return parse_log(proc.stdout) if proc.returncode == 0 else {}


def _swap(site: Path, out: Path, old: Path) -> None:
    """Replace ``out`` by ``site`` with two renames on the same file system."""
    if out.exists():
        if not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists()):
            raise UserError(f"Der Ausgabeordner '{out}' enthält Dateien, die nicht von site-gen stammen.",
                            "Einen leeren oder von 'site-gen build' angelegten Ordner mit --out wählen. " + HINT_KEEP)
        os.rename(out, old)
    try:
        os.rename(site, out)
    except OSError:
        if old.exists():
            os.rename(old, out)
        raise


def build_internal(ds: Dataset, out_dir: Path, today: dt.date, *, history: dict[str, list[Change]] | None = None,
                   config_file: Path | None = None, search: bool = True, keep_docs: Path | None = None,
                   before_mkdocs: Callable[[], None] | None = None,
                   tasks: Sequence[Finding] | Callable[[], Sequence[Finding]] = ()) -> BuildResult:
    """Build the internal site for ``ds`` into ``out_dir`` (replaced only on success).

    ``ds`` may already be narrowed (e.g. to one team); the consent filter is
    applied here in any case, so no caller can forget it. ``before_mkdocs``
    runs once the Markdown is written (the CLI waits there for the check that
    ran in parallel; it raises to stop the build). ``tasks``: the check's
    time-made findings for the coaches' work pages (or a function returning
    them; it is called while rendering, so the check may still be running).
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    view = consented_dataset(ds, today)
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-bau-", dir=out_dir.parent))
    try:
        docs, site = work / "docs", work / "site"
        pages = render_to_docs(view, today, history, docs, workers=min(os.cpu_count() or 1, 4), tasks=tasks)
        timings["render"] = time.perf_counter() - t0
        if before_mkdocs is not None:
            before_mkdocs()
        t = time.perf_counter()
        records = sum(1 for rel in pages if RECORD_PAGE.match(rel))
        run_mkdocs_sharded(docs, site, config_file or (ds.root / "mkdocs.yml"), records)
        timings["mkdocs"] = time.perf_counter() - t
        (site / MARKER).write_text("Von 'site-gen build' erzeugt. Nur hinter dem Login der Organisation ausliefern.\n", encoding="utf-8")
        if search:
            t = time.perf_counter()
            run_pagefind(site)
            timings["pagefind"] = time.perf_counter() - t
        if keep_docs is not None:
            shutil.rmtree(keep_docs, ignore_errors=True)
            shutil.copytree(docs, keep_docs)
        _swap(site, out_dir, work / "alt")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    timings["total"] = time.perf_counter() - t0
    return BuildResult(len(pages), out_dir, timings)


def refuse_on_errors(findings: list[Finding], count: int) -> None:
    """Report the errors of a check and stop the build (UserError), if there are any."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if errors:
        report(errors, count, "text", sys.stderr)
        raise UserError(f"Die Prüfung hat {len(errors)} Fehler gefunden; die interne Seite wird nicht gebaut.",
                        "Die Fehler beheben ('site-gen check' zeigt sie) und erneut bauen. " + HINT_KEEP)


def checked_dataset(root: Path, today: dt.date, use_cache: bool = True) -> Dataset:
    """Run the check of ``site-gen check``; refuse on errors, else load the records."""
    refuse_on_errors(*collect(root, today, use_cache))
    return load_dataset(root)


def run(args: argparse.Namespace) -> int:
    """Check and build. The check (``collect``, as in ``site-gen check``) runs in a
    second process while the records are loaded and rendered; mkdocs only starts
    once it passed, and nothing is published when it found errors."""
    today = args.today or dt.date.today()
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("fork")) as pool:
        check = pool.submit(collect, args.root, today, not args.no_cache)

        def gate() -> None:
            refuse_on_errors(*check.result())

        try:
            ds = team_dataset(load_dataset(args.root), args.team, args.coach)
            load_time = time.perf_counter() - t0
            out = args.out or (args.root / "site")
            result = build_internal(ds, out, today, history=git_history(args.root), search=not args.no_search,
                                    keep_docs=args.keep_docs, before_mkdocs=gate,
                                    tasks=lambda: [f for f in check.result()[0] if f.is_task])
        except UserError:
            raise
        except Exception:
            gate()  # bad records explain a failure better than a traceback
            raise
    print(f"Interne Seite gebaut: {result.pages} Seiten in {result.out} ({time.perf_counter() - t0:.1f} s).")
    if args.timings:
        parts = {"laden": load_time, **result.timings}
        print("Zeiten: " + ", ".join(f"{k} {v:.2f} s" for k, v in parts.items()))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("build", help="Prüfen und die interne Seite bauen (mkdocs-material, Pagefind-Suche)")
    p.add_argument("--out", type=Path, default=None, help="Ausgabeordner (Standard: site/ im Daten-Ordner)")
    p.add_argument("--today", type=parse_date, default=None, help="Stichtag JJJJ-MM-TT (Fristen, Einwilligungen)")
    p.add_argument("--no-search", action="store_true", help="ohne Suchindex (schneller, für Tests)")
    p.add_argument("--no-cache", action="store_true", help="Zwischenspeicher der Prüfung nicht verwenden")
    p.add_argument("--keep-docs", type=Path, default=None, help="erzeugte Markdown-Seiten zusätzlich hierhin kopieren")
    p.add_argument("--timings", action="store_true", help="Zeiten der einzelnen Schritte ausgeben")
    need = p.add_mutually_exclusive_group()
    need.add_argument("--team", metavar="STANDORT", default=None, help="nur die Akten dieses Standorts (Need-to-know)")
    need.add_argument("--coach", metavar="KENNUNG", default=None, help="nur die Akten dieser Fachkraft (Need-to-know)")
    p.set_defaults(run=run)
