"""Opening sealed cases right after load: the one place ciphertext turns into values.

``dataset.py`` calls :func:`unseal_record` with every raw case mapping before
validation; nothing above it sees a sealed value. Per run (and per worker
process) each location's identity and each case's key file are opened once
(:class:`Opener`); the values then open with their slot's symmetric key.

Outcomes, as findings (never a traceback, never a value in a message):

* ``SEALED-NO-KEY`` (error): the case cannot be opened, and why (no keyring,
  no own key, not this reader's location, no key file). The case is left out.
* ``SEALED-NO-ACCESS`` (warning): the case belongs to a location this reader's
  key is not released for (need-to-know works as meant). The case is left out.
* ``SEALED-TAMPERED`` (error): a value that does not open with its case's key
  (damaged, or copied from another case or field). The case is left out.
* ``SEALED-PLAINTEXT`` (error): a plain value in a sealed repository (the hook
  refuses it; ``site-gen keys seal`` seals it).
* ``SEALED-ERASED`` (info): the values of a destroyed key read as erased, with
  the date; a whole erased case is left out.

Without keys on purpose (:func:`values_unopened`, ``site-gen check --ohne-schluessel``: a merge request's CI
run, which gets no keys) nothing is opened: each sealed value is held to its form (its key generation names
its field's purpose, else ``SEALED-TAMPERED``), plain values are ``SEALED-PLAINTEXT``, and a sealed case is
then left out without ``SEALED-NO-KEY``; workplaces, modules, settings and the layout are checked as always.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..findings import Finding, Severity
from . import repo
from .keyring import CaseKeys, Keyring, location_identity
from .keys import BASIS, Identity, SlotKey, keyring_path, own_identities, own_identity_bytes
from .sealing import PREFIXES, READABLE, SealError, entry_of, open_value, purpose_of_slot, slot_of

NOT_YOURS = "Ihr Schlüssel ist für den Standort"
HINT_SEAL = "Vor dem Commit 'site-gen keys seal' ausführen: es versiegelt Klartext-Werte (in Git darf kein Klartext einer Akte stehen)."


@dataclass
class Opened:
    """A case's keys as one run uses them: slot → (key, AEAD), and the erased slots with their dates."""

    slots: dict[str, tuple[SlotKey, Any]]
    erased: dict[str, str]


@dataclass
class Opener:
    """Everything one run needs to open the cases of one repository."""

    root: Path
    sealed: bool
    ring: Keyring | None = None
    identities: list[Identity] = field(default_factory=list)
    problem: str = ""
    locations: dict[str, Identity | None] = field(default_factory=dict)
    cases: dict[str, Opened | str] = field(default_factory=dict)
    unopened: bool = False
    """Sealed values are held to their form only, never opened (:func:`values_unopened`)."""

    @classmethod
    def for_root(cls, root: Path) -> Opener:
        if not repo.is_sealed(root):
            return cls(root, False)
        if _UNOPENED:
            return cls(root, True, problem="ohne Schlüssel geprüft", unopened=True)
        opener = cls(root, True)
        try:
            path = keyring_path()
            if path is None:
                raise UserError("kein Schlüsselbund (SITE_GEN_KEYRING ist nicht gesetzt)")
            opener.ring = Keyring.open(path)
            found = own_identities()
            if found is None:
                raise UserError("kein eigener Schlüssel (SITE_GEN_IDENTITY ist nicht gesetzt)")
            opener.identities = found
        except UserError as exc:
            opener.problem = exc.message
        return opener

    def open_case(self, case: str, location: Any) -> Opened | str:
        """The case's keys, or why they cannot be opened (German)."""
        if case not in self.cases:
            self.cases[case] = self._open(case, location if isinstance(location, str) else "")
        return self.cases[case]

    def _open(self, case: str, location: str) -> Opened | str:
        if self.problem or self.ring is None:
            return self.problem or "kein Schlüsselbund"
        erased = self.ring.tombstone(case)
        if erased is not None:
            return Opened({}, {BASIS: erased})
        if location not in self.locations:
            self.locations[location] = location_identity(self.ring, location, self.identities) if location else None
        mine = self.locations[location]
        keys = self.ring.read_case(case, [mine] if mine is not None else self.identities)
        if keys is False and mine is not None:
            keys = self.ring.read_case(case, self.identities)
        if keys is None:
            return "für diese Akte liegt kein Schlüssel im Schlüsselbund"
        if not isinstance(keys, CaseKeys):
            return f"{NOT_YOURS} '{location}' nicht freigegeben" if mine is None else "der Schlüssel der Akte lässt sich nicht öffnen"
        return _opened(keys)


