"""The editor configuration is generated from the models: no drift, every field editable, right widgets."""

from __future__ import annotations

import copy
import functools
import json
import shutil
import subprocess
import typing
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel
from yaml import safe_load

from site_gen.cms.collections import FILES, FOLDERS
from site_gen.cms.config import cms_config, config_text
from site_gen.cms.entries import ENTRY_LISTS, entry_model
from site_gen.commands.cms import CONFIG_FILE, current_text
from site_gen.labels import LABELS
from site_gen.models import RECORD_KINDS
from site_gen.models.case import Case, LogEntry, Placement
from site_gen.models.common import purpose_of
from site_gen.records.cache import read_cache, write_cache
from site_gen.records.dataset import TEAM_FOLDER, load_dataset
from site_gen.records.layout import WHO, appendable, date_field
from site_gen.site.admin import PACKAGE_ROOT, STATIC, cached_config_text

from ..conftest import REPO, run_cli


@functools.cache
def _demo_config() -> dict[str, Any]:
    ds = load_dataset(REPO, only=[])
    return safe_load(config_text(cms_config(ds.organisation, ds.catalogue, ds.purposes_catalogue, programmes=ds.programmes)))


def config() -> dict[str, Any]:
    """The configuration for the demo (cases and workplaces are folders: the forms hold the stable data, every list has a collection).

    Built and parsed once per process (0.8 s each, asked for some 40 times; no test writes the demo); each
    caller gets its own copy."""
    return copy.deepcopy(_demo_config())


def collection(name: str) -> dict[str, Any]:
    return next(c for c in config()["collections"] if c["name"] == name)


def by_name(fields: list[dict[str, Any]], name: str) -> dict[str, Any]:
    return next(f for f in fields if f["name"] == name)


def test_committed_config_matches_models() -> None:
    assert (REPO / CONFIG_FILE).read_text(encoding="utf-8") == current_text(REPO), "admin/config.yml veraltet: site-gen cms"


def test_cms_check_detects_drift(tmp_path: Path) -> None:
    for name in ("organisation.yaml", "schema"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, tmp_path / name)
    assert run_cli("--root", str(tmp_path), "cms", "--check").returncode == 1
    assert run_cli("--root", str(tmp_path), "cms").returncode == 0
    assert run_cli("--root", str(tmp_path), "cms", "--check").returncode == 0
    (tmp_path / CONFIG_FILE).write_text((tmp_path / CONFIG_FILE).read_text().replace("Nachname", "Name"))
    result = run_cli("--root", str(tmp_path), "cms", "--check")
    assert result.returncode == 1 and "Veraltet" in result.stdout


