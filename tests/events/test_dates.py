import datetime

import pytest
from django.core.exceptions import ValidationError

from events import dates


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
    parsed = dates.parse(text)
    assert parsed.lower == datetime.date.fromisoformat(lower)
    assert parsed.upper == datetime.date.fromisoformat(upper)
    assert parsed.words == words


@pytest.mark.parametrize(
    "text", ["late February 2024", "2024-13", "2024-02-30", "", "2024-12-20/2024-01-01"]
)
def test_text_that_is_not_edtf_is_refused_in_words(text):
    with pytest.raises(ValidationError) as error:
        dates.parse(text)
    message = error.value.messages[0]
    assert "2024-12-20" in message or "ends before it starts" in message


def test_the_time_between_uncertain_dates_is_a_range():
    span = dates.days_between(dates.parse("2024-02-21/2024-02-29"), dates.parse("2024-12-20"))
    assert (span.shortest, span.longest) == (295, 303)
    assert str(span) == "295–303 days"


def test_the_time_between_exact_dates_is_one_number():
    assert (
        str(dates.days_between(dates.parse("2024-01-01"), dates.parse("2024-01-31"))) == "30 days"
    )
