"""A coach's working day on the built demo site, in headless Chromium: search, fit, my work, calendars, home."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from site_gen.models.case import Case
from site_gen.records.dataset import load_dataset
from site_gen.site.internal_pages import render_site
from site_gen.views.consented import consented_dataset
from tests.conftest import REPO, TODAY
from tests.public.canary import MARK, plant_data

from .figures import d, load
from .pages import swept
from .test_browser import ANSWERED, SHOWN, only_localhost

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
DAY = dt.date.fromisoformat(TODAY)
KINDS = ("Einwilligung läuft ab", "Praktikum endet", "Überprüfung überfällig", "Überprüfung steht an",
         "Entwicklungsbericht fällig", "Reflexionsgespräch offen", "Wiedervorlage Betrieb")


def search(page: Any, base: str, query: str) -> list[tuple[str, str]]:
    """Type ``query`` into the search box with the keyboard (on the search page already open, else loaded; the
    box emptied first); return (link, excerpt) of every result."""
    if page.url != base + "suche.html":
        page.goto(base + "suche.html")
    box = page.locator("#suchfeld input[type=text]")
    box.wait_for(timeout=15000)
    box.fill("")
    box.focus()
    page.keyboard.type(query)
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=15000)
    page.wait_for_function(ANSWERED, arg=query, timeout=15000)
    out = []
    for result in page.locator(".pagefind-ui__result").all():
        link = result.locator(".pagefind-ui__result-link").first
        out.append((link.get_attribute("href") or "", result.locator(".pagefind-ui__result-excerpt").inner_text()))
    return out


def test_search_page_structure_and_real_queries(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    root, site = demo_site
    org, cases = load(root)
    base = serve(site)
    page.goto(base + "suche.html")
    assert page.locator("h1").count() == 1 and page.locator("h1").inner_text() == "Suche"
    assert page.locator("h1 input").count() == 0  # the search UI is not mounted inside the heading
    assert len(page.locator("[id]").evaluate_all("els => els.map(e => e.id)")) == len(set(page.locator("[id]").evaluate_all("els => els.map(e => e.id)")))
    # intro text comes before the search box
    assert page.locator("article p").first.evaluate("(p) => p.compareDocumentPosition(document.getElementById('suchfeld')) & 4") == 4

    case = next(c for c in cases if not c.get("closed") and c.get("placements"))
    wid = case["placements"][0]["workplace"]
    company = yaml_company(root, wid)
    module = yaml_module(root, case["enrolments"][0]["module"]) if case.get("enrolments") else None
    coach = next(s for s in org["staff"] if s["id"] == case["coaches"]["primary"])
    queries = {
        "Frist": "fristen",  # the deadline list or a coach's deadline page
        case["last_name"]: f"akten/{case['id']}.html",
        case["id"]: f"akten/{case['id']}.html",
        company.split()[0]: f"arbeitsplaetze/{wid}.html",
        coach["name"].split()[-1]: f"personal/{coach['id']}.html",
    }
    if module:
        queries[module[1]] = f"module/{module[0]}.html"
    for query, expected in queries.items():
        results = search(page, base, query)
        links = [h for h, _ in results]
        assert any(expected in h for h in links), (query, links)
        for _, excerpt in results:
            assert not excerpt.startswith("Angabe Wert"), (query, excerpt)
    # keyboard: from the box to the first result and open it
    search(page, base, case["last_name"])
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('pagefind-ui__result-link')"):
            break
    assert page.evaluate("document.activeElement.classList.contains('pagefind-ui__result-link')")
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == target
    assert "/akten/" in page.url or "/personal/" in page.url or "/fristen" in page.url
    only_localhost(page)


def yaml_company(root: Path, wid: str) -> str:
    import yaml_rs

    path = root / "workplaces" / wid / "workplace.yaml"
    path = path if path.is_file() else root / "workplaces" / f"{wid}.yaml"
    return yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)["company"]["name"]


def company_follow_ups(root: Path, lid: str) -> list[dt.date]:
    """Open company follow-ups of one location, from the YAML: the follow-up of a workplace's latest contact, if due within 14 days."""
    import yaml_rs

    out = []
    for folder in sorted(p for p in (root / "workplaces").iterdir() if p.is_dir()):
        wp = yaml_rs.loads((folder / "workplace.yaml").read_text(encoding="utf-8"), parse_datetime=False)
        contacts = [yaml_rs.loads(f.read_text(encoding="utf-8"), parse_datetime=False) for f in sorted((folder / "contact_log").glob("*.yaml"))]
        if wp["location"] != lid or not contacts:
            continue
        latest = max(d(c["date"]) for c in contacts)
        out += [d(c["follow_up"]) for c in contacts if d(c["date"]) == latest and c.get("follow_up") and (d(c["follow_up"]) - DAY).days <= 14]
    return out


