"""The one search rule: any spelling of a place becomes the same search key.

Case, diacritics, apostrophes, hyphens, spaces and administrative suffixes (-gun, -kun, -si,
county, city, 군, 시, …) do not matter, so `Sŏngch'ŏn`, `songchon-gun`, `Seongcheon` and `성천`
all reduce to keys that a stored place carries. Every place stores the keys of all its
spellings (`search_keys`), and every `?q=` in the pages and the API goes through `search_key`.
"""

import re
import unicodedata
from collections.abc import Iterable

# Latin words that name the kind of place rather than the place itself.
LATIN_SUFFIXES = {
    "gun",
    "kun",
    "si",
    "shi",
    "county",
    "city",
    "district",
    "guyok",
    "kuyok",
    "guyeok",
    "province",
    "do",
    "to",
    "chigu",
    "jigu",
    "area",
    "chikhalsi",
    "jikhalsi",
    "tukpyolsi",
    "teukbyeolsi",
    "special",
    "directly",
    "governed",
}
# Hangul endings, longest first so 구역 wins over 구.
HANGUL_SUFFIXES = ("특별시", "직할시", "구역", "지구", "군", "시", "도")
APOSTROPHES = "'’‘ʼ`´ʻ"
_SEPARATORS = re.compile(r"[\s\-_‐–—.,/]+")
_HANGUL = re.compile(r"^[\uac00-\ud7a3]+$")


def _strip_marks(text: str) -> str:
    """Drop diacritics (ŏ → o, ŭ → u) but keep hangul syllables whole."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", kept)


def search_key(text: str) -> str:
    """Reduce one spelling to its search key; an empty string when nothing is left."""
    text = _strip_marks(text or "").casefold()
    text = text.translate({ord(ch): None for ch in APOSTROPHES})
    words = [word for word in _SEPARATORS.split(text) if word]
    while len(words) > 1 and words[-1] in LATIN_SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in {"county", "city"}:
        words.pop(0)
    key = "".join(ch for ch in "".join(words) if ch.isalnum())
    if _HANGUL.match(key):
        for suffix in HANGUL_SUFFIXES:
            if key.endswith(suffix) and len(key) - len(suffix) >= 1:
                key = key[: -len(suffix)]
                break
    return key


def search_keys(spellings: Iterable[str]) -> str:
    """The stored form: each distinct key once, space-delimited on both sides.

    The delimiters let a lookup match the start of any key with one LIKE '% key%'.
    """
    keys = sorted({key for key in map(search_key, spellings) if key})
    return f" {' '.join(keys)} " if keys else ""


def split_aliases(aliases: str) -> list[str]:
    """Aliases are typed one per line or separated by semicolons."""
    return [alias.strip() for alias in re.split(r"[;\n]", aliases or "") if alias.strip()]
