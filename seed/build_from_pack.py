"""Write the seed data files from the source pack: `python seed/build_from_pack.py [PACK]`.

PACK defaults to ../shared/sources/pack beside the project. The files written here (sources,
counties, factories, events, citations, texts/ and gazetteer.csv) are what `load_seed` reads;
review them as data. What is decided by hand rather than read from the pack sits in the tables
below, each with the reason: the DPRK spelling of each place, the cohorts, which reports are one
event, and where a source departs from the others.

Sentences are copied only from DPRK state media (the pack's `quote` column and texts); other
publishers appear by title, date and URL, and by what they state in our words.
"""

import csv
import re
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from regiondev import dates  # noqa: E402

DEFAULT_PACK = HERE.parent.parent / "shared" / "sources" / "pack"
LEADER = "Kim Jong Un"

# The founding article (seed/kim-jong-uns-world-of-devoted-service-2.txt), stated as pack rows.
ARTICLE = "kim-jong-uns-world-of-devoted-service-2"
ARTICLE_SOURCE = {
    "source": ARTICLE,
    "title": "Kim Jong Un's World of Devoted Service for People (2)",
    "publisher": "",
    "published": "2025",
    "published_note": (
        "unstated; its own words place it in 2025 (“On December 20, 2024 … with the beginning "
        "of this year”)"
    ),
    "url": "",
    "language": "en",
    "kind": "dprk-state-media",
    "completeness": "full text as kept",
    "text": "kim-jong-uns-world-of-devoted-service-2.txt",
    "publisher_detail": (
        "DPRK-supplied feature, part (2) of the series whose part (1) ILNA republished; "
        "the publisher of this part is not in the text"
    ),
}
ARTICLE_FACTS = [
    (
        "Songchon",
        "South Phyongan",
        "groundbreaking",
        "In late February last year",
        "2024-02-21/2024-02-29",
        "yes",
        "",
        "In late February last year a groundbreaking ceremony signalling the start of the "
        "implementation of the Regional Development 20×10 Policy was held in the presence of "
        "Kim Jong Un, president of the State Affairs of the DPRK, in Songchon County of South "
        "Phyongan Province which is a typical intermediate, mountainous area of the DPRK.",
    ),
    (
        "Songchon",
        "",
        "inauguration",
        "On December 20, 2024",
        "2024-12-20",
        "yes",
        "regional-industry factories",
        "On December 20, 2024 an inauguration ceremony of regional-industry factories in "
        "Songchon County took place with splendour in his presence.",
    ),
    (
        "Hamju",
        "South Hamgyong",
        "field_guidance",
        "(last year; no date given)",
        "2024",
        "yes",
        "regional-industry factories",
        "In addition, he gave field guidance at the construction sites of regional-industry "
        "factories in Hamju County of South Hamgyong Province, North Phyongan Province and "
        "Jaeryong County of South Hwanghae Province so that they could be built at the highest "
        "levels.",
    ),
    (
        "(not named)",
        "North Phyongan",
        "field_guidance",
        "(last year; no date given)",
        "2024",
        "yes",
        "regional-industry factories",
        "In addition, he gave field guidance at the construction sites of regional-industry "
        "factories in Hamju County of South Hamgyong Province, North Phyongan Province and "
        "Jaeryong County of South Hwanghae Province so that they could be built at the highest "
        "levels.",
    ),
    (
        "Jaeryong",
        "South Hwanghae",
        "field_guidance",
        "(last year; no date given)",
        "2024",
        "yes",
        "regional-industry factories",
        "In addition, he gave field guidance at the construction sites of regional-industry "
        "factories in Hamju County of South Hamgyong Province, North Phyongan Province and "
        "Jaeryong County of South Hwanghae Province so that they could be built at the highest "
        "levels.",
    ),
    (
        "(places not named)",
        "",
        "consultative_meeting",
        "After the event (the groundbreaking of late February last year)",
        "2024-02-21/2024-12-31",
        "yes",
        "",
        "Kim Jong Un convened on-site consultative meetings where he advanced the strategies "
        "for the successful promotion of the policy and the transformative development of "
        "regions and took relevant measures for implementing them.",
    ),
    (
        "Sinpho",
        "South Hamgyong",
        "consultative_meeting",
        "in July last year",
        "2024-07",
        "yes",
        "offshore farming ground",
        "A consultative meeting for regional economic development held in July last year on "
        "the shore in Sinpho of South Hamgyong Province marked a milestone in the drive for the "
        "Korean-style development of regional economy.",
    ),
]

