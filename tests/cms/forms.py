"""How a coach uses the Decap form, as Playwright steps (German labels, as on screen)."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from .harness import git


def login(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Akten").first.wait_for()


def open_entry(page: Any, url: str, collection: str, slug: str, ready: str) -> None:
    page.goto(f"{url}#/collections/{collection}/entries/{slug}")
    page.get_by_text(ready, exact=True).first.wait_for()


def choose(page: Any, label: str, text: str, nth: int = -1) -> None:
    """Pick ``text`` in a select or relation field (react-select) labelled ``label``."""
    box = page.get_by_label(label, exact=True).nth(nth)
    box.click()
    box.fill(text)
    page.locator("[class*='-option']", has_text=text).first.wait_for()
    box.press("Enter")


def publish(page: Any) -> None:
    """Publish the open entry (the button, then the confirmation)."""
    page.get_by_role("button", name="Veröffentlichen").click()
    page.get_by_text("Jetzt veröffentlichen").click()


def save(page: Any, repo: Path, rel: str) -> str:
    """Publish the entry and wait until decap-server wrote ``rel``; returns the file text."""
    before = (repo / rel).read_text(encoding="utf-8") if (repo / rel).exists() else None
    publish(page)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if (repo / rel).exists() and (repo / rel).read_text(encoding="utf-8") != before:
            time.sleep(0.3)  # the write is one call; a short wait lets a slow disk finish it
            return (repo / rel).read_text(encoding="utf-8")
        time.sleep(0.1)
    errors = page.locator("[class*='ControlErrorsList'] li, [class*='toast'], [role='alert']").all_inner_texts()
    page.screenshot(path=str(repo.parent / "nicht-gespeichert.png"), full_page=True)
    raise AssertionError(f"{rel} wurde nicht gespeichert: {errors}")


def diff_lines(repo: Path, rel: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines of ``git diff`` for one file, without the headers."""
    out = git(repo, "diff", "--no-color", "-U0", "--", rel)
    lines = [line for line in out.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return [line[1:] for line in lines if line[0] == "-"], [line[1:] for line in lines if line[0] == "+"]


def section(page: Any, label: str) -> Any:
    """The form part of one list or object field (its label as on screen, e.g. 'Platzierungen (optional)')."""
    return page.locator(f"xpath=//div[starts-with(@aria-label, 'Feld ')][./div/label[normalize-space(.)='{label}']]").first


def pick(page: Any, scope: Any, label: str, text: str) -> None:
    """Pick the option whose text is ``text`` (or contains it, when no option is exactly it)
    in the last select or relation field labelled ``label`` inside ``scope``."""
    box = scope.get_by_label(label, exact=True).last
    box.click()
    box.fill(text)
    options = page.locator("[class*='-option']", has_text=text)
    options.first.wait_for()
    exact = page.locator("[class*='-option']", has_text=re.compile(rf"^\s*{re.escape(text)}\s*$"))
    (exact.first if exact.count() else options.first).click()


def expand_item(scope: Any, index: int) -> None:
    """Open the ``index``-th (collapsed) entry of a list field."""
    scope.locator("[class*='ListItemTopBar'] > button:first-child").nth(index).click()


def remove_all_items(scope: Any) -> None:
    """Remove every entry of a list field with its × button, as a coach would."""
    remove = scope.locator("[class*='ListItemTopBar'] > button:last-child")
    while remove.count():
        before = remove.count()
        remove.first.click()
        scope.page.wait_for_function("n => true", arg=before)
        assert remove.count() < before


def wait_for_new_file(page: Any, repo: Path, folder: Path, before: set[str]) -> Path:
    """The one file decap-server wrote into ``folder`` (whose names were ``before``) after a publish."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        new = {p.name for p in folder.iterdir()} - before if folder.is_dir() else set()
        if new:
            time.sleep(0.3)
            assert len(new) == 1, new
            return folder / new.pop()
        time.sleep(0.1)
    page.screenshot(path=str(repo.parent / "nicht-gespeichert.png"), full_page=True)
    stray = git(repo, "status", "--porcelain", "--untracked-files=all")
    raise AssertionError(f"kein neuer Eintrag in {folder}: {stray}")
