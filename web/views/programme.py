"""The programme at a glance: the home page, the map and each programme year."""

from collections import Counter

from django import forms
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from events.choices import CeremonyKind
from events.chronology import (
    event_rows,
    load_events,
)
from events.models import (
    Ceremony,
    GuidanceVisit,
    Source,
    in_event_order,
)
from regiondev.caching import CachedPageMixin
from regiondev.lists import named
from sites import charts, maps
from sites.choices import PROGRAMME_YEARS, FactoryStatus
from sites.models import County, Factory, Province, public_factories
from sites.programme import year_comparison

COUNTIES_A_YEAR = 20


class HomeView(CachedPageMixin, TemplateView):
    template_name = "sites/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Every county, for the map; the programme's among them, for the grid and chart.
        counties = list(
            with_map_status(County.objects.all()).order_by("programme_year", "name", "pk")
        )
        programme = [county for county in counties if county.programme_year is not None]
        per_year = Counter(county.programme_year for county in programme)
        # The programme's factories only: Kimhwa's pilots of 2020–22 are recorded, not counted.
        statuses = dict(
            Factory.objects.public()
            .filter(in_programme=True)
            .values_list("status")
            .annotate(count=Count("pk"))
        )
        points = map_points(counties)
        counties_url, factories_url = reverse("sites:county-list"), reverse("sites:factory-list")
        context.update(
            grid=programme_grid(programme),
            year_chart=charts.column_chart(
                [
                    charts.Bar(str(year), per_year[year], f"{counties_url}?programme_year={year}")
                    for year in PROGRAMME_YEARS
                ],
                chart_id="chart-years",
                title=_("Counties recorded per programme year"),
                target=COUNTIES_A_YEAR,
            ),
            per_year=[(year, per_year[year]) for year in PROGRAMME_YEARS],
            status_counts=[
                (status.value, status.label, statuses.get(status, 0)) for status in FactoryStatus
            ],
            status_chart=charts.bar_chart(
                [
                    charts.Bar(
                        status.label,
                        statuses.get(status, 0),
                        f"{factories_url}?status={status.value.replace(' ', '+')}",
                        status.value.replace(" ", "-"),
                    )
                    for status in FactoryStatus
                ],
                chart_id="chart-status",
                title=_("Factories of the programme by status"),
            ),
            programme_count=len(programme),
            programme_target=COUNTIES_A_YEAR * len(PROGRAMME_YEARS),
            factory_count=sum(statuses.values()),
            latest_events=load_events(
                event_rows(Ceremony.objects.all(), GuidanceVisit.objects.all()).order_by(
                    *in_event_order(newest_first=True)
                )[:6]
            ),
            source_count=Source.objects.count(),
            county_map=maps.county_map(
                points,
                map_id="map-home",
                title=_("Counties of the programme on the map, by year and status"),
            ),
            marked=maps.numbered(points),
        )
        return context


def with_map_status(counties):
    """Counties with their province, and their factories counted by status for the map."""

    def factories_in(status):
        return Count("factories", filter=Q(factories__status=status) & public_factories())

    return counties.select_related("province").annotate(
        operating=factories_in(FactoryStatus.OPERATING),
        building=factories_in(FactoryStatus.UNDER_CONSTRUCTION),
        planned=factories_in(FactoryStatus.PLANNED),
    )


def map_points(counties, *, year: int | None = None) -> list[maps.Place]:
    """The counties (from `with_map_status`) as the map draws them; programme counties (of
    `year` only, if given) marked by their year and the furthest their factories have come."""
    return [
        maps.place_of(
            county,
            href=county.get_absolute_url(),
            programme_year=county.programme_year if year in (None, county.programme_year) else None,
            status=maps.furthest_status(county.operating, county.building, county.planned),
        )
        for county in counties
    ]


class MapForm(forms.Form):
    year = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", gettext_lazy("every year")), *((year, year) for year in PROGRAMME_YEARS)],
        label=gettext_lazy("Programme year"),
    )
    province = forms.ModelChoiceField(
        Province.objects.exclude(iso_code=None),
        required=False,
        to_field_name="slug",
        empty_label=gettext_lazy("the whole country"),
        label=gettext_lazy("Province"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].label_from_instance = named


class MapView(CachedPageMixin, TemplateView):
    """Every county; the programme's counties marked, of one year if asked; the whole country
    or one province."""

    template_name = "sites/map.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = MapForm(self.request.GET or None)
        form.is_valid()  # a choice that is not one is left out, the others still apply
        chosen = getattr(form, "cleaned_data", {})
        year, province = chosen.get("year"), chosen.get("province")
        points = map_points(with_map_status(County.objects.order_by("name", "pk")), year=year)
        area = province.iso_code if province else None
        title = (
            _("Counties of programme year %(year)s") % {"year": year}
            if year
            else _("Counties of the programme")
        )
        if province:
            title = f"{title}: {named(province)}"
        context.update(
            form=form,
            year=year,
            province=province,
            marked=maps.numbered(points, province=area),
            county_map=maps.county_map(points, map_id="map", title=title, province=area),
        )
        return context


def programme_grid(programme: list[County]) -> list[dict]:
    """Ten years of twenty slots: each a county recorded for that year, or an open slot."""
    grid = []
    for year in PROGRAMME_YEARS:
        counties = [county for county in programme if county.programme_year == year]
        grid.append(
            {
                "year": year,
                "counties": counties,
                "open_slots": range(max(COUNTIES_A_YEAR - len(counties), 0)),
            }
        )
    return grid


class ProgrammeYearView(CachedPageMixin, TemplateView):
    """One programme year's counties and factories, beside every other year's figures."""

    template_name = "sites/programme_year.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = self.kwargs["year"]
        if year not in PROGRAMME_YEARS:
            raise Http404(f"The programme runs from {PROGRAMME_YEARS[0]} to {PROGRAMME_YEARS[-1]}.")
        counties = list(
            County.objects.filter(programme_year=year)
            .select_related("province")
            .order_by("name", "pk")
        )
        factories_by_county: dict[int, list] = {}
        for factory in (
            Factory.objects.public()
            .filter(county__programme_year=year)
            .order_by("groundbreaking_lower", "name", "pk")
        ):
            factories_by_county.setdefault(factory.county_id, []).append(factory)
        comparison = year_comparison()
        points = map_points(with_map_status(County.objects.order_by("name", "pk")), year=year)
        # The policy's own milestones of the year: records of no county, with their sources.
        milestones = Ceremony.objects.filter(
            kind=CeremonyKind.OTHER, county=None, province=None, date_lower__year=year
        )
        context.update(
            year=year,
            milestones=load_events(
                event_rows(milestones, GuidanceVisit.objects.none()).order_by(*in_event_order())
            ),
            counties=[
                {"county": county, "factories": factories_by_county.get(county.pk, [])}
                for county in counties
            ],
            figures=next(row for row in comparison if row.year == year),
            comparison=comparison,
            open_slots=max(COUNTIES_A_YEAR - len(counties), 0),
            previous_year=year - 1 if year - 1 in PROGRAMME_YEARS else None,
            next_year=year + 1 if year + 1 in PROGRAMME_YEARS else None,
            county_map=maps.county_map(
                points,
                map_id="map-year",
                title=_("Counties of programme year %(year)s") % {"year": year},
            ),
            marked=maps.numbered(points),
            years=PROGRAMME_YEARS,
        )
        return context
