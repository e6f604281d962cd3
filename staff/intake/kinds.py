"""What happened, who spoke, who was there, and which facilities: the wordings reports use.

Each event kind has its English, Korean (and Japanese), and German wordings. A wording that
only mentions another event ("since their ground-breaking", "from the ground-breaking
ceremony to the inauguration") is not an event of its own. Field guidance is also written as
the leader visiting, inspecting or calling at a site.
"""

import re

from events.choices import CeremonyKind, VisitKind
from events.models import Ceremony, GuidanceVisit
from sites.choices import Sector
from sites.search import southern_hangul

# The leader, by name or by the titles reports name him with.
LEADER = re.compile(
    r"\bKim Jong Un\b|\bGeneral Secretary\b|\b(?:Chairman|President) of the State Affairs\b"
    r"|\brespected Comrade\b|김정은|총비서|국무위원장|金正恩|総書記|\bGeneralsekretär\w*"
    r"|\bVorsitzende\w* für Staatsangelegenheiten\b",
    re.IGNORECASE,
)
_LEADER_OR_HE = rf"(?:{LEADER.pattern}|\bhe\b)"
_CONSTRUCTION = r"(?:the )?(?:construction|building)\b"

# The event kinds the reader recognises: (model, kind value, how reports write it). Korean
# wordings are matched on the text in the southern orthography (frame.southern_hangul).
EVENT_KINDS = {
    "groundbreaking": (
        Ceremony,
        CeremonyKind.GROUNDBREAKING.value,
        re.compile(
            r"\bground[-\s]?break(?:ing|s)?\b|\b(?:break|breaks|breaking|broke|broken) "
            r"(?:the )?ground\b"
            rf"|\bceremon(?:y|ies)\b[^.;]{{0,40}}?\b(?:start(?:ing|s)?|begin(?:ning)?|launch(?:ing)?)"
            rf"\b(?: of)? {_CONSTRUCTION}"
            rf"|\b{_CONSTRUCTION}(?: work)?(?: of [^.;]{{0,80}}?)? (?:began|begun|begins|started|"
            r"starts|(?:was|were) (?:started|begun|launched)|got under ?way|kicked off)\b"
            rf"|\b(?:began|started|launched) {_CONSTRUCTION}"
            r"|착공|着工|\bGrundsteinlegung\w*|\bBaubeginn\w*|\bBaustart\w*|\bSpatenstich\w*",
            re.IGNORECASE,
        ),
    ),
    "inauguration": (
        Ceremony,
        CeremonyKind.INAUGURATION.value,
        re.compile(
            r"\binaugura(?:tions?|ted|tes?|ting|l)\b|\bcompletion\b|\bcommissioning\b"
            r"|\bcommissioned\b|준공|竣工|\bEinweihung\w*|\beingeweiht\b|\bInbetriebnahme\w*",
            re.IGNORECASE,
        ),
    ),
    "field guidance": (
        GuidanceVisit,
        VisitKind.FIELD_GUIDANCE.value,
        re.compile(
            r"\bfield guidance\b|\bon-the-spot guidance\b|\bguided\b[^.]{0,80}\bon the spot\b"
            r"|현지지도|현지(?:료|요)해|現地指導|\bVor-Ort-Anleitung\b",
            re.IGNORECASE,
        ),
    ),
    "consultative meeting": (
        GuidanceVisit,
        VisitKind.CONSULTATIVE_MEETING.value,
        re.compile(r"\bconsultative meetings?\b|협의회|協議会|\bBeratung\b", re.IGNORECASE),
    ),
}
# "Similar ceremonies were held in …": the kind of the sentence before.
SIMILAR = re.compile(r"\bsimilar (?:ceremon(?:y|ies)|events?|meetings?)\b", re.IGNORECASE)
# The leader visiting a site is field guidance, when he is the one who visits; in Korean the
# honorific verb (돌아보시였다, 찾으시였다) says he is the one.
_LEADER_VISITS = re.compile(
    rf"{_LEADER_OR_HE}(?:(?!\bparticipants\b)[^.;]){{0,80}}?"
    r"\b(?:visited|called at|inspected|toured|looked round|looked around|went round)\b"
    r"|돌아보시|찾으시|현지에서 료해|현지에서 요해",
    re.IGNORECASE,
)
_SITE = re.compile(
    r"\b(?:site|sites|factor(?:y|ies)|county|city|district|township|farm|construction)\b"
    r"|건설장|공장|농장",
    re.IGNORECASE,
)
_LEADER_PRESENT = re.compile(
    rf"(?:{LEADER.pattern})[^.;]{{0,160}}?\b(?:was present|attended|took part|participated|"
    r"made (?:an? |the )?(?:\w+ )?(?:speech|address)|broke ground|cut the|took the first "
    r"shovel|pressed the detonator|visited|guided|gave field guidance|inspected|looked round|"
    r"toured)"
    r"|\bin (?:his|the leader's) presence\b|\bin the presence of (?:the respected )?"
    rf"(?:Comrade )?(?:{LEADER.pattern})"
    r"|(?:김정은|총비서|국무위원장)[^.]{0,120}?(?:참석|참가|현지지도|현지료해|현지요해|돌아보|연설|"
    r"찾으|착공|준공)",
    re.IGNORECASE,
)
# A kind written only to refer to another event: "since their ground-breaking", "ahead of
# the inauguration", "from the ground-breaking to the inauguration".
_MENTION_BEFORE = re.compile(
    r"(?:\b(?:since|after|before|of their|of its|of the first|towards?|ahead of|nearing|until|"
    r"awaiting|preparations? for|preparing for)\b"
    r"|\bfrom\b)(?:\W+\w+){0,4}\W*$",
    re.IGNORECASE,
)
_TO_ANOTHER = re.compile(r"^\W*(?:\w+\W+){0,4}?to\s+(?:the\s+)?(?:\w+[\s-]+){0,3}$", re.IGNORECASE)
# The ceremony's own parts, which are not events of their own (English words apart, German
# compounds: Einweihungsansprache, Einweihungsbänder).
_PART_OF = re.compile(r"^\s*(?:address|speech|tape|ribbon)|^s?(?:ansprache|rede|b[aä]nd)", re.I)
# "준공을 앞둔" (ahead of its completion), "착공 당해" (the year it began), "준공계절" (the
# season of completions): the kind named, no event of its own.
_KOREAN_MENTION_AFTER = re.compile(r"^\s*(?:을 앞둔|을 앞두고|당해|계절|을 위한)")


