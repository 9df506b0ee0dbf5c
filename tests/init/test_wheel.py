"""A team without IT: the built wheel alone, in a fresh virtual environment, no checkout, no node.

One package build and one venv for the module (slow: about a minute). From a
folder outside the checkout, with ``PATH`` holding the venv and a few system
tools but no ``node``: ``site-gen init``, the organisation filled in,
``pre-commit install``, a first commit that passes, a consent-breaking one
that is refused, the CI templates' pip line resolved against the wheel, and
a site whose editor logs in against decap-server in Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
import site
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from site_gen import __version__

from ..browser import served
from ..cms.harness import DECAP_SERVER, decap_server, free_port
from ..conftest import REPO

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not (REPO / "node_modules" / "decap-cms" / "dist").is_dir() or not DECAP_SERVER.exists(),
                                 reason="npm ci nicht ausgeführt (der Paketbau braucht Decap CMS)")]
TOOLS = ("git", "bash", "sh", "env", "cat", "tar", "gzip", "rm", "mkdir", "uname", "sed", "grep", "dirname", "basename")
"""What the team's machine has besides Python: Git and a shell (no node, no npm)."""
AUTHOR = {"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
          "GIT_COMMITTER_EMAIL": "test@example.org", "PRE_COMMIT_COLOR": "never"}


