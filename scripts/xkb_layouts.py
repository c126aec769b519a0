#!/usr/bin/env python3
"""Extract keyboard-layout tables from the XKB symbol files Debian ships.

Python 3.11, standard library only.

Inputs (Debian packages, both already on the machine or ``apt-get install``-able):

* ``xkb-data``     -> ``/usr/share/X11/xkb/symbols/<file>`` (xkeyboard-config)
* ``x11proto-dev`` -> ``/usr/include/X11/keysymdef.h`` (keysym name -> code
  point; parsed here, no X library is used)

For every layout in ``LAYOUTS`` the script composes ``pc+<file>(<section>)``
as the evdev rules do for model pc105, resolves the XKB section (named
variant or the file's ``default`` section), follows its ``include``
statements recursively with XKB merge semantics (override / augment /
replace, level by level), and writes ``<out>/<id>.toml`` with the level-1
and level-2 characters of group 1 for the alphanumeric keys in ``KEYS``.
Keys whose two levels are not both printable characters are skipped; dead
keys are listed in a header comment instead.  A keysym name that is neither
in keysymdef.h nor of the ``U+hex`` / numeric form aborts the run.

It also writes ``<out>/README.md`` and copies the xkb-data copyright file to
``<out>/COPYING.xkeyboard-config`` (the X11/MIT-style notices ask for the
notice to travel with copies).

Usage (from the repository root)::

    python3 scripts/xkb_layouts.py            # writes data/curated/layouts/
    python3 scripts/xkb_layouts.py --check    # regenerate in memory, diff only
    python3 scripts/xkb_layouts.py --verify   # + cross-check with libxkbcommon (xkbcli)
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "data" / "curated" / "layouts"
DEFAULT_SYMBOLS = Path("/usr/share/X11/xkb/symbols")
DEFAULT_KEYSYMDEF = Path("/usr/include/X11/keysymdef.h")
XKB_COPYRIGHT = Path("/usr/share/doc/xkb-data/copyright")
# The keymap the evdev rules build for model pc105 starts from "pc" (its
# default section, pc105); it supplies e.g. <LSGT> = less/greater for layouts
# that do not define that key themselves.
BASE_FILE = "pc"

# id -> (symbols file, variant or None for the file's default section, description)
LAYOUTS: dict[str, tuple[str, str | None, str]] = {
    "us": ("us", None, "English (US), QWERTY"),
    "ru": ("ru", None, "Russian, ЙЦУКЕН"),
    "ua": ("ua", None, "Ukrainian"),
    "by": ("by", None, "Belarusian"),
    "bg": ("bg", None, "Bulgarian, BDS (default bg)"),
    "bg-phonetic": ("bg", "phonetic", "Bulgarian, traditional phonetic"),
    "rs": ("rs", None, "Serbian, Cyrillic (default rs)"),
    "gr": ("gr", None, "Greek"),
    "de": ("de", None, "German, QWERTZ"),
    "fr": ("fr", None, "French, AZERTY"),
}

KEYS: list[str] = (
    ["TLDE"]
    + [f"AE{i:02d}" for i in range(1, 13)]
    + [f"AD{i:02d}" for i in range(1, 13)]
    + [f"AC{i:02d}" for i in range(1, 12)]
    + [f"AB{i:02d}" for i in range(1, 11)]
    + ["BKSL", "LSGT"]
)

# (layout id, key, level index 0/1, expected character)
SANITY: list[tuple[str, str, int, str]] = [
    ("ru", "AD01", 0, "й"),
    ("ru", "AD01", 1, "Й"),
    ("ru", "AC06", 0, "р"),
    ("ru", "AD06", 0, "н"),
    ("us", "AD06", 0, "y"),
    ("us", "AD01", 0, "q"),
    ("us", "AC01", 1, "A"),
    ("ua", "AB05", 0, "и"),
    ("ua", "AC02", 0, "і"),
    ("by", "AD09", 0, "ў"),
    ("bg", "AD01", 0, ","),
    ("bg-phonetic", "AD01", 0, "я"),
    ("rs", "AD01", 0, "љ"),
    ("gr", "AC01", 0, "α"),
    ("de", "AD06", 0, "z"),
    ("fr", "AD01", 0, "a"),
]


class XkbError(Exception):
    pass


# ---------------------------------------------------------------------------
# keysymdef.h
# ---------------------------------------------------------------------------

_DEFINE_RE = re.compile(r"^#define\s+XK_([A-Za-z0-9_]+)\s+0x([0-9A-Fa-f]+)\s*(.*)$")
_UCOMMENT_RE = re.compile(r"^/\*\s*U\+([0-9A-Fa-f]{4,6})\s")
_UCOMMENT_PAREN_RE = re.compile(r"^/\*\(U\+([0-9A-Fa-f]{4,6})\s")


@dataclass
class Keysyms:
    by_name: dict[str, int] = field(default_factory=dict)  # name -> keysym value
    ucs: dict[int, int] = field(default_factory=dict)  # keysym value -> code point
    approx: set[int] = field(default_factory=set)  # values with a "(U+...)" mapping

    @classmethod
    def parse(cls, path: Path) -> "Keysyms":
        ks = cls()
        for line in path.read_text(encoding="latin-1").splitlines():
            m = _DEFINE_RE.match(line.strip())
            if not m:
                continue
            name, value, rest = m.group(1), int(m.group(2), 16), m.group(3).strip()
            ks.by_name.setdefault(name, value)
            um = _UCOMMENT_RE.match(rest)
            if um:
                ks.ucs.setdefault(value, int(um.group(1), 16))
                continue
            um = _UCOMMENT_PAREN_RE.match(rest)
            if um and value not in ks.ucs:
                ks.ucs[value] = int(um.group(1), 16)
                ks.approx.add(value)
        if len(ks.by_name) < 1000:
            raise XkbError(f"{path}: only {len(ks.by_name)} keysyms parsed; wrong file?")
        return ks

    def value_of(self, token: str) -> int:
        """Keysym value for a symbol token as written in an XKB file."""
        if token in self.by_name:
            return self.by_name[token]
        if re.fullmatch(r"U[0-9A-Fa-f]{4,6}", token):
            cp = int(token[1:], 16)
            # Latin-1 code points keep their legacy value, as in libX11.
            if 0x20 <= cp <= 0x7E or 0xA0 <= cp <= 0xFF:
                return cp
            return 0x01000000 + cp
        if re.fullmatch(r"0x[0-9A-Fa-f]+", token):
            return int(token, 16)
        if re.fullmatch(r"[0-9]", token):
            return ord(token)  # a bare digit 0-9 means the digit keysym
        if re.fullmatch(r"[0-9]+", token):
            return int(token)
        raise XkbError(f"unknown keysym {token!r}")

    def char_of(self, value: int) -> str | None:
        """The Unicode character a keysym value produces, or None."""
        if 0x20 <= value <= 0x7E or 0xA0 <= value <= 0xFF:
            return chr(value)
        if 0x01000100 <= value <= 0x0110FFFF:
            return chr(value - 0x01000000)
        if value in self.ucs:
            return chr(self.ucs[value])
        return None


# ---------------------------------------------------------------------------
# XKB symbols lexer / parser
# ---------------------------------------------------------------------------

_TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>(?://|\#)[^\n]*)
  | (?P<bcomment>/\*.*?\*/)
  | (?P<string>"(?:[^"\\]|\\.)*")
  | (?P<keyname><[^>\s]+>)
  | (?P<word>[A-Za-z0-9_]+)
  | (?P<punct>[{}\[\]();,=+\-!.:|])
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass
class Tok:
    kind: str
    text: str
    line: int


def tokenize(text: str, where: str) -> list[Tok]:
    toks: list[Tok] = []
    pos, line = 0, 1
    while pos < len(text):
        m = _TOKEN_RE.match(text, pos)
        if not m:
            raise XkbError(f"{where}:{line}: cannot tokenize {text[pos:pos + 20]!r}")
        kind = m.lastgroup
        chunk = m.group(0)
        if kind not in ("ws", "comment", "bcomment"):
            if kind == "string":
                chunk = chunk[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            toks.append(Tok(kind, chunk, line))
        line += m.group(0).count("\n")
        pos = m.end()
    return toks


@dataclass
class Section:
    name: str
    flags: list[str]
    body: list[Tok]


SECTION_FLAGS = {
    "default", "hidden", "partial", "alphanumeric_keys", "modifier_keys",
    "keypad_keys", "function_keys", "alternate_group",
}


def split_sections(toks: list[Tok], where: str) -> list[Section]:
    sections: list[Section] = []
    i = 0
    while i < len(toks):
        flags: list[str] = []
        while i < len(toks) and toks[i].kind == "word" and toks[i].text in SECTION_FLAGS:
            flags.append(toks[i].text)
            i += 1
        if i >= len(toks):
            break
        t = toks[i]
        if not (t.kind == "word" and t.text == "xkb_symbols"):
            raise XkbError(f"{where}:{t.line}: expected xkb_symbols, got {t.text!r}")
        name_tok = toks[i + 1]
        if name_tok.kind != "string" or toks[i + 2].text != "{":
            raise XkbError(f"{where}:{t.line}: malformed section header")
        depth, j = 1, i + 3
        while depth:
            if j >= len(toks):
                raise XkbError(f"{where}: unterminated section {name_tok.text!r}")
            if toks[j].text == "{" and toks[j].kind == "punct":
                depth += 1
            elif toks[j].text == "}" and toks[j].kind == "punct":
                depth -= 1
            j += 1
        body = toks[i + 3 : j - 1]
        if j < len(toks) and toks[j].text == ";":
            j += 1
        sections.append(Section(name_tok.text, flags, body))
        i = j
    return sections


def split_statements(body: list[Tok]) -> list[list[Tok]]:
    """Split a section body at top-level ';'. ``include "x"`` needs no ';'."""
    stmts: list[list[Tok]] = []
    cur: list[Tok] = []
    depth = 0
    i = 0
    while i < len(body):
        t = body[i]
        if t.kind == "punct" and t.text in "{[(":
            depth += 1
        elif t.kind == "punct" and t.text in "}])":
            depth -= 1
        if depth == 0 and t.kind == "punct" and t.text == ";":
            if cur:
                stmts.append(cur)
            cur = []
        elif (
            depth == 0
            and not cur
            and t.kind == "word"
            and t.text in ("include", "augment", "override", "replace")
            and i + 1 < len(body)
            and body[i + 1].kind == "string"
        ):
            # include-style statement: keyword + string, ';' optional
            stmts.append([t, body[i + 1]])
            i += 2
            if i < len(body) and body[i].text == ";":
                i += 1
            continue
        else:
            cur.append(t)
        i += 1
    if cur:
        stmts.append(cur)
    return stmts


# A key's data: group index (0-based) -> list of levels; a level is a list of
# keysym tokens (normally one); an empty list means "NoSymbol" (undefined).
KeyGroups = dict[int, list[list[str]]]


def parse_symbol_list(toks: list[Tok], i: int, where: str) -> tuple[list[list[str]], int]:
    """Parse ``[ a, A, { b, c }, NoSymbol ]`` starting at toks[i] == '['."""
    assert toks[i].text == "["
    i += 1
    levels: list[list[str]] = []
    while True:
        t = toks[i]
        if t.text == "]":
            return levels, i + 1
        if t.text == ",":
            i += 1
            continue
        if t.text == "{":
            j = i + 1
            syms: list[str] = []
            while toks[j].text != "}":
                if toks[j].text != ",":
                    syms.append(toks[j].text)
                j += 1
            levels.append([s for s in syms if s != "NoSymbol"])
            i = j + 1
            continue
        if t.kind == "punct" and t.text == "-":
            # negative numbers do not occur in symbol lists; refuse them
            raise XkbError(f"{where}:{t.line}: unexpected '-' in symbol list")
        if t.kind not in ("word",):
            raise XkbError(f"{where}:{t.line}: unexpected {t.text!r} in symbol list")
        levels.append([] if t.text == "NoSymbol" else [t.text])
        i += 1


def parse_group_index(toks: list[Tok], i: int, where: str) -> tuple[int, int]:
    """Parse ``[Group1]`` / ``[1]`` at toks[i] == '['; returns (0-based, next i)."""
    assert toks[i].text == "["
    g = toks[i + 1].text
    m = re.fullmatch(r"(?:[Gg]roup)?([1-8])", g)
    if not m or toks[i + 2].text != "]":
        raise XkbError(f"{where}:{toks[i].line}: bad group index {g!r}")
    return int(m.group(1)) - 1, i + 3


def parse_key_body(toks: list[Tok], where: str) -> KeyGroups:
    """Parse the inside of ``key <XXXX> { ... }``."""
    groups: KeyGroups = {}
    next_group = 0
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.text == ",":
            i += 1
            continue
        if t.text == "[":
            levels, i = parse_symbol_list(toks, i, where)
            groups[next_group] = levels
            next_group += 1
            continue
        if t.kind == "word" and t.text == "symbols":
            g, i = parse_group_index(toks, i + 1, where)
            if toks[i].text != "=":
                raise XkbError(f"{where}:{t.line}: expected '=' after symbols[...]")
            levels, i = parse_symbol_list(toks, i + 1, where)
            groups[g] = levels
            next_group = g + 1
            continue
        # anything else (type=, actions[...]=, vmods=, repeat=, overlay...):
        # skip to the next top-level ','
        depth = 0
        while i < len(toks):
            if toks[i].text in "[{(":
                depth += 1
            elif toks[i].text in "]})":
                depth -= 1
            elif toks[i].text == "," and depth == 0:
                break
            i += 1
    return groups


def merge_levels(old: list[list[str]], new: list[list[str]], clobber: bool) -> list[list[str]]:
    out: list[list[str]] = []
    for n in range(max(len(old), len(new))):
        o = old[n] if n < len(old) else []
        w = new[n] if n < len(new) else []
        if not w:
            out.append(o)
        elif not o:
            out.append(w)
        else:
            out.append(w if clobber else o)
    return out


def merge_key(old: KeyGroups | None, new: KeyGroups, mode: str) -> KeyGroups:
    if old is None or mode == "replace":
        return {g: list(v) for g, v in new.items()}
    clobber = mode != "augment"
    out = {g: list(v) for g, v in old.items()}
    for g, levels in new.items():
        if g in out:
            out[g] = merge_levels(out[g], levels, clobber)
        else:
            out[g] = list(levels)
    return out


def merge_maps(into: dict[str, KeyGroups], other: dict[str, KeyGroups], mode: str) -> None:
    for key, groups in other.items():
        into[key] = merge_key(into.get(key), groups, mode)


@dataclass
class Resolved:
    keys: dict[str, KeyGroups]
    trail: list[str]  # every section visited, in order, "file(section)"


class SymbolsDb:
    def __init__(self, root: Path):
        self.root = root
        self._files: dict[str, list[Section]] = {}

    def sections(self, fname: str) -> list[Section]:
        if fname not in self._files:
            path = self.root / fname
            if not path.is_file():
                raise XkbError(f"include of missing symbols file {fname!r} ({path})")
            text = path.read_text(encoding="utf-8")
            self._files[fname] = split_sections(tokenize(text, str(path)), str(path))
        return self._files[fname]

    def section(self, fname: str, variant: str | None) -> Section:
        secs = self.sections(fname)
        if variant is None:
            for s in secs:
                if "default" in s.flags:
                    return s
            return secs[0]  # XKB: first section is the implicit default
        for s in secs:
            if s.name == variant:
                return s
        raise XkbError(f"symbols file {fname!r} has no section {variant!r}")

    def resolve(self, fname: str, variant: str | None, _stack: tuple = ()) -> Resolved:
        sec = self.section(fname, variant)
        ident = f"{fname}({sec.name})"
        if ident in _stack:
            raise XkbError(f"include loop: {' -> '.join(_stack + (ident,))}")
        stack = _stack + (ident,)
        where = f"{self.root / fname}({sec.name})"
        keys: dict[str, KeyGroups] = {}
        trail = [ident]
        for st in split_statements(sec.body):
            head = st[0]
            if head.kind == "word" and head.text in ("include", "augment", "override", "replace") and len(st) == 2 and st[1].kind == "string":
                stmt_mode = {"include": "override", "augment": "augment",
                             "override": "override", "replace": "replace"}[head.text]
                included: dict[str, KeyGroups] = {}
                for comp_mode, f, v, grp in parse_include(st[1].text, where):
                    r = self.resolve(f, v, stack)
                    trail.extend(r.trail)
                    part = r.keys
                    if grp is not None:  # "file(map):N" puts group 1 into group N
                        part = {k: {grp - 1: g[0]} for k, g in part.items() if 0 in g}
                    merge_maps(included, part, comp_mode)
                merge_maps(keys, included, stmt_mode)
                continue
            mode = "override"
            i = 0
            while st[i].kind == "word" and st[i].text in ("augment", "override", "replace"):
                mode = {"augment": "augment", "override": "override", "replace": "replace"}[st[i].text]
                i += 1
            if st[i].kind == "word" and st[i].text == "key" and st[i + 1].kind == "keyname":
                kname = st[i + 1].text[1:-1]
                if st[i + 2].text != "{" or st[-1].text != "}":
                    raise XkbError(f"{where}:{st[i].line}: malformed key statement")
                body = parse_key_body(st[i + 3 : -1], where)
                keys[kname] = merge_key(keys.get(kname), body, mode)
            # name[...], modifier_map, key.type = ..., virtual_modifiers, etc.
            # carry no level-1/2 characters: ignored.
        return Resolved(keys, trail)


def parse_include(spec: str, where: str) -> list[tuple[str, str, str | None, int | None]]:
    """``"pc+us(intl):2|foo"`` -> [(merge mode, file, variant, group), ...]."""
    out = []
    for m in re.finditer(r"([+|]?)([^+|]+)", spec):
        op, comp = m.group(1), m.group(2).strip()
        cm = re.fullmatch(r"([A-Za-z0-9_./-]+)(?:\(([^)]+)\))?(?::([1-8]))?", comp)
        if not cm:
            raise XkbError(f"{where}: cannot parse include component {comp!r}")
        mode = "augment" if op == "|" else "override"
        out.append((mode, cm.group(1), cm.group(2), int(cm.group(3)) if cm.group(3) else None))
    return out


# ---------------------------------------------------------------------------
# Layout extraction and output
# ---------------------------------------------------------------------------


def is_printable_char(ch: str) -> bool:
    cat = unicodedata.category(ch)
    return not (cat.startswith("C") or cat.startswith("Z") or cat.startswith("M"))


@dataclass
class LayoutTable:
    lid: str
    fname: str
    section: str
    description: str
    base: str  # the model's base section, "pc(pc105)"
    trail: list[str]
    chars: dict[str, tuple[str, str]]
    dead: dict[str, list[str]]  # key -> keysym names on levels 1/2
    skipped: dict[str, str]  # key -> reason (not dead)
    approx: dict[str, list[str]]  # key -> legacy keysyms with "(U+...)" mappings


def extract(db: SymbolsDb, ks: Keysyms, lid: str) -> LayoutTable:
    fname, variant, desc = LAYOUTS[lid]
    sec = db.section(fname, variant)
    # Compose like the evdev rules do for the usual pc105 model:
    # "pc+<layout>(<variant>)" (the "inet(evdev)" part only holds media keys).
    base = db.resolve(BASE_FILE, None)
    lay = db.resolve(fname, variant)
    keys: dict[str, KeyGroups] = {}
    merge_maps(keys, base.keys, "override")
    merge_maps(keys, lay.keys, "override")
    res = Resolved(keys, lay.trail)
    base_ident = base.trail[0]
    chars: dict[str, tuple[str, str]] = {}
    dead: dict[str, list[str]] = {}
    skipped: dict[str, str] = {}
    approx: dict[str, list[str]] = {}
    for key in KEYS:
        groups = res.keys.get(key)
        if not groups or 0 not in groups or not groups[0]:
            skipped[key] = "not defined by the layout"
            continue
        levels = groups[0][:2]
        names = [lv[0] if len(lv) == 1 else ("{" + ",".join(lv) + "}" if lv else "NoSymbol") for lv in levels]
        while len(names) < 2:
            names.append("NoSymbol")
        # Resolve every keysym first: unknown names must fail even on keys we skip.
        resolved: list[str | None] = []
        for lv in levels:
            for sym in lv:
                ks.value_of(sym)
        if any(n.startswith("dead_") for n in names):
            dead[key] = names
            continue
        for lv in levels:
            if len(lv) != 1:
                resolved.append(None)
                continue
            value = ks.value_of(lv[0])
            ch = ks.char_of(value)
            if ch is not None and value in ks.approx:
                approx.setdefault(key, []).append(lv[0])
            resolved.append(ch if ch is not None and is_printable_char(ch) else None)
        while len(resolved) < 2:
            resolved.append(None)
        if resolved[0] is None or resolved[1] is None:
            skipped[key] = "level 1/2 not printable: " + ", ".join(names)
            continue
        chars[key] = (resolved[0], resolved[1])
    # de-duplicate the include trail while keeping order
    seen: set[str] = set()
    trail = [t for t in res.trail if not (t in seen or seen.add(t))]
    return LayoutTable(lid, fname, sec.name, desc, base_ident, trail, chars, dead, skipped, approx)


def toml_string(s: str) -> str:
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def dpkg_version(pkg: str) -> str:
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f", "${Version}", pkg],
            check=True, capture_output=True, text=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        raise XkbError(f"cannot read the version of Debian package {pkg!r}: {e}") from e
    if not out:
        raise XkbError(f"Debian package {pkg!r} is not installed")
    return out


LICENSE_LINE = (
    "xkeyboard-config is under permissive X11/MIT-style licenses (HPND, MIT/X11, "
    "SGI, Anton Zinoviev's notice for bg); full text: COPYING.xkeyboard-config "
    "(copied from /usr/share/doc/xkb-data/copyright)"
)


def render_toml(t: LayoutTable, xkb_ver: str, proto_ver: str, symbols_dir: Path) -> str:
    variant = t.section
    lines = [
        f"# Keyboard layout {t.lid!r}: {t.description}.",
        f"# Source: {symbols_dir / t.fname}, section \"{variant}\""
        + (" (the file's default section)" if LAYOUTS[t.lid][1] is None else "")
        + f" = XKB {t.fname}({variant}).",
        f"# Keymap composed as {t.base}+{t.fname}({variant}), as the evdev rules do for model pc105;"
        f" includes resolved: {', '.join(t.trail[1:]) or 'none'}.",
        f"# xkb-data {xkb_ver} (Debian; upstream xkeyboard-config).",
        "# License: " + LICENSE_LINE + ".",
        f"# Keysym names -> Unicode via /usr/include/X11/keysymdef.h, x11proto-dev {proto_ver}.",
        "# Generated by scripts/xkb_layouts.py; do not edit by hand.",
        "# Each line: XKB key name = [level 1 (no modifier), level 2 (Shift)], group 1.",
    ]
    if t.dead:
        lines.append(
            "# Dead keys (skipped): "
            + "; ".join(f"{k} = {' / '.join(v)}" for k, v in sorted(t.dead.items()))
            + "."
        )
    else:
        lines.append("# Dead keys (skipped): none.")
    if t.skipped:
        lines.append(
            "# Other keys skipped: "
            + "; ".join(f"{k} ({v})" for k, v in sorted(t.skipped.items()))
            + "."
        )
    if t.approx:
        lines.append(
            "# Legacy keysyms with an approximate \"(U+...)\" mapping in keysymdef.h: "
            + "; ".join(f"{k}: {', '.join(v)}" for k, v in sorted(t.approx.items()))
            + "."
        )
    lines.append("")
    for key in sorted(t.chars):
        a, b = t.chars[key]
        lines.append(f"{key} = [{toml_string(a)}, {toml_string(b)}]")
    return "\n".join(lines) + "\n"


def render_readme(tables: list[LayoutTable], xkb_ver: str, proto_ver: str) -> str:
    rows = "\n".join(
        f"| `{t.lid}.toml` | `{t.fname}({t.section})` | {t.description} | {len(t.chars)} | "
        + (", ".join(f"{k} ({'/'.join(v)})" for k, v in sorted(t.dead.items())) or "–")
        + " |"
        for t in tables
    )
    return f"""# Keyboard layouts (XKB, Debian xkb-data)

