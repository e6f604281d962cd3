"""Spellings derived from a place's hangul name, so nobody types them twice."""

from korean_romanizer.romanizer import Romanizer

from sites.romanization import dprk_romanize

# Hangul endings that name the kind of place, with their Revised Romanization.
# Longest first, so 특별시 is not read as 시.
_SUFFIX_RR = {
    "특별시": "teukbyeolsi",
    "직할시": "jikhalsi",
    "구역": "guyeok",
    "지구": "jigu",
    "군": "gun",
    "시": "si",
    "도": "do",
}


def split_suffix(hangul: str) -> tuple[str, str]:
    """`성천군` → (`성천`, `군`); a name without a known ending is all stem."""
    hangul = hangul.strip()
    for suffix in _SUFFIX_RR:
        if hangul.endswith(suffix) and len(hangul) > len(suffix):
            return hangul[: -len(suffix)], suffix
    return hangul, ""


def revised_romanization(hangul: str) -> str:
    """`평안남도` → `Pyeongannam-do`, `성천군` → `Seongcheon-gun` (South Korea's system)."""
    stem, suffix = split_suffix(hangul)
    if not stem:
        return ""
    romanized = Romanizer(stem).romanize().capitalize()
    return f"{romanized}-{_SUFFIX_RR[suffix]}" if suffix else romanized


def dprk_spelling(hangul: str) -> str:
    """`장연군` → `Jangyon`: the stem as the DPRK's own English writes it."""
    stem, _ = split_suffix(hangul)
    return dprk_romanize(stem) if stem else ""
