"""One verdict: for every tests-as-data case, the hook refuses exactly what the full check refuses.

Each case of ``tests/data/findings`` (records and consent families) is laid
over its base in a real temporary Git repository (base committed, the case's
files staged), and judged

* by the full check without cache in a plain copy: the case's ``expected.txt``, which
  test_findings_data.py holds to the exact output of ``check --no-cache`` (its errors and exit
  code are read from it here, not computed a second time), and warm in the Git repository,
  twice (the second reuses the folders Git vouches unchanged, see ``checking/git_listing.py``),
* by ``check --staged`` with a cold cache (or the case's planted one), with a warm one, without
  cache and after a full check warmed it, and by ``check FILES`` (pre-commit's file list);
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
import re
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from site_gen.checking import git_listing
from site_gen.commands.check import check

from ..check.test_findings_data import BASES, FINDINGS
from ..conftest import DATA, TODAY, lay_over, make_repo
from .test_hooks import git

CASES = sorted(p for p in FINDINGS.glob("*/*") if p.is_dir() and not (p / "text.txt").exists())
ERROR = re.compile(r"^(\S+?):\d+:\d+: ([A-Z][A-Z0-9-]*) (?!\[)", re.MULTILINE)
"""An error's line in the check's text output (file, code): warnings, tasks and notes say so in brackets."""


def _expected(case: Path) -> tuple[int, list[tuple[str, str]]]:
    """The full check's verdict on the case, from its ``expected.txt`` (the exact output of ``check --no-cache``,
    held to it by test_findings_data.py): exit code and errors (file, code), as :func:`_errors` gives them."""
    lines = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    body, summary = lines[:-1], lines[-1]
    assert all(line.startswith(" ") or re.match(r"\S+:\d+:\d+: [A-Z]", line) for line in body), f"{case}: a line not read as a finding"
    errors = ERROR.findall("\n".join(body))
    counted = re.search(r": (\d+) Fehler,", summary)
    assert counted and int(counted.group(1)) == len(errors), f"{case}: {len(errors)} error lines read, the summary says {summary!r}"
    return (1 if errors else 0), sorted(set(errors))


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


@pytest.fixture(scope="session")
def committed(tmp_path_factory: pytest.TempPathFactory) -> Callable[[Path], Path]:
    """A base repository made once per session and committed in Git (``.site-gen-cache`` ignored); each case
    works on a copy (a copied Git repository is a real one; its index is refreshed by the ``git add -A`` after the overlay)."""
    made: dict[Path, Path] = {}

    def get(base: Path) -> Path:
        if base not in made:
            repo = make_repo(tmp_path_factory.mktemp("hook-base") / "hook", base=base)
            (repo / ".gitignore").write_text(".site-gen-cache\n", encoding="utf-8")
            git(repo, "init", "-q", "-b", "main")
            git(repo, "add", "-A")
            git(repo, "commit", "-qm", "Basis", "--no-verify")
            made[base] = repo
        return made[base]

    return get


@pytest.mark.parametrize("case", CASES, ids=[f"{p.parent.name}/{p.name}" for p in CASES])
def test_the_hook_refuses_what_the_full_check_refuses(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     committed: Callable[[Path], Path]) -> None:
    monkeypatch.setattr(git_listing, "RACY_NS", 0)  # folders made a moment ago count as settled: the full check reuses them
    base = BASES.get(case.parent.name, DATA / "base")
    today = dt.date.fromisoformat((case / "today").read_text(encoding="utf-8").strip() if (case / "today").exists() else TODAY)
    full = _expected(case)

    repo = Path(shutil.copytree(committed(base), tmp_path / "hook", symlinks=True))
    before = _outside(tmp_path)
    made = lay_over(repo, case)
    git(repo, "add", "-A")
    planted = (repo / ".site-gen-cache").exists() or (repo / ".site-gen-cache").is_symlink()

    verdicts = {"planted" if planted else "cold": _errors(repo, today, staged=True)}
    verdicts["warm"] = _errors(repo, today, staged=True)
    verdicts["none"] = _errors(repo, today, staged=True, use_cache=False)
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
