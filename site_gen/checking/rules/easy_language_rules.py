"""The rules of the easy-language check, applied to one text.

Each rule has a stable code; messages are German and name the sentence or
word (participant-facing texts are public and hold nothing personal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...domain.easy_review import norm
from ...findings import Severity
from .easy_language_config import EasyLanguageConfig, Separator
from .easy_language_text import LETTERS, Sentence, parts, quote, sentences, syllables
from .easy_language_words import Lexicon, suggest

_ROMAN = re.compile(r"^(?=[MDCLXVI]{2,}$)(?=.*[IVX])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ACRONYM = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-Za-zÄÖÜäöü]{2,7}$")
_TIME_ZERO = re.compile(r"(?<![\d.:])0\d(?:[:.]\d\d)?(?:\s*Uhr\b)|(?<![\d.:])0\d:\d\d\b")
_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{2,4})?(?![\d])")
_WEEKDAY = re.compile(r"(?<![\w·-])(?:(?:Mo|Di|Mi|Do|Fr|Sa|So)\s*[–-]\s*(?:Mo|Di|Mi|Do|Fr|Sa|So)|Mo|Di|Mi|Do|Fr|Sa)(?![\w·])\.?")
_DIGIT_RANGE = re.compile(r"\d\s*-\s*\d")
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
_CODE_TOKEN = re.compile(r"^[A-ZÄÖÜ]{1,6}(?:-[A-ZÄÖÜ0-9][A-Za-zÄÖÜäöü0-9]{0,5})+$|^[A-ZÄÖÜ]+[a-zäöü]?[A-ZÄÖÜ]+$")
_UNIT = re.compile(r"(?<![\w,.])\d+(?:[.,]\d+)*\s*(m²|m³|qm|km|cm|mm|kg|m|g|h|l|t|Tsd|Mio|Mrd)(?![\w²³])")
_FULL_HOUR = re.compile(r"(?<![\d.:,])\d{1,2}[:.]00(?!\d)")
_DOT_TIME = re.compile(r"(?<![\d.:,])\d{1,2}\.[0-5]\d(?=\s*Uhr)")
_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.])")
_DECIMAL = re.compile(r"(?<![\d.,])\d+,\d+(?![\d])")
_PERCENT_WORDS = frozenset({"prozent", "promille", "prozentsatz", "prozentpunkte"})
_PARTICIPLE = re.compile(r"^(?:(?:ab|an|auf|aus|bei|ein|fest|her|hin|los|mit|nach|vor|weg|zu|zurück|zusammen|um|durch|über|unter|wieder|sauber|fertig|klar|frei)?ge[a-zäöüß]{3,}(?:t|en)"
                         r"|(?:be|ver|er|zer|ent|emp|miss)[a-zäöüß]{3,}t|[a-zäöüß]{3,}iert)$")
_HYPHEN_WORD = re.compile(rf"[{LETTERS}]{{2,}}(?:-[{LETTERS}]{{2,}})+")
_MEDIO_WORD = re.compile(rf"[{LETTERS}]+(?:·[{LETTERS}]+)+")
_DOTS_AND_SPACES = re.compile(r"[.\s]")
_AFTER_COMMA = re.compile(rf",\s*([{LETTERS}]+)")
_LEADING_ZERO = re.compile(r"^0")

_ENGLISH = re.compile(r"y[aeiou]|ing$|ings$|oa|ea(?!u)|oo|ight|ew$|ews$|^sh|shop|ness$")
"""English spelling in a word no list knows: Flyer, Meeting, Coaching, Team, Food, Highlight, Interview, Shop."""


def job_forms(title: str) -> tuple[str, ...]:
    """Mechaniker → Mechaniker, Mechanikerin, Mechanikerinnen, Mechanikern."""
    return (title, f"{title}in", f"{title}innen") + ((f"{title}n",) if title.endswith("er") else ())


def _in_order(words: tuple[str, ...], lower: list[str]) -> bool:
    """Whether tokens starting with ``words`` occur in this order (ins kalte Wasser → springst ins kalte Wasser);
    a short word (up to four letters) must match whole, so "in" does not match "insgesamt"."""
    i = 0
    for tok in lower:
        if i < len(words) and (tok == words[i] if len(words[i]) <= 4 else tok.startswith(words[i])):
            i += 1
    return i == len(words)


TEXT_CACHE = 20_000
"""Texts whose analysis and findings a :class:`Rules` keeps (cleared when full; ``serve`` runs for days)."""


@dataclass(frozen=True, slots=True)
class Parsed:
    """What one text is made of, worked out once per text (postings repeat the same lines)."""

    lines: tuple[tuple[Sentence, ...], ...]
    """Per non-blank line, its sentences."""
    tokens: frozenset[str]
    """Every word token and its normal form: the only strings a record's proper names are compared with."""
    words: int
    syllables: int
    medio: tuple[str, ...]
    """Words split with Mediopunkt, in order."""
    hyphen: tuple[str, ...]
    """Words split with hyphens, in order."""


