"""The score formula: how well a person and a workplace fit, with reasons.

Up to 100 points, the sum of five parts (and a sixth, Umfeld, when ICF context
factors are recorded; the total stays capped at 100). Each part lists German reasons
with the points each contributes, so every rank can be explained.

1. **Profil** (max 50): for each item the workplace requires, full points if
   the ability rating reaches the requirement, half points one level below,
   none two or more levels below. A missing rating counts as 1. Health-related
   items without a live ``gesundheitsdaten`` consent are left out entirely
   (neither for nor against the person). ``50 × (sum of item points) /
   (number of items compared)``; 0 when the workplace has no requirement
   profile. Being far under-challenged is shown but costs nothing, so raising
   an ability rating never lowers the score (monotonic).
2. **Wünsche und Interessen** (max 20): 10 points for each wish or interest
   whose words meet the workplace's sector (with everyday words for it) or
   the tasks of its posting or workplace analysis.
3. **Weg** (max 15): 10 if the workplace lies in the district of the
   person's location (we do not record home addresses), else 5 if the team of
   the person's location looks after the workplace; plus 5 if the workplace
   can be reached by bus and train (a transit text that does not say "kein").
4. **Stunden** (max 10): weekly hours (rules in :mod:`.features`). 10 if the
   workplace asks at most 5 hours more and at most 10 hours fewer than the
   person's hours; 5 if it asks 6–10 hours more or more than 10 fewer, or
   either side is unknown; 0 if it asks more than 10 hours more.
5. **Form** (max 5): 5 if the workplace offers a placement type the person
   is looking for.

After a recent return to the workshop or a crisis (``CaseFeatures.fallback``),
places of the fallback network (``fallback: true``) are listed first, each with
the reason; the score itself stays the same, only the order changes.

Workplaces with acquisition status ``beendet`` are never ranked; ``pausiert``
is ranked with a note. Closed cases are never candidates. A workplace where a
placement of the person ended with a return to the workshop or was aborted is
never proposed to that person again (``CaseFeatures.avoid``, with the reason).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..models.common import PLACEMENT_LABELS
from ..models.organisation import ProfileItem
from .compare import Comparison, Flag, compare
from .features import CaseFeatures, WorkplaceFeatures, sector_label

PROFILE_MAX, WISH_MAX, TRAVEL_MAX, HOURS_MAX, TYPES_MAX = 50.0, 20.0, 15.0, 10.0, 5.0
CONTEXT_MAX = 5.0
"""Issue 29: a workplace facilitator for a barrier of the person; the total stays capped at 100."""
SCORE_MAX = 100.0
WISH_POINTS = 10.0
SAME_DISTRICT, SAME_LOCATION, TRANSIT = 10.0, 5.0, 5.0
HOURS_MORE_OK, HOURS_FEWER_OK, HOURS_MORE_SOME = 5.0, 10.0, 10.0
ITEM_POINTS: dict[int, float] = {0: 1.0, 1: 0.5}
"""Shortfall (requirement − ability, at least 0) → share of the item's points; larger → 0."""


FORMULA_DE: tuple[str, ...] = (
    "Höchstens 100 Punkte, die Summe aus fünf Teilen:",
    "Profil (bis 50): je verlangtem Merkmal volle Punkte, wenn die Einschätzung die Anforderung erreicht, "
    "halbe Punkte eine Stufe darunter, keine Punkte zwei oder mehr Stufen darunter. Nicht eingeschätzt zählt wie 1. "
    "Gesundheitsbezogene Merkmale zählen nur mit Einwilligung „Gesundheitsdaten“. Unterforderung kostet keine Punkte.",
    "Wünsche und Interessen (bis 20): 10 Punkte für jeden Wunsch und jedes Interesse, das zur Branche oder zu den Tätigkeiten passt.",
    "Weg (bis 15): 10 im selben Stadtteil wie der Standort der Person, sonst 5, wenn dasselbe Standort-Team den Betrieb betreut; "
    "dazu 5 mit Anbindung an Bus und Bahn.",
    "Stunden (bis 10): 10, wenn der Arbeitsplatz höchstens 5 Stunden mehr und höchstens 10 Stunden weniger pro Woche hat, "
    "als die Person möchte oder zuletzt geschafft hat; 0 bei mehr als 10 Stunden mehr; sonst 5, auch wenn etwas unbekannt ist.",
    "Form (bis 5): 5, wenn der Betrieb eine gesuchte Form anbietet (zuerst ein Praktikum oder eine Erprobung).",
    "Umfeld (bis 5, nur wenn Kontextfaktoren der ICF erfasst sind): 5, wenn der Betrieb einen Förderfaktor für eine Barriere der Person "
    "bietet (gleiche ICF-Kategorie, z. B. e330 geschulte Mentorin); eine Barriere auf beiden Seiten wird genannt. Nur mit Einwilligung "
    "„Gesundheitsdaten“. Die Summe bleibt höchstens 100.",
    "Nach einer Rückkehr in die Werkstatt oder einer Krise (in den letzten 180 Tagen) stehen Auffangplätze "
    "(niedrigschwellige Plätze im Netzwerk) zuerst, mit Grund; die Punkte ändern sich dadurch nicht.",
    "Beendete Betriebe werden nicht vorgeschlagen, geschlossene Akten auch nicht. Ein Arbeitsplatz, an dem eine Platzierung "
    "der Person mit Rückkehr in die Werkstatt oder einem Abbruch endete, wird ihr nicht mehr vorgeschlagen (der Grund steht in der Akte).",
)
"""The formula in German, shown on the site and by ``site-gen match``."""


