"""Public pages for events and sources."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from events.choices import CeremonyKind, VisitKind
from events.chronology import event_rows, load_events, marked, timeline, with_details
from events.claims import with_claims
from events.filters import CeremonyFilterSet, GuidanceVisitFilterSet, SourceFilterSet
from events.models import Ceremony, GuidanceVisit, Photo, Source, in_event_order
from regiondev.lists import (
    FilteredListView,
    active_filters,
    blank_free,
    csv_url,
    shown_fields,
    unshown_errors,
    usable,
)

OTHER = "other"


class EventPageForm(forms.Form):
    """The two filters the events page adds: one kind list for both tables, and a year."""

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
    year = forms.IntegerField(
        required=False,
        min_value=1900,
        max_value=2100,
        label=gettext_lazy("Year"),
        help_text=gettext_lazy("Events that may have happened in this year."),
    )
    order = forms.ChoiceField(
        required=False,
        label=gettext_lazy("Order"),
        choices=[("", gettext_lazy("newest first")), ("oldest", gettext_lazy("oldest first"))],
    )


class EventListView(ListView):
    """Ceremonies and guidance visits together, newest first (or oldest), on the API's two
    FilterSets.

    A kind belongs to one table, so the other table's FilterSet refuses it: that table then
    contributes nothing, which is exactly the list asked for.
    """

    template_name = "events/event_list.html"
    paginate_by = 50

    def get_queryset(self):
        self.params = blank_free(self.request.GET)
        self.page_form = EventPageForm(self.params)
        self.page_form.is_valid()
        data = self.params.copy()
        data.pop("year", None)
        data.pop("order", None)
        year = self.page_form.cleaned_data.get("year")
        if year:
            data.setdefault("date_after", f"{year:04d}-01-01")
            data.setdefault("date_before", f"{year:04d}-12-31")
        self.api_params = data
        self.filtersets = [
            CeremonyFilterSet(data or None, queryset=Ceremony.objects.all()),
            GuidanceVisitFilterSet(data or None, queryset=GuidanceVisit.objects.all()),
        ]
        self.errors = self.filter_errors()
        ceremonies, visits = (
            filterset.qs if usable(filterset) and not self.errors else filterset.queryset.none()
            for filterset in self.filtersets
        )
        oldest = self.page_form.cleaned_data.get("order") == "oldest"
        return event_rows(ceremonies, visits).order_by(*in_event_order(newest_first=not oldest))

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

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ceremony_filters, visit_filters = self.filtersets
        fields = shown_fields(ceremony_filters, ["q", "province", "leader_present"])
        context.update(
            events=load_events(context["object_list"]),
            filter_fields=[
                fields[0],
                self.page_form["kind"],
                self.page_form["year"],
                fields[1],
                fields[2],
                self.page_form["order"],
            ],
            filter_errors=unshown_errors(
                self.errors, ["q", "kind", "year", "province", "leader_present", "order"]
            ),
            active_filters=active_filters(
                self.params, self.page_form, ceremony_filters.form, visit_filters.form
            ),
            csv_links=[
                (label, csv_url(resource, self.api_params))
                for label, resource, filterset in (
                    (_("ceremonies"), "api:ceremony-list", ceremony_filters),
                    (_("guidance visits"), "api:guidance-visit-list", visit_filters),
                )
                if usable(filterset) and not self.errors
            ],
        )
        return context


class EventDetailView(DetailView):
    template_name = "events/event_detail.html"
    category = ""

    def get_object(self, queryset=None):
        (event,) = with_claims([marked(super().get_object(queryset), self.category)])
        return event


class CeremonyDetailView(EventDetailView):
    queryset = with_details(Ceremony.objects.all(), photos=True)
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
