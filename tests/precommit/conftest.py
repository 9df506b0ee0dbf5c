"""The pre-commit cache of the test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import session_dir


@pytest.fixture(scope="session")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One pre-commit cache (``PRE_COMMIT_HOME``) for the test session, shared by the xdist workers (pre-commit
    locks its store): a hook environment is built once per repo/rev."""
    folder = session_dir(tmp_path_factory) / "pre-commit-home"
    folder.mkdir(exist_ok=True)
    return folder
