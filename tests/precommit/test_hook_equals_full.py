"""One verdict: for every tests-as-data case, the hook refuses exactly what the full check refuses.

Each case of ``tests/data/findings`` (records and consent families) is laid
over its base in a real temporary Git repository (base committed, the case's
files staged), and judged

* by the full check without cache in a plain copy (the case's ``expected.txt``), and warm in the
  Git repository, twice (the second reuses the folders Git vouches unchanged, see ``checking/git_listing.py``),
* by ``check --staged`` without cache, with a cold cache, with a warm one and
  after a full check warmed it, and by ``check FILES`` (pre-commit's file list);
  a case may plant its own cache files (forgeries): they are in place on the first run.

Every one must give the same commit-made errors (file and code) and refuse
whenever the full check refuses. Tasks (time-made) are left aside: they refuse
a commit in the files it touches, by design, and never a full check. Nothing outside the repository may appear or change.
The CLI is called in-process (its entry point is covered by test_findings_data.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import time
from pathlib import Path

import pytest

from site_gen.checking import git_listing
from site_gen.commands.check import check

from ..check.test_findings_data import BASES, FINDINGS
from ..conftest import DATA, TODAY, lay_over, make_repo
from .test_hooks import git

CASES = sorted(p for p in FINDINGS.glob("*/*") if p.is_dir() and not (p / "text.txt").exists())


def _errors(root: Path, today: dt.date, **how: object) -> tuple[int, list[tuple[str, str]]]:
    out = io.StringIO()
    code = check(root, today, fmt="json", out=out, **how)  # type: ignore[arg-type]
    text = out.getvalue()
    if not text.startswith("{"):  # "nothing changed" says so in words
        return code, []
    found = json.loads(text)["findings"]
    return code, sorted({(f["file"], f["code"]) for f in found if f["severity"] == "error" and f["due"] is None})


def _outside(tmp: Path) -> list[str]:
    return sorted(p.relative_to(tmp).as_posix() for p in tmp.rglob("*") if not p.relative_to(tmp).as_posix().startswith(("voll", "hook")))


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_the_hook_refuses_what_the_full_check_refuses(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(git_listing, "RACY_NS", 0)  # folders made a moment ago count as settled: the full check reuses them
    base = BASES.get(case.parent.name, DATA / "base")
    today = dt.date.fromisoformat((case / "today").read_text(encoding="utf-8").strip() if (case / "today").exists() else TODAY)
    full = _errors(make_repo(tmp_path / "voll", case, base=base), today, use_cache=False)

    repo = make_repo(tmp_path / "hook", base=base)
    (repo / ".gitignore").write_text(".site-gen-cache\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Basis", "--no-verify")
    before = _outside(tmp_path)
    made = lay_over(repo, case)
    git(repo, "add", "-A")
    planted = (repo / ".site-gen-cache").exists() or (repo / ".site-gen-cache").is_symlink()

    verdicts = {"planted or cold": _errors(repo, today, staged=True)}
    verdicts["warm"] = _errors(repo, today, staged=True)
    verdicts["none"] = _errors(repo, today, staged=True, use_cache=False)
    if not planted:
        shutil.rmtree(repo / ".site-gen-cache", ignore_errors=True)
        verdicts["cold"] = _errors(repo, today, staged=True)
    verdicts["full, warm"] = _errors(repo, today)
    time.sleep(0.02)
    verdicts["full, reused unlisted"] = _errors(repo, today)  # the staged folders Git vouches for, with their strays
    verdicts["after full"] = _errors(repo, today, staged=True)
    given = [str(repo / p) for p in made if (repo / p).exists() or (repo / p).is_symlink()]
    if given:
        verdicts["files"] = _errors(repo, today, only=given)
    for how, (code, errors) in verdicts.items():
        assert errors == full[1], f"{how}: hook {errors} ≠ full {full[1]}"
        assert code >= full[0], f"{how}: the hook lets pass what the full check refuses"  # a task in a touched file refuses too
    assert _outside(tmp_path) == before, "something outside the repository was written"
