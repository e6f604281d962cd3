"""Public pages of people: the list, and each person's appearances at events."""

from django.db.models import Count
from django.views.generic import DetailView

from events.filters import PersonFilterSet
from events.models import Appearance, Person, chronological_key
from regiondev.lists import FilteredListView

EVENT_PLACES = (
    "ceremony__county__province",
    "ceremony__province",
    "visit__county__province",
    "visit__province",
)


class PersonListView(FilteredListView):
    filterset_class = PersonFilterSet
    queryset = Person.objects.annotate(
        ceremony_count=Count("appearances__ceremony", distinct=True),
        visit_count=Count("appearances__visit", distinct=True),
    ).order_by("name", "pk")
    template_name = "events/person_list.html"
    api_list = "api:person-list"
    shown_filters = ["q"]


def appearances_by_event(appearances) -> list[dict]:
    """Each event once, in date order, with what every source says of the person there: the
    roles, the titles and the sources."""
    events: dict = {}
    for appearance in appearances:
        event = appearance.event
        event.category = "ceremony" if appearance.ceremony_id else "visit"
        entry = events.setdefault(
            (event._meta.model_name, event.pk), {"event": event, "appearances": []}
        )
        entry["appearances"].append(appearance)
    return sorted(events.values(), key=lambda entry: chronological_key(entry["event"]))


class PersonDetailView(DetailView):
    model = Person
    template_name = "events/person_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        appearances = Appearance.objects.filter(person=self.object).select_related(
            *EVENT_PLACES, "source"
        )
        context["events"] = appearances_by_event(appearances)
        return context
