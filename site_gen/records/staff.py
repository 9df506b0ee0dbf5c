"""Who reads what: ``keys init``, ``add``, ``remove``, ``status`` and ``setup`` on the keyring.

Readers are staff by the location ``organisation.yaml`` gives them, the
admins (every location, e.g. the team lead and the CI key) and the recovery
key. ``remove`` gives the location a new identity and re-seals the case key
files of that location to it, so the person reads nothing new; a run that
stops halfway is run again (``standorte/<loc>.neu.age`` is picked up).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import UserError
from ..output import write_file
from ..wording import count
from . import repo
from .encrypt import open_keyring, staff_locations
from .keyring import Keyring, init_keyring
from .keys import Identity, decrypt, encrypt, generate, keyring_path, own_identities, valid_recipient


def _identities() -> list[Identity]:
    found = own_identities()
    if not found:
        raise UserError("SITE_GEN_IDENTITY ist nicht gesetzt.", "Die eigene Schlüsseldatei angeben (age-Schlüssel oder privater SSH-Schlüssel ed25519).")
    return found


def _location_secret(ring: Keyring, location: str, identities: list[Identity]) -> str:
    secret = ring.open_location(location, identities)
    if secret is None:
        raise UserError(f"Ihr Schlüssel öffnet den Standort '{location}' nicht.", "Das können nur Admins oder der Wiederherstellungsschlüssel.")
    return secret


def init(path: Path, admin: str, qr: bool) -> int:
    if not valid_recipient(admin):
        raise UserError("Der Admin-Schlüssel ist ungültig.", "Einen age-Empfänger (age1…) oder 'ssh-ed25519 AAAA…' angeben.")
    secret = init_keyring(path, admin)
    print(f"Neuer Schlüsselbund in {path}.")
    print("Wiederherstellungsschlüssel (NUR JETZT sichtbar; ausdrucken und in den Tresor, nirgends speichern):\n")
    print(secret + "\n")
    if qr:
        _print_qr(secret)
    return 0


def _print_qr(secret: str) -> None:
    try:
        import segno
    except ImportError:
        print("(QR-Code: das Paket 'segno' ist nicht installiert.)")
        return
    segno.make(secret, error="m").terminal(compact=True)


def add(root: Path, staff_id: str, recipient: str, admin: bool) -> int:
    if not valid_recipient(recipient):
        raise UserError("Der öffentliche Schlüssel ist ungültig.", "age1… oder 'ssh-ed25519 AAAA…' (Inhalt der .pub-Datei) angeben.")
    ring = open_keyring()
    staff = staff_locations(root)
    if not admin and staff_id not in staff:
        raise UserError(f"Die Fachkraft '{staff_id}' steht nicht in organisation.yaml.", "Erst in organisation.yaml eintragen (mit Standort), oder --admin für Admin/CI.")
    identities = _identities()
    targets = sorted(ring.locations) if admin else [staff[staff_id]]
    secrets = {loc: _location_secret(ring, loc, identities) for loc in targets if loc in ring.locations}
    (ring.admins if admin else ring.staff)[staff_id] = " ".join(recipient.split()[:2])
    for loc, secret in secrets.items():
        ring.reseal_location(loc, secret, staff)
    ring.save()
    print(f"{staff_id} liest jetzt {'alle Standorte' if admin else 'den Standort ' + targets[0]}.")
    return 0


def remove(root: Path, staff_id: str) -> int:
    ring = open_keyring()
    staff = staff_locations(root)
    identities = _identities()
    was_admin = staff_id in ring.admins
    if staff_id not in ring.staff and not was_admin and not _pending(ring):
        raise UserError(f"'{staff_id}' hat keinen Schlüssel im Schlüsselbund.", "'site-gen keys status' zeigt, wer was liest.")
    ring.staff.pop(staff_id, None)
    ring.admins.pop(staff_id, None)
    ring.save()
    touched = sorted(ring.locations) if was_admin else sorted({staff.get(staff_id, "")} & set(ring.locations) | set(_pending(ring)))
    cases = 0
    for loc in touched:
        cases += _rotate(root, ring, loc, identities, staff)
    print(f"{staff_id} entfernt; {count(len(touched), 'Standort', 'Standorte')} mit neuem Schlüssel, {count(cases, 'Akte', 'Akten')} neu verschlüsselt.")
    return 0


def _pending(ring: Keyring) -> list[str]:
    return [p.name.removesuffix(".neu.age") for p in (ring.path / "standorte").glob("*.neu.age")]


def _rotate(root: Path, ring: Keyring, location: str, identities: list[Identity], staff: dict[str, str]) -> int:
    """Give ``location`` a new identity and re-seal its cases' key files to it."""
    old = _location_secret(ring, location, identities) if ring.location_file(location).exists() else None
    new_file = ring.location_file(location, new=True)
    opened = decrypt(new_file.read_bytes(), identities) if new_file.exists() else None
    if opened is None:
        secret, _ = generate()
        write_file(new_file, encrypt(secret.encode(), ring.location_readers(location, staff)), 0o600)
    else:
        secret = opened.decode().strip()
    from .keys import identity_from_str

    new_ident = identity_from_str(secret)
    public = str(new_ident.to_public())
    ring.locations[location] = public
    both = [i for i in (identity_from_str(old) if old else None, new_ident) if i is not None] + identities
    done = 0
    for path in sorted((ring.path / "akten").glob("*.age")):
        keys = ring.read_case(path.stem, both)
        if keys and not isinstance(keys, bool) and keys.location == location:
            ring.write_case(keys)
            done += 1
    new_file.replace(ring.location_file(location))
    ring.save()
    return done


