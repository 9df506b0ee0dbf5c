"""site-gen build through its real entry point: strictness, safety of the output, Git history."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import REPO, TODAY, file_with, run_cli

from .conftest import DATA, fixture_repo, fixture_site_copy


def html_pages(site: Path) -> list[Path]:
    """The generated pages; admin/ (the editor, with its own documented policy) is tested in tests/cms."""
    return [p for p in site.rglob("*.html") if "pagefind" not in p.parts and "admin" not in p.relative_to(site).parts[:1]]


def test_every_page_is_noindex_and_loads_nothing_foreign(fixture_site: tuple[Path, Path]) -> None:
    site = fixture_site[1]
    pages = html_pages(site)
    assert {"index.html", "suche.html", "fristen.html", "formate.html", "akten/tn-1001.html", "kennzahlen/traeger-elbauen.html",
            "arbeitsplaetze/ap-gaertnerei.html", "module/mod-staerken.html", "personal/coach-a.html"} <= {p.relative_to(site).as_posix() for p in pages}
    for p in pages:
        html = p.read_text(encoding="utf-8")
        assert '<meta name="robots" content="noindex' in html, p
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert not re.search(r"<script>", html), f"inline script in {p}"
        assert not re.search(r"<(script|link|img|iframe)\b[^>]*(src|href)=\"(https?:)?//", html), p
    assert (site / "pagefind" / "pagefind-ui.js").is_file()
    assert not (site / "search" / "search_index.json").exists()


def test_records_stay_out_of_the_navigation(fixture_site: tuple[Path, Path]) -> None:
    html = (fixture_site[1] / "index.html").read_text(encoding="utf-8")
    nav = html[html.index('<nav class="md-nav md-nav--primary'):]
    nav = nav[: nav.index("</nav>")]
    assert "tn-1001" not in nav and "ap-gaertnerei" not in nav
    listing = (fixture_site[1] / "akten" / "standort-nord.html").read_text(encoding="utf-8")
    assert 'href="tn-1001.html"' in listing


def test_dossier_shows_git_history_consents_and_disclosures(fixture_site: tuple[Path, Path]) -> None:
    html = (fixture_site[1] / "akten" / "tn-1001.html").read_text(encoding="utf-8")
    assert "Test Autorin" in html and "20.11.2026" in html
    assert "gültig, läuft in 28 Tagen ab" in html
    assert "Braucht eine Erinnerung an die Pausenzeiten." in html
    assert "Überprüfung überfällig" in html
    assert "<svg" in html and "<table" in html


def test_format_reference_comes_from_the_models(fixture_site: tuple[Path, Path]) -> None:
    html = (fixture_site[1] / "formate.html").read_text(encoding="utf-8")
    row = re.search(r"<tr>\s*<td>support&#95;needs</td>.*?</tr>", html, re.S) or re.search(r"<tr>\s*<td>support_needs</td>.*?</tr>", html, re.S)
    assert row and "gesundheitsdaten" in row.group(0) and "Unterstützungsbedarf" in row.group(0)
    assert "dokumentationspflicht" in html and 'id="case-placement"' in html


def test_invalid_record_is_left_out_and_the_rest_is_built(tmp_path: Path, fixture_site: tuple[Path, Path]) -> None:
    repo = fixture_repo(tmp_path / "repo")
    out = fixture_site_copy(fixture_site, tmp_path / "site")  # the first build
    assert "Gravenhorst" in (out / "akten" / "tn-1002.html").read_text(encoding="utf-8")
    case = file_with(repo / "cases" / "tn-1002", "workplace: ap-kantine")
    case.write_text(case.read_text(encoding="utf-8").replace("workplace: ap-kantine", "workplace: ap-gibt-es-nicht"), encoding="utf-8")
    proc = run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(out), "--no-search")
    assert proc.returncode == 1
    assert "REF-DANGLING" in proc.stderr and "1 Datensatz fehlt auf der Seite" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "Sandmann" in (out / "akten" / "tn-1001.html").read_text(encoding="utf-8")
    assert "Gravenhorst" not in (out / "akten" / "tn-1002.html").read_text(encoding="utf-8")
    assert [p.name for p in (tmp_path / ".site-gen-staging").iterdir()] == [".gitignore"]


def test_failed_mkdocs_build_leaves_previous_output(tmp_path: Path, fixture_site: tuple[Path, Path]) -> None:
    repo = fixture_repo(tmp_path / "repo")
    out = fixture_site_copy(fixture_site, tmp_path / "site")  # the first build
    marker = out / "index.html"
    before = marker.read_bytes()
    (repo / "mkdocs.yml").write_text("site_name: Test\nrepo_url: https://example.org/x\ntheme:\n  name: material\n", encoding="utf-8")
    proc = run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(out), "--no-search")
    assert proc.returncode == 1, proc.stdout
    assert "repo_url" in proc.stderr and "bisherige Ausgabe bleibt unverändert" in proc.stderr and "Traceback" not in proc.stderr
    assert marker.read_bytes() == before
    (repo / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: material\n  font:\n    text: Roboto\n", encoding="utf-8")
    proc = run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(out), "--no-search")
    assert proc.returncode == 1 and "theme.font" in proc.stderr
    assert marker.read_bytes() == before


def test_strict_build_fails_on_a_warning(tmp_path: Path) -> None:
    repo = fixture_repo(tmp_path / "repo")
    (repo / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: material\nextra_javascript:\n  - https://cdn.example.org/x.js\n",
                                     encoding="utf-8")
    out = tmp_path / "site"
    proc = run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(out), "--no-search")
    assert proc.returncode == 1 and "fremden Server" in proc.stderr
    assert not out.exists()


def test_refuses_to_replace_a_foreign_folder(tmp_path: Path) -> None:
    repo = fixture_repo(tmp_path / "repo")
    out = tmp_path / "wichtig"
    out.mkdir()
    (out / "notiz.txt").write_text("nicht löschen", encoding="utf-8")
    proc = run_cli("--root", str(repo), "build", "--today", TODAY, "--out", str(out), "--no-search")
    assert proc.returncode == 1 and "nicht von site-gen" in proc.stderr
    assert (out / "notiz.txt").read_text(encoding="utf-8") == "nicht löschen"


def test_default_output_folder_is_site_under_root(tmp_path: Path) -> None:
    repo = fixture_repo(tmp_path / "repo")
    assert run_cli("--root", str(repo), "build", "--today", TODAY, "--no-search").returncode == 0
    assert (repo / "site" / "index.html").is_file() and (repo / "site" / ".site-gen-intern").is_file()


def test_operations_doc_names_the_csp() -> None:
    from site_gen.site.publish import CSP

    doc = (REPO / "site_gen" / "help" / "betrieb.md").read_text(encoding="utf-8")
    assert CSP in doc and "wasm-unsafe-eval" in doc


def test_build_internal_takes_a_narrowed_dataset(tmp_path: Path) -> None:
    import dataclasses
    import datetime as dt

    from site_gen.records.dataset import load_dataset
    from site_gen.site.internal import build_internal

    repo = fixture_repo(tmp_path / "repo")
    ds = load_dataset(repo)
    team = dataclasses.replace(ds, cases={k: v for k, v in ds.cases.items() if v.location == "nord"})
    result = build_internal(team, tmp_path / "out", dt.date.fromisoformat(TODAY), search=False)
    assert (result.out / "akten" / "tn-1001.html").is_file()
    assert not (result.out / "akten" / "tn-1003.html").exists()
    shutil.rmtree(result.out)


def test_sharded_mkdocs_build_equals_single_process(tmp_path: Path) -> None:
    import datetime as dt

    from site_gen.records.dataset import load_dataset
    from site_gen.site.internal_pages import render_site, write_docs
    from site_gen.site.mkdocs import mkdocs_config, run_mkdocs, run_mkdocs_sharded
    from site_gen.views.consented import consented_dataset

    today = dt.date.fromisoformat(TODAY)
    docs = tmp_path / "docs"
    write_docs(render_site(consented_dataset(load_dataset(DATA / "repo"), today), today), docs)
    run_mkdocs(mkdocs_config(docs, tmp_path / "one", REPO / "mkdocs.yml"))
    run_mkdocs_sharded(docs, tmp_path / "many", REPO / "mkdocs.yml", record_pages=10_000)
    one = {p.relative_to(tmp_path / "one").as_posix(): p.read_bytes() for p in (tmp_path / "one").rglob("*.html")}
    many = {p.relative_to(tmp_path / "many").as_posix(): p.read_bytes() for p in (tmp_path / "many").rglob("*.html")}
    assert one.keys() == many.keys()
    assert [k for k in one if one[k] != many[k]] == []
    assert not any(p.name.startswith("many-") for p in tmp_path.iterdir())


def test_hooks_change_speed_not_output(tmp_path: Path) -> None:
    """Setting raw HTML and plain tables aside, and the lighter inline patterns (markdown_speed), give byte-identical pages."""
    import datetime as dt

    from site_gen.records.dataset import load_dataset
    from site_gen.site.internal_pages import render_site, write_docs
    from site_gen.site.mkdocs import mkdocs_config, run_mkdocs
    from site_gen.views.consented import consented_dataset

    today = dt.date.fromisoformat(TODAY)
    docs = tmp_path / "docs"
    write_docs(render_site(consented_dataset(load_dataset(REPO), today), today), docs)
    run_mkdocs(mkdocs_config(docs, tmp_path / "with", REPO / "mkdocs.yml"))
    run_mkdocs(mkdocs_config(docs, tmp_path / "without", REPO / "mkdocs.yml", hooks=False))
    with_hooks = {p.relative_to(tmp_path / "with").as_posix(): p.read_bytes() for p in (tmp_path / "with").rglob("*.html")}
    without = {p.relative_to(tmp_path / "without").as_posix(): p.read_bytes() for p in (tmp_path / "without").rglob("*.html")}
    assert with_hooks.keys() == without.keys() and len(with_hooks) > 50
    assert [k for k in with_hooks if with_hooks[k] != without[k]] == []
    assert any(b"<svg" in page for rel, page in with_hooks.items() if rel.startswith("akten/"))


def test_plain_tables_are_set_aside_with_the_shipped_configuration(tmp_path: Path) -> None:
    """The table shortcut must engage with the configuration teams get (it did not while fenced_code, which mkdocs
    always adds, was missing from the safe list: same pages, a quarter more mkdocs time)."""
    from site_gen.site import mkdocs_hooks
    from site_gen.site.mkdocs import mkdocs_config

    (tmp_path / "docs").mkdir()
    for source in (REPO / "mkdocs.yml", tmp_path / "none.yml"):
        config = mkdocs_config(tmp_path / "docs", tmp_path / "site", source)
        assert mkdocs_hooks.plain_tables_safe(config), config.markdown_extensions


def test_team_documentation_is_published_under_help(fixture_site: tuple[Path, Path]) -> None:
    _, site = fixture_site
    privacy = (site / "hilfe" / "datenschutz.html").read_text(encoding="utf-8")
    operation = (site / "hilfe" / "betrieb.html").read_text(encoding="utf-8")
    assert "Einwilligung" in privacy and "Content-Security-Policy" in operation
    assert 'href="hilfe/datenschutz.html"' in (site / "index.html").read_text(encoding="utf-8")


def documented_csp() -> str:
    doc = (REPO / "site_gen" / "help" / "betrieb.md").read_text(encoding="utf-8")
    return re.search(r"```text\n(default-src[^\n]+)\n```", doc).group(1)  # type: ignore[union-attr]


def test_every_page_carries_the_documented_csp_as_meta(fixture_site: tuple[Path, Path]) -> None:
    from site_gen.render.csp import meta_csp

    expected = meta_csp(documented_csp())
    assert "frame-ancestors" not in expected and "wasm-unsafe-eval" in expected
    pages = html_pages(fixture_site[1])
    assert len(pages) > 20
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', text)
        assert [f.replace("&#39;", "'") for f in found] == [expected], page


def test_the_documented_server_rule_hides_every_dot_file_and_the_site_needs_none(fixture_site: tuple[Path, Path]) -> None:
    """help/betrieb.md: nginx answers 404 for every path with a part starting with a dot; the built site
    holds such files (marker, manifest, privacy state) but no page or asset is reached through one."""
    doc = (REPO / "site_gen" / "help" / "betrieb.md").read_text(encoding="utf-8")
    assert "location ~ /\\. { return 404; }" in doc
    rule = re.compile(r"/\.")
    site = fixture_site[1]
    dotted = [p.relative_to(site).as_posix() for p in site.rglob("*") if any(part.startswith(".") for part in p.relative_to(site).parts)]
    assert {".site-gen-intern", ".site-gen-seiten.json", ".site-gen-zustand.json"} <= set(dotted)
    assert all(rule.search("/" + path) for path in dotted)
    for page in site.rglob("*.html"):
        for link in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", link):
                continue
            parts = [x for x in link.split("/") if x not in ("", ".", "..")]
            assert not any(x.startswith(".") for x in parts), f"{page.name}: {link}"
