"""Which MkDocs-compatible engine builds the internal site: MkDocs 1.6 or ProperDocs.

ProperDocs (``pip install properdocs``) is a drop-in fork of MkDocs 1.6.1 by
its former maintainers; Material for MkDocs, our hooks and our overrides run
on it unchanged. Its ``properdocs.replacement`` module redirects every
``mkdocs.*`` import to ``properdocs.*``, so this module must be imported
before anything imports mkdocs (:mod:`.mkdocs` does so first).

Chosen by the environment variable ``SITE_GEN_ENGINE`` (``mkdocs``, the
default, or ``properdocs``); a test builds the demo with both and compares
the pages. Zensical is not a drop-in engine: see docs/architecture.md.
"""

from __future__ import annotations

import os

from ..findings import UserError

ENGINES = ("mkdocs", "properdocs")
ENGINE = os.environ.get("SITE_GEN_ENGINE", "mkdocs").strip().lower() or "mkdocs"
_problem: UserError | None = None

if ENGINE not in ENGINES:
    _problem = UserError(f"SITE_GEN_ENGINE='{ENGINE}' ist unbekannt.", "Erlaubt: " + ", ".join(ENGINES) + ".")
elif ENGINE == "properdocs":
    try:
        import properdocs.replacement  # noqa: F401  (mkdocs.* imports now load ProperDocs)
    except ImportError:
        _problem = UserError("SITE_GEN_ENGINE=properdocs, aber ProperDocs ist nicht installiert.", "pip install properdocs")


def check_engine() -> str:
    """The engine's name; a German error when the chosen engine cannot run."""
    if _problem is not None:
        raise _problem
    return ENGINE
