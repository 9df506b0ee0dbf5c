"""Chart labels are shown whole (wrapped onto lines), never cut off."""

from __future__ import annotations

import datetime as dt
import re

from site_gen.render import charts

LONG = "Praktikum: Seniorenresidenz Lindenhof am Stadtpark, Hauswirtschaft"


def label_texts(svg: str) -> list[str]:
    return [" ".join(re.findall(r"<tspan[^>]*>([^<]*)</tspan>", t)) for t in re.findall(r"<text text-anchor=\"end\"[^>]*>(.*?)</text>", svg)]


def test_timeline_and_bars_keep_the_whole_label() -> None:
    day = dt.date(2026, 1, 1)
    svg = str(charts.timeline("Platzierungen", [(LONG, day, None, 0), ("Kurz", day, day, 1)], dt.date(2026, 6, 1)))
    assert LONG in label_texts(svg) and "Kurz" in label_texts(svg)
    svg = str(charts.bars("Profil", [("Infogespräch und Profilerstellung mit Gruppenleitung", [3.0])], ["Fähigkeit"], 5))
    assert "Infogespräch und Profilerstellung mit Gruppenleitung" in label_texts(svg)


def test_wrap_keeps_every_character() -> None:
    for text in (LONG, "Donaudampfschifffahrtsgesellschaftskapitänsmütze", ""):
        lines = charts.wrap(text, 12)
        assert all(len(line) <= 12 for line in lines)
        assert "".join(line.removesuffix("-") for line in lines).replace(" ", "") == text.replace(" ", "")
