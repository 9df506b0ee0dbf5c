"""Consent as a type: mypy refuses a raw Dataset where an internal page is built.

The snippet below is checked by the real mypy with the project's own
configuration. Each line marked ``# refused`` passes the raw dataset and must
be an error; the consented calls beside them must pass.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from ..conftest import REPO

SNIPPET = '''
import datetime as dt
from pathlib import Path

from site_gen.records.dataset import load_dataset
from site_gen.site.internal_pages import render_site, render_to_docs
from site_gen.site.internal import privacy_state
from site_gen.views.consented import consented_dataset
from site_gen.views.dashboard import dashboard
from site_gen.views.internal_case import dossier
from site_gen.views.team import team_dataset

today = dt.date(2026, 11, 22)
raw = load_dataset(Path("."))
view = consented_dataset(raw, today)
render_site(raw, today)  # refused
render_to_docs(raw, today, None, Path("docs"))  # refused
privacy_state(raw)  # refused
dossier(raw, "tn-0001", today)  # refused
dashboard(team_dataset(raw, "nord"), today)  # refused
render_site(view, today)
render_to_docs(view, today, None, Path("docs"))
privacy_state(view)
dossier(view, "tn-0001", today)
dashboard(team_dataset(view, "nord"), today)
'''


def test_mypy_refuses_raw_data_for_internal_pages(tmp_path: Path) -> None:
    snippet = tmp_path / "raw_to_page.py"
    snippet.write_text(SNIPPET, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(REPO / "pyproject.toml"), str(snippet)],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    refused = {i for i, line in enumerate(SNIPPET.splitlines(), 1) if line.endswith("# refused")}
    errors = {int(m.group(1)): m.group(2) for m in re.finditer(r"raw_to_page\.py:(\d+): error: (.*)", proc.stdout)}
    assert set(errors) == refused, proc.stdout + proc.stderr
    assert all('"Dataset"' in msg and '"Consented"' in msg for msg in errors.values()), errors


def test_only_the_consent_filter_makes_a_consented_dataset() -> None:
    """``Consented(...)`` is called in views/consented.py only: a type anyone could stamp on raw data would prove nothing."""
    makers = []
    for path in sorted((REPO / "site_gen").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Consented":
                makers.append(path.relative_to(REPO).as_posix())
    assert makers and set(makers) == {"site_gen/views/consented.py"}, makers
