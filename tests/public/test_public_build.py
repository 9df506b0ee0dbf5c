"""The built board: pages, machine-readable files, expiry, escaping, canaries, PDF."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pypdf

from site_gen.checking.rules.easy_language import check_texts
from site_gen.checking.rules.easy_language_config import load_config
from site_gen.render.public import PROCESS
from site_gen.views.public import EASY_PLACEMENT_LABELS

from ..conftest import REPO, TODAY, Recordings, run_cli
from .canary import MARK
from .conftest import XSS_TITLE, Board

ATOM = "{http://www.w3.org/2005/Atom}"


def _ld(html: str) -> dict:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block, "no JSON-LD"
    return json.loads(block.group(1))


def test_pages_of_every_kind_exist(board: Board) -> None:
    for rel in ("index.html", "kurse/index.html", "so-gehts/index.html", "woerter/index.html", "aushang/index.html",
                "feed.xml", "sitemap.xml", "robots.txt", "static/style.css", "static/board.js", "static/stellen.json"):
        assert (board.out / rel).is_file(), rel
    assert list((board.out / "filter").glob("*/*/index.html"))


def test_expired_and_unpublished_postings_leave_the_board(board: Board) -> None:
    everything = "".join(p.read_text(errors="replace") for p in board.out.rglob("*") if p.is_file())
    assert "Abgelaufene Stelle" not in everything and "Versteckte Stelle" not in everything
    assert not (board.out / "stelle" / "ap-9002").exists() and not (board.out / "stelle" / "ap-9003").exists()
    assert (board.out / "stelle" / "ap-9001" / "index.html").is_file()


def test_every_posting_has_complete_json_ld(board: Board) -> None:
    pages = sorted((board.out / "stelle").glob("*/index.html"))
    assert len(pages) >= 10
    for page in pages:
        ld = _ld(page.read_text())
        assert ld["@type"] == "JobPosting"
        for key in ("title", "description", "datePosted", "hiringOrganization", "jobLocation", "validThrough", "employmentType"):
            assert ld[key], (page, key)
        assert ld["url"].startswith("https://") and ld["url"].endswith(f"/stelle/{page.parent.name}/")


def test_json_ld_cannot_close_its_script_block(board: Board) -> None:
    html = (board.out / "stelle" / "ap-9001" / "index.html").read_text()
    head = html.split("</head>")[0]
    assert head.count("</script>") == 1 and "\\u003c/script\\u003e" in head
    assert _ld(html)["title"] == XSS_TITLE
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img src=x" not in html and "&lt;img src=x onerror=" in html


def test_atom_feed_and_sitemap_use_absolute_addresses(board: Board) -> None:
    feed = ET.parse(board.out / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(list((board.out / "stelle").glob("*/index.html")))
    links = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert all(link.startswith("https://") for link in links)
    urls = [u.text for u in ET.parse(board.out / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert set(links) <= set(urls) and all(u.startswith("https://") for u in urls)
    assert any(u.endswith("/kurse/") for u in urls) and any(u.endswith("/woerter/") for u in urls)


def test_posting_contact_is_the_team_and_qr_points_online(board: Board) -> None:
    html = (board.out / "stelle" / "ap-0002" / "index.html").read_text()
    for heading in ("Was machst du?", "Wo?", "Wann?", "Was brauchst du?", "Wer hilft dir?", "Wie geht es weiter?"):
        assert f">{heading}</h2>" in html
    assert "Telefon:" in html and "mailto:" in html
    assert re.search(r'<svg viewBox="0 0 \d+ \d+" class="qr-code" role="img" aria-label="QR-Code: [^"]*/stelle/ap-0002"', html)


def test_no_canary_anywhere_in_the_output(board: Board) -> None:
    assert board.planted > 50
    for path in board.out.rglob("*"):
        if path.is_file():
            assert MARK.lower().encode() not in path.read_bytes().lower(), path
    text = "".join(page.extract_text() for page in pypdf.PdfReader(board.pdf).pages)
    assert "Was machst du?" in text
    assert MARK.lower() not in text.lower()


def test_pdf_is_a4_with_one_sheet_per_posting(board: Board) -> None:
    reader = pypdf.PdfReader(board.pdf)
    postings = len(list((board.out / "stelle").glob("*/index.html")))
    assert len(reader.pages) == postings
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2  # A4 in points


def test_a_broken_record_is_left_out_and_the_board_is_built(board: Board, tmp_path: Path, recordings: Recordings) -> None:
    import shutil

    out = shutil.copytree(board.out, tmp_path / "site", symlinks=True)  # the board as the last build left it
    postings = {p.parent.name for p in out.glob("stelle/*/index.html")}
    assert "ap-0002" in postings and len(postings) > 2
    broken = tmp_path / "broken"
    shutil.copytree(board.repo, broken)
    (broken / "workplaces" / "ap-0002" / "workplace.yaml").write_text("id: ap-0002\nposting: [\n", encoding="utf-8")
    with recordings.used_by(broken):  # the copied cache verifies under the key of the process that built the board only
        result = run_cli("--root", str(broken), "public", "--today", TODAY, "--out", str(out))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "ap-0002/workplace.yaml:" in result.stderr and "fehlen auf der Jobbörse" in result.stderr
    assert {p.parent.name for p in out.glob("stelle/*/index.html")} == postings - {"ap-0002"}


def test_fixed_texts_are_easy_language() -> None:
    config, _ = load_config(REPO)
    texts = [((str(i),), "\n".join([head, *lines])) for i, (head, lines) in enumerate(PROCESS)]
    texts += [(("glossary", word), text) for word, text in config.glossary.items()]
    texts += [(("label",), label) for label in EASY_PLACEMENT_LABELS.values()]
    bad = [f"{f.loc}: {f.code} {f.message}" for f in check_texts("fixed", texts, config) if f.severity.value != "info"]
    assert bad == []


class _Text(HTMLParser):
    """Visible text of a page's <main> and header, one line per block element (scripts, QR and feed left out)."""

    BLOCKS: ClassVar[set[str]] = {"p", "li", "h1", "h2", "h3", "dt", "dd", "summary", "label", "option", "title", "span"}

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("script", "svg", "style"):
            self.skip += 1
        if tag in self.BLOCKS or tag == "br":
            self.flush()
        label = dict(attrs).get("aria-label")
        if label and not self.skip:
            self.lines.append(label)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "svg", "style"):
            self.skip -= 1
        if tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buf.append(data)

    def flush(self) -> None:
        text = " ".join("".join(self.buf).split())
        if text:
            self.lines.append(text)
        self.buf = []