class Team:
    """The installed package and a shell environment without the checkout and without node."""

    def __init__(self, root: Path) -> None:
        self.dist = root / "dist"
        build = subprocess.run([sys.executable, "-m", "build", "--outdir", str(self.dist), str(REPO)],
                               capture_output=True, text=True, timeout=900)
        assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
        self.wheel = next(self.dist.glob("site_gen-*.whl"))
        self.venv = root / "venv"
        # Without a copy of pip of its own (ensurepip alone takes about 10 s): pip comes, like the dependencies, from
        # this machine's site packages (offline), as a plain path after the venv's own: the .pth files there are not
        # run, so the checkout's editable install cannot shadow the wheel's site_gen. pip installs into the venv it runs in.
        subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(self.venv)], check=True, timeout=300)
        self.python = self.venv / "bin" / "python"
        venv_site = subprocess.run([str(self.python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip()
        Path(venv_site, "zz_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
        subprocess.run([str(self.python), "-m", "pip", "install", "--quiet", "--ignore-installed", "--no-deps", "--no-index", str(self.wheel)],
                       check=True, timeout=600, capture_output=True)
        tools = root / "werkzeuge"
        tools.mkdir()
        for name in TOOLS:
            found = shutil.which(name)
            if found:
                (tools / name).symlink_to(found)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "SITE_GEN", "PYENV"))}
        self.env = {**env, **AUTHOR, "PATH": f"{self.venv / 'bin'}:{tools}", "PRE_COMMIT_HOME": str(root / "pre-commit")}
        self.home = root

    def run(self, *args: str, cwd: Path, check: bool = False) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(list(args), cwd=cwd, env=self.env, capture_output=True, text=True, timeout=900)
        assert not check or result.returncode == 0, result.stdout + result.stderr
        return result


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Team:
    return Team(tmp_path_factory.mktemp("team"))


def test_the_wheel_carries_the_editor_and_the_sdist_too(team: Team) -> None:
    import tarfile
    import zipfile

    names = zipfile.ZipFile(team.wheel).namelist()
    assert "site_gen/static/editor/decap-cms/decap-cms.js" in names and "site_gen/static/editor/yaml/index.js" in names
    assert "site_gen/static/editor/age/age-encryption/dist/index.js" in names  # sealing in the browser (issue 27)
    assert not [n for n in names if n.endswith(".map")]
    sdist = next(team.dist.glob("site_gen-*.tar.gz"))
    assert any(n.endswith("site_gen/static/editor/decap-cms/decap-cms.js") for n in tarfile.open(sdist).getnames())
    where = team.run("python", "-c", "import site_gen; print(site_gen.__file__, site_gen.__version__)", cwd=team.home, check=True)
    assert where.stdout.startswith(str(team.venv)) and __version__ in where.stdout
    assert shutil.which("node", path=team.env["PATH"]) is None and shutil.which("npm", path=team.env["PATH"]) is None


@pytest.fixture(scope="module")
def records(team: Team) -> Path:
    """``init`` from the installed package, the organisation filled in, the hook installed."""
    repo = team.home / "akten"
    repo.mkdir()
    team.run("git", "init", "-q", "-b", "main", cwd=repo, check=True)
    made = team.run("site-gen", "init", cwd=repo, check=True)
    assert "Achtung" not in made.stdout  # site-gen is on the search path: the local hook will find it
    org = repo / "organisation.yaml"
    text = org.read_text(encoding="utf-8").replace("Beispiel-Werkstätten gGmbH", "Werkstätten am Kanal gGmbH")
    text = text.replace("name: Coach Eins", "name: Jule Fichte").replace("name: Coach Zwei", "name: Bo Linde")
    org.write_text(text + f"\neditor:\n  backend: lokal\n  local_port: {free_port()}\n", encoding="utf-8")
    team.run("python", "-m", "pre_commit", "install", cwd=repo, check=True)
    return repo


def test_first_commit_passes_and_a_consent_breaking_one_is_refused(team: Team, records: Path) -> None:
    team.run("site-gen", "new", "case", cwd=records, check=True)
    case = records / "cases" / "tn-0001" / "case.yaml"
    text = case.read_text(encoding="utf-8").replace('"AUSFÜLLEN: Vorname"', "Kim").replace('"AUSFÜLLEN: Nachname"', "Muster")
    case.write_text(text, encoding="utf-8")
    team.run("git", "add", "-A", cwd=records, check=True)
    first = team.run("git", "commit", "-m", "Daten-Repository eingerichtet", cwd=records)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "site-gen check" in first.stdout + first.stderr

    case.write_text(text + "support_needs: [Braucht feste Pausenzeiten]\n", encoding="utf-8")  # health data, no consent
    team.run("git", "add", "-A", cwd=records, check=True)
    refused = team.run("git", "commit", "-m", "Unterstützungsbedarf", cwd=records)
    assert refused.returncode != 0
    said = refused.stdout + refused.stderr
    assert "cases/tn-0001/case.yaml:" in said and "CONSENT-MISSING" in said, said
    assert "Braucht" not in refused.stdout + refused.stderr  # no record value in the hook's output
    assert team.run("git", "rev-list", "--count", "HEAD", cwd=records).stdout.strip() == "1"
    team.run("git", "reset", "-q", "--hard", cwd=records, check=True)

    bericht = records / "entwicklungsbericht-tn-0001.docx"  # where a report landed before ausgabe/ was the default
    bericht.write_bytes(b"PK\x03\x04")
    team.run("git", "add", "-A", cwd=records, check=True)
    document = team.run("git", "commit", "-m", "Bericht", cwd=records)
    assert document.returncode != 0 and "DOCUMENT-IN-GIT" in document.stdout + document.stderr
    team.run("git", "reset", "-q", "--hard", cwd=records, check=True)
    (records / "ausgabe").mkdir()
    (records / "ausgabe" / bericht.name).write_bytes(b"PK\x03\x04")
    assert team.run("git", "status", "--porcelain", cwd=records).stdout == ""  # ausgabe/ is ignored


@pytest.mark.parametrize("rel", [".gitlab-ci.yml", ".github/workflows/site-gen.yml", ".forgejo/workflows/site-gen.yml"])
def test_the_ci_pip_line_installs_the_pinned_wheel(team: Team, records: Path, rel: str) -> None:
    line = re.search(r'python -m pip install --quiet (".*")', (records / rel).read_text(encoding="utf-8"))
    assert line, rel
    dry = team.run("bash", "-c", f"python -m pip install --dry-run --no-deps --ignore-installed --no-index "
                                 f"--find-links {team.dist} {line.group(1)}", cwd=records)
    assert dry.returncode == 0, dry.stdout + dry.stderr
    assert f"Would install site-gen-{__version__}" in dry.stdout



def test_a_site_built_from_the_wheel_has_a_working_editor(team: Team, records: Path, browser: Any) -> None:
    built = team.run("site-gen", "build", "--no-search", cwd=records)
    assert built.returncode == 0, built.stdout + built.stderr
    site = records / "site"
    assert (site / "admin" / "decap-cms.js").stat().st_size > 1_000_000 and (site / "admin" / "yaml" / "index.js").is_file()
    assert (site / "admin" / "age" / "age-encryption" / "dist" / "index.js").is_file() and (site / "admin" / "siegel.json").is_file()
    port = int(re.search(r"local_port: (\d+)", (records / "organisation.yaml").read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]
    with decap_server(records, port), served(site) as base:
        page = browser.new_page()
        page.goto(f"{base}/admin/index.html")
        page.get_by_role("button", name=re.compile(r"^(Login|Anmelden)$")).click()  # Decap's English or our German labels
        page.get_by_role("link", name="Akten").first.click()
        page.get_by_text("tn-0001").first.wait_for()
        page.close()
