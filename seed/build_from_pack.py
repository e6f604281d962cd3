"""Write the seed data files from the source pack: `python seed/build_from_pack.py [PACK]`.

PACK defaults to ../shared/sources/pack beside the project. The files written here (sources,
counties, factories, events, citations, texts/ and gazetteer.csv) are what `load_seed` reads;
review them as data. seed/claims.py reads the pack; what is decided by hand rather than read
from it sits in seed/decisions.py, each with the reason: the DPRK spelling of each place, the
cohorts, which reports are one event, and where a source departs from the others.

Sentences are copied only from DPRK state media (the pack's `quote` column and texts); other
publishers appear by title, date and URL, and by what they state in our words.
"""

import csv
import re
import shutil
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from django.utils.text import slugify  # noqa: E402

from seed.claims import (  # noqa: E402
    FACILITY_WORDS,
    GENERIC_WORDS,
    STATE_MEDIA,
    Places,
    claims_of,
    facility_of,
    group,
    place_name_of,
    publisher,
    read_csv,
    record_date,
)
from seed.decisions import (  # noqa: E402
    ARTICLE,
    ARTICLE_FACTS,
    ARTICLE_SOURCE,
    COHORTS,
    COUNTY_NOTES,
    DPRK_NAMES,
    FOLLOWED_QUOTE,
    FOLLOWED_SONGCHON,
    LEADER,
    MILESTONES,
    NAMED_FACTORIES,
    SPEECHES,
    SPELLINGS,
)
from seed.people import write_people  # noqa: E402

DEFAULT_PACK = HERE.parent.parent / "shared" / "sources" / "pack"


