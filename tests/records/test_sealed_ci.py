"""The CI templates on sealed records (issue 28 point 3): the keyring fetched per run, the key given as text.

The shell steps of the three templates (GitLab, GitHub, Forgejo) run for real with bash in a temporary
folder. The team's server is a local folder; ``ssh`` is a stand-in on PATH that runs the remote command
locally (no sshd here) and records how it was called. Everything after the transfer (``tar``, ``umask``,
the exported ``SITE_GEN_KEYRING``, the clean-up, ``site-gen check`` and ``build``) is the real thing.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from ..conftest import run_cli
from .conftest import Sealed

TEMPLATES = Path(__file__).resolve().parents[2] / "site_gen" / "templates" / "init"
SERVER_PATH = "srv/site-gen/schluessel"
HOST_KEY = "server.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFakeHostKeyForTestsOnly"

FAKE_SSH = r"""#!/bin/bash
# Stand-in for ssh: checks the options the templates must pass, then runs the remote command here.
set -eu
key=""; opts=""
while [ $# -gt 0 ]; do
  case "$1" in
    -i) key="$2"; shift 2 ;;
    -o) opts="$opts $2"; shift 2 ;;
    -*) shift ;;
    *) break ;;
  esac
done
host="$1"; shift
printf 'host=%s key_mode=%s opts=%s\n' "$host" "$(stat -c %a "$key")" "$opts" >> "$SSH_LOG"
test -s "$key"
case "$opts" in *StrictHostKeyChecking=yes*) ;; *) echo "no host key checking" >&2; exit 9 ;; esac
known="${opts##*UserKnownHostsFile=}"; known="${known%% *}"
grep -q "FakeHostKeyForTestsOnly" "$known"
cd "$SERVER_ROOT"
exec sh -c "$*"
"""


def _steps(doc: dict[str, Any], job: str) -> dict[str, str]:
    return {step["name"]: step["run"] for step in doc["jobs"][job]["steps"] if "name" in step and "run" in step}


def _github_like(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((TEMPLATES / name).read_text(encoding="utf-8"))
    return loaded


@pytest.fixture
def ci(tmp_path: Path, sealed_demo: Sealed) -> dict[str, Any]:
    """A sealed repository checked out by the runner, the team's server with the keyring, a fake ssh, the secrets."""
    s = sealed_demo.copy(tmp_path)
    server = tmp_path / "server"
    shutil.copytree(s.ring, server / SERVER_PATH)
    shutil.rmtree(s.ring)  # the runner has no keyring of its own
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ssh").write_text(FAKE_SSH)
    (bin_dir / "ssh").chmod(0o755)
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    ssh_key = "-----BEGIN OPENSSH PRIVATE KEY-----\nZmFrZSBkZXBsb3kga2V5IGZvciB0ZXN0cw==\n-----END OPENSSH PRIVATE KEY-----"
    env = {**{k: v for k, v in os.environ.items() if not k.startswith("SITE_GEN_")},
           "PATH": f"{bin_dir}:{os.environ['PATH']}", "SSH_LOG": str(tmp_path / "ssh.log"), "SERVER_ROOT": str(server),
           "HOME": str(tmp_path)}
    return {"repo": s.repo, "server": server / SERVER_PATH, "env": env, "runner_temp": runner_temp, "ssh_key": ssh_key,
            "identity_text": s.admin.read_text(encoding="utf-8"), "log": tmp_path / "ssh.log", "tmp": tmp_path}


