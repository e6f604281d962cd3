"""Public pages for events and sources."""

from collections import defaultdict
from itertools import islice

from django import forms
from django.db.models import Q
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from events.choices import CeremonyKind, VisitKind
from events.chronology import (
    CHUNK,
    DEFAULT_SORT,
    event_rows,
    every_event,
    load_events,
    marked,
    sorted_by,
    timeline,
    with_details,
)
from events.claims import with_claims
from events.filters import CeremonyFilterSet, GuidanceVisitFilterSet, SourceFilterSet
from events.models import Appearance, Ceremony, Citation, GuidanceVisit, Photo, Source
from regiondev.api.renderers import csv_lines
from regiondev.lists import (
    FilteredListView,
    active_filters,
    blank_free,
    shown_fields,
    unshown_errors,
    usable,
)

OTHER = "other"

# What each order of the events list is called in its select (SORTS, both ways; the list's
# own order, DEFAULT_SORT, is the one an address names no order for).
SORT_LABELS = {
    "": gettext_lazy("newest first"),
    "date": gettext_lazy("oldest first"),
    "kind": gettext_lazy("ceremonies first, by kind"),
    "-kind": gettext_lazy("visits first, by kind"),
    "place": gettext_lazy("place, A to Z"),
    "-place": gettext_lazy("place, Z to A"),
    "-leader": gettext_lazy("leader present first"),
    "leader": gettext_lazy("leader present last"),
    "-sources": gettext_lazy("most sources first"),
    "sources": gettext_lazy("fewest sources first"),
}
# The events list's filters as its form shows them, the page's own among the FilterSet's.
SHOWN_FILTERS = [
    "q",
    "kind",
    "programme_year",
    "province",
    "county",
    "leader_present",
    "date_after",
    "date_before",
    "ordering",
]
PAGE_FIELDS = ("kind", "ordering")


class EventPageForm(forms.Form):
    """What the events page adds to the two FilterSets: one kind list for both tables, and
    an order across them."""

    kind = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Kind"),
        choices=[
            ("", gettext_lazy("any")),
            (gettext_lazy("Ceremonies"), [(k.value, k.label) for k in CeremonyKind if k != OTHER]),
            (
                gettext_lazy("Guidance visits"),
                [(k.value, k.label) for k in VisitKind if k != OTHER],
            ),
            (OTHER, gettext_lazy("other ceremony or visit")),
        ],
    )
    ordering = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Order"),
        choices=[(value, SORT_LABELS[value]) for value in SORT_LABELS],
    )


class EventFilters:
    """The events list's filters, read from a request: the API's two FilterSets and the page's
    own fields. The page and its CSV read the same list through it.

    A kind belongs to one table, so the other table's FilterSet refuses it: that table then
    contributes nothing, which is exactly the list asked for.
    """

    def __init__(self, request):
        self.params = blank_free(request.GET)
        self.page_form = EventPageForm(self.params)
        self.page_form.is_valid()
        self.api_params = self.params.copy()
        self.api_params.pop("ordering", None)
        self.filtersets = [
            CeremonyFilterSet(self.api_params or None, queryset=Ceremony.objects.all()),
            GuidanceVisitFilterSet(self.api_params or None, queryset=GuidanceVisit.objects.all()),
        ]
        self.errors = self.filter_errors()
        self.sort = self.page_form.cleaned_data.get("ordering") or DEFAULT_SORT

    def filter_errors(self) -> dict:
        """Errors a person must fix; a kind one table does not have is no error."""
        errors = dict(self.page_form.errors)
        kind_known = "kind" not in self.page_form.errors
        for filterset in self.filtersets:
            if filterset.is_bound and not filterset.is_valid():
                for name, messages in filterset.form.errors.items():
                    if not (name == "kind" and kind_known):
                        errors.setdefault(name, messages)
        return errors

    def rows(self):
        """The `event_rows` of the list asked for, in its order; none while a filter is wrong."""
        ceremonies, visits = (
            filterset.qs if usable(filterset) and not self.errors else filterset.queryset.none()
            for filterset in self.filtersets
        )
        korean = (get_language() or "").startswith("ko")
        return event_rows(ceremonies, visits, sort=self.sort, korean=korean).order_by(
            *sorted_by(self.sort)
        )

    def shown_fields(self) -> list:
        names = [name for name in SHOWN_FILTERS if name not in PAGE_FIELDS]
        fields = dict(zip(names, shown_fields(self.filtersets[0], names), strict=True))
        return [
            self.page_form[name] if name in PAGE_FIELDS else fields[name] for name in SHOWN_FILTERS
        ]


class EventListView(ListView):
    """Ceremonies and guidance visits together as one table, newest first or as sorted."""

    template_name = "events/event_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.filters = EventFilters(self.request)
        return self.filters.rows()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        query = filters.params.urlencode()
        context.update(
            events=load_events(context["object_list"]),
            filter_fields=filters.shown_fields(),
            filter_errors=unshown_errors(filters.errors, SHOWN_FILTERS),
            active_filters=active_filters(
                filters.params,
                filters.page_form,
                *(filterset.form for filterset in filters.filtersets),
            ),
            csv_links=[]
            if filters.errors
            else [(_("these events"), f"{reverse('events:event-csv')}?{query}".rstrip("?"))],
            default_sort=DEFAULT_SORT,
        )
        return context


EVENT_CSV_COLUMNS = [
    (name,)
    for name in (
        "url",
        "category",
        "kind",
        "date",
        "date_in_words",
        "date_lower",
        "date_upper",
        "place",
        "county",
        "province",
        "factories",
        "leader_present",
        "people",
        "sources",
    )
]


