"""The preview's reload of changed records reports what the full load reports about their place."""

from __future__ import annotations

import shutil
from pathlib import Path

from site_gen.records.dataset import load_dataset, reload
from tests.conftest import demo_copy


def codes(ds, file: str) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(f.code for f in ds.findings if f.file == file)


def test_reload_names_a_case_saved_as_one_file_and_strays_in_a_folder(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "repo")
    ds = load_dataset(root)
    single = root / "cases" / "tn-9901.yaml"
    single.write_text("id: tn-9901\n", encoding="utf-8")
    out, touched = reload(ds, {single})
    assert touched == {"cases": {"tn-9901"}}
    assert codes(out, "cases/tn-9901.yaml") == codes(load_dataset(root), "cases/tn-9901.yaml") == ["LAYOUT-SINGLE-FILE"]
    assert "tn-9901" not in out.cases

    twin = root / "cases" / "tn-0001.yaml"  # beside the folder of the same id: the folder is read
    shutil.copy(single, twin)
    out, _ = reload(out, {twin})
    assert codes(out, "cases/tn-0001.yaml") == ["RECORD-DUPLICATE"] and "tn-0001" in out.cases

    twin.unlink()
    single.unlink()
    (root / "cases" / "tn-0001" / "notizen").mkdir()
    (root / "cases" / "tn-0001" / "notizen" / "a.txt").write_text("x", encoding="utf-8")
    changed = root / "cases" / "tn-0001" / "notizen" / "a.txt"
    out, _ = reload(out, {changed, twin, single})
    full = load_dataset(root)
    assert sorted((f.file, f.code) for f in out.findings) == sorted((f.file, f.code) for f in full.findings)
