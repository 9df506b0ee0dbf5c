"""``site-gen new eintrag`` and the editor schemas of the folder layout, through the real CLI and check-jsonschema."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from ..conftest import REPO, TODAY, demo_copy, run_cli

FILLS = {
    "support_log": {"kind": "unmittelbar", "minutes": "45", "by": "emre-yildiz", "note": "Gespräch im Betrieb"},
    "stages": {"stage": "reflexion"},
    "ability_profiles": {"instrument": "melba", "assessor": "emre-yildiz", "1 bis 5": "3"},
}
"""Per list: the placeholder's text after 'AUSFÜLLEN: ' (the field title, or the rating hint) → a valid value."""


def jsonschema(schema: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    """check-jsonschema (the anchor tool) on ``files`` with ``schema``: its command (the one its console script
    and its pre-commit hook call) run in this process by click's runner, not in an interpreter of its own each
    time; ``stdout`` holds what it printed (stdout and stderr)."""
    from check_jsonschema import main

    args = ["--schemafile", str(schema), *map(str, files)]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return subprocess.CompletedProcess(["check-jsonschema", *args], result.exit_code, result.output, "")


def fill(path: Path, values: dict[str, str]) -> None:
    """Replace every placeholder of the skeleton by the value for its text (keys as in :data:`FILLS`)."""
    text = path.read_text(encoding="utf-8")
    titles = {"kind": "Leistungsart", "minutes": "Minuten", "by": "Von", "note": "Notiz", "stage": "Phase",
              "instrument": "Verfahren", "assessor": "Eingeschätzt von"}
    for key, value in values.items():
        text = text.replace(f'"AUSFÜLLEN: {titles.get(key, key)}"', value)
    path.write_text(text, encoding="utf-8")


def test_new_entry_fails_with_placeholders_until_filled_then_the_check_is_as_before(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "akten")
    before = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    made: dict[str, Path] = {}
    for list_name in FILLS:
        result = run_cli("--root", str(root), "new", "eintrag", "tn-0004", list_name, "--today", TODAY)
        assert result.returncode == 0, result.stderr
        rel = result.stdout.split("Angelegt: ")[1].split(" ")[0]
        assert re.fullmatch(rf"cases/tn-0004/{list_name}/{TODAY}-[0-9a-f]{{6}}\.yaml", rel), rel
        made[list_name] = root / rel
        text = made[list_name].read_text(encoding="utf-8")
        assert text.startswith(f"# yaml-language-server: $schema=../../../schema/entries/{list_name}.schema.json\n")
        assert (made[list_name].parent / "../../../schema/entries" / f"{list_name}.schema.json").resolve().is_file()
        schema = root / "schema" / "entries" / f"{list_name}.schema.json"
        assert jsonschema(schema, made[list_name]).returncode == 1  # the editor marks the placeholders too
    check = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    assert check.returncode == 1, check.stdout
    placeholders = re.findall(r"^cases/tn-0004/(\w+)/\S+:(\d+):\d+: PLACEHOLDER ", check.stdout, re.M)
    # every required value: 4 of the support log, 1 of a stage, 2 + one per catalogue item of an ability profile
    counts = {name: sum(1 for lst, _ in placeholders if lst == name) for name in FILLS}
    assert counts["support_log"] == 4 and counts["stages"] == 1 and counts["ability_profiles"] > 10, check.stdout
    assert "Erlaubt sind: 'unmittelbar', 'mittelbar' oder 'indirekt'." in check.stdout  # the choice's hint stays with its placeholder
    for list_name, path in made.items():
        fill(path, FILLS[list_name])
        assert jsonschema(root / "schema" / "entries" / f"{list_name}.schema.json", path).returncode == 0, path.read_text()
    after = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    assert "PLACEHOLDER" not in after.stdout and after.returncode == before.returncode, after.stdout
    assert re.sub(r"^\d+ Dateien", "", after.stdout.splitlines()[-1]) == re.sub(r"^\d+ Dateien", "", before.stdout.splitlines()[-1])
    second = run_cli("--root", str(root), "new", "eintrag", "tn-0004", "Begleitung", "--today", TODAY)  # German label; never overwrites
    assert second.returncode == 0 and len(list((root / "cases" / "tn-0004" / "support_log").glob(f"{TODAY}-*.yaml"))) == 2


def test_every_list_has_a_skeleton_that_fails_only_with_placeholders(tmp_path: Path) -> None:
    from site_gen.records.layout import appendable

    root = demo_copy(tmp_path / "akten")
    for list_name in appendable():
        result = run_cli("--root", str(root), "new", "eintrag", "tn-0004", list_name, "--today", TODAY)
        assert result.returncode == 0, result.stderr
    check = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    new = re.findall(rf"^cases/tn-0004/(\w+)/{TODAY}-[0-9a-f]{{6}}\.yaml:\d+:\d+: (\S+) ", check.stdout, re.M)
    assert {code for _, code in new} == {"PLACEHOLDER"}, check.stdout  # no type, format or unknown-key error: the skeleton fits its model
    assert {name for name, _ in new} == set(appendable())


def test_a_log_entry_validates_against_its_entry_schema(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "akten")
    result = run_cli("--root", str(root), "log", "tn-0004", "--kind", "mittelbar", "--minutes", "30", "--by", "emre-yildiz",
                     "--note", "Telefonat mit dem Betrieb", "--employer", "--today", TODAY)
    assert result.returncode == 0, result.stderr
    written = root / result.stdout.split("Eingetragen: ")[1].split(" ")[0]
    assert jsonschema(root / "schema" / "entries" / "support_log.schema.json", written).returncode == 0


@pytest.mark.parametrize(("args", "expected"), [
    (("tn-0999", "stages"), "Die Akte tn-0999 gibt es nicht"),
    (("tn-0001", "stages"), "site-gen migrate"),  # the case still one file (made so below)
    (("tn-0001", "tagebuch"), "Die Liste 'tagebuch' gibt es in einer Akte nicht."),
    (("tn-0001",), "die Akte und die Liste angeben"),
    (("../x", "stages"), "keine gültige Kennung"),
])
def test_new_entry_errors_are_german_without_traceback(base_repo: Path, args: tuple[str, ...], expected: str) -> None:
    if expected == "site-gen migrate":
        shutil.rmtree(base_repo / "cases" / "tn-0001")
        (base_repo / "cases" / "tn-0001.yaml").write_text("id: tn-0001\n", encoding="utf-8")
    before = sorted(base_repo.rglob("*"))
    result = run_cli("--root", str(base_repo), "new", "eintrag", *args, "--today", TODAY)
    assert result.returncode == 1 and expected in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert "Hinweis: " in result.stderr
    if "tagebuch" in args:
        assert "stages (Phasen)" in result.stderr and "support_log (Begleitung)" in result.stderr
    assert sorted(base_repo.rglob("*")) == before  # nothing written


def test_new_case_takes_no_further_arguments(base_repo: Path) -> None:
    result = run_cli("--root", str(base_repo), "new", "case", "tn-0004", "--today", TODAY)
    assert result.returncode == 1 and "nimmt keine weiteren Angaben" in result.stderr


def _pattern(glob: str) -> re.Pattern[str]:
    """The YAML language server's match: ``**/`` in front, ``*`` within one path segment."""
    return re.compile("(?:.*/)?" + re.escape(glob).replace(r"\*", "[^/]*") + "$")


def test_init_maps_every_record_file_to_exactly_one_schema_that_validates_the_demo(tmp_path: Path) -> None:
    new = tmp_path / "neu"
    assert run_cli("init", str(new)).returncode == 0
    mapping: dict[str, list[str]] = json.loads((new / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    assert all((new / schema).is_file() for schema in mapping), "every mapped schema is written by init"
    files = [p for name in ("cases", "workplaces", "modules") for p in (REPO / name).rglob("*.yaml")] + [REPO / "organisation.yaml"]
    by_schema: dict[str, list[Path]] = {}
    for path in files:
        rel = path.relative_to(REPO).as_posix()
        hits = [schema for schema, globs in mapping.items() if any(_pattern(g).match(rel) for g in globs)]
        assert len(hits) == 1, (rel, hits)
        by_schema.setdefault(hits[0], []).append(path)
    assert len(by_schema) >= 10  # case.yaml, many entry lists, workplaces, modules, organisation
    for schema, paths in by_schema.items():
        if schema.endswith("organisation.schema.json"):
            continue  # check-jsonschema refuses that schema's URL pattern as an ECMA regex (a finding of its own, not the mapping's)
        result = jsonschema(REPO / schema, *paths)  # the repository's schemas (with its ids)
        assert result.returncode == 0, (schema, result.stdout[-2000:])


def test_case_yaml_of_a_folder_fails_the_composed_schema_and_passes_its_own() -> None:
    main = REPO / "cases" / "tn-0004" / "case.yaml"
    old = jsonschema(REPO / "schema" / "case.schema.json", main)
    assert old.returncode == 1 and "'stages' is a required property" in old.stdout
    assert jsonschema(REPO / "schema" / "case-folder.schema.json", main).returncode == 0


def test_schema_check_covers_the_entry_schemas(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "akten")
    (root / "schema" / "entries" / "stages.schema.json").unlink()
    result = run_cli("--root", str(root), "schema", "--check")
    assert result.returncode == 1 and "entries/stages.schema.json" in result.stdout
    assert run_cli("--root", str(root), "schema").returncode == 0
    path = root / "schema" / "entries" / "goals.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"x-site-gen-version": "', '"x-site-gen-version": "0.0.'), encoding="utf-8")
    check = run_cli("--root", str(root), "check", "--today", TODAY)
    assert "schema/entries/goals.schema.json:1:1: SCHEMA-OUTDATED" in check.stdout, check.stdout


def test_migrate_points_an_older_skeleton_modeline_at_the_folder_schema(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "akten")
    main = root / "cases" / "tn-0004" / "case.yaml"
    main.write_text("# yaml-language-server: $schema=../../schema/case.schema.json\n" + main.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli("--root", str(root), "migrate", "--check").returncode == 1  # CI notices the leftover
    assert run_cli("--root", str(root), "migrate").returncode == 0  # no Git repository: the file is only rewritten
    assert main.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schema/case-folder.schema.json\n# Akte")
    assert run_cli("--root", str(root), "migrate", "--check").returncode == 0
