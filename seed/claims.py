"""The source pack read as claims: each source's statement about a place, an event and a date,
grouped into the records they describe."""

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field

from regiondev import dates
from seed.decisions import (
    DEPARTURES,
    DPRK_NAMES,
    EVENT_KINDS,
    FACILITIES,
    FOLLOW,
    HOSPITAL_WORDS,
    MILESTONE_OF,
    NOTES,
    PLACE_NAMES,
    PLACES_READ,
    PROVINCE_SPELLINGS,
    PUBLISHERS,
    ROW_PLACE,
    SPELLINGS,
    SPLIT_BY_FACILITY,
)


@dataclass
class Claim:
    source: str
    county: str  # "hangul|ISO", or "" where none is named
    province: str  # ISO code, or ""
    kind: str
    as_written: str
    place: str
    date_as_written: str
    date: str
    leader: str
    facilities: str
    quote: str
    lower: object = None
    upper: object = None
    note: str = ""
    departs: bool = False


@dataclass
class Record:
    key: str
    model: str
    kind: str
    county: str
    province: str
    claims: list = field(default_factory=list)


def bounds(text):
    """(lower, upper) of an EDTF date; an open start (`../day`) has no lower bound."""
    if not text or text.startswith("XXXX"):
        return None, None
    if text.startswith("../"):
        return None, dates.read(text[3:]).upper
    parsed = dates.read(text)
    return parsed.lower, parsed.upper


PARTS_OF_MONTH = {"early": (1, 10), "mid": (11, 20), "middle": (11, 20), "late": (21, 31)}


def read_part_of_month(written, date):
    """A month the source qualifies as early, mid or late, as the range of days it allows:
    early is the 1st to the 10th, mid the 11th to the 20th, late the 21st to the month's end
    (the reading regiondev.dates gives "late February 2024"). Any other date is kept."""
    match = re.search(r"\b(early|mid|middle|late)\b", written.casefold())
    if not match or not re.fullmatch(r"\d{4}-\d{2}", date):
        return date
    first, last = PARTS_OF_MONTH[match.group(1)]
    upper = dates.read(date).upper
    last = min(last, upper.day)
    return f"{date}-{first:02d}/{date}-{last:02d}"


def overlap(a, b) -> bool:
    if a.upper is None or b.upper is None:
        return False
    return (a.lower is None or a.lower <= b.upper) and (b.lower is None or b.lower <= a.upper)


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Places:
    def __init__(self, gazetteer):
        self.county = {}  # hangul|ISO -> row
        self.by_spelling = defaultdict(set)
        for row in gazetteer:
            if row["level"] != "county":
                continue
            key = f"{row['hangul']}|{row['province_iso']}"
            self.county[key] = row
            for spelling in [row["name"], row["hangul"], *row["aliases"].split(";")]:
                if spelling.strip():
                    self.by_spelling[spelling.strip().casefold()].add(key)
        for hangul, name in DPRK_NAMES.items():
            self.by_spelling[name.casefold()] |= self.keys_of(hangul)
        for spelling, hangul in SPELLINGS.items():
            self.by_spelling[spelling.casefold()] |= self.keys_of(hangul)
        self.province = {
            spelling.casefold(): iso
            for iso, spellings in PROVINCE_SPELLINGS.items()
            for spelling in spellings
        }
        self.aliases = defaultdict(set)

    def keys_of(self, hangul):
        if ":" in hangul:
            hangul, iso = hangul.split(":")
            return {f"{hangul}|{iso}"}
        return {key for key in self.county if key.startswith(f"{hangul}|")}

    def province_of(self, written):
        written = re.sub(r"\(.*?\)", "", written).strip().casefold()
        for spelling, iso in self.province.items():
            if written.startswith(spelling) or written.endswith(spelling):
                return iso
        return ""

    def resolve(self, source, written, province_written, year):
        """The counties a row names: (key, spelling as written) pairs."""
        if (source, written) in ROW_PLACE:
            return [
                (key, written)
                for hangul in ROW_PLACE[source, written]
                for key in self.keys_of(hangul)
            ]
        if written in PLACES_READ:
            return [
                (key, written) for hangul in PLACES_READ[written] for key in self.keys_of(hangul)
            ]
        found = []
        for part in re.split(r"[,/;]", written):
            part = re.sub(r"\(.*?\)", "", part).strip()
            words = part.split()
            while words:
                keys = self.by_spelling.get(" ".join(words).casefold())
                if keys:
                    break
                words.pop()
            if not words:
                continue
            spelling = " ".join(words)
            if len(keys) > 1:  # Unsan: the province, or else the cohort of the year, decides
                iso = self.province_of(province_written) or ("KP-03" if year == 2024 else "KP-02")
                keys = {key for key in keys if key.endswith(iso)}
            (key,) = keys
            found.append((key, spelling))
        return found


