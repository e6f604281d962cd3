"""The programme's years side by side: what each year's counties have started and finished.

Construction times are ranges where either date is vague ("295–303 days"), so a year's median
and extremes are ranges too: the median of the shortest times beside the median of the
longest, and from the least any factory may have taken to the most.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count

from regiondev.dates import DayRange, FuzzyDate, days_between
from sites.choices import PROGRAMME_YEARS
from sites.models import County, Factory


@dataclass
class YearFigures:
    year: int
    counties: int = 0
    started: set = field(default_factory=set)  # counties with a groundbreaking
    inaugurated: set = field(default_factory=set)  # counties with an inauguration
    built_in: list[DayRange] = field(default_factory=list)

    @property
    def counties_started(self) -> int:
        return len(self.started)

    @property
    def counties_inaugurated(self) -> int:
        return len(self.inaugurated)

    @property
    def median_days(self) -> DayRange | None:
        if not self.built_in:
            return None
        return DayRange(
            shortest=round(statistics.median(days.shortest for days in self.built_in)),
            longest=round(statistics.median(days.longest for days in self.built_in)),
        )

    @property
    def days_range(self) -> DayRange | None:
        if not self.built_in:
            return None
        return DayRange(
            shortest=min(days.shortest for days in self.built_in),
            longest=max(days.longest for days in self.built_in),
        )


def year_comparison() -> list[YearFigures]:
    """Every programme year, 2024 to 2033, zeros included; two queries."""
    figures = {year: YearFigures(year) for year in PROGRAMME_YEARS}
    counted = (
        County.objects.filter(programme_year__isnull=False)
        .values_list("programme_year")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for year, count in counted:
        figures[year].counties = count
    rows = (
        Factory.objects.public()
        .filter(county__programme_year__isnull=False)
        .values_list(
            "county__programme_year",
            "county_id",
            "groundbreaking_date",
            "groundbreaking_lower",
            "groundbreaking_upper",
            "inauguration_date",
            "inauguration_lower",
            "inauguration_upper",
        )
    )
    by_year = defaultdict(list)
    for year, county_id, *dates in rows:
        by_year[year].append((county_id, dates))
    for year, factories in by_year.items():
        for county_id, (gb_text, gb_lower, gb_upper, in_text, in_lower, in_upper) in factories:
            if gb_text:
                figures[year].started.add(county_id)
            if in_text:
                figures[year].inaugurated.add(county_id)
            if gb_text and in_text:
                figures[year].built_in.append(
                    days_between(
                        FuzzyDate(gb_text, gb_lower, gb_upper),
                        FuzzyDate(in_text, in_lower, in_upper),
                    )
                )
    return list(figures.values())