def build(pack: Path, out: Path):
    sources = {row["source"]: row for row in read_csv(pack / "sources.csv")}
    sources[ARTICLE] = ARTICLE_SOURCE
    STATE_MEDIA.update(key for key, row in sources.items() if row["kind"] == "dprk-state-media")
    gazetteer = read_csv(pack.parent / "gazetteer.csv")
    places = Places(gazetteer)
    facts = read_csv(pack / "facts.csv")
    facts += [
        dict(
            zip(
                [
                    "county_as_written",
                    "province_as_written",
                    "event_kind",
                    "date_as_written",
                    "date_iso_or_edtf",
                    "leader_present",
                    "facilities_named",
                    "quote",
                ],
                fact,
                strict=True,
            ),
            source=ARTICLE,
        )
        for fact in ARTICLE_FACTS
    ]
    facts += [
        {
            "source": FOLLOWED_SONGCHON,
            "county_as_written": "(19 cities and counties, not named)",
            "county_key": hangul,
            "province_as_written": "",
            "event_kind": "groundbreaking",
            "date_as_written": "after February 28 (“followed by similar ceremonies”)",
            "date_iso_or_edtf": "2024-02-28/2024-12-31",
            "leader_present": "unstated",
            "facilities_named": "regional-industry factories",
            "quote": FOLLOWED_QUOTE,
        }
        for hangul in COHORTS[2024].split()[1:]
    ]
    claims = list(claims_of(facts, sources, places))
    event_claims = [c for c in claims if c.kind != "other" or c.source in MILESTONES]
    # Statements that are not events ("other") rest on the county's factories instead.
    # A list of a whole cohort says nothing of one county's factories.
    named = defaultdict(int)
    for claim in claims:
        named[claim.source, claim.as_written] += 1
    factory_claims = [
        c for c in claims if c.kind == "other" and c.county and named[c.source, c.as_written] <= 3
    ]
    records = group(event_claims)

    names = {
        key: DPRK_NAMES.get(key.split("|")[0], row["name"]) for key, row in places.county.items()
    }
    factories = {}  # slug -> row
    citations = []

    def factories_for(county, facilities_text, *, year=None, ceremony=True):
        """The factories a statement concerns, created on first mention."""
        name = names[county]
        hangul = county.split("|")[0]
        kind = places.county[county]["kind"]
        if year and year >= 2026:  # the 2026 starts name projects, not factories yet
            found = [
                ("Sinuiju Combined Greenhouse Farm", "agriculture")
                if hangul == "신의주시"
                else (f"{name} regional development project", "other")
            ]
        elif hangul in NAMED_FACTORIES:
            found = NAMED_FACTORIES[hangul] if ceremony else []
        else:
            found = facility_of(facilities_text, name, kind)
            rest = re.sub(FACILITY_WORDS, "", facilities_text.casefold())
            if not found or re.search(GENERIC_WORDS, rest):
                found = [*found, (f"{name} regional-industry factories", "other")]
        slugs = []
        for factory_name, sector in found:
            slug = slugify(factory_name)
            if list(names.values()).count(name) > 1:  # the two Unsans
                slug = f"{slug}-{slugify(places.county[county]['province'])}"
            factories.setdefault(
                slug,
                {"slug": slug, "county": county, "name": factory_name, "sector": sector},
            )
            slugs.append(slug)
        return slugs

    events = []
    for number, record in enumerate(
        sorted(records, key=lambda r: (min(c.upper for c in r.claims if c.upper), r.county)), 1
    ):
        date_text, followed = record_date(record)
        record.key = f"{record.model}-{number:03d}"
        agreeing = [c for c in record.claims if not c.departs]
        leader = any(c.leader == "yes" for c in agreeing)
        sources_cited = {c.source for c in record.claims}
        speakers = LEADER if record.kind != "other" and sources_cited & SPEECHES else ""
        slugs = []
        if record.county and record.kind != "other":
            year = min(c.upper for c in record.claims if c.upper).year
            for claim in record.claims:
                found = factories_for(
                    record.county, claim.facilities, year=year, ceremony=record.model == "ceremony"
                )
                slugs += [slug for slug in found if slug not in slugs]
        milestone = next(
            (MILESTONES[c.source] for c in record.claims if c.source in MILESTONES), ""
        )
        events.append(
            {
                "key": record.key,
                "model": record.model,
                "kind": record.kind,
                "county": record.county,
                "province": record.province,
                "place_name": place_name_of(record),
                "date": date_text,
                "leader_present": "yes" if leader else "no",
                "people": (LEADER if leader and record.model == "visit" else speakers),
                "summary": milestone,
                "factories": ";".join(slugs),
            }
        )
        by_source = defaultdict(list)
        for claim in record.claims:
            by_source[claim.source].append(claim)
        for source_claims in by_source.values():
            citations.append(citation_row(f"event:{record.key}", source_claims, followed))

    by_factory = defaultdict(lambda: defaultdict(list))
    for claim in factory_claims:
        year = claim.upper.year if claim.upper else None
        for slug in factories_for(claim.county, claim.facilities or "factories", year=year):
            by_factory[slug][claim.source].append(claim)
    # A factory cites the sources of its events, with the place and the words for it each
    # uses (the dates and the leader's presence are the event's).
    mentions = defaultdict(dict)
    for event in events:
        for slug in filter(None, event["factories"].split(";")):
            for citation in citations:
                if citation["record"] == f"event:{event['key']}":
                    mention = mentions[slug].setdefault(citation["source"], [])
                    mention.append(citation)
    for slug, by_source in by_factory.items():
        for source_claims in by_source.values():
            citations.append(citation_row(f"factory:{slug}", source_claims, []))
    for slug, by_source in mentions.items():
        for source, event_citations in by_source.items():
            if source in by_factory.get(slug, {}):
                continue

            def joined(name, event_citations=event_citations):
                return " / ".join(dict.fromkeys(c[name] for c in event_citations if c[name]))

            citations.append(
                {
                    "record": f"factory:{slug}",
                    "source": source,
                    "place_as_written": joined("place_as_written"),
                    "facilities_as_written": joined("facilities_as_written"),
                }
            )

    write(out / "events.csv", events)
    write(out / "factories.csv", sorted(factories.values(), key=lambda r: r["slug"]))
    write(out / "citations.csv", citations)
    write_counties(out, places, names)
    write_sources(out, pack, sources, {c["source"] for c in citations})
    shutil.copyfile(pack.parent / "gazetteer.csv", out / "gazetteer.csv")
    write_people(out, pack, sources)