def written_alone(spelling):
    """A spelling that is a place's name, not a phrase around it."""
    return bool(spelling) and "(" not in spelling and "," not in spelling


def publisher(text):
    """The publisher's name: the one the pack's text starts with, or else names first."""
    for prefix, name in PUBLISHERS:
        if text.startswith(prefix):
            return name
    for prefix, name in PUBLISHERS:
        if prefix in text.split("(")[0]:
            return name
    raise ValueError(f"no publisher name for {text!r}")


def claims_of(facts, sources, places):
    for row in facts:
        source = sources[row["source"]]
        year = int(row["date_iso_or_edtf"][:4]) if row["date_iso_or_edtf"][:4].isdigit() else None
        if year is None and row["date_iso_or_edtf"].startswith("../"):
            year = int(row["date_iso_or_edtf"][3:7])
        if row.get("county_key"):
            counties = [(key, "") for key in places.keys_of(row["county_key"])]
        else:
            counties = places.resolve(
                row["source"], row["county_as_written"], row["province_as_written"], year
            )
        place = ", ".join(p for p in (row["county_as_written"], row["province_as_written"]) if p)
        quote = row["quote"] if source["kind"] == "dprk-state-media" else ""
        base = {
            "source": row["source"],
            "kind": row["event_kind"],
            "as_written": row["county_as_written"],
            "place": place,
            "date_as_written": row["date_as_written"],
            "date": read_part_of_month(row["date_as_written"], row["date_iso_or_edtf"]),
            "leader": row["leader_present"],
            "facilities": row["facilities_named"],
            "quote": quote,
        }
        if not counties:
            province = places.province_of(row["province_as_written"])
            yield Claim(county="", province=province, **base)
            continue
        for key, spelling in counties:
            if written_alone(spelling):
                places.aliases[key].add(spelling)
            yield Claim(county=key, province=key.split("|")[1], **base)


def group(claims):
    """One record per event: a place's claims of one kind whose dates meet, in order of
    precision, so that a vague claim joins the precise one it contains."""
    records = []
    by_place = defaultdict(list)
    for claim in claims:
        claim.lower, claim.upper = bounds(claim.date)
        hangul = claim.county.split("|")[0]
        departure = DEPARTURES.get((claim.source, hangul))
        claim.departs = departure is not None
        claim.note = (
            departure[0] if departure else NOTES.get((claim.source, hangul, claim.kind), "")
        )
        # Claims that name no county are one event only when they are written alike; a
        # milestone of the policy is one whatever its sources' words.
        tag = claim.as_written if not claim.county else ""
        if not claim.county and claim.kind == "other":
            tag = MILESTONE_OF.get(claim.source, tag)
        if claim.kind in SPLIT_BY_FACILITY.get(hangul, ()):
            words = claim.facilities.casefold()
            tag = "hospital" if any(word in words for word in HOSPITAL_WORDS) else "factories"
        by_place[claim.county, claim.province, claim.kind, tag].append(claim)

    def precision(claim):
        if claim.upper is None:
            return (2, 0)
        if claim.lower is None:
            return (1, 0)
        return (0, (claim.upper - claim.lower).days)

    for (county, province, kind, _tag), place_claims in by_place.items():
        clusters = []
        for claim in sorted(place_claims, key=precision):
            if claim.departs:
                continue
            matches = [cluster for cluster in clusters if overlap(cluster[0], claim)]
            if len(matches) > 1:
                raise ValueError(f"{claim.source} on {county} {kind} fits several events")
            if matches:
                matches[0].append(claim)
            else:
                clusters.append([claim])
        for claim in place_claims:  # a departing claim joins the event it names
            if claim.departs:
                day = dates.read(DEPARTURES[claim.source, county.split("|")[0]][1]).lower
                (cluster,) = [c for c in clusters if c[0].lower <= day <= c[0].upper]
                cluster.append(claim)
        model, record_kind = EVENT_KINDS[kind]
        for cluster in clusters:
            records.append(
                Record(
                    key="",
                    model=model,
                    kind=record_kind,
                    county=county,
                    province=province,
                    claims=cluster,
                )
            )
    return records


