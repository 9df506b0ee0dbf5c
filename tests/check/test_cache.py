"""The check cache is plain data: a planted or broken cache file never runs code and never changes a verdict."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from ..conftest import BASE_CASE, BASE_WORKPLACE, TODAY, run_cli


class _Payload:
    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return os.system, (f"touch {self.marker}",)


def test_a_planted_cache_runs_no_code_and_is_rebuilt(base_repo: Path, tmp_path: Path) -> None:
    cache = base_repo / ".site-gen-cache"
    first = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert first.returncode == 0
    marker = tmp_path / "pwned"
    payload = pickle.dumps(_Payload(marker))
    for name in ("result.pickle", "summary.marshal", "records.json", "summary.json"):
        (cache / name).write_bytes(payload)
    again = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert not marker.exists()
    assert again.returncode == 0 and again.stdout == first.stdout
    assert not (cache / "result.pickle").exists()  # legacy formats are removed, never read
    fast = run_cli("--root", str(base_repo), "check", "--today", TODAY, BASE_CASE)
    assert not marker.exists() and fast.returncode == 0


def test_foreign_json_in_the_cache_is_ignored(base_repo: Path) -> None:
    first = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    (base_repo / ".site-gen-cache" / "records.json").write_text('{"code": "x", "key": "y", "findings": [[1, 2]]}', encoding="utf-8")
    (base_repo / ".site-gen-cache" / "summary.json").write_text('{"files": {"cases/tn-0001": ["a", "b", null]}}', encoding="utf-8")
    again = run_cli("--root", str(base_repo), "check", "--today", TODAY, BASE_CASE)
    assert again.returncode == 0 and "Traceback" not in again.stderr
    assert run_cli("--root", str(base_repo), "check", "--today", TODAY).stdout == first.stdout


def test_a_changed_workplace_reaches_the_cases_placed_there(base_repo: Path) -> None:
    """Per-record cache: the unchanged case is checked again when its workplace goes; warm equals cold."""
    assert run_cli("--root", str(base_repo), "check", "--today", TODAY).returncode == 0
    workplace = base_repo / BASE_WORKPLACE
    kept = workplace.read_text(encoding="utf-8")
    shutil.rmtree(workplace.parent)
    warm = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    cold = run_cli("--root", str(base_repo), "check", "--today", TODAY, "--no-cache")
    assert warm.returncode == 1 and "cases/tn-0001/placements/" in warm.stdout and "REF-DANGLING" in warm.stdout
    assert warm.stdout == cold.stdout
    workplace.parent.mkdir()
    workplace.write_text(kept, encoding="utf-8")
    again = run_cli("--root", str(base_repo), "check", "--today", TODAY)
    assert again.returncode == 0 and again.stdout == run_cli("--root", str(base_repo), "check", "--today", TODAY, "--no-cache").stdout


def _check(root: Path, *files: str, use_cache: bool = True) -> tuple[int, str]:
    """``site-gen check [FILES]`` in-process (the entry point is covered above)."""
    import datetime as dt
    import io

    from site_gen.commands.check import check

    out = io.StringIO()
    code = check(root, dt.date.fromisoformat(TODAY), only=list(files), use_cache=use_cache, out=out)
    return code, out.getvalue()


def test_a_forged_cache_entry_is_ignored(base_repo: Path) -> None:
    """A records.json that claims a broken record clean, written without the key, never passes it."""
    import json

    from site_gen.records.cache import read_cache

    assert _check(base_repo)[0] == 0
    body = json.loads(read_cache(base_repo, "records.json") or b"null")
    case = base_repo / BASE_CASE
    case.write_text(case.read_text(encoding="utf-8") + "unbekannt: 1\n", encoding="utf-8")
    cold = _check(base_repo, use_cache=False)
    assert cold[0] == 1
    forged = json.dumps(body).encode()  # the clean entries, for the broken content: no key, no MAC
    stored = base_repo / ".site-gen-cache" / "records.json"
    for head in (b"", stored.read_bytes().partition(b"\n")[0] + b"\n", b"site-gen-cache " + b"0" * 64 + b"\n"):
        stored.write_bytes(head + forged)
        assert _check(base_repo) == cold
        assert _check(base_repo, BASE_CASE)[0] == 1


def test_an_edit_of_the_same_size_with_the_time_put_back_is_seen(base_repo: Path) -> None:
    """The local shortcut keys on the change time too, which no program can put back."""
    import os

    assert _check(base_repo)[0] == 0
    case = base_repo / BASE_CASE
    before = os.stat(case)
    text = case.read_text(encoding="utf-8")
    os.utime(case, ns=(before.st_atime_ns, before.st_mtime_ns - 10_000_000_000))  # older than the cache
    assert _check(base_repo)[0] == 0
    broken = text.replace("id: tn-0001", "id: tn-0009", 1)
    assert len(broken) == len(text) and broken != text
    case.write_text(broken, encoding="utf-8")
    os.utime(case, ns=(before.st_atime_ns, before.st_mtime_ns - 10_000_000_000))  # same size, time put back
    assert _check(base_repo) == _check(base_repo, use_cache=False)
    assert _check(base_repo)[0] == 1


def test_in_ci_every_digest_is_a_content_hash(base_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from site_gen.checking.unit_cache import RecordCache, digests
    from site_gen.records.dataset import record_units

    units = record_units(base_repo)[0]
    monkeypatch.setenv("CI", "true")
    hashes, _ = digests(base_repo, units, RecordCache())
    assert all(not h.startswith("stat:") for h in hashes.values())
    monkeypatch.setenv("CI", "")
    assert all(h.startswith("stat:") for h in digests(base_repo, units, RecordCache())[0].values())


def test_a_linked_cache_folder_is_neither_read_nor_written(base_repo: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "anderswo"
    elsewhere.mkdir()
    (elsewhere / "records.json").write_text("fremd", encoding="utf-8")
    (base_repo / ".site-gen-cache").symlink_to(elsewhere)
    assert _check(base_repo)[0] == 0
    assert _check(base_repo, BASE_CASE)[0] == 0
    assert sorted(p.name for p in elsewhere.iterdir()) == ["records.json"]
    assert (elsewhere / "records.json").read_text(encoding="utf-8") == "fremd"


def test_links_inside_the_cache_folder_are_replaced_not_followed(base_repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "wichtig.txt"
    outside.write_text("bleibt\n", encoding="utf-8")
    cache = base_repo / ".site-gen-cache"
    cache.mkdir()
    for name in (".gitignore", "records.json", "summary.json"):
        (cache / name).symlink_to(outside)
    assert _check(base_repo)[0] == 0
    assert outside.read_text(encoding="utf-8") == "bleibt\n"
    assert not any((cache / name).is_symlink() for name in (".gitignore", "records.json", "summary.json"))


def test_the_cache_key_lives_outside_the_cache_folder(base_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With SITE_GEN_CACHE_KEY (CI) a cache written under another key — another pipeline's — verifies nowhere."""
    from site_gen.records import cache

    monkeypatch.setenv(cache.KEY_ENV, "geheim-main")
    cache.cache_key.cache_clear()
    cache.write_cache(base_repo, "probe.json", b"{}")
    assert cache.read_cache(base_repo, "probe.json") == b"{}"
    monkeypatch.setenv(cache.KEY_ENV, "merge-request")
    cache.cache_key.cache_clear()
    assert cache.read_cache(base_repo, "probe.json") is None
    monkeypatch.delenv(cache.KEY_ENV)
    cache.cache_key.cache_clear()
    assert not list((base_repo / ".site-gen-cache").glob("*.key"))