CITATION_COLUMNS = [
    "record",
    "source",
    "date_as_written",
    "date",
    "leader_present",
    "place_as_written",
    "facilities_as_written",
    "quote",
    "note",
    "follows",
]


def citation_row(record_key, claims, followed):
    """One row per record and source; a source's several statements on it are joined."""

    def joined(values):
        return " / ".join(dict.fromkeys(v for v in values if v))

    first = claims[0]
    leaders = {c.leader for c in claims}
    return {
        "record": record_key,
        "source": first.source,
        "date_as_written": joined(c.date_as_written for c in claims),
        "date": first.date if len({c.date for c in claims}) == 1 else "",
        "leader_present": leaders.pop() if len(leaders) == 1 else "unstated",
        "place_as_written": joined(c.place for c in claims),
        "facilities_as_written": joined(c.facilities for c in claims),
        "quote": joined(c.quote for c in claims),
        "note": joined(c.note for c in claims),
        "follows": "yes" if any(c in followed for c in claims) else "",
    }


def write(path, rows, columns=None):
    columns = columns or (CITATION_COLUMNS if path.name == "citations.csv" else list(rows[0]))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})


def write_counties(out, places, names):
    rows = []
    for year, members in COHORTS.items():
        for hangul in members.split():
            (key,) = places.keys_of(hangul)
            rows.append({"county": key, "name": names[key], "programme_year": year})
    years = {row["county"]: row["programme_year"] for row in rows}
    for key in sorted(places.aliases):
        if key not in years:
            rows.append({"county": key, "name": names[key], "programme_year": ""})
    for spelling, hangul in SPELLINGS.items():
        for key in places.keys_of(hangul):
            places.aliases[key].add(spelling)
    for row in rows:
        gazetteer = places.county[row["county"]]
        known = {gazetteer["name"], gazetteer["hangul"], *gazetteer["aliases"].split(";")}
        extra = sorted(places.aliases[row["county"]] - known - {row["name"]})
        if row["name"] != gazetteer["name"]:
            extra = [gazetteer["name"], *extra]
        row["aliases"] = ";".join(extra)
    for row in rows:
        row["description"], row["sources"] = COUNTY_NOTES.get(row["county"].split("|")[0], ("", ""))
    write(
        out / "counties.csv",
        rows,
        ["county", "name", "programme_year", "aliases", "description", "sources"],
    )


def write_sources(out, pack, sources, cited):
    texts = out / "texts"
    texts.mkdir(exist_ok=True)
    rows = []
    for key, row in sorted(sources.items()):
        text = ""
        if key == ARTICLE:
            text = row["text"]  # kept at the top of seed/ since the first release
        elif row["text"] and row["kind"] == "dprk-state-media":
            text = f"texts/{Path(row['text']).name}"
            shutil.copyfile(pack / row["text"], out / text)
        rows.append(
            {
                "key": key,
                "title": row["title"],
                "publisher": row.get("publisher_short")
                or (publisher(row["publisher"]) if row["publisher"] else ""),
                "publisher_detail": row.get("publisher_detail") or row["publisher"],
                "state_media": "yes" if row["kind"] == "dprk-state-media" else "",
                "url": row["url"] if row["url"].startswith("http") else "",
                "published": row["published"],
                "published_note": row["published_note"],
                "language": row["language"],
                "completeness": row["completeness"],
                "text": text,
            }
        )
    write(out / "sources.csv", rows)


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PACK, HERE)