def place_name_of(record):
    """Where, in the sources' words, when the place is less or more than a county."""
    written = {claim.as_written for claim in record.claims}
    if "(places not named)" in written:
        return ""  # the record says "place not named", in the page's language
    if any("Sinuiju" in text for text in written):
        return PLACE_NAMES["신의주시"]
    if record.kind == "consultative meeting" and record.county.startswith("신포시"):
        return "the shore in Sinpho"
    return ""


def record_date(record):
    """The date every agreeing claim allows (their intersection), as EDTF; and the claims
    that fix it, which the record follows."""
    agreeing = [c for c in record.claims if not c.departs and c.upper is not None]
    leading = [c for c in agreeing if c.source in FOLLOW and c.kind != "other"]
    if leading:
        return leading[0].date, leading
    lower = max((c.lower for c in agreeing if c.lower), default=None)
    upper = min(c.upper for c in agreeing)
    if lower is None or lower > upper:
        raise ValueError(f"no date for {record.county} {record.kind}: {agreeing}")
    exact = [c for c in agreeing if (c.lower, c.upper) == (lower, upper)]
    if exact:
        state = [c for c in exact if c.source in STATE_MEDIA]
        text = (state or exact)[0].date
        followed = exact
    else:
        text = edtf_text(lower, upper)
        followed = [c for c in agreeing if c.lower == lower or c.upper == upper]
    return text.rstrip("~"), followed


def edtf_text(lower, upper):
    if lower == upper:
        return lower.isoformat()
    if (lower.day, lower.month, upper.day, upper.month) == (
        1,
        1,
        31,
        12,
    ) and lower.year == upper.year:
        return str(lower.year)
    return f"{lower.isoformat()}/{upper.isoformat()}"


STATE_MEDIA: set = set()


def facilities_named(text, name, county_kind):
    """The facilities a statement names one by one, as (name, sector, name as the source
    writes it if it does) triples, and whether it
    also speaks of the county's factories in general ("regional-industry factories", "new
    factories"): words of a factory left over once the named ones are taken out."""
    words = text.casefold()
    kind = "County " if county_kind == "county" else ""
    found = []
    for pattern, template, sector in FACILITIES:
        if re.search(pattern, words):
            facility = template.format(name=name, kind=kind)
            # A source that writes the name (with or without "County") is followed in it.
            as_written = facility
            for written in dict.fromkeys([facility, template.format(name=name, kind="")]):
                at = words.find(written.casefold())
                if at >= 0:
                    as_written = text[at : at + len(written)]
                    break
            found.append((facility, sector, as_written))
    rest = words
    for pattern, _template, _sector in FACILITIES:
        rest = re.sub(pattern, "", rest)
    return found, not found or bool(re.search(GENERIC_WORDS, rest))


GENERIC_WORDS = r"factor|fabrik|betrieb|공장|工場|industr|plant|werk|pabrik|complex"
