"""Benchmark: the public job board and the easy-language check at 500 postings.

Targets (issue #4): public build ≤ 5 s; a posting page ≤ 30 KB of HTML + CSS
(pictograms aside); easy-language check of all 500 postings ≤ 1 s after
start-up. Data: ``site-gen demo`` (synthetic, fictional); workplaces the
generator leaves without a posting get one copied from a posted workplace,
so exactly 500 postings are on the board.

Audio (issue #13): every posting gets spoken files (espeak-ng + opusenc) at build
time, cached by text hash in ``.site-gen-cache/audio``; the benchmark prints the
cold build (empty cache), the warm build (cache kept) and the audio size per posting.

Page weight (issue #16): the largest page of every kind, HTML alone and with the
board's CSS and script (a first visit, pictograms aside), goals beside. Lists and
filter pages ≤ 100 KB, posting pages ≤ 30 KB (HTML + CSS), print sheets ≤ 100 KB.

Run: ``python benchmarks/public_build.py [POSTINGS]`` (prints figures and ratios);
``python benchmarks/public_build.py --weights DIR`` only weighs an already built board.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = "2026-11-22"
POSTINGS = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 500
PAGE_KINDS: tuple[tuple[str, str, int], ...] = (
    ("start page (all its pages)", r"(seite/\d+/)?index\.html", 100),
    ("filter page (all its pages)", r"filter/[^/]+/[^/]+/(seite/\d+/)?index\.html", 100),
    ("posting page", r"stelle/[^/]+/index\.html", 30),
    ("print sheet", r"aushang/[^/]+/index\.html", 100),
    ("print overview", r"aushang/index\.html", 100),
    ("courses", r"kurse/index\.html", 100),
    ("process", r"so-gehts/index\.html", 100),
    ("glossary", r"woerter/index\.html", 100),
)
"""(kind, path pattern, goal in KB for HTML + CSS + script)."""


def site_gen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "site_gen", *args], capture_output=True, text=True, check=True)


def make_data(root: Path) -> None:
    site_gen("demo", "--workplaces", str(POSTINGS), "--cases", "200", "--modules", "20", "--out", str(root))
    files = sorted((root / "workplaces").glob("*.yaml"))
    block = next(m.group(0) for f in files if (m := re.search(r"(?ms)^posting:\n.*", f.read_text())))
    for f in files:
        text = f.read_text()
        text = re.sub(r"(?m)^  status: (pausiert|beendet|kontakt)$", "  status: aktiv", text)
        if not re.search(r"(?m)^posting:", text):
            text = text.rstrip("\n") + "\n" + block
        f.write_text(text)


def page_weights(out: Path) -> None:
    """Print the largest page of every kind: HTML, and HTML + style.css + board.js (a first visit)."""
    assets = sum((out / "static" / name).stat().st_size for name in ("style.css", "board.js") if (out / "static" / name).is_file())
    pages = [p.relative_to(out).as_posix() for p in out.rglob("*.html")]
    print(f"page weights in {out} (CSS + script {assets / 1024:.1f} KB, cached after the first page):")
    for kind, pattern, goal in PAGE_KINDS:
        sizes = sorted(((out / rel).stat().st_size, rel) for rel in pages if re.fullmatch(pattern, rel))
        if not sizes:
            print(f"  {kind:30} none")
            continue
        size, rel = sizes[-1]
        with_assets = (size + assets) / 1024
        print(f"  {kind:30} {len(sizes):5} pages, largest {size / 1024:7.1f} KB HTML, {with_assets:7.1f} KB with CSS + script"
              f"   goal ≤ {goal} KB   ratio {with_assets / goal:.2f}   ({rel})")
    index = out / "static" / "stellen.json"
    if index.is_file():
        print(f"  {'filter index (on demand)':30} {index.stat().st_size / 1024:7.1f} KB, fetched only when the filter form is used")


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--weights":
        page_weights(Path(sys.argv[2]))
        return
    from site_gen.checking.rules import easy_language
    from site_gen.records.dataset import load_dataset, record_files

    with tempfile.TemporaryDirectory() as tmp:
        root, out = Path(tmp) / "data", Path(tmp) / "public"
        make_data(root)
        start = time.perf_counter()
        site_gen("--root", str(root), "public", "--today", TODAY, "--out", str(out))
        cli = time.perf_counter() - start  # cold: every spoken file is made
        start = time.perf_counter()
        site_gen("--root", str(root), "public", "--today", TODAY, "--out", str(out))
        warm_cli = time.perf_counter() - start  # warm: spoken files come from the cache
        audio = [sum(f.stat().st_size for f in d.glob("*.opus")) for d in (out / "audio").glob("*") if d.is_dir()]
        whole = [(d / "alles.opus").stat().st_size for d in (out / "audio").glob("*") if (d / "alles.opus").is_file()]
        pages = sorted((out / "stelle").glob("*/index.html"))
        css = (out / "static" / "style.css").stat().st_size
        sizes = [p.stat().st_size + css for p in pages]
        total_files = sum(1 for p in out.rglob("*") if p.is_file())
        page_weights(out)

        files = [(k, p) for k, p in record_files(root) if k in ("workplaces", "modules")]
        ds = load_dataset(root, only=files)
        today = dt.date.fromisoformat(TODAY)
        t0 = time.perf_counter()
        first = list(easy_language.check(ds, today))
        t1 = time.perf_counter()
        warm = list(easy_language.check(ds, today))
        t2 = time.perf_counter()
        postings = sum(1 for w in ds.workplaces.values() if w.posting)

    print(f"postings on the board:          {len(pages)} (workplaces with posting: {postings}), files written: {total_files}")
    print(f"public build, cold audio cache: {cli:6.2f} s   ({cli / max(1, len(pages)):.2f} s per posting, 7 spoken files each)")
    print(f"public build, warm (CLI, wall): {warm_cli:6.2f} s   target ≤ 5 s    ratio {warm_cli / 5:.2f}")
    if audio:
        print(f"audio per posting:              mean {sum(audio) / len(audio) / 1024:5.1f} KB (all 7 files), "
              f"whole posting {sum(whole) / len(whole) / 1024:5.1f} KB")
    print(f"posting page HTML+CSS:          max {max(sizes) / 1024:5.1f} KB, mean {sum(sizes) / len(sizes) / 1024:5.1f} KB "
          f"(CSS {css / 1024:.1f} KB)   target ≤ 30 KB   ratio {max(sizes) / 30720:.2f}")
    print(f"easy-language check, 1st run:   {t1 - t0:6.3f} s   (includes reading the word lists)")
    print(f"easy-language check, warm:      {t2 - t1:6.3f} s   target ≤ 1 s    ratio {(t2 - t1):.2f}   findings {len(warm)}")
    assert len(first) == len(warm)


if __name__ == "__main__":
    main()