def yaml_module(root: Path, mid: str) -> tuple[str, str]:
    import yaml_rs

    return mid, yaml_rs.loads((root / "modules" / f"{mid}.yaml").read_text(encoding="utf-8"), parse_datetime=False)["title"]


def page_types(site: Path) -> list[str]:
    """One page of every type (the record page with the most text where there are several)."""
    def biggest(folder: str) -> str:
        pages = [p for p in (site / folder).glob("*.html") if p.name != "index.html" and not p.name.startswith("standort-")]
        return max(pages, key=lambda p: p.stat().st_size).relative_to(site).as_posix()

    fixed = ["index.html", "suche.html", "fristen.html", "aufgaben.html", "formate.html", "hilfe/datenschutz.html", "akten/index.html",
             "arbeitsplaetze/index.html", "module/index.html", "personal/index.html", "kennzahlen/index.html"]
    fixed += [next(site.glob(f"{d}/standort-*.html")).relative_to(site).as_posix() for d in ("akten", "kennzahlen")]
    fixed += [next(site.glob("kennzahlen/traeger-*.html")).relative_to(site).as_posix()]
    fixed += [biggest(f) for f in ("akten", "arbeitsplaetze", "module", "personal", "arbeit", "fristen")]
    fixed += [p.relative_to(site).as_posix() for p in site.glob("kennzahlen/*.html") if not p.name.startswith(("traeger-", "standort-", "index"))]
    return fixed


@pytest.mark.parametrize("width", [1280, 390])
def test_no_page_type_overflows(width: int, demo_site: tuple[Path, Path], kinds: dict[str, str], base: str, browser: Any,
                                tmp_path_factory: pytest.TempPathFactory) -> None:
    # The overflow check (pages.overflow) runs on the accessibility tests' load of a page where it is one of theirs.
    shared = set(kinds.values())
    problems = {}
    for rel in page_types(demo_site[1]):
        found = swept(tmp_path_factory, browser, "demo", base, rel, str(width), "overflow", None if rel in shared else ["overflow"])
        if found:
            problems[rel] = found[:5]
    assert problems == {}


def open_cases_by_role(cases: list[dict[str, Any]], sid: str, role: str) -> set[str]:
    return {c["id"] for c in cases if not c.get("closed") and c["coaches"][role] == sid}


