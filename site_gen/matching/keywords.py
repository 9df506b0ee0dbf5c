"""A small, explainable German word matcher for wishes and interests.

"Werkstatt" is a filler word here: it names the sheltered workshop, not a
craft. Words are folded (lower case, umlauts as ae/oe/ue, ß as ss, Mediopunkt and
hyphens split), common filler words are dropped, and one ending
(-en, -er, -e, -n, -s) is cut, so that "Tiere"/"Tier" or "Küchen"/"Küche"
meet. Each sector also brings a few everyday words people use for it
("Tiere" for a horse farm), so a wish need not name the sector itself.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..models.common import SECTOR_LABELS, Sector

MIN_LENGTH = 4
_ENDINGS = ("en", "er", "e", "n", "s")
_SPLIT = re.compile(r"[^a-z0-9]+")
_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "·": " ", "-": " "})

STOP_WORDS = frozenset(
    """ich du er sie wir ihr mein meine meinen gerne gern moechte moechten will wollen
    arbeit arbeiten arbeite job stelle platz betrieb firma mit und oder aber auch
    nicht kein keine sehr viel mehr etwas eine einer einem einen der die das den dem des
    fuer von bei nach zum zur auf aus ueber unter gute guter gutes machen mache
    helfen helfer helferin hilfe werkstatt werkstaetten""".split()
)

SECTOR_WORDS: dict[Sector, tuple[str, ...]] = {
    Sector.WAREHOUSE: ("lager", "logistik", "pakete", "kisten", "sortieren", "regale", "versand", "waren", "ordnung"),
    Sector.KITCHEN: ("kueche", "kochen", "koch", "essen", "lebensmittel", "spuelen", "gemuese"),
    Sector.FACILITY: ("putzen", "reinigung", "sauber", "hausmeister", "gebaeude", "reinigen"),
    Sector.GASTRONOMY: ("gastronomie", "restaurant", "kellner", "service", "gaeste", "cafe", "essen"),
    Sector.HOTEL: ("hotel", "zimmer", "betten", "gaeste", "waesche"),
    Sector.RETAIL: ("einzelhandel", "laden", "verkaufen", "verkauf", "supermarkt", "kasse", "regale", "kunden", "kundschaft"),
    Sector.DAYCARE: ("kinder", "kita", "kindergarten", "spielen", "erzieher"),
    Sector.HORSES: ("pferde", "tiere", "stall", "reiten", "bauernhof", "pferdehof"),
    Sector.GARDENING: ("garten", "pflanzen", "blumen", "draussen", "natur", "rasen", "gaertnern"),
    Sector.OFFICE: ("buero", "computer", "akten", "post", "kopieren", "schreiben", "verwaltung"),
    Sector.CARE: ("alltagshilfe", "senioren", "pflege", "menschen", "begleiten", "einkaufen"),
    Sector.CRAFT: ("handwerk", "holz", "metall", "werkzeug", "bauen", "tischler", "technik"),
}


def stem(word: str) -> str:
    """Cut one common ending (never below :data:`MIN_LENGTH` letters)."""
    for end in _ENDINGS:
        if word.endswith(end) and len(word) - len(end) >= MIN_LENGTH:
            return word[: -len(end)]
    return word


@lru_cache(maxsize=65536)
def stems(text: str) -> frozenset[str]:
    """The word stems of ``text`` that take part in matching."""
    words = _SPLIT.split(text.lower().translate(_FOLD))
    return frozenset(stem(w) for w in words if len(w) >= MIN_LENGTH and w not in STOP_WORDS)


@lru_cache(maxsize=None)
def sector_stems(sector: Sector) -> frozenset[str]:
    """Stems of a sector's id, label and everyday words."""
    texts = (sector.value, SECTOR_LABELS[sector], *SECTOR_WORDS[sector])
    return frozenset().union(*(stems(t) for t in texts))
