"""Every statement of the source pack that names a county and an event kind is in the loaded
record: the same county, the kind, a date the statement allows, citing its source.

The county is found here from the words of the row (any spelling the record knows, narrowed by
the province as written), not from the mapping that wrote the seed files, so a wrong mapping
fails the test.
"""

import csv
import re
from pathlib import Path

import pytest

from events.models import Citation
from sites.models import County, Province

PACK = Path(__file__).resolve().parent.parent.parent / "shared" / "sources" / "pack"
KINDS = {
    "groundbreaking": ("ceremony", "groundbreaking"),
    "inauguration": ("ceremony", "inauguration"),
    "field_guidance": ("visit", "field guidance"),
    "consultative_meeting": ("visit", "consultative meeting"),
}

pytestmark = pytest.mark.skipif(not PACK.exists(), reason=f"no source pack at {PACK}")


def spellings_of(place) -> set[str]:
    return {s.casefold() for s in place.spellings() if s}


def counties_named(written: str, province_written: str, counties, provinces) -> list[set]:
    """For each place the row names, the counties it may mean."""
    named = []
    for part in re.split(r"[,;/()]|\band\b", written):
        words = part.split()
        while words:
            found = {c for c in counties if " ".join(words).casefold() in c.spelled}
            if found:
                break
            words.pop()
        if not words:
            continue
        if len(found) > 1:  # the province as written decides between namesakes
            written_province = province_written.casefold()
            by_province = {
                c for c in found if any(s in written_province for s in c.province.spelled)
            }
            found = by_province or found
        named.append(found)
    return named


def bounds(text: str):
    probe = Citation(date=text)
    probe.derive_date_bounds()
    return probe.date_lower, probe.date_upper


def consistent(record, citation, row) -> bool:
    lower, upper = bounds(row["date_iso_or_edtf"])
    if upper and (lower or record.date_lower) <= record.date_upper and record.date_lower <= upper:
        return True
    # A departing claim is kept as written and shown with a note.
    return citation.date == row["date_iso_or_edtf"] and bool(citation.note)


def test_every_fact_naming_a_county_and_an_event_is_in_the_record(seeded, capsys):
    provinces = list(Province.objects.all())
    for province in provinces:
        province.spelled = spellings_of(province)
    counties = list(County.objects.select_related("province"))
    for county in counties:
        county.spelled = spellings_of(county)
        county.province.spelled = next(p.spelled for p in provinces if p == county.province)
    citations = list(
        Citation.objects.select_related("source", "ceremony__county", "visit__county").exclude(
            ceremony=None, visit=None
        )
    )
    with (PACK / "facts.csv").open(encoding="utf-8", newline="") as handle:
        facts = list(csv.DictReader(handle))

    in_scope, left_out = 0, []
    for line, row in enumerate(facts, 2):
        if row["event_kind"] not in KINDS:
            continue
        named = counties_named(
            row["county_as_written"], row["province_as_written"], counties, provinces
        )
        if not named:
            continue
        in_scope += 1
        category, kind = KINDS[row["event_kind"]]
        for candidates in named:
            matching = [
                citation
                for citation in citations
                if citation.source.key == row["source"]
                and (record := citation.ceremony or citation.visit).kind == kind
                and (citation.ceremony if category == "ceremony" else citation.visit)
                and record.county in candidates
                and consistent(record, citation, row)
            ]
            if not matching:
                names = ", ".join(sorted(str(c) for c in candidates))
                left_out.append(
                    f"facts.csv line {line}: {row['source']} — {kind} in {names}, "
                    f"{row['date_iso_or_edtf']}: no record of that county and kind, dated so, "
                    "cites it"
                )
                break

    covered = in_scope - len(left_out)
    with capsys.disabled():
        print(
            f"\nSource pack coverage: {covered} of {in_scope} statements naming a county and an "
            f"event kind are in the record ({100 * covered / in_scope:.0f}%)."
        )
        for reason in left_out:
            print("  left out:", reason)
    assert in_scope > 150
    assert left_out == []
