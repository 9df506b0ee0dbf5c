"""Problems are values: every check returns Findings, reporters print them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from .errors import UserError

__all__ = ["SEVERITY_LABELS", "Finding", "Loc", "Severity", "UserError"]


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


SEVERITY_LABELS = {Severity.ERROR: "Fehler", Severity.WARNING: "Warnung", Severity.INFO: "Hinweis"}

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file.

    ``loc`` is the key path inside the YAML document; ``line``/``col`` are
    filled in lazily by the reporter (via :func:`site_gen.records.load.locate`) when
    the check only knows the key path. Messages name fields, never values.

    ``due`` marks a *time-made* finding (a task): the record was fine when it
    was committed, and the passing of that day made something due (a consent
    expired, a placement ended without an update, a retention period passed).
    Tasks are shown to the team; they never stop a build, and they refuse a
    commit only in the files that commit touches.
    """

    file: str
    code: str
    message: str
    hint: str
    severity: Severity = Severity.ERROR
    loc: Loc = ()
    line: int | None = None
    col: int | None = None
    due: dt.date | None = None
    source: str | None = None
    """The file the finding is in when ``file`` is a record folder (``cases/<id>``): one of its small files."""

    @property
    def is_task(self) -> bool:
        """Made due by time, not by a commit."""
        return self.due is not None

    @property
    def where(self) -> str:
        """The file to show: the small file of a record folder, else the record file."""
        return self.source or self.file

    def at(self, line: int, col: int, source: str | None = None) -> "Finding":
        return Finding(self.file, self.code, self.message, self.hint, self.severity, self.loc, line, col, self.due, source or self.source)

