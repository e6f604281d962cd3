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