def test_in_ci_without_a_key_no_cache_file_outlives_its_process(base_repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A work tree another branch's pipeline may have touched holds nothing a CI check trusts."""
    from site_gen.records import cache

    monkeypatch.delenv(cache.KEY_ENV, raising=False)
    monkeypatch.setenv("CI", "true")
    cache.cache_key.cache_clear()
    cache.write_cache(base_repo, "probe.json", b"{}")
    assert cache.read_cache(base_repo, "probe.json") == b"{}"  # the same process: the same key
    cache.cache_key.cache_clear()  # the next process
    assert cache.read_cache(base_repo, "probe.json") is None
    monkeypatch.delenv("CI")
    cache.cache_key.cache_clear()


@pytest.mark.parametrize(("deleted", "at"), [("modules/mod-001.yaml", 3), ("workplaces/ap-0001", 2)])
def test_a_forged_summary_never_lets_the_hook_delete_a_referenced_record(base_repo: Path, deleted: str, at: int) -> None:
    """summary.json rewritten without the key to say no case uses the module (the workplace): deleting it is still refused."""
    import datetime as dt
    import io
    import json

    from site_gen.commands.check import check
    from site_gen.records.cache import read_cache

    from ..layout.helpers import git

    def staged() -> tuple[int, str]:
        out = io.StringIO()
        return check(base_repo, dt.date.fromisoformat(TODAY), staged=True, out=out), out.getvalue()

    (base_repo / ".gitignore").write_text(".site-gen-cache/\n", encoding="utf-8")
    git(base_repo, "init", "-q", "-b", "main")
    git(base_repo, "add", "-A")
    git(base_repo, "commit", "-qm", "Basis", "--no-verify")
    assert _check(base_repo)[0] == 0 and staged()[0] == 0  # warm: records.json and summary.json written
    index = json.loads(read_cache(base_repo, "summary.json") or b"null")
    assert index["files"]["cases/tn-0001"][2][at] == [deleted.split("/")[1].removesuffix(".yaml")]
    index["files"]["cases/tn-0001"][2][at] = []
    forged = json.dumps(index).encode()
    stored = base_repo / ".site-gen-cache" / "summary.json"
    git(base_repo, "rm", "-q", "-r", deleted)
    for head in (b"", stored.read_bytes().partition(b"\n")[0] + b"\n", b"site-gen-cache " + b"0" * 64 + b"\n"):
        stored.write_bytes(head + forged)
        code, out = staged()
        assert code == 1 and "REF-DANGLING" in out and "cases/tn-0001/" in out, out
