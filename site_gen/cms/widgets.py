"""One model field → one Decap CMS field (widget, German label and hint, bounds).

The widget follows the type: enum → select with German labels, date → date
picker writing ``JJJJ-MM-TT``, bool → boolean, int/float → number with the
model's bounds, nested model → object, list of models → list with fields,
reference → relation (:mod:`.references`).
"""

from __future__ import annotations

import copy
import datetime as dt
import types
import typing
from enum import Enum
from typing import Any

import annotated_types as at
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from ..domain.consent import BASIS_LABELS
from ..labels import LABELS
from ..models.common import ID_PATTERN, basis_of, purpose_of
from ..models.organisation import EditorBackend
from ..models.workplace import Pictogram
from .references import RATINGS, RELATIONS

EXTRA_LABELS: dict[object, str] = {
    EditorBackend.GITLAB: "GitLab", EditorBackend.GITEA: "Gitea oder Forgejo", EditorBackend.GITHUB: "GitHub",
    EditorBackend.LOCAL: "lokal (decap-server)",
    **{p: p.value.capitalize() for p in Pictogram},
}
DATE = {"widget": "datetime", "date_format": "YYYY-MM-DD", "time_format": False, "format": "YYYY-MM-DD"}
"""Decap's date picker writing ISO dates (the only date form the loader accepts). Without ``picker_utc``: a date has
no time of day, the picker reads and writes it in local time unchanged, and shows no "UTC" beside it."""
PATTERNS: dict[str, str] = {ID_PATTERN: "Nur Kleinbuchstaben, Ziffern und einzelne Bindestriche."}
BASIS_HINTS: dict[str, str] = {"dokumentationspflicht": "Dokumentationspflicht, keine Einwilligung nötig"}


def enum_label(value: Enum) -> str:
    return LABELS.get(value) or EXTRA_LABELS.get(value) or str(value.value)


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(inner type, optional) for ``X | None``."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def _base(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip ``Annotated``: (type, metadata)."""
    if typing.get_origin(annotation) is typing.Annotated:
        base, *meta = typing.get_args(annotation)
        inner, more = _base(base)
        return inner, [*more, *meta]
    return annotation, []


