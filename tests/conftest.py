"""Shared fixtures: fixture repositories and the real CLI entry point."""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import shutil
import subprocess
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

# This machine's image sets PYTHONDONTWRITEBYTECODE: every process (both xdist workers, each CLI subprocess,
# each Git hook) would compile the project and rewrite the test modules' asserts again (≈ 3 s of CPU per
# process at collection alone). Bytecode caches are ignored by Git and written atomically, so keep them.
sys.dont_write_bytecode = False
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

REPO = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
TODAY = "2026-11-22"
CASE_FILES = frozenset({"expected.txt", "today"})
"""Files of a tests-as-data folder that describe the case instead of belonging to the repository."""
BASE_CASE = "cases/tn-0001/case.yaml"
"""The stable part of the small base repository's one case (tests/data/base)."""
BASE_PLACEMENT = "cases/tn-0001/placements/2026-03-01-ap-0001-4f90c7.yaml"
"""Its one placement (at ``ap-0001``, ended): an entry file of its own."""
BASE_WORKPLACE = "workplaces/ap-0001/workplace.yaml"
"""The base repository's one workplace."""



@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium for one test module (tests/browser.py); ``run_cli`` stays in-process meanwhile."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as pw:
        b = launch(pw)
        yield b
        b.close()


def site_gen_cmd() -> list[str]:
    """The console script installed beside this interpreter (not a version manager's shim found first on PATH,
    which starts a shell and the manager before it: about 0.5 s per call on a busy machine), else the one on PATH,
    else the module (same entry point)."""
    beside = Path(sys.executable).with_name("site-gen")
    exe = str(beside) if beside.is_file() else shutil.which("site-gen")
    return [exe] if exe else [sys.executable, "-m", "site_gen"]