@dataclass(frozen=True, slots=True)
class Hit:
    """A rule break inside one text; ``line`` counts from 0 within the text."""

    code: str
    message: str
    hint: str
    line: int
    severity: Severity | None = None


class Rules:
    """Compiled rules for one configuration."""

    def __init__(self, config: EasyLanguageConfig, lexicon: Lexicon) -> None:
        self.c = config
        self.lex = lexicon
        self.hyphen = config.separator is Separator.HYPHEN
        self._compile_patterns(config)
        self._word_lists(config)
        self._enabled: dict[str, bool] = {}
        self._parsed: dict[str, Parsed] = {}
        self._hits: dict[tuple[str, frozenset[str]], tuple[Hit, ...]] = {}
        # Capitalised words that are no noun: after them "der" is no genitive ("Heute der …" is rare, "Dann hilft …").
        self.not_noun = {"du", "ich", "sie", "er", "es", "wir", "ihr", "dann", "danach", "heute", "morgen", "hier", "dort", "da", "jetzt",
                         "bei", "von", "mit", "nach", "aus", "zu", "in", "an", "auf", "vor", "hinter", "über", "unter", "neben",
                         "zwischen", "seit", "gegenüber", "für", "durch", "um", "ohne", "gegen", "ab", "bis", "außer", "und",
                         "oder", "aber", "auch", "nur", "immer", "oft", "manchmal", "sonst", "so", "wie", "was", "wer", "wo",
                         "wann", "bitte", "zuerst", "am", "im", "beim", "vom", "zum", "zur", "ins", "ans", "aufs", "unten", "oben"}

    def _compile_patterns(self, config: EasyLanguageConfig) -> None:
        """Abbreviations (with and without their dots) and special characters as patterns."""
        self.no_end = frozenset(t.lower() for a in config.abbreviations for t in re.findall(rf"[{LETTERS}]+", a)) | \
            frozenset(_DOTS_AND_SPACES.sub("", a).lower() for a in config.abbreviations)  # "zb": z.B. written without a space
        abbr = sorted(config.abbreviations, key=len, reverse=True)
        pattern = "|".join(r"\s*".join(re.escape(t) for t in a.split()) for a in abbr) or "(?!)"
        self.abbr_re = re.compile(rf"(?<![\w·-])(?:{pattern})(?![\w·])", re.I)
        self.abbr_map = {a.replace(" ", "").lower(): full for a, full in config.abbreviations.items()}
        chars = "".join(re.escape(ch) for ch in config.special_characters)
        self.special_re = re.compile(f"[{chars}]" if chars else "(?!)")
        # Abbreviations written without their dots ("ca", "zzgl", "Std"): matched as a whole word, case as listed.
        self.bare_abbr = {_DOTS_AND_SPACES.sub("", a): full for a, full in config.abbreviations.items() if len(_DOTS_AND_SPACES.sub("", a)) >= 2}

    def _word_lists(self, config: EasyLanguageConfig) -> None:
        """The configured word lists, lower-cased for lookup."""
        self.foreign = {k.lower(): v for k, v in config.foreign_words.items()}
        self.genitive_prep = {w.lower() for w in config.genitive_prepositions}
        self.numbers = {k.lower(): v for k, v in config.number_words.items()}
        self.negations = {w.lower() for w in config.negations}
        self.subjunctives = {k.lower(): v for k, v in config.subjunctives.items()}
        self.aux = {w.lower() for w in config.passive_auxiliaries}
        self.not_participles = {w.lower() for w in config.not_participles}
        self.genitive = {w.lower() for w in config.genitive_articles}
        self.sub_always = {w.lower() for w in config.subordinators}
        self.sub_comma = {w.lower() for w in config.subordinators_after_comma}
        self.unsplit = {norm(w) for w in config.unsplit}
        self.idioms = [(key, tuple(key.lower().split()), alternative) for key, alternative in config.idioms.items() if key.split()]
        # Words the lists spell without a separator may stay whole (Kolleginnen, Lagerhelfer).
        # A word the glossary spells with a separator must be written so (Arbeits·platz), even if it is common.
        split_in_glossary = {norm(w) for w in config.glossary if "·" in w}
        self.listed = {w.lower() for w in [*config.allowed_words, *config.glossary] if "·" not in w} | \
            (set(config.common_words.lower().split()) - split_in_glossary) - {"arbeitsplätze", "arbeitsplatzes"}
        # Job titles are common words to the readers of a job board (Mechaniker, Köchin), whatever the lexicon says.
        self.listed |= {form.lower() for title in config.job_titles for form in job_forms(title)}

    def on(self, code: str) -> bool:
        enabled = self._enabled.get(code)
        if enabled is None:
            enabled = self._enabled[code] = self.c.rule(code).enabled
        return enabled

    def parsed(self, text: str) -> Parsed:
        """The sentences, tokens and counts of ``text`` (memoised)."""
        hit = self._parsed.get(text)
        if hit is None:
            lines = tuple(tuple(line) for line in sentences(text, self.no_end))
            words = [w for line in lines for s in line for w in s.words]
            hit = Parsed(lines, frozenset(x for w in words for x in (w, norm(w))), len(words), sum(syllables(w) for w in words),
                         tuple(m.group() for m in _MEDIO_WORD.finditer(text)), tuple(m.group() for m in _HYPHEN_WORD.finditer(text)))
            if len(self._parsed) >= TEXT_CACHE:
                self._parsed.clear()
            self._parsed[text] = hit
        return hit

    def check_text(self, text: str, names: frozenset[str]) -> list[Hit]:
        """Every rule break in one text field (``names``: proper names of the record).

        Memoised per text and the names that occur in it: the same line in
        many postings is judged once.
        """
        parsed = self.parsed(text)
        key = (text, parsed.tokens.intersection(names))
        hits = self._hits.get(key)
        if hits is None:
            hits = tuple(self._check_lines(parsed.lines, key[1]))
            if len(self._hits) >= TEXT_CACHE:
                self._hits.clear()
            self._hits[key] = hits
        return list(hits)

    def _check_lines(self, lines: tuple[tuple[Sentence, ...], ...], names: frozenset[str]) -> list[Hit]:
        hits: list[Hit] = []
        for line_sents in lines:
            if len(line_sents) > 1 and self.on("EASY-ONE-SENTENCE-PER-LINE"):
                hits.append(Hit("EASY-ONE-SENTENCE-PER-LINE", f"In einer Zeile stehen {len(line_sents)} Sätze: {quote(line_sents[0].text + ' ' + line_sents[1].text)}",
                                "Jeden Satz in eine eigene Zeile schreiben (in YAML mehrzeilig mit „|“).", line_sents[0].line))
            for s in line_sents:
                hits += self.sentence(s, names)
        return hits

    def sentence(self, s: Sentence, names: frozenset[str]) -> list[Hit]:
        out: list[Hit] = []
        q = quote(s.text)
        add = out.append
        scan = _ADDRESS.sub(" ", s.text)
        if self.on("EASY-SENTENCE-LENGTH"):
            n, lim = len(s.words), self.c.sentence_length
            if n > lim.error_over:
                add(Hit("EASY-SENTENCE-LENGTH", f"Der Satz hat {n} Wörter, erlaubt sind höchstens {lim.error_over}: {q}",
                        f"Den Satz in kurze Sätze teilen. Gut sind höchstens {lim.warning_over} Wörter.", s.line, Severity.ERROR))
            elif n > lim.warning_over:
                add(Hit("EASY-SENTENCE-LENGTH", f"Der Satz hat {n} Wörter, empfohlen sind höchstens {lim.warning_over}: {q}",
                        "Den Satz kürzen oder in zwei Sätze teilen.", s.line, Severity.WARNING))
        if self.on("EASY-ABBREVIATION"):
            for m in self.abbr_re.finditer(scan):
                full = self.abbr_map.get(m.group().replace(" ", "").lower(), "das ganze Wort")
                add(Hit("EASY-ABBREVIATION", f"Abkürzung „{m.group()}“ in {q}", f"Ausschreiben: „{full}“.", s.line))
            for m in _WEEKDAY.finditer(scan):
                add(Hit("EASY-ABBREVIATION", f"Abkürzung „{m.group()}“ in {q}", "Wochentage ausschreiben: „Montag bis Freitag“.", s.line))
        if self.on("EASY-SPECIAL-CHARACTER"):
            for ch in dict.fromkeys(self.special_re.findall(scan)):
                add(Hit("EASY-SPECIAL-CHARACTER", f"Sonderzeichen „{ch}“ in {q}", f"Statt „{ch}“: {self.c.special_characters[ch]}", s.line))
        if self.on("EASY-NUMBER-FORMAT"):
            out += self.number_formats(s, q, scan)
        if self.on("EASY-ABBREVIATION"):
            for m in _UNIT.finditer(scan):
                add(Hit("EASY-ABBREVIATION", f"Abgekürzte Einheit „{m.group(1)}“ in {q}",
                        "Die Einheit ausschreiben oder weglassen: „Meter“, „Kilo·gramm“, „Stunden“. Flächen besser mit einem Bild erklären.", s.line))
        out += self.words(s, q, names)
        return out

    def number_formats(self, s: Sentence, q: str, scan: str) -> list[Hit]:
        """EASY-NUMBER-FORMAT: ranges, times, dates, large and decimal numbers, percentages."""
        out: list[Hit] = []
        add = out.append
        if _DIGIT_RANGE.search(scan):
            add(Hit("EASY-NUMBER-FORMAT", f"Zahlen mit Strich dazwischen in {q}", "„von 8 bis 14 Uhr“ schreiben statt „8-14 Uhr“.", s.line))
        for m in _TIME_ZERO.finditer(scan):
            fixed = _LEADING_ZERO.sub("", m.group())
            add(Hit("EASY-NUMBER-FORMAT", f"Uhrzeit mit Null am Anfang „{m.group()}“ in {q}", f"Ohne Null schreiben: „{fixed}“.", s.line))
        for m in _DATE.finditer(scan):
            add(Hit("EASY-NUMBER-FORMAT", f"Datum nur in Ziffern „{m.group()}“ in {q}", "Den Monat als Wort schreiben, zum Beispiel „5. März 2026“.", s.line))
        no_date = _DATE.sub(" ", scan)
        for m in _FULL_HOUR.finditer(no_date):
            if not _TIME_ZERO.search(m.group()):
                add(Hit("EASY-NUMBER-FORMAT", f"Uhrzeit in Büro·schreib·weise „{m.group()}“ in {q}",
                        f"Nur die Stunde schreiben: „{int(m.group()[:-3])} Uhr“.", s.line))
        for m in _DOT_TIME.finditer(no_date):
            add(Hit("EASY-NUMBER-FORMAT", f"Uhrzeit mit Punkt „{m.group()}“ in {q}", f"Mit Doppel·punkt schreiben: „{m.group().replace('.', ':')} Uhr“.", s.line))
        for m in _THOUSANDS.finditer(no_date):
            add(Hit("EASY-NUMBER-FORMAT", f"Große Zahl mit Punkt „{m.group()}“ in {q}",
                    "Große Zahlen vermeiden: „viele“ oder eine runde Zahl schreiben. Sonst ohne Punkt.", s.line))
        for m in _DECIMAL.finditer(no_date):
            add(Hit("EASY-NUMBER-FORMAT", f"Komma·zahl „{m.group()}“ in {q}", "Ganze Zahlen schreiben, zum Beispiel „7 und eine halbe Stunde“.", s.line))
        for w in s.words:
            if w.lower() in _PERCENT_WORDS:
                add(Hit("EASY-NUMBER-FORMAT", f"Prozent·angabe „{w}“ in {q}", "Ohne Prozent schreiben: „die Hälfte“, „viele“ oder „wenige“.", s.line))
        return out

    def words(self, s: Sentence, q: str, names: frozenset[str]) -> list[Hit]:
        out: list[Hit] = []
        add = out.append
        toks = [t for t in s.words if not t[:1].isdigit()]
        lower = [t.lower() for t in toks]
        dotted = {_DOTS_AND_SPACES.sub("", m.group()).lower() for m in self.abbr_re.finditer(s.text)}
        for i, (tok, low) in enumerate(zip(toks, lower)):
            hit = self._number_or_abbreviation(tok, low, names, dotted, q, s.line)
            if hit is not None:
                add(hit)
            out += self._word_style(i, toks, low, q, s.line)
        if self.on("EASY-PASSIVE") and self.aux & set(lower):
            found = self._passive(toks, lower)
            if found:
                add(Hit("EASY-PASSIVE", f"Passiv „{found[0]} … {found[1]}“ in {q}",
                        "Aktiv schreiben: Wer macht was? Zum Beispiel „Du putzt den Boden.“", s.line))
        if self.on("EASY-IDIOM"):
            for key, words, alternative in self.idioms:
                if _in_order(words, lower):
                    add(Hit("EASY-IDIOM", f"Redewendung oder Bild („{key}“) in {q}",
                            f"Bilder und Redewendungen werden oft wörtlich verstanden. Einfach sagen, was gemeint ist: „{alternative}“", s.line))
        if self.on("EASY-SUBORDINATE-CLAUSE"):
            word = self._subordinate(s.text, lower)
            if word:
                add(Hit("EASY-SUBORDINATE-CLAUSE", f"Neben·satz mit „{word}“ in {q}", "Zwei kurze Haupt·sätze schreiben.", s.line))
        out += self.long_and_rare(s, q, names)
        return out

    def _number_or_abbreviation(self, tok: str, low: str, names: frozenset[str], dotted: set[str], q: str, line: int) -> Hit | None:
        """A number word, a Roman numeral or an abbreviation (at most one per token)."""
        if low in self.numbers and self.on("EASY-NUMBER-WORD"):
            return Hit("EASY-NUMBER-WORD", f"Zahlwort „{tok}“ in {q}", f"Ziffern schreiben: „{self.numbers[low]}“ statt „{tok}“.", line)
        if _ROMAN.match(tok) and tok not in names and self.on("EASY-ROMAN-NUMERAL"):
            return Hit("EASY-ROMAN-NUMERAL", f"Römische Zahl „{tok}“ in {q}", "Arabische Ziffern schreiben, zum Beispiel „4“ statt „IV“.", line)
        if tok in self.bare_abbr and low not in dotted and self.on("EASY-ABBREVIATION"):
            return Hit("EASY-ABBREVIATION", f"Abkürzung „{tok}“ in {q}", f"Ausschreiben: „{self.bare_abbr[tok]}“.", line)
        if (_ACRONYM.match(tok) or _CODE_TOKEN.match(tok)) and norm(tok) not in names and not self.lex.known_exact(tok) \
                and not self.lex.known_exact(norm(tok)) and self.on("EASY-ABBREVIATION"):
            return Hit("EASY-ABBREVIATION", f"Abkürzung „{tok}“ in {q}", "Das Wort ausschreiben oder ins Glossar aufnehmen.", line)
        return None

    def _word_style(self, i: int, toks: list[str], low: str, q: str, line: int) -> list[Hit]:
        """Foreign words, genitives, negations and subjunctives at token ``i``."""
        out: list[Hit] = []
        add = out.append
        tok = toks[i]
        if low in self.foreign and self.on("EASY-FOREIGN-WORD"):
            add(Hit("EASY-FOREIGN-WORD", f"Fremd·wort „{tok}“ in {q}", f"Ein deutsches Wort nehmen: „{self.foreign[low]}“.", line))
        if low in self.genitive_prep and self.on("EASY-GENITIVE"):
            add(Hit("EASY-GENITIVE", f"Genitiv nach „{tok}“ in {q}", "Anders sagen, zum Beispiel „mit“, „ohne“ oder einen eigenen Satz.", line))
        elif low == "der" and self._genitive_der(i, toks) and self.on("EASY-GENITIVE"):
            add(Hit("EASY-GENITIVE", f"Genitiv „{toks[i - 1]} der {toks[i + 1]}“ in {q}",
                    "Mit „von“ schreiben, zum Beispiel „die Küche von der Firma“ statt „die Küche der Firma“.", line))
        if low in self.negations and self.on("EASY-NEGATION"):
            add(Hit("EASY-NEGATION", f"Verneinung „{tok}“ in {q}", "Positiv schreiben: sagen, was die Person tut oder kann.", line))
        if low in self.subjunctives and self.on("EASY-SUBJUNCTIVE"):
            add(Hit("EASY-SUBJUNCTIVE", f"Möglichkeits·form „{tok}“ in {q}", f"Direkt schreiben: „{self.subjunctives[low]}“.", line))
        if low in self.genitive and i + 1 < len(toks) and (low == "des" or toks[i + 1][:1].isupper()) and self.on("EASY-GENITIVE"):
            add(Hit("EASY-GENITIVE", f"Genitiv „{tok} {toks[i + 1]}“ in {q}", "Mit „von“ schreiben, zum Beispiel „von dem Betrieb“ statt „des Betriebs“.", line))
        return out

    def _genitive_der(self, i: int, toks: list[str]) -> bool:
        """'der' between a noun and a noun (or adjective + noun): "die Küche der Firma"."""
        return 0 < i < len(toks) - 1 and toks[i - 1][:1].isupper() and toks[i - 1].lower() not in self.not_noun \
            and (toks[i + 1][:1].isupper() or (i + 2 < len(toks) and toks[i + 2][:1].isupper()))

    def _passive(self, toks: list[str], lower: list[str]) -> tuple[str, str] | None:
        """The auxiliary and its participle: the last participle after a form of 'werden', before the next one
        (German puts it at the end of the clause: "Die Stelle ist befristet, ein Vertrag wird angestrebt")."""
        for i, low in enumerate(lower):
            if low not in self.aux:
                continue
            end = next((j for j in range(i + 1, len(lower)) if lower[j] in self.aux), len(lower))
            part = next((toks[j] for j in range(end - 1, i, -1) if self._participle(toks[j])), None)
            if part:
                return toks[i], part
        return None

    def _participle(self, tok: str) -> bool:
        low = tok.lower()
        if not tok[:1].islower() or low in self.not_participles or low in self.aux:
            return False
        return bool(_PARTICIPLE.match(low))

    def _subordinate(self, text: str, lower: list[str]) -> str | None:
        for w in lower:
            if w in self.sub_always:
                return w
        for m in _AFTER_COMMA.finditer(text):
            if m.group(1).lower() in self.sub_comma:
                return m.group(1)
        if lower and lower[0] in self.sub_comma and lower[0] not in ("der", "die", "das", "dem", "den") and "," in text:
            return lower[0]
        return None

    def _judged_elsewhere(self, tok: str, n: str, names: frozenset[str]) -> bool:
        """Names and words another rule already judges are neither long nor rare."""
        return bool(n in names or n in self.no_end or n in self.numbers or n in self.subjunctives or n in self.negations
                    or n in self.foreign or tok in self.bare_abbr or _ROMAN.match(tok) or _ACRONYM.match(tok) or _CODE_TOKEN.match(tok))

    def long_and_rare(self, s: Sentence, q: str, names: frozenset[str]) -> list[Hit]:
        out: list[Hit] = []
        after_title = {b for a, b in zip(s.words, s.words[1:]) if a in ("Frau", "Herr", "Herrn")}
        for tok in dict.fromkeys(t for t in s.words if not t[:1].isdigit()):
            n = norm(tok)
            if tok in after_title or self._judged_elsewhere(tok, n, names):  # after_title: a person's name, "Frau Ahrens"
                continue
            hit = self._long(tok, n, q, s.line) or self._english(tok, n, q, s.line)
            if hit is None and self.on("EASY-RARE-WORD") and not self.lex.known(tok):
                hit = Hit("EASY-RARE-WORD", f"Seltenes Wort „{tok}“ in {q}",
                          "Ein häufiges Wort nehmen oder das Wort ins Glossar in schema/easy-language.yaml aufnehmen.", s.line)
            if hit is not None:
                out.append(hit)
        return out

    def _long(self, tok: str, n: str, q: str, line: int) -> Hit | None:
        """EASY-LONG-WORD: a long compound the lexicon can split, written without a separator."""
        if "·" not in tok and "-" not in tok and len(tok) >= self.c.long_word_min_length and tok[:1].isupper() \
                and n not in self.unsplit and n not in self.listed and self.on("EASY-LONG-WORD"):
            pieces = self.lex.split(tok)
            if pieces:
                return Hit("EASY-LONG-WORD", f"Langes Wort ohne Trennung „{tok}“ in {q}", f"Trennen: „{suggest(pieces, self.hyphen)}“.", line)
        return None

    def _english(self, tok: str, n: str, q: str, line: int) -> Hit | None:
        """EASY-FOREIGN-WORD by English spelling, also when the dictionary lists the word as a loan word (Flyer):
        only the project's own lists (common words, allowed words: Team, Job) make such a word or part plain."""
        if self.on("EASY-FOREIGN-WORD") and tok.lower() not in self.listed and not self.lex.base_known(n) \
                and any(_ENGLISH.search(norm(p)) and not self.lex.base_known(norm(p)) and p.lower() not in self.listed for p in parts(tok)):
            return Hit("EASY-FOREIGN-WORD", f"Englisches Wort „{tok}“ in {q}",
                       "Ein deutsches Wort nehmen, zum Beispiel „Zettel“ statt „Flyer“. Oder das Wort erklären.", line)
        return None
