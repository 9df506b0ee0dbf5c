"""Entry files of a case folder in the browser: a new support-log entry is a new small file, an old one is edited in place.

Real Decap form, real decap-server, a real Git repository with the demo's cases as folders, real Chromium.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from .forms import choose, diff_lines, open_entry, publish, publish_new, save
from .harness import DECAP_SERVER, Requests, check, git

pytestmark = pytest.mark.skipif(not DECAP_SERVER.exists(), reason="npm ci nicht ausgeführt (decap-server fehlt)")


def test_add_support_log_entry_to_a_case_folder(folder_coach: tuple[Any, Path, Requests]) -> None:
    """A new support-log entry is a new small file in the case folder, named like 'site-gen log' names it; the coach
    finds it in the list (which shows support-log entries only) and it opens with what was saved."""
    page, repo, _ = folder_coach
    folder = repo / "cases" / "tn-0002" / "support_log"
    before = {p.name for p in folder.iterdir()}
    page.goto(f"{page.url_base}#/collections/begleitung/new")
    page.get_by_label("Minuten", exact=True).wait_for()
    page.get_by_label("Datum", exact=True).fill("2026-11-20")
    choose(page, "Leistungsart", "unmittelbar")
    page.get_by_label("Minuten", exact=True).fill("45")
    choose(page, "Von", "Mara Petersen")
    page.get_by_label("Notiz", exact=True).fill("Besuch im Betrieb, neue Aufgabe geübt.")
    publish(page)
    page.get_by_text("Bitte die Akte wählen", exact=False).first.wait_for()  # without its case nothing is written
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    choose(page, "Akte (optional)", "tn-0002")
    new = publish_new(page, repo, folder, before)
    assert re.fullmatch(r"2026-11-20-mara-petersen-[0-9a-f]{6}\.yaml", new.name), new.name
    assert new.read_text(encoding="utf-8") == ("date: 2026-11-20\nkind: unmittelbar\nminutes: 45\nby: mara-petersen\n"
                                               "note: Besuch im Betrieb, neue Aufgabe geübt.\n")
    status = git(repo, "status", "--porcelain", "--untracked-files=all")
    assert status == f"?? cases/tn-0002/support_log/{new.name}\n", status  # the new file and nothing else
    result = check(repo)
    assert result.returncode == 0, result.stdout
    page.goto(f"{page.url_base}#/collections/begleitung")  # the list shows support-log entries, not other entry files
    page.get_by_text("2026-11-20 – tn-0002/support_log – 45 Minuten").wait_for()
    shown = page.get_by_text(re.compile(r" – tn-\d{4}/")).all_inner_texts()
    logs = len(list((repo / "cases").glob("*/support_log/*.yaml")))
    assert len(shown) == logs and all("/support_log – " in s for s in shown), (len(shown), logs, shown[:3])
    page.get_by_text("2026-11-20 – tn-0002/support_log – 45 Minuten").click()  # it opens in the form with what was saved
    page.get_by_label("Notiz", exact=True).wait_for()
    assert page.get_by_label("Minuten", exact=True).input_value() == "45"
    assert page.get_by_label("Notiz", exact=True).input_value() == "Besuch im Betrieb, neue Aufgabe geübt."
    assert page.get_by_label("Datum", exact=True).input_value() == "2026-11-20"


def test_edit_a_support_log_entry_of_a_case_folder(folder_coach: tuple[Any, Path, Requests]) -> None:
    """An existing entry file is changed in place: same path, only the changed line, no form-only key."""
    page, repo, _ = folder_coach
    rel = "cases/tn-0002/support_log/" + sorted(p.name for p in (repo / "cases/tn-0002/support_log").iterdir())[0]
    open_entry(page, page.url_base, "begleitung", rel.removeprefix("cases/").removesuffix(".yaml"), "Minuten")
    old = page.get_by_label("Minuten", exact=True).input_value()
    page.get_by_label("Minuten", exact=True).fill(str(int(old) + 5))
    save(page, repo, rel)
    assert diff_lines(repo, rel) == ([f"minutes: {old}"], [f"minutes: {int(old) + 5}"])
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == f" M {rel}\n"
    result = check(repo)
    assert result.returncode == 0, result.stdout


def test_add_company_contact_to_a_workplace_folder(folder_coach: tuple[Any, Path, Requests]) -> None:
    """The CMS form for contacts: a new contact without a case is a new small file in the workplace folder."""
    page, repo, _ = folder_coach
    folder = repo / "workplaces" / "ap-0016" / "contact_log"
    before = {p.name for p in folder.iterdir()}
    page.goto(f"{page.url_base}#/collections/betriebskontakte/new")
    page.get_by_label("Notiz", exact=True).wait_for()
    page.get_by_label("Datum", exact=True).fill("2026-11-20")
    choose(page, "Art", "besuch")
    choose(page, "Von", "Gesa Möller")
    page.get_by_label("Notiz", exact=True).fill("Rundgang, zwei Praktikumsplätze ab Februar möglich.")
    publish(page)
    page.get_by_text("Bitte den Arbeitsplatz wählen", exact=False).first.wait_for()  # without its workplace nothing is written
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == ""
    choose(page, "Arbeitsplatz (optional)", "ap-0016")
    new = publish_new(page, repo, folder, before)
    assert re.fullmatch(r"2026-11-20-gesa-moeller-[0-9a-f]{6}\.yaml", new.name), new.name
    assert new.read_text(encoding="utf-8") == ("date: 2026-11-20\nkind: besuch\nby: gesa-moeller\n"
                                               "summary: Rundgang, zwei Praktikumsplätze ab Februar möglich.\n")
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == f"?? workplaces/ap-0016/contact_log/{new.name}\n"
    result = check(repo)
    assert result.returncode == 0, result.stdout


def test_add_team_time(folder_coach: tuple[Any, Path, Requests]) -> None:
    """Issue 29: team time without a case through the form is a new small file in team/, named as 'site-gen log --team' names it."""
    page, repo, _ = folder_coach
    folder = repo / "team"
    before = {p.name for p in folder.iterdir()}
    page.goto(f"{page.url_base}#/collections/teamzeit/new")
    page.get_by_label("Minuten", exact=True).wait_for()
    page.get_by_label("Datum", exact=True).fill("2026-11-19")
    choose(page, "Tätigkeit", "Supervision")
    page.get_by_label("Minuten", exact=True).fill("90")
    choose(page, "Von", "Mara Petersen")
    page.get_by_label("Notiz (optional)", exact=True).fill("Supervision im Team Kranhafen.")
    new = publish_new(page, repo, folder, before)
    assert re.fullmatch(r"2026-11-19-mara-petersen-[0-9a-f]{6}\.yaml", new.name), new.name
    assert new.read_text(encoding="utf-8") == ("date: 2026-11-19\nactivity: supervision\nminutes: 90\nby: mara-petersen\n"
                                               "note: Supervision im Team Kranhafen.\n")
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == f"?? team/{new.name}\n"
    result = check(repo)
    assert result.returncode == 0, result.stdout
    page.goto(f"{page.url_base}#/collections/teamzeit")  # the list shows the team-time entries
    page.get_by_text("2026-11-19 – supervision – 90 Minuten").wait_for()