def _bash(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # GitHub's default shell for `run`: bash --noprofile --norc -eo pipefail
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def _same_tree(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b and files_a
    assert all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)


def _github_env(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines() if "=" in line)


@pytest.mark.parametrize("name", ["github-workflow.yml", "forgejo-workflow.yml"])
def test_github_and_forgejo_fetch_the_keyring_per_run_and_remove_it(ci: dict[str, Any], name: str) -> None:
    doc = _github_like(name)
    github_env = ci["tmp"] / "github_env"
    github_env.touch()
    env = {**ci["env"], "RUNNER_TEMP": str(ci["runner_temp"]), "GITHUB_ENV": str(github_env),
           "SCHLUESSELBUND": f"ci@server.example.org:{SERVER_PATH}", "SSH_KEY": ci["ssh_key"], "HOST_KEY": HOST_KEY}
    for job in ("pruefen", "seiten"):
        assert "SCHLUESSELBUND" in doc["jobs"][job]["env"] and "SITE_GEN_IDENTITY" in doc["jobs"][job]["env"]
    # least privilege: a pull request's check gets no key
    for var in ("SITE_GEN_IDENTITY", "SCHLUESSELBUND", "SSH_KEY"):
        assert doc["jobs"]["pruefen"]["env"][var].startswith("${{ github.event_name == 'push' && secrets.")
    steps = _steps(doc, "seiten")
    done = _bash(steps["Schlüsselbund holen"], ci["repo"], env)
    assert done.returncode == 0, done.stderr
    ring = Path(_github_env(github_env)["SITE_GEN_KEYRING"])
    assert ring.parent == ci["runner_temp"]
    assert {stat.S_IMODE(p.stat().st_mode) & 0o077 for p in [ring, *ring.rglob("*")]} == {0}
    _same_tree(ring, ci["server"])
    assert not (ci["runner_temp"] / "site-gen-schluesselbund.ssh").exists()  # the SSH key file is gone at once
    log = ci["log"].read_text(encoding="utf-8")
    assert "host=ci@server.example.org key_mode=600" in log
    assert ci["ssh_key"] not in done.stdout + done.stderr
    # the clean-up step (if: always()) leaves nothing behind
    assert "always()" in str([s.get("if") for s in doc["jobs"]["seiten"]["steps"] if s.get("name") == "Schlüsselbund löschen"])
    done = _bash(steps["Schlüsselbund löschen"], ci["repo"], env)
    assert done.returncode == 0 and not ring.exists() and not list(ci["runner_temp"].iterdir())


def test_gitlab_fetches_the_keyring_with_the_file_variable_and_removes_it(ci: dict[str, Any]) -> None:
    doc = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8"))
    block = doc[".schluesselbund"]
    for job in ("akten-pruefen", "seiten-bauen"):
        assert doc[job]["script"][0] == block
    key_file = ci["tmp"] / "SITE_GEN_INTERN_SSH_KEY"  # GitLab writes a "File" variable and passes its path
    key_file.write_text(ci["ssh_key"] + "\n")
    env = {**ci["env"], "TMPDIR": str(ci["runner_temp"]), "SITE_GEN_SCHLUESSELBUND": f"ci@server.example.org:{SERVER_PATH}",
           "SITE_GEN_INTERN_SSH_KEY": str(key_file), "SITE_GEN_INTERN_HOST_KEY": HOST_KEY}
    done = _bash(block + '\nprintf "%s" "$SITE_GEN_KEYRING" > keyring-path\n', ci["repo"], env)
    assert done.returncode == 0, done.stderr
    ring = Path((ci["repo"] / "keyring-path").read_text())
    assert ring == ci["runner_temp"] / "site-gen-schluesselbund"
    assert {stat.S_IMODE(p.stat().st_mode) & 0o077 for p in [ring, *ring.rglob("*")]} == {0}
    _same_tree(ring, ci["server"])
    assert "key_mode=600" in ci["log"].read_text(encoding="utf-8")
    done = _bash("\n".join(doc["default"]["after_script"]), ci["repo"], env)
    assert done.returncode == 0 and not list(ci["runner_temp"].iterdir())


def test_without_keys_a_plain_repository_needs_nothing_and_a_sealed_build_refuses(ci: dict[str, Any], tmp_path: Path) -> None:
    doc = _github_like("github-workflow.yml")
    github_env = tmp_path / "github_env"
    github_env.touch()
    env = {**ci["env"], "RUNNER_TEMP": str(ci["runner_temp"]), "GITHUB_ENV": str(github_env), "SCHLUESSELBUND": "",
           "SSH_KEY": "", "HOST_KEY": ""}
    check, build = _steps(doc, "pruefen"), _steps(doc, "seiten")
    # a pull request (no secrets): nothing fetched; the check holds what it can without keys and says so
    assert _bash(check["Schlüsselbund holen"], ci["repo"], env).returncode == 0
    assert github_env.read_text() == "" and not ci["log"].exists()
    done = _bash(check["Akten prüfen"], ci["repo"], env)
    assert done.returncode == 0 and "::notice::Versiegelte Akten ohne Schlüssel geprüft" in done.stdout
    assert "SEALED-NO-KEY" not in done.stdout
    # the build never publishes a site of sealed records it could not open
    done = _bash(build["Seiten bauen"], ci["repo"], env)
    assert done.returncode == 1 and "SITE_GEN_SCHLUESSELBUND und SITE_GEN_IDENTITY" in done.stdout
    assert not (ci["repo"] / "site").exists()
    # a plain repository: the key step is a no-op even with the secrets set
    plain = tmp_path / "plain"
    plain.mkdir()
    env_secrets = {**env, "SCHLUESSELBUND": f"ci@server.example.org:{SERVER_PATH}", "SSH_KEY": ci["ssh_key"], "HOST_KEY": HOST_KEY}
    assert _bash(check["Schlüsselbund holen"], plain, env_secrets).returncode == 0
    assert github_env.read_text() == "" and not ci["log"].exists()


def test_a_sealed_repository_checks_and_builds_with_the_fetched_keyring_and_the_key_as_text(ci: dict[str, Any]) -> None:
    doc = _github_like("github-workflow.yml")
    github_env = ci["tmp"] / "github_env"
    github_env.touch()
    env = {**ci["env"], "RUNNER_TEMP": str(ci["runner_temp"]), "GITHUB_ENV": str(github_env),
           "SCHLUESSELBUND": f"ci@server.example.org:{SERVER_PATH}", "SSH_KEY": ci["ssh_key"], "HOST_KEY": HOST_KEY,
           "SITE_GEN_IDENTITY": ci["identity_text"]}  # the secret's text, as GitHub and Forgejo pass it
    steps = _steps(doc, "seiten")
    assert _bash(steps["Schlüsselbund holen"], ci["repo"], env).returncode == 0
    env.update(_github_env(github_env))
    done = _bash(_steps(doc, "pruefen")["Akten prüfen"], ci["repo"], env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SEALED-" not in done.stdout
    done = _bash(steps["Seiten bauen"], ci["repo"], env)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "SEALED-NO-KEY" not in done.stdout + done.stderr and "AGE-SECRET-KEY" not in done.stdout + done.stderr
    first = yaml.safe_load((Path(__file__).resolve().parents[2] / "cases" / "tn-0001" / "case.yaml").read_text(encoding="utf-8"))["first_name"]
    page = next((ci["repo"] / "site").rglob("tn-0001*/index.html"), None) or next((ci["repo"] / "site").rglob("*tn-0001*.html"))
    assert first in page.read_text(encoding="utf-8")


def test_the_key_as_text_opens_what_the_file_opens_and_is_never_echoed(sealed_demo: Sealed, tmp_path: Path) -> None:
    from site_gen.records.keys import own_identities

    def check(identity: str) -> tuple[int, str]:
        done = run_cli("--root", str(sealed_demo.repo), "check", env={"SITE_GEN_KEYRING": str(sealed_demo.ring), "SITE_GEN_IDENTITY": identity})
        return done.returncode, done.stdout + done.stderr

    code, out = check(sealed_demo.admin.read_text(encoding="utf-8"))  # the whole age-keygen file, comments and all
    assert code == 0 and "SEALED-" not in out
    # an SSH key pasted as a secret (no final newline) is read as well
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "", "-f", str(tmp_path / "id")], check=True)
    os.environ["SITE_GEN_IDENTITY"] = (tmp_path / "id").read_text().strip()
    try:
        assert len(own_identities() or []) == 1
    finally:
        os.environ.pop("SITE_GEN_IDENTITY", None)
    # a broken key: named by where it came from, never echoed
    broken = "AGE-SECRET-KEY-1NOTAVALIDKEYBUTSECRETLOOKINGTEXT"
    code, out = check(broken)
    assert code == 1 and "SITE_GEN_IDENTITY (Schlüssel als Text)" in out and "NOTAVALIDKEY" not in out and "Traceback" not in out