Character tables of ten keyboard layouts, used to repair keyboard-layout
slips (text typed with the wrong layout active, e.g. `ghbdtn` = `привет`
typed on QWERTY, or `Sergeн` = `Sergey` with one key typed on ЙЦУКЕН).

**Generated — do not edit by hand.** Regenerate with (from the repository root):

```sh
python3 scripts/xkb_layouts.py
```

(`--check` regenerates in memory and fails if the committed files differ;
`--verify` additionally compiles every layout with libxkbcommon's
`xkbcli compile-keymap --model pc105` (Debian `libxkbcommon-tools`) and fails
on any difference — run with `libxkbcommon-tools` 1.5.0-1, all keys of all ten
layouts agreed; `--symbols-dir`, `--keysymdef`, `--out` override the default
paths.)

## Format

One TOML file per layout, `<id>.toml`. Header comments give the XKB source
file and section, the includes that were resolved, package versions and the
license. Then one line per physical key, in sorted key-name order:

```toml
AD01 = ["й", "Й"]
```

* Keys are XKB names: `TLDE` (the key left of `1`), `AE01`–`AE12` (number
  row), `AD01`–`AD12` (top letter row, `Q`… on QWERTY), `AC01`–`AC11`
  (home row), `AB01`–`AB10` (bottom row), `BKSL` (backslash key), `LSGT`
  (the extra ISO key left of `AB01`). The same key name is the same physical
  key in every file, so `us.toml` + `ru.toml` give the QWERTY↔ЙЦУКЕН mapping.
