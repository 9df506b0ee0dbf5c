"""Calendar feeds a phone can subscribe to: unguessable, revocable, own and deputy apart, ids and kinds only."""

from __future__ import annotations

import datetime as dt
import html
import re

from icalendar import Calendar

from site_gen.records.dataset import load_dataset
from site_gen.site.internal_pages import render_site
from site_gen.views.calendar_feeds import FEEDS, feed_key, feed_path
from site_gen.views.consented import consented_dataset

from ..conftest import REPO, TODAY

KEY = {"SITE_GEN_KALENDER_SCHLUESSEL": "ein-geheimer-testschluessel-0123456789"}


def test_addresses_are_secret_derived_distinct_and_renewable() -> None:
    assert feed_key({}) is None and feed_key({"SITE_GEN_KALENDER_SCHLUESSEL": "kurz"}) is None
    key = feed_key(KEY)
    assert key is not None and "geheim" not in repr(key)
    paths = {feed_path(key, sid, feed) for sid in ("coach-eins", "coach-zwei") for feed in FEEDS}
    assert len(paths) == 4 and all(re.fullmatch(r"kalender/[0-9a-f]{32}\.ics", p) for p in paths)
    assert not any("coach" in p for p in paths)  # the address tells nothing about whose it is
    other = feed_key({"SITE_GEN_KALENDER_SCHLUESSEL": "ein-anderer-schluessel-9876543210"})
    assert other is not None and not paths & {feed_path(other, "coach-eins", f) for f in FEEDS}  # new key: every address changes
    renewed = feed_key({**KEY, "SITE_GEN_KALENDER_ERNEUERT": "coach-eins=2"})
    assert renewed is not None
    assert feed_path(renewed, "coach-eins", "eigene") != feed_path(key, "coach-eins", "eigene")
    assert feed_path(renewed, "coach-zwei", "eigene") == feed_path(key, "coach-zwei", "eigene")  # only hers are revoked


def test_the_built_pages_link_two_named_feeds_per_coach_with_ids_and_kinds_only() -> None:
    today = dt.date.fromisoformat(TODAY)
    view = consented_dataset(load_dataset(REPO), today)
    key = feed_key(KEY)
    pages = render_site(view, today, feeds=key)
    assert key is not None and not any(p.startswith("kalender/") for p in render_site(view, today))  # no key, no open feed
    names = {c.first_name for c in view.cases.values()} | {c.last_name for c in view.cases.values()}
    seen = 0
    for sid in {c.coaches.primary for c in view.cases.values()}:
        own, deputy = (pages[feed_path(key, sid, feed)] for feed in ("eigene", "vertretung"))
        page = html.unescape(pages[f"fristen/{sid}.md"])
        assert f'href="../{feed_path(key, sid, "eigene")}"' in page and f'href="../{feed_path(key, sid, "vertretung")}"' in page
        for text, (role, title) in ((own, FEEDS["eigene"]), (deputy, FEEDS["vertretung"])):
            cal = Calendar.from_ical(text)
            assert str(cal["x-wr-calname"]) == title
            for event in cal.walk("VEVENT"):
                seen += 1
                assert f"({role})" in str(event["description"])
                assert re.fullmatch(r"[^:]+: [a-z0-9-]+", str(event["summary"])), event["summary"]
                assert not any(name in text for name in names if len(name) > 3)
    assert seen > 0


def test_the_help_page_is_in_the_help_navigation_and_true_to_the_code() -> None:
    """Steps per calendar app (Outlook, iOS, Android), the calendars' names, the secrets and the trade-off."""
    from site_gen.site.mkdocs import NAV
    from site_gen.views.calendar_feeds import KEY_ENV, MIN_KEY, RENEWED_ENV

    assert {"Kalender abonnieren": "hilfe/kalender.md"} in next(item["Hilfe"] for item in NAV if "Hilfe" in item)
    page = (REPO / "site_gen" / "help" / "kalender.md").read_text(encoding="utf-8")
    assert all(f"„{name}“" in page for _, name in FEEDS.values())
    assert KEY_ENV in page and RENEWED_ENV in page and f"mindestens {MIN_KEY} Zeichen" in page
    assert all(app in page for app in ("**Outlook im Browser", "**iPhone und iPad**", "**Android (Google Kalender)**"))
    assert "**Für den Datenschutz** (Abwägung)" in page and "128 Bit" in page
    key = feed_key(KEY)
    assert key is not None and len(feed_path(key, "coach-eins", "eigene").split("/")[1].removesuffix(".ics")) * 4 == 128
