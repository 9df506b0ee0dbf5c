"""Turn parsed YAML into typed records; pydantic errors become German findings.

Messages name the field (path and German title), never the value: CI logs
are not private.
"""

from __future__ import annotations

import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..findings import Finding, Loc
from .load import HINT_QUOTE

M = TypeVar("M", bound=BaseModel)

ISO_DATE_BRANCH = "function-iso-date"
"""The tag of the fast branch of ``models.common.Date`` (the models import nothing from here, so it is spelled twice; a test holds both equal)."""


def validate(model: type[M], data: Any, display: str) -> tuple[M | None, list[Finding]]:
    """Validate ``data`` against ``model``; never raises for bad input."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        # A bad date fails both branches of ``Date``: the second one's error is the one to report.
        return None, [_finding(model, err, display) for err in exc.errors(include_input=False, include_url=False) if ISO_DATE_BRANCH not in err["loc"]]


def dotted(loc: Loc) -> str:
    """``('placements', 0, 'end')`` → ``placements[0].end``."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(Dokument)"


def _model_at(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel] | None, str | None]:
    """The model owning the last key of ``loc`` and that key's German title."""
    current: Any = model
    title = None
    owner: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)) or part not in current.model_fields:
            return (current if isinstance(current, type) and issubclass(current, BaseModel) else None), None
        owner = current
        info = current.model_fields[part]
        title = info.title
        current = _inner_model(info.annotation)
    return owner, title


def _inner_model(annotation: Any) -> Any:
    """Find a BaseModel inside Optional[...] / list[...] annotations."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


_SIMPLE: dict[str, tuple[str, str, str]] = {kind: rule for kinds, rule in (
    (("missing",), ("SCHEMA-MISSING", "Pflichtfeld '{name}' fehlt.", "Das Feld ergänzen; 'site-gen new' zeigt ein vollständiges Gerüst.")),
    (("bool_type", "bool_parsing"), ("SCHEMA-BOOL", "Feld '{name}': Wahrheitswert erwartet.", "true oder false schreiben – nicht ja/nein oder yes/no.")),
    (("string_type",), ("SCHEMA-TEXT", "Feld '{name}': Text erwartet.", "Text in Anführungszeichen setzen. " + HINT_QUOTE)),
    (("model_type", "model_attributes_type", "dict_type"),
     ("SCHEMA-TYPE", "'{name}': hier wird eine Zuordnung (schlüssel: wert) erwartet.", "Einrückung prüfen: Schlüssel mit Doppelpunkt untereinander, keine Liste mit '-'.")),
    (("list_type",), ("SCHEMA-TYPE", "Feld '{name}': hier wird eine Liste erwartet.", "Jeden Eintrag in eine eigene Zeile mit '- ' schreiben.")),
    (("too_short", "string_too_short"),
     ("SCHEMA-EMPTY", "Feld '{name}': zu wenige Einträge oder leer.", "Mindestens einen Eintrag angeben oder das Feld weglassen, wenn es optional ist.")),
    (("too_long", "string_too_long"),
     ("SCHEMA-TOO-LONG", "Feld '{name}': zu lang.", "Kürzer fassen; lange Texte gehören in die Ablage, nicht in den Datensatz.")),
    (("int_type", "int_parsing", "float_type", "float_parsing", "int_from_float"),
     ("SCHEMA-NUMBER", "Feld '{name}': Zahl erwartet.", "Eine Zahl ohne Anführungszeichen und ohne Einheit schreiben, z. B. 7 oder 7.5.")),
) for kind in kinds}
"""pydantic error types whose finding needs only the field's name: code, message, hint."""
_BOUNDS = {"gt": "größer als", "ge": "mindestens", "lt": "kleiner als", "le": "höchstens"}


