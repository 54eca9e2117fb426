"""64-bit SimHash over word shingles, for near-duplicate detection (agency copies).

Charikar's SimHash as used for web near-duplicates by Manku, Jain & Das Sarma (WWW 2007):
documents within Hamming distance 3 of 64 bits are near-duplicates. Splitting the hash into
four 16-bit bands finds every such pair by exact band lookups (pigeonhole principle).
"""

from __future__ import annotations

import hashlib
import re

BITS = 64
BANDS = 4
BAND_BITS = BITS // BANDS
MAX_DISTANCE = 3
_WORD = re.compile(r"\w+", re.UNICODE)


def _hash64(value: str) -> int:
    return int.from_bytes(hashlib.blake2b(value.encode("utf-8"), digest_size=8).digest(), "big")


def simhash(text: str, shingle: int = 3) -> int:
    words = _WORD.findall(text.lower())
    if len(words) < shingle:
        features = words or [""]
    else:
        features = [" ".join(words[i : i + shingle]) for i in range(len(words) - shingle + 1)]
    weights = [0] * BITS
    for feature in features:
        h = _hash64(feature)
        for bit in range(BITS):
            weights[bit] += 1 if h >> bit & 1 else -1
    value = 0
    for bit, weight in enumerate(weights):
        if weight > 0:
            value |= 1 << bit
    return value


def to_signed(value: int) -> int:
    """SQLite integers are signed 64-bit."""
    return value - (1 << 64) if value >= 1 << 63 else value


def to_unsigned(value: int) -> int:
    return value + (1 << 64) if value < 0 else value


def bands(value: int) -> list[int]:
    mask = (1 << BAND_BITS) - 1
    return [(value >> (band * BAND_BITS)) & mask for band in range(BANDS)]


def distance(a: int, b: int) -> int:
    return (to_unsigned(a) ^ to_unsigned(b)).bit_count()
