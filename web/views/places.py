"""Public pages of places: provinces, counties and factories, each with its events."""

from django.db.models import Count, Prefetch, Q
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

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
    source_sort_key,
)
from regiondev.caching import CachedPageMixin
from regiondev.dates import days_between
from regiondev.lists import FilteredListView, named
from sites import charts, maps
from sites.filters import CountyFilterSet, FactoryFilterSet
from sites.models import County, Factory, Province, public_factories


class ProvinceListView(ListView):
    queryset = Province.objects.annotate(
        county_count=Count("counties", distinct=True),
        programme_count=Count(
            "counties", filter=Q(counties__programme_year__isnull=False), distinct=True
        ),
        factory_count=Count(
            "counties__factories",
            filter=public_factories("counties__factories"),
            distinct=True,
        ),
    ).order_by("iso_code", "name")


class ProvinceDetailView(CachedPageMixin, DetailView):
    model = Province

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        province = self.object
        counties = list(
            province.counties.annotate(
                factory_count=Count("factories", filter=public_factories())
            ).order_by("name")
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
        .annotate(factory_count=Count("factories", filter=public_factories()))
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
            county.factories.public()
            .prefetch_related(
                Prefetch("sources", Source.objects.order_by(*SOURCE_ORDER), to_attr="source_list"),
                photos_prefetch(),
            )
            .order_by("name", "pk")[: self.shown_factories + 1]
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
    queryset = Factory.objects.public().select_related("county__province")
    template_name = "sites/factory_list.html"
    api_list = "api:factory-list"
    shown_filters = ["q", "province", "status", "sector", "programme_year"]


class FactoryDetailView(CachedPageMixin, DetailView):
    queryset = (
        Factory.objects.public()
        .select_related("county__province")
        .prefetch_related(
            "sources", Prefetch("photos", queryset=Photo.objects.public().select_related("source"))
        )
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
        title=_("Timeline of %(factory)s") % {"factory": named(factory)},
        band=band,
    )