# The name each place goes by here: the spelling of DPRK state media in the pack where it
# differs from the gazetteer's (Wikipedia's); keyed on hangul, as places are.
DPRK_NAMES = {
    "연탄군": "Yonthan",
    "장풍군": "Jangphung",
    "김형직군": "Kim Hyong Jik",
    "김정숙군": "Kim Jong Suk",
    "장연군": "Jangyon",
    "개풍구역": "Kaephung",
    "랑림군": "Rangnim",
    "장강군": "Janggang",
    "은률군": "Unryul",
}

# What the founding article says of a place beyond its events.
COUNTY_NOTES = {"성천군": ("A typical intermediate, mountainous area of the DPRK.", ARTICLE)}

# The cohorts, as the pack's README and sources give them (20 of 2024, the 19 identified of
# 2025, and the 2026 starts reported by February 2026).
COHORTS = {
    2024: "성천군 구성시 숙천군 은파군 경성군 어랑군 온천군 구장군 운산군:KP-03 연탄군 은천군 "
    "재령군 동신군 우시군 고산군 이천군 함주군 금야군 김형직군 장풍군",
    2025: "강동군 장연군 부령군 김정숙군 개풍구역 은산군:KP-02 룡강군 황주군 북창군 염주군 배천군 "
    "장강군 철원군 길주군 신양군 랑림군 대관군 신포시 곡산군",
    2026: "은률군 강남군 맹산군 신의주시",
}

# Spellings in the pack beyond the gazetteer's, and the place each means.
SPELLINGS = {
    "Soncheon": "성천군",
    "Seongcheon": "성천군",
    "Gujang": "구장군",
    "Kunjang": "구장군",
    "Eunchon": "은천군",
    "Eunsan": "은산군",
    "Kimhyongjik": "김형직군",
    "Kim-Hyong-Jik": "김형직군",
    "Changphung": "장풍군",
    "Gangdong": "강동군",
    "Changyon": "장연군",
    "Bullyeong": "부령군",
    "Yonggang": "룡강군",
    "Rangrim": "랑림군",
    "Daegwan": "대관군",
    "Cheorwon": "철원군",
    "Sinpo": "신포시",
    "Shinpo": "신포시",
    "Unnyul": "은률군",
    "Mangsan": "맹산군",
    "燕灘郡": "연탄군",
    "咸州郡": "함주군",
    "温泉郡": "온천군",
}
PROVINCE_SPELLINGS = {
    "KP-01": ["Pyongyang", "평양시", "just outside Pyongyang"],
    "KP-02": [
        "South Phyongan",
        "South Pyongan",
        "Pyongan-Namdo",
        "Süd-Pyongan",
        "Süd-Phyongan",
        "평안남도",
        "South Pyongyan",
    ],
    "KP-03": ["North Phyongan", "North Pyongan", "Nord-Phyongan", "평안북도"],
    "KP-04": ["Jagang", "자강도"],
    "KP-05": ["South Hwanghae", "Süd-Hwanghae", "황해남도"],
    "KP-06": ["North Hwanghae", "Nord-Hwanghae", "황해북도", "黄海北道"],
    "KP-07": ["Kangwon", "강원도"],
    "KP-08": ["South Hamgyong", "Hamgyeong Selatan", "함경남도", "咸鏡南道"],
    "KP-09": ["North Hamgyong", "Nord-Hamgyong", "함경북도"],
    "KP-10": ["Ryanggang", "량강도", "양강도"],
    "KP-14": ["Nampho", "Nampho Municipality", "남포시", "南浦市"],
    "KP-15": ["Kaesong", "Kaesong Municipality", "개성시", "Kaesong (Stadt)", "city of Kaesong"],
}
# Rows whose place is written in a way no spelling resolves, read by hand.
PLACES_READ = {
    "(13 Landkreise; Kujang, Eunchon, Ichon mentioned)": ["구장군", "은천군", "이천군"],
    "(several; not named)": ["성천군"],  # "Three Times a Year" names Songchon among them
    "(not named in excerpt; Kangdong per other sources)": ["강동군"],
    "Songchon (and other sites)": ["성천군"],
    "황주군 (and 8 others not named)": ["황주군"],
    "Sinuiju Combined Greenhouse Farm (area)": ["신의주시"],
    "Sinuiju Greenhouse Complex": ["신의주시"],
    "Sinuiju Greenhouse Complex Farm District": ["신의주시"],
    "(places not named)": [],
    "(not named)": [],
}
PLACE_NAMES = {  # the words a record keeps where its place is a part of a county
    "신의주시": "Sinuiju Combined Greenhouse Farm area",
}
PLACES_NOT_NAMED = "on site, places not named in the source"
# The Straits Times does not name the county; the same day's Unryul ceremony is the one it
# reports (Kim's speech, 29 January 2026).
# KBS's English item names no county of the 3 December 2025 tour; its German item the same
# day names the three.
ROW_PLACE = {
    ("straitstimes-2026-01-30-kim-announces-2026-construction", "(not named)"): ["은률군"],
    ("kbs-2025-12-05-kim-inspects-regional-factories-ahead-of-openings", "(not named)"): [
        "신양군",
        "북창군",
        "은산군:KP-02",
    ],
}

