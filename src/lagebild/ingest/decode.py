"""Bytes to text: encoding detection, mojibake repair, binary rejection."""

from __future__ import annotations

import codecs
import re
import unicodedata

from lagebild.errors import ErrorCode, LagebildError

# The first two characters of a UTF-8 sequence read as cp1252/Latin-1 ("Ã¤", "â€ž"): without
# such a pair there is no mojibake for ftfy to repair, and large pages skip it (it is slow).
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
    "\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122]"
)

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB mean: not a text file."""
    head = data[:8192]
    if not head:
        return False
    if any(head.startswith(bom) for bom, _ in _BOMS[1:]):
        return False  # UTF-16 legitimately contains NUL bytes
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control / len(head) > 0.05


def decode_bytes(data: bytes, declared: str | None = None, repair: bool = True) -> str:
    """Decode ``data``: BOM, declared charset, UTF-8, detection, cp1252 — then fix mojibake.

    ``repair=False`` keeps the decoded text exactly (for inputs whose offsets others computed).
    """
    if not data.strip():
        raise LagebildError(ErrorCode.E001)
    if looks_binary(data):
        raise LagebildError(ErrorCode.E002)
    text = _decode(data, declared)
    return repair_text(text) if repair else text


def repair_text(text: str) -> str:
    """Undo mojibake and normalise to NFC; correct text is left alone.

    ftfy's ``fix_encoding`` repairs UTF-8 read as cp1252 ("GesprÃ¤ch" → "Gespräch"). Not
    ``fix_text``: that also straightens „typographic“ quotes, which changes the article.
    """
    if _MOJIBAKE.search(text):
        text = _repair_stretches(text)
    return unicodedata.normalize("NFC", text)


def _repair_stretches(text: str) -> str:
    """ftfy on the stretches around each suspicious pair (between tags and line breaks) only:
    it judges each on its own, and a large page with one "groß“" is not read whole again."""
    import ftfy  # imported here: most texts have nothing to repair (≈ 0.04 s per start)

    out: list[str] = []
    done = 0
    for match in _MOJIBAKE.finditer(text):
        if match.start() < done:
            continue  # inside a stretch already repaired
        start = max(text.rfind(c, done, match.start()) for c in "<>\n") + 1
        start = max(start, done)
        ends = [i for i in (text.find(c, match.end()) for c in "<>\n") if i >= 0]
        end = min(ends) if ends else len(text)
        out.append(text[done:start])
        out.append(ftfy.fix_encoding(text[start:end]))
        done = end
    out.append(text[done:])
    return "".join(out)


def _decode(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    candidates = [declared] if declared else []
    candidates.append("utf-8")
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    import charset_normalizer  # only for bytes that are neither UTF-8 nor declared

    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in ("utf_8", "ascii"):
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    # German text that is not UTF-8 is almost always Windows-1252 / Latin-1.
    return data.decode("cp1252", errors="replace")
