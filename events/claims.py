"""What each source states about a record, read for many records at once, with where each
claim departs from the record (one home for "the sources disagree")."""

from django.db.models import Q

from events.models import Citation, by_directness

# The Citation field that points at each kind of record, by the record's `category`.
RECORD_FIELD = {"ceremony": "ceremony", "visit": "visit", "factory": "factory"}


def with_claims(records) -> list:
    """`records` (events or factories, each with its `category`: ceremony, visit or factory),
    each with `claims`, its citations in the order of their sources (`by_directness`),
    `contested`, whether any claim departs from the record, and `leader_absent`, whether a
    source lists who was present without the leader; in one query for all of them."""
    records = list(records)
    wanted = Q(pk__in=[])
    for kind, field in RECORD_FIELD.items():
        ids = [record.pk for record in records if record.category == kind]
        if ids:
            wanted |= Q(**{f"{field}_id__in": ids})
    by_record = {}
    for citation in Citation.objects.in_order().filter(wanted):
        field = next(name for name in RECORD_FIELD.values() if getattr(citation, f"{name}_id"))
        by_record.setdefault((field, getattr(citation, f"{field}_id")), []).append(citation)
    for record in records:
        judged(record, by_record.get((RECORD_FIELD[record.category], record.pk), []))
    return records


def judged(record, claims):
    """`record` with its `claims`, each with its `differences` from the record, and whether
    the record is `contested` and the leader's absence stated (`leader_absent`)."""
    record.claims = by_directness(claims, record, source=lambda claim: claim.source)
    for claim in claims:
        claim.differences = claim.disagrees_with(record)
    record.contested = any(claim.differences or claim.note for claim in claims)
    record.leader_absent = any(claim.leader_present == "no" for claim in claims)
    return record
