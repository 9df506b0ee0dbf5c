"""The case schemas accept sealed values: every field that is sealed in a sealed repository.

An editor with the YAML language server (VS Code) validates ``case.yaml`` and
the entry files against ``schema/``. In a sealed repository their values are
``enc:v2:…`` strings, so every sealable leaf of the case schema becomes
``anyOf`` its own schema and :data:`SEALED_DEF` (completion still offers the
enums and known ids). The readable top-level fields (:data:`~.sealing.READABLE`)
stay as they are.
"""

from __future__ import annotations

from typing import Any

from .sealing import PATTERN, READABLE

SEALED_DEF = "VersiegelterWert"
SEALED_REF = {"$ref": f"#/$defs/{SEALED_DEF}"}
_LEAF = ("type", "enum", "const", "format", "pattern")
_OUTER = ("title", "description", "default", "examples", "deprecated")
"""Kept on the wrapper, so an editor's hover text stays the field's."""


def accept_sealed(schema: dict[str, Any]) -> dict[str, Any]:
    """The case schema (changed in place) with a sealed value allowed wherever a plain one is.

    Leaf definitions (an enum in ``$defs``) stay as they are, since a mapping's keys may use them
    (keys are never sealed); their uses as values are wrapped instead."""
    defs = schema.setdefault("$defs", {})
    leaves = {f"#/$defs/{name}" for name, node in defs.items() if _leaf(node)}
    for name in list(defs):
        if not _leaf(defs[name]):
            defs[name] = _node(defs[name], leaves)
    for name, prop in schema.get("properties", {}).items():
        if name not in READABLE:
            schema["properties"][name] = _node(prop, leaves)
    defs[SEALED_DEF] = {"type": "string", "pattern": PATTERN, "title": "Versiegelter Wert",
                        "description": "Ein verschlüsselter Wert (versiegeltes Repository): 'site-gen keys seal' schreibt ihn, "
                                       "die interne Seite und 'site-gen export' zeigen ihn lesbar."}
    return schema


def _leaf(node: Any) -> bool:
    return (isinstance(node, dict) and any(k in node for k in _LEAF) and node.get("type") not in ("object", "array", "null")
            and "anyOf" not in node)


def _value(node: Any, leaves: set[str]) -> bool:
    """A plain value's schema: a leaf, or a reference to a leaf definition."""
    return _leaf(node) or (isinstance(node, dict) and node.get("$ref") in leaves)


def _wrap(node: dict[str, Any]) -> dict[str, Any]:
    """``anyOf`` the node and a sealed value; title, description and the ``x-`` ties stay outside (the editor's hover)."""
    outer = {k: node.pop(k) for k in list(node) if k in _OUTER or k.startswith("x-")}
    return {**outer, "anyOf": [node, dict(SEALED_REF)]}


def _node(node: Any, leaves: set[str]) -> Any:
    if not isinstance(node, dict):
        return node
    for key in ("properties", "patternProperties"):
        if isinstance(node.get(key), dict):
            node[key] = {k: _node(v, leaves) for k, v in node[key].items()}
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            node[key] = _node(node[key], leaves)
    if isinstance(node.get("anyOf"), list):
        options = node["anyOf"]
        node["anyOf"] = [o if _value(o, leaves) else _node(o, leaves) for o in options]
        if any(_value(o, leaves) for o in options) and SEALED_REF not in options:
            node["anyOf"].append(dict(SEALED_REF))
    if isinstance(node.get("oneOf"), list):  # exactly one may match: the sealed value goes beside the whole choice
        options = node["oneOf"]
        node["oneOf"] = [o if _value(o, leaves) else _node(o, leaves) for o in options]
        if any(_value(o, leaves) for o in options):
            return _wrap(node)
    if _value(node, leaves):
        return _wrap(node)
    return node