def kinds_in(sentence: str) -> list[tuple[str, bool]]:
    """The event kinds a sentence names, in order, each with whether it is only a mention."""
    southern = southern_hangul(sentence)
    found = []
    for kind, (_, _, pattern) in EVENT_KINDS.items():
        for match in pattern.finditer(southern):
            found.append((match.start(), match.end(), kind))
    visit = _LEADER_VISITS.search(southern)
    if visit and _SITE.search(southern):
        found.append((visit.end() - 1, visit.end(), "field guidance"))
    found.sort()
    kinds = []
    for index, (start, end, kind) in enumerate(found):
        mention = bool(_MENTION_BEFORE.search(sentence[max(0, start - 60) : start]))
        following = [other for other in found[index + 1 :] if other[2] != kind]
        if following and _TO_ANOTHER.match(sentence[end : following[0][0]]):
            mention = True
        if following and not sentence[end : following[0][0]].strip():
            mention = True  # a word qualifying the next kind's: 현지료해 협의회
        if _PART_OF.match(sentence[end : end + 12]) and kind == "inauguration":
            mention = True  # the inaugural address or tape: part of a ceremony told elsewhere
        if _KOREAN_MENTION_AFTER.match(southern[end : end + 6].lstrip("식")):
            mention = True
        kinds.append((kind, mention))
    unique = []
    for kind, mention in kinds:
        same = [item for item in unique if item[0] == kind]
        if same:
            if not mention and same[0][1]:
                unique[unique.index(same[0])] = (kind, False)
            continue
        unique.append((kind, mention))
    return unique


def leader_present(sentence: str) -> bool:
    return bool(_LEADER_PRESENT.search(sentence))


# --- people -------------------------------------------------------------------------------

