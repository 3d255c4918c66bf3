"""Bytes to text: size and content checks, encoding detection, HTML reduced to its article text.

Decides whether a file can be processed at all; a file that cannot gets a reason a
person can act on, never an exception.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from charset_normalizer import from_bytes

DEFAULT_MAX_BYTES = 5_000_000

# Magic numbers of formats that are certainly not articles.
_BINARY_MAGIC = {
    b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image", b"GIF8": "GIF image", b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive (or docx/xlsx)", b"\x7fELF": "executable", b"\x1f\x8b": "gzip archive",
    b"RIFF": "RIFF media file", b"\x00\x00\x01\x00": "icon",
}
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|h1|head)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    reject_reason: str | None


def _rejected(reason: str, encoding: str | None = None) -> Decoded:
    return Decoded(None, encoding, reason)


def too_large(size: int, max_bytes: int) -> Decoded:
    return _rejected(f"too large: {size:,} bytes, over the limit of {max_bytes:,} (raise EXCHANGES_MAX_BYTES to accept it)")


_ASCII_CONTROLS = bytes(b for b in range(32) if chr(b) not in "\t\n\r\f")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_DROP_ASCII = dict.fromkeys(range(128))
_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    # Counted in C, not per character in Python: this runs on every file.
    if text.isascii():
        raw = text.encode("ascii")
        controls = len(raw) - len(raw.translate(None, _ASCII_CONTROLS))
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    else:  # the ASCII part counted as above, the rest by pattern: a dash or a quote mark made a whole text go by pattern
        raw, rest = text.encode("ascii", "ignore"), text.translate(_DROP_ASCII)
        controls = len(raw) - len(raw.translate(None, _ASCII_CONTROLS)) + rest.count("\ufffd")
        letters = len(raw) - len(raw.translate(None, _ASCII_LETTERS)) + sum(map(len, _LETTER_RUNS.findall(rest)))
    return controls / len(text) < 0.01 and letters / len(text) > 0.3


def _decode(raw: bytes) -> tuple[str, str] | None:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError:
                return None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        return None
    return str(best), best.encoding


class _ArticleText(HTMLParser):
    """Collects the visible text of block elements, skipping scripts, styles and page chrome."""

    _SKIP = {"script", "style", "nav", "header", "footer", "aside", "noscript", "form", "svg", "head"}
    _BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "div", "article", "section", "br", "tr", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skipping = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self._SKIP:
            self._skipping += 1
        elif tag in self._BLOCK:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in self._BLOCK:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._current.append(data)


def html_to_text(html: str) -> str:
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    parser._flush()
    return "\n".join(parser.blocks)


def decode_document(raw: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Decode one file's bytes, or say why it cannot be processed."""
    if len(raw) > max_bytes:
        return too_large(len(raw), max_bytes)
    if not raw.strip():
        return _rejected("empty: the file has no text" if not raw else "empty: the file holds only white space")
    for magic, kind in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            return _rejected(f"binary: looks like a {kind}, not text")
    has_bom = any(raw.startswith(bom) for bom, _ in _BOMS)
    if b"\x00" in raw and not has_bom:
        # UTF-16 without a byte-order mark is the one text format full of NUL bytes.
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if _looks_like_text(text):
                return Decoded(text, codec, None)
        return _rejected("binary: the file contains NUL bytes and is not UTF-16 text")
    decoded = _decode(raw)
    if decoded is None:
        return _rejected("undecodable: no text encoding fits these bytes; re-save the file as UTF-8")
    text, encoding = decoded
    if _HTML_HINT.search(text[:2000]):
        text = html_to_text(text)
        encoding = f"{encoding} (html)"
    if not text.strip():
        return _rejected("empty: no article text after decoding", encoding)
    if not _looks_like_text(text):
        return _rejected(f"undecodable: decoded as {encoding} but the result is not readable text; re-save the file as UTF-8", encoding)
    return Decoded(text, encoding, None)