def _nested(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        if (inner := _nested(arg)) is not None:
            return inner
    return None


def _walk(model: type[BaseModel], fields: list[dict[str, Any]], path: str, seen: list[str], skip: tuple[str, ...] = ()) -> None:
    """``skip``: the lists of a record folder (entry files, each with a collection of its own); form-only fields start with '_'."""
    names = [n for n in model.model_fields if n not in skip]
    fields = [f for f in fields if not f["name"].startswith("_")]
    assert [f["name"] for f in fields] == names, f"{path}: Reihenfolge oder Felder weichen ab"
    for name, info in ((n, model.model_fields[n]) for n in names):
        f = by_name(fields, name)
        where = f"{path}.{name}"
        seen.append(where)
        assert f.get("widget"), where
        assert f["label"] == info.title, where
        assert info.description and info.description in f.get("hint", ""), where
        if (purpose := purpose_of(info)) is not None:
            assert f"Zweck '{purpose}'" in f["hint"], where
        if (nested := _nested(info.annotation)) is not None and f["widget"] in ("object", "list"):
            _walk(nested, f["fields"], where, seen)


def test_every_model_field_is_editable_with_german_label_and_hint() -> None:
    seen: list[str] = []
    for c in FOLDERS:
        _walk(c.model, collection(c.name)["fields"], c.folder, seen, appendable(c.folder) if c.folder in ("cases", "workplaces") else ())
    for e in ENTRY_LISTS:
        _walk(entry_model(e.list), collection(e.name)["fields"], f"{e.kind}.{e.list}", seen)
    files = next(c for c in config()["collections"] if "files" in c)["files"]
    for f in FILES:
        _walk(f.model, next(x for x in files if x["file"] == f.file)["fields"], f.file, seen)
    assert "cases.support_log.note" in seen and "workplaces.posting.title" in seen and "modules.easy.text" in seen
    assert len(seen) > 150


def test_collection_paths_come_from_the_record_table() -> None:
    folders = {c["folder"] for c in config()["collections"] if "folder" in c}
    assert folders == set(RECORD_KINDS) | {TEAM_FOLDER}  # team time (issue 29): organisation level, not a record kind
    for c in (c for c in config()["collections"] if c.get("folder") in RECORD_KINDS and "filter" not in c):
        assert c["identifier_field"] == "id" and c["slug"] == "{{id}}" and c["extension"] == "yaml"
        assert "title" not in [f["name"] for f in c["fields"]][:1]  # the file name is the id, never a title


def test_widgets_follow_the_types() -> None:
    cases = collection("akten")["fields"]
    lists = entry_collections()
    log = lists["support_log"]
    kind = by_name(log["fields"], "kind")
    assert kind["widget"] == "select" and {"label": "unmittelbar", "value": "unmittelbar"} in kind["options"]
    minutes = by_name(log["fields"], "minutes")
    assert (minutes["widget"], minutes["value_type"], minutes["min"], minutes["max"]) == ("number", "int", 1, 600)
    date = by_name(log["fields"], "date")
    assert (date["widget"], date["format"], date["date_format"], date["time_format"]) == ("datetime", "YYYY-MM-DD", "YYYY-MM-DD", False)
    assert by_name(log["fields"], "by")["widget"] == "relation" and by_name(log["fields"], "by")["value_field"] == "staff.*.id"
    placements = lists["placements"]["fields"]
    assert by_name(placements, "workplace")["collection"] == "arbeitsplaetze"
    hours = by_name(placements, "hours_per_day")
    assert (hours["value_type"], hours["max"]) == ("float", 10)
    assert by_name(placements, "contract_signed")["widget"] == "boolean"
    assert by_name(placements, "end")["required"] is False
    stage = by_name(lists["stages"]["fields"], "stage")
    assert {"label": "Beschäftigungserprobung", "value": "erprobung"} in stage["options"]
    consent = lists["consents"]["fields"]
    assert by_name(consent, "purpose")["file"] == "einwilligungszwecke"
    ratings = by_name(lists["ability_profiles"]["fields"], "ratings")
    assert by_name(ratings["fields"], "arbeitsauftrag")["label"] == "Einen Arbeitsauftrag umsetzen"
    assert by_name(ratings["fields"], "hygiene")["max"] == 5  # the organisation's own profile items too
    support = by_name(cases, "support_needs")
    assert "gesundheitsdaten" in support["hint"] and "Gesundheits- und Behinderungsdaten erfassen" in support["hint"]
    assert Placement.model_fields["hours_per_day"].title == hours["label"] and LogEntry and Case


def test_every_enum_value_has_a_german_label_in_the_selects() -> None:
    def selects(fields: list[dict[str, Any]]) -> typing.Iterator[dict[str, Any]]:
        for f in fields:
            if f["widget"] == "select":
                yield f
            yield from selects(f.get("fields", []))
    found = [s for c in config()["collections"] for part in c.get("files", [c]) for s in selects(part["fields"])]
    assert len(found) > 20
    for s in found:
        assert all(o["label"] for o in s["options"]), s["name"]
    # Issue 25: the team reads 'Einzelhandel', not the Leichte-Sprache 'Einzel·handel' of the job board
    dotted = [o["label"] for s in found for o in s["options"] if "·" in o["label"]]
    assert dotted == [] and [text for text in LABELS.values() if "·" in text] == []


def test_no_date_field_shows_utc() -> None:
    # Issue 25: Decap wrote "UTC" beside a date-only field when picker_utc was set; a date has no time of day.
    def dates(fields: list[dict[str, Any]]) -> typing.Iterator[dict[str, Any]]:
        for f in fields:
            if f["widget"] == "datetime":
                yield f
            yield from dates(f.get("fields", []))
    found = [d for c in config()["collections"] for part in c.get("files", [c]) for d in dates(part["fields"])]
    assert len(found) > 20
    assert [d["name"] for d in found if d.get("picker_utc") or d.get("time_format") is not False] == []


def test_backends_come_from_organisation(tmp_path: Path) -> None:
    ds = load_dataset(REPO, only=[])
    from site_gen.models.organisation import Editor, EditorBackend

    assert cms_config(ds.organisation, ds.catalogue, ds.purposes_catalogue)["backend"]["name"] == "proxy"
    gitlab = Editor(backend=EditorBackend.GITLAB, repo="team/akten", base_url="https://git.example.org", app_id="abc")
    cfg = cms_config(ds.organisation, ds.catalogue, ds.purposes_catalogue, gitlab)
    assert cfg["backend"] == {"name": "gitlab", "repo": "team/akten", "branch": "main", "base_url": "https://git.example.org",
                              "api_root": "https://git.example.org/api/v4", "app_id": "abc", "auth_type": "pkce",
                              "squash_merges": True}
    assert cfg["publish_mode"] == "editorial_workflow"
    gitea = Editor(backend=EditorBackend.GITEA, repo="team/akten", base_url="https://forgejo.example.org")
    assert cms_config(ds.organisation, ds.catalogue, ds.purposes_catalogue, gitea)["backend"]["api_root"].endswith("/api/v1")
    assert isinstance(EditorBackend.LOCAL, Enum)


def test_case_folders_show_only_the_stable_data_in_the_form() -> None:
    """The demo's cases are folders: Decap lists cases/<id>/case.yaml (path depth 2), not the entry files."""
    committed = safe_load((REPO / CONFIG_FILE).read_text(encoding="utf-8"))
    cases = next(c for c in committed["collections"] if c["name"] == "akten")
    assert cases["path"] == "{{id}}/case" and cases["folder"] == "cases" and "site-gen log" in cases["description"]
    names = [f["name"] for f in cases["fields"]]
    assert not set(names) & set(appendable()) and {"id", "first_name", "coaches", "wishes", "opened"} <= set(names)
    assert committed == config()


def test_case_folders_get_a_collection_for_new_support_log_entries() -> None:
    """New support-log entries become cases/<case>/support_log/<date>-<by>-<mark>.yaml; the form-only fields start with '_'."""
    entries = next(c for c in config()["collections"] if c["name"] == "begleitung")
    assert entries["folder"] == "cases" and entries["path"] == "{{_akte}}/support_log/{{slug}}"
    assert entries["slug"] == "{{date}}-{{by}}-{{_kurz}}" and entries["filter"] == {"field": "_liste", "value": "support_log"}
    names = [f["name"] for f in entries["fields"]]
    assert names == ["_akte", *LogEntry.model_fields, "_kurz", "_liste"]  # the model forbids other keys: '_' fields are never written
    assert [f["widget"] for f in entries["fields"][-2:]] == ["hidden", "hidden"] and entries["fields"][-1]["default"] == "support_log"
    assert entries["fields"][0]["widget"] == "relation" and entries["fields"][0]["collection"] == "akten"


def entry_collections() -> dict[str, dict[str, Any]]:
    """The entry collections of the folder layout by the list they show."""
    return {c["filter"]["value"]: c for c in config()["collections"] if c.get("filter", {}).get("field") == "_liste"}


def test_every_appendable_list_has_its_entry_collection() -> None:
    """Each list of a case folder: a collection writing cases/<case>/<list>/<date>-<who>-<mark>.yaml, showing that list only."""
    found = entry_collections()
    assert list(found) == [e.list for e in ENTRY_LISTS] and set(found) == set(appendable()) | set(appendable("workplaces"))
    for name, c in found.items():
        model = entry_model(name)
        kind, owner = ("workplaces", "_arbeitsplatz") if name in appendable("workplaces") else ("cases", "_akte")
        assert c["folder"] == kind and c["path"] == "{{" + owner + "}}/" + name + "/{{slug}}", name
        assert c["filter"] == {"field": "_liste", "value": name} and c["create"] is True and c["delete"] is False
        assert [f["name"] for f in c["fields"]] == [owner, *model.model_fields, "_kurz", "_liste"], name
        _walk(model, c["fields"][1:-2], name, [])  # German label and hint on every field, in model order
        assert c["label"] == next(e.label for e in ENTRY_LISTS if e.list == name) and c["label_singular"]
        assert c["identifier_field"] in model.model_fields and c["summary"].startswith("{{" + c["identifier_field"] + "}} – {{dirname}}")
        day, who = date_field(name), WHO.get(name)
        assert c["slug"] == "-".join(p for p in ("{{%s}}" % day if day else "ohne-datum", "{{%s}}" % who if who else "", "{{_kurz}}") if p)
    assert len({c["name"] for c in found.values()}) == len(found)
    consents = found["consents"]
    assert consents["label"] == "Einwilligungen" and consents["slug"] == "{{given_on}}-{{id}}-{{_kurz}}"
    withdrawn = by_name(consents["fields"], "withdrawn_on")
    assert withdrawn["label"] == "Widerrufen am" and withdrawn["widget"] == "datetime" and withdrawn["required"] is False
    assert by_name(consents["fields"], "purpose")["file"] == "einwilligungszwecke"
    assert found["disclosures"]["slug"] == "ohne-datum-{{workplace}}-{{_kurz}}" and found["goals"]["slug"] == "{{agreed_on}}-{{_kurz}}"


def test_no_two_entry_models_can_share_a_key_set() -> None:
    """The list mark is sound: a key set holding every required field of two lists and only fields of both does not exist."""
    shapes = {name: (set(entry_model(name).model_fields), {k for k, i in entry_model(name).model_fields.items() if i.is_required()})
              for name in appendable()}
    clashes = [(a, b) for a in shapes for b in shapes
               if a < b and shapes[a][1] | shapes[b][1] <= shapes[a][0] & shapes[b][0]]
    assert clashes == []


MARK_SCRIPT = """
import { readFileSync } from "node:fs";
import { parse } from "%(yaml)s";
import { mark, shapesOf, fitting } from "./lists.mjs";
const shapes = shapesOf(parse(readFileSync("config.yml", "utf8")).collections);
const out = {};
for (const path of JSON.parse(readFileSync("files.json", "utf8"))) {
  const data = parse(readFileSync(path, "utf8")) || {};
  out[path] = [mark(shapes, data)._liste ?? null, fitting(shapes, data).length];
}
console.log(JSON.stringify(out));
"""


def test_the_format_marks_every_demo_entry_with_its_own_list_only(tmp_path: Path) -> None:
    """The format's own marking (site-gen-lists.js, run by node) over the demo: each entry file fits its list and no other;
    case.yaml, workplaces and modules fit none."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node fehlt")
    shutil.copy(STATIC / "site-gen-lists.js", tmp_path / "lists.mjs")
    (tmp_path / "config.yml").write_text(json.dumps(config()), encoding="utf-8")  # the demo's configuration (JSON is YAML)
    files = sorted(str(p) for p in REPO.glob("cases/*/*/*.yaml")) + sorted(str(p) for p in REPO.glob("cases/*/case.yaml"))
    files += sorted(str(p) for p in [*REPO.glob("workplaces/*.yaml"), *REPO.glob("modules/*.yaml")])
    (tmp_path / "files.json").write_text(json.dumps(files), encoding="utf-8")
    yaml_lib = (PACKAGE_ROOT / "node_modules" / "yaml" / "dist" / "index.js").as_uri()
    (tmp_path / "run.mjs").write_text(MARK_SCRIPT % {"yaml": yaml_lib}, encoding="utf-8")
    result = subprocess.run([node, "run.mjs"], cwd=tmp_path, capture_output=True, text=True, check=True)
    marks = json.loads(result.stdout)
    entries = [f for f in files if f.count("/") > str(REPO / "cases").count("/") + 2]
    assert len(entries) > 500 and {Path(f).parent.name for f in entries} == set(appendable())
    for f in entries:
        assert marks[f] == [Path(f).parent.name, 1], (f, marks[f])
    for f in files:
        if f not in entries:
            assert marks[f] == [None, 0], (f, marks[f])


def test_the_build_takes_the_configuration_text_from_the_cache_while_the_configuration_is_the_same(tmp_path: Path) -> None:
    """The cache, not the configuration, is the point: two small configurations (the demo's first two collections;
    the whole one takes a second to write, and six times here)."""
    demo = config()
    one, other = ({**demo, "collections": [c]} for c in demo["collections"][:2])
    text_one, text_other = config_text(one), config_text(other)
    assert cached_config_text(one, tmp_path) == text_one  # first time: written and stored
    stored = tmp_path / ".site-gen-cache" / "cms-config.json"
    entry = json.loads(read_cache(tmp_path, "cms-config.json") or b"null")
    write_cache(tmp_path, "cms-config.json", json.dumps({**entry, "text": "# aus dem Zwischenspeicher\n"}).encode())
    assert cached_config_text(one, tmp_path) == "# aus dem Zwischenspeicher\n"  # same configuration: not written again
    head, _, _ = stored.read_bytes().partition(b"\n")
    stored.write_bytes(head + b"\n" + json.dumps({**entry, "text": "# untergeschoben\n"}).encode())  # forged: the MAC does not fit
    assert cached_config_text(one, tmp_path) == text_one  # a forged entry is never published
    assert cached_config_text(other, tmp_path) == text_other  # another configuration: written anew
    stored.write_text("kaputt", encoding="utf-8")
    assert cached_config_text(one, tmp_path) == text_one  # a broken cache is ignored


def test_open_catalogues_are_selects_with_the_repository_entries() -> None:
    """Issue 29: programmes, instruments and measures are selects over the shipped catalogue plus schema/programmes.yaml;
    a module's locations over organisation.yaml; the catalogue file itself is a form under the settings."""
    modules = collection("module")["fields"]
    programme = by_name(modules, "programme")
    assert programme["widget"] == "select" and {"label": "JobVision", "value": "jobvision"} in programme["options"]
    assert {"label": "Praxistage im Betrieb", "value": "praxistage"} in programme["options"]  # the demo's own
    locations = by_name(modules, "locations")
    assert locations["multiple"] is True and {"label": "Standort Kranhafen", "value": "kranhafen"} in locations["options"]
    lists = entry_collections()
    instrument = by_name(lists["ability_profiles"]["fields"], "instrument")
    values = [o["value"] for o in instrument["options"]]
    assert values[:6] == ["hamet-2", "hamet-e", "melba", "imba", "eigener-bogen", "selbsteinschaetzung"] and "lindenfelder-bogen" in values
    measure = by_name(lists["cost_approvals"]["fields"], "measure")
    assert {"label": "Budget für Arbeit", "value": "budget-fuer-arbeit"} in measure["options"]
    files = next(c for c in config()["collections"] if "files" in c)["files"]
    assert next(f for f in files if f["file"] == "schema/programmes.yaml")["label"] == "Programme, Verfahren und Maßnahmen"


def test_team_time_has_a_collection_writing_one_file_per_entry() -> None:
    """Issue 29: team time is a folder collection over team/, named as 'site-gen log --team' names the files."""
    from site_gen.models.team import TeamTime

    team = collection("teamzeit")
    assert team["folder"] == TEAM_FOLDER and team["create"] is True and team["delete"] is False
    assert team["slug"] == "{{date}}-{{by}}-{{_kurz}}" and "path" not in team and "filter" not in team
    assert [f["name"] for f in team["fields"]] == [*TeamTime.model_fields, "_kurz"] and team["fields"][-1]["widget"] == "hidden"
    _walk(TeamTime, team["fields"][:-1], "team", [])
    by = by_name(team["fields"], "by")
    assert by["widget"] == "relation" and by["value_field"] == "staff.*.id"
    assert by_name(team["fields"], "activity")["widget"] == "select"
    assert collection("teamzeit") == next(c for c in config()["collections"] if c["name"] == "teamzeit")