# Claims that depart from the others: the record keeps them, shows them, and does not follow.
# Each names the day of the event it belongs to.
DEPARTURES = {
    ("dailynk-2025-04-npyongan-factories-fail-to-deliver-via-thepressunited", "운산군"): (
        "Dates the ceremony 7 March; state media (KCNA, Pyongyang Times) report it on 7 February.",
        "2025-02-07",
    ),
    ("news1-2025-12-kim-sinpo-factory-opening", "신포시"): (
        "Writes “July 19”, apparently a translation error: every other source dates the Sinpho "
        "factory opening 19 December 2025.",
        "2025-12-19",
    ),
}
# Where a record spans more than one source's day, the source that dates the whole of it.
FOLLOW = {"vok-2024-01-25-report-19th-enlarged-politburo-meeting"}
NOTES = {
    ("kbs-2025-01-24-kujang-completion", "구장군", "inauguration"): (
        "The only source for this date; its own date arithmetic is inconsistent (“the previous "
        "day” of a Saturday report), so the day is uncertain."
    ),
    ("joongangdaily-2024-11-20-kim-rapid-progress-songchon", "성천군", "field_guidance"): (
        "Calls this visit Kim's second to Songchon; state media list three that year "
        "(28 February, 24–25 August, 19 November)."
    ),
    ("nknews-2024-11-20-kim-inspects-songchon-seventh-time", "성천군", "field_guidance"): (
        "Counts this as Kim's seventh inspection of the Songchon construction; state media list "
        "three visits that year."
    ),
    (
        "spn-2024-03-07-groundbreaking-kusong-sukchon-unpha-kyongsong-orang-onchon",
        "온천군",
        "groundbreaking",
    ): ("Its photo caption places Onchon in South Phyongan; its lead, and state media, in Nampho."),
}
# Where one county had two ceremonies of a kind within the same weeks, the facilities tell
# them apart: Kangdong's hospital and service centre (6 February 2025, with Kim) and its
# regional-industry factories (28 February 2025).
HOSPITAL_WORDS = ("hospital", "병원", "leisure", "service center", "봉사소")

