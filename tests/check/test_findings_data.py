"""Tests as data: every finding the checks can give, produced by a file next to its exact output.

One tree, ``tests/data/findings/<family>/<case>/``, one runner (this module),
one update variable. A case folder holds either

* record files (``cases/``, ``workplaces/``, ``modules/``, ``organisation.yaml``,
  ``schema/`` …) laid over the family's base repository, checked with the real
  CLI (``site-gen check --no-cache``), and ``expected.txt``: the exact output.
  An optional file ``today`` sets the day (default: the demo day). The exit
  code follows from the last line (1 with errors, else 0); or
* ``text.txt``: one Leichte-Sprache text field, and ``expected.txt``: its
  findings, ``CODE severity message`` per line (info findings left out).
  A case named ``good-*`` must give none.

Adding a case means adding files. After a deliberate change of a message run
``UPDATE_GOLDEN=1 python -m pytest -p no:cacheprovider tests/check/test_findings_data.py``
and review the diff. :func:`test_every_finding_code_has_a_case` holds the tree
to every code the package can emit.
"""

from __future__ import annotations

import ast
import os
import re
from functools import cache
from pathlib import Path

import pytest

from site_gen.checking.rules.easy_language import check_texts
from site_gen.checking.rules.easy_language_config import load_config
from site_gen.findings import Severity

from ..conftest import DATA, REPO, TODAY, make_repo, run_cli

FINDINGS = DATA / "findings"
BASES = {"consent": DATA / "consent" / "_base"}
"""Family → base repository its cases are laid over (default: tests/data/base)."""
CASES = sorted(p for p in FINDINGS.glob("*/*") if p.is_dir())
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))


def text_findings(text: str) -> str:
    config, problems = load_config(REPO)
    assert problems == []
    found = check_texts("text.yaml", [(("text",), text)], config)
    return "".join(f"{f.code} {f.severity.value} {f.message}\n" for f in found if f.severity is not Severity.INFO)


def check_output(case: Path, tmp_path: Path) -> str:
    repo = make_repo(tmp_path / "repo", case, base=BASES.get(case.parent.name, DATA / "base"))
    today = (case / "today").read_text(encoding="utf-8").strip() if (case / "today").exists() else TODAY
    result = run_cli("--root", str(repo), "check", "--today", today, "--no-cache", timeout=120)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr == ""
    errors = not re.search(r": 0 Fehler,", result.stdout.splitlines()[-1])
    assert result.returncode == (1 if errors else 0), result.stdout
    return result.stdout


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_case_gives_exact_findings(case: Path, tmp_path: Path) -> None:
    text = case / "text.txt"
    got = text_findings(text.read_text(encoding="utf-8")) if text.exists() else check_output(case, tmp_path)
    expected = case / "expected.txt"
    if UPDATE:
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")
    if case.name.startswith("good-"):
        assert got == ""


def test_every_case_folder_is_complete() -> None:
    assert len(CASES) > 40
    for case in CASES:
        assert (case / "expected.txt").is_file(), f"{case}: expected.txt missing"
        assert any(p.name not in {"expected.txt", "today"} for p in case.rglob("*") if p.is_file()), f"{case}: no input"


CODE = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$")


@cache
def emitted_codes() -> frozenset[str]:
    """Every finding code in site_gen.

    The literal second argument of every ``Finding(...)`` call names a code and
    its family (the part before the first '-'); every string constant shaped
    like a code of such a family counts too (codes that reach ``Finding``
    through a table or a variable: the schema errors, the easy-language rules).
    """
    literal: set[str] = set()
    shaped: set[str] = set()
    for path in (REPO / "site_gen").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Finding":
                args = [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "code")]
                literal |= {a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
                shaped.add(node.value)
    families = {c.split("-")[0] for c in literal}
    return frozenset(literal | {c for c in shaped if c.split("-")[0] in families})


def produced_codes() -> set[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in FINDINGS.glob("*/*/expected.txt"))
    return {c for c in emitted_codes() if re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])", text)}


NO_CASE = {
    "SCHEMA-INVALID": "the fallback for pydantic error types that no model produces today",
    "PRIVACY-NAME-FILENAME": "no check emits it yet; site/records.py keeps such files off every page already",
    "SEALED-TAMPERED": "needs a keyring, generated at test time (never committed): tests/records/test_sealed.py",
    "SEALED-NO-ACCESS": "needs a keyring, generated at test time (never committed): tests/records/test_sealed.py",
    "SEALED-ERASED": "needs a keyring, generated at test time (never committed): tests/records/test_sealed.py",
}
"""Codes in the package that no input can produce, and why (a test keeps this list from going stale)."""


def test_every_finding_code_has_a_case() -> None:
    codes = emitted_codes()
    assert {"REF-DANGLING", "SCHEMA-MISSING", "EASY-PASSIVE", "PLACEMENT-OVERLAP", "YAML-SYNTAX"} <= codes
    assert not {"JJJJ-MM-TT", "YYYY-MM-DD"} & codes
    produced = produced_codes()
    assert sorted(codes - produced - set(NO_CASE)) == []
    assert set(NO_CASE) <= codes - produced, "an exemption is produced by a case now, or gone: remove it from NO_CASE"


RAW_KEY = re.compile(r"'([a-z][a-z_]*)'")
RAW_ON_PURPOSE = {
    "SCHEMA-UNKNOWN-KEY",  # 'Meinten Sie 'strengths'?': the key the person has to type
    "RECORD-ENTRY-LIST",  # names the YAML key of the file it points into
    "ID-MISMATCH", "PRIVACY-NAME-IN-ID",  # "Die Kennung 'id'": the label comes first
    "REF-DANGLING", "CATALOGUE-UNKNOWN",  # "'by': Fachkraft nicht gefunden": key, then the German noun
    "IFD-NOT-RECIPIENT", "CONSENT-MISSING", "WAGE-BELOW-MINIMUM",  # a value ('ifd', 'since' in a date sentence)
    "PATH-UNKNOWN", "SCHEMA-VALUE", "SUBSIDY-FACTS-OLD",  # keys of organisation.yaml and the subsidy facts ('paths', 'stand')
}
"""Codes whose text may quote a key bare (see each reason); every other message and hint names a field by its
German title first, the key in brackets (issue 25: 'subsidy', 'report_sent_on', 'group_size')."""


def _titled_keys() -> set[str]:
    import importlib
    import pkgutil

    from pydantic import BaseModel

    import site_gen.models as models
    keys: set[str] = set()
    for info in pkgutil.iter_modules(models.__path__):
        for value in vars(importlib.import_module(f"site_gen.models.{info.name}")).values():
            if isinstance(value, type) and issubclass(value, BaseModel):
                keys |= {k for k, f in value.model_fields.items() if f.title}
    return keys


def test_messages_and_hints_name_fields_by_their_german_title() -> None:
    keys, bare = _titled_keys(), []
    for expected in sorted((ROOT / "findings").rglob("expected.txt")) if (ROOT := Path(__file__).resolve().parents[1] / "data").is_dir() else []:
        code = ""
        for line in expected.read_text(encoding="utf-8").splitlines():
            if m := re.search(r":\d+:\d+: ([A-Z][A-Z0-9-]+) ", line):
                code = m.group(1)
            if code in RAW_ON_PURPOSE:
                continue
            bare += [f"{expected.parent.name} {code}: '{k}'" for k in RAW_KEY.findall(line) if k in keys]
    assert bare == [], "\n".join(bare)
