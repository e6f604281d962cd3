"""The one search rule: any spelling of a place becomes the same search key.

Case, diacritics, apostrophes, hyphens, spaces and administrative suffixes (-gun, -kun, -si,
county, city, 군, 시, …) do not matter, so `Sŏngch'ŏn`, `songchon-gun`, `Seongcheon` and `성천`
all reduce to keys that a stored place carries. Hangul is read in the southern orthography,
so the DPRK's initial ㄹ and ㄴ (룡강, 락원, 리원, 녕변) and its 여 after a vowel (되였다) key
alike with 용강, 낙원, 이원, 영변 and 되었다. Every place stores the keys of all its spellings
(`search_keys`), and every `?q=` in the pages and the API goes through `search_key`.
"""

import re
import unicodedata
from collections.abc import Iterable

from django.core.exceptions import ValidationError

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


_SYLLABLES = (0xAC00, 0xD7A3)
_MEDIALS, _FINALS = 21, 28
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
# Medials before which an initial ㄹ or ㄴ is written ㅇ in the south (ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ).
_Y_MEDIALS = {2, 6, 7, 12, 17, 20}
# Vowels after which the DPRK writes 여 where the south writes 어 (ㅐ ㅔ ㅚ ㅟ ㅢ ㅣ).
_YO_AFTER = {1, 5, 11, 16, 19, 20}
_YO_MEDIAL, _O_MEDIAL = 6, 4


def _parts(syllable: str) -> tuple[int, int, int] | None:
    code = ord(syllable)
    if not _SYLLABLES[0] <= code <= _SYLLABLES[1]:
        return None
    index = code - _SYLLABLES[0]
    return index // (_MEDIALS * _FINALS), index // _FINALS % _MEDIALS, index % _FINALS


def _syllable(initial: int, medial: int, final: int) -> str:
    return chr(_SYLLABLES[0] + (initial * _MEDIALS + medial) * _FINALS + final)


def southern_hangul(text: str) -> str:
    """Hangul in the southern orthography, syllable for syllable (the length is kept, so a
    match in the result is a match at the same place in `text`): a word's initial ㄹ or ㄴ as
    the south writes it (룡강 → 용강, 락원 → 낙원, 녕변 → 영변, 로동 → 노동), and 여 after a
    vowel as 어 (되였다 → 되었다)."""
    out = []
    for index, char in enumerate(text):
        parts = _parts(char)
        if parts is None:
            out.append(char)
            continue
        initial, medial, final = parts
        before = _parts(text[index - 1]) if index else None
        if before is None and initial in (_RIEUL, _NIEUN):
            if medial in _Y_MEDIALS:
                initial = _IEUNG
            elif initial == _RIEUL:
                initial = _NIEUN
        elif (
            before is not None
            and (initial, medial) == (_IEUNG, _YO_MEDIAL)
            and before[2] == 0
            and before[1] in _YO_AFTER
        ):
            medial = _O_MEDIAL
        out.append(_syllable(initial, medial, final))
    return "".join(out)


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
        key = southern_hangul(key)
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


# How many candidates a refusal of an ambiguous name lists.
CANDIDATES_SHOWN = 8


def find_named(queryset, text: str, *, noun: str):
    """The one record of `queryset` that `text` names, written as its slug or any spelling the
    search rule accepts ("Unpha", "Sukchon County", "sukchon-gun", "숙천군"); None for no text.

    A spelling that is a whole search key wins over one that only starts a key. A name that
    fits no record, or several, is refused with the candidates listed, so staff can pick one.
    """
    text = (text or "").strip()
    if not text:
        return None
    for lookup in ({"slug": text}, {"slug__iexact": text}):
        found = list(queryset.filter(**lookup)[:2])
        if len(found) == 1:
            return found[0]
    key = search_key(text)
    if key:
        for needle in (f" {key} ", f" {key}"):
            found = list(queryset.filter(search_keys__contains=needle)[: CANDIDATES_SHOWN + 1])
            if len(found) == 1:
                return found[0]
            if found:
                raise ValidationError(
                    "“%(text)s” could be %(candidates)s: write the one you mean by its slug.",
                    code="ambiguous_name",
                    params={"text": text, "candidates": _listed(found)},
                )
    raise ValidationError(
        "There is no %(noun)s named “%(text)s” or with that slug.",
        code="unknown_name",
        params={"noun": noun, "text": text},
    )


def _listed(records: list) -> str:
    shown = [f"{record} ({record.slug})" for record in records[:CANDIDATES_SHOWN]]
    if len(records) > CANDIDATES_SHOWN:
        shown.append("others")
    return ", ".join(shown[:-1]) + " or " + shown[-1]
