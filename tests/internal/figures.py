"""Dashboard figures computed independently from the YAML files.

Reads the records with yaml-rs directly (not through site_gen's loader or
Dataset) and applies the definitions printed on the dashboards.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

import yaml_rs

from tests.reports.reportdoc import read_case

OUTPLACED = {"aussenarbeitsgruppe", "ausgelagerter-einzelarbeitsplatz"}
TRIALS = {"praktikum", "schnupperpraktikum", "beschaeftigungserprobung", "integrationspraktikum"}
TRANSITIONS = ("budget-fuer-arbeit", "budget-fuer-ausbildung", "sozialversicherungspflichtig")
STAGES = ("infogespraech", "suche", "bewerbungsunterlagen", "vorstellungsgespraech", "erprobung", "reflexion", "wechsel", "uebergangsgruppe")
CONTACT = {"vorstellungsgespraech", "erprobung", "reflexion", "wechsel"}


def d(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def load(root: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    org = yaml_rs.loads((root / "organisation.yaml").read_text(encoding="utf-8"), parse_datetime=False)
    cases = [read_case(p, parse_datetime=False) for p in sorted((root / "cases").iterdir()) if p.suffix == ".yaml" or p.is_dir()]  # files or case folders
    return org, cases


def running(pl: dict[str, Any], day: dt.date) -> bool:
    end = d(pl.get("end"))
    if pl["status"] == "laufend":
        return d(pl["start"]) <= day and (end is None or day <= end)
    return pl["status"] == "beendet" and end is not None and d(pl["start"]) <= day <= end


def median_days(cases: list[dict[str, Any]], pick: Any, today: dt.date) -> float | None:
    days = []
    for c in cases:
        when = pick(c)
        if when is not None and d(c["opened"]) <= when <= today:
            days.append((when - d(c["opened"])).days)
    return float(math.floor(statistics.median(days) + 0.5)) if days else None  # whole days, half up


def first_contact(c: dict[str, Any]) -> dt.date | None:
    dates = [d(p["start"]) for p in c.get("placements", []) if p["status"] != "geplant"]
    dates += [d(s["since"]) for s in c["stages"] if s["stage"] in CONTACT]
    dates += [d(e["date"]) for e in c.get("support_log", []) if e.get("employer") and d(e["date"]) >= d(c["opened"])]
    return min(dates) if dates else None


def first_trial(c: dict[str, Any]) -> dt.date | None:
    dates = [d(p["start"]) for p in c.get("placements", []) if p["type"] in TRIALS and p["status"] != "geplant"]
    dates += [d(s["since"]) for s in c["stages"] if s["stage"] == "erprobung"]
    return min(dates) if dates else None


def figures(root: Path, today: dt.date, provider: str | None = None, location: str | None = None) -> dict[str, float | None]:
    """Every ``data-kennzahl`` of one dashboard, as numbers (None for '–')."""
    org, cases = load(root)
    cases = [c for c in cases if (c["location"] == location if location else c["provider"] == provider)]
    open_cases = [c for c in cases if not c.get("closed")]
    out: dict[str, float | None] = {}
    if location is None:
        prov = next(p for p in org["providers"] if p["id"] == provider)
        counted = sum(1 for c in cases if any(p["type"] in OUTPLACED and running(p, today) for p in c.get("placements", [])))
        heads = sorted((h for h in prov.get("headcount", []) if h["year"] <= today.year), key=lambda h: h["year"])
        targets = sorted((t for t in prov.get("targets", []) if t["year"] >= today.year), key=lambda t: t["year"])
        out["aussenarbeit-akten"] = counted
        if heads:
            h = heads[-1]
            day = today if h["year"] == today.year else dt.date(h["year"], 12, 31)
            n = h.get("outplaced")
            if n is None:
                n = sum(1 for c in cases if any(p["type"] in OUTPLACED and running(p, day) for p in c.get("placements", [])))
            out["quote-jetzt"] = round(100 * n / h["workshop_employees"], 1)
            out["beschaeftigte"] = h["workshop_employees"]
            out["aussenarbeit"] = n
            if targets:
                out["ziel"] = float(targets[0]["quota"])
                need = -int(-targets[0]["quota"] * h["workshop_employees"] // 100)
                out["ziel-abstand"] = max(need - n, 0)
        elif targets:
            out["ziel"] = float(targets[0]["quota"])
    by_type: Counter[str] = Counter()
    for c in cases:
        for t in {p["type"] for p in c.get("placements", []) if running(p, today)}:
            by_type[t] += 1
    for t in ("praktikum", "schnupperpraktikum", "beschaeftigungserprobung", "integrationspraktikum", "aussenarbeitsgruppe",
              "ausgelagerter-einzelarbeitsplatz", "budget-fuer-arbeit", "budget-fuer-ausbildung", "sozialversicherungspflichtig"):
        out[f"art-{t}"] = by_type[t]
    trans: Counter[tuple[str, int]] = Counter()
    returns: Counter[int] = Counter()
    for c in cases:
        for p in c.get("placements", []):
            if p["type"] in TRANSITIONS and p["status"] in ("laufend", "beendet") and d(p["start"]) <= today:
                trans[(p["type"], d(p["start"]).year)] += 1
            if p.get("outcome") == "rueckkehr-werkstatt":
                returns[(d(p.get("end")) or d(p["start"])).year] += 1
    for year in sorted({y for _, y in trans} | set(returns)):
        for t in TRANSITIONS:
            out[f"uebergang-{t}-{year}"] = trans[(t, year)]
        out[f"rueckkehr-{year}"] = returns[year]
    stage_days: dict[str, list[int]] = {s: [] for s in STAGES}
    for c in cases:
        stages = c["stages"]
        for i, s in enumerate(stages):
            until = d(stages[i + 1]["since"]) if i + 1 < len(stages) else (d(c.get("closed")) or today)
            stage_days[s["stage"]].append(max((until - d(s["since"])).days, 0))
    current = Counter(c["stages"][-1]["stage"] for c in open_cases)
    for s in STAGES:
        out[f"phase-{s}"] = current[s]
        out[f"phase-tage-{s}"] = float(math.floor(statistics.median(stage_days[s]) + 0.5)) if stage_days[s] else None
    out["median-kontakt"] = median_days(cases, first_contact, today)
    out["median-erprobung"] = median_days(cases, first_trial, today)
    everyone = [c for c in load(root)[1] if not c.get("closed")]
    for s in org["staff"]:
        mine = s["location"] == location if location else s["provider"] == provider
        if "jobcoach" in s["roles"] and mine:
            out[f"fallzahl-{s['id']}"] = sum(1 for c in everyone if c["coaches"]["primary"] == s["id"])
    out |= company_shares(root, org, provider, location, today)
    out |= route_funnel(cases, today)
    return out


def route_funnel(cases: list[dict[str, Any]], today: dt.date) -> dict[str, float | None]:
    """People per access route and how many reached Infogespräch, a trial and the move (issue 29)."""
    out: dict[str, float | None] = {}
    for c in cases:
        route = c["access"]["route"] if c.get("access") else "ohne-angabe"
        stages = {s["stage"] for s in c["stages"]}
        trial = "erprobung" in stages or any(p["type"] in TRIALS and d(p["start"]) <= today for p in c.get("placements", []))
        for key, hit in ((f"zugang-{route}", True), (f"zugang-info-{route}", "infogespraech" in stages),
                         (f"zugang-erprobung-{route}", trial), (f"zugang-wechsel-{route}", "wechsel" in stages)):
            out[key] = (out.get(key) or 0) + hit
    return out


def company_shares(root: Path, org: dict[str, Any], provider: str | None, location: str | None, today: dt.date) -> dict[str, float | None]:
    """Share of time in companies per coach and team over 365 days (issue 29), as the dashboard defines it."""
    since = today - dt.timedelta(days=364)
    folder = root / "team"
    team = [yaml_rs.loads(p.read_text(encoding="utf-8"), parse_datetime=False) for p in sorted(folder.glob("*.yaml"))] if folder.is_dir() else []
    entries = [e for c in load(root)[1] for e in c.get("support_log", []) if since <= d(e["date"]) <= today]
    out: dict[str, float | None] = {}
    all_minutes = all_company = 0
    for s in org["staff"]:
        mine = s["location"] == location if location else s["provider"] == provider
        if "jobcoach" not in s["roles"] or not mine:
            continue
        own = [e for e in entries if e["by"] == s["id"]]
        sessions = {(e["group"], e["date"]): e for e in own if e.get("group")}  # a group session counts once
        single = [e for e in own if not e.get("group")] + list(sessions.values())
        times = [t for t in team if t["by"] == s["id"] and since <= d(t["date"]) <= today]
        in_company = [t for t in times if t.get("in_company", t["activity"] in ("betriebsakquise", "betriebsbetreuung"))]
        minutes = sum(e["minutes"] for e in single) + sum(t["minutes"] for t in times)
        company = sum(e["minutes"] for e in single if e.get("employer")) + sum(t["minutes"] for t in in_company)
        all_minutes, all_company = all_minutes + minutes, all_company + company
        out[f"betrieb-anteil-{s['id']}"] = round(100 * company / minutes) if minutes else None
    out["betrieb-anteil-team"] = round(100 * all_company / all_minutes) if all_minutes else None
    return out


def parse_shown(text: str) -> float | None:
    """'34,5 %' → 34.5; '12 Personen' → 12; '–' → None."""
    text = text.replace("%", "").replace("Personen", "").strip()
    return None if text in ("–", "") else float(text.replace(",", "."))
