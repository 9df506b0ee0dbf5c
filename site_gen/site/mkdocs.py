"""The mkdocs edge: configuration, runner and the sharded build.

Together with :mod:`site_gen.site.mkdocs_hooks` the only place that touches
mkdocs; views and render do not, so a move to ProperDocs (see :mod:`.engine`)
or Zensical stays a matter of this module.
"""

from __future__ import annotations

import logging
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, ConfigurationError, PluginError
from mkdocs.utils.yaml import yaml_load

from ..findings import UserError
from ..render import TEMPLATES
from ..render.csp import CSP, meta_csp
from .engine import check_engine  # first: it may redirect the mkdocs imports below to ProperDocs
from .internal_pages import ASSETS, OVERRIDES, RECORD_PAGE
from .publish import HINT_KEEP

HOOKS = Path(__file__).resolve().parent / "mkdocs_hooks.py"
DEFAULT_CONFIG = TEMPLATES / "internal" / "mkdocs.yml"
NAV = [{"Start": "index.md"}, {"Akten": "akten/index.md"}, {"Arbeitsplätze": "arbeitsplaetze/index.md"},
       {"Module": "module/index.md"}, {"Personal": "personal/index.md"}, {"Kennzahlen": "kennzahlen/index.md"},
       {"Fristen": "fristen.md"}, {"Aufgaben": "aufgaben.md"}, {"Datenformate": "formate.md"},
       {"Hilfe": [{"Datenschutz": "hilfe/datenschutz.md"}, {"Versiegelte Akten": "hilfe/schluessel.md"}, {"Betrieb": "hilfe/betrieb.md"}, {"Einrichtung": "hilfe/einrichtung.md"},
                  {"Akten im Browser bearbeiten": "hilfe/bearbeiten.md"}, {"Kalender abonnieren": "hilfe/kalender.md"}]}, {"Suche": "suche.md"}]
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

    ``hooks=False`` leaves out :mod:`site_gen.site.mkdocs_hooks` (tests compare both).
    """
    check_engine()
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
        extra_css=[*raw.get("extra_css", []), f"{ASSETS}/internal.css", f"{ASSETS}/palette.css", f"{ASSETS}/a11y.css"],
        extra_javascript=[*raw.get("extra_javascript", []), f"{ASSETS}/suche.js", f"{ASSETS}/a11y.js"],
    )
    raw.setdefault("site_name", "Jobcoaching intern")
    extensions = list(raw.get("markdown_extensions") or [])
    if not any(e == "md_in_html" or (isinstance(e, dict) and "md_in_html" in e) for e in extensions):
        extensions.append("md_in_html")  # long tables collapse into <details markdown="1">
    raw["markdown_extensions"] = extensions
    raw["extra"] = {**(raw.get("extra") or {}), "site_gen_csp": meta_csp(CSP)}
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


SHARD_MIN_PAGES = 400
"""Below this many record pages one mkdocs process is quicker than forking more."""


def _build_shard(docs: Path, site: Path, config_file: Path, shard: int, shards: int, skip: frozenset[str]) -> None:
    config = mkdocs_config(docs, site, config_file)
    config["extra"]["site_gen_shard"] = [shard, shards]
    config["extra"]["site_gen_skip"] = skip
    run_mkdocs(config)


def run_mkdocs_sharded(docs: Path, site: Path, config_file: Path, record_pages: int, skip: frozenset[str] = frozenset()) -> None:
    """Build with one mkdocs process per core, each rendering a share of the record pages.

    Record pages (dossiers, workplaces, modules, staff) do not depend on each
    other, so process k builds every k-th of them (``on_files`` in the hooks
    marks the others as excluded: they still count for link checks) and
    process 0 also builds everything else. The shares are then moved into one
    site. Same output as one process, in about half the time on two cores.
    ``record_pages``: how many record pages are to be built; ``skip``: pages
    not to build at all (their previous HTML is reused).
    """
    shards = min(os.cpu_count() or 1, 4) if record_pages >= SHARD_MIN_PAGES else 1
    if shards == 1:
        return _build_shard(docs, site, config_file, 0, 1, skip)
    parts = [site.with_name(f"{site.name}-{k}") for k in range(1, shards)]
    with ProcessPoolExecutor(max_workers=shards - 1, mp_context=get_context("fork")) as pool:
        futures = [pool.submit(_build_shard, docs, part, config_file, k, shards, skip) for k, part in enumerate(parts, 1)]
        _build_shard(docs, site, config_file, 0, shards, skip)
        for future in futures:
            future.result()
    for part in parts:
        for page in part.rglob("*.html"):
            rel = page.relative_to(part).as_posix()
            if RECORD_PAGE.match(rel[:-5] + ".md") and not (site / rel).exists():
                os.replace(page, site / rel)
        shutil.rmtree(part, ignore_errors=True)