# Facilities named in the sources, found by their words; anything else is the county's
# regional-industry factories.
FACILITIES = [
    (("paper", "종이"), "{name} Paper Mill", "paper"),
    (("hospital", "병원"), "{name} {kind}Hospital", "health care"),
    (
        ("service center", "service centre", "봉사소", "leisure", "dienstleistung"),
        "{name} service and leisure complex",
        "services and leisure",
    ),
    (("grain",), "{name} grain management facility", "agriculture"),
    (
        ("fischverarbeitung", "fish-processing", "fish processing"),
        "{name} fish-processing factory",
        "fisheries",
    ),
    (("offshore farm",), "Sinpho City Offshore Farm", "fisheries"),
]
NAMED_FACTORIES = {  # named one by one by a state-media source
    "숙천군": [
        ("Sukchon County Foodstuff Factory", "foodstuff"),
        ("Sukchon County Garment Factory", "textiles and clothing"),
        ("Sukchon County Daily Necessities Factory", "daily necessities"),
    ],
    "김화군": [
        ("Kimhwa County foodstuff factory", "foodstuff"),
        ("Kimhwa County garment factory", "textiles and clothing"),
        ("Kimhwa County daily necessities factory", "daily necessities"),
        ("Kimhwa County paper mill", "paper"),
    ],
}
# The 19 groundbreakings of 2024 after Songchon's: state media say they followed it, which
# bounds the days of those reported only by their report date (the six of 7 March 2024).
FOLLOWED_SONGCHON = "kcnawatch-2024-07-05-breakthrough-ten-year-goal"
FOLLOWED_QUOTE = (
    "A ground-breaking ceremony for the construction of regional-industry factories was held in "
    "Songchon County of South Phyongan Province on February 28, and it was followed by similar "
    "ceremonies in 19 cities and counties one after another."
)
# Speeches: the record of a ceremony cited by one of these names the leader as its speaker.
SPEECHES = {
    "chongnyonchonwi-2024-02-29-kim-speech-songchon-groundbreaking",
    "minjujoson-2024-12-kim-speech-songchon-inauguration",
    "pyongyangtimes-2024-12-22-kim-speech-songchon-inauguration",
    "solidnet-2025-02-20-kim-speech-kangdong-hospital-leisure-groundbreaking",
    "vok-2026-01-29-kim-speech-unryul-groundbreaking",
}
MILESTONES = {  # the policy's own milestones, which name no county
    "kcna-2024-01-30-non-permanent-central-committee-20x10": (
        "The non-permanent central committee for promoting the Regional Development 20×10 "
        "Policy starts its work."
    ),
}
EVENT_KINDS = {
    "groundbreaking": ("ceremony", "groundbreaking"),
    "inauguration": ("ceremony", "inauguration"),
    "field_guidance": ("visit", "field guidance"),
    "consultative_meeting": ("visit", "consultative meeting"),
    "other": ("ceremony", "other"),
}
PUBLISHERS = [  # the pack's publisher text starts with one of these
    ("KCNA report text", "KCNA"),
    ("KCNA", "KCNA"),
    ("Voice of Korea", "Voice of Korea"),
    ("Rodong Sinmun", "Rodong Sinmun"),
    ("Pyongyang Times", "Pyongyang Times"),
    ("Naenara", "Naenara"),
    ("Minju Joson", "Minju Joson"),
    ("Chongnyon Chonwi", "Chongnyon Chonwi"),
    ("Choson Sinbo", "Choson Sinbo"),
    ("DPRK state media", "DPRK state media"),
    ("likely Pyongyang Times", "Pyongyang Times (likely)"),
    ("SolidNet", "SolidNet"),
    ("ILNA", "ILNA"),
    ("Yonhap News TV", "Yonhap News TV"),
    ("Yonhap", "Yonhap"),
    ("KBS", "KBS World"),
    ("Korea JoongAng Daily", "Korea JoongAng Daily"),
    ("The Korea Herald", "The Korea Herald"),
    ("News1", "News1"),
    ("NK News", "NK News"),
    ("Daily NK", "Daily NK"),
    ("38 North", "38 North"),
    ("TASS", "TASS"),
    ("Adnkronos", "Adnkronos"),
    ("SBS", "SBS News"),
    ("TV조선", "TV Chosun"),
    ("서울신문", "Seoul Shinmun"),
    ("통일뉴스", "Tongil News"),
    ("시사주간", "Sisa Weekly"),
    ("SPN", "SPN Seoul Pyongyang News"),
    ("Korea Bizwire", "Korea Bizwire"),
    ("아주경제", "Aju Business Daily"),
    ("NewKerala", "NewKerala"),
    ("The Straits Times", "The Straits Times"),
    ("Devdiscourse", "Devdiscourse"),
    ("Explore DPRK", "Explore DPRK"),
    ("Orinoco Tribune", "Orinoco Tribune"),
    ("ViewUs Global", "ViewUs Global"),
    ("allthe.news", "allthe.news"),
    ("nkngo.org", "nkngo.org"),
    ("GitHub", "GitHub"),
]


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
            "date": row["date_iso_or_edtf"],
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
        # Claims that name no county are one event only when they are written alike.
        tag = "" if claim.county else claim.as_written
        if hangul == "강동군" and claim.kind == "groundbreaking":
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
        return PLACES_NOT_NAMED
    if any("Sinuiju" in text for text in written):
        return PLACE_NAMES["신의주시"]
    if record.kind == "consultative meeting" and record.county.startswith("신포시"):
        return "the shore in Sinpho"
    return ""


def record_date(record):
    """The date every agreeing claim allows (their intersection), as EDTF; and the claims
    that fix it, which the record follows."""
    agreeing = [c for c in record.claims if not c.departs and c.upper is not None]
    leading = [c for c in agreeing if c.source in FOLLOW]
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


FACILITY_WORDS = (
    r"hospital|paper|service cent\w+|leisure complex\w*|grain management|fischverarbeitung\w*"
    r"|offshore farm|greenhouse|병원|종합봉사소|종이공장"
)
GENERIC_WORDS = r"factor|fabrik|betrieb|공장|工場|industr|plant|werk|pabrik"


def facility_of(claim_facilities, name, county_kind):
    words = claim_facilities.casefold()
    found = []
    for keys, pattern, sector in FACILITIES:
        if any(key in words for key in keys):
            kind = "County " if county_kind == "county" else ""
            found.append((pattern.format(name=name, kind=kind), sector))
    return found


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


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PACK, HERE)
