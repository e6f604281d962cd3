"""What events and citations are asked for: in order, by date, by the search rule."""

from django.db import models

from events.models.ordering import in_event_order, same_day_rank
from sites.models import CitedQuerySet, union_of_ids
from sites.search import search_key


class EventQuerySet(CitedQuerySet):
    def ranked(self):
        """With `same_day_rank`, the column EVENT_ORDER needs."""
        return self.annotate(same_day_rank=same_day_rank())

    def chronological(self, *, newest_first: bool = False):
        """In EVENT_ORDER (or exactly reversed)."""
        return self.ranked().order_by(*in_event_order(newest_first=newest_first))

    def search(self, text: str):
        """Events held in a place or concerning a factory that the search key finds, events
        of a kind the words name ("inauguration", "준공식"), events the leader attended when
        he is named, and events whose summary, place, factories or people hold the words."""
        from events import vocabulary

        key = search_key(text)
        if not key:  # punctuation and symbols alone: nothing to search for
            return self.none()
        words = text.strip()
        model = self.model
        needle = f" {key}"
        # A UNION rather than an OR across the joins, so each is read through its own
        # (trigram) index instead of every event.
        found = [
            model.objects.filter(county__search_keys__contains=needle),
            model.objects.filter(province__search_keys__contains=needle),
            model.objects.filter(factories__search_keys__contains=needle),
        ]
        kinds = vocabulary.kinds_named(model._meta.model_name, words)
        if kinds:
            found.append(model.objects.filter(kind__in=kinds))
        if vocabulary.names_the_leader(words):
            found.append(model.objects.filter(leader_present=True))
        if len(words) >= 3:
            found += [
                model.objects.filter(summary__icontains=words),
                model.objects.filter(place_name__icontains=words),
                model.objects.filter(factories__name__icontains=words),
                model.objects.filter(factories__products__icontains=words),
                *(
                    model.objects.filter(**{f"{field}__icontains": words})
                    for field in model.PEOPLE_FIELDS
                ),
            ]
        return self.filter(pk__in=union_of_ids(*found))

    def between(self, after=None, before=None):
        """Events that may have happened inside [after, before], judged by the date bounds."""
        queryset = self
        if after:
            queryset = queryset.filter(date_upper__gte=after)
        if before:
            queryset = queryset.filter(date_lower__lte=before)
        return queryset


class CitationQuerySet(models.QuerySet):
    def in_order(self):
        """The claim the record follows first, then state media, then by publication."""
        return self.select_related("source").order_by(
            "-follows", "-source__state_media", "source__published_lower", "source__pk"
        )
