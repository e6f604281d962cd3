"""What the seed decides by hand rather than reads from the source pack, each with its reason:
the founding article's facts, the DPRK spelling of each place, the cohorts, which reports are
one event, where a source departs from the others, and the facilities a county's report names.
"""

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
# The Straits Times does not name the county; the same day's Unryul ceremony is the one it
# reports (Kim's speech, 29 January 2026).
# KBS's English item names no county of the 3 December 2025 tour; its German item the same
# day names the three.
# The founding article's field guidance "in North Phyongan Province" (2024) and Adnkronos's of
# the same province (story of 6 October 2024, after the Pyongyang Times) name no county; KBS
# (24 January 2025) dates Kim's visit to the Kujang construction "last October". No source
# reports another visit to North Phyongan that year, and the three agree in province, kind
# and date (1 to 6 October 2024), so they are read as one visit, to Kujang (NOTES says so on
# each citation that names no county).
ROW_PLACE = {
    (ARTICLE, "(not named)"): ["구장군"],
    ("adnkronos-2024-10-07-kim-supervises-north-phyongan", "(not named)"): ["구장군"],
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
UNNAMED_KUJANG = (
    "Names no county, only North Phyongan; read as the Kujang visit KBS dates to October "
    "2024, the only visit to the province the sources report that year."
)
NOTES = {
    (ARTICLE, "구장군", "field_guidance"): UNNAMED_KUJANG,
    ("adnkronos-2024-10-07-kim-supervises-north-phyongan", "구장군", "field_guidance"): (
        UNNAMED_KUJANG
    ),
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
# Facilities named in the sources, found by their words (English, German, Korean, as the
# pack writes them): each is its own record under its county. A statement of the county's
# factories in general means those of them the sources name one by one (INDUSTRY); where they
# name none, "X regional-industry factories" stands for them all.
HEAD = r"(?:[ -]?(?:factor(?:y|ies)|mills?|plants?|fabrik\w*|betrieb\w*|공장))?"
FACILITIES = [
    (rf"(?:paper|종이){HEAD}", "{name} {kind}paper mill", "paper"),
    (rf"(?:hospital(?: complex)?|병원){HEAD}", "{name} {kind}hospital", "health care"),
    (
        r"service and leisure complex|(?:general |comprehensive )?service cent\w+|leisure"
        r"(?: complex\w*)?|종합봉사소|봉사소|dienstleistung\w*",
        "{name} service and leisure complex",
        "services and leisure",
    ),
    (r"grain management(?: facility)?", "{name} grain management facility", "agriculture"),
    (
        rf"(?:fischverarbeitung\w*|fish[- ]processing){HEAD}",
        "{name} fish-processing factory",
        "fisheries",
    ),
    (r"offshore farm\w*(?: ground)?", "Sinpho City Offshore Farm", "fisheries"),
    (
        rf"(?:foodstuff\w*|\bfood(?: processing)?\b|lebensmittel|식료){HEAD}",
        "{name} {kind}foodstuff factory",
        "foodstuff",
    ),
    (
        rf"(?:garment\w*|clothing|clothes|bekleidung\w*|옷|피복){HEAD}",
        "{name} {kind}garment factory",
        "textiles and clothing",
    ),
    (
        rf"(?:daily[- ]necessities|daily goods|gebrauchsgüter|güter des täglichen bedarfs"
        rf"|일용품){HEAD}",
        "{name} {kind}daily necessities factory",
        "daily necessities",
    ),
]
INDUSTRY = (
    "foodstuff factory",
    "garment factory",
    "daily necessities factory",
    "fish-processing factory",
)
# What a factory makes, where a source says so: (county, sector) -> products, in our words for
# other publishers, in state media's where they are quoted.
PRODUCTS = {
    ("숙천군", "foodstuff"): (  # Naenara, 2025-02-15
        "wheat and soybean paste, soy sauce, sweets, biscuits, bread, corn syrup, soya milk "
        "and cooking oil"
    ),
    ("숙천군", "textiles and clothing"): "clothes",  # Naenara, 2025-02-15
    ("숙천군", "daily necessities"): (  # Naenara, 2025-02-15
        "laundry soap, plastic pipes and containers, and wooden pieces"
    ),
    ("장연군", "foodstuff"): "soybean paste, soy sauce, beer",  # nkngo.org; JoongAng Daily
    ("어랑군", "foodstuff"): "processed fishery products and other foodstuffs",  # Yonhap photo
    ("구장군", "foodstuff"): "acorn liquor",  # Daily NK, July 2024
    ("성천군", "other"): (  # TASS, 2024-12-21: the workshops it lists
        "butter, soy sauce, pasta, chestnut jam, bread, drinks, soap"
    ),
}
# Where one county had two ceremonies of a kind within the same weeks, the facilities tell
# them apart: Kangdong's hospital and service centre (6 February 2025, with Kim) and its
# regional-industry factories (28 February 2025); Kusong's hospital, completed by December
# 2025, and its factories, inaugurated by 11 February 2025.
SPLIT_BY_FACILITY = {"강동군": ("groundbreaking",), "구성시": ("inauguration",)}
HOSPITAL_WORDS = ("hospital", "병원", "leisure", "service center", "봉사소")
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
# The policy's own milestones, which name no county: each source's statement, by milestone.
# The plenary meeting of December 2024 that extended the policy to hospitals is not here: no
# source of the pack says so (the Jangphung report of February 2025 names the Eleventh
# Plenary Meeting only as a call to carry out its decisions).
SPA_SESSION = (
    "At the 10th Session of the 14th Supreme People's Assembly Kim Jong Un names the gap "
    "between the capital and the provinces, and between regions, as the issue to tackle; the "
    "name Regional Development 20×10 Policy first appears in DPRK media that month."
)
MILESTONES = {
    "kcna-2024-01-30-non-permanent-central-committee-20x10": (
        "The non-permanent central committee for promoting the Regional Development 20×10 "
        "Policy starts its work."
    ),
    "ilna-2025-03-05-kim-world-of-devoted-service-part1": SPA_SESSION,
    "vok-2024-01-25-report-19th-enlarged-politburo-meeting": SPA_SESSION,
}
MILESTONE_OF = {source: summary[:40] for source, summary in MILESTONES.items()}
# Statements the pack's facts.csv does not hold as rows but its sources make, read by hand.
EXTRA_FACTS = [
    # The Politburo report dates the Assembly session before its meeting of 23 January 2024.
    {
        "source": "vok-2024-01-25-report-19th-enlarged-politburo-meeting",
        "county_as_written": "",
        "province_as_written": "",
        "event_kind": "other",
        "date_as_written": "Since the 10th Session of the 14th Supreme People's Assembly",
        "date_iso_or_edtf": "2024-01-01/2024-01-23",
        "leader_present": "unstated",
        "facilities_named": "",
        "quote": (
            "Since the 10th Session of the 14th Supreme People's Assembly, the Party Central "
            "Committee has so far made profound study of ways for ensuring the unconditional "
            "implementation of the centuries-old desire cherished and hailed by all the people "
            "across the country and, on this basis, convened an important meeting to solemnly "
            "proclaim the thoroughgoing plan and strategy for practice."
        ),
    },
    # KBS: Kusong's hospital, the second regional hospital, reported completed when Kim visited
    # it in December 2025; no ceremony is reported, so the day is not known.
    {
        "source": "kbs-2025-12-kusong-hospital-completed",
        "county_as_written": "Kusong",
        "county_key": "구성시",
        "province_as_written": "",
        "event_kind": "inauguration",
        "date_as_written": "completed (reported December 2025)",
        "date_iso_or_edtf": "2025-12",
        "leader_present": "unstated",
        "facilities_named": "hospital",
        "quote": "",
    },
]
FIRST_YEAR_QUOTE = (
    "Die Aufgabe im ersten Jahr für die 20×10 Politik der Partei der Arbeit Koreas für die "
    "Entwicklung von örtlichen Gebieten wurde durch die Einweihung der Industriebetriebe im "
    "Kim-Hyong-Jik-Kreis vom Bezirk Ryanggang abgeschlossen."
)
# The first year's task was closed with the 20th inauguration, Kim Hyong Jik's of 11 February
# 2025 (Voice of Korea; Yonhap: the 20 regions' factories inaugurated from the end of 2024 to
# then). The pack has no report of Kusong's, Orang's, Usi's or Ichon's own ceremony: they were
# inaugurated in that span, the day not reported.
FIRST_YEAR_UNREPORTED = ("구성시", "어랑군", "우시군", "이천군")
for _hangul in FIRST_YEAR_UNREPORTED:
    EXTRA_FACTS += [
        {
            "source": "vok-2025-02-11-kim-hyong-jik-20th-inauguration-german",
            "county_as_written": "(not named; the first year's 20 cities and counties)",
            "county_key": _hangul,
            "province_as_written": "",
            "event_kind": "inauguration",
            "date_as_written": "by the 20th inauguration, 11 February 2025",
            "date_iso_or_edtf": "2024-02-28/2025-02-11",
            "leader_present": "unstated",
            "facilities_named": "regional-industry factories",
            "quote": FIRST_YEAR_QUOTE,
        },
        {
            "source": "yonhap-2025-02-12-kim-hyong-jik-completes-first-year-korean",
            "county_as_written": "(20 regions: 성천군 ... 김형직군)",
            "county_key": _hangul,
            "province_as_written": "",
            "event_kind": "inauguration",
            "date_as_written": "지난해 말 ... 이번",
            "date_iso_or_edtf": "2024-12/2025-02-11",
            "leader_present": "unstated",
            "facilities_named": "regional-industry factories",
            "quote": "",
        },
    ]
SUMMARIES = {  # what a record made of those statements says of itself
    ("구성시", "inauguration", "2025-12"): (
        "Reported completed by Kim Jong Un's visit in December 2025; no ceremony is reported."
    ),
    **{
        (hangul, "inauguration", "2024-12/2025-02-11"): (
            "Inaugurated by 11 February 2025, when the first year's task was declared complete "
            "with the 20th inauguration (Kim Hyong Jik County); the day is not reported."
        )
        for hangul in FIRST_YEAR_UNREPORTED
    },
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
