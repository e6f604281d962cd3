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

# The event kinds the reader recognises: (model, kind value, how reports write it).
EVENT_KINDS = {
    "groundbreaking": (
        Ceremony,
        CeremonyKind.GROUNDBREAKING.value,
        re.compile(
            r"\bground[-\s]?breaking\b|\bbr(?:eak|eaking|oke) (?:the )?ground\b|착공식|着工式"
            r"|\bGrundsteinlegung\w*|\bBaubeginn\w*|\bSpatenstich\w*",
            re.IGNORECASE,
        ),
    ),
    "inauguration": (
        Ceremony,
        CeremonyKind.INAUGURATION.value,
        re.compile(
            r"\binaugura(?:tion|ted|ting|l)\b|\b(?:construction )?completion ceremon(?:y|ies)\b"
            r"|준공식|竣工式|\bEinweihung\w*|\beingeweiht\b",
            re.IGNORECASE,
        ),
    ),
    "field guidance": (
        GuidanceVisit,
        VisitKind.FIELD_GUIDANCE.value,
        re.compile(
            r"\bfield guidance\b|\bon-the-spot guidance\b|\bguided\b[^.]{0,80}\bon the spot\b"
            r"|현지지도|現地指導|\bVor-Ort-Anleitung\b",
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
# The leader visiting a site is field guidance, when he is the one who visits.
LEADER = re.compile(r"\bKim Jong Un\b|김정은|金正恩")
_LEADER_VISITS = re.compile(
    r"(?:\bKim Jong Un\b|\bhe\b|\bHe\b)(?:(?!\bparticipants\b)[^.;]){0,60}?"
    r"\b(?:visited|called at|inspected|toured|looked round)\b"
)
_LEADER_PRESENT = re.compile(
    r"\bKim Jong Un\b[^.;]{0,160}?\b(?:was present|attended|took part|participated|made a "
    r"(?:significant |commemorative )?speech|made a speech|broke ground|cut the|took the first "
    r"shovel|pressed the detonator|visited|guided|gave field guidance)"
    r"|\bin (?:his|the leader's) presence\b|\bin the presence of (?:the respected )?"
    r"(?:Comrade )?Kim Jong Un\b|참석|참가|현지지도"
)
# A kind written only to refer to another event.
_MENTION_BEFORE = re.compile(
    r"(?:\b(?:since|after|before|of their|of its|of the first)\b"
    r"|\bfrom\b)(?:\W+\w+){0,4}\W*$",
    re.IGNORECASE,
)
_TO_ANOTHER = re.compile(r"^\W*(?:\w+\W+){0,4}?to\s+(?:the\s+)?(?:\w+[\s-]+){0,3}$", re.IGNORECASE)
# The ceremony's own parts, which are not events of their own.
_PART_OF = re.compile(
    r"^\s*(?:address|speech|tape|ribbon)|^(?:sansprache|srede|sband|sbänder)", re.IGNORECASE
)


def kinds_in(sentence: str) -> list[tuple[str, bool]]:
    """The event kinds a sentence names, in order, each with whether it is only a mention."""
    found = []
    for kind, (_, _, pattern) in EVENT_KINDS.items():
        for match in pattern.finditer(sentence):
            found.append((match.start(), match.end(), kind))
    if _LEADER_VISITS.search(sentence) and re.search(
        r"\b(?:site|sites|factor(?:y|ies)|county|city|township|farm|construction)\b",
        sentence,
        re.IGNORECASE,
    ):
        visit = _LEADER_VISITS.search(sentence)
        found.append((visit.end() - 1, visit.end(), "field guidance"))
    found.sort()
    kinds = []
    for index, (start, end, kind) in enumerate(found):
        mention = bool(_MENTION_BEFORE.search(sentence[max(0, start - 60) : start]))
        following = [other for other in found[index + 1 :] if other[2] != kind]
        if following and _TO_ANOTHER.match(sentence[end : following[0][0]]):
            mention = True
        if _PART_OF.match(sentence[end : end + 12]) and kind == "inauguration":
            mention = True  # the inaugural address or tape: part of a ceremony told elsewhere
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

_NAME = r"(?:[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})"
_SPEAKER_PATTERNS = [
    # "Ri Jae Nam, chief secretary of …, addressed the ceremony."
    re.compile(
        rf"(?:^|, )(?P<who>{_NAME})(?:, (?P<title>[^.]{{3,160}}?),)? (?:addressed|made (?:an?|the) "
        r"(?:inaugural |congratulatory |commemorative |significant )?(?:address|speech)|delivered|"
        r"in (?:his|her) speech|said in (?:his|her))"
    ),
    # "A speech was made by Jon Nam Chol, Chief Secretary of …."
    re.compile(
        rf"\b(?:speech|address) was made by (?P<who>{_NAME})(?:, (?P<title>[^.]{{3,160}}))?"
    ),
    # "Addressing the ceremony, Ri Thae Il, chief secretary of …, said"
    re.compile(rf"^Addressing the \w+, (?P<who>{_NAME})(?:, (?P<title>[^.]{{3,160}}?),)? said"),
    # "Premier Pak Thae Song made a speech."
    re.compile(rf"^(?P<title>Premier|Vice-Premier|Minister) (?P<who>{_NAME}) made a speech"),
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
_PRESENT = re.compile(
    r"^(?:Present (?:at the ceremony|there|at the venue) were|It was attended by|Attending it was)"
    r" (?P<who>[^.]+)"
)


def speakers_in(sentence: str) -> list[str]:
    found = []
    for pattern in _SPEAKER_PATTERNS:
        for match in pattern.finditer(sentence):
            who, title = match["who"], (match.groupdict().get("title") or "").strip()
            found.append(f"{who} ({title})" if title else who)
    return found


def present_in(sentence: str) -> str:
    match = _PRESENT.search(sentence)
    return match["who"].strip() if match else ""


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
