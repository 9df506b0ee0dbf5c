"""The only module that reads YAML.

Decisions made once, here:

* YAML 1.2 semantics (``yes``/``no`` are strings, ``0123`` is not octal) via
  yaml-rs, a Rust parser about 40× faster than ruamel's safe loader. Dates
  stay strings; the models parse them, so an impossible date gets a line.
* Duplicate keys are errors; alias expansion is bounded (an alias bomb fails
  in milliseconds); files over :data:`MAX_BYTES` are refused unread.
* UTF-8 only (a BOM is tolerated); a tab in the indentation is an error.
* Plain numbers with a leading zero are errors: they were meant as text
  (phone numbers, postcodes) and YAML would silently drop the zero.
* Positions: the fast parser gives none, so only when a finding needs a
  line, :func:`locate` composes the document with ruamel.yaml and walks the
  key path. ruamel.yaml round-trip also stays the tool for rewriting files.
"""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml_rs

from ..findings import Finding, Loc

if TYPE_CHECKING:  # ruamel.yaml is imported where positions are needed: a clean check never loads it (a fortieth of a second)
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import Node

MAX_BYTES = 1_000_000
ALIAS_LIMITS = yaml_rs.AliasLimits(max_total_replayed_events=20_000, max_replay_stack_depth=16)

_LEADING_ZERO = re.compile(r"^(?P<pre>[ ]*(?:-[ ]+)*(?:[A-Za-z0-9_-]+:[ ]+)?)(?P<num>0[0-9][0-9 ]*)[ ]*(?:#.*)?$", re.M)
_LEADING_ZERO_LINE = re.compile(_LEADING_ZERO.pattern)
"""The same pattern for one line (its number starts the line or follows a space)."""
_LEADING_ZERO_HINT = re.compile(r"[:-] +0[0-9]")
_TAB_INDENT = re.compile(r"^[ ]*(?:-[ ]*)*\t", re.M)
_PARSER_POS = re.compile(r"line (\d+), column (\d+)")

HINT_QUOTE = 'Zahlen mit führender Null (Telefon, PLZ) in Anführungszeichen setzen, z. B. "04109".'


def _zero_hint(text: str) -> bool:
    """Whether :data:`_LEADING_ZERO_HINT` occurs in ``text``: ``str.find`` on " 0" is seven times faster than the pattern."""
    i = text.find(" 0")
    while i != -1:
        digit = text[i + 2:i + 3]
        if digit and "0" <= digit <= "9":
            k = i
            while k > 0 and text[k - 1] == " ":
                k -= 1
            if k > 0 and text[k - 1] in ":-":
                return True
        i = text.find(" 0", i + 2)
    return False


def _leading_zeros(text: str) -> list[int]:
    """Where the numbers with a leading zero start (:data:`_LEADING_ZERO`): only lines where "0" starts the line or follows a space
    are matched, ten times faster than the pattern over the whole text (a phone number 040 … in every workplace)."""
    starts = {text.rfind("\n", 0, i) + 1 for i in _positions(text, " 0")} | {i + 1 for i in _positions(text, "\n0")}
    if text.startswith("0"):
        starts.add(0)
    out = []
    for start in sorted(starts):
        end = text.find("\n", start)
        match = _LEADING_ZERO_LINE.match(text[start:] if end == -1 else text[start:end])
        if match and match.group("num").strip().isdigit():
            out.append(start + match.start("num"))
    return out


def _positions(text: str, needle: str) -> Iterator[int]:
    i = text.find(needle)
    while i != -1:
        yield i
        i = text.find(needle, i + 1)


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def read_yaml(path: Path | str, display: str) -> tuple[Any, list[Finding]]:
    """Parse one YAML file. Returns (data or None, findings).

    ``display`` is the path as shown in messages. Never raises for bad input.
    """
    data, findings, _ = read_yaml_marked(path, display, "")
    return data, findings