def test_every_page_of_the_board_passes_the_check(board: Board) -> None:
    """The board's own texts and the template output: the same check as the records (demo postings only)."""
    from site_gen.checking.rules.easy_language import record_texts
    from site_gen.records.dataset import load_dataset

    config, _ = load_config(REPO)
    names = frozenset().union(*(n for _, _, n, _ in record_texts(load_dataset(REPO))))  # the proper names the check allows
    bad = []
    for page in sorted(board.out.rglob("*.html")):
        rel = page.relative_to(board.out).as_posix()
        if "ap-9" in rel:
            continue  # the fixture's script payloads
        parser = _Text()
        parser.feed(page.read_text())
        parser.flush()
        lines = [ln for ln in parser.lines if "@" not in ln and "Telefon:" not in ln and "ap-9" not in ln and "<" not in ln and " & " not in ln
                 and ".example" not in ln and not ln.startswith("QR-Code")]
        found = check_texts(rel, [((rel,), "\n".join(lines))], config, names)
        bad += [f"{rel}: {f.code} {f.message}" for f in found if f.severity.value != "info"]
    assert bad == []


def test_one_spelling_per_place_name(board: Board) -> None:
    districts = set(re.findall(r"Stadt·teil: ([^<]+)<", (board.out / "index.html").read_text()))
    assert districts
    everything = "".join(p.read_text() for p in board.out.rglob("*.html"))
    for d in districts:
        split = re.compile("·?".join(re.escape(ch) for ch in d))
        assert {m.group() for m in split.finditer(everything)} == {d}, d
    assert not re.search(r"\bin (?:%s)\b" % "|".join(map(re.escape, districts)), everything)


def test_every_page_has_the_easy_language_label(board: Board) -> None:
    for page in board.out.rglob("*.html"):
        assert 'class="ls-label"' in page.read_text() and "Leichte Sprache</p>" in page.read_text(), page


def test_hard_labels_link_to_the_glossary(board: Board) -> None:
    glossary = (board.out / "woerter" / "index.html").read_text()
    html = (board.out / "stelle" / "ap-0002" / "index.html").read_text() + (board.out / "kurse" / "index.html").read_text()
    anchors = re.findall(r'href="\.\./\.\./woerter/#([^"]+)"|href="\.\./woerter/#([^"]+)"', html)
    anchors = {a or b for a, b in anchors}
    assert anchors
    for anchor in anchors:
        assert f'id="{anchor}"' in glossary, anchor


def test_course_page_has_overview_pictures_and_no_repeated_lines(board: Board) -> None:
    html = (board.out / "kurse" / "index.html").read_text()
    courses = re.findall(r'<section class="part course" id="(kurs-[^"]+)"', html)
    assert courses and all(f'href="#{c}"' in html for c in courses)
    for block in html.split('<section class="part course"')[1:]:
        assert "section-picto" in block
        lines = re.findall(r"<p>([^<]+)</p>", block)
        assert len(lines) == len(set(lines)), lines


def test_audio_per_posting_and_section_is_small_and_cached(board: Board) -> None:
    for page in (board.out / "stelle").glob("*/index.html"):
        pid = page.parent.name
        sizes = {f.name: f.stat().st_size for f in (board.out / "audio" / pid).glob("*.opus")}
        assert set(sizes) == {"alles.opus", "was.opus", "wo.opus", "wann.opus", "brauchst.opus", "hilft.opus", "weiter.opus"}, pid
        assert all(size > 1000 for size in sizes.values())
        assert sizes["alles.opus"] < 250_000
        assert (board.out / "audio" / pid / "alles.opus").read_bytes()[:4] == b"OggS"
    # the cached bytes after the MAC line (with CI set, the MAC's key lives in the process that built the board)
    cached = {p.read_bytes().split(b"\n", 1)[1] for p in (board.repo / ".site-gen-cache" / "audio").glob("*.opus")}
    assert (board.out / "audio" / "ap-9001" / "alles.opus").read_bytes() in cached  # spoken by this build (not seeded from the demo)


def test_print_sheet_has_every_section_on_one_a4_page(board: Board) -> None:
    reader = pypdf.PdfReader(board.pdf)
    postings = sorted(p.parent.name for p in (board.out / "stelle").glob("*/index.html"))
    assert len(reader.pages) == len(postings)  # one A4 page per posting
    for page in reader.pages:
        text = page.extract_text()
        for heading in ("Was machst du?", "Wo?", "Wann?", "Was brauchst du?", "Wer hilft dir?", "Wie geht es weiter?"):
            assert heading in text
        assert "/stelle/ap-" in text and "Telefon:" in text