def with_people(events):
    """The events, each with `people_names`: who the sources name there, speakers (or those
    leading) first; one query per CHUNK events."""
    events = iter(events)
    while chunk := list(islice(events, CHUNK)):
        wanted = Q(ceremony__in=[e.pk for e in chunk if e.category == "ceremony"]) | Q(
            visit__in=[e.pk for e in chunk if e.category == "visit"]
        )
        names: dict = defaultdict(dict)
        appearances = Appearance.objects.filter(wanted).select_related("person")
        for appearance in appearances.order_by("-role", "person__name", "pk"):
            key = (
                ("ceremony", appearance.ceremony_id)
                if appearance.ceremony_id
                else ("visit", appearance.visit_id)
            )
            names[key][appearance.person.name] = None
        for event in chunk:
            event.people_names = list(names[(event.category, event.pk)])
            yield event


def event_csv_row(event, absolute) -> dict:
    """One event as a row of the events CSV: the table's columns and the data behind them."""
    province = event.province or (event.county.province if event.county else None)
    return {
        "url": absolute(event.get_absolute_url()),
        "category": event.category,
        "kind": event.kind,
        "date": event.date,
        "date_in_words": event.date_in_words,
        "date_lower": event.date_lower,
        "date_upper": event.date_upper,
        "place": event.place,
        "county": event.county.slug if event.county else "",
        "province": province.slug if province else "",
        "factories": [factory.name for factory in event.factory_list],
        "leader_present": "yes" if event.leader_present else "no",
        "people": getattr(event, "people_names", []),
        "sources": len(event.source_list),
    }


def csv_response(filename: str, columns, rows) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        csv_lines(columns, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_csv(request):
    """The events list as CSV: every event its filters keep, in its order, in one file."""
    filters = EventFilters(request)
    if filters.errors:
        lines = [
            f"{name}: {message}"
            for name, messages in filters.errors.items()
            for message in messages
        ]
        return HttpResponseBadRequest("\n".join(lines), content_type="text/plain; charset=utf-8")
    rows = (
        event_csv_row(event, request.build_absolute_uri)
        for event in with_people(every_event(filters.rows()))
    )
    return csv_response("events.csv", EVENT_CSV_COLUMNS, rows)


CITATION_CSV_COLUMNS = [
    (name,)
    for name in (
        "record_type",
        "record_url",
        "record",
        "record_date",
        "record_leader_present",
        "source_url",
        "source",
        "publisher",
        "source_published",
        "date_as_written",
        "date_claimed",
        "leader_present_claimed",
        "place_as_written",
        "facilities_as_written",
        "quote",
        "note",
        "record_follows_this_claim",
    )
]


def citation_csv_row(citation, absolute) -> dict:
    record = citation.record
    leader = getattr(record, "leader_present", None)
    return {
        "record_type": record._meta.model_name,
        "record_url": absolute(record.get_absolute_url()),
        "record": str(record),
        "record_date": getattr(record, "date", ""),
        "record_leader_present": {True: "yes", False: "no"}.get(leader, ""),
        "source_url": absolute(citation.source.get_absolute_url()),
        "source": citation.source.display_title,
        "publisher": citation.source.publisher,
        "source_published": citation.source.published,
        "date_as_written": citation.date_as_written,
        "date_claimed": citation.date,
        "leader_present_claimed": citation.leader_present,
        "place_as_written": citation.place_as_written,
        "facilities_as_written": citation.facilities_as_written,
        "quote": citation.quote,
        "note": citation.note,
        "record_follows_this_claim": "yes" if citation.follows else "no",
    }


def citation_csv(request):
    """Every citation: which source says what about which record, and the claim it follows."""
    citations = Citation.objects.select_related(
        "source",
        "ceremony__county__province",
        "ceremony__province",
        "visit__county__province",
        "visit__province",
        "factory__county",
    ).order_by("pk")
    rows = (
        citation_csv_row(citation, request.build_absolute_uri)
        for citation in citations.iterator(chunk_size=CHUNK)
    )
    return csv_response("citations.csv", CITATION_CSV_COLUMNS, rows)


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    category = ""

    def get_object(self, queryset=None):
        (event,) = with_claims([marked(super().get_object(queryset), self.category)])
        return event

    def get_context_data(self, **kwargs):
        """The people there, speakers (or those leading) first, each with what every source
        says of them."""
        context = super().get_context_data(**kwargs)
        people: dict = {}
        appearances = self.object.appearances.select_related("person", "source")
        for appearance in appearances.order_by("-role", "person__name", "pk"):
            people.setdefault(appearance.person, []).append(appearance)
        context["people"] = list(people.items())
        return context


class CeremonyDetailView(EventDetailView):
    queryset = with_details(Ceremony.objects.all(), photos=True)  # public ones only
    category = "ceremony"


class GuidanceVisitDetailView(EventDetailView):
    queryset = with_details(GuidanceVisit.objects.all(), photos=True)
    category = "visit"


class SourceListView(FilteredListView):
    filterset_class = SourceFilterSet
    queryset = Source.objects.all()
    template_name = "events/source_list.html"
    api_list = "api:source-list"
    shown_filters = ["q", "publisher", "published_after", "published_before"]


class SourceDetailView(DetailView):
    model = Source

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.object
        context.update(
            claims=source.citations.select_related(
                "ceremony__county__province",
                "ceremony__province",
                "visit__county__province",
                "visit__province",
                "factory__county",
            ).order_by("pk"),
            counties=source.counties.select_related("province"),
            factories=source.factories.select_related("county__province"),
            events=timeline(source.ceremonies.all(), source.guidance_visits.all()),
            photos=Photo.objects.filter(source=source).select_related("source"),
        )
        return context
