"""The one exception for "the user can fix this" (exit 1, German message, no traceback).

Kept apart from :mod:`site_gen.findings` so the command line can catch it
without importing anything else (``site-gen --help`` must start instantly).
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix (bad arguments, missing folder): exit 1, no traceback."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