def test_coach_page_lists_exactly_that_coachs_open_cases(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    root, site = demo_site
    org, cases = load(root)
    base = serve(site)
    coaches = [s for s in org["staff"] if "jobcoach" in s["roles"]]
    assert coaches
    for s in coaches:
        page.goto(f"{base}arbeit/{s['id']}.html")
        for role, rolle in (("primary", "hauptverantwortlich"), ("deputy", "vertretung")):
            shown = set(page.locator(f"table[data-rolle={rolle}] tr[data-akte]").evaluate_all("rs => rs.map(r => r.dataset.akte)"))
            assert shown == open_cases_by_role(cases, s["id"], role), (s["id"], role)
        assert page.locator("[data-kennzahl=fallzahl]").inner_text() == str(len(open_cases_by_role(cases, s["id"], "primary")))
        text = page.locator("article").inner_text()
        assert not re.search(r"\|\s*-\d+\s*\|", text) and "-1 " not in text
    # linked from the home page and the staff list
    for start in ("index.html", "personal/index.html"):
        page.goto(base + start)
        for s in coaches:
            assert page.locator(f"a[href$='arbeit/{s['id']}.html']").count() >= 1, (start, s["id"])
    only_localhost(page)


def test_deadline_lists_leave_out_closed_cases_and_never_show_negative_days(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    root, site = demo_site
    _org, cases = load(root)
    closed = {c["id"] for c in cases if c.get("closed")}
    assert closed, "the demo data should hold a closed case"
    base = serve(site)
    pages = ["fristen.html", "index.html"] + [p.relative_to(site).as_posix() for p in site.glob("fristen/*.html")]
    for rel in pages:
        page.goto(base + rel)
        html = page.locator("article").inner_html()
        for cid in closed:
            assert f"akten/{cid}.html" not in html, (rel, cid)
        for cell in page.locator("article td").all_inner_texts():
            assert not re.fullmatch(r"-\d+", cell.strip()), (rel, cell)
    page.goto(base + "fristen.html")
    assert "überfällig seit" in page.locator("article").inner_text()
    # the no-JS filter: one page per coach, linked from the list, with only that coach's cases
    links = page.locator("article a[href*='fristen/']").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert links
    for href in links:
        sid = href.rsplit("/", 1)[1].removesuffix(".html")
        page.goto(base + "fristen/" + sid + ".html")
        mine = {c["id"] for c in cases if not c.get("closed") and sid in (c["coaches"]["primary"], c["coaches"]["deputy"])}
        listed = set(re.findall(r"akten/(tn-\d+)\.html", page.locator("article").inner_html()))
        assert listed <= mine, sid
    only_localhost(page)


def expected_week(cases: list[dict[str, Any]], lid: str, root: Path | None = None) -> tuple[int, int]:
    """(overdue, due within 7 days) for one location, from the YAML and the rules printed on fristen.html
    (with ``root``: the company follow-ups of the location's workplaces too)."""
    until = DAY + dt.timedelta(days=6)
    follow = company_follow_ups(root, lid) if root is not None else []
    overdue, week = sum(1 for x in follow if x < DAY), sum(1 for x in follow if DAY <= x <= until)
    trials = {"praktikum", "schnupperpraktikum", "beschaeftigungserprobung", "integrationspraktikum"}
    for c in cases:
        if c.get("closed") or c["location"] != lid:
            continue
        dues = []
        for g in c.get("goals", []):
            if g.get("status", "offen") in ("offen", "in-arbeit"):
                dues.append(d(g["review_on"]))
        for p in c.get("placements", []):
            if p["status"] == "beendet" and not p.get("reflection_on") and p.get("end"):
                dues.append(d(p["end"]))
            if p["type"] in trials and p["status"] == "laufend" and d(p["start"]) <= DAY and p.get("end") and DAY <= d(p["end"]):
                dues.append(d(p["end"]))
        for k in c.get("consents", []):
            if k.get("valid_until") and not k.get("withdrawn_on") and d(k["given_on"]) <= DAY <= d(k["valid_until"]):
                dues.append(d(k["valid_until"]))
        approvals = c.get("cost_approvals", [])
        for a in approvals:  # the report is due report_weeks_before_end (default 6) weeks before the period ends
            if not a.get("report_sent_on"):
                dues.append(max(d(a["start"]), d(a["end"]) - dt.timedelta(weeks=6)))
        opened = d(c["opened"])
        for year in (() if approvals else (DAY.year, DAY.year + 1)):
            try:
                anniversary = opened.replace(year=year)
            except ValueError:
                anniversary = dt.date(year, 3, 1)
            if anniversary >= DAY:
                if anniversary > opened:
                    dues.append(anniversary)
                break
        overdue += sum(1 for x in dues if x < DAY)
        week += sum(1 for x in dues if DAY <= x <= until)
    return overdue, week


def test_home_dashboard_counts_equal_independent_count(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    root, site = demo_site
    org, cases = load(root)
    base = serve(site)
    page.goto(base + "index.html")
    for prov in org["providers"]:
        for loc in prov["locations"]:
            overdue, week = expected_week(cases, loc["id"], root)
            assert int(page.locator(f"[data-kennzahl=ueberfaellig-{loc['id']}]").inner_text()) == overdue, loc["id"]
            assert int(page.locator(f"[data-kennzahl=woche-{loc['id']}]").inner_text()) == week, loc["id"]
    assert sum(expected_week(cases, loc["id"])[0] for p in org["providers"] for loc in p["locations"]) > 0
    only_localhost(page)


def planted_folder(src: Path, dest: Path) -> int:
    """The case folder ``src`` copied to ``dest`` with a canary marker in every personal string but the coaches and
    places; how many. Planted in the composed record (so ``Case`` validates each marker), every
    value written back to the file it came from: the folder layout without a migration of whole files."""
    import yaml_rs

    from site_gen.records.compose import compose
    from site_gen.records.layout import scan_folder
    from site_gen.records.load import read_yaml

    unit = scan_folder(src.parents[1], src.parent.name, src.name)[0]
    assert unit is not None
    data, findings, provenance, _ = compose(src.parents[1], unit)
    assert data is not None and not findings, src
    planted = plant_data(data, Case, skip=("coaches", "provider", "location"))
    shutil.copytree(src, dest)
    for (key, index), source in provenance.items():
        (dest / Path(source).relative_to(f"{src.parent.name}/{src.name}")).write_text(yaml_rs.dumps(data[key][index]) + "\n", encoding="utf-8")
    main = dest / Path(unit.sources[0]).name
    keys = read_yaml(main, main.name)[0]
    kept = {k: [v for i, v in enumerate(data[k]) if (k, i) not in provenance] if isinstance(data[k], list) else data[k] for k in keys}
    main.write_text(yaml_rs.dumps(kept) + "\n", encoding="utf-8")
    return planted


@pytest.fixture(scope="module")
def canary_pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every page of the demo data with a canary marker in every personal string of every case."""
    root = tmp_path_factory.mktemp("kanarien") / "akten"
    for part in ("workplaces", "modules", "schema"):
        shutil.copytree(REPO / part, root / part)
    (root / "cases").mkdir()
    planted = sum(planted_folder(case, root / "cases" / case.name) for case in sorted(p for p in (REPO / "cases").iterdir() if p.is_dir()))
    assert planted > 300
    shutil.copy(REPO / "organisation.yaml", root / "organisation.yaml")
    return render_site(consented_dataset(load_dataset(root), DAY), DAY)


def test_calendar_feeds_parse_and_carry_no_name_or_free_text(canary_pages: dict[str, str], demo_site: tuple[Path, Path]) -> None:
    feeds = {k: v for k, v in canary_pages.items() if k.startswith("fristen/") and k.endswith(".ics")}
    assert feeds
    assert any(MARK in v for k, v in canary_pages.items() if k.startswith("arbeit/"))  # the pages themselves do show the text
    events = 0
    for name, text in feeds.items():
        assert MARK.lower() not in text.lower(), name
        cal = Calendar.from_ical(text)
        for event in cal.walk("VEVENT"):
            events += 1
            kind, cid = str(event["SUMMARY"]).rsplit(": ", 1)
            company = kind == "Wiedervorlage Betrieb"  # a company follow-up names the workplace id, never a person
            assert kind in KINDS and re.fullmatch(r"ap-\d{4}" if company else r"tn-\d{4}", cid)
            assert isinstance(event.decoded("DTSTART"), dt.date)
            assert re.fullmatch(r"(Betrieb ap|Akte tn)-\d{4} \((hauptverantwortlich|Vertretung)\)\. Einzelheiten nur auf der internen Seite\.",
                                str(event["DESCRIPTION"]))
    assert events > 5
    # the built demo site serves the same feeds, and they parse
    site = demo_site[1]
    built = sorted(site.glob("fristen/*.ics"))
    assert built
    names = {f"{c['first_name']}" for c in load(demo_site[0])[1]} | {c["last_name"] for c in load(demo_site[0])[1]}
    for path in built:
        text = path.read_text(encoding="utf-8")
        Calendar.from_ical(text)
        assert not any(re.search(rf"\b{re.escape(n)}\b", text) for n in names), path.name


def test_fidelity_figures_equal_independent_count(demo_site: tuple[Path, Path], serve: Any, page: Any) -> None:
    import math
    import statistics

    from .figures import first_contact, first_trial

    root, site = demo_site
    org, cases = load(root)
    base = serve(site)
    page.goto(base + "kennzahlen/index.html")
    for href in ("kennzahlen/qualitaet.html",) + tuple(f"traeger-{p['id']}.html" for p in org["providers"]):
        assert page.locator(f"article a[href$='{href.split('/')[-1]}']").count() >= 1, href
    page.goto(base + "kennzahlen/qualitaet.html")
    shown = {key: text.strip() for key, text in page.locator("[data-kennzahl]").evaluate_all(SHOWN)}
    until = DAY.replace(day=1) - dt.timedelta(days=1)
    month = DAY.month - 1 - 6
    since = dt.date(DAY.year + month // 12, month % 12 + 1, 1)
    for s in org["staff"]:
        if "jobcoach" not in s["roles"]:
            continue
        assert int(shown[f"fallzahl-{s['id']}"]) == len(open_cases_by_role(cases, s["id"], "primary")), s["id"]
        contacts = sum(1 for c in cases for e in c.get("support_log", []) if e.get("employer") and e["by"] == s["id"]
                       and since <= d(e["date"]) <= until)
        assert int(shown[f"kontakte-{s['id']}"]) == contacts, s["id"]
    for key, pick in (("tage-kontakt", first_contact), ("tage-erprobung", first_trial)):
        days = [(w - d(c["opened"])).days for c in cases if (w := pick(c)) is not None and d(c["opened"]) <= w <= DAY]
        assert int(shown[key]) == math.floor(statistics.median(days) + 0.5), key
        assert not re.search(r"\d,5\b", shown[key])
    returns = sum(1 for c in cases for p in c.get("placements", []) if p.get("outcome") == "rueckkehr-werkstatt")
    assert int(shown["rueckkehr"]) == returns and returns > 0
    year_ago = DAY.replace(year=DAY.year - 1)
    recent = {p["workplace"] for c in cases for p in c.get("placements", []) if p["status"] != "geplant" and year_ago <= d(p["start"]) <= DAY}
    assert int(shown["arbeitsplaetze"]) == len(recent)
    text = page.locator("article").inner_text()
    assert "zu hektisch" in text  # returns are listed with their reasons
    only_localhost(page)
