"""How many minutes of a support-log entry count for one person (issue 29: group sessions).

A group session is stored once in each participant's case with the session's
full length and the group's size. What one person received — and what the
cost bearer of that person is billed — is the share: minutes divided by the
number of people, rounded half up. The Leistungsnachweis (``nachweis``) and
the Entwicklungsbericht (``bericht``) both count by this one rule, so the two
documents a cost bearer receives agree.
"""

from __future__ import annotations

from ..models.case import LogEntry


def share(entry: LogEntry) -> int:
    """The minutes of ``entry`` that count for this person: a group session's share, else all."""
    return int(entry.minutes / entry.group_size + 0.5) if entry.group_size else entry.minutes