def test_an_erasure_on_the_server_takes_effect_on_the_next_ci_run(ci: dict[str, Any], sealed_demo: Sealed) -> None:
    """The keyring is fetched per run, not stored as a CI secret: 'forget' on the team's server reaches the next run,
    even one building a commit that still holds the case's files."""
    block = yaml.safe_load((TEMPLATES / "gitlab-ci.yml").read_text(encoding="utf-8"))[".schluesselbund"]
    key_file = ci["tmp"] / "SITE_GEN_INTERN_SSH_KEY"
    key_file.write_text(ci["ssh_key"] + "\n")
    env = {**ci["env"], "TMPDIR": str(ci["runner_temp"]), "SITE_GEN_SCHLUESSELBUND": f"ci@server.example.org:{SERVER_PATH}",
           "SITE_GEN_INTERN_SSH_KEY": str(key_file), "SITE_GEN_INTERN_HOST_KEY": HOST_KEY, "SITE_GEN_IDENTITY": ci["identity_text"]}
    ci_run = block + "\nsite-gen check --no-cache\n"
    done = _bash(ci_run, ci["repo"], env)
    assert done.returncode == 0 and "SEALED-" not in done.stdout, done.stdout + done.stderr
    # the team lead erases a case in her own clone, with the keyring on the server
    lead = ci["tmp"] / "lead"
    subprocess.run(["git", "clone", "-q", str(ci["repo"]), str(lead)], check=True)
    forgot = run_cli("--root", str(lead), "forget", "tn-0003", "--yes",
                     env={"SITE_GEN_KEYRING": str(ci["server"]), "SITE_GEN_IDENTITY": str(sealed_demo.admin)})
    assert forgot.returncode == 0, forgot.stdout + forgot.stderr
    # the next CI run on the old checkout: the case reads as erased, nothing of it is opened
    done = _bash(ci_run, ci["repo"], env)
    assert "cases/tn-0003/case.yaml:1:1: SEALED-ERASED [Hinweis] Die Akte wurde am" in done.stdout, done.stdout + done.stderr
