"""No record value in any message or hint: ids too (an id may hold a name, and check output lands in CI logs).

The marker cases of tests/consent/test_logs_private.py fill every free-text
field; here the ids get one: the case's own id (not its file or folder name),
consent ids and mentor ids, each repeated so the duplicate rules fire, in both
layouts. The check (every format, full and hook) must name the rules, never the values.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import pytest

from site_gen.commands.check import check

from ..conftest import DATA, TODAY, make_repo

MARKER = "qqmarker"
CASE = DATA / "findings" / "records" / "case-folder-strays" / "cases" / "tn-0098" / "case.yaml"
CONSENT = """id: {id}
purpose: gesundheitsdaten
data:
  - Unterstützungsbedarf
given_by: person
given_on: 2025-11-1{n}
document: Papierakte, Blatt 1
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = make_repo(tmp_path_factory.mktemp("ids") / "akten")
    folder = root / "cases" / "tn-0081"
    (folder / "consents").mkdir(parents=True)
    (folder / "case.yaml").write_text(CASE.read_text(encoding="utf-8").replace("id: tn-0098", f"id: tn-{MARKER}-a", 1), encoding="utf-8")
    for n in (1, 2):
        (folder / "consents" / f"2025-11-1{n}-ew-{n}-aaaaa{n}.yaml").write_text(CONSENT.format(id=f"ew-{MARKER}", n=n), encoding="utf-8")
    single = CASE.read_text(encoding="utf-8").replace("id: tn-0098", f"id: tn-{MARKER}-b", 1)
    single += "consents:\n" + "".join("  - " + CONSENT.format(id=f"ew-{MARKER}", n=n).replace("\n", "\n    ").rstrip() + "\n" for n in (1, 2))
    (root / "cases" / "tn-0082").mkdir()
    (root / "cases" / "tn-0082" / "case.yaml").write_text(single, encoding="utf-8")  # entries in case.yaml itself
    workplace = (root / "workplaces" / "ap-0001" / "workplace.yaml").read_text(encoding="utf-8")
    mentors = f"mentors:\n  - id: m-{MARKER}\n    name: Eine Probe\n    trained: false\n  - id: m-{MARKER}\n    name: Zwei Probe\n    trained: false\n"
    workplace = re.sub(r"(?m)^mentors:\n(?:  .*\n)+", mentors, workplace) if "mentors:" in workplace else workplace + mentors
    (root / "workplaces" / "ap-0001" / "workplace.yaml").write_text(workplace, encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["text", "github", "gitlab", "json"])
def test_ids_never_appear_in_check_output(repo: Path, fmt: str) -> None:
    out = io.StringIO()
    code = check(repo, dt.date.fromisoformat(TODAY), fmt=fmt, use_cache=False, out=out)
    text = out.getvalue()
    assert code == 1
    for rule in ("ID-MISMATCH", "ID-DUPLICATE"):
        assert rule in text
    assert MARKER not in text
    assert text.count("ID-DUPLICATE") >= 6  # each repeated entry: two consent files, two consents in the file, two mentors


def test_the_duplicate_consent_id_is_found_at_the_entry_files(repo: Path) -> None:
    out = io.StringIO()
    check(repo, dt.date.fromisoformat(TODAY), use_cache=False, out=out)
    lines = [line for line in out.getvalue().splitlines() if "ID-DUPLICATE" in line and "tn-0081" in line]
    assert [line.split(":")[0] for line in lines] == [f"cases/tn-0081/consents/2025-11-1{n}-ew-{n}-aaaaa{n}.yaml" for n in (1, 2)]
    shutil.rmtree(repo / ".site-gen-cache", ignore_errors=True)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_ids_never_appear_in_the_hooks_output(repo: Path, tmp_path: Path, fmt: str) -> None:
    """The same records staged for a first commit (``check --staged``) and named as files (``check FILES``)."""
    from ..layout.helpers import git

    root = tmp_path / "akten"
    shutil.copytree(repo, root, ignore=shutil.ignore_patterns(".site-gen-cache"))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    files = [str(p) for p in sorted((root / "cases").rglob("*.yaml")) if "tn-008" in str(p)]
    for how in ({"staged": True}, {"only": files}):
        for _ in range(2):  # cold, then warm
            out = io.StringIO()
            code = check(root, dt.date.fromisoformat(TODAY), fmt=fmt, out=out, **how)
            text = out.getvalue()
            assert code == 1 and "ID-DUPLICATE" in text and "ID-MISMATCH" in text, (how, text)
            assert MARKER not in text, how
