"""Events as Atom (for feed readers) and as iCalendar (for calendars), precision kept.

A source's "late February 2024" is not a day, so neither feed turns it into one: the Atom
entry says the date in words with its EDTF text. In the calendar an uncertain date is marked
as such (its summary says "date uncertain", STATUS:TENTATIVE, TRANSP:TRANSPARENT and
X-REGIONDEV-DATE-UNCERTAIN); known within a month, it spans every day it may mean (DTEND is
the day after the upper bound, as all-day events count it); vaguer ("2024"), it is one
all-day marker on its earliest possible day rather than a block over a whole season or year.
"""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.views import View
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.chronology import event_rows, load_events
from events.filters import CeremonyFilterSet, GuidanceVisitFilterSet
from events.models import EVENT_ORDER, Ceremony, GuidanceVisit
from regiondev.dates import in_words
from regiondev.lists import blank_free

FEED_LENGTH = 50
# The places one feed may be narrowed to, by slug, as the events list filters them.
PLACE_FILTERS = ("county", "province")
# The longest uncertain date a calendar entry spans: a month. A vaguer one is a marker.
LONGEST_SPAN_DAYS = 31


def dated(event) -> str:
    """The date in words, and the EDTF text it comes from where they differ in kind."""
    if event.date_lower == event.date_upper:
        if event.fuzzy_date.qualifier:
            return f"{event.date_in_words} (EDTF {event.date}, as the sources qualify it)"
        return event.date_in_words
    first, last = (in_words(day, day) for day in (event.date_lower, event.date_upper))
    return (
        f"{event.date_in_words} (EDTF {event.date}: any day from {first} to {last}; "
        "the sources give no exact day)"
    )


def headline(event) -> str:
    kind = event.get_kind_display().capitalize()
    return f"{kind} ceremony" if event.category == "ceremony" else kind


class EventAtomFeed(Feed):
    feed_type = Atom1Feed
    feed_title = "Regiondev: events of the Regional Development 20×10 Policy"
    subtitle = "Ceremonies and guidance visits as their sources date them, latest recorded first."
    author_name = "Regiondev"

    def get_object(self, request):
        """The events of one county or province (`?county=`, `?province=`, by slug, through
        the events' FilterSets), or of all of them; an unknown place is no feed."""
        query = blank_free(request.GET, drop=[n for n in request.GET if n not in PLACE_FILTERS])
        filtersets = [
            CeremonyFilterSet(query, queryset=Ceremony.objects.all()),
            GuidanceVisitFilterSet(query, queryset=GuidanceVisit.objects.all()),
        ]
        for filterset in filtersets:
            if not filterset.is_valid():
                raise Http404("; ".join(str(m) for ms in filterset.errors.values() for m in ms))
        places = [filtersets[0].form.cleaned_data[name] for name in query]
        return {
            "filtersets": filtersets,
            "places": [place for found in places for place in found],
            "query": query.urlencode(),
        }

    def title(self, obj):
        if not obj["places"]:
            return self.feed_title
        return f"Regiondev: events in {', '.join(str(place) for place in obj['places'])}"

    def link(self, obj):
        if len(obj["places"]) == 1:
            return obj["places"][0].get_absolute_url()
        return reverse("events:event-list")

    def feed_url(self, obj):
        url = reverse("events:feed-atom")
        return f"{url}?{obj['query']}" if obj["query"] else url

    def items(self, obj):
        ceremonies, visits = (filterset.qs for filterset in obj["filtersets"])
        rows = event_rows(ceremonies, visits)
        return load_events(rows.order_by("-updated_at", "-id")[:FEED_LENGTH])

    def item_title(self, item):
        return f"{headline(item)}, {item.place}, {item.date_in_words}"

    def item_description(self, item):
        sources = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((s.get_absolute_url(), s.display_title) for s in item.source_list),
        )
        return format_html(
            "<p>{}</p><p>Date: {}</p><p>Place: {}</p><p>Sources: {}</p>",
            item.summary or headline(item),
            dated(item),
            item.place,
            sources,
        )

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"tag:regiondev,2024:{item.category}/{item.pk}"

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]


class EventCalendarView(View):
    """Every event as an all-day VEVENT over the days its date may mean."""

    def get(self, request):
        calendar = Calendar()
        calendar.add("prodid", "-//Regiondev//Events of the 20x10 policy//EN")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", "Regiondev: 20×10 policy events")
        rows = event_rows(Ceremony.objects.all(), GuidanceVisit.objects.all())
        for event in load_events(rows.order_by(*EVENT_ORDER)):
            calendar.add_component(self.vevent(request, event))
        response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="regiondev-events.ics"'
        return response

    def vevent(self, request, event) -> CalendarEvent:
        entry = CalendarEvent()
        url = request.build_absolute_uri(event.get_absolute_url())
        entry.add("uid", f"{event.category}-{event.pk}@{request.get_host()}")
        entry.add("dtstamp", event.updated_at.astimezone(datetime.timezone.utc))
        uncertain = event.date_lower != event.date_upper or bool(event.fuzzy_date.qualifier)
        spanned = (event.date_upper - event.date_lower).days < LONGEST_SPAN_DAYS
        last_day = event.date_upper if spanned else event.date_lower
        entry.add("dtstart", event.date_lower)
        entry.add("dtend", last_day + datetime.timedelta(days=1))
        summary = f"{headline(event)}, {event.place}"
        if uncertain:
            summary += f" (date uncertain: {event.date_in_words})"
            entry.add("status", "TENTATIVE")
            entry.add("transp", "TRANSPARENT")
            entry.add("x-regiondev-date-uncertain", event.date)
        entry.add("summary", summary)
        sources = "; ".join(
            f"{source.display_title}, {request.build_absolute_uri(source.get_absolute_url())}"
            for source in event.source_list
        )
        entry.add(
            "description",
            "\n".join(
                [
                    event.summary or headline(event),
                    f"Date: {dated(event)}",
                    *(
                        []
                        if spanned
                        else [
                            "This entry marks only the earliest day the date may mean; "
                            "the calendar does not block out the whole span."
                        ]
                    ),
                    f"Sources: {sources}",
                    settings.REGIONDEV_CITATION,
                ]
            ),
        )
        entry.add("location", event.place)
        entry.add("url", url)
        entry.add("categories", [event.get_kind_display()])
        return entry