_NAME = r"(?:[A-Z][a-z]+(?:-[a-z]+)?(?: [A-Z][a-z]+(?:-[a-z]+)?){1,2})"
_SPOKE = (
    r"(?:addressed|made (?:an?|the) (?:\w+ )?(?:address|speech)|delivered (?:an?|the) "
    r"(?:\w+ )?(?:address|speech)|gave (?:an?|the) (?:\w+ )?(?:address|speech)|spoke)"
)
_SPEAKER_PATTERNS = [
    # "Ri Jae Nam, chief secretary of …, addressed the ceremony."
    re.compile(
        rf"(?:^|, |\bThen,? )(?P<who>{_NAME})(?:, (?P<title>[^.]{{3,200}}?),)? (?:{_SPOKE}|"
        r"in (?:his|her) speech|said in (?:his|her))"
    ),
    # "Premier Pak Thae Song made a speech", "Chief Secretary Jo Yong Won addressed it."
    re.compile(
        rf"(?:^|, |\bThen,? )(?P<title>(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)? ){{1,4}}?)(?P<who>{_NAME})"
        rf" {_SPOKE}"
    ),
    # "A speech was made by Jon Nam Chol, Chief Secretary of …."
    re.compile(
        rf"\b(?:speech|address) was (?:made|delivered|given) by (?P<who>{_NAME})"
        r"(?:, (?P<title>[^.]{3,200}))?"
    ),
    # "Addressing the ceremony, Ri Thae Il, chief secretary of …, said"
    re.compile(rf"^Addressing the \w+, (?P<who>{_NAME})(?:, (?P<title>[^.]{{3,200}}?),)? said"),
    # Korean: "내각 총리 박태성동지가 준공사를 하였다", "책임비서 박창호동지는 착공사에서".
    re.compile(
        r"(?:^|[,.]\s*)(?P<title>[가-힣][가-힣 ]{0,60}?)?\s*(?P<who>[가-힣]{2,4})"
        r"동지(?:가|는|께서)\s*"
        r"(?:[가-힣]{0,4}(?:공사|연설|축하문|보고))(?:를|을|에서)"
    ),
    # German: "Ri Il Hwan, Sekretär …, hielt eine Einweihungsansprache."
    re.compile(
        rf"(?:^|, )(?P<who>{_NAME})(?:, (?P<title>[^.]{{3,160}}?),)? hielt eine "
        r"\w*(?:ansprache|rede)\b"
    ),
    re.compile(
        rf"(?P<title>[^.]{{3,120}}?), (?P<who>{_NAME}), (?:sagte|betonte) in seiner "
        r"\w*(?:ansprache|rede)"
    ),
]
# Who was there: "Present at the ceremony were …", "It was attended by …", "… were present",
# "accompanied by …", "…이 준공식에 참가하였다".
_PRESENT = [
    re.compile(r"^(?:Also )?(?:Present|Attending)\b[^.,]{0,40}?\b(?:was|were) (?P<who>[^.]+)"),
    re.compile(r"\b(?:was|were) attended by (?P<who>[^.]+)"),
    re.compile(r"\baccompanied by (?P<who>[^.]+)"),
    re.compile(r"^(?P<who>[^.]{5,400}?) (?:was|were) present\b"),
    re.compile(r"^(?P<who>[^.]{5,400}?)(?:이|가)\s*(?:[가-힣]*식|행사|회의)에\s*(?:참가|참석)하"),
]


def speakers_in(sentence: str) -> list[str]:
    found = []
    for pattern in _SPEAKER_PATTERNS:
        for match in pattern.finditer(sentence):
            who, title = match["who"], (match.groupdict().get("title") or "").strip()
            if LEADER.fullmatch(who):
                continue
            entry = f"{who} ({title})" if title else who
            if not any(who in earlier for earlier in found):
                found.append(entry)
    return found


def present_in(sentence: str) -> str:
    for pattern in _PRESENT:
        match = pattern.search(sentence)
        if match:
            return match["who"].strip()
    return ""


# --- facilities ---------------------------------------------------------------------------

FACILITY_SECTORS = {
    "foodstuff": Sector.FOODSTUFF,
    "food": Sector.FOODSTUFF,
    "lebensmittel": Sector.FOODSTUFF,
    "식료": Sector.FOODSTUFF,
    "garment": Sector.TEXTILES,
    "clothing": Sector.TEXTILES,
    "textile": Sector.TEXTILES,
    "bekleidung": Sector.TEXTILES,
    "피복": Sector.TEXTILES,
    "daily necessities": Sector.DAILY_NECESSITIES,
    "daily-necessities": Sector.DAILY_NECESSITIES,
    "gebrauchsgüter": Sector.DAILY_NECESSITIES,
    "일용품": Sector.DAILY_NECESSITIES,
    "building materials": Sector.BUILDING_MATERIALS,
    "building-materials": Sector.BUILDING_MATERIALS,
}
_FACILITY = re.compile(
    r"\b(?P<name>(?-i:(?:[A-Z][a-z]+ )+(?:County |City )?)?(?:foodstuff|food|garment|clothing|"
    r"textile|daily[- ]necessities|building[- ]materials?|paper|soap|shoe|fish[- ]processing|"
    r"essential foodstuff|condiments?|cosmetics)\s+(?:factory|factories|mill))\b"
    r"|\b(?P<other>hospital|leisure complex|service complex|(?:comprehensive|general) service "
    r"(?:centre|center)|regional[- ]industry factories|local[- ]industry factories)\b"
    r"|(?P<german>\w+(?:fabrik|betrieb)\b|Dienstleistungskomplex\w*|Krankenhaus\w*)"
    r"|(?P<korean>[가-힣]*(?:공장|병원|봉사소))",
    re.IGNORECASE,
)


def facilities_in(sentence: str) -> list[str]:
    """The facilities a sentence names, in words, each once."""
    found = []
    for match in _FACILITY.finditer(sentence):
        text = " ".join(match.group().split())
        if match["german"] and text.casefold().startswith(("industriebetrieb", "betrieb")):
            text = "örtliche Industriebetriebe"
        key = text.casefold().replace("-", " ")
        if key not in [item.casefold().replace("-", " ") for item in found]:
            found.append(text)
    return found


def sector_of(facility: str) -> str:
    lowered = facility.casefold()
    for word, sector in FACILITY_SECTORS.items():
        if word in lowered:
            return sector.value
    return Sector.OTHER.value
