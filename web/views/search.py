"""Search across places and events, by any spelling of a place."""

import difflib

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from events.chronology import (
    event_rows,
    load_events,
)
from events.models import (
    EVENT_ORDER,
    Ceremony,
    GuidanceVisit,
    Person,
)
from sites.models import County, Factory, Province
from sites.search import search_key


class SearchView(TemplateView):
    """Places, factories, people and events by any spelling, through the one search rule."""

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
            "People": _("People"),
        }
        groups = [
            ("Counties", list(County.objects.search(query).select_related("province")[:limit])),
            ("Provinces", list(Province.objects.search(query)[:limit])),
            (
                "Factories",
                list(
                    Factory.objects.search(query)
                    .public()
                    .select_related("county__province")[:limit]
                ),
            ),
            ("People", list(Person.objects.search(query)[:limit])),
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
