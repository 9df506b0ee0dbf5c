"""Render the public job board (static HTML, Atom, sitemap) from the public projection.

:func:`render_site` is pure: it takes a :class:`~site_gen.views.public.PublicBoard`
(which has no field for anything personal) and the glossary, and returns
``{path: bytes}``. Every page template gets one typed context; Jinja2
autoescapes all text, JSON-LD is escaped for a ``<script>`` block.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import segno
from jinja2 import Environment
from markupsafe import Markup, escape

from ..domain.easy_review import norm
from ..labels import MONTHS
from ..views.public import PublicBoard, PublicCourse, PublicPosting
from .csp import CSP, meta_csp
from .jinja import TEMPLATES as TEMPLATE_ROOT
from .jinja import make_environment
from .public_list import (
    INDEX,
    FilterGroup,
    Pager,
    card_codes,
    codes_of,
    filter_groups,
    filter_values,
    index_json,
    paged,
    pager,
    slug,
)
from .speech import speakable

TEMPLATES = TEMPLATE_ROOT / "public"
STATIC = Path(__file__).resolve().parent.parent / "static" / "public"
PICTOGRAM_ALT = {
    "kiste": "Bild: eine Kiste", "kochtopf": "Bild: ein Koch·topf", "besen": "Bild: ein Besen", "teller": "Bild: ein Teller",
    "bett": "Bild: ein Bett", "einkaufswagen": "Bild: ein Einkaufs·wagen", "kind": "Bild: ein Kind", "pferd": "Bild: ein Pferd",
    "pflanze": "Bild: eine Pflanze", "brief": "Bild: ein Brief", "hand": "Bild: eine Hand", "werkzeug": "Bild: ein Werkzeug",
}
_TRIAL = ("praktikum", "schnupperpraktikum", "beschaeftigungserprobung", "integrationspraktikum")
EMPLOYMENT: dict[str, Callable[[int], str]] = {
    **{t: (lambda h: "INTERN") for t in _TRIAL},
    "aussenarbeitsgruppe": lambda h: "OTHER", "ausgelagerter-einzelarbeitsplatz": lambda h: "OTHER",
    "budget-fuer-ausbildung": lambda h: "OTHER",
    "budget-fuer-arbeit": lambda h: "FULL_TIME" if h >= 35 else "PART_TIME",
    "sozialversicherungspflichtig": lambda h: "FULL_TIME" if h >= 35 else "PART_TIME",
}
"""Placement type → schema.org employmentType (by hours per week)."""
PROCESS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Wir lernen uns kennen", ("Du sprichst mit deinem Job·coach.", "Du erzählst von dir.", "Was kannst du gut?",
                               "Was machst du gerne?", "Dein Job·coach schreibt dein Profil.")),
    ("Wir suchen einen Arbeits·platz", ("Ihr sucht zusammen einen passenden Betrieb.", "Du sagst deine Wünsche.",
                                        "Du darfst selbst wählen.")),
    ("Du machst eine Bewerbung", ("Dein Job·coach hilft dir bei der Bewerbung.", "Ihr schreibt zusammen deinen Lebens·lauf.")),
    ("Du lernst den Betrieb kennen", ("Du gehst zu einem Vorstellungs·gespräch.", "Dein Job·coach kann mitkommen.",
                                      "Du lernst die Leute im Betrieb kennen.")),
    ("Du probierst die Arbeit aus", ("Du machst ein Praktikum im Betrieb.", "Am Anfang arbeitest du nur ein paar Stunden.",
                                     "Dein Job·coach besucht dich oft.")),
    ("Ihr sprecht über das Praktikum", ("Nach dem Praktikum sprecht ihr zusammen.", "Wie war es?",
                                        "Was war gut?", "Was war schwer?")),
    ("Du wechselst in den Betrieb", ("Passt die Arbeit gut zu dir?", "Dann arbeitest du fest im Betrieb.",
                                     "Dein Job·coach hilft dir auch danach.", "Oder möchtest du etwas anderes?",
                                     "Dann sucht ihr einen neuen Arbeits·platz.")),
)
"""The seven stages (DOMAIN.md) in Leichte Sprache: (heading, sentences)."""
PROGRAMME_PICTOS = {"JobVision": "hand", "Chance 24": "einkaufswagen", "Zertifizierte Qualifizierung": "haken",
                    "KuKuK": "menschen", "Talente": "werkzeug"}
"""Picture per course programme: the fallback when no word of the course names a picture (COURSE_PICTO_WORDS)."""
COURSE_PICTO_WORDS: tuple[tuple[str, str], ...] = (
    ("hotel", "bett"), ("zimmer", "bett"), ("küche", "kochtopf"), ("kochen", "kochtopf"), ("service", "teller"),
    ("gast", "teller"), ("laden", "einkaufswagen"), ("verkauf", "einkaufswagen"), ("kasse", "einkaufswagen"),
    ("lager", "kiste"), ("logistik", "kiste"), ("paket", "kiste"), ("kind", "kind"), ("kita", "kind"), ("garten", "pflanze"),
    ("pflanze", "pflanze"), ("pferd", "pferd"), ("tier", "pferd"), ("büro", "brief"), ("bewerbung", "brief"),
    ("putzen", "besen"), ("reinig", "besen"), ("alltag", "hand"), ("werkzeug", "werkzeug"), ("holz", "werkzeug"),
    ("gruppe", "menschen"), ("team", "menschen"), ("zusammen", "menschen"), ("miteinander", "menschen"), ("reden", "menschen"),
    ("stress", "uhr"), ("ziel", "haken"),
)
"""Picture per course, found by the first of these word beginnings in the course's easy title ("Arbeiten im Hotel" → bed)."""


