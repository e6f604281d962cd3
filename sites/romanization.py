"""Romanize Korean place names the way the DPRK's own English (KCNA) spells them."""

import re

# Precomposed hangul syllables: U+AC00 + (initial * 21 + medial) * 28 + final.
_SYLLABLE_BASE = 0xAC00
_SYLLABLE_LAST = 0xD7A3
_MEDIALS_COUNT = 21
_FINALS_COUNT = 28

# 19 initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ.
# ㅇ is silent as an initial; ㅈ is "j" everywhere in KCNA's English.
_INITIALS: tuple[str, ...] = (
    "k",
    "kk",
    "n",
    "t",
    "tt",
    "r",
    "m",
    "p",
    "pp",
    "s",
    "ss",
    "",
    "j",
    "jj",
    "ch",
    "kh",
    "th",
    "ph",
    "h",
)

# 21 medials: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ.
# Without diacritics ㅓ/ㅗ both become "o" and ㅜ/ㅡ both "u", as in KCNA.
_MEDIALS: tuple[str, ...] = (
    "a",
    "ae",
    "ya",
    "yae",
    "o",
    "e",
    "yo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "u",
    "ui",
    "i",
)

# 28 finals (first = none): ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ
# ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ. Finals are unreleased, so each is written as the
# one consonant actually pronounced (complex finals included).
_FINALS: tuple[str, ...] = (
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
)

# Finals after which the next syllable starts in a voiced environment
# ("" = the syllable ends in a vowel).
_VOICED_FINALS = frozenset({"", "n", "l", "m", "ng"})

# Sound-change rules at a syllable boundary, keyed on the next initial:
# - ㄱ ㄷ ㅂ are voiced (g d b) between voiced sounds (자강 -> Jagang,
#   함경 -> Hamgyong) but stay k t p word-initially and after k/t/p.
# - ㄹ after a final ㄹ is written once more as "l", giving "ll" (철령 ->
#   Chollyong); everywhere else it stays "r", because KCNA does not
#   assimilate ㄱ+ㄹ or ㄴ+ㄹ (락랑 -> Rakrang).
# Nothing else changes: KCNA does not carry finals over to a following
# vowel (철원 -> Cholwon), so the rest is plain concatenation.
_VOICED_INITIALS: dict[str, str] = {"k": "g", "t": "d", "p": "b"}

# Whole words whose established KCNA spelling the rules do not produce.
_EXCEPTIONS: dict[str, str] = {
    "평양": "Pyongyang",  # the rules give "Phyongyang"; KCNA never writes that
}


def _decompose(char: str) -> tuple[int, int, int] | None:
    """Return (initial, medial, final) indices of a hangul syllable, else None."""
    code = ord(char)
    if not _SYLLABLE_BASE <= code <= _SYLLABLE_LAST:
        return None
    index = code - _SYLLABLE_BASE
    initial, rest = divmod(index, _MEDIALS_COUNT * _FINALS_COUNT)
    medial, final = divmod(rest, _FINALS_COUNT)
    return initial, medial, final


def _romanize_word(word: str) -> str:
    """Romanize one whitespace-free word, applying the boundary rules."""
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    parts: list[str] = []
    # Final of the previous syllable; None means no hangul syllable precedes
    # (start of the word, or after punctuation/digits), i.e. word-initial.
    previous_final: str | None = None
    for char in word:
        jamo = _decompose(char)
        if jamo is None:
            parts.append(char)
            previous_final = None
            continue
        initial = _INITIALS[jamo[0]]
        if previous_final is not None:
            if previous_final in _VOICED_FINALS:
                initial = _VOICED_INITIALS.get(initial, initial)
            if initial == "r" and previous_final == "l":
                initial = "l"
        final = _FINALS[jamo[2]]
        parts.append(initial + _MEDIALS[jamo[1]] + final)
        previous_final = final
    text = "".join(parts)
    # Capitalise like a proper name, but leave non-hangul words untouched.
    if _decompose(word[0]) is not None:
        text = text[0].upper() + text[1:]
    return text


def dprk_romanize(hangul: str) -> str:
    """Spell a Korean place name the way the DPRK's own English does.

    Follows the DPRK's 1992 romanization as KCNA prints it in English:
    without diacritics or apostrophes (so 평안 -> Phyongan, 덕천 ->
    Tokchon), each word capitalised, plus a tiny table of whole-word
    exceptions such as 평양 -> Pyongyang. Non-hangul characters pass
    through unchanged.

    Gazetteers usually spell North Korean places in McCune-Reischauer or
    South Korea's Revised Romanization; producing the DPRK's own spelling
    lets a name as written in a KCNA article be matched to the place the
    gazetteer spells otherwise.
    """
    # Split on whitespace but keep it, so spacing round-trips exactly.
    pieces = re.split(r"(\s+)", hangul)
    return "".join(
        piece if not piece or piece.isspace() else _romanize_word(piece) for piece in pieces
    )