def _finding(model: type[BaseModel], err: Any, display: str) -> Finding:
    # pydantic adds the tag of a union branch or a validator name to loc; keep keys and indexes.
    loc: Loc = tuple(p for p in err["loc"] if isinstance(p, int) or not str(p).startswith(("function-", "constrained-")))
    kind: str = err["type"]
    ctx = err.get("ctx") or {}
    owner, title = _model_at(model, loc)
    name = dotted(loc) + (f" ({title})" if title else "")
    if kind == "extra_forbidden":
        allowed = sorted(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f"Meinten Sie '{close[0]}'? " if close else ""
        # What was typed may be a name or a note: print it only when it looks like a field name.
        where = f"'{dotted(loc)}'" if printable(loc[-1]) else (f"in '{dotted(loc[:-1])}'" if loc[:-1] else "auf oberster Ebene")
        return Finding(display, "SCHEMA-UNKNOWN-KEY", f"Unbekannter Schlüssel {where}.", hint + "Erlaubt sind: " + ", ".join(allowed) + ".", loc=loc)
    code, message, hint = _SIMPLE.get(kind) or _with_context(kind, ctx)
    return Finding(display, code, message.format(name=name), hint, loc=loc)


def _with_context(kind: str, ctx: dict[str, Any]) -> tuple[str, str, str]:
    """Code, message (with ``{name}``) and hint of the error types that need pydantic's context."""
    if (kind == "value_error" and str(ctx.get("error", "")) in ("date_format", "date_type")) or kind.startswith("date"):
        return "SCHEMA-DATE", "Feld '{name}': kein gültiges Datum.", "Datum als JJJJ-MM-TT schreiben, z. B. 2026-03-01."
    if kind == "value_error":
        return "SCHEMA-DATE", "Feld '{name}': dieses Datum gibt es nicht.", "Tag und Monat prüfen (z. B. gibt es keinen 30. Februar)."
    if kind == "enum":
        return "SCHEMA-VALUE", "Feld '{name}': unzulässiger Wert.", f"Erlaubt sind: {_german_list(str(ctx.get('expected', '')))}."
    if kind == "string_pattern_mismatch":
        return "SCHEMA-FORMAT", "Feld '{name}': falsches Format.", _pattern_hint(str(ctx.get("pattern", "")))
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = {k: v for k, v in ctx.items() if k in _BOUNDS}
        return "SCHEMA-RANGE", "Feld '{name}': Wert außerhalb des erlaubten Bereichs.", "Erlaubt: " + ", ".join(f"{_BOUNDS[k]} {v:g}" for k, v in bound.items()) + "."
    return "SCHEMA-INVALID", "Feld '{name}': ungültiger Wert.", "Format im Abschnitt 'Datenformate' der internen Seite nachlesen."


_PRINTABLE = re.compile(r"^(?:[a-z][a-z0-9_]{0,39}|[a-z][a-z0-9]*(?:-[a-z0-9]+){0,5})$")


def printable(typed: object) -> bool:
    """A typed key or id may appear in a message only when it looks like a field name or a pseudonymous id."""
    return isinstance(typed, int) or (isinstance(typed, str) and len(typed) <= 40 and _PRINTABLE.match(typed) is not None)


def _german_list(expected: str) -> str:
    """pydantic's "'a', 'b' or 'c'" in German."""
    head, sep, last = expected.rpartition(" or ")
    return f"{head} oder {last}" if sep else expected


def _pattern_hint(pattern: str) -> str:
    if pattern.startswith("^https?"):
        return "Eine Web-Adresse, die mit https:// (oder http://) beginnt, z. B. https://jobs.beispiel.de/."
    if "a-z" in pattern:
        return "Nur Kleinbuchstaben a–z, Ziffern und einzelne Bindestriche, z. B. tn-0042 (keine Punkte, Schrägstriche oder Umlaute)."
    if "[0-9]{5}" in pattern:
        return "Fünf Ziffern in Anführungszeichen, z. B. \"04109\"."
    if "@" in pattern:
        return "Dienstliche E-Mail-Adresse wie team@beispiel.de."
    return "Nur Ziffern, Leerzeichen und + / ( ) -, in Anführungszeichen, z. B. \"040 123456\"."