* The array is `[level 1, level 2]` of group 1: the character without
  modifiers and with Shift. Levels 3/4 (AltGr) are not extracted.
* Keys whose level 1 or level 2 is not a printable character are left out.
  **Dead keys are left out** and listed in a header comment (e.g. `de`
  `TLDE = dead_circumflex / degree`). Keys that end up undefined would be
  listed in a header comment as well (none with xkb-data as shipped).
* Strings use TOML basic-string escapes (`"\\\\"`, `"\\""`).

## Layouts

| file | XKB section | layout | keys | dead keys (skipped) |
| --- | --- | --- | --- | --- |
{rows}

## How it was generated

`scripts/xkb_layouts.py` (Python 3.11, standard library only) parses the XKB
symbol files itself. Each keymap is composed as `pc+<file>(<section>)`, the
way the evdev rules compose it for the common `pc105` model (`pc` supplies
`LSGT` = `<`/`>` to layouts that leave that key alone, e.g. `us`, `fr`,
`rs`; the rules' `inet(evdev)` part only holds media keys and is not read).
For the layout it picks the named section (or the section flagged
`default`), follows `include` / `augment` / `override` / `replace`
statements and `+`/`|`-joined include strings recursively, and merges key
definitions level by level with XKB semantics (a later override wins,
`NoSymbol` does not clear a level, `augment` only fills empty levels).
Keysym names are mapped to code points with a table the script parses from
`keysymdef.h` (the `/* U+XXXX … */` comments; Latin-1 keysyms are their own
code point; `0x01XXXXXX` and `UXXXX` keysyms are Unicode). An unknown keysym
name on any extracted key aborts the run, and a built-in sanity check (e.g.
`ru` AD01 = й/Й, AC06 = р, AD06 = н; `us` AD06 = y) must pass before
anything is written.

## Sources, versions, license

* Layouts: Debian package `xkb-data` **{xkb_ver}**
  (`dpkg-query -W xkb-data`), i.e. xkeyboard-config, files under
  `/usr/share/X11/xkb/symbols/`.
* Keysym table: `/usr/include/X11/keysymdef.h` from Debian package
  `x11proto-dev` **{proto_ver}** (used by the script only; nothing from it is
  copied into these files besides the resulting code points).
* License of the layout data: xkeyboard-config is distributed under a set of
  permissive X11/MIT-style licenses (HPND-style notices of the individual
  contributors, the MIT/X11 license, the SGI notice, and Anton Zinoviev's
  notice covering the Bulgarian layouts). These notices require the copyright
  and permission notices to accompany copies, so the complete Debian
  copyright file is copied verbatim to
  [`COPYING.xkeyboard-config`](COPYING.xkeyboard-config).
"""


def verify_with_xkbcli(ks: Keysyms, tables: dict[str, LayoutTable]) -> None:
    """Cross-check against libxkbcommon's compiler (Debian libxkbcommon-tools).

    Compiles each layout with ``xkbcli compile-keymap --model pc105`` and
    compares level 1/2 of group 1 of every extracted key with ours.
    """
    errors = []
    for lid, t in tables.items():
        fname, variant, _ = LAYOUTS[lid]
        cmd = ["xkbcli", "compile-keymap", "--model", "pc105", "--layout", fname]
        if variant:
            cmd += ["--variant", variant]
        try:
            out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        except (OSError, subprocess.CalledProcessError) as e:
            raise XkbError(f"--verify needs xkbcli (apt-get install libxkbcommon-tools): {e}") from e
        ref: dict[str, list[str]] = {}
        for m in re.finditer(r"key <(\w+)>\s*\{([^;]*)\};", out):
            body = m.group(2)
            sm = re.search(r"symbols\[Group1\]\s*=\s*\[([^\]]*)\]", body) or re.search(r"\[([^\]]*)\]", body)
            if sm:
                ref[m.group(1)] = [x.strip() for x in sm.group(1).split(",")]
        for key in KEYS:
            syms = (ref.get(key, []) + ["NoSymbol", "NoSymbol"])[:2]
            if any(x.startswith("dead_") for x in syms):
                if key not in t.dead:
                    errors.append(f"{lid} {key}: xkbcli has dead key {syms}, we do not")
                continue
            want = None
            if "NoSymbol" not in syms:
                chars = [ks.char_of(ks.value_of(x)) for x in syms]
                if all(c is not None and is_printable_char(c) for c in chars):
                    want = (chars[0], chars[1])
            if t.chars.get(key) != want:
                errors.append(f"{lid} {key}: xkbcli {syms} -> {want}, ours {t.chars.get(key)}")
    if errors:
        raise XkbError("xkbcli cross-check failed:\n  " + "\n  ".join(errors))
    print(f"xkbcli cross-check: {len(tables)} layouts x {len(KEYS)} keys agree", file=sys.stderr)


def run_sanity(tables: dict[str, LayoutTable]) -> None:
    errors = []
    for lid, key, level, want in SANITY:
        got = tables[lid].chars.get(key)
        if got is None or got[level] != want:
            errors.append(f"{lid} {key} level {level + 1}: want {want!r}, got {got!r}")
    for lid, t in tables.items():
        letters = sum(1 for a, _ in t.chars.values() if a.isalpha())
        if letters < 25:
            errors.append(f"{lid}: only {letters} letter keys extracted")
    if errors:
        raise XkbError("sanity check failed:\n  " + "\n  ".join(errors))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--symbols-dir", type=Path, default=DEFAULT_SYMBOLS)
    ap.add_argument("--keysymdef", type=Path, default=DEFAULT_KEYSYMDEF)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the files on disk differ")
    ap.add_argument("--verify", action="store_true",
                    help="also cross-check every key against libxkbcommon's xkbcli")
    args = ap.parse_args(argv)

    try:
        xkb_ver = dpkg_version("xkb-data")
        proto_ver = dpkg_version("x11proto-dev")
        ks = Keysyms.parse(args.keysymdef)
        db = SymbolsDb(args.symbols_dir)
        tables = {lid: extract(db, ks, lid) for lid in LAYOUTS}
        run_sanity(tables)
        if args.verify:
            verify_with_xkbcli(ks, tables)
    except XkbError as e:
        print(f"xkb_layouts: error: {e}", file=sys.stderr)
        return 2

    files: dict[str, str] = {
        f"{lid}.toml": render_toml(t, xkb_ver, proto_ver, args.symbols_dir)
        for lid, t in tables.items()
    }
    files["README.md"] = render_readme(list(tables.values()), xkb_ver, proto_ver)
    files["COPYING.xkeyboard-config"] = XKB_COPYRIGHT.read_text(encoding="utf-8")

    if args.check:
        stale = [n for n, c in files.items()
                 if not (args.out / n).is_file() or (args.out / n).read_text(encoding="utf-8") != c]
        if stale:
            print("xkb_layouts: out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"xkb_layouts: {len(files)} files up to date")
        return 0

    args.out.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (args.out / name).write_text(content, encoding="utf-8")
    for lid, t in tables.items():
        dead = ", ".join(sorted(t.dead)) or "-"
        print(f"{lid:12s} {t.fname}({t.section}): {len(t.chars)} keys, dead: {dead}")
    print(f"wrote {len(files)} files to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
