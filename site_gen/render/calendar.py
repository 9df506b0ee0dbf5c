"""Calendar feeds (RFC 5545, made with the ``icalendar`` library) of a coach's deadlines.

Calendar apps sync to phones and clouds, so a feed carries only what
:class:`CalendarEntry` can hold: the pseudonymous case id, the kind of
deadline (a fixed German label, never record text), the day and the coach's
role. A name or any free text cannot get in: the type has no field for it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from icalendar import Calendar, Event

PRODID = "-//site-gen//Fristen Jobcoaching//DE"
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """One all-day event: pseudonymous id, kind of deadline, day, role."""

    cid: str
    kind: str
    due: dt.date
    role: str
    record: str = "Akte"
    """"Akte" or "Betrieb" (a company follow-up names the workplace id)."""

    def __post_init__(self) -> None:
        if not _ID.match(self.cid):  # ids are pseudonymous slugs; anything else is a bug upstream
            raise ValueError("Kennung einer Akte erwartet")


def calendar_entries(deadlines: Iterable[object], sid: str) -> list[CalendarEntry]:
    """Project deadlines (:class:`site_gen.views.internal_deadlines.Deadline`) to calendar entries for ``sid``."""
    return [CalendarEntry(d.cid, d.kind, d.due, d.role_of(sid), getattr(d, "record", "Akte")) for d in deadlines]  # type: ignore[attr-defined]


CALENDAR_NAME = "Fristen Jobcoaching – eigene Akten und Vertretung"
"""The name of the download feed behind the login (both roles); the subscribable feeds have one name per role."""


def calendar(entries: Iterable[CalendarEntry], today: dt.date, name: str = CALENDAR_NAME) -> str:
    """The feed as text (CRLF line ends). ``today`` stamps every event, so equal input gives equal output."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.timezone.utc)
    for e in entries:
        event = Event()
        key = hashlib.blake2b(f"{e.cid}|{e.kind}|{e.due.isoformat()}".encode(), digest_size=10).hexdigest()
        event.add("uid", f"{key}@site-gen")
        event.add("dtstamp", stamp)
        event.add("dtstart", e.due)
        event.add("dtend", e.due + dt.timedelta(days=1))
        event.add("summary", f"{e.kind}: {e.cid}")
        event.add("description", f"{e.record} {e.cid} ({e.role}). Einzelheiten nur auf der internen Seite.")
        event.add("transp", "TRANSPARENT")
        event.add("class", "CONFIDENTIAL")
        cal.add_component(event)
    return cal.to_ical().decode("utf-8")
