"""How long the editor's list of cases takes to open with N cases (default 1,000).

Real parts only: ``site-gen demo`` data in a Git repository, decap-server on
localhost, the admin/ page as ``site-gen build`` installs it, Debian's
Chromium. Prints the median of three runs: from the click on "Login" until
the first case is listed, and until a case form is open.

    PYTHONPATH=. python benchmarks/cms_list.py [--cases 1000]
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright

from tests.browser import launch
from tests.cms.harness import editor, free_port, records_repo

FIRST = re.compile(r"^tn-0+1 –")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo"
        subprocess.run([sys.executable, "-m", "site_gen", "demo", "--cases", str(args.cases), "--workplaces", "60",
                        "--modules", "12", "--out", str(demo)], check=True, capture_output=True)
        repo = records_repo(Path(tmp) / "repo", free_port(), source=demo)
        listed, opened = [], []
        with editor(repo, Path(tmp) / "site") as url, sync_playwright() as pw:
            browser = launch(pw)
            for _ in range(args.runs):
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(url)
                button = page.get_by_role("button", name="Login")
                button.wait_for()
                t0 = time.perf_counter()
                button.click()
                page.get_by_text(FIRST).first.wait_for(timeout=300_000)
                listed.append(time.perf_counter() - t0)
                t1 = time.perf_counter()
                page.get_by_text(FIRST).first.click()
                page.get_by_text("begleitung hinzufügen").wait_for(timeout=120_000)
                opened.append(time.perf_counter() - t1)
                page.close()
            browser.close()
    print(f"{args.cases} Akten: Liste offen nach {statistics.median(listed):.1f} s (Läufe: "
          + ", ".join(f"{t:.1f}" for t in listed) + f"); Akte offen nach {statistics.median(opened):.1f} s")


if __name__ == "__main__":
    main()
