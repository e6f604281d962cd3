"""Public pages for places: the programme, provinces, counties, factories, and search."""

import difflib
from collections import Counter

from django import forms
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView, TemplateView

from events.chronology import (
    event_rows,
    load_events,
    marked,
    photos_prefetch,
    timeline,
    with_details,
)
from events.claims import with_claims
from events.models import (
    EVENT_ORDER,
    SOURCE_ORDER,
    Ceremony,
    GuidanceVisit,
    Photo,
    Source,
    chronological_key,
    in_event_order,
    source_sort_key,
)
from regiondev.caching import CachedPageMixin
from regiondev.lists import FilteredListView
from sites import charts, maps
from sites.choices import PROGRAMME_YEARS, FactoryStatus
from sites.filters import CountyFilterSet, FactoryFilterSet
from sites.models import County, Factory, Province
from sites.programme import year_comparison
from sites.search import search_key
from sites.templatetags.pages import named

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
        statuses = dict(Factory.objects.values_list("status").annotate(count=Count("pk")))
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
                title=_("Factories by status"),
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
        return Count("factories", filter=Q(factories__status=status))

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
        for factory in Factory.objects.filter(county__programme_year=year).order_by(
            "groundbreaking_lower", "name", "pk"
        ):
            factories_by_county.setdefault(factory.county_id, []).append(factory)
        comparison = year_comparison()
        points = map_points(with_map_status(County.objects.order_by("name", "pk")), year=year)
        context.update(
            year=year,
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


class ProvinceListView(ListView):
    queryset = Province.objects.annotate(
        county_count=Count("counties", distinct=True),
        programme_count=Count(
            "counties", filter=Q(counties__programme_year__isnull=False), distinct=True
        ),
        factory_count=Count("counties__factories", distinct=True),
    ).order_by("iso_code", "name")


class ProvinceDetailView(CachedPageMixin, DetailView):
    model = Province

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        province = self.object
        counties = list(
            province.counties.annotate(factory_count=Count("factories")).order_by("name")
        )
        context.update(
            counties=counties,
            programme_counties=sorted(
                (county for county in counties if county.programme_year),
                key=lambda county: (county.programme_year, county.name),
            ),
            events=load_events(
                event_rows(
                    Ceremony.objects.filter(province=province),
                    GuidanceVisit.objects.filter(province=province),
                ).order_by(*EVENT_ORDER)
            ),
        )
        return context


class CountyListView(FilteredListView):
    filterset_class = CountyFilterSet
    queryset = (
        County.objects.select_related("province")
        .annotate(factory_count=Count("factories"))
        .order_by("name", "pk")
    )
    template_name = "sites/county_list.html"
    api_list = "api:county-list"
    shown_filters = ["q", "province", "kind", "programme_year", "in_programme"]


class CountyDetailView(CachedPageMixin, DetailView):
    """A county with its first factories and latest events; the lists link to the rest.

    A county may hold hundreds of factories and thousands of events over the years, so the
    page shows a bounded part of each (one row more is read to know whether to link on).
    """

    queryset = County.objects.select_related("province").prefetch_related(
        Prefetch("sources", Source.objects.order_by(*SOURCE_ORDER), to_attr="source_list")
    )
    shown_factories = 50
    shown_events = 50
    shown_photos = 12

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        county = self.object
        first_factories = list(
            county.factories.prefetch_related(
                Prefetch("sources", Source.objects.order_by(*SOURCE_ORDER), to_attr="source_list"),
                photos_prefetch(),
            ).order_by("name", "pk")[: self.shown_factories + 1]
        )
        factories = first_factories[: self.shown_factories]
        # The latest of each kind, then the latest of both: a query (and its prefetches) a kind.
        latest = sorted(
            (
                marked(event, category)
                for category, model in (("ceremony", Ceremony), ("visit", GuidanceVisit))
                for event in with_details(
                    model.objects.filter(county=county).chronological(newest_first=True),
                    photos=True,
                    claims=True,
                )[: self.shown_events + 1]
            ),
            key=chronological_key,
            reverse=True,
        )
        events = latest[: self.shown_events][::-1]
        photos = {
            photo.pk: photo
            for photo in [
                *(photo for factory in factories for photo in factory.photo_list),
                *(photo for event in events for photo in event.photo_list),
            ]
        }
        photos = sorted(photos.values(), key=lambda photo: photo.pk, reverse=True)
        cited = [
            *county.source_list,
            *(source for factory in factories for source in factory.source_list),
            *(source for event in events for source in event.source_list),
            *(photo.source for photo in photos[: self.shown_photos]),
        ]
        context.update(
            factories=factories,
            more_factories=len(first_factories) > self.shown_factories,
            events=events,
            more_events=len(latest) > self.shown_events,
            photos=photos[: self.shown_photos],
            sources=sorted({s.pk: s for s in cited}.values(), key=source_sort_key),
            county_map=county_locator(county),
        )
        return context


def county_locator(county: County):
    """The county in its province, small; '' when the map has neither its shape nor its seat."""
    place = maps.place_of(county, current=True)
    if not maps.drawn([place]):
        return ""
    return maps.county_map(
        [place],
        map_id="map-county",
        title=_("Where %(name)s lies") % {"name": named(county)},
        province=place.province,
        numbers=False,
    )


class FactoryListView(FilteredListView):
    filterset_class = FactoryFilterSet
    queryset = Factory.objects.select_related("county__province")
    template_name = "sites/factory_list.html"
    api_list = "api:factory-list"
    shown_filters = ["q", "province", "status", "sector", "programme_year"]


class FactoryDetailView(CachedPageMixin, DetailView):
    queryset = Factory.objects.select_related("county__province").prefetch_related(
        "sources", Prefetch("photos", queryset=Photo.objects.select_related("source"))
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        factory = self.object
        events = timeline(factory.ceremonies.all(), factory.guidance_visits.all(), photos=True)
        factory.category = "factory"
        with_claims([factory, *events])  # one query for the factory's claims and its events'
        context.update(
            steps=with_gaps(events),
            timeline_chart=factory_chart(factory, events),
        )
        return context


def with_gaps(events: list) -> list[dict]:
    """Each event with the time since the one before, as the bounds of both dates allow."""
    from events.dates import days_between

    steps = []
    for previous, event in zip([None, *events], events, strict=False):
        gap = ""
        if previous is not None:
            if event.date_lower > previous.date_upper:
                gap = _("%(days)s later") % {
                    "days": days_between(previous.fuzzy_date, event.fuzzy_date)
                }
            else:
                gap = _("at about the same time; the dates overlap, so the order is not certain")
        steps.append({"event": event, "gap": gap})
    return steps


def factory_chart(factory: Factory, events: list):
    if not events:
        return ""
    spans = [
        charts.Span(
            f"{event.get_kind_display().capitalize()}, {event.date_in_words}",
            event.date_lower,
            event.date_upper,
            event.kind if event.kind in ("groundbreaking", "inauguration") else "",
        )
        for event in events
    ]
    band = None
    if factory.groundbreaking and factory.inauguration:
        groundbreaking, inauguration = factory.groundbreaking, factory.inauguration
        band = charts.Band(
            _("Construction: %(days)s") % {"days": factory.construction_time},
            charts.Span("", groundbreaking.lower, groundbreaking.upper),
            charts.Span("", inauguration.lower, inauguration.upper),
        )
    return charts.timeline_chart(
        spans,
        chart_id="chart-timeline",
        title=_("Timeline of %(factory)s") % {"factory": factory},
        band=band,
    )


class SearchView(TemplateView):
    """Places, factories and events by any spelling, through the one search rule."""

    template_name = "sites/search.html"
    limit = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        context["query"] = query
        if not query:
            return context
        if not search_key(query):
            context["unsearchable"] = True
            return context
        limit = self.limit + 1  # one more than shown tells whether there are more
        titles = {
            "Counties": _("Counties"),
            "Provinces": _("Provinces"),
            "Factories": _("Factories"),
            "Events": _("Events"),
        }
        groups = [
            ("Counties", list(County.objects.search(query).select_related("province")[:limit])),
            ("Provinces", list(Province.objects.search(query)[:limit])),
            (
                "Factories",
                list(Factory.objects.search(query).select_related("county__province")[:limit]),
            ),
            (
                "Events",
                load_events(
                    event_rows(
                        Ceremony.objects.search(query), GuidanceVisit.objects.search(query)
                    ).order_by(*EVENT_ORDER)[:limit]
                ),
            ),
        ]
        context["groups"] = [
            {
                "kind": kind,
                "title": titles[kind],
                "items": items[: self.limit],
                "more": len(items) > self.limit,
            }
            for kind, items in groups
            if items
        ]
        if not context["groups"]:
            context["suggestions"] = close_places(query)
        return context


def close_places(query: str, count: int = 5) -> list:
    """Places whose spellings come close to the query, for a search that found nothing."""
    key = search_key(query)
    places_by_key: dict[str, list] = {}
    for place in [*Province.objects.all(), *County.objects.select_related("province")]:
        for spelling in place.spellings():
            spelling_key = search_key(spelling)
            if spelling_key and place not in places_by_key.setdefault(spelling_key, []):
                places_by_key[spelling_key].append(place)
    suggestions = []
    for close in difflib.get_close_matches(key, places_by_key, n=count * 2, cutoff=0.7):
        for place in places_by_key[close]:
            if place not in suggestions:
                suggestions.append(place)
    return suggestions[:count]
