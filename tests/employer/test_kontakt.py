"""``site-gen kontakt``: a company contact without a case is written, checked and never echoed; a contact about a person needs consent."""

from __future__ import annotations

from pathlib import Path

from ..conftest import TODAY, demo_copy, run_cli
from ..layout.helpers import commit_all, git

NOTE = "GEHEIMNOTIZ-KONTAKT-7731 Filialleitung möchte zwei Praktikumsplätze"


def test_contact_without_a_case_is_written_as_its_own_file_checked_and_never_echoed(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "akten")
    done = run_cli("--root", str(root), "kontakt", "ap-0016", "--date", "2026-11-20", "--kind", "besuch", "--by", "gesa-moeller",
                   "--minutes", "40", "--note", NOTE, "--frage", "Wer zahlt die Fahrtkosten?", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert "GEHEIMNOTIZ" not in done.stdout + done.stderr and "Besuch" in done.stdout
    files = sorted((root / "workplaces" / "ap-0016" / "contact_log").glob("2026-11-20-gesa-moeller-*.yaml"))
    assert len(files) == 1 and NOTE in files[0].read_text(encoding="utf-8")
    check = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    assert check.returncode == 0, check.stdout[-2000:]
    assert "GEHEIMNOTIZ" not in check.stdout and "ap-0016" not in check.stdout  # the later contact settles the old follow-up


def test_a_recorded_contact_without_a_case_is_on_the_company_page_and_counted(tmp_path: Path) -> None:
    """Done-when of issue 30: recorded (``kontakt``), then shown on the company's page and counted in the Kennzahlen."""
    import datetime as dt

    from site_gen.records.dataset import load_dataset
    from site_gen.views.company import company
    from site_gen.views.consented import consented_dataset
    from site_gen.views.dashboard import dashboard

    root = demo_copy(tmp_path / "akten")
    today = dt.date.fromisoformat(TODAY)

    def seen() -> tuple[list[str], int]:
        view = consented_dataset(load_dataset(root), today)
        figures = dashboard(view, today, location="brueckenviertel").employer
        assert figures is not None
        return [c.summary for c in company(view, "ap-0016", today).contacts], figures.contacts

    notes, contacts = seen()
    done = run_cli("--root", str(root), "kontakt", "ap-0016", "--date", "2026-11-20", "--kind", "erstgespraech", "--by", "gesa-moeller",
                   "--note", NOTE, "--today", TODAY)
    assert done.returncode == 0, done.stderr
    after, counted = seen()
    assert NOTE not in notes and after[0] == NOTE and len(after) == len(notes) + 1
    assert counted == contacts + 1


def test_contact_refused_before_writing_without_staff_workplace_or_consent(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "akten")
    before = sorted(p.as_posix() for p in (root / "workplaces").rglob("*.yaml"))
    cases = [
        (["ap-0001", "--by", "niemand"], "--by: Die Fachkraft 'niemand' steht nicht im Personal"),
        (["ap-0999", "--by", "mara-petersen"], "Das Arbeitsplatzprofil ap-0999 gibt es nicht"),
        (["ap-0001", "--by", "mara-petersen", "--case", "tn-0002"], "keine gültige Einwilligung, die diesen Betrieb als Empfänger nennt"),
        (["ap-0001", "--by", "mara-petersen", "--case", "tn-0999"], "Die Akte tn-0999 gibt es nicht"),
    ]
    for args, message in cases:
        out = run_cli("--root", str(root), "kontakt", *args, "--kind", "anruf", "--note", NOTE, "--today", TODAY)
        assert out.returncode == 1 and message in out.stderr, out.stderr
        assert "GEHEIMNOTIZ" not in out.stdout + out.stderr and "Traceback" not in out.stderr
    assert sorted(p.as_posix() for p in (root / "workplaces").rglob("*.yaml")) == before


def test_single_file_workplace_is_one_finding_and_migrate_moves_it_with_its_contacts(tmp_path: Path) -> None:
    demo = run_cli("--root", str(demo_copy(tmp_path / "demo")), "check", "--today", TODAY, "--no-cache")
    root = demo_copy(tmp_path / "akten")
    folder = root / "workplaces" / "ap-0013"
    contacts = sorted((folder / "contact_log").iterdir())
    single = "".join(folder.joinpath("workplace.yaml").read_text(encoding="utf-8").splitlines(keepends=True))
    single += "contact_log:\n" + "".join("  - " + p.read_text(encoding="utf-8").replace("\n", "\n    ").rstrip() + "\n" for p in contacts)
    for p in contacts:
        p.unlink()
    (folder / "contact_log").rmdir()
    (folder / "workplace.yaml").unlink()
    folder.rmdir()
    (root / "workplaces" / "ap-0013.yaml").write_text(single, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Demo")
    refused = run_cli("--root", str(root), "kontakt", "ap-0013", "--kind", "anruf", "--by", "emre-yildiz", "--note", NOTE, "--today", TODAY)
    assert refused.returncode == 1 and "site-gen migrate" in refused.stderr
    before = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    assert before.returncode == 1 and "workplaces/ap-0013.yaml:1:1: LAYOUT-SINGLE-FILE" in before.stdout and "site-gen migrate" in before.stdout
    moved = run_cli("--root", str(root), "migrate")
    assert moved.returncode == 0 and "1 Arbeitsplatzprofil umgestellt, 3 Einträge in eigene Dateien" in moved.stdout, moved.stdout
    def stems(paths: list[Path]) -> list[str]:  # date and who; the hash follows the text, which the round trip may quote differently
        return [p.name.rsplit("-", 1)[0] for p in paths]

    assert stems(sorted((root / "workplaces" / "ap-0013" / "contact_log").iterdir())) == stems(contacts)
    after = run_cli("--root", str(root), "check", "--today", TODAY, "--no-cache")
    assert after.returncode == 0 and after.stdout.splitlines()[-1].split(":", 1)[1] == demo.stdout.splitlines()[-1].split(":", 1)[1]


def test_forget_deletes_the_company_contacts_about_the_person_also_from_the_history(tmp_path: Path) -> None:
    import subprocess

    root = demo_copy(tmp_path / "akten")
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Demo")
    about = [p for p in (root / "workplaces" / "ap-0001" / "contact_log").iterdir() if "case: tn-0001" in p.read_text(encoding="utf-8")]
    assert len(about) == 1
    done = run_cli("--root", str(root), "forget", "tn-0001", "--yes", input="")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not about[0].exists() and (root / "workplaces" / "ap-0001" / "contact_log").is_dir()  # the other contacts stay
    objects = subprocess.run(["git", "-C", str(root), "cat-file", "--batch-all-objects", "--batch"], capture_output=True, check=True).stdout
    assert "Rundgang mit der Lagerleitung".encode() not in objects
