"""Tests for the DPRK (KCNA) romanization of Korean place names."""

import pytest

from sites.romanization import dprk_romanize


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("장연", "Jangyon"),
        ("개풍", "Kaephung"),
        ("금야", "Kumya"),
        ("평안", "Phyongan"),
        ("성천", "Songchon"),
        ("은파", "Unpha"),
        ("함주", "Hamju"),
        ("재령", "Jaeryong"),
        ("신포", "Sinpho"),
        ("숙천", "Sukchon"),
        ("평양", "Pyongyang"),
        ("함흥", "Hamhung"),
        ("청진", "Chongjin"),
        ("남포", "Nampho"),
        ("개성", "Kaesong"),
        ("원산", "Wonsan"),
        ("강원", "Kangwon"),
        ("황해", "Hwanghae"),
        ("자강", "Jagang"),
        ("량강", "Ryanggang"),
        ("라선", "Rason"),
        ("신의주", "Sinuiju"),
        ("혜산", "Hyesan"),
        ("룡성", "Ryongsong"),
        ("덕천", "Tokchon"),
        ("안주", "Anju"),
        ("순천", "Sunchon"),
        ("함경", "Hamgyong"),
        ("강계", "Kanggye"),
        ("락랑", "Rakrang"),
    ],
)
def test_kcna_spellings(hangul: str, expected: str) -> None:
    assert dprk_romanize(hangul) == expected


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        # ㄱ ㄷ ㅂ voiced after a vowel or ㄴ ㄹ ㅁ ㅇ ...
        ("자강", "Jagang"),
        ("함경", "Hamgyong"),
        ("강계", "Kanggye"),
        ("대동", "Taedong"),
        ("칠보", "Chilbo"),
        ("안변", "Anbyon"),
        # ... but voiceless word-initially and after k/t/p.
        ("백두", "Paektu"),
        ("덕천", "Tokchon"),
        ("강", "Kang"),
    ],
)
def test_voicing_between_voiced_sounds(hangul: str, expected: str) -> None:
    assert dprk_romanize(hangul) == expected


def test_double_r_after_final_l_becomes_ll() -> None:
    assert dprk_romanize("철령") == "Chollyong"


def test_exception_applies_to_whole_words_only() -> None:
    assert dprk_romanize("평양") == "Pyongyang"
    assert dprk_romanize("평양시") == "Phyongyangsi"


@pytest.mark.parametrize(
    "text",
    ["Pyongyang", "abc", "123", "-", "Kim Il Sung", "ㄱ"],
)
def test_non_hangul_passes_through(text: str) -> None:
    assert dprk_romanize(text) == text


def test_mixed_hangul_and_other_characters() -> None:
    assert dprk_romanize("함흥-2") == "Hamhung-2"
    # Punctuation breaks the syllable chain, so ㄱ after it is word-initial.
    assert dprk_romanize("자-강") == "Ja-kang"


@pytest.mark.parametrize(
    ("hangul", "expected"),
    [
        ("평안 남도", "Phyongan Namdo"),
        ("함경 북도", "Hamgyong Pukto"),
        ("평양 순안", "Pyongyang Sunan"),
        ("개성  abc", "Kaesong  abc"),
    ],
)
def test_multi_word_input_capitalises_each_word(hangul: str, expected: str) -> None:
    assert dprk_romanize(hangul) == expected


def test_empty_string() -> None:
    assert dprk_romanize("") == ""
