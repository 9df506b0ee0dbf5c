"""Identities and recipients (age X25519 and OpenSSH ed25519, via pyrage), and the data key of a case's slot.

A *slot* is one of a case's key pairs: ``basis`` (the legal-basis data) or a
consent purpose id. Each slot's private half is an age X25519 identity
(``AGE-SECRET-KEY-1…``); values are sealed with a symmetric key derived from
it (HKDF-SHA256), so one asymmetric opening per case serves every value.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UserError

IDENTITY_ENV = "SITE_GEN_IDENTITY"
KEYRING_ENV = "SITE_GEN_KEYRING"
BASIS = "basis"
"""The slot of the legal-basis data (everything not tied to a consent purpose)."""
_DATA_KEY_INFO = b"site-gen/sealed-value/v1"

Identity = Any  # pyrage.x25519.Identity | pyrage.ssh.Identity (pyrage ships no type hints)
Recipient = Any


def generate() -> tuple[str, str]:
    """A new X25519 key pair: (identity ``AGE-SECRET-KEY-1…``, recipient ``age1…``)."""
    from pyrage import x25519  # pyrage is imported only where a key is used: a plain repository never loads it

    ident = x25519.Identity.generate()
    return str(ident), str(ident.to_public())


def identity_from_str(text: str) -> Identity:
    from pyrage import x25519

    return x25519.Identity.from_str(text.strip())


def recipient(text: str) -> Recipient:
    """An age recipient from ``age1…`` or an OpenSSH ``ssh-ed25519 …`` public key (UserError otherwise)."""
    import pyrage
    from pyrage import ssh, x25519

    text = text.strip()
    try:
        if text.startswith("ssh-"):
            if not text.startswith("ssh-ed25519 "):
                raise ValueError
            return ssh.Recipient.from_str(" ".join(text.split()[:2]))
        return x25519.Recipient.from_str(text)
    except (ValueError, pyrage.RecipientError) as exc:
        raise UserError("Der öffentliche Schlüssel ist ungültig.",
                        "Erwartet wird ein age-Empfänger (age1…) oder ein SSH-Schlüssel 'ssh-ed25519 AAAA…' (Inhalt der .pub-Datei).") from exc


def valid_recipient(text: str) -> bool:
    try:
        recipient(text)
    except UserError:
        return False
    return True


KEY_TEXT_STARTS = ("AGE-SECRET-KEY-1", "-----BEGIN OPENSSH PRIVATE KEY-----")
"""What only the key itself (not a path to it) contains: CI secrets on GitHub and Forgejo are text."""


def read_identities(path: Path) -> list[Identity]:
    """The identities in an age identity file or an OpenSSH ed25519 private key (UserError when none)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(f"Die eigene Schlüsseldatei ({IDENTITY_ENV}) kann nicht gelesen werden.",
                        f"Pfad in {IDENTITY_ENV} prüfen: eine age-Schlüsseldatei oder ein privater SSH-Schlüssel (ed25519).") from exc
    return parse_identities(raw, f"der Datei aus {IDENTITY_ENV}")


def parse_identities(raw: bytes, where: str) -> list[Identity]:
    """The identities in the text of an age identity file or an OpenSSH ed25519 private key (UserError when none).

    Messages name ``where`` the text came from, never the text itself."""
    import pyrage
    from pyrage import ssh

    if b"OPENSSH PRIVATE KEY" in raw:
        try:
            return [ssh.Identity.from_buffer(raw.replace(b"\r\n", b"\n").strip() + b"\n")]
        except (ValueError, pyrage.IdentityError) as exc:
            raise UserError(f"Der SSH-Schlüssel in {where} kann nicht verwendet werden.",
                            "Nur ed25519-Schlüssel ohne Passphrase werden unterstützt (ssh-keygen -t ed25519).") from exc
    found = []
    for line in raw.decode("utf-8", "replace").splitlines():
        if line.strip().startswith("AGE-SECRET-KEY-"):
            try:
                found.append(identity_from_str(line))
            except (ValueError, pyrage.IdentityError):
                continue
    if not found:
        raise UserError(f"In {where} steht kein gültiger Schlüssel.",
                        "Erwartet wird eine Zeile AGE-SECRET-KEY-1… (age-keygen) oder ein privater SSH-Schlüssel (ed25519).")
    return found


def is_key_text(value: str) -> bool:
    """Whether ``value`` is a key itself rather than a path (a CI secret given as text, also a whole
    ``age-keygen`` file with its ``#`` comment lines)."""
    return any(start in value for start in KEY_TEXT_STARTS)


def own_identity_bytes() -> bytes | None:
    """The reader's key as bytes: the text in :data:`IDENTITY_ENV` or the file it names (None when unset or unreadable)."""
    value = os.environ.get(IDENTITY_ENV)
    if not value:
        return None
    if is_key_text(value):
        return value.encode()
    try:
        return Path(value).expanduser().read_bytes()
    except OSError:
        return None


def own_identities() -> list[Identity] | None:
    """The reader's identities from :data:`IDENTITY_ENV` (a file's path, or the key's text as CI secrets give it),
    or None when it is not set."""
    value = os.environ.get(IDENTITY_ENV)
    if not value:
        return None
    if is_key_text(value):
        return parse_identities(value.encode(), f"{IDENTITY_ENV} (Schlüssel als Text)")
    return read_identities(Path(value).expanduser())


def keyring_path() -> Path | None:
    path = os.environ.get(KEYRING_ENV)
    return Path(path).expanduser() if path else None


def encrypt(data: bytes, recipients: list[str]) -> bytes:
    """An age file (binary) of ``data`` to every recipient."""
    import pyrage

    return pyrage.encrypt(data, [recipient(r) for r in recipients])


def decrypt(data: bytes, identities: list[Identity]) -> bytes | None:
    """The plaintext of an age file, or None when none of ``identities`` opens it (or it is damaged)."""
    import pyrage

    try:
        return pyrage.decrypt(data, identities)
    except (pyrage.DecryptError, ValueError):
        return None


@dataclass(frozen=True)
class SlotKey:
    """One slot of a case: its age identity and the symmetric data key derived from it."""

    identity: str
    data_key: bytes

    @classmethod
    def of(cls, identity: str) -> SlotKey:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_DATA_KEY_INFO).derive(identity.strip().encode())
        return cls(identity.strip(), key)
