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
import shutil
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from django.utils.text import slugify  # noqa: E402

from seed.claims import (  # noqa: E402
    STATE_MEDIA,
    Places,
    claims_of,
    facilities_named,
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
    EXTRA_FACTS,
    FOLLOWED_QUOTE,
    FOLLOWED_SONGCHON,
    INDUSTRY,
    LEADER,
    MILESTONES,
    PRODUCTS,
    SPEECHES,
    SPELLINGS,
    SUMMARIES,
)
from seed.korean import COUNTY_DESCRIPTIONS_KO, NOTES_KO, SUMMARIES_KO, in_korean  # noqa: E402
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
    facts += EXTRA_FACTS
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
    in_programme = {key for members in COHORTS.values() for key in members.split()}
    factories = {}  # slug -> row
    citations = []

    def year_of(claim):
        return claim.upper.year if claim.upper else None

    def named_in(claim):
        """The facilities a claim names one by one, and whether it speaks of factories."""
        name = names[claim.county]
        hangul = claim.county.split("|")[0]
        if (year_of(claim) or 0) >= 2026:  # the 2026 starts name projects, not factories yet
            if hangul == "신의주시":
                project = "Sinuiju Combined Greenhouse Farm", "agriculture"
            else:
                project = f"{name} regional development project", "other"
            return [(*project, project[0])], False
        return facilities_named(claim.facilities, name, places.county[claim.county]["kind"])

    # A county's factories named one by one in any statement, which a statement of its
    # factories in general then means; and the name a source writes for each, if any does.
    industry = defaultdict(dict)
    written = {}
    for claim in claims:
        if claim.county and (claim.kind != "other" or claim in factory_claims):
            for facility, sector, as_written in named_in(claim)[0]:
                if facility.endswith(INDUSTRY):
                    industry[claim.county].setdefault(facility, (facility, sector, facility))
                if as_written != facility:
                    written[claim.county, facility] = as_written

    def factories_for(claim):
        """The slugs of the factories a claim concerns, each created on first mention."""
        found, general = named_in(claim)
        if general:
            bundle = f"{names[claim.county]} regional-industry factories"
            found += list(industry[claim.county].values()) or [(bundle, "other", bundle)]
        found = [(written.get((claim.county, f), f), sector) for f, sector, _ in found]
        hangul = claim.county.split("|")[0]
        slugs = []
        for factory_name, sector in found:
            slug = slugify(factory_name)
            if list(names.values()).count(names[claim.county]) > 1:  # the two Unsans
                slug = f"{slug}-{slugify(places.county[claim.county]['province'])}"
            factories.setdefault(
                slug,
                {
                    "slug": slug,
                    "county": claim.county,
                    "name": factory_name,
                    "sector": sector,
                    "products": PRODUCTS.get((hangul, sector), ""),
                    "in_programme": "yes" if _in_programme(hangul) else "no",
                },
            )
            if slug not in slugs:
                slugs.append(slug)
        return slugs

    def _in_programme(hangul):
        return any(member.split(":")[0] == hangul for member in in_programme)

    events = []
    mentions = defaultdict(lambda: defaultdict(list))  # slug -> source -> claims naming it
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
            for claim in record.claims:
                for slug in factories_for(claim):
                    mentions[slug][claim.source].append(claim)
                    if slug not in slugs:
                        slugs.append(slug)
        hangul = record.county.split("|")[0]
        summary = next(
            (
                MILESTONES[c.source]
                for c in record.claims
                if c.source in MILESTONES and c.kind == "other"
            ),
            SUMMARIES.get((hangul, record.kind, date_text), ""),
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
                "summary": summary,
                "summary_ko": in_korean(summary, SUMMARIES_KO),
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
        for slug in factories_for(claim):
            by_factory[slug][claim.source].append(claim)
    for slug, by_source in by_factory.items():
        for source_claims in by_source.values():
            citations.append(citation_row(f"factory:{slug}", source_claims, []))
    # A factory cites the sources of its events that name it (or its county's factories in
    # general), with the place and the words for it each uses; the dates and the leader's
    # presence are the event's.
    for slug, by_source in mentions.items():
        for source, event_claims_of in by_source.items():
            if source in by_factory.get(slug, {}):
                continue

            def joined(values):
                return " / ".join(dict.fromkeys(v for v in values if v))

            citations.append(
                {
                    "record": f"factory:{slug}",
                    "source": source,
                    "place_as_written": joined(c.place for c in event_claims_of),
                    "facilities_as_written": joined(c.facilities for c in event_claims_of),
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
    "note_ko",
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
        "note_ko": in_korean(joined(c.note for c in claims), NOTES_KO),
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
        row["description_ko"] = in_korean(row["description"], COUNTY_DESCRIPTIONS_KO)
    write(
        out / "counties.csv",
        rows,
        ["county", "name", "programme_year", "aliases", "description", "description_ko", "sources"],
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
                "description": row.get("description", ""),
                "title_note": row.get("title_note", ""),
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
