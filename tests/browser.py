"""Shared browser-test parts: Debian's Chromium, a localhost file server and axe-core.

Browsers are never downloaded (no internet here): Playwright drives
``/usr/bin/chromium`` with the flags that keep it from calling home.
"""

from __future__ import annotations

import functools
import http.server
import threading
import weakref
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


WCAG = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
"""axe-core's tags of WCAG 2.2 A and AA (its rules of best practice are not asked for)."""
COLOUR_RULES = ("color-contrast", "link-in-text-block")
"""axe-core's WCAG A/AA rules that judge colours (text contrast 1.4.3; links told apart from text 1.4.1): all a
second colour scheme of the same pages can change (see ``test_accessibility``)."""
AXE_RUN = """async ([rules, tags]) => {
  const Color = axe.commons.color.Color, parse = Color.prototype.parseString, parsed = new Map();
  if (!Color.prototype.parseString.memo) {  // the same few colour strings are parsed for every text node: once each
    Color.prototype.parseString = function (text) {
      const known = parsed.get(text);
      if (known === undefined) { parse.call(this, text); parsed.set(text, [this.r, this.g, this.b, this.alpha]); }
      else [this.r, this.g, this.b, this.alpha] = known;
      return this;
    };
    Color.prototype.parseString.memo = true;
  }
  const result = await axe.run(document, {runOnly: rules ? {type: 'rule', values: rules} : {type: 'tag', values: tags},
                                          resultTypes: ['violations'], selectors: false, ancestry: true});
  return result.violations.map(v => `${v.id} (${v.nodes.length}×, z. B. ${v.nodes[0].ancestry} ${v.nodes[0].html.slice(0, 120)}): ${v.help}`);
}"""
"""axe-core's violations, one line each. Without unique CSS selectors (``selectors: false``: axe would
compute them from the whole document for every run; the ancestry path and the HTML name the element) and
with each colour string parsed once per page (a cache in front of a pure function): the same verdicts at
a third less time."""


@functools.cache
def _axe_script() -> str:
    from axe_playwright_python.sync_playwright import Axe

    return str(Axe().axe_script)


def axe_violations(pg: Any, rules: Iterable[str] | None = None, tags: Iterable[str] = WCAG) -> list[str]:
    """axe-core's violations of ``rules`` (default: every rule of ``tags``) on the loaded page, one line each."""
    pg.evaluate(_axe_script())
    found: list[str] = pg.evaluate(AXE_RUN, [list(rules) if rules is not None else None, list(tags)])
    return found


_PAGES: weakref.WeakKeyDictionary[Any, dict[tuple[int, int], Any]] = weakref.WeakKeyDictionary()


def shared_page(browser: Any, width: int, height: int) -> Any:
    """This browser's one page of that window size (made at the first call, closed with the browser), its
    window put back to that size: pages loaded one after another in it share the HTTP cache, the renderer and
    its compiled scripts (the site's, axe-core) instead of each starting a browser context cold (a third of a
    load's time). For pages that keep no state and tests that add no listeners or scripts; do not close it."""
    pages = _PAGES.setdefault(browser, {})
    pg = pages.get((width, height))
    if pg is None or pg.is_closed():
        pg = pages[width, height] = browser.new_context(viewport={"width": width, "height": height}).new_page()
    elif pg.viewport_size != {"width": width, "height": height}:
        pg.set_viewport_size({"width": width, "height": height})
    return pg


def launch(playwright: Any) -> Any:
    """Debian's headless Chromium through a Playwright instance."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class served:
    """Serve ``folder`` on a free localhost port from a thread; yields the base URL (no trailing slash)."""

    def __init__(self, folder: Path, handler: type[http.server.SimpleHTTPRequestHandler] = QuietHandler) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