def _opened(keys: CaseKeys) -> Opened:
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    slots = {}
    for slot, identity in keys.keys.items():
        key = SlotKey.of(identity)
        slots[slot] = (key, ChaCha20Poly1305(key.data_key))
    return Opened(slots, dict(keys.erased))


_OPENERS: dict[tuple[Path, str, str, bool], Opener] = {}
_UNOPENED = False


@contextmanager
def values_unopened() -> Iterator[None]:
    """Within: sealed values are not opened, only held to their form (see the module doc). Forked workers inherit it."""
    global _UNOPENED
    before, _UNOPENED = _UNOPENED, True
    try:
        yield
    finally:
        _UNOPENED = before


def opener(root: Path) -> Opener:
    """The opener of ``root`` for this process and this keyring and own key (made on first use)."""
    key = root, os.environ.get("SITE_GEN_KEYRING", ""), os.environ.get("SITE_GEN_IDENTITY", ""), _UNOPENED
    found = _OPENERS.get(key)
    if found is None:
        found = _OPENERS[key] = Opener.for_root(root)
    return found


def reset() -> None:
    """Forget opened keys (after the keyring changed in this process)."""
    _OPENERS.clear()


def fingerprint(root: Path) -> bytes:
    """What the check's verdicts on sealed cases depend on besides the files: keyring generation and own key (as a digest)."""
    if not repo.is_sealed(root):
        return b""
    h = hashlib.blake2b(digest_size=16)
    if _UNOPENED:
        return h.digest() + b"unopened"
    path = keyring_path()
    h.update(str(path).encode())
    try:
        h.update((path / "schluesselbund.yaml").read_bytes() if path else b"-")
    except OSError:
        h.update(b"-")
    h.update(own_identity_bytes() or b"-")
    return h.digest()


def unseal_record(root: Path, kind: str, data: Any, display: str, provenance: dict[tuple[str, int], str] | None = None) -> tuple[Any, list[Finding]]:
    """``data`` with its sealed values opened in place (or None when the case cannot be read), and findings.

    ``provenance``: (list, position) → the entry file a list item was composed from (each value is bound to it)."""
    if kind not in ("cases", "workplaces") or not isinstance(data, dict):
        return data, []
    op = opener(root)
    if not op.sealed:
        return data, []
    if kind == "workplaces":  # a company contact note about a person is sealed to that person's case
        from .seal_contacts import unseal_contacts

        return data, unseal_contacts(op, data, display, provenance or {})
    found = data.get("id")
    case = found if isinstance(found, str) else display.rsplit("/", 1)[-1]
    walk = _Walk(op, case, data.get("location"), display, provenance or {})
    for top in [k for k in data if k not in READABLE]:
        data[top] = walk.value(data[top], (top,))
        if walk.failed:
            return None, walk.findings
    if walk.unopened:  # its form held, its values not read: left out of what is checked beyond that
        return None, walk.findings
    for top in walk.erased_fields:
        data.pop(top, None)
    return data, walk.findings


