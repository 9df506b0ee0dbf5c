"""Configuration: defaults from the package, extension by the repository, no silent weakening,
one clear error for a broken organisation.yaml, German usage errors, the guide on the site."""

from __future__ import annotations

from pathlib import Path

from ..conftest import REPO, TODAY, make_repo, run_cli, run_entry_point


def check(repo: Path, *extra: str) -> tuple[int, str]:
    result = run_cli("--root", str(repo), "check", "--today", TODAY, "--no-cache", *extra)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout


def bare_repo(path: Path) -> Path:
    """The base fixture without any catalogue files: only the package's defaults apply."""
    repo = make_repo(path)
    for name in ("profile-catalogue.yaml", "consent-purposes.yaml", "easy-language.yaml"):
        (repo / "schema" / name).unlink(missing_ok=True)
    return repo


def test_without_catalogue_files_the_rules_still_hold(tmp_path: Path) -> None:
    repo = bare_repo(tmp_path / "repo")
    case = repo / "cases" / "tn-0001" / "case.yaml"
    text = case.read_text(encoding="utf-8")
    consent = ("consents:\n  - id: ew-1\n    purpose: {}\n    given_by: person\n    given_on: 2026-01-05\n"
               "    document: Papierakte, Register Einwilligungen, Blatt 1\n")
    case.write_text(text + consent.format("fotos"), encoding="utf-8")
    code, out = check(repo)
    assert code == 0, out
    case.write_text(text + consent.format("quatsch"), encoding="utf-8")
    code, out = check(repo)
    assert code == 1 and "REF-DANGLING 'consents[0].purpose': Zweck nicht gefunden." in out


def test_repository_catalogue_extends_but_cannot_weaken(tmp_path: Path) -> None:
    repo = bare_repo(tmp_path / "repo")
    (repo / "schema" / "consent-purposes.yaml").write_text(
        "purposes:\n"
        "  - id: fotos-intern\n    label: Fotos für die Pinnwand\n    description: Fotos im Haus.\n"
        "  - id: profil-an-arbeitgeber\n    label: Profil an Betriebe\n    description: Ohne Empfänger.\n    needs_recipients: false\n",
        encoding="utf-8")
    code, out = check(repo)
    assert code == 1
    assert "schema/consent-purposes.yaml:5:5: CONFIG-WEAKER 'purposes[1].needs_recipients'" in out or \
        "schema/consent-purposes.yaml:8:5: CONFIG-WEAKER 'purposes[1].needs_recipients'" in out, out
    assert out.count("CONFIG-WEAKER") == 1


