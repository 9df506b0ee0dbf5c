"""SVG profile charts and their table alternatives (pure functions)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from site_gen.render.profile_chart import ProfileRow, history_svg, history_table, side_by_side_svg, side_by_side_table

SVG = "{http://www.w3.org/2000/svg}"
ROWS = [ProfileRow("Lesen <b>", 2, 4, "deutliche Überforderung"), ProfileRow("Rechnen & Co", 5, 2, "passt"),
        ProfileRow("Konzentration", None, 3, "ohne Einwilligung nicht verglichen")]


def parse(markup: str) -> ET.Element:
    return ET.fromstring(str(markup))  # well-formed XML, or this raises


def test_side_by_side_bars_scale_and_escape() -> None:
    fig = parse(side_by_side_svg("Vergleich <Test>", ROWS))
    svg = fig.find(f"{SVG}svg")
    assert svg.get("role") == "img" and svg.get("aria-label") == "Vergleich <Test>"
    assert svg.find(f"{SVG}title").text == "Vergleich <Test>"
    rects = svg.findall(f"{SVG}rect")
    solid = [r for r in rects if r.get("fill") == "#1565c0"][1:]  # the first one is the legend
    outlined = [r for r in rects if r.get("fill") == "#ffffff"][1:]
    assert [float(r.get("width")) for r in solid] == [100.0, 250.0]  # 50 per level, no bar without a rating
    assert [round(float(r.get("width")) + 2) for r in outlined] == [200, 100, 150]
    assert outlined[0].get("stroke") == "#b71c1c"  # over-demand is marked (also with a text label)
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "Lesen <b>" in texts and "▲ mehr verlangt" in texts and "ohne Einwilligung nicht verglichen" in texts
    raw = str(side_by_side_svg("x", ROWS))
    assert "<b>" not in raw and "style=" not in raw and "<script" not in raw


def test_side_by_side_table_has_the_same_figures() -> None:
    table = parse(side_by_side_table("Vergleich", ROWS))
    rows = [[c.text for c in tr] for tr in table.find("tbody")]
    assert rows == [["Lesen <b>", "2", "4", "deutliche Überforderung"], ["Rechnen & Co", "5", "2", "passt"],
                    ["Konzentration", "–", "3", "ohne Einwilligung nicht verglichen"]]
    assert [th.text for th in table.find("thead").iter("th")] == ["Merkmal", "Fähigkeit", "Anforderung", "Bewertung"]


def test_ability_only_profile() -> None:
    rows = [ProfileRow("Lesen", 3), ProfileRow("Rechnen", 4)]
    svg = parse(side_by_side_svg("Profil", rows)).find(f"{SVG}svg")
    assert all(r.get("fill") != "#ffffff" for r in svg.findall(f"{SVG}rect"))
    assert "Anforderung" not in [t.text for t in svg.iter(f"{SVG}text")]
    table = parse(side_by_side_table("Profil", rows))
    assert [[c.text for c in tr] for tr in table.find("tbody")] == [["Lesen", "3"], ["Rechnen", "4"]]


def test_history_chart_and_table() -> None:
    dates = [dt.date(2025, 3, 1), dt.date(2026, 6, 1)]
    series = [("Einen Arbeitsauftrag umsetzen", [2, 4]), ("Lesen", [None, 3])]
    svg = parse(history_svg("Verlauf", dates, series)).find(f"{SVG}svg")
    assert len(svg.findall(f"{SVG}polyline")) == 1  # only the item assessed twice gets a line
    assert len(svg.findall(f"{SVG}circle")) == 3
    texts = [t.text for t in svg.iter(f"{SVG}text")]
    assert "01.03.2025" in texts and "01.06.2026" in texts
    # higher rating → higher on the page (smaller y)
    first, second = (float(c.get("cy")) for c in svg.findall(f"{SVG}circle")[:2])
    assert second < first
    table = parse(history_table("Verlauf", dates, series))
    assert [[c.text for c in tr] for tr in table.find("tbody")] == [["Einen Arbeitsauftrag umsetzen", "2", "4"], ["Lesen", "–", "3"]]