def run_entry_point(*args: str, cwd: Path | None = None, timeout: float = 300, input: str | None = None,
                    env: Mapping[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``site-gen ARGS`` through its real entry point (the console script, a fresh interpreter).

    For the few tests whose point is the entry point itself (``--help``, exit codes seen by a shell,
    the hook); everything else calls :func:`run_cli` (in-process, the same ``main``). ``env``: variables
    added to this process's environment (``None``: removed)."""
    environ = None
    if env is not None:
        environ = {**os.environ, **{k: v for k, v in env.items() if v is not None}}
        for key in (k for k, v in env.items() if v is None):
            environ.pop(key, None)
    return subprocess.run([*site_gen_cmd(), *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, input=input,
                          env=environ)


@contextlib.contextmanager
def environment(env: Mapping[str, str | None] | None) -> Iterator[None]:
    """``os.environ`` with ``env`` added (``None``: removed) for the block."""
    saved = {k: os.environ.get(k) for k in env or {}}
    try:
        for key, value in (env or {}).items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


PROCESS_STATE = ("cache_key", "_compose_file", "_load", "_OPENERS")
"""What a new interpreter would not know, by name in any ``site_gen`` module (found wherever a module lives):
the CI-only cache key (``cache_key``), parses keyed by file stamps (``_compose_file``, ``_load``), opened keys
(``_OPENERS``)."""


def _fresh_process_state() -> None:
    """Forget :data:`PROCESS_STATE`, as the console script in a fresh interpreter starts without it."""
    for name, module in list(sys.modules.items()):
        if name == "site_gen" or name.startswith("site_gen."):
            for attr in PROCESS_STATE:
                held = getattr(module, attr, None)
                if hasattr(held, "cache_clear"):
                    held.cache_clear()
                elif isinstance(held, dict):
                    held.clear()


def _inside_playwright() -> bool:
    """Whether an event loop runs in this thread (a Playwright sync session of a fixture is open)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300, input: str | None = None,
            env: Mapping[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``site-gen ARGS`` in this process through ``site_gen.cli.main`` (the console script's function).

    Behaves as the console script in a fresh interpreter would, at a fraction of the cost: the working
    directory, stdin (``input``, never a terminal), stdout and stderr are the call's own; ``SystemExit``
    (argparse: usage 2, ``--help`` 0) gives its code; an uncaught exception exits 1 with its traceback on
    stderr, as the interpreter would print it (tests that forbid tracebacks still see them); log records
    without a handler of their own reach stderr as Python's last-resort handler writes them.
    ``env`` as for :func:`run_entry_point`. ``SITE_GEN_TEST_SUBPROCESS=1`` runs every call through
    :func:`run_entry_point` instead; ``timeout`` applies to the subprocess only. While a test's Playwright
    session is open in this thread (its event loop runs here), the call runs in a thread of its own, this one
    waiting: commands that print PDFs start a Playwright session of their own, which cannot nest in a thread
    whose event loop runs."""
    if os.environ.get("SITE_GEN_TEST_SUBPROCESS", "") not in ("", "0"):
        return run_entry_point(*args, cwd=cwd, timeout=timeout, input=input, env=env)
    if _inside_playwright():
        done: list[subprocess.CompletedProcess[str]] = []
        worker = threading.Thread(target=lambda: done.append(_run_in_process(args, cwd, input, env)))
        worker.start()
        worker.join()
        assert done, "run_cli's thread ended without a result"
        return done[0]
    return _run_in_process(args, cwd, input, env)


def _run_in_process(args: tuple[str, ...], cwd: Path | None, input: str | None,
                    env: Mapping[str, str | None] | None) -> subprocess.CompletedProcess[str]:
    """:func:`run_cli` in this thread."""
    from site_gen.cli import main

    _fresh_process_state()
    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    saved = sys.stdin, sys.stdout, sys.stderr, Path.cwd(), sys.argv
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    root.handlers, root.level = [], logging.WARNING  # pytest's capture handlers aside: lastResort writes to our stderr
    sys.stdin, sys.stdout, sys.stderr, sys.argv = io.StringIO(input or ""), out, err, ["site-gen", *args]
    try:
        if cwd is not None:
            os.chdir(cwd)
        try:
            with environment(env):
                code = main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
            if exit_.code is not None and not isinstance(exit_.code, int):
                print(exit_.code, file=sys.stderr)
        except Exception:  # what the interpreter would do with it: traceback on stderr, exit 1
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr, cwd_before, sys.argv = saved
        os.chdir(cwd_before)
        root.handlers, root.level = handlers, level
    texts = [stream.buffer.getvalue().decode("utf-8") for stream in (out, err)]  # type: ignore[attr-defined]
    return subprocess.CompletedProcess([*site_gen_cmd(), *args], int(code or 0), texts[0], texts[1])


def composed(folder: Path) -> Any:
    """The raw mapping of a record folder (``cases/<id>/``): its main file with every entry file appended to its list."""
    from site_gen.records.compose import compose
    from site_gen.records.layout import scan_folder

    unit = scan_folder(folder.parents[1], folder.parent.name, folder.name)[0]
    assert unit is not None, folder
    return compose(folder.parents[1], unit)[0]


def file_with(folder: Path, text: str) -> Path:
    """The one file of a record folder (``cases/<id>/``, entries included) that holds ``text``."""
    found = [p for p in sorted(folder.rglob("*.yaml")) if text in p.read_text(encoding="utf-8")]
    assert len(found) == 1, (folder, text, found)
    return found[0]


def replace_in(folder: Path, old: str, new: str) -> Path:
    """Replace ``old`` by ``new`` in the one file of a record folder that holds it.

    A list item of the old single file (``"    end: 2027-01-04\\n"``, indented below its ``- ``) is found
    in its entry file without those four spaces, and ``new`` goes in the same way.
    """
    def dedent(text: str) -> str:
        return "".join(line[4:] if line.startswith("    ") else line for line in text.splitlines(keepends=True))

    for o, n in ((old, new), (dedent(old), dedent(new))):
        found = [p for p in sorted(folder.rglob("*.yaml")) if o in p.read_text(encoding="utf-8")]
        if found:
            assert len(found) == 1, (folder, old, found)
            found[0].write_text(found[0].read_text(encoding="utf-8").replace(o, n), encoding="utf-8")
            return found[0]
    raise AssertionError(f"{old!r} is in no file of {folder}")


def make_repo(target: Path, *overlays: Path, base: Path = DATA / "base") -> Path:
    """A records repository: a base fixture (the small one unless told), the repo's catalogues, then overlays."""
    shutil.copytree(base, target)
    (target / "schema").mkdir(exist_ok=True)
    for name in ("profile-catalogue.yaml", "consent-purposes.yaml", "easy-language.yaml"):
        if (REPO / "schema" / name).exists():
            shutil.copy(REPO / "schema" / name, target / "schema" / name)
    for overlay in overlays:
        lay_over(target, overlay)
    return target


def lay_over(target: Path, overlay: Path) -> list[str]:
    """Lay a tests-as-data ``overlay`` over the repository ``target``; the paths it makes (relative, POSIX).

    A record folder of the overlay that holds its main file (``cases/<id>/case.yaml``) replaces the
    target's folder of that id as a whole (as a file replaces a file); one without adds its entry files.
    """
    made = []
    for kind, main in (("cases", "case.yaml"), ("workplaces", "workplace.yaml")):
        for folder in sorted((overlay / kind).glob("*/")) if (overlay / kind).is_dir() else []:
            if any(folder.glob(main + "*")) and (target / kind / folder.name).is_dir() and not (target / kind / folder.name).is_symlink():
                shutil.rmtree(target / kind / folder.name)
    for src in sorted(overlay.rglob("*")):
        if src.is_file() and src.name not in CASE_FILES:
            rel = src.relative_to(overlay)
            dest = target / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            if src.suffix == ".symlink":  # a symbolic link to the path the file names
                dest.with_suffix("").symlink_to(src.read_text(encoding="utf-8").strip())
            elif src.suffix == ".delete":  # the base's file of that name is removed
                dest.with_suffix("").unlink()
            elif src.suffix == ".repeat":  # expand to a 20 MB file (not kept in Git)
                line = src.read_bytes()
                dest.with_suffix("").write_bytes(line * (20_000_000 // len(line) + 1))
            else:
                shutil.copy(src, dest)
            made.append(rel.with_suffix("").as_posix() if src.suffix in (".symlink", ".delete", ".repeat") else rel.as_posix())
    return made


def demo_copy(dest: Path) -> Path:
    """The bundled demo records (cases as folders), organisation and schemas in a folder of their own."""
    dest.mkdir()
    for name in ("cases", "workplaces", "modules", "schema", "team"):
        if (REPO / name).is_dir():  # team/: team time without a case (issue 29)
            shutil.copytree(REPO / name, dest / name)
    shutil.copy(REPO / "organisation.yaml", dest / "organisation.yaml")
    return dest


def session_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this test session that every xdist worker sees (the workers' base folders' parent)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def built_once(tmp_path_factory: pytest.TempPathFactory, key: str, make: Callable[[Path], None]) -> Path:
    """``make(folder)`` run once per test session for all xdist workers (a file lock; the first worker builds,
    the others wait and share it); the folder, for read-only use. A failed ``make`` leaves nothing behind, so
    every test that needs it fails with the same error."""
    from filelock import FileLock

    shared = session_dir(tmp_path_factory) / "built-once"
    shared.mkdir(exist_ok=True)
    folder, done = shared / key, shared / f"{key}.done"
    with FileLock(str(shared / f"{key}.lock")):
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture
def base_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


@pytest.fixture(scope="session")
def demo_repo() -> Path:
    """The bundled demo data (read-only use)."""
    return REPO


class Recordings:
    """The spoken recordings of this test session (``site_gen/site/audio.py``), shared by every test repository
    and both xdist workers: the recordings depend only on their text, and espeak-ng speaking a whole board anew
    for each test repository is most of a cold ``public`` build.

    A folder of the session (``<key>.opus``, the plain Ogg Opus bytes: this session's own files, nothing to
    authenticate) that the builds fill. :meth:`used_by` lays them into a repository's cache before its build,
    signed with a key of this session's (``SITE_GEN_CACHE_KEY`` for the block: CI gives each process a key of
    its own otherwise, and :func:`run_cli` starts each call without the last one's), and keeps what the build
    spoke. A recording that does not verify in the build is spoken anew (the cache never decides), so at worst
    a test is slower. One test proves a build speaks and caches its own recordings
    (tests/public/test_public_build.py: the board's unique posting)."""

    KEY = os.urandom(16).hex()

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @contextlib.contextmanager
    def used_by(self, root: Path) -> Iterator[None]:
        """The block (a build of ``root``) finds every recording of the session in ``root``'s cache; what it
        speaks is kept for the session."""
        from site_gen.records import cache

        with environment({cache.KEY_ENV: self.KEY}):
            cache.cache_key.cache_clear()
            try:
                for path in sorted(self.folder.glob("*.opus")):
                    cache.write_cache(root, f"audio/{path.name}", path.read_bytes())
                yield
                self.keep_from(root)
            finally:
                cache.cache_key.cache_clear()

    def keep_from(self, root: Path) -> None:
        """Keep the recordings in ``root``'s cache that verify under the key of the build just done."""
        from site_gen.records import cache

        folder = cache.cache_folder(root)
        for path in sorted((folder / "audio").glob("*.opus")) if folder else []:
            target = self.folder / path.name
            if not target.exists() and (data := cache.read_cache(root, f"audio/{path.name}")) is not None:
                part = target.with_name(f"{path.name}.{os.getpid()}.part")
                part.write_bytes(data)
                part.replace(target)  # whole or not at all: the other worker may read it now


@pytest.fixture(scope="session")
def recordings(tmp_path_factory: pytest.TempPathFactory) -> Recordings:
    """The session's spoken recordings (see :class:`Recordings`)."""
    folder = session_dir(tmp_path_factory) / "recordings"
    folder.mkdir(exist_ok=True)
    return Recordings(folder)


@pytest.fixture(scope="session")
def demo_public(tmp_path_factory: pytest.TempPathFactory, recordings: Recordings) -> Path:
    """The demo's job board (``site-gen public`` with its defaults), built once per session and shared by
    the workers (read-only use). Its recordings are kept for the session's other boards; the demo's own cache
    (the work tree's) is left to the developer's key."""
    def make(base: Path) -> None:
        proc = run_cli("--root", str(REPO), "public", "--today", TODAY, "--out", str(base / "public"))
        assert proc.returncode == 0, proc.stdout + proc.stderr
        recordings.keep_from(REPO)  # under the key the build used (in CI: the call's own, still in this process)

    return built_once(tmp_path_factory, "demo-public", make) / "public"


SLOW_FIXTURES = frozenset({"browser", "page", "demo_site", "fixture_site", "demo_public", "board", "sealed_demo", "home"})
"""A test that asks for one of these (Chromium, a built site, the sealed demo, pre-commit) is ``slow``."""
SLOW_MODULES = frozenset({
    # Chromium
    "cms/test_consent_entries_browser.py", "cms/test_editor_browser.py", "cms/test_entry_files_browser.py", "cms/test_sveltia.py",
    "consent/test_privacy_pages_browser.py", "internal/test_serve.py", "matching/test_matching_bewerbung.py",
    "matching/test_matching_site.py", "public/test_board_finished.py", "public/test_public_browser.py", "voice/test_mein_weg.py",
    "reports/test_nachweis_browser.py",
    # site builds, LibreOffice, pre-commit, Git histories, other interpreters
    "cms/test_admin_site.py", "consent/test_logs_private.py", "consent/test_team_build.py", "employer/test_foerderung.py",
    "init/test_init.py", "init/test_wheel.py", "internal/test_build.py", "internal/test_engine.py", "internal/test_retention.py",
    "internal/test_reuse.py", "internal/test_withdrawal.py", "layout/test_migrate.py", "precommit/test_commit_verdict.py",
    "precommit/test_hooks.py", "precommit/test_hook_equals_full.py", "public/test_easy_language_config.py",
    "public/test_public_build.py", "records/test_sealed.py", "reports/test_bericht.py", "reports/test_output_places.py",
    "reports/test_pdf_profile.py",
    "check/test_parallel.py", "quality/test_consented_type.py", "layout/test_merge.py", "layout/test_forget_folder.py",
    "employer/test_kontakt.py", "voice/test_feedback.py", "voice/test_self_assessment.py",
    # many generated examples (hypothesis)
    "matching/test_matching_properties.py",
})
"""Test modules that are ``slow`` as a whole (paths below tests/)."""
SLOW_TESTS = frozenset({
    "layout/test_new_entry.py::test_init_maps_every_record_file_to_exactly_one_schema_that_validates_the_demo",
    "layout/test_new_entry.py::test_new_entry_fails_with_placeholders_until_filled_then_the_check_is_as_before",
    "layout/test_new_entry.py::test_migrate_points_an_older_skeleton_modeline_at_the_folder_schema",
    "layout/test_new_entry.py::test_case_yaml_of_a_folder_fails_the_composed_schema_and_passes_its_own",
    "cms/test_config.py::test_cms_check_detects_drift",
    "cms/test_config.py::test_the_build_takes_the_configuration_text_from_the_cache_while_the_configuration_is_the_same",
    "layout/test_group_log.py::test_no_page_or_export_of_one_person_shows_the_others_of_the_group",
    "check/test_findings_data.py::test_case_gives_exact_findings[easy_language/grammar]",
})
"""Single tests that are ``slow`` (``module::name`` below tests/, without parameters unless given)."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``slow`` what needs Chromium, a site build, LibreOffice, pre-commit or many examples (see CONTRIBUTING):
    ``pytest -m 'not slow'`` is the quick loop while working, the whole suite runs them all."""
    tests = Path(__file__).resolve().parent
    missing = sorted(m for m in SLOW_MODULES if not (tests / m).is_file())
    assert not missing, f"SLOW_MODULES names test modules that do not exist (moved?): {missing}"
    for item in items:
        module = item.path.relative_to(tests).as_posix() if item.path.is_relative_to(tests) else ""
        named = {f"{module}::{item.name}", f"{module}::{item.name.split('[')[0]}"}
        if module in SLOW_MODULES or named & SLOW_TESTS or SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