@dataclass
class _Walk:
    op: Opener
    case: str
    location: Any
    display: str
    provenance: dict[tuple[str, int], str]
    findings: list[Finding] = field(default_factory=list)
    erased_fields: set[str] = field(default_factory=set)
    plain_fields: set[str] = field(default_factory=set)
    failed: bool = False
    unopened: bool = False
    _keys: Opened | None = None

    def value(self, v: Any, path: tuple[str | int, ...], where: str = "", entry: str = "") -> Any:
        """``v`` opened in place; ``where``: the binding's field path so far (list positions as ``*``); ``entry``: the
        name of the entry file ``v`` came from ("" for the main file)."""
        where = where or str(path[0])
        if isinstance(v, dict):
            for k in v:
                v[k] = self.value(v[k], (*path, k), f"{where}/{k}", entry)
            return v
        if isinstance(v, list):
            inner = where + "/*"
            files = self.provenance if len(path) == 1 else {}
            for i, item in enumerate(v):
                source = files.get((str(path[0]), i))
                v[i] = self.value(item, (*path, i), inner, entry if source is None else entry_of(source))
            return v
        if v is None or self.failed:
            return v
        if isinstance(v, str) and v.startswith(PREFIXES):
            return self._open(v, path, where, entry)
        if path[0] not in self.plain_fields:  # once per field: the first plain value's position
            from ..labels import field_name
            from ..models.case import Case

            self.plain_fields.add(str(path[0]))
            self.findings.append(Finding(self.display, "SEALED-PLAINTEXT", f"Das Feld {field_name(Case, str(path[0]))} enthält einen unverschlüsselten Wert, das Repository ist versiegelt.",
                                         HINT_SEAL, loc=path))
        return v

    def _open(self, text: str, path: tuple[str | int, ...], where: str, entry: str) -> Any:
        top = str(path[0])
        purpose = slot_of(top)
        slot = text[7:].partition(":")[0]  # the key generation the value names (``gesundheitsdaten.2`` after a new consent)
        if self.op.unopened:
            self.unopened = True
            return self._tampered(path) if purpose_of_slot(slot) != purpose else None
        keys = self._keys or self._load()
        if keys is None:
            return None
        erased = keys.erased.get(slot) or keys.erased.get(BASIS)
        if erased is not None and purpose_of_slot(slot) == purpose:
            self._erased(top, purpose, erased)
            return None
        try:
            if purpose_of_slot(slot) != purpose:
                raise SealError("slot")
            key, aead = keys.slots[slot]
            return open_value(text, key, aead, f"{self.case}|{where}".encode(), slot, entry)
        except KeyError:
            return self._fail("SEALED-NO-KEY", f"Die Akte kann nicht geöffnet werden: für den Zweck '{purpose}' fehlt ihr Schlüssel.",
                              "Den Schlüsselbund prüfen ('site-gen keys status'); ohne Schlüssel sind diese Werte nicht lesbar.")
        except SealError:
            return self._tampered(path)

    def _tampered(self, path: tuple[str | int, ...]) -> None:
        return self._fail("SEALED-TAMPERED", "Ein verschlüsselter Wert lässt sich nicht öffnen: er ist beschädigt oder gehört zu einer anderen Akte, "
                          "einem anderen Feld oder einem anderen Eintrag.",
                          "Den Wert aus der Git-Geschichte wiederherstellen (git log -p) oder neu erfassen; verschlüsselte Werte nie zwischen Akten, "
                          "Feldern oder Einträgen kopieren.", path)

    def _load(self) -> Opened | None:
        found = self.op.open_case(self.case, self.location)
        if isinstance(found, str) and found.startswith(NOT_YOURS):
            self.failed = True  # need-to-know, not a fault: a warning, so a coach's --team build of her location succeeds
            self.findings.append(Finding(self.display, "SEALED-NO-ACCESS", f"Die Akte wird ausgelassen: {found.rstrip('.')} (Need-to-know).",
                                         "Richtig so, wenn die Akte nicht zu Ihrer Arbeit gehört. Sonst die Admins um Lesezugriff bitten ('site-gen keys add').",
                                         severity=Severity.WARNING, line=1, col=1, source=self.main))
            return None
        if isinstance(found, str):
            self._fail("SEALED-NO-KEY", f"Die Akte kann nicht geöffnet werden: {found.rstrip('.')}.",
                       "Eigenen Schlüssel (SITE_GEN_IDENTITY) und Schlüsselbund (SITE_GEN_KEYRING) prüfen: 'site-gen keys setup'. Die Akte wird ausgelassen.")
            return None
        if BASIS in found.erased and not found.slots:
            self.findings.append(Finding(self.display, "SEALED-ERASED", f"Die Akte wurde am {_german(found.erased[BASIS])} gelöscht: ihre Schlüssel sind vernichtet, die Werte nicht mehr lesbar.",
                                         "Nichts zu tun; in älteren Commits bleibt nur unlesbarer Geheimtext.", severity=Severity.INFO, line=1, col=1, source=self.main))
            self.failed = True
            return None
        self._keys = found
        return found

    def _erased(self, top: str, slot: str, day: str) -> None:
        if top not in self.erased_fields:
            self.erased_fields.add(top)
            self.findings.append(Finding(self.display, "SEALED-ERASED", f"Die Werte zum Zweck '{slot}' sind gelöscht (Schlüssel am {_german(day)} vernichtet).",
                                         "Nichts zu tun: nach Widerruf oder Ablauf sind sie in jedem Commit unlesbar.", severity=Severity.INFO, loc=(top,)))

    def _fail(self, code: str, message: str, hint: str, path: tuple[str | int, ...] = ()) -> None:
        self.failed = True
        self.findings.append(Finding(self.display, code, message, hint, loc=path) if path else
                             Finding(self.display, code, message, hint, line=1, col=1, source=self.main))
        return None

    @property
    def main(self) -> str:
        """The file a whole-case finding points at: the folder's case.yaml."""
        return f"{self.display}/case.yaml"


def _german(day: str) -> str:
    """``2026-12-01`` → ``01.12.2026`` (anything else as it is)."""
    parts = day.split("-")
    return ".".join(reversed(parts)) if len(parts) == 3 else day
