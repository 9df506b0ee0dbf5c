"""argparse in German: usage errors and help texts a coach reads.

argparse looks its messages up through ``gettext`` at call time; this module
puts a German table in front of it (no ``.mo`` file to install, no locale
to set). Unknown messages stay as argparse wrote them.
"""

from __future__ import annotations

import argparse
import gettext
import sys

GERMAN: dict[str, str] = {
    "usage: ": "Aufruf: ",
    "positional arguments": "Angaben",
    "options": "Optionen",
    "show this help message and exit": "diese Hilfe zeigen und beenden",
    "the following arguments are required: %s": "diese Angaben fehlen: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ungültige Auswahl: %(value)r (möglich sind: %(choices)s)",
    "unrecognized arguments: %s": "unbekannte Angaben: %s",
    "expected one argument": "hier fehlt ein Wert",
    "expected at least one argument": "hier fehlt mindestens ein Wert",
    "expected at most one argument": "hier ist höchstens ein Wert erlaubt",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid %(type)s value: %(value)r": "ungültiger Wert: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "mehrdeutige Option: %(option)s passt zu %(matches)s",
    "not allowed with argument %s": "nicht zusammen mit %s erlaubt",
    "one of the arguments %s is required": "eine dieser Angaben ist nötig: %s",
    "ignored explicit argument %r": "Wert %r wird nicht erwartet",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' kann nicht geöffnet werden: %(error)s",
    "unexpected option string: %s": "unerwartete Option: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: Aufruf fehlerhaft: %(message)s\n",
}
GERMAN_PLURAL: dict[str, tuple[str, str]] = {
    "expected %s argument": ("%s Wert erwartet", "%s Werte erwartet"),
}


def _(message: str) -> str:
    return GERMAN.get(message, gettext.gettext(message))


def _n(singular: str, plural: str, n: int) -> str:
    if singular in GERMAN_PLURAL:
        one, many = GERMAN_PLURAL[singular]
        return one if n == 1 else many
    return gettext.ngettext(singular, plural, n)


def install() -> None:
    """Make argparse speak German (module-wide: the CLI is the only user)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = _n  # type: ignore[attr-defined]


METAVARS: dict[str, str] = {
    "root": "ORDNER", "out": "ZIEL", "today": "JJJJ-MM-TT", "kind": "ART", "files": "DATEI", "case": "AKTE",
    "workplace": "ARBEITSPLATZ", "pdf": "PDF", "keep_docs": "ORDNER", "top": "ANZAHL", "port": "PORT", "host": "ADRESSE",
    "cases": "ANZAHL", "workplaces": "ANZAHL", "modules": "ANZAHL", "seed": "ZAHL", "directory": "ORDNER", "hook_repo": "ADRESSE",
    "date": "JJJJ-MM-TT", "minutes": "MINUTEN", "by": "FACHKRAFT", "note": "TEXT", "crisis": "ANLASS",
}
"""German placeholders in usage lines ("diese Angaben fehlen: AKTE", not "case")."""


class GermanParser(argparse.ArgumentParser):
    """Usage errors in German, exit 2; German metavars."""

    def add_argument(self, *args: str, **kwargs: object) -> argparse.Action:
        name = str(kwargs.get("dest") or next((a for a in args if a.startswith("--")), args[0] if args else "")).lstrip("-").replace("-", "_")
        if "metavar" not in kwargs and "choices" not in kwargs and kwargs.get("action") in (None, "store", "append") and name in METAVARS:
            kwargs["metavar"] = METAVARS[name]
        elif "metavar" not in kwargs and kwargs.get("choices") and args and not args[0].startswith("-"):
            kwargs["metavar"] = "{" + ",".join(map(str, kwargs["choices"])) + "}"  # type: ignore[call-overload]
        return super().add_argument(*args, **kwargs)  # type: ignore[arg-type]

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"site-gen: Aufruf fehlerhaft: {message}\n")
        sys.stderr.write("    Hinweis: 'site-gen --help' oder 'site-gen BEFEHL --help' zeigt alle Angaben.\n")
        raise SystemExit(2)
