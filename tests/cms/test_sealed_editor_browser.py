"""The browser editor on sealed records (issue 27): a new entry is sealed in the browser, sealed values stay as they are.

A sealed copy of the demo (``site-gen migrate --encrypt`` with a keyring made at
test time), real decap-server, real Chromium; Python (``site-gen check`` and the
dataset every command reads) opens what the browser sealed.
"""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Iterator
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from yaml import safe_load

from ..conftest import TODAY, demo_copy
from ..records.conftest import NEW_CONSENT, git, keys_env, new_identity
from .forms import choose, diff_lines, login, open_entry, publish, publish_new, save, section
from .harness import DECAP_SERVER, Requests, cli, editor, free_port

pytestmark = pytest.mark.skipif(not DECAP_SERVER.exists(), reason="npm ci nicht ausgeführt (decap-server fehlt)")
NOTE = "Besuch im Betrieb, Pausenzeiten mit dem Mentor geübt."


@pytest.fixture(scope="module")
def sealed_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(records repository, keyring, admin identity): the demo, committed plain, then sealed; the editor on a free port."""
    from site_gen.cli import main

    root = tmp_path_factory.mktemp("sealed-editor")
    repo = demo_copy(root / "repo")
    org = repo / "organisation.yaml"
    text = org.read_text(encoding="utf-8")
    if "\neditor:" not in text:
        text += "\neditor:\n  backend: lokal\n"
    org.write_text(text.replace("editor:\n  backend: lokal\n", f"editor:\n  backend: lokal\n  local_port: {free_port()}\n"), encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Demo (Klartext)")
    admin = root / "admin.txt"
    ring = root / "ring"
    with keys_env(ring, admin), redirect_stdout(io.StringIO()):
        recipient = new_identity(admin)
        assert main(["--root", str(repo), "keys", "init", "--admin", recipient]) == 0
        assert main(["--root", str(repo), "migrate", "--encrypt"]) == 0
    return repo, ring, admin


@pytest.fixture(scope="module")
def sealed_editor(browser: Any, sealed_repo: tuple[Path, Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    """A logged-in editor page on the sealed repository (the site built with the keys, as the team's server does)."""
    repo, ring, admin = sealed_repo
    with keys_env(ring, admin), editor(repo, tmp_path_factory.mktemp("site")) as url:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests = Requests(page)
        login(page, url)
        page.url_base = url  # type: ignore[attr-defined]
        yield page, repo
        page.close()
    assert requests.refused == []


def with_keys(repo: Path, ring: Path, admin: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``site-gen ARGS`` (in this process, as a new interpreter would run it), with the admin's key and the keyring."""
    return cli("--root", str(repo), *args, env={"SITE_GEN_KEYRING": str(ring), "SITE_GEN_IDENTITY": str(admin)})


def support_log(repo: Path, ring: Path, admin: Path, case: str) -> list[Any]:
    """The case's support log as Python opens it (the dataset every command reads)."""
    from site_gen.records.dataset import load_dataset
    from site_gen.records.unseal import reset

    reset()
    with keys_env(ring, admin):
        ds = load_dataset(repo)
    return list(ds.cases[case].support_log)


def test_new_support_log_entry_is_sealed_in_the_browser(sealed_editor: tuple[Any, Path], sealed_repo: tuple[Path, Path, Path]) -> None:
    page, repo = sealed_editor
    _, ring, admin = sealed_repo
    folder = repo / "cases" / "tn-0002" / "support_log"
    before = {p.name for p in folder.iterdir()}
    page.goto(f"{page.url_base}#/collections/begleitung/new")
    page.get_by_label("Minuten", exact=True).wait_for()
    page.get_by_label("Datum", exact=True).fill("2026-11-20")
    choose(page, "Leistungsart", "unmittelbar")
    page.get_by_label("Minuten", exact=True).fill("45")
    choose(page, "Von", "Mara Petersen")
    page.get_by_label("Notiz", exact=True).fill(NOTE)
    choose(page, "Akte (optional)", "tn-0002")
    new = publish_new(page, repo, folder, before)
    text = new.read_text(encoding="utf-8")
    data = safe_load(text)
    assert list(data) == ["date", "kind", "minutes", "by", "note"], text
    assert all(str(v).startswith("age:v2:") for v in data.values()), text  # every value sealed to the case's recipient, bound to this entry
    for plain in ("Pausenzeiten", "Betrieb", "mara-petersen", "unmittelbar", "2026-11-20"):  # (short ones may occur in base64)
        assert plain not in text, plain
    assert new.name.startswith("2026-11-20-mara-petersen-")  # file names stay readable (issue 27: ids and file names)
    slots = {str(v).split(":")[2] for v in data.values()}
    assert slots == {"basis"}, slots  # the support log is legal-basis data
    result = with_keys(repo, ring, admin, "check", "--today", TODAY, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "SEALED-" not in result.stdout, result.stdout
    found = [e for e in support_log(repo, ring, admin, "tn-0002") if e.note == NOTE]
    assert len(found) == 1
    entry = found[0]
    assert (str(entry.date), entry.minutes, entry.by, str(getattr(entry.kind, "value", entry.kind))) == ("2026-11-20", 45, "mara-petersen", "unmittelbar")
    # the note moved into another entry file of the same case does not open there (bound to its own entry's name)
    other = sorted(p for p in folder.iterdir() if p != new)[0]
    kept = other.read_text(encoding="utf-8")
    note = next(line for line in text.splitlines() if line.startswith("note: "))
    assert re.search(r"^note: ", kept, re.M)
    other.write_text(re.sub(r"^note: .*$", lambda _: note, kept, count=1, flags=re.M), encoding="utf-8")
    try:
        result = with_keys(repo, ring, admin, "check", "--today", TODAY, "--no-cache")
        assert result.returncode == 1 and f"cases/tn-0002/support_log/{other.name}:" in result.stdout, result.stdout[-2000:]
        assert "SEALED-TAMPERED" in result.stdout and NOTE not in result.stdout, result.stdout[-2000:]
    finally:
        other.write_text(kept, encoding="utf-8")


def test_sealed_values_show_as_encrypted_and_stay_unchanged(sealed_editor: tuple[Any, Path], sealed_repo: tuple[Path, Path, Path]) -> None:
    page, repo = sealed_editor
    _, ring, admin = sealed_repo
    folder = repo / "cases" / "tn-0002" / "support_log"
    name = sorted(p.name for p in folder.iterdir())[0]
    rel = f"cases/tn-0002/support_log/{name}"
    before = (repo / rel).read_text(encoding="utf-8")
    assert re.search(r"^note: (age|enc):v[12]:", before, re.M)
    old = {(str(e.date), e.note) for e in support_log(repo, ring, admin, "tn-0002")}
    page.goto(f"{page.url_base}#/collections/begleitung")  # away from an entry the other test left open
    page.get_by_text(" – tn-0002/support_log – ", exact=False).first.wait_for()
    page.get_by_text("verschlüsselt – tn-0002/support_log – verschlüsselt Minuten", exact=True).first.wait_for()
    assert page.get_by_text(re.compile(r"(enc|age):v[12]:")).count() == 0  # the list's summaries show no ciphertext
    open_entry(page, page.url_base, "begleitung", rel.removeprefix("cases/").removesuffix(".yaml"), "Minuten")
    shown = page.get_by_text("verschlüsselt", exact=True)
    shown.first.wait_for()
    assert shown.count() == len(safe_load(before)), shown.count()  # every sealed field, none as ciphertext
    assert page.get_by_text(re.compile(r"(enc|age):v[12]:")).count() == 0
    page.get_by_label("Krisenintervention (optional)", exact=True).wait_for()
    choose(page, "Krisenintervention (optional)", "Arbeitsdruck")
    save(page, repo, rel)
    removed, added = diff_lines(repo, rel)
    assert removed == [], removed  # the sealed values are kept byte for byte
    assert len(added) == 1 and added[0].startswith("crisis: age:v2:basis:"), added
    result = with_keys(repo, ring, admin, "check", "--today", TODAY, "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    now = {(str(e.date), e.note) for e in support_log(repo, ring, admin, "tn-0002")}
    assert old <= now  # nothing destroyed


def test_an_entry_with_a_sealed_id_saves_again(sealed_editor: tuple[Any, Path], sealed_repo: tuple[Path, Path, Path]) -> None:
    """The id pattern (lower case, hyphens) does not refuse a sealed id: a consent entry takes a new date and keeps the rest."""
    page, repo = sealed_editor
    _, ring, admin = sealed_repo
    rel = "cases/tn-0002/consents/" + sorted(p.name for p in (repo / "cases/tn-0002/consents").iterdir())[0]
    assert safe_load((repo / rel).read_text(encoding="utf-8"))["id"].startswith(("enc:v2:", "age:v2:", "enc:v1:", "age:v1:"))
    page.goto(f"{page.url_base}#/collections/einwilligungen")
    page.get_by_text("tn-0002/consents", exact=False).first.wait_for()
    open_entry(page, page.url_base, "einwilligungen", rel.removeprefix("cases/").removesuffix(".yaml"), "Kennung")
    page.get_by_text("verschlüsselt", exact=True).first.wait_for()
    page.get_by_label("Verlängerung angefragt am (optional)", exact=True).fill("2026-11-25")
    save(page, repo, rel)
    removed, added = diff_lines(repo, rel)
    assert removed == [], removed
    assert len(added) == 1 and added[0].startswith("renewal_requested_on: age:v2:basis:"), added
    result = with_keys(repo, ring, admin, "check", "--today", TODAY, "--no-cache")
    assert "SEALED-" not in result.stdout and result.returncode == 0, result.stdout + result.stderr


def test_case_file_value_is_sealed_to_its_purpose(sealed_editor: tuple[Any, Path], sealed_repo: tuple[Path, Path, Path]) -> None:
    """A new item of a consent-bound list of case.yaml is sealed to that purpose's recipient (slot 'gesundheitsdaten')."""
    page, repo = sealed_editor
    _, ring, admin = sealed_repo
    rel = "cases/tn-0002/case.yaml"
    page.goto(f"{page.url_base}#/collections/akten")
    page.get_by_text("tn-0002", exact=False).first.wait_for()
    open_entry(page, page.url_base, "akten", "tn-0002/case", "Vorname")
    page.get_by_text("verschlüsselt", exact=True).first.wait_for()
    needs = section(page, "Unterstützungsbedarf (optional)")
    needs.get_by_text("hinzufügen", exact=False).first.click()
    typed = "Nach zwei Stunden eine kurze Pause einplanen."
    needs.locator("textarea").last.fill(typed)
    save(page, repo, rel)
    removed, added = diff_lines(repo, rel)
    assert removed == [], removed
    assert len(added) == 1 and added[0].startswith("  - age:v2:gesundheitsdaten:"), added
    assert "Pause" not in (repo / rel).read_text(encoding="utf-8")
    result = with_keys(repo, ring, admin, "check", "--today", TODAY, "--no-cache")
    assert "SEALED-" not in result.stdout and result.returncode == 0, result.stdout + result.stderr
    from site_gen.records.dataset import load_dataset
    from site_gen.records.unseal import reset

    reset()
    with keys_env(ring, admin):
        case = load_dataset(repo).cases["tn-0002"]
    assert case.support_needs[-1] == typed and len(case.support_needs) == 2


def test_a_company_contact_about_a_person_is_sealed_in_the_browser(sealed_editor: tuple[Any, Path], sealed_repo: tuple[Path, Path, Path]) -> None:
    """A new contact naming a case: its note is sealed to that case (slot 'basis', bound to workplace and entry); date,
    kind, staff and the case id stay readable; Python opens the note on the company's side."""
    page, repo = sealed_editor
    _, ring, admin = sealed_repo
    folder = repo / "workplaces" / "ap-0001" / "contact_log"
    before = {p.name for p in folder.iterdir()}
    typed = "Schichtplan mit der Lagerleitung abgestimmt."
    page.goto(f"{page.url_base}#/collections/betriebskontakte/new")
    page.get_by_label("Notiz", exact=True).wait_for()
    choose(page, "Arbeitsplatz (optional)", "ap-0001")
    page.get_by_label("Datum", exact=True).fill("2026-11-21")
    choose(page, "Art", "anruf")
    choose(page, "Von", "Mara Petersen")
    page.get_by_label("Notiz", exact=True).fill(typed)
    choose(page, "Akte (optional)", "tn-0001")
    new = publish_new(page, repo, folder, before)
    text = new.read_text(encoding="utf-8")
    data = safe_load(text)
    assert str(data["summary"]).startswith("age:v2:basis:") and "Schichtplan" not in text, text
    assert (str(data["date"]), data["kind"], data["by"], data["case"]) == ("2026-11-21", "anruf", "mara-petersen", "tn-0001"), text
    result = with_keys(repo, ring, admin, "check", "--today", TODAY, "--no-cache")
    assert "SEALED-" not in result.stdout and "Schichtplan" not in result.stdout, result.stdout[-2000:]
    from site_gen.records.dataset import load_dataset
    from site_gen.records.unseal import reset

    reset()
    with keys_env(ring, admin):
        contacts = load_dataset(repo).workplaces["ap-0001"].contact_log
    assert [c.summary for c in contacts if c.date.isoformat() == "2026-11-21" and c.case == "tn-0001"] == [typed]


def test_a_new_health_value_is_sealed_to_the_newest_key_generation(sealed_editor: tuple[Any, Path], sealed_repo: tuple[Path, Path, Path]) -> None:
    """After a withdrawal and a new consent the purpose's key has a second generation ('gesundheitsdaten.2'): the editor
    seals to it (the destroyed first one has no recipient any more), and Python opens the value."""
    page, repo = sealed_editor
    _, ring, admin = sealed_repo
    rel = "cases/tn-0001/case.yaml"
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Vorherige Tests", "--allow-empty")
    result = with_keys(repo, ring, admin, "widerruf", "tn-0001", "ew-1", "--date", "2026-12-01", "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    (repo / "cases/tn-0001/consents/2026-12-05-ew-6-5e0a11.yaml").write_text(NEW_CONSENT, encoding="utf-8")
    with (repo / rel).open("a", encoding="utf-8") as f:
        f.write("support_needs:\n  - Feste Pausen nach Absprache\n")
    result = with_keys(repo, ring, admin, "keys", "seal")
    assert result.returncode == 0, result.stdout + result.stderr
    recipients = (repo / "schluessel/akten/tn-0001.yaml").read_text(encoding="utf-8")
    assert re.search(r"^gesundheitsdaten\.2: age1", recipients, re.M) and not re.search(r"^gesundheitsdaten: ", recipients, re.M), recipients
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Neue Einwilligung")
    page.goto(f"{page.url_base}#/collections/akten")  # away from the entry the test before left open
    page.get_by_text("tn-0001", exact=False).first.wait_for()
    open_entry(page, page.url_base, "akten", "tn-0001/case", "Vorname")
    page.get_by_text("verschlüsselt", exact=True).first.wait_for()
    needs = section(page, "Unterstützungsbedarf (optional)")
    needs.get_by_text("verschlüsselt", exact=True).first.wait_for(state="attached")  # the value 'keys seal' sealed: the editor cannot read it
    needs.get_by_text("hinzufügen", exact=False).first.click()
    typed = "Arbeitsanweisungen schriftlich mitgeben."
    needs.locator("textarea").last.fill(typed)
    save(page, repo, rel)
    removed, added = diff_lines(repo, rel)
    assert removed == [], removed
    assert len(added) == 1 and added[0].startswith("  - age:v2:gesundheitsdaten.2:"), added
    assert "schriftlich" not in (repo / rel).read_text(encoding="utf-8")
    result = with_keys(repo, ring, admin, "check", "--today", "2026-12-06", "--no-cache")
    assert "SEALED-TAMPERED" not in result.stdout and "SEALED-NO-KEY" not in result.stdout, result.stdout[-2000:]
    from site_gen.records.dataset import load_dataset
    from site_gen.records.unseal import reset

    reset()
    with keys_env(ring, admin):
        case = load_dataset(repo).cases["tn-0001"]
    assert list(case.support_needs) == ["Feste Pausen nach Absprache", typed]
    # withdrawn again: the second generation is destroyed too, no newer exists, and the editor refuses (nothing plain written)
    result = with_keys(repo, ring, admin, "widerruf", "tn-0001", "ew-6", "--date", "2026-12-07", "--yes")
    assert result.returncode == 0, result.stdout + result.stderr
    before = (repo / rel).read_text(encoding="utf-8")
    page.goto(f"{page.url_base}#/collections/akten")
    page.get_by_text("tn-0001", exact=False).first.wait_for()
    open_entry(page, page.url_base, "akten", "tn-0001/case", "Vorname")
    page.get_by_text("verschlüsselt", exact=True).first.wait_for()
    needs = section(page, "Unterstützungsbedarf (optional)")
    needs.get_by_text("hinzufügen", exact=False).first.click()
    needs.locator("textarea").last.fill("Ohne Schlüssel nicht speichern.")
    publish(page)
    page.get_by_text("keinen gültigen öffentlichen Schlüssel", exact=False).first.wait_for()
    assert (repo / rel).read_text(encoding="utf-8") == before
    assert "Ohne Schlüssel" not in git(repo, "diff")

