"""The sealed value format: one YAML scalar, sealed to its case, slot and field.

``enc:v1:<slot>:<base64>``  ChaCha20-Poly1305 with the slot's data key; the
                            base64 holds a 12-byte nonce and the ciphertext.
``age:v1:<slot>:<base64>``  an age file (binary) sealed to the slot's public
                            recipient by someone without the data key (the
                            browser editor, ``site-gen log``); opened the slow way.

The plaintext is the value as JSON (so strings, numbers and booleans come back
as they were). Both kinds bind the value to ``<case id>|<field path>|<entry>``
(list positions left out, so inserting an entry moves nothing; ``<entry>``: the
name of the entry file holding the value without ``.yaml``, empty in the main
file): as AEAD associated data, and as the first line of the age plaintext. A
ciphertext copied into another case, field or entry (two support-log notes
exchanged) does not open (``SEALED-TAMPERED``). Version 1 (``enc:v1:``,
``age:v1:``, written before entries were bound) binds ``<case id>|<field path>``
and stays readable.

Readable stay the keys (field names), ``null``, and :data:`READABLE` top-level
fields: the pseudonymous id and the provider and location that decide who
may read the case. Every other scalar of a case is sealed, in the slot of its
top-level field (:func:`slot_of`): the consent purpose, or ``basis``.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from collections.abc import Iterator
from functools import cache
from typing import Any

from .keys import BASIS, SlotKey

READABLE = frozenset({"id", "provider", "location"})
"""Top-level case fields that stay readable: what Git, review and access control need, no personal value."""
SYMMETRIC = "enc:v2:"
ENVELOPE = "age:v2:"
SYMMETRIC_V1 = "enc:v1:"
ENVELOPE_V1 = "age:v1:"
"""Version 1: bound to case and field only (read, never written)."""
PREFIXES = (SYMMETRIC, ENVELOPE, SYMMETRIC_V1, ENVELOPE_V1)
PATTERN = r"^(enc|age):v[12]:[a-z0-9.-]+:[A-Za-z0-9+/]+={0,2}$"
"""A sealed value (the JSON schemas accept it for every sealed field)."""
Path = tuple[str | int, ...]


class SealError(Exception):
    """A sealed value that does not open: ``reason`` is one of ``tampered``, ``malformed``, ``slot``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@cache
def slots_by_field() -> dict[str, str]:
    """Top-level case field → slot (its consent purpose, else ``basis``)."""
    from ..models.case import Case
    from ..models.common import purpose_of

    return {name: purpose_of(info) or BASIS for name, info in Case.model_fields.items() if name not in READABLE}


def slot_of(top: str) -> str:
    return slots_by_field().get(top, BASIS)


def all_slots() -> tuple[str, ...]:
    """Every slot a case has a key for: ``basis`` and each purpose a case field is tied to."""
    return (BASIS, *sorted({s for s in slots_by_field().values() if s != BASIS}))


def purpose_of_slot(slot: str) -> str:
    """``gesundheitsdaten.2`` → ``gesundheitsdaten``: the purpose (or ``basis``) a slot's key serves."""
    return slot.partition(".")[0]


def generation(slot: str) -> int:
    """``gesundheitsdaten`` → 1, ``gesundheitsdaten.2`` → 2: a new consent after a withdrawal gets a new key."""
    tail = slot.partition(".")[2]
    return int(tail) if tail.isdigit() else 1


def current_slot(purpose: str, slots: Any) -> str | None:
    """The newest generation of ``purpose`` among ``slots`` (names), or None."""
    found = [s for s in slots if purpose_of_slot(s) == purpose]
    return max(found, key=generation) if found else None


def next_slot(purpose: str, seen: Any) -> str:
    """The slot name of a new key for ``purpose`` after the generations in ``seen`` (live or erased)."""
    top = max((generation(s) for s in seen if purpose_of_slot(s) == purpose), default=0)
    return purpose if top == 0 else f"{purpose}.{top + 1}"


