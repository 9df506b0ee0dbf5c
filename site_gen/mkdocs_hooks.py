"""MkDocs hooks: the thin adapter between mkdocs and the site generator.

The generator (``site_gen.views``, ``site_gen.render``) knows nothing of
mkdocs. These hooks only guard what must hold for an internal site, so that
even a hand-run ``mkdocs build -f <staging>/mkdocs.yml`` cannot break it:

* ``on_config``: no web fonts, no ``repo_url``, no lunr search, no social cards;
* ``on_post_page``: no page loads anything from another host (a warning, which
  the strict build turns into a failure).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.site_gen")

FORBIDDEN_PLUGINS = ("search", "social", "privacy", "blog", "rss", "git-revision-date-localized", "git-committers")
_EXTERNAL = re.compile(r"<(?:script|link|img|iframe|source|video|audio|object|embed)\b[^>]*?\b(?:src|href|data)\s*=\s*[\"']?(?:https?:)?//", re.I)


def on_config(config: Any) -> Any:
    """Refuse settings that would make a page call a third party or leak the site."""
    problems = []
    if config.theme.get("font") not in (False, None):
        problems.append("theme.font muss false sein (keine Web-Schriften von fremden Servern)")
    if config.repo_url:
        problems.append("repo_url darf nicht gesetzt sein (die Seite würde GitHub/GitLab abfragen)")
    used = [name for name in config.plugins if name.split("/")[-1] in FORBIDDEN_PLUGINS]
    if used:
        problems.append("diese Plugins sind nicht erlaubt: " + ", ".join(used) + " (Suche läuft über Pagefind)")
    if problems:
        raise PluginError("Interne Seite: " + "; ".join(problems) + ".")
    return config


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Warn (strict: fail) when a page would load a resource from another host."""
    if _EXTERNAL.search(output):
        log.warning("Seite '%s' lädt eine Datei von einem fremden Server.", page.file.src_uri)
    return output
