"""No tracked text file carries Git merge-conflict markers (the rule of pre-commit-hooks' check-merge-conflict).

The same pattern runs as the local pre-commit hook ``keine-konfliktmarker`` (.pre-commit-config.yaml);
this test is what CI runs (it is part of the README's test command), without fetching any hook repository.
"""

from __future__ import annotations

import re
import subprocess

import yaml

from tests.conftest import REPO

MARKER = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.MULTILINE)
"""A conflict's start, end or middle line, exactly as Git writes them (built from counts, so this file is clean)."""


def tracked_text_files() -> list[str]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    return [name for name in out.decode("utf-8").split("\0") if name]


def test_no_tracked_file_has_conflict_markers() -> None:
    found = []
    for name in tracked_text_files():
        path = REPO / name
        if not path.is_file() or path.is_symlink():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8000]:  # binary (templates/bericht/vorlage.docx …)
            continue
        text = data.decode("utf-8", errors="replace")
        found += [f"{name}:{text.count(chr(10), 0, m.start()) + 1}" for m in MARKER.finditer(text)]
    assert not found, f"Konfliktmarker in: {found}"


def test_marker_pattern_finds_what_git_writes() -> None:
    conflict = "a\n" + "<" * 7 + " HEAD\nb\n" + "=" * 7 + "\nc\n" + ">" * 7 + " cms-entries\n"
    assert len(MARKER.findall(conflict)) == 3
    assert not MARKER.findall("Titel\n=====\n<<< nicht\n")


def test_precommit_config_runs_the_same_rule() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    hook = hooks["keine-konfliktmarker"]
    assert hook["language"] == "pygrep" and hook["entry"] == MARKER.pattern
