"""Each measured view written the plain way, for the benchmark's idiomatic column.

Plain means what a Django engineer writes first: `select_related` / `prefetch_related`, the
serializer or the template as they are, `reverse()` for every address, no packing. A fast
path in the app stays only where it beats its plain version here by at least 1.5× in the
same run (README, "Performance").

The plain versions of views whose code is shared with the app run the app's view under
`plain()`, which swaps the fast parts for their plain equivalents for the length of a `with`;
views with a code path of their own have a plain subclass served under /bench/plain/
(bench/urls.py).
"""

import contextlib
from unittest import mock

from django.db.models import Prefetch
from django.urls import reverse
from django.views.generic import DetailView
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import mixins

from events import chronology
from events.models import Ceremony, GuidanceVisit, Photo, Source
from regiondev import links
from sites.api import FactoryViewSet
from sites.models import County, Factory
from sites.views import CountyDetailView

SOURCE_ORDER = Source._meta.ordering


def sources_prefetch(path: str = "sources") -> Prefetch:
    return Prefetch(path, Source.objects.order_by(*SOURCE_ORDER), to_attr="source_list")


def photos_prefetch() -> Prefetch:
    return Prefetch(
        "photos", Photo.objects.select_related("source").order_by("pk"), to_attr="photo_list"
    )


def with_details(queryset, *, photos: bool = False):
    """`events.chronology.with_details`, by prefetch_related."""
    relations = [
        Prefetch("factories", Factory.objects.order_by("name", "pk"), to_attr="factory_list"),
        sources_prefetch(),
    ]
    if photos:
        relations.append(photos_prefetch())
    return queryset.select_related("county__province", "province").prefetch_related(*relations)


def unpacked(event, category: str):
    event.category = category
    if not hasattr(event, "photo_list"):
        event.photo_list = []
    return event


def plain_reverse(prefix, urlconf, view_name, args):
    return reverse(view_name, args=args)


@contextlib.contextmanager
def plain():
    """The app's views with every address reversed per link and events by prefetch_related."""
    with (
        mock.patch.object(links, "_reverse", plain_reverse),
        mock.patch.object(chronology, "with_details", with_details),
        mock.patch.object(chronology, "unpacked", unpacked),
    ):
        yield


class PlainFactoryViewSet(FactoryViewSet):
    """The factory list by FactorySerializer and django-filter's own backend."""

    filter_backends = [DjangoFilterBackend]
    list = mixins.ListModelMixin.list


class PlainCountyDetailView(CountyDetailView):
    """The county page by prefetch_related."""

    queryset = County.objects.select_related("province").prefetch_related(sources_prefetch())

    def get_context_data(self, **kwargs):
        context = DetailView.get_context_data(self, **kwargs)
        county = self.object
        first_factories = list(
            county.factories.prefetch_related(sources_prefetch(), photos_prefetch()).order_by(
                "name", "pk"
            )[: self.shown_factories + 1]
        )
        factories = first_factories[: self.shown_factories]
        latest = sorted(
            (
                unpacked(event, category)
                for category, model in (("ceremony", Ceremony), ("visit", GuidanceVisit))
                for event in with_details(
                    model.objects.filter(county=county), photos=True
                ).order_by("-date_lower", "-date_upper", "-id")[: self.shown_events + 1]
            ),
            key=lambda event: (event.date_lower, event.date_upper, event.pk),
            reverse=True,
        )
        events = chronology.timeline_order(latest[: self.shown_events])
        photos = {
            photo.pk: photo
            for photo in [
                *(photo for factory in factories for photo in factory.photo_list),
                *(photo for event in events for photo in event.photo_list),
            ]
        }
        photos = sorted(photos.values(), key=chronology.by_pk, reverse=True)[: self.shown_photos]
        cited = [
            *county.source_list,
            *(source for f in factories for source in f.source_list),
            *(source for event in events for source in event.source_list),
            *(photo.source for photo in photos),
        ]
        context.update(
            factories=factories,
            more_factories=len(first_factories) > self.shown_factories,
            events=events,
            more_events=len(latest) > self.shown_events,
            photos=photos,
            sources=sorted({s.pk: s for s in cited}.values(), key=chronology.newest_first),
        )
        return context
