"""Write entries as small files: split a case document, dump one new entry.

Used by ``site-gen migrate`` (a whole case file into a folder), ``site-gen
log`` and ``site-gen new`` (one new entry). ruamel.yaml round-trip keeps
comments: a comment inside an entry goes with the entry; comments between
top-level keys stay in ``case.yaml``.
"""

from __future__ import annotations

import io
from typing import Any

from .layout import appendable, entry_name


def dump(node: Any) -> str:
    """One YAML document (round-trip node or plain data) as text, in the house style."""
    from .load import roundtrip  # late: keeps ``site-gen log --help`` light

    out = io.StringIO()
    roundtrip().dump(node, out)
    return out.getvalue()


def entry_files(list_name: str, items: list[Any], taken: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(file name, text) for each item, named so that file-name order is the items' order.

    Names are ``<date>-<who>-<hash>.yaml`` (:func:`~site_gen.records.layout.entry_name`);
    when that order differs from the list's (entries not in date order, or
    the same day), every name gets its position in front (``001-…``), so the
    composed list stays exactly as it was.
    """
    texts = [_without_section_comments(dump(item)) for item in items]
    return list(zip(ordered_names(list_name, items, texts, taken), texts))


def ordered_names(list_name: str, items: list[Any], texts: list[str], taken: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """File names for ``items`` whose sorted order is the items' order (see :func:`entry_files`)."""
    names: list[str] = []
    for item, text in zip(items, texts):
        name = entry_name(list_name, item, text)
        stem, n = name[: -len(".yaml")], 2
        while name in names or name in taken:
            name, n = f"{stem}-{n}.yaml", n + 1
        names.append(name)
    if names != sorted(names):
        width = max(3, len(str(len(names))))
        names = [f"{i + 1:0{width}d}-{name}" for i, name in enumerate(names)]
    return names


def split_document(doc: Any, kind: str = "cases") -> tuple[Any, dict[str, list[tuple[str, str]]]]:
    """Take every appendable list out of a round-trip record document (a case, or a workplace: ``kind``).

    Returns the document without those lists (changed in place) and, per
    list, the entry files to write. Lists that are not lists of mappings
    stay where they are (the check reports them).
    """
    moved: dict[str, list[tuple[str, str]]] = {}
    if not hasattr(doc, "keys"):
        return doc, moved
    for list_name in appendable(kind):
        items = doc.get(list_name)
        if isinstance(items, list) and items and all(hasattr(item, "keys") for item in items):
            moved[list_name] = entry_files(list_name, list(items))
            del doc[list_name]
    return doc, moved


def _without_section_comments(text: str) -> str:
    """Drop comment lines at column 0 after an entry: they introduce the next top-level key (see :func:`keep_section_comments`)."""
    lines = text.splitlines(keepends=True)
    while lines and (lines[-1].startswith("#") or not lines[-1].strip()):
        lines.pop()
    return "".join(lines)


def _sections(text: str) -> list[tuple[str, list[str]]]:
    """(top-level key, the comment lines at column 0 directly above it), in file order."""
    out, block = [], []
    for line in text.splitlines():
        if line.startswith("#"):
            block.append(line)
        elif line and not line[0].isspace() and not line.startswith("-") and ":" in line:
            out.append((line.split(":", 1)[0].strip(), block))
            block = []
        elif line.strip():
            block = [] if not line.startswith("#") else block
    return out


def keep_section_comments(original: str, main: str) -> str:
    """Put every comment that stood above a top-level key of ``original`` back into ``main``.

    A comment above a list that moved into files goes above the next key that
    stayed (or to the end); comments ruamel already kept are not doubled.
    """
    kept_keys = [key for key, _ in _sections(main)]
    pending: list[str] = []
    inserts: dict[str, list[str]] = {}
    for section, block in _sections(original):
        pending += block
        if section in kept_keys:
            inserts[section], pending = pending, []
    lines = main.splitlines()
    out: list[str] = []
    for line in lines:
        key = line.split(":", 1)[0].strip() if line and not line[0].isspace() and not line.startswith(("#", "-")) else None
        if key in inserts:
            above = [x for x in inserts[key] if x not in out[-len(inserts[key]) - 5:]] if inserts[key] else []
            out += above
        out.append(line)
    out += [x for x in pending if x not in out]
    return "\n".join(out) + "\n"