def _bounds(meta: list[Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in meta:
        for item in getattr(m, "metadata", None) or [m]:  # FieldInfo inside Annotated carries its own metadata
            if isinstance(item, at.Ge):
                out["min"] = item.ge
            elif isinstance(item, at.Gt):
                out["min"] = item.gt + 1 if isinstance(item.gt, int) else item.gt
            elif isinstance(item, at.Le):
                out["max"] = item.le
            elif isinstance(item, at.Lt):
                out["max"] = item.lt
            elif getattr(item, "pattern", None):
                out["pattern"] = item.pattern
            elif isinstance(item, at.MaxLen) or getattr(item, "max_length", None):
                out["max_length"] = getattr(item, "max_length", None)
    return out


def hint(info: FieldInfo, purposes: dict[str, str]) -> str:
    """The field's German description, plus the consent purpose (or legal basis) it needs."""
    text = info.description or ""
    if (purpose := purpose_of(info)) is not None:
        label = purposes.get(purpose)
        text += f" Einwilligung nötig: Zweck '{purpose}'" + (f" ({label})." if label else ".")
    elif (basis := basis_of(info)) is not None:
        text += f" Rechtsgrundlage: {BASIS_HINTS.get(basis) or BASIS_LABELS.get(basis, basis)}."
    return text.strip()


def _scalar(tp: Any, meta: list[Any], long_text: bool) -> dict[str, Any]:
    bounds = _bounds(meta)
    if isinstance(tp, type) and issubclass(tp, Enum):
        return {"widget": "select", "options": [{"label": enum_label(v), "value": v.value} for v in tp]}
    if tp is dt.date:
        return dict(DATE)
    if tp is bool:
        return {"widget": "boolean"}
    if tp in (int, float):
        out: dict[str, Any] = {"widget": "number", "value_type": "int" if tp is int else "float"}
        if tp is float:
            out["step"] = 0.5
        out.update({k: v for k, v in bounds.items() if k in ("min", "max")})
        return out
    out = {"widget": "text" if long_text and bounds.get("max_length", 0) > 300 else "string"}
    if pattern := bounds.get("pattern"):
        out["pattern"] = [pattern, PATTERNS.get(pattern, "Format prüfen (siehe Hinweis).")]
    return out


class Context:
    """What field generation needs besides the models: catalogue items and purpose labels."""

    def __init__(self, profile_items: list[tuple[str, str]], purposes: dict[str, str]) -> None:
        self.profile_items = profile_items
        self.purposes = purposes


def cms_field(owner: type[BaseModel], name: str, info: FieldInfo, ctx: Context) -> dict[str, Any]:
    """The Decap field for ``owner.name``."""
    annotation, optional = _unwrap(info.annotation)
    out: dict[str, Any] = {"name": name, "label": info.title or name}
    if text := hint(info, ctx.purposes):
        out["hint"] = text
    if optional or not info.is_required():
        out["required"] = False
    tp, meta = _base(annotation)
    meta = [*meta, *info.metadata]
    origin = typing.get_origin(tp)
    if (owner, name) in RATINGS:
        out.update(widget="object", collapsed=True,
                   fields=[{"name": item, "label": label, "widget": "number", "value_type": "int", "min": 1, "max": 5,
                            "required": False} for item, label in ctx.profile_items])
    elif (owner, name) in RELATIONS:
        out.update(widget="relation", **copy.deepcopy(RELATIONS[(owner, name)]))
        if origin is list:
            out["multiple"] = True
    elif origin is list:
        out.update(_list(tp, meta, out["label"], ctx))
    elif isinstance(tp, type) and issubclass(tp, BaseModel):
        out.update(widget="object", fields=model_fields(tp, ctx))
        if optional:
            # Decap validates the fields of an absent optional object too; the check
            # ('site-gen check') still requires them once the object is filled in.
            out["collapsed"] = True
            for sub in out["fields"]:
                sub["required"] = False
    else:
        out.update(_scalar(tp, meta, True))
    if "default" not in out and (default := _default(info)) is not None:
        out["default"] = default
    return out


def _list(tp: Any, meta: list[Any], label: str, ctx: Context) -> dict[str, Any]:
    """A list of objects (collapsed, with a summary), a multiple select of an enum, or a list of scalars."""
    out: dict[str, Any] = {}
    (item,) = typing.get_args(tp)
    item, item_meta = _base(item)
    if isinstance(item, type) and issubclass(item, BaseModel):
        out.update(widget="list", collapsed=True, fields=model_fields(item, ctx))
        if summary := _summary(item):
            out["summary"] = summary
    elif isinstance(item, type) and issubclass(item, Enum):
        out.update(_scalar(item, item_meta, False), multiple=True)
    else:
        out.update(widget="list", field={"name": "eintrag", "label": label, **_scalar(item, item_meta, True)})
    if _bounds(meta).get("max_length") is None and any(getattr(m, "min_length", 0) for m in meta):
        out["min"] = 1
    return out


def _default(info: FieldInfo) -> Any:
    """The field's default as Decap writes it into a new entry; None for none (dates, False and factories are left out)."""
    if info.default is None or callable(info.default) or info.default is ...:
        return None
    default = info.default.value if isinstance(info.default, Enum) else info.default
    # A default of False is left out: Decap would write it into every new entry (a line nobody chose).
    if isinstance(default, dt.date) or default is False or default.__class__.__name__ == "PydanticUndefinedType":
        return None
    return default


def _summary(model: type[BaseModel]) -> str | None:
    first = [n for n in model.model_fields if n in ("date", "start", "stage", "goal", "id", "type", "title", "workplace", "module", "year")]
    return " · ".join("{{fields.%s}}" % n for n in first[:3]) or None


def model_fields(model: type[BaseModel], ctx: Context) -> list[dict[str, Any]]:
    """Every field of ``model`` in model order (the order ``site-gen new`` writes)."""
    return [cms_field(model, name, info, ctx) for name, info in model.model_fields.items()]