def course_picto(course: PublicCourse) -> str:
    """The pictogram of one course: from its easy title, else its programme's."""
    title = course.title.lower().replace("·", "")
    for word, picto in COURSE_PICTO_WORDS:
        if re.search(rf"(?<![\w]){word}", title):
            return picto
    return PROGRAMME_PICTOS.get(course.programme, "hand")
SECTION_PICTOS = {"was": ("aufgabe", "Bild: eine Liste"), "wo": ("ort", "Bild: ein Ort auf der Karte"), "wann": ("uhr", "Bild: eine Uhr"),
                  "brauchst": ("haken", "Bild: ein Haken"), "hilft": ("menschen", "Bild: zwei Menschen"), "weiter": ("telefon", "Bild: ein Telefon")}
"""Pictogram per section of a posting (what, where, when, what you need, who helps, what next)."""
_LD_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def date_de(value: dt.date) -> str:
    """``2026-11-22`` → ``22. November 2026`` (Leichte Sprache: month as a word)."""
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def json_ld(data: dict[str, Any]) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` block: ``</script>`` cannot occur."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_LD_ESCAPES))


def explain(line: str, links: dict[str, str], root: str) -> Markup:
    """One line of easy text with its hard words linked to their explanation on the glossary page (each once)."""
    out = str(escape(line))
    for word in sorted(links, key=len, reverse=True):
        link = f'<a class="explained" href="{escape(root)}woerter/#{escape(links[word])}">{escape(word)}</a>'
        out = re.sub(rf"(?<![\w·>]){re.escape(str(escape(word)))}(?![\w·<])", link.replace("\\", "\\\\"), out, count=1)
    return Markup(out)


@cache
def environment() -> Environment:
    env = make_environment("public")
    env.filters.update(date_de=date_de, slug=slug, lines=lambda text: [ln.strip() for ln in text.splitlines() if ln.strip()],
                       explain=explain)
    env.globals["csp"] = meta_csp(CSP)
    return env


@dataclass(frozen=True, slots=True)
class Page:
    """What every page template needs."""

    path: str
    """Output path, e.g. ``stelle/ap-0001/index.html``."""
    title: str
    url: str
    """Absolute address (canonical)."""
    root: str
    """Relative prefix to the site root, e.g. ``../../``."""
    nav: str


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a posting: the same lines on the page, on the print sheet and in the audio file."""

    key: str
    heading: str
    lines: tuple[str, ...]
    listed: bool
    """True: the lines are a list (tasks, needs)."""
    picto: str
    picto_alt: str


def posting_sections(p: PublicPosting) -> tuple[Section, ...]:
    """What, where, when, what you need, who helps, what next: every section of a posting."""
    def lines(text: str) -> tuple[str, ...]:
        return tuple(ln.strip() for ln in text.splitlines() if ln.strip())

    def sec(key: str, heading: str, body: tuple[str, ...], listed: bool = False) -> Section:
        return Section(key, heading, body, listed, *SECTION_PICTOS[key])

    return (
        sec("was", "Was machst du?", tuple(p.tasks), True),
        sec("wo", "Wo?", (f"Der Betrieb heißt: {p.company}.", f"Der Stadt·teil heißt: {p.district}.", *lines(p.place))),
        sec("wann", "Wann?", lines(p.hours)),
        sec("brauchst", "Was brauchst du?", tuple(p.needs), True),
        sec("hilft", "Wer hilft dir?", lines(p.help)),
        sec("weiter", "Wie geht es weiter?", ("Möchtest du hier arbeiten?", "Dann sprich mit deinem Job·coach.",
                                               "Oder ruf die Job·coaches an.")),
    )


def speech_texts(board: PublicBoard) -> dict[str, str]:
    """``{site path: text to speak}``: one file per posting and one per section of it."""
    out: dict[str, str] = {}
    for p in board.postings:
        sections = posting_sections(p)
        for sec in sections:
            out[f"audio/{p.id}/{sec.key}.opus"] = speakable([sec.heading, *sec.lines])
        out[f"audio/{p.id}/alles.opus"] = speakable([p.title, *(ln for sec in sections for ln in (sec.heading, *sec.lines))])
    for c in board.courses:  # one file per course: the same lines as its section on the course page
        out[f"audio/kurse/{c.id}.opus"] = speakable([c.title, *(ln.strip() for ln in c.text.splitlines() if ln.strip())])
    return out


@dataclass(frozen=True, slots=True)
class ListContext:
    page: Page
    heading: str
    postings: tuple[PublicPosting, ...]
    total: int
    """Postings in the whole list (all its pages)."""
    groups: tuple[FilterGroup, ...]
    filtered: bool
    pictogram_alt: dict[str, str]
    codes: dict[str, str]
    """Posting id → its filter codes, e.g. ``b3 s0 a1 h2`` (see :mod:`site_gen.render.public_list`)."""
    pager: Pager


@dataclass(frozen=True, slots=True)
class PostingContext:
    page: Page
    posting: PublicPosting
    sections: tuple[Section, ...]
    ld: Markup
    short_url: str
    qr: Markup
    pictogram_alt: str
    audio: bool
    """Whether the spoken files ``audio/<id>/<section>.opus`` exist."""
    glossary_links: dict[str, str]
    """Word → anchor on the glossary page, for the hard words the page shows as labels."""


@dataclass(frozen=True, slots=True)
class CoursesContext:
    page: Page
    courses: tuple[PublicCourse, ...]
    pictos: dict[str, str]
    """Pictogram per course id."""
    glossary_links: dict[str, str]
    audio: bool = False
    """Whether ``audio/kurse/<id>.opus`` exists for every course."""

    @property
    def topics(self) -> list[tuple[str, list[PublicCourse]]]:
        """The courses by programme (the overview at the top of the page), in order of first appearance."""
        out: dict[str, list[PublicCourse]] = {}
        for c in self.courses:
            out.setdefault(c.programme, []).append(c)
        return list(out.items())


@dataclass(frozen=True, slots=True)
class ProcessContext:
    page: Page
    steps: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class GlossaryContext:
    page: Page
    entries: tuple[tuple[str, str, str], ...]
    """(anchor, word, explanation)."""


@dataclass(frozen=True, slots=True)
class PrintContext:
    page: Page
    postings: tuple[tuple[PublicPosting, str, Markup, tuple[Section, ...]], ...]
    """(posting, short address, inline QR code, sections)."""
    pictogram_alt: dict[str, str]


@dataclass(frozen=True, slots=True)
class PrintIndexContext:
    page: Page
    postings: tuple[PublicPosting, ...]


@dataclass
class Site:
    """Accumulates rendered files."""

    board: PublicBoard
    files: dict[str, bytes] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)

    def page(self, path: str, title: str, nav: str) -> Page:
        url_path = path[: -len("index.html")] if path.endswith("index.html") else path
        return Page(path, title, self.board.base_url + url_path, "../" * path.count("/"), nav)

    def put(self, template: str, ctx: Any, in_sitemap: bool = True) -> None:
        self.files[ctx.page.path] = environment().get_template(template).render(ctx=ctx).encode()
        if in_sitemap:
            self.urls.append(ctx.page.url)


def posting_ld(p: PublicPosting, url: str) -> dict[str, Any]:
    """schema.org JobPosting for one posting."""
    description = "\n".join(["Was machst du?", *p.tasks, "Was brauchst du?", *p.needs, "Wann?", p.hours, "Wo?", p.place])
    types = sorted({EMPLOYMENT[t](p.hours_per_week) for t, _ in p.placement_types})
    return {
        "@context": "https://schema.org", "@type": "JobPosting", "title": p.title, "description": description,
        "datePosted": p.posted_on.isoformat(), "validThrough": f"{p.valid_until.isoformat()}T23:59:59",
        "employmentType": types, "url": url, "inLanguage": "de-DE", "identifier": p.id,
        "hiringOrganization": {"@type": "Organization", "name": p.company},
        "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": p.city,
                                                     "addressRegion": p.district, "addressCountry": "DE"}},
        "workHours": f"{p.hours_per_week} Stunden pro Woche",
    }


def qr_svg(url: str, label: str) -> Markup:
    """An inline QR code (SVG) for ``url``, scalable, with ``label`` as its accessible name."""
    # A fixed mask skips segno's search over all 8 masks (8x faster); any mask gives a valid, scannable code.
    svg = segno.make(url, error="m", micro=False, mask=0).svg_inline(scale=4, border=2, omitsize=False, svgclass=None, lineclass=None)
    size = re.match(r'<svg width="(\d+)" height="(\d+)"', svg)
    assert size is not None
    head = f'<svg viewBox="0 0 {size.group(1)} {size.group(2)}" class="qr-code" role="img" aria-label="{escape(label)}"'
    return Markup(head + svg[size.end():])


def used_glossary(glossary: dict[str, str], texts: list[str]) -> tuple[tuple[str, str, str], ...]:
    """Glossary entries whose word occurs in ``texts`` (sorted, with anchors)."""
    haystack = " " + " ".join(norm(w) for t in texts for w in re.findall(r"[\w·\-]+", t)) + " "
    entries = []
    for word, explanation in glossary.items():
        key = " ".join(norm(w) for w in word.split())
        if re.search(rf" {re.escape(key)}\w{{0,3}} ", haystack):
            entries.append((slug(word), word, explanation.strip()))
    return tuple(sorted(entries, key=lambda e: norm(e[1])))


def glossary_links(glossary: dict[str, str], labels: list[str]) -> dict[str, str]:
    """Label → glossary anchor for every label that has a glossary entry."""
    by_norm = {" ".join(norm(w) for w in word.split()): word for word in glossary}
    return {label: slug(by_norm[key]) for label in labels if (key := " ".join(norm(w) for w in label.split())) in by_norm}


def _lists(site: Site, alts: dict[str, str]) -> None:
    """The start page and one page per filter value, each split into pages of at most ``PAGE_SIZE`` cards."""
    postings = site.board.postings
    codes = card_codes(filter_groups(postings, None, ""))
    per_posting = {p.id: codes_of(p, codes) for p in postings}
    lists: list[tuple[str, str, str, tuple[PublicPosting, ...], tuple[str, str] | None]] = [
        ("", "Arbeits·plätze", "Arbeits·plätze für dich", postings, None)]
    seen: set[tuple[str, str]] = set()
    for p in postings:
        for key, values in filter_values(p).items():
            for value, text in values:
                if (key, value) not in seen:
                    seen.add((key, value))
                    subset = tuple(q for q in postings if value in {v for v, _ in filter_values(q)[key]})
                    lists.append((f"filter/{key}/{value}/", f"Arbeits·plätze: {text}", f"Arbeits·plätze: {text}", subset, (key, value)))
    for base, title, heading, subset, current in lists:
        chunks = paged(subset, base)
        for path, chunk, number in chunks:
            shown = title if number == 1 else f"{title}, Seite {number}"
            page = site.page(path, shown, "list")
            list_root = "../../" if number > 1 else "./"
            site.put("list.html", ListContext(page, heading, chunk, len(subset), filter_groups(postings, current, page.root),
                                              current is not None, alts, per_posting, pager(number, len(chunks), list_root)))
    site.files[INDEX] = index_json(postings, codes, alts)


def render_site(board: PublicBoard, glossary: dict[str, str], audio: bool = False) -> dict[str, bytes]:
    """Every file of the public site except the static assets (and the audio files, see :func:`speech_texts`).

    The print sheets are one page per posting (``aushang/<id>/``); the one
    document with every sheet, for the PDF, is :func:`print_all`.
    """
    site = Site(board)
    labels = sorted({label for p in board.postings for _, label in p.placement_types} | {c.programme for c in board.courses})
    links = glossary_links(glossary, labels)
    alts = PICTOGRAM_ALT
    _lists(site, alts)
    for p in board.postings:
        page = site.page(f"stelle/{p.id}/index.html", p.title, "list")
        short, qr = _short_and_qr(page.url)
        site.put("posting.html", PostingContext(page, p, posting_sections(p), json_ld(posting_ld(p, page.url)), short, qr,
                                                alts[p.pictogram], audio, links))
        sheet = site.page(f"aushang/{p.id}/index.html", p.title, "print")
        site.put("print.html", PrintContext(sheet, ((p, short, qr, posting_sections(p)),), alts), in_sitemap=False)
    course_words = sorted({w for c in board.courses for w in re.findall(r"[\w·-]+", c.text)})
    site.put("courses.html", CoursesContext(site.page("kurse/index.html", "Kurse", "courses"), board.courses,
                                            {c.id: course_picto(c) for c in board.courses}, links | glossary_links(glossary, course_words), audio))
    site.put("process.html", ProcessContext(site.page("so-gehts/index.html", "So bekommst du einen Arbeits·platz", "process"), PROCESS))
    texts = [t for p in board.postings for t in (p.title, *p.tasks, *p.needs, p.hours, p.place, p.help)]
    texts += [t for c in board.courses for t in (c.title, c.text)] + [t for _, lines in PROCESS for t in lines] + labels
    site.put("glossary.html", GlossaryContext(site.page("woerter/index.html", "Schwere Wörter", "glossary"),
                                              used_glossary(glossary, texts)))
    site.put("print_index.html", PrintIndexContext(site.page("aushang/index.html", "Aushang", "print"), board.postings), in_sitemap=False)
    feed = Page("feed.xml", "Arbeits·plätze", board.base_url + "feed.xml", "", "")
    site.files["feed.xml"] = environment().get_template("feed.xml").render(ctx=feed, postings=board.postings, today=board.today).encode()
    site.files["sitemap.xml"] = environment().get_template("sitemap.xml").render(urls=site.urls).encode()
    site.files["robots.txt"] = f"User-agent: *\nAllow: /\nSitemap: {board.base_url}sitemap.xml\n".encode()
    return site.files


def _short_and_qr(url: str) -> tuple[str, Markup]:
    short = url.split("://", 1)[-1].rstrip("/")
    return short, qr_svg(url, f"QR-Code: {short}")


def print_all(board: PublicBoard) -> dict[str, bytes]:
    """``{"aushang/alle/index.html": …}``: every print sheet in one document, only for the PDF (never published)."""
    site = Site(board)
    sheets = []
    for p in board.postings:
        short, qr = _short_and_qr(site.page(f"stelle/{p.id}/index.html", p.title, "list").url)
        sheets.append((p, short, qr, posting_sections(p)))
    site.put("print.html", PrintContext(site.page("aushang/alle/index.html", "Aushang", "print"), tuple(sheets), PICTOGRAM_ALT),
             in_sitemap=False)
    return site.files


def static_files() -> dict[str, bytes]:
    """The board's own CSS, scripts and pictograms (``static/…``)."""
    return {f"static/{p.relative_to(STATIC).as_posix()}": p.read_bytes() for p in sorted(STATIC.rglob("*")) if p.is_file()}

