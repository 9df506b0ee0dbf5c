"""The keyring: the private halves of every case's keys, outside the records' Git history.

A folder (``SITE_GEN_KEYRING``, e.g. on the team's server), laid out as::

    schluesselbund.yaml      format, generation, recovery and admin recipients,
                             staff recipients, each location's public recipient
    standorte/<loc>.age      the location's own age identity, sealed to the
                             location's staff, the admins and the recovery key
    akten/<case>.age         JSON {format, case, location, keys: {slot: identity},
                             erased: {slot: date}}, sealed to the location and
                             the recovery key
    akten/<case>.geloescht   the date a whole case was erased (its keys destroyed)

Two levels keep a cold check cheap (one X25519 opening per case, one per
location) and make joining and leaving small: ``keys add`` re-seals one
location file; ``keys remove`` gives the location a new identity and re-seals
that location's case files, so the person reads nothing new. Every file is
written atomically; an interrupted ``keys remove`` continues from
``standorte/<loc>.neu.age``. Shredding rewrites ``akten/<case>.age`` without
the slot: no copy of the key is left, except in backups of this folder.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UserError
from ..output import write_file
from .keys import Identity, decrypt, encrypt, generate, identity_from_str

FORMAT = 1
INDEX = "schluesselbund.yaml"


@dataclass
class CaseKeys:
    """The opened key file of one case."""

    case: str
    location: str
    keys: dict[str, str]
    erased: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> bytes:
        return json.dumps({"format": FORMAT, "case": self.case, "location": self.location, "keys": self.keys, "erased": self.erased},
                          sort_keys=True).encode()


@dataclass
class Keyring:
    """The keyring folder and its index."""

    path: Path
    recovery: str = ""
    admins: dict[str, str] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)
    locations: dict[str, str] = field(default_factory=dict)
    generation: int = 0

    @classmethod
    def open(cls, path: Path) -> Keyring:
        """The keyring at ``path`` (UserError when missing, broken or from a newer version)."""
        from .load import read_yaml

        index = path / INDEX
        if not index.is_file():
            raise UserError(f"Kein Schlüsselbund unter '{path}' (Datei {INDEX} fehlt).",
                            "SITE_GEN_KEYRING auf den Ordner des Schlüsselbunds setzen, oder einen neuen mit 'site-gen keys init --admin EMPFÄNGER' anlegen.")
        data, problems = read_yaml(index, INDEX)
        if not isinstance(data, dict) or problems:
            raise UserError(f"Die Datei {INDEX} des Schlüsselbunds ist beschädigt.", "Aus der Sicherung des Schlüsselbunds wiederherstellen.")
        if not isinstance(data.get("format"), int) or data["format"] > FORMAT:
            raise UserError("Der Schlüsselbund stammt aus einer neueren Version von site-gen.", "site-gen aktualisieren; der Schlüsselbund bleibt unverändert.")
        return cls(path, str(data.get("recovery", "")), dict(data.get("admins") or {}), dict(data.get("staff") or {}),
                   dict(data.get("locations") or {}), int(data.get("generation", 0)))

    def save(self) -> None:
        """Write the index (a new generation: the check cache keys on it)."""
        self.generation += 1
        lines = ["# site-gen Schlüsselbund: nur öffentliche Schlüssel in dieser Datei; die privaten liegen verschlüsselt in standorte/ und akten/.",
                 f"format: {FORMAT}", f"generation: {self.generation}", f"recovery: {self.recovery}"]
        for name, mapping in (("admins", self.admins), ("staff", self.staff), ("locations", self.locations)):
            lines.append(f"{name}:" + ("" if mapping else " {}"))
            lines += [f"  {k}: {json.dumps(v)}" for k, v in sorted(mapping.items())]
        (self.path / "standorte").mkdir(parents=True, exist_ok=True)
        (self.path / "akten").mkdir(exist_ok=True)
        write_file(self.path / INDEX, "\n".join(lines) + "\n", 0o600)

    # -- locations ---------------------------------------------------------------------------------------------
    def location_readers(self, location: str, staff_locations: dict[str, str]) -> list[str]:
        """Recipients that may open a location: its staff with a key, every admin, the recovery key."""
        staff = [r for sid, r in sorted(self.staff.items()) if staff_locations.get(sid) == location]
        return [*staff, *sorted(self.admins.values()), self.recovery]

    def location_file(self, location: str, new: bool = False) -> Path:
        return self.path / "standorte" / (f"{location}.neu.age" if new else f"{location}.age")

    def open_location(self, location: str, identities: list[Identity]) -> str | None:
        """The location's identity, if ``identities`` may open it."""
        for path in (self.location_file(location), self.location_file(location, new=True)):
            try:
                opened = decrypt(path.read_bytes(), identities)
            except OSError:
                continue
            if opened is not None:
                return opened.decode().strip()
        return None

    def ensure_location(self, location: str, staff_locations: dict[str, str]) -> str:
        """The location's public recipient, creating its identity the first time."""
        if location not in self.locations or not self.location_file(location).exists():
            secret, public = generate()
            write_file(self.location_file(location), encrypt(secret.encode(), self.location_readers(location, staff_locations)), 0o600)
            self.locations[location] = public
            self.save()
        return self.locations[location]

    def reseal_location(self, location: str, secret: str, staff_locations: dict[str, str], new: bool = False) -> None:
        write_file(self.location_file(location, new), encrypt(secret.encode(), self.location_readers(location, staff_locations)), 0o600)

    # -- cases -------------------------------------------------------------------------------------------------
    def case_file(self, case: str) -> Path:
        return self.path / "akten" / f"{case}.age"

    def tombstone(self, case: str) -> str | None:
        """The date a whole case was erased, if it was."""
        try:
            return (self.path / "akten" / f"{case}.geloescht").read_text().strip() or "?"
        except OSError:
            return None

    def read_case(self, case: str, identities: list[Identity]) -> CaseKeys | bool | None:
        """The case's keys; None when there is no key file; False when ``identities`` cannot open it."""
        try:
            raw = self.case_file(case).read_bytes()
        except OSError:
            return None
        opened = decrypt(raw, identities)
        if opened is None:
            return False
        try:
            data: dict[str, Any] = json.loads(opened)
            if data.get("format", 0) > FORMAT:
                raise UserError("Der Schlüsselbund stammt aus einer neueren Version von site-gen.", "site-gen aktualisieren.")
            return CaseKeys(data["case"], data["location"], dict(data["keys"]), dict(data.get("erased") or {}))
        except (ValueError, KeyError, TypeError):
            return False

    def write_case(self, keys: CaseKeys) -> None:
        location = self.locations.get(keys.location)
        if not location:
            raise UserError(f"Der Standort '{keys.location}' hat im Schlüsselbund noch keinen Schlüssel.", "site-gen keys setup ausführen.")
        write_file(self.case_file(keys.case), encrypt(keys.to_json(), [location, self.recovery]), 0o600)

    def erase_case(self, case: str, day: dt.date) -> None:
        """Destroy every key of a case; leave the date it happened."""
        write_file(self.path / "akten" / f"{case}.geloescht", day.isoformat() + "\n", 0o600)
        self.case_file(case).unlink(missing_ok=True)
        self.save()


def new_case_keys(case: str, location: str, slots: tuple[str, ...]) -> tuple[CaseKeys, dict[str, str]]:
    """Fresh key pairs for every slot: (the private side, slot → public recipient)."""
    keys, public = {}, {}
    for slot in slots:
        keys[slot], public[slot] = generate()
    return CaseKeys(case, location, keys), public


def init_keyring(path: Path, admin: str) -> str:
    """A new keyring with ``admin`` as its first admin; returns the recovery identity (shown once, never stored)."""
    if (path / INDEX).exists():
        raise UserError(f"Unter '{path}' liegt schon ein Schlüsselbund.", "Einen leeren Ordner angeben; einen bestehenden Schlüsselbund nie überschreiben.")
    secret, public = generate()
    ring = Keyring(path, recovery=public, admins={"admin": admin})
    path.mkdir(parents=True, exist_ok=True)
    ring.save()
    return secret


def location_identity(ring: Keyring, location: str, identities: list[Identity]) -> Identity | None:
    secret = ring.open_location(location, identities)
    return identity_from_str(secret) if secret else None
