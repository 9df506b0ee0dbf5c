"""How a coach uses the Decap form, as Playwright steps (German labels, as on screen)."""

from __future__ import annotations

import json
import re
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


def _persisted(response: Any) -> bool:
    """Whether ``response`` is decap-server's answer to a save (``persistEntry``: it answers after writing the files)."""
    request = response.request
    return request.method == "POST" and '"persistEntry"' in (request.post_data or "")


def publish_and_wait(page: Any, repo: Path) -> list[str]:
    """Publish the open entry; wait for decap-server's answer (the files are written then) and for the editor to
    take it in (no unsaved changes; a new entry opened at its own address, so the next step cannot race it).
    The paths written (relative to ``repo``)."""
    with page.expect_response(_persisted, timeout=60_000) as answer:
        publish(page)
    response = answer.value
    if not response.ok:
        page.screenshot(path=str(repo.parent / "nicht-gespeichert.png"), full_page=True)
        raise AssertionError(f"decap-server speicherte nicht: {response.status} {response.text()}")
    params = json.loads(response.request.post_data)["params"]
    written = [f.get("newPath") or f["path"] for f in params.get("dataFiles") or [params["entry"]]]
    page.get_by_text("Keine offenen Änderungen").wait_for(timeout=60_000)
    if params["options"].get("newEntry"):
        page.wait_for_function("() => location.hash.includes('/entries/')", timeout=60_000)
    return written


def save(page: Any, repo: Path, rel: str) -> str:
    """Publish the entry (decap-server writes ``rel``); returns the file text, which the save changed."""
    before = (repo / rel).read_text(encoding="utf-8") if (repo / rel).exists() else None
    assert publish_and_wait(page, repo) == [rel]
    text = (repo / rel).read_text(encoding="utf-8")
    assert text != before, f"{rel} unverändert"
    return text


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


def publish_new(page: Any, repo: Path, folder: Path, before: set[str]) -> Path:
    """Publish the open new entry; the one file decap-server wrote, new in ``folder`` (whose names were ``before``)."""
    written = publish_and_wait(page, repo)
    new = {p.name for p in folder.iterdir()} - before if folder.is_dir() else set()
    assert len(written) == 1 and len(new) == 1, (written, new, git(repo, "status", "--porcelain", "--untracked-files=all"))
    assert repo / written[0] == folder / next(iter(new)), (written, new)
    return folder / new.pop()
