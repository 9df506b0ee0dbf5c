"""The built site in headless Chromium: search, dashboards, deadlines, privacy, escaping."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

from tests.conftest import TODAY

from .figures import figures, load, parse_shown
from .pages import page_kinds

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


ANSWERED = """query => document.querySelector('.pagefind-ui__message').textContent.endsWith('„' + query + '“')
  && document.querySelectorAll('.pagefind-ui__result').length > 0"""
"""The search page shows the results of the whole query (suche.js sets the count with the query, then adds
the first results at once), not of a part typed so far or of the query before."""


def search(page: Any, base: str, query: str) -> list[str]:
    """Type ``query`` into the Pagefind UI (on the search page already open, else loaded); return the result links."""
    if page.url != base + "suche.html":
        page.goto(base + "suche.html")
    box = page.locator(".pagefind-ui__search-input")
    box.wait_for(timeout=15000)
    box.fill(query)
    page.wait_for_function(ANSWERED, arg=query, timeout=15000)
    return page.locator(".pagefind-ui__result-link").evaluate_all("links => links.map(a => a.getAttribute('href') || '')")


TABS = 8
"""Pages loaded at once by the request audit."""
SHOWN = "els => els.map(e => [e.getAttribute('data-kennzahl'), e.innerText])"
"""Every figure of a dashboard as [name, text shown], in one call (not two per figure)."""


def only_localhost(page: Any) -> None:
    foreign = [u for u in page.requests if urlparse(u).hostname not in ("127.0.0.1", "localhost") and not u.startswith("data:")]
    assert foreign == []
    assert page.violations == []


def test_search_finds_person_by_name_id_and_workplace(fixture_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    base = serve(fixture_site[1])
    assert any(h.endswith("akten/tn-1001.html") for h in search(page, base, "Sandmann"))
    assert any(h.endswith("akten/tn-1001.html") for h in search(page, base, "tn-1001"))
    by_workplace = search(page, base, "Quellgrund")
    assert any(h.endswith("akten/tn-1001.html") for h in by_workplace)
    assert any(h.endswith("arbeitsplaetze/ap-gaertnerei.html") for h in by_workplace)
    assert any(h.endswith("module/mod-staerken.html") for h in search(page, base, "Stärken"))
    only_localhost(page)


def test_search_in_demo_data(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    root, site = demo_site
    _org, cases = load(root)
    case = cases[0]
    base = serve(site)
    assert any(h.endswith(f"akten/{case['id']}.html") for h in search(page, base, case["last_name"]))
    only_localhost(page)


@pytest.mark.parametrize("which", ["fixture", "demo"])
def test_dashboard_figures_equal_independent_count(which: str, request: pytest.FixtureRequest, serve: Any, page: Any) -> None:
    root, site = request.getfixturevalue(f"{which}_site")
    org, _cases = load(root)
    base = serve(site)
    today = dt.date.fromisoformat(TODAY)
    scopes = [("traeger", p["id"], {"provider": p["id"]}) for p in org["providers"]]
    scopes += [("standort", loc["id"], {"location": loc["id"]}) for p in org["providers"] for loc in p["locations"]]
    for kind, ident, scope in scopes:
        page.goto(f"{base}kennzahlen/{kind}-{ident}.html")
        shown = {key: parse_shown(text) for key, text in page.locator("[data-kennzahl]").evaluate_all(SHOWN)}
        expected = figures(root, today, **scope)
        assert set(shown) == set(expected), (kind, ident)
        for key, value in expected.items():
            if value is None:
                assert shown[key] is None, key
            else:
                assert shown[key] == pytest.approx(round(value, 1), abs=0.051), (kind, ident, key)
    only_localhost(page)


def test_deadline_list_has_the_expiring_consent(demo_site: tuple[Path, Path], fixture_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    today = dt.date.fromisoformat(TODAY)
    for root, site in (fixture_site, demo_site):
        _org, cases = load(root)
        expiring = {c["id"] for c in cases for k in c.get("consents", [])
                    if k.get("valid_until") and not k.get("withdrawn_on") and k["given_on"] <= TODAY
                    and 0 <= (dt.date.fromisoformat(k["valid_until"]) - today).days <= 60}
        assert expiring, "the data should hold an expiring consent"
        page.goto(serve(site) + "fristen.html")
        section = page.locator("h3", has_text="Einwilligung läuft ab").locator("xpath=following::table[1]")
        listed = section.inner_html()
        for cid in expiring:
            assert f"akten/{cid}.html" in listed
    only_localhost(page)


def test_no_request_leaves_localhost_on_any_page(fixture_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    site = fixture_site[1]
    base = serve(site)
    # Every kind of page (pages.page_kinds), every page that shows one of the fixture's script payloads, the editor.
    every = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)
    payloads = [rel for rel in every if "pwned" in (site / rel).read_text(encoding="utf-8")]
    pages = sorted(set(page_kinds(site).values()) | set(payloads) | {rel for rel in every if rel.startswith("admin/")})
    assert len(pages) > 20 and len(payloads) >= 5 and "admin/index.html" in pages
    # Every page in a tab of the fixture page's context, TABS at a time: their quiet half-seconds of
    # "networkidle" (no request for 500 ms) overlap instead of adding up; the context hears every tab.
    requests: list[str] = []
    violations: list[str] = []
    page.context.on("request", lambda r: requests.append(r.url))
    page.context.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    for start in range(0, len(pages), TABS):
        tabs = [(page.context.new_page(), rel) for rel in pages[start:start + TABS]]
        for tab, rel in tabs:
            tab.goto(base + rel, wait_until="commit")
        for tab, rel in tabs:
            tab.wait_for_load_state("networkidle")
            assert tab.url == base + rel
            tab.close()
    search(page, base, "Gravenhorst")
    assert len(requests) > len(pages) + len(page.requests)
    foreign = [u for u in requests if urlparse(u).hostname not in ("127.0.0.1", "localhost") and not u.startswith("data:")]
    assert foreign == [] and violations == []
    only_localhost(page)


def test_payloads_show_as_text_and_never_run(fixture_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    base = serve(fixture_site[1])
    page.goto(base + "akten/tn-1003.html")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("h1").first.inner_text() == '<script>window.__pwned=1</script>Jola <img src=x onerror="window.__pwned=2">Brix'
    body = page.locator("article").inner_text()
    for text in ("</title><script>window.__pwned=3</script>", "[klick](javascript:window.__pwned=4)", "*fett* | Spalte | `code`",
                 "<svg onload=window.__pwned=5>", "<iframe src=javascript:window.__pwned=6>"):
        assert text in body
    assert page.locator("article a[href^='javascript']").count() == 0
    assert "window.__pwned=1" in page.title()
    for other in ("akten/standort-sued.html", "personal/coach-c.html", "arbeitsplaetze/ap-kantine.html"):
        page.goto(base + other)
        assert page.evaluate("window.__pwned") is None
    search(page, base, "Jola")
    page.wait_for_timeout(300)
    assert page.evaluate("window.__pwned") is None
    only_localhost(page)


def test_dossier_shows_the_path_as_a_timeline(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    # Issue 29: tn-0008 (Sonnenhang, own path) moved after the closing talk; the Übergangsgruppe was skipped.
    page.goto(serve(demo_site[1]) + "akten/tn-0008.html")
    path = page.locator("nav.sg-path")
    assert "Weg der Werkgemeinschaft Sonnenhang" in path.inner_text()
    steps = path.locator("li")
    assert steps.count() == 8
    current = path.locator("li[aria-current='step']")
    assert current.count() == 1
    assert "Vertrag über einen ausgelagerten Arbeitsplatz" in current.inner_text()
    assert path.locator("li[data-zustand='offen']").all_inner_texts() == ["Übergangsgruppe mit dem IFD noch offen"]
    assert "Nächste mögliche Schritte: Passende Stellenausschreibung finden." in path.inner_text()
    assert current.evaluate("e => getComputedStyle(e.querySelector('.sg-path-label')).fontWeight") == "700"
    only_localhost(page)


def test_course_locations_and_own_catalogue_labels(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    # Issue 29: a course names the locations it runs at; a team's own instrument (schema/programmes.yaml) shows its German label.
    base = serve(demo_site[1])
    page.goto(base + "module/c24-hotel.html")
    row = page.locator("tr", has=page.locator("td", has_text="Standorte"))
    assert row.inner_text().split("\t")[-1].strip() == "Standort Brückenviertel, Standort Lindenfeld"
    page.goto(base + "module/jv-ziele.html")
    assert "alle Standorte" in page.locator("tr", has=page.locator("td", has_text="Standorte")).inner_text()
    page.goto(base + "akten/tn-0009.html")
    assert page.get_by_text("Lindenfelder Beobachtungsbogen (eigenes Verfahren)", exact=False).count() >= 1
    assert page.get_by_text("lindenfelder-bogen", exact=False).count() == 0
    only_localhost(page)