def status(root: Path) -> int:
    ring = open_keyring()
    staff = staff_locations(root)
    print(f"Schlüsselbund: {ring.path} (Wiederherstellungsschlüssel und {count(len(ring.admins), 'Admin', 'Admins')}: {', '.join(sorted(ring.admins))})")
    for loc in sorted(set(ring.locations) | set(staff.values())):
        readers = sorted(s for s in ring.staff if staff.get(s) == loc)
        print(f"  Standort {loc}: {', '.join(readers) or 'niemand außer den Admins'}" + ("" if loc in ring.locations else " (noch kein Standortschlüssel)"))
    from .dataset import scan_records

    ids = [u.id for u in scan_records(root, stat=False)[0] if u.kind == "cases"]
    missing = [c for c in ids if not ring.case_file(c).exists() and ring.tombstone(c) is None]
    print(f"{count(len(ids), 'Akte', 'Akten')}; ohne Schlüssel: {', '.join(missing) if missing else 'keine'}.")
    if not repo.is_sealed(root):
        print("Dieses Repository ist noch nicht versiegelt ('site-gen migrate --encrypt').")
    return 1 if missing and repo.is_sealed(root) else 0


def setup(root: Path) -> int:
    """What a fresh clone needs: nothing to install (values are sealed in the files); checks key and keyring."""
    if not repo.is_sealed(root):
        print("Dieses Repository ist nicht versiegelt: nichts einzurichten.")
        return 0
    if keyring_path() is None:
        raise UserError("SITE_GEN_KEYRING ist nicht gesetzt.", "Den Ordner des Schlüsselbunds angeben (z. B. die Freigabe auf dem Team-Server).")
    ring = Keyring.open(keyring_path())  # type: ignore[arg-type]
    identities = _identities()
    readable = [loc for loc in sorted(ring.locations) if ring.open_location(loc, identities)]
    print("Eingerichtet: Git braucht keine Filter; versiegelte Werte werden beim Lesen geöffnet.")
    print(f"Ihr Schlüssel öffnet: {', '.join(readable) if readable else 'keinen Standort'}.")
    return 0 if readable else 1