def item_points(ability: int | None, requirement: int) -> float:
    """Share of one item's points (a missing rating counts as 1)."""
    return ITEM_POINTS.get(max(0, requirement - (ability or 1)), 0.0)


@dataclass(frozen=True)
class Reason:
    text: str
    points: float


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    points: float
    maximum: float
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class Fit:
    """One scored pair with its explanation."""

    case_id: str
    workplace_id: str
    parts: tuple[Part, ...]
    comparison: Comparison

    @property
    def score(self) -> float:
        return min(SCORE_MAX, sum(p.points for p in self.parts))


def _part(key: str, label: str, maximum: float, reasons: list[Reason]) -> Part:
    return Part(key, label, sum(r.points for r in reasons), maximum, tuple(reasons))


def profile_points(comp: Comparison) -> float:
    """Points of the profile part: 50 × mean item share over the compared items (0 if none)."""
    compared = comp.compared
    return PROFILE_MAX * (sum(item_points(g.ability, g.requirement) for g in compared) / len(compared)) if compared else 0.0


def profile_part(cf: CaseFeatures, comp: Comparison) -> Part:
    compared = comp.compared
    if not compared:
        text = "Kein Anforderungsprofil: die Arbeitsplatzanalyse fehlt." if not comp.items else "Nichts vergleichbar."
        reasons = [Reason(text, 0.0)] + ([Reason(cf.profile.note, 0.0)] if cf.profile.note else [])
        return _part("profil", "Profil", PROFILE_MAX, reasons)
    reasons = [Reason(f"{len(comp.met)} von {len(compared)} Anforderungen erfüllt.", profile_points(comp))]
    for flag, what in ((Flag.OVER, "eine Stufe darunter, halbe Punkte"), (Flag.STRONG_OVER, "zwei oder mehr Stufen darunter, keine Punkte")):
        if gaps := comp.having(flag):
            reasons.append(Reason(f"{what}: " + ", ".join(f"{g.label} ({g.ability or '–'} statt {g.requirement})" for g in gaps), 0.0))
    if unknown := comp.having(Flag.UNKNOWN):
        reasons.append(Reason("Nicht eingeschätzt, zählt wie 1: " + ", ".join(g.label for g in unknown), 0.0))
    if under := comp.having(Flag.UNDER):
        reasons.append(Reason("Deutlich unterfordert (kostet keine Punkte): " + ", ".join(g.label for g in under), 0.0))
    if excluded := comp.having(Flag.EXCLUDED):
        reasons.append(Reason("Ohne Einwilligung „Gesundheitsdaten“ nicht verglichen: " + ", ".join(g.label for g in excluded), 0.0))
    if cf.profile.note:
        reasons.append(Reason(cf.profile.note, 0.0))
    return _part("profil", "Profil", PROFILE_MAX, reasons)


def wish_part(cf: CaseFeatures, wf: WorkplaceFeatures) -> Part:
    reasons: list[Reason] = []
    left = WISH_MAX
    for kind, text, words in cf.terms:
        if words & wf.sector_stems:
            where = f"Branche {sector_label(wf.sector)}"
        elif words & wf.text_stems:
            where = "Tätigkeiten am Arbeitsplatz"
        else:
            continue
        points = min(WISH_POINTS, left)
        left -= points
        reasons.append(Reason(f"{kind} „{text}“ passt zu: {where}.", points))
    if not reasons:
        text = "Kein Wunsch und kein Interesse passt." if cf.terms else "Keine Wünsche oder Interessen erfasst."
        reasons.append(Reason(text, 0.0))
    return _part("wuensche", "Wünsche und Interessen", WISH_MAX, reasons)


