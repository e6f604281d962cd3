"""The proposals against the record: the stored source of a report, and for each proposal the
stored event it describes or sharpens."""

from typing import TYPE_CHECKING

from django.db.models import Q

from events.models import Ceremony, GuidanceVisit, Source
from staff.intake.kinds import EVENT_KINDS

if TYPE_CHECKING:
    from staff.intake.proposals import ProposedEvent


def existing_source(*, title: str, url: str = "") -> Source | None:
    """The stored source for this report, by its title or its URL."""
    if not title and not url:
        return None
    same = Source.objects.none()
    if title:
        same = Source.objects.filter(title__iexact=title.strip())
    if url:
        same = same | Source.objects.filter(url=url)
    return same.order_by("pk").first()


def mark_existing(events: list["ProposedEvent"], source: Source | None) -> None:
    """Find, for each proposal, the stored record it describes, and whether it sharpens it.

    A stored record of the same kind and place is the same event when its dates equal the
    proposal's, lie within them (the proposal is vaguer), or when it cites this source (staff
    corrected it when they confirmed it); when the proposal's dates lie strictly within the
    stored record's, the proposal is an update of it. One query per event model.
    """
    for model in (Ceremony, GuidanceVisit):
        mine = [event for event in events if event.model is model and not event.candidates]
        if not mine:
            continue
        places = Q(county__in={e.county for e in mine if e.county}) | Q(
            county=None, province__in={e.province for e in mine if not e.county}
        )
        if any(event.county is None and event.province is None for event in mine):
            places |= Q(county=None, province=None)
        stored = list(
            model.objects.filter(places, kind__in={EVENT_KINDS[e.kind][1] for e in mine})
            .prefetch_related("sources")
            .chronological()
        )
        for event in mine:
            here = [
                record
                for record in stored
                if record.kind == EVENT_KINDS[event.kind][1]
                and record.county_id == (event.county.pk if event.county else None)
                and (
                    event.county
                    or record.province_id == (event.province.pk if event.province else None)
                )
            ]
            cited = [r for r in here if source is not None and source in r.sources.all()]
            match, update = _stored_match(event, here, cited)
            event.existing, event.update = match, update
            event.cites_source = bool(
                match and source is not None and source in match.sources.all()
            )


def _stored_match(event, here, cited):
    if event.lower is None:
        return (cited or here or [None])[0], False
    for record in here:
        if (record.date_lower, record.date_upper) == (event.lower, event.upper):
            return record, False
    for record in cited:
        return record, False
    for record in here:
        if event.lower <= record.date_lower and record.date_upper <= event.upper:
            return record, False  # the report is vaguer than what is stored
    for record in here:
        if record.date_lower <= event.lower and event.upper <= record.date_upper:
            return record, True
    return None, False
