"""The board in a real Chromium: axe-core, keyboard, reflow, targets, read-aloud, filters, script payloads."""

from __future__ import annotations

from typing import Any

import pytest

from ..browser import axe_violations, shared_page
from .conftest import Board

PAGES = {
    "list": "",
    "filter": None,  # first filter page, found at run time
    "posting": "stelle/ap-0002/",
    "courses": "kurse/",
    "process": "so-gehts/",
    "glossary": "woerter/",
    "print": "aushang/",
    "sheet": "aushang/ap-0002/",
}
SPEECH_STUB = """
window.__speech = {spoken: [], cancels: 0};
const stub = {
  speaking: false, _u: null,
  speak(u) { window.__speech.spoken.push({text: u.text, lang: u.lang}); this.speaking = true; this._u = u; },
  cancel() { window.__speech.cancels += 1; this.speaking = false; const u = this._u; this._u = null;
             if (u && u.onend) setTimeout(() => u.onend({}), 0); },
  getVoices() { return window.__voices || [{lang: "de-DE", name: "Deutsch"}]; },
};
Object.defineProperty(window, "speechSynthesis", {value: stub, configurable: true});
"""
FOCUSABLE = "a[href], button:not([hidden]), select, summary, [tabindex]:not([tabindex='-1'])"


def _url(board: Board, kind: str) -> str:
    rel = PAGES[kind]
    if rel is None:
        first = sorted((board.out / "filter").glob("*/*/index.html"))[0]
        rel = first.parent.relative_to(board.out).as_posix() + "/"
    return board.url + rel


@pytest.fixture
def page(browser: Any) -> Any:
    context = browser.new_context()
    pg = context.new_page()
    yield pg
    context.close()


@pytest.mark.parametrize("kind", list(PAGES))
def test_axe_finds_no_wcag_violations(board: Board, browser: Any, kind: str) -> None:
    pg = shared_page(browser, 1280, 720)  # the pages keep no state: one page for all, its cache shared
    pg.goto(_url(board, kind))
    violations = axe_violations(pg)
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("kind", list(PAGES))
@pytest.mark.parametrize("width", [320, 640])  # 640 CSS px = 1280 px window at 200 % zoom
def test_no_horizontal_scrolling_and_targets_at_least_24px(board: Board, browser: Any, kind: str, width: int) -> None:
    pg = shared_page(browser, width, 800)
    pg.goto(_url(board, kind))
    wide = pg.evaluate("document.documentElement.scrollWidth")
    small = pg.evaluate(f"""[...document.querySelectorAll("{FOCUSABLE}")].filter(e => e.offsetParent !== null)
        .map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect()]).filter(([_, r]) => r.width < 24 || r.height < 24)
        .map(([h, r]) => h + " " + Math.round(r.width) + "x" + Math.round(r.height))""")
    assert wide <= width
    assert small == []


