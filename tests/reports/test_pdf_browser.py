"""PDF files on a coach's machine without IT: Chromium, Chrome or Edge, whichever is there; a German message otherwise.

A team installs site-gen on Windows or macOS, where no ``/usr/bin/chromium`` exists: the PDF commands try
``SITE_GEN_CHROMIUM``, the system's Chromium, an installed Chrome or Edge, then Playwright's own browser.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_gen.site.chromium import ENV, PATHS, choices

from ..conftest import REPO, run_cli


def test_the_named_browser_alone_else_the_systems_then_chrome_edge_and_playwrights_own() -> None:
    assert choices({ENV: "C:/Programme/Chromium/chrome.exe"}, exists=lambda _: False) == [("C:/Programme/Chromium/chrome.exe", None)]
    windows = choices({}, exists=lambda _: False)  # no /usr/bin/chromium: Chrome, then Edge (every Windows has it), then Playwright's
    assert windows == [(None, "chrome"), (None, "msedge"), (None, None)]
    debian = choices({ENV: "  "}, exists=lambda path: path == PATHS[0])
    assert debian[0] == (PATHS[0], None) and debian[1:] == windows


@pytest.mark.slow
def test_a_browser_that_does_not_start_is_a_german_message_and_the_html_is_still_written(tmp_path: Path) -> None:
    refused = run_cli("--root", str(REPO), "selbsteinschaetzung", "--out", str(tmp_path), env={ENV: str(tmp_path / "kein-browser")})
    assert refused.returncode == 1 and "Traceback" not in refused.stderr, refused.stderr
    assert f"site-gen: {ENV} nennt ein Programm, das nicht als Chromium startet." in refused.stderr
    assert [p.suffix for p in tmp_path.iterdir()] == [".html"]


@pytest.mark.slow
@pytest.mark.skipif(not Path(PATHS[0]).exists(), reason="Chromium fehlt")
def test_the_browser_named_in_the_environment_prints_the_pdf(tmp_path: Path) -> None:
    printed = run_cli("--root", str(REPO), "rueckmeldung", "--out", str(tmp_path), env={ENV: PATHS[0]})
    assert printed.returncode == 0, printed.stderr
    assert next(tmp_path.glob("rueckmeldung*.pdf")).read_bytes().startswith(b"%PDF")


@pytest.mark.slow
@pytest.mark.skipif(any(Path(p).exists() for p in ("/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge")), reason="Chrome oder Edge installiert")
def test_without_any_chromium_every_way_is_tried_and_the_message_says_what_to_install(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A machine as a Windows laptop looks to Playwright here: no system Chromium, no Chrome, no Edge, no download."""
    import site_gen.site.chromium as chromium
    from site_gen.errors import UserError

    monkeypatch.setattr(chromium, "PATHS", ())
    monkeypatch.setenv("PLAYWRIGHT_BROWSERS_PATH", str(tmp_path))  # Playwright's own Chromium: not downloaded
    monkeypatch.delenv(ENV, raising=False)
    with pytest.raises(UserError) as refused, chromium.browser():
        pass
    assert refused.value.message == "Für das PDF wurde kein Chromium-Browser gefunden (Chrome, Edge oder Chromium)."
    assert "python -m playwright install chromium" in (refused.value.hint or "") and "--kein-pdf" in (refused.value.hint or "")