def read_yaml_marked(path: Path | str, display: str, needle: str) -> tuple[Any, list[Finding], bool]:
    """:func:`read_yaml`, and whether the file's text holds ``needle`` (the skeleton marker).

    Looking for it in the bytes is fifty times cheaper than in the parsed data.
    """
    try:  # plain os calls: a case folder has dozens of small files, and pathlib's overhead showed in the profile
        with os.fdopen(os.open(path, os.O_RDONLY | NOFOLLOW), "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                return None, [Finding(display, "FILE-TOO-LARGE", f"Die Datei ist zu groß ({size // 1_000_000} MB, erlaubt sind {MAX_BYTES // 1_000_000} MB).",
                                      "Ein Datensatz ist normalerweise wenige KB groß. Große Anhänge gehören nicht ins Repository.", line=1, col=1)], False
            raw = handle.read()
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # never read through a link (the scan refuses links; this closes the gap to the read)
            return None, [Finding(display, "FILE-READ", "Die Datei ist ein Verweis (Symlink); site-gen liest nie durch einen Verweis.",
                                  "Den Verweis durch die Datei selbst ersetzen.", line=1, col=1)], False
        return None, [Finding(display, "FILE-READ", "Die Datei kann nicht gelesen werden.", f"Dateirechte prüfen ({exc.strerror}).", line=1, col=1)], False
    return *parse_yaml(raw, display), needle.encode() in raw


NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
"""Open flag: a symbolic link as the last part of a path is an error, never followed."""
_MARKER = re.compile(r"^(?:---|\.\.\.)(?:\s|$)", re.MULTILINE)
_CHUNK = 65_536


def read_bytes(path: str) -> bytes | None:
    """The bytes of a file, or None when it cannot be read or is larger than :data:`MAX_BYTES`.

    Plain ``os.read`` in chunks: ``open(...).read(MAX_BYTES + 1)`` would
    allocate a megabyte per call, which dominated reading 300,000 small files.
    """
    try:
        fd = os.open(path, os.O_RDONLY | NOFOLLOW)
    except OSError:
        return None
    try:
        parts = [os.read(fd, _CHUNK)]
        while len(parts[-1]) == _CHUNK and sum(map(len, parts)) <= MAX_BYTES:
            parts.append(os.read(fd, _CHUNK))
    except OSError:
        return None
    finally:
        os.close(fd)
    raw = parts[0] if len(parts) == 1 else b"".join(parts)
    return raw if len(raw) <= MAX_BYTES else None


def read_documents(base: str, sources: tuple[str, ...], needle: str) -> tuple[list[Any], bool] | None:
    """Every file of a folder parsed in one go (one multi-document YAML), or None to read them one by one.

    A case folder has dozens of small files; one parser call instead of one per
    file halves the load time. Anything unusual (too large, not UTF-8, a BOM,
    NUL, tabs, leading zeros, document markers other than a bare ``---`` on
    the first line, an empty file, a syntax error) falls back to
    :func:`read_yaml` per file, which gives the exact finding. Also says whether
    any file holds ``needle`` (see :func:`read_yaml_marked`).
    """
    chunks = [b""]
    for source in sources:
        raw = read_bytes(base + source)
        if raw is None:
            return None
        if raw.startswith(b"---\n"):  # a bare start marker (some tools write one) is the document we add anyway
            raw = raw[4:]
        chunks.append(raw if raw.endswith(b"\n") else raw + b"\n")
    try:
        text = b"---\n".join(chunks).decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "\0" in text or "\t" in text or "\ufeff" in text or _zero_hint(text) or len(_MARKER.findall(text)) != len(sources):
        return None
    try:
        docs = yaml_rs.loads(text, parse_datetime=False, alias_limits=ALIAS_LIMITS)
    except (yaml_rs.YAMLDecodeError, RecursionError, OverflowError, ValueError):  # the per-file reading names the file and the line
        return None
    if len(sources) == 1:
        docs = [docs]  # type: ignore[list-item]  # one document: yaml_rs returns it unwrapped
    if not isinstance(docs, list) or len(docs) != len(sources) or any(d is None for d in docs):
        return None
    return docs, needle in text


def parse_yaml(raw: bytes, display: str) -> tuple[Any, list[Finding]]:
    """Parse YAML bytes (see :func:`read_yaml`)."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Finding(display, "FILE-ENCODING", "Die Datei ist nicht in UTF-8 kodiert.",
                              "Im Editor als UTF-8 speichern (Umlaute aus Word/Excel sind oft Latin-1).", line=line, col=col)]
    if "\0" in text:
        line, col = _line_col(text, text.index("\0"))
        return None, [Finding(display, "FILE-NUL", "Die Datei enthält ein Nullzeichen (NUL).",
                              "Die Datei ist beschädigt oder keine Textdatei: im Editor neu speichern; alles nach dem Zeichen prüfen.", line=line, col=col)]
    findings: list[Finding] = []
    tab = _TAB_INDENT.search(text) if "\t" in text else None
    if tab:
        line, col = _line_col(text, tab.end() - 1)
        return None, [Finding(display, "YAML-TAB", "Tabulator in der Einrückung.", "YAML rückt nur mit Leerzeichen ein: Tabs durch 2 Leerzeichen ersetzen.", line=line, col=col)]
    if _zero_hint(text):
        for index in _leading_zeros(text):
            line, col = _line_col(text, index)
            findings.append(Finding(display, "YAML-LEADING-ZERO", "Zahl mit führender Null ohne Anführungszeichen.", HINT_QUOTE, line=line, col=col))
    try:
        data = yaml_rs.loads(text, parse_datetime=False, alias_limits=ALIAS_LIMITS)
    except yaml_rs.YAMLDecodeError as exc:
        return None, findings + [_parser_finding(str(exc), text, display)]
    except (RecursionError, OverflowError, ValueError):
        return None, findings + [Finding(display, "YAML-SYNTAX", "Die Datei kann nicht gelesen werden.", "Die Verschachtelung ist zu tief oder ein Wert ist ungültig.", line=1, col=1)]
    if data is None:
        return None, [Finding(display, "FILE-EMPTY", "Die Datei ist leer.", "Mit 'site-gen new' ein gültiges Gerüst anlegen oder die Datei löschen.", line=1, col=1)]
    return data, findings


def _parser_finding(message: str, text: str, display: str) -> Finding:
    # The parser's message may quote the source line: never copy it (personal data).
    reason = message.strip().splitlines()[-1] if message.strip() else ""
    if message.startswith("duplicate mapping key"):
        line, col = _find_duplicate(text)
        return Finding(display, "YAML-DUPLICATE-KEY", "Ein Schlüssel steht doppelt in derselben Zuordnung.",
                       "Einen der beiden Einträge entfernen oder zusammenführen; sonst ginge ein Wert verloren.", line=line, col=col)
    if "alias" in message and ("limit" in message or "depth" in message):
        return Finding(display, "YAML-ALIAS-LIMIT", "Zu viele Alias-Verweise (&/*) in der Datei.",
                       "Aliase sind in Datensätzen nicht nötig: Werte ausschreiben.", line=1, col=1)
    pos = _PARSER_POS.search(message)
    line, col = (int(pos.group(1)), int(pos.group(2))) if pos else (1, 1)
    if "tab" in reason:
        return Finding(display, "YAML-TAB", "Tabulator in der Einrückung.", "YAML rückt nur mit Leerzeichen ein: Tabs durch 2 Leerzeichen ersetzen.", line=line, col=col)
    return Finding(display, "YAML-SYNTAX", "YAML-Syntaxfehler: die Datei kann nicht gelesen werden.",
                   f"Einrückung, Doppelpunkte und Anführungszeichen in dieser Zeile prüfen (Parser: {reason[:120]}).", line=line, col=col)


def _find_duplicate(text: str) -> tuple[int, int]:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    root = _compose(text)

    def walk(node: Node | None) -> tuple[int, int] | None:
        if isinstance(node, MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if key.value in seen:
                    return key.start_mark.line + 1, key.start_mark.column + 1
                seen.add(key.value)
                found = walk(value)
                if found:
                    return found
        elif isinstance(node, SequenceNode):
            for item in node.value:
                found = walk(item)
                if found:
                    return found
        return None

    return walk(root) or (1, 1)


def _compose(text: str) -> Node | None:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="rt").compose(text)
    except Exception:  # positions are best effort; the finding itself is already known
        return None


@lru_cache(maxsize=64)
def _compose_file(path: str, stamp: tuple[int, int]) -> Node | None:
    # ``stamp`` (mtime, size) is only part of the cache key: a long-running
    # process (site-gen serve) must not report lines of an older version.
    try:
        return _compose(Path(path).read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError):
        return None


def locate(path: Path, loc: Loc) -> tuple[int, int]:
    """Line and column (1-based) of the key path ``loc`` in a YAML file.

    Walks as deep as the document goes: a missing key points at its parent.
    """
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    try:
        st = path.stat()
    except OSError:
        return 1, 1
    node = _compose_file(str(path), (st.st_mtime_ns, st.st_size))
    if node is None:
        return 1, 1
    line, col = node.start_mark.line + 1, node.start_mark.column + 1
    for part in loc:
        nxt: Node | None = None
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if key.value == str(part):
                    line, col = key.start_mark.line + 1, key.start_mark.column + 1
                    nxt = value
                    break
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            nxt = node.value[part]
            line, col = nxt.start_mark.line + 1, nxt.start_mark.column + 1
        if nxt is None:
            break
        node = nxt
    return line, col


def roundtrip() -> YAML:
    """A ruamel.yaml round-trip instance for tools that rewrite records.

    Keeps comments, key order and quoting.
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Representer = _representer()
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


LINE_SEPARATORS = ("\u2028", "\u2029", "\x85")
"""Characters YAML folds as line breaks inside single-quoted or plain scalars (written there, they come back altered)."""


@cache
def _representer() -> type:
    """ruamel.yaml's round-trip representer, writing a text with a Unicode line or paragraph separator
    (or NEL) double-quoted, where it is escaped (``\\L``, ``\\P``, ``\\N``) and read back exactly."""
    from ruamel.yaml.representer import RoundTripRepresenter

    class Representer(RoundTripRepresenter):
        pass

    def represent_str(rep: RoundTripRepresenter, data: str) -> Any:
        if any(c in data for c in LINE_SEPARATORS):
            return rep.represent_scalar("tag:yaml.org,2002:str", data, style='"')
        return RoundTripRepresenter.represent_str(rep, data)

    Representer.add_representer(str, represent_str)
    return Representer


def scalar_spans(text: str) -> list[tuple[Loc, int, int, str | None]] | None:
    """(key path, start, end, style) of every scalar value in ``text`` (mapping keys left out), as character offsets.

    libyaml's composer (C, positions only; the values themselves come from
    :func:`parse_yaml`): what a tool needs to replace single values in place,
    keeping every other byte, comment and layout of the file. None when the
    text does not compose.
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None
    out: list[tuple[Loc, int, int, str | None]] = []
    stack: list[tuple[Any, Loc]] = [(root, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [(v, (*path, k.value)) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += [(v, (*path, i)) for i, v in enumerate(node.value)]
        elif isinstance(node, yaml.ScalarNode):
            out.append((path, node.start_mark.index, node.end_mark.index, node.style))
    return sorted(out, key=lambda s: s[1])