@pytest.mark.parametrize("kind", ["list", "posting", "glossary"])
def test_every_control_is_reached_by_keyboard_with_visible_focus(board: Board, page: Any, kind: str) -> None:
    page.add_init_script(SPEECH_STUB)
    page.goto(_url(board, kind))
    expected = page.evaluate(f"""[...document.querySelectorAll("{FOCUSABLE}")].filter(e => (e.offsetParent !== null || e.matches('.skip'))
        && !e.closest('details:not([open]) > :not(summary)')).length""")  # controls inside a closed <details> wait behind its button
    reached = set()
    for _ in range(expected * 4 + 5):  # an <audio> control has several stops inside
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement; const s = getComputedStyle(e);
            return [e.outerHTML.slice(0, 80) + '#' + [...document.querySelectorAll('*')].indexOf(e), s.outlineStyle, parseFloat(s.outlineWidth)]; }""")
        if info[0].startswith("<body"):
            if reached:  # past the last stop: the next round would visit the same stops in the same order
                break
            continue
        assert info[1] != "none" and info[2] >= 2, f"no visible focus on {info[0]}"
        reached.add(info[0])
    assert len(reached) >= expected


def test_read_aloud_starts_and_stops_with_highlight(board: Board, page: Any) -> None:
    page.add_init_script(SPEECH_STUB)
    page.goto(_url(board, "posting"))
    button = page.locator("button.speak").first
    assert button.is_visible()
    button.click()
    spoken = page.evaluate("window.__speech.spoken")
    items = page.locator(".part").first.locator("li").count()
    # One utterance per heading and list item: the voice pauses between them instead of running them together.
    assert len(spoken) == 1 + items and all(u["lang"] == "de-DE" for u in spoken)
    assert spoken[0]["text"] == "Was machst du?" and all(u["text"][-1] in ".!?:" for u in spoken)
    section = page.locator(".part").first
    assert "is-reading" in section.get_attribute("class") and button.get_attribute("aria-pressed") == "true"
    button.click()
    page.wait_for_timeout(50)
    assert page.evaluate("window.__speech.cancels") >= 1 and len(page.evaluate("window.__speech.spoken")) == 1 + items
    assert "is-reading" not in section.get_attribute("class") and button.get_attribute("aria-pressed") == "false"


def test_without_speech_or_javascript_the_page_still_works(board: Board, browser: Any) -> None:
    for options, script in (({"java_script_enabled": False}, None), ({}, "delete window.speechSynthesis;")):
        context = browser.new_context(**options)
        pg = context.new_page()
        if script:
            pg.add_init_script(script)
        pg.goto(_url(board, "posting"))
        assert pg.locator("button.speak").count() > 0 and not pg.locator("button.speak").first.is_visible()
        pg.goto(_url(board, "list"))
        link = pg.locator(".filter-links a").first
        if not options:
            context.close()
            continue
        link.locator("xpath=ancestor::details").locator("summary").click()
        link.click()
        assert "/filter/" in pg.url and pg.locator(".card").count() >= 1
        context.close()


def test_filters_combine_with_javascript(board: Board, page: Any) -> None:
    page.goto(_url(board, "list"))
    page.locator(".filters > summary").click()  # the filters wait behind one button
    total = page.locator(".card").count()
    select = page.locator("select[data-filter='stunden']")
    value = select.locator("option").nth(1).get_attribute("value")
    select.select_option(value)
    visible = page.locator(".card:not([hidden])").count()
    assert 0 < visible <= total
    assert page.locator(".filter-count").inner_text().split()[0] == str(visible)


def test_script_payloads_show_as_text_and_never_run(board: Board, page: Any) -> None:
    page.goto(board.url + "stelle/ap-9001/")
    assert page.evaluate("window.__pwned") is None
    assert "<script>window.__pwned=1</script>" in page.locator("h1").inner_text()
    assert 'onerror="window.__pwned=1"' in page.locator(".part").first.inner_text()
    page.goto(board.url)
    assert page.evaluate("window.__pwned") is None


def test_without_a_german_voice_the_button_says_so(board: Board, page: Any) -> None:
    page.add_init_script("window.__voices = [{lang: 'en-US', name: 'English'}];" + SPEECH_STUB)
    page.goto(_url(board, "posting"))
    page.locator("button.speak").first.click()
    message = page.locator(".part").first.locator(".speak-message")
    assert message.is_visible() and "keine deutsche Vorlese·stimme" in message.inner_text()
    assert page.evaluate("window.__speech.spoken") == []


def test_phone_first_screen_shows_a_job_and_the_whole_card_is_the_link(board: Board, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(_url(board, "list"))
    card = pg.locator(".card").first
    box = card.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    assert pg.locator(".filters select:visible, .filters a:visible").count() == 0  # filters behind one button
    size = pg.evaluate("parseFloat(getComputedStyle(document.querySelector('.card p')).fontSize)")
    assert size >= 20
    href = card.locator("a.card-link").get_attribute("href")
    with pg.expect_navigation():
        pg.mouse.click(box["x"] + box["width"] - 16, box["y"] + box["height"] - 16)  # a corner of the card, far from the title
    assert pg.url.endswith(href.lstrip("./")), pg.url
    context.close()


def test_audio_element_plays_a_spoken_file(board: Board, page: Any) -> None:
    page.goto(_url(board, "posting"))
    audio = page.locator("section.part audio").first
    src = audio.get_attribute("src")
    assert src.endswith(".opus")
    duration = page.evaluate("""async () => { const a = document.querySelector('section.part audio'); a.muted = true;
        a.preload = 'auto'; a.load(); await new Promise((ok, bad) => { a.oncanplay = ok; a.onerror = () => bad(a.error && a.error.code); });
        await a.play(); await new Promise(r => setTimeout(r, 300)); return [a.duration, a.currentTime]; }""")
    assert duration[0] > 0.5 and duration[1] > 0


def test_qr_codes_on_the_print_sheet_decode_to_the_posting_address(board: Board, browser: Any) -> None:
    import io

    import zxingcpp
    from PIL import Image

    context = browser.new_context(viewport={"width": 900, "height": 1200}, device_scale_factor=2)
    pg = context.new_page()
    pg.emulate_media(media="print")
    postings = sorted(p.parent.name for p in (board.out / "stelle").glob("*/index.html"))
    decoded = []
    for pid in postings:  # one sheet per posting, each its own page
        pg.goto(board.url + f"aushang/{pid}/")
        for qr in pg.locator(".sheet .qr-code").all():
            results = zxingcpp.read_barcodes(Image.open(io.BytesIO(qr.screenshot())))
            decoded += [r.text for r in results]
    context.close()
    assert sorted(u.rstrip("/").rsplit("/", 1)[-1] for u in decoded) == postings
    assert all(u.startswith("https://") and "/stelle/" in u for u in decoded)


def test_filters_combine_across_pages(board: Board, page: Any) -> None:
    page.goto(_url(board, "list"))
    page.locator(".filters > summary").click()
    everything = page.locator(".card").count()
    with page.expect_response(lambda r: r.url.endswith("static/stellen.json")):
        page.locator("select[data-filter='stunden']").select_option(index=1)
    page.wait_for_function("document.querySelector('.filter-count').textContent !== ''")
    visible = page.locator(".card:not([hidden])").count()
    assert page.locator(".filter-count").inner_text().split()[0] == str(visible)
    page.locator("select[data-filter='stunden']").select_option(index=0)
    assert page.locator(".card:not([hidden])").count() == len(list((board.out / "stelle").glob("*/index.html"))) >= everything