def test_broken_organisation_gives_one_error_not_a_cascade(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    org = repo / "organisation.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("staff:", "staf:", 1), encoding="utf-8")
    code, out = check(repo)
    assert code == 1
    assert "REF-DANGLING" not in out and all(line.startswith(("organisation.yaml:", "    Hinweis")) for line in out.splitlines()[:-1]), out
    org.unlink()
    code, out = check(repo)
    assert code == 1 and out.count("Fehler") >= 1 and "ORG-MISSING" in out and "REF-DANGLING" not in out


def test_only_web_addresses_in_configuration(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    org = repo / "organisation.yaml"
    org.write_text(org.read_text(encoding="utf-8") + "public_base_url: javascript:alert(1)\n", encoding="utf-8")
    code, out = check(repo)
    assert code == 1 and "SCHEMA-FORMAT Feld 'public_base_url (Adresse der Jobbörse)': falsches Format." in out
    assert "javascript" not in out  # never echo the value


def test_usage_errors_are_german(tmp_path: Path) -> None:
    """Through the real console script: what a shell sees (exit 2, German usage, German --help)."""
    missing = run_entry_point("--root", str(tmp_path), "briefing")
    assert missing.returncode == 2 and "diese Angaben fehlen: AKTE, ARBEITSPLATZ" in missing.stderr
    wrong = run_entry_point("--root", str(tmp_path), "new", "quatsch")
    assert wrong.returncode == 2 and "ungültige Auswahl: 'quatsch'" in wrong.stderr
    for text in (missing.stderr, wrong.stderr, run_entry_point("check", "--help").stdout):
        for english in ("the following arguments", "invalid choice", "usage:", "show this help", "error:"):
            assert english not in text, text


def test_the_guide_is_the_help_page_and_on_the_site() -> None:
    guide = (REPO / "docs" / "einrichtung.md").read_text(encoding="utf-8")
    assert guide == (REPO / "site_gen" / "help" / "einrichtung.md").read_text(encoding="utf-8")
    from site_gen.site.mkdocs import NAV

    assert {"Einrichtung": "hilfe/einrichtung.md"} in next(item["Hilfe"] for item in NAV if "Hilfe" in item)
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "](../" not in readme and "`../" not in readme


def test_the_guide_installs_this_version_and_its_table_names_real_codes() -> None:
    import re

    from site_gen import __version__

    guide = (REPO / "docs" / "einrichtung.md").read_text(encoding="utf-8")
    assert f'python -m pip install "site-gen=={__version__}" pre-commit' in guide and "--tool-repo" not in guide
    table = guide.split("## Wenn etwas nicht klappt")[1]
    source = "".join(p.read_text(encoding="utf-8") for p in [*(REPO / "site_gen").rglob("*.py"), *(REPO / "site_gen" / "templates" / "init").glob("*.yml")])
    codes = set(re.findall(r"`([A-Z]+(?:-[A-Z]+)+)", table))
    assert {"VERSION-MAJOR", "VERSION-PIN-INVALID", "DOCUMENT-IN-GIT", "CONSENT-MISSING", "RECORD-STRAY", "RECORD-FOLDER-STRAY"} <= codes
    assert all(code in source for code in codes), codes
    quoted = set(re.findall(r"^\| „([^“]+)“", table, re.M))  # German messages a person meets, as site-gen prints them
    assert {"Für PDF-Dateien fehlt Playwright", "Für das PDF wurde kein Chromium-Browser gefunden", "Aufruf fehlerhaft"} <= quoted
    assert all(message in source for message in quoted), quoted


def test_programmes_catalogue_extends_and_relabels(tmp_path: Path) -> None:
    """Issue 29: without schema/programmes.yaml every shipped programme, instrument and measure holds; the file adds
    own entries and gives a shipped id its own label; a broken file is named at its line, the shipped ids stay valid."""
    from site_gen.records.config import default_programmes, load_programmes

    repo = bare_repo(tmp_path / "repo")
    assert check(repo)[0] == 0  # mod-001 (jobvision) with the shipped catalogue only
    shipped = default_programmes()
    assert {"jobvision", "chance-24", "zertifizierte-qualifizierung", "kukuk", "talente", "mentorenschulung"} == set(shipped.labels("programmes"))
    assert {"hamet-2", "hamet-e", "melba", "imba", "eigener-bogen", "selbsteinschaetzung"} == set(shipped.labels("instruments"))
    assert shipped.measure("budget-fuer-arbeit") == "Budget für Arbeit" and not shipped.for_participants("mentorenschulung")
    (repo / "schema" / "programmes.yaml").write_text(
        "programmes:\n  - id: jobvision\n    label: JobVision Nord\n  - id: jobvento\n    label: JobVento\n"
        "instruments:\n  - id: pep-bogen\n    label: PEP-Bogen\n", encoding="utf-8")
    findings: list = []
    own = load_programmes(repo, findings)
    assert findings == [] and own.programme("jobvision") == "JobVision Nord" and own.programme("jobvento") == "JobVento"
    assert own.instrument("pep-bogen") == "PEP-Bogen" and set(shipped.labels("instruments")) < set(own.labels("instruments"))
    assert own.measure("arbeitsbereich") == "Arbeitsbereich"  # a section the file leaves out keeps the shipped entries
    module = repo / "modules" / "mod-001.yaml"
    module.write_text(module.read_text(encoding="utf-8").replace("programme: jobvision", "programme: jobvento"), encoding="utf-8")
    assert check(repo)[0] == 0
    (repo / "schema" / "programmes.yaml").write_text("programmes:\n  - id: Job Vento\n    label: JobVento\n", encoding="utf-8")
    code, out = check(repo)
    assert code == 1 and "schema/programmes.yaml:2:5: SCHEMA-" in out, out
    assert "modules/mod-001.yaml:2:1: CATALOGUE-UNKNOWN 'programme'" in out and "schema/programmes.yaml unter 'programmes'" in out, out