def binding(case_id: str, path: Path, entry: str | None = "") -> bytes:
    """``tn-0001|support_log/*/note|2026-11-20-mara-petersen-3f2a9c``: what a sealed value is bound to
    (``entry``: the entry file's name without ``.yaml``, empty in the main file; None: version 1, no entry)."""
    field = case_id + "|" + "/".join("*" if isinstance(p, int) else p for p in path)
    return (field if entry is None else f"{field}|{entry}").encode()


def entry_of(source: str) -> str:
    """The entry part of a binding for a value in file ``source``: ``cases/tn-0001/support_log/x.yaml`` → ``x``;
    the main file (``cases/tn-0001/case.yaml``, ``cases/tn-0001.yaml``) → ``""``."""
    parts = source.split("/")
    return parts[-1].removesuffix(".yaml") if len(parts) >= 4 else ""


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PREFIXES)


def seal(value: Any, slot: str, key: SlotKey, case_id: str, path: Path, entry: str = "") -> str:
    """``value`` sealed with the slot's data key, bound to its case, field and entry (:func:`binding`)."""
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    nonce = os.urandom(12)
    sealed = ChaCha20Poly1305(key.data_key).encrypt(nonce, _plain(value), binding(case_id, path, entry))
    return f"{SYMMETRIC}{slot}:" + base64.b64encode(nonce + sealed).decode()


def seal_to(value: Any, slot: str, recipient: str, case_id: str, path: Path, entry: str = "") -> str:
    """``value`` sealed to the slot's public recipient (no data key needed)."""
    from .keys import encrypt

    return f"{ENVELOPE}{slot}:" + base64.b64encode(encrypt(binding(case_id, path, entry) + b"\n" + _plain(value), [recipient])).decode()


def _plain(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


def parse(text: str) -> tuple[str, str, bytes]:
    """(kind prefix, slot, raw bytes) of a sealed value; SealError("malformed")."""
    kind = text[:7]
    slot, sep, body = text[7:].partition(":")
    try:
        raw = binascii.a2b_base64(body, strict_mode=True)
    except (binascii.Error, ValueError) as exc:
        raise SealError("malformed") from exc
    if not sep or not slot:
        raise SealError("malformed")
    return kind, slot, raw


def open_value(text: str, key: SlotKey, aead: Any, bound: bytes, slot: str | None = None, entry: str = "") -> Any:
    """The value sealed in ``text``, bound to ``bound`` (:func:`binding` without the entry) and, from version 2 on,
    ``entry`` (``aead``: the slot's ChaCha20Poly1305, built once per case); SealError (also when ``slot`` is given
    and the value names another)."""
    kind, named, raw = parse(text)
    if slot is not None and named != slot:
        raise SealError("slot")
    if kind in (SYMMETRIC, ENVELOPE):
        bound += b"|" + entry.encode()
    if kind in (SYMMETRIC, SYMMETRIC_V1):
        if len(raw) < 28:
            raise SealError("malformed")
        try:
            plain = aead.decrypt(raw[:12], raw[12:], bound)
        except Exception as exc:  # cryptography's InvalidTag (imported with the AEAD, not here)
            raise SealError("tampered") from exc
    else:
        from .keys import decrypt, identity_from_str

        opened = decrypt(raw, [identity_from_str(key.identity)])
        head, _, plain = (opened or b"").partition(b"\n")
        if opened is None or head != bound:
            raise SealError("tampered")
    if plain[:1] == b'"' and plain[-1:] == b'"' and b"\\" not in plain:  # a string without escapes: most values, no JSON parser needed
        return plain[1:-1].decode()
    try:
        return json.loads(plain)
    except ValueError as exc:
        raise SealError("malformed") from exc


def scalars(data: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """(path, value) of every non-null scalar below ``data`` (mappings and lists walked; keys are not values)."""
    if isinstance(data, dict):
        for k, v in data.items():
            yield from scalars(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from scalars(v, (*path, i))
    elif data is not None:
        yield path, data


def sealable(data: dict[str, Any]) -> Iterator[tuple[Path, Any]]:
    """(path, value) of every scalar of a raw case mapping that belongs sealed."""
    for top, value in data.items():
        if top not in READABLE:
            yield from scalars(value, (top,))