def travel_part(cf: CaseFeatures, wf: WorkplaceFeatures) -> Part:
    if cf.district is not None and cf.district == wf.district:
        reasons = [Reason("Im selben Stadtteil wie der Standort der Person.", SAME_DISTRICT)]
    elif cf.location == wf.location:
        reasons = [Reason("Anderer Stadtteil, aber vom Team desselben Standorts betreut.", SAME_LOCATION)]
    else:
        reasons = [Reason("Anderer Stadtteil und anderer Standort.", 0.0)]
    if wf.transit:
        reasons.append(Reason(f"Mit Bus und Bahn: {wf.transit}", TRANSIT))
    else:
        reasons.append(Reason("Keine Anbindung an Bus und Bahn angegeben.", 0.0))
    return _part("weg", "Weg", TRAVEL_MAX, reasons)


def hours_points(person: float | None, workplace: float | None) -> float:
    """Points for weekly hours (see module doc)."""
    if person is None or workplace is None:
        return HOURS_MAX / 2
    more = workplace - person
    if more > HOURS_MORE_SOME:
        return 0.0
    return HOURS_MAX if -HOURS_FEWER_OK <= more <= HOURS_MORE_OK else HOURS_MAX / 2


def hours_part(cf: CaseFeatures, wf: WorkplaceFeatures) -> Part:
    points = hours_points(cf.hours, wf.hours)
    if cf.hours is None or wf.hours is None:
        text = "Stunden nicht bekannt, bitte im Gespräch klären."
    else:
        text = f"Arbeitsplatz {wf.hours:g} Stunden pro Woche ({wf.hours_source}), Person {cf.hours:g} ({cf.hours_source})."
    return _part("stunden", "Stunden", HOURS_MAX, [Reason(text, points)])


def types_part(cf: CaseFeatures, wf: WorkplaceFeatures) -> Part:
    both = cf.wanted_types & wf.types
    if both:
        names = ", ".join(sorted(PLACEMENT_LABELS[t] for t in both))
        return _part("form", "Form", TYPES_MAX, [Reason(f"Bietet an, was gesucht wird ({cf.types_source}): {names}.", TYPES_MAX)])
    offered = ", ".join(sorted(PLACEMENT_LABELS[t] for t in wf.types))
    return _part("form", "Form", TYPES_MAX, [Reason(f"Bietet nur an: {offered}.", 0.0)])


def context_part(cf: CaseFeatures, wf: WorkplaceFeatures) -> Part | None:
    """Umfeld: a workplace facilitator for a person's barrier of the same ICF category (None: no factors on either side)."""
    if not cf.barriers and not wf.facilitators and not wf.barriers:
        return None
    reasons: list[Reason] = []
    for cat in sorted(cf.barriers & wf.facilitators.keys()):
        reasons.append(Reason(f"Förderfaktor im Betrieb für eine Barriere der Person: {wf.facilitators[cat]}.", CONTEXT_MAX if not reasons else 0.0))
    for cat in sorted(cf.barriers & wf.barriers.keys()):
        reasons.append(Reason(f"Achtung, dieselbe Barriere auch im Betrieb: {wf.barriers[cat]}.", 0.0))
    if not reasons:
        reasons.append(Reason("Kein Förderfaktor des Betriebs passt zu einer Barriere der Person." if cf.barriers
                              else "Für die Person sind keine Barrieren erfasst (oder keine Einwilligung „Gesundheitsdaten“).", 0.0))
    return _part("umfeld", "Umfeld", CONTEXT_MAX, reasons)


def score_pair(cf: CaseFeatures, wf: WorkplaceFeatures, items: Mapping[str, ProfileItem]) -> Fit:
    """Score one pair with every reason (the reference for :mod:`.matrix`)."""
    comp = compare(cf.profile.ratings, wf.requirements, items, cf.profile.health_ok)
    parts = [profile_part(cf, comp), wish_part(cf, wf), travel_part(cf, wf), hours_part(cf, wf), types_part(cf, wf)]
    context = context_part(cf, wf)
    if wf.id in cf.avoid:
        parts[-1] = _part("form", "Form", TYPES_MAX, [*parts[-1].reasons, Reason(f"Nicht vorschlagen: {cf.avoid[wf.id]}.", 0.0)])
    if wf.paused:
        parts[-1] = _part("form", "Form", TYPES_MAX, [*parts[-1].reasons, Reason("Akquise pausiert: vorher mit dem Betrieb sprechen.", 0.0)])
    if first_for(cf, wf):
        parts[-1] = _part("form", "Form", TYPES_MAX, [*parts[-1].reasons, Reason(
            f"Auffangplatz, zuerst vorgeschlagen: nach {cf.fallback} ein niedrigschwelliger Platz im Netzwerk.", 0.0)])
    return Fit(cf.id, wf.id, tuple(parts + ([context] if context is not None else [])), comp)


def first_for(cf: CaseFeatures, wf: WorkplaceFeatures) -> bool:
    """Whether ``wf`` goes to the top of ``cf``'s list: a fallback place after a recent return or crisis (never one to avoid)."""
    return cf.fallback is not None and wf.fallback and wf.id not in cf.avoid
