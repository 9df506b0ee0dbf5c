"""Calendar feeds a phone can subscribe to: per coach, at unguessable and revocable addresses.

Calendar apps (Outlook, iOS, Android) cannot pass the organisation's login,
so the subscribable feeds live in ``kalender/`` of the internal site, a
folder the web server serves **without** login and without a listing (see
the help page *Kalender abonnieren*). Their file names are the only lock:
``HMAC-SHA256(key, coach id, feed, renewal)``, 128 bits, from a key that
never enters Git (CI secret ``SITE_GEN_KALENDER_SCHLUESSEL``). Without the
key no such feed is written. A feed carries only what
:class:`site_gen.render.calendar.CalendarEntry` can hold: case ids and the
kind of deadline, never a name.

Revoking: a new key changes every address; ``SITE_GEN_KALENDER_ERNEUERT``
(``coach-id=2, andere-id=1``) changes one coach's addresses (a lost phone).
Own cases and deputy cases are two feeds with two names, so the two
calendars look different on the phone.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass, field

KEY_ENV = "SITE_GEN_KALENDER_SCHLUESSEL"
RENEWED_ENV = "SITE_GEN_KALENDER_ERNEUERT"
FOLDER = "kalender"
FEEDS: dict[str, tuple[str, str]] = {
    "eigene": ("hauptverantwortlich", "Fristen Jobcoaching – eigene Akten"),
    "vertretung": ("Vertretung", "Fristen Jobcoaching – Vertretung im Tandem"),
}
"""Feed → (the coach's role in the case, the calendar's name on the phone)."""
MIN_KEY = 16


@dataclass(frozen=True, slots=True)
class FeedKey:
    """The secret the addresses are derived from, and how often each coach's addresses were renewed."""

    secret: bytes = field(repr=False)
    renewed: Mapping[str, int] = field(default_factory=dict)


def feed_key(environ: Mapping[str, str]) -> FeedKey | None:
    """The key from the environment (``SITE_GEN_KALENDER_SCHLUESSEL``); None without one or with a short one."""
    secret = environ.get(KEY_ENV, "").strip()
    if len(secret) < MIN_KEY:
        return None
    renewed: dict[str, int] = {}
    for item in environ.get(RENEWED_ENV, "").replace(",", " ").split():
        sid, _, count = item.partition("=")
        renewed[sid] = int(count) if count.isdigit() else 1
    return FeedKey(secret.encode(), renewed)


def feed_path(key: FeedKey, sid: str, feed: str) -> str:
    """``kalender/<32 hex>.ics`` for coach ``sid``'s ``feed`` (``eigene`` or ``vertretung``)."""
    message = f"{sid}\0{feed}\0{key.renewed.get(sid, 0)}".encode()
    return f"{FOLDER}/{hmac.new(key.secret, message, hashlib.sha256).hexdigest()[:32]}.ics"
