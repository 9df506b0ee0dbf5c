"""Configuration with defaults: the catalogues ship with the package.

``schema/profile-catalogue.yaml`` and ``schema/consent-purposes.yaml`` of a
records repository are optional. The tool's own copies (package data in
``site_gen/data/``) are always read first; a repository file *extends* them:

* an entry with a new ``id`` is added;
* an entry with an ``id`` of the defaults replaces that entry;
* nothing can be removed, and an override may not make a rule weaker
  (``CONFIG-WEAKER``): a health-related profile item stays health-related, a
  purpose that needs named recipients keeps needing them, and a purpose does
  not gain guardian tasks that would let more guardians consent.

So the pre-commit hook and the command line always see the same rules, and a
missing or partial file can never switch a check off.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from ..findings import Finding
from ..models import ProfileCatalogue, PurposeCatalogue
from ..models.access import AccessRouteCatalogue
from ..models.catalogue import Purpose
from ..models.organisation import ProfileItem
from ..models.path import PathCatalogue
from ..models.subsidy import SubsidyFacts
from ..models.wage_rules import MinimumWage
from .load import read_yaml
from .validate import validate

DATA = Path(__file__).resolve().parent.parent / "data"
"""Package data: default catalogues and easy-language settings."""
CATALOGUE_FILE = "schema/profile-catalogue.yaml"
PURPOSES_FILE = "schema/consent-purposes.yaml"


@lru_cache(maxsize=None)
def _default(name: str, model: type[Any]) -> Any:
    data, findings = read_yaml(DATA / name, f"site_gen/data/{name}")
    record, problems = validate(model, data, name) if data is not None else (None, [])
    if record is None:  # a broken package is a bug, not bad input
        raise RuntimeError(f"package data {name} is invalid: {findings + problems}")
    return record


def default_catalogue() -> ProfileCatalogue:
    """The profile catalogue that ships with the tool."""
    return _default("profile-catalogue.yaml", ProfileCatalogue)


def default_purposes() -> PurposeCatalogue:
    """The consent purposes that ship with the tool."""
    return _default("consent-purposes.yaml", PurposeCatalogue)


def default_paths() -> PathCatalogue:
    """The paths of the three seed providers that ship with the tool (issue 29)."""
    return _default("paths.yaml", PathCatalogue)


def default_minimum_wage() -> MinimumWage:
    """The statutory minimum wage with its source and date (issue 29: the floor of § 61 SGB IX wages)."""
    return _default("minimum-wage.yaml", MinimumWage)


def default_access_routes() -> AccessRouteCatalogue:
    """The access routes that ship with the tool (issue 29)."""
    return _default("access-routes.yaml", AccessRouteCatalogue)


def read_model(root: Path, rel: str, model: type[Any], findings: list[Finding]) -> Any:
    """The file ``rel`` validated as ``model`` (None when missing or invalid); its problems go to ``findings``."""
    path = root / rel
    if not path.is_file():
        return None
    data, problems = read_yaml(path, rel)
    findings.extend(problems)
    if data is None:
        return None
    record, problems = validate(model, data, rel)
    findings.extend(problems)
    return record


def _weaker(rel: str, section: str, index: int, key: str, what: str) -> Finding:
    return Finding(rel, "CONFIG-WEAKER", f"'{section}[{index}].{key}': {what}",
                   "Eine Datei im Repository darf die mitgelieferten Regeln ergänzen oder verschärfen, aber nicht abschwächen. "
                   "Für ein anderes Merkmal oder einen anderen Zweck eine neue Kennung vergeben.", loc=(section, index, key))


def load_catalogue(root: Path, findings: list[Finding]) -> ProfileCatalogue:
    """Default profile catalogue merged with the repository's file (if any)."""
    base = default_catalogue()
    own = read_model(root, CATALOGUE_FILE, ProfileCatalogue, findings)
    if own is None:
        return base
    items: dict[str, ProfileItem] = {i.id: i for i in base.items}
    for n, item in enumerate(own.items):
        old = items.get(item.id)
        if old is not None and old.health_related and not item.health_related:
            findings.append(_weaker(CATALOGUE_FILE, "items", n, "health_related",
                                    "Das Merkmal ist im mitgelieferten Katalog gesundheitsbezogen und bleibt es."))
            continue
        items[item.id] = item
    return ProfileCatalogue(source=own.source or base.source, items=list(items.values()))


def load_purposes(root: Path, findings: list[Finding]) -> PurposeCatalogue:
    """Default consent purposes merged with the repository's file (if any)."""
    base = default_purposes()
    own = read_model(root, PURPOSES_FILE, PurposeCatalogue, findings)
    if own is None:
        return base
    purposes: dict[str, Purpose] = {p.id: p for p in base.purposes}
    for n, purpose in enumerate(own.purposes):
        old = purposes.get(purpose.id)
        if old is not None:
            if old.needs_recipients and not purpose.needs_recipients:
                findings.append(_weaker(PURPOSES_FILE, "purposes", n, "needs_recipients",
                                        "Dieser Zweck verlangt im mitgelieferten Katalog genannte Empfänger; das bleibt so."))
                continue
            if set(purpose.guardian_tasks) - set(old.guardian_tasks):
                findings.append(_weaker(PURPOSES_FILE, "purposes", n, "guardian_tasks",
                                        "Zusätzliche Aufgabenkreise würden mehr Betreuungen die Einwilligung erlauben."))
                continue
        purposes[purpose.id] = purpose
    return PurposeCatalogue(purposes=list(purposes.values()))


SUBSIDIES_FILE = "schema/foerderung.yaml"
SUBSIDIES_DEFAULT = "site_gen/data/foerderung.yaml"


def default_subsidies() -> SubsidyFacts:
    """The subsidy facts that ship with the tool (``site_gen/data/foerderung.yaml``): sources and a Stand date each."""
    found: SubsidyFacts = _default("foerderung.yaml", SubsidyFacts)
    return found


def load_subsidies(root: Path, findings: list[Finding]) -> tuple[SubsidyFacts, dict[str, tuple[str, int]]]:
    """Default subsidy facts, each support (by id) and kind (by type) replaced by the repository's file if it has one.

    Returns the facts and, per support id, the file its facts come from and its index there (for the age check)."""
    base = default_subsidies()
    own = read_model(root, SUBSIDIES_FILE, SubsidyFacts, findings)
    origin = {s.id: (SUBSIDIES_DEFAULT, i) for i, s in enumerate(base.supports)}
    if own is None:
        return base, origin
    supports = {s.id: s for s in base.supports} | {s.id: s for s in own.supports}
    kinds = {k.type: k for k in base.kinds} | {k.type: k for k in own.kinds}
    origin |= {s.id: (SUBSIDIES_FILE, i) for i, s in enumerate(own.supports)}
    return SubsidyFacts(supports=list(supports.values()), kinds=list(kinds.values())), origin
