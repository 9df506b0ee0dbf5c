"""Texts and the confirmation prompt of ``site-gen forget``."""

from __future__ import annotations

from ..findings import UserError

NEXT_STEPS = """
Noch zu tun (Anleitung: interne Seite, Hilfe → Datenschutz, Abschnitt 'Löschen'):
  1. Git-Server überschreiben. git filter-repo hat den Eintrag 'origin' entfernt, damit nichts Altes zurückkommt:
       git remote add origin {origin}
       git push --force --all origin
       git push --force --tags origin
  2. Beim Git-Hoster alte Stände löschen lassen: Verweise aus Merge-/Pull-Requests, Forks, Caches
     (GitLab: Einstellungen > Allgemein > Erweitert > Housekeeping und 'Prune unreachable objects';
     GitHub: Support bitten, gecachte Ansichten und refs/pull zu entfernen).
  3. Alle anderen Klone (Kolleginnen, Laptops, CI) löschen und neu klonen. Nicht 'git pull':
     das holt die alte Geschichte zurück.
  4. Sicherungen, CI-Caches und -Artefakte, gebaute Seiten (neu bauen) sowie ausgedruckte oder
     exportierte Dateien (Mitteilungen, Auskünfte) zu dieser Akte vernichten.
  5. Papierakte und unterschriebene Einwilligungen nach den Regeln des Trägers vernichten."""


def confirm(case_id: str, interactive: bool, rewrites_history: bool) -> bool:
    """Ask in a terminal to type the id. Without a terminal: refuse (UserError)."""
    if not interactive:
        raise UserError("Löschen braucht eine Bestätigung, aber es gibt kein Terminal für die Rückfrage.",
                        "Im Terminal ausführen oder --yes angeben, wenn das Löschen wirklich gewollt ist.")
    what = "Die Akte, alle Verweise darauf und ihre gesamte Git-Geschichte werden" if rewrites_history else "Die Akte und alle Verweise darauf werden"
    print(f"{what} endgültig gelöscht. Das lässt sich nicht rückgängig machen.")
    try:
        answer = input(f"Zur Bestätigung die Kennung eintippen ({case_id}): ")
    except EOFError:
        return False
    return answer.strip() == case_id
