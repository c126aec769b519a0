"""Shared helpers for the fixture-extraction scripts (Python 3.11, stdlib only).

- read files out of a Debian ``.deb`` (ar archive + ``data.tar.*``) or an npm
  ``.tgz`` without needing dpkg or npm;
- turn an HTML page into plain-text blocks (one block per paragraph / list item);
- normalise a block the way every clean corpus in ``fixtures/bench`` is
  normalised (NFC, whitespace collapsed to ASCII spaces, invisible format and
  control characters dropped).
"""

from __future__ import annotations

import html.parser
import io
import tarfile
import unicodedata
from pathlib import Path

__all__ = [
    "read_deb_files",
    "read_tgz_files",
    "html_blocks",
    "clean_text",
    "script_share",
]


# --------------------------------------------------------------------------
# Archive readers
# --------------------------------------------------------------------------

def _tar_files(tar: tarfile.TarFile, wanted) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for member in tar.getmembers():
        if not member.isfile():
            continue
        name = member.name[2:] if member.name.startswith("./") else member.name
        if wanted(name):
            fh = tar.extractfile(member)
            assert fh is not None
            out[name] = fh.read()
    return out


def read_deb_files(deb_path: str | Path, wanted) -> dict[str, bytes]:
    """Return ``{path: bytes}`` for files in a .deb's data archive.

    ``wanted`` is a predicate on the path (without a leading ``./``).
    Only the stdlib is used: a .deb is an ``ar`` archive holding
    ``data.tar.{xz,gz,bz2}`` (zstd is not supported by Python 3.11's stdlib,
    and bookworm's ``*-doc`` packages use xz).
    """
    data = Path(deb_path).read_bytes()
    if not data.startswith(b"!<arch>\n"):
        raise ValueError(f"{deb_path}: not an ar archive")
    pos = 8
    while pos + 60 <= len(data):
        header = data[pos : pos + 60]
        name = header[:16].decode("ascii").strip().rstrip("/")
        size = int(header[48:58].decode("ascii").strip())
        pos += 60
        body = data[pos : pos + size]
        pos += size + (size & 1)
        if name.startswith("data.tar"):
            mode = {
                "data.tar.xz": "r:xz",
                "data.tar.gz": "r:gz",
                "data.tar.bz2": "r:bz2",
                "data.tar": "r:",
            }.get(name)
            if mode is None:
                raise ValueError(f"{deb_path}: unsupported member {name}")
            with tarfile.open(fileobj=io.BytesIO(body), mode=mode) as tar:
                return _tar_files(tar, wanted)
    raise ValueError(f"{deb_path}: no data.tar member")


def read_tgz_files(tgz_path: str | Path, wanted) -> dict[str, bytes]:
    """Return ``{path: bytes}`` for files in an npm tarball (``npm pack``)."""
    with tarfile.open(tgz_path, mode="r:gz") as tar:
        return _tar_files(tar, wanted)


# --------------------------------------------------------------------------
# HTML -> text blocks
# --------------------------------------------------------------------------

# Tags that start or end a block of running text.
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center",
    "dd", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li",
    "main", "nav", "ol", "p", "section", "ul",
}
# Tags whose whole content is dropped (code, scripts, tables, forms).
_SKIP_TAGS = {"script", "style", "pre", "title", "table", "select", "textarea",
              "noscript", "svg"}
# <div class="..."> classes whose content is navigation, not prose.
_SKIP_DIV_CLASSES = {"navheader", "navfooter", "nosearch", "menu", "searchmenu",
                     "toc", "list-of-tables", "list-of-figures", "list-of-examples",
                     "fancy_toc", "rightsidebar"}


class _BlockParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, str]] = []  # (enclosing block tag, text)
        self._buf: list[str] = []
        self._block_tag = ""
        self._skip_depth = 0
        self._div_stack: list[bool] = []  # True = this div is skipped

    def _skipping(self) -> bool:
        return self._skip_depth > 0 or any(self._div_stack)

    def _flush(self) -> None:
        text = "".join(self._buf)
        self._buf = []
        if text.strip():
            self.blocks.append((self._block_tag, text))

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP_TAGS:
            self._flush()
            self._skip_depth += 1
            return
        if tag == "div":
            classes = set((dict(attrs).get("class") or "").split())
            self._flush()
            self._div_stack.append(bool(classes & _SKIP_DIV_CLASSES))
            self._block_tag = "div"
            return
        if tag in _BLOCK_TAGS:
            self._flush()
            self._block_tag = tag
        elif tag == "br":
            self._buf.append(" ")

    def handle_endtag(self, tag):
        if tag in _SKIP_TAGS:
            self._flush()
            self._skip_depth = max(0, self._skip_depth - 1)
            return
        if tag == "div":
            self._flush()
            if self._div_stack:
                self._div_stack.pop()
            return
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data):
        if not self._skipping():
            self._buf.append(data)

    def close(self):
        super().close()
        self._flush()


def html_blocks(raw: bytes | str) -> list[tuple[str, str]]:
    """Split an HTML page into ``(block_tag, raw_text)`` pairs in document order.

    Inline markup (<a>, <em>, <code>, ...) is dropped and its text kept;
    <pre>, <table>, <script>, <style> and navigation <div>s are skipped.
    """
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8")
    parser = _BlockParser()
    parser.feed(raw)
    parser.close()
    return parser.blocks


# --------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------

# Format characters kept because they are part of correct spelling in some
# scripts (Persian/Indic/Arabic joiners).  Every other Cf character (soft
# hyphen, ZWSP, BOM, LRM/RLM, bidi embeddings/isolates, ...) is removed, so the
# clean corpora carry none of the "damage" characters dirty.txt injects.
_KEEP_CF = {"\u200c", "\u200d"}


def clean_text(text: str) -> str:
    """NFC; every run of Unicode whitespace -> one ASCII space; drop C0/C1
    controls and format characters (except ZWNJ/ZWJ); strip."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch.isspace():
            out.append(" ")
        elif cat == "Cc":
            continue
        elif cat == "Cf" and ch not in _KEEP_CF:
            continue
        else:
            out.append(ch)
    return " ".join("".join(out).split())


def _script_of(ch: str) -> str:
    name = unicodedata.name(ch, "")
    for script in ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "CYRILLIC", "GREEK",
                   "LATIN", "ARABIC", "HEBREW", "DEVANAGARI", "THAI", "GEORGIAN"):
        if name.startswith(script):
            return "HAN" if script == "CJK" else script
    return "OTHER"


def script_share(text: str, scripts: set[str]) -> float:
    """Share of alphabetic characters of ``text`` that belong to ``scripts``
    (names as returned by ``_script_of``: LATIN, CYRILLIC, HAN, ...)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _script_of(ch) in scripts) / len(letters)
