import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from regiondev import dates


@pytest.mark.parametrize(
    ("text", "lower", "upper", "words"),
    [
        ("2024-02-21/2024-02-29", "2024-02-21", "2024-02-29", "late February 2024"),
        ("2024-07", "2024-07-01", "2024-07-31", "July 2024"),
        ("2024-12-20", "2024-12-20", "2024-12-20", "20 December 2024"),
        ("2024", "2024-01-01", "2024-12-31", "2024"),
        ("2025-01/2025-03", "2025-01-01", "2025-03-31", "early 2025"),
        ("2024-03-01/2024-03-10", "2024-03-01", "2024-03-10", "early March 2024"),
        ("2024-03-11/2024-03-20", "2024-03-11", "2024-03-20", "mid-March 2024"),
        ("2024-05/2024-08", "2024-05-01", "2024-08-31", "May–August 2024"),
        (
            "2024-11-30/2025-01-02",
            "2024-11-30",
            "2025-01-02",
            "between 30 November 2024 and 2 January 2025",
        ),
    ],
)
def test_edtf_gives_bounds_and_words(text, lower, upper, words):
    parsed = dates.read(text)
    assert parsed.lower == datetime.date.fromisoformat(lower)
    assert parsed.upper == datetime.date.fromisoformat(upper)
    assert parsed.words == words


@pytest.mark.parametrize(
    ("text", "edtf_text", "words"),
    [
        ("4 March 2025", "2025-03-04", "4 March 2025"),
        ("March 4, 2025", "2025-03-04", "4 March 2025"),
        ("4th Mar. 2025", "2025-03-04", "4 March 2025"),
        ("March 2025", "2025-03", "March 2025"),
        ("late February 2024", "2024-02-21/2024-02-29", "late February 2024"),
        ("Late February 2024", "2024-02-21/2024-02-29", "late February 2024"),
        ("early March 2024", "2024-03-01/2024-03-10", "early March 2024"),
        ("mid-March 2024", "2024-03-11/2024-03-20", "mid-March 2024"),
        ("early 2025", "2025-01/2025-04", "early 2025"),
        ("late 2024", "2024-09/2024-12", "late 2024"),
        ("2024", "2024", "2024"),
        ("March–April 2024", "2024-03/2024-04", "March–April 2024"),
        ("March-April 2024", "2024-03/2024-04", "March–April 2024"),
        ("4–10 March 2025", "2025-03-04/2025-03-10", "4–10 March 2025"),
        (
            "between 30 November 2024 and 2 January 2025",
            "2024-11-30/2025-01-02",
            "between 30 November 2024 and 2 January 2025",
        ),
        ("2024년 2월 하순", "2024-02-21/2024-02-29", "late February 2024"),
        ("2024년 2월 상순", "2024-02-01/2024-02-10", "early February 2024"),
        ("2024년 3월 4일", "2024-03-04", "4 March 2024"),
        ("2024년 7월", "2024-07", "July 2024"),
        ("2024년", "2024", "2024"),
    ],
)
def test_dates_in_words_are_read_into_edtf(text, edtf_text, words):
    parsed = dates.read(text)
    assert (parsed.text, parsed.words) == (edtf_text, words)


@pytest.mark.parametrize(
    "words",
    ["20 December 2024", "late February 2024", "early 2025", "May–August 2024", "3–9 May 2024"],
)
def test_what_the_site_prints_reads_back_as_the_same_days(words):
    assert dates.read(words).words == words


@pytest.mark.parametrize(
    "text",
    ["last year", "2024-13", "2024-02-30", "31 February 2025", "", "Smarch 2025", "2024년 13월"],
)
def test_text_that_is_not_a_date_is_refused_saying_what_was_expected(text):
    with pytest.raises(ValidationError) as error:
        dates.read(text)
    message = error.value.messages[0]
    assert "is not a date Regiondev can read" in message
    assert "4 March 2025" in message
    assert "2024-12-20" in message


def test_a_date_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as error:
        dates.read("2024-12-20/2024-01-01")
    assert "ends before it starts" in error.value.messages[0]


def test_the_time_between_uncertain_dates_is_a_range():
    span = dates.days_between(dates.read("2024-02-21/2024-02-29"), dates.read("2024-12-20"))
    assert (span.shortest, span.longest) == (295, 303)
    assert str(span) == "295–303 days"


def test_the_time_between_exact_dates_is_one_number():
    assert (
        str(dates.days_between(dates.read("2024-01-01"), dates.read("2024-01-31"))) == "30 days"
    )


@pytest.mark.parametrize(
    ("text", "korean"),
    [
        ("2024-02-21/2024-02-29", "2024년 2월 하순"),
        ("2024-03-01/2024-03-10", "2024년 3월 상순"),
        ("2024-03-11/2024-03-20", "2024년 3월 중순"),
        ("2024-07", "2024년 7월"),
        ("2025-03-04", "2025년 3월 4일"),
        ("2024", "2024년"),
        ("2025-01/2025-03", "2025년 초"),
        ("2024-09/2024-12", "2024년 말"),
        ("2024-05/2024-08", "2024년 5–8월"),
        ("2024-03-05/2024-03-08", "2024년 3월 5–8일"),
        ("2024-12-20/2025-01-05", "2024년 12월 20일부터 2025년 1월 5일 사이"),
    ],
)
def test_korean_pages_say_dates_in_korean(text, korean):
    date = dates.read(text)
    english = date.words
    with translation.override("ko"):
        assert date.words == korean
    assert date.words == english  # the English words are what they were


@pytest.mark.parametrize(
    "korean", ["2024년 2월 하순", "2024년 3월 중순", "2025년 3월 4일", "2025년 초", "2024년 7월"]
)
def test_korean_words_read_back_as_the_same_days(korean):
    with translation.override("ko"):
        assert dates.read(korean).words == korean


def test_korean_pages_count_days_in_korean():
    built = dates.days_between(dates.read("late February 2024"), dates.read("2024-12-20"))
    assert str(built) == "295–303 days"
    with translation.override("ko"):
        assert str(built) == "295–303일"
