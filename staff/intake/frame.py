"""The report's frame: the header a copy carries, the dateline, the language, the sentences.

A state-media report opens with a dateline ("Pyongyang, January 21 (KCNA) --", "(평양 2월
28일발 조선중앙통신)") that says where and when it was filed, not where the event was; a copy
from an archive may carry a header ("Date: 17/01/2025 | Source: Voice of Korea (EN)") or
"key: value" lines above a line "---". The frame reads these, and the body that is left is
what places and events are read from.
"""

import datetime
import re
from dataclasses import dataclass, field

import dateparser

_HEADER_LINE = re.compile(r"^(?P<key>[a-z_ ]{2,20}):\s*(?P<value>.*)$")
_ARCHIVE_DATE = re.compile(
    r"Date:\s*(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})\s*\|\s*Source:\s*"
    r"(?P<publisher>[^|\n]+?)\s*(?:\||$)",
    re.MULTILINE,
)
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Za-z' -]{2,30}),\s+(?P<when>[A-Z][a-z]+\.?\s+\d{1,2})\s*"
    r"\((?P<agency>[A-Za-z ]{2,20})\)\s*(?:-{1,2}|—|–)\s*",
    re.MULTILINE,
)
_DATELINE_KO = re.compile(
    r"\(\s*(?P<city>[가-힣]+)\s+(?P<month>\d{1,2})월\s*(?P<day>\d{1,2})일발\s*(?P<agency>[가-힣]+)\s*\)"
)
_ARCHIVE_NOISE = re.compile(
    r"^(?:[A-Z][a-z]+ \d{1,2}, \d{4}[A-Z][a-z]{2} \d{1,2}, \d{4}|[A-Z][a-z]+ \d{1,2}, \d{4}"
    r"|KCNA [^\n]{0,40}|Read original version at source)\s*$",
    re.MULTILINE,
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[^\W\d_]+")
_GERMAN = re.compile(
    r"\b(?:der|die|das|und|des|im|am|fand|wurde|statt|Kreis(?:es)?|Bezirk(?:es)?)\b"
)
_ENGLISH = re.compile(r"\b(?:the|and|of|was|were|in|on|at|a|to|is|by|with)\b", re.IGNORECASE)
# The commonest words of French, Spanish, Italian and Portuguese, which the reader does not read.
_ROMANCE = re.compile(
    r"\b(?:le|la|les|du|et|une|dans|el|los|las|y|del|il|della|di|che|os|do|da|em)\b",
    re.IGNORECASE,
)
# A text in Latin script whose commonest words are neither English nor German: read as none.
COMMON_WORDS_SHARE = 0.08
# The languages the reader has wordings for, by the code language_of() gives.
LANGUAGES_READ = {"en": "English", "ko": "Korean", "de": "German"}
LANGUAGE_NAMES = {"ja": "Japanese", "zh": "Chinese", "ru": "Russian", "": "a language not told"}
_TAG = re.compile(r"<(?:/?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*|!--.*?--)>", re.DOTALL)

# Full stops after these words do not end a sentence: "Jan. 10", "No. 1", "Mr. Kim".
_ABBREVIATIONS = [
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "no",
    "nos",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "lt",
    "col",
    "prof",
    "vol",
    "ca",
    "approx",
    "vs",
    "cf",
    "e.g",
    "i.e",
    "etc",
]
_FOREIGN_MONTH = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember)\b"
)
_SENTENCE_END = re.compile(
    r"(?<=[.!?。])[\"”’)]*\s+(?=[\"“‘(]*[A-Z0-9\u00c0-\u024f\uac00-\ud7a3\u3040-\u9fff])"
    r"|(?<=[다요까]\.)\s*|(?<=[。！？])"
)


@dataclass
class Frame:
    """Who published the report, when, from where, in what language; and its body."""

    body: str
    language: str
    title: str = ""
    publisher: str = ""
    dateline_city: str = ""
    published: datetime.date | None = None
    dateline: dict | None = None
    notes: list[str] = field(default_factory=list)


def looks_like_html(text: str) -> bool:
    """Markup pasted from a page's source rather than its text."""
    return len(_TAG.findall(text or "")) >= 3


def language_of(text: str) -> str:
    """The report's language, told by its script and its commonest words; "" when it is
    written in Latin script in neither English nor German."""
    scripts = [("ko", _HANGUL), ("ja", _KANA), ("zh", _HAN), ("ru", _CYRILLIC)]
    for code, script in scripts:
        if len(script.findall(text)) > 20:
            return code
    words = len(_WORD.findall(text)) or 1
    german, english = len(_GERMAN.findall(text)), len(_ENGLISH.findall(text))
    other = len(_ROMANCE.findall(text))
    if max(german, english) / words < COMMON_WORDS_SHARE or other > max(german, english):
        return ""
    return "de" if german > english else "en"


def language_name(code: str) -> str:
    return LANGUAGES_READ.get(code) or LANGUAGE_NAMES.get(code, code)


def read_frame(text: str) -> Frame:
    """Take the header, the archive's lines and the dateline off the report."""
    text = (text or "").replace("\r\n", "\n")
    header = {}
    if "\n---\n" in text:
        head, _, rest = text.partition("\n---\n")
        lines = [_HEADER_LINE.match(line) for line in head.splitlines() if line.strip()]
        if lines and all(lines):
            header = {match["key"].strip(): match["value"] for match in lines}
            text = rest
    frame = Frame(body=text, language="en", title=header.get("title", ""))
    frame.publisher = header.get("publisher", "")
    archive = _ARCHIVE_DATE.search(text)
    if archive:
        frame.publisher = frame.publisher or archive["publisher"]
        frame.published = _valid_date(
            int(archive["year"]), int(archive["month"]), int(archive["day"])
        )
        # The archive's title is the line above its "Date:" line.
        before = [line for line in text[: archive.start()].splitlines() if line.strip()]
        frame.title = frame.title or (before[-1].strip() if before else "")
        text = text[: archive.start()] + text[archive.end() :]
    text = _ARCHIVE_NOISE.sub("", text)
    frame.language = language_of(text)
    dateline = _DATELINE.search(text[:400]) or _DATELINE_KO.search(text[:400])
    if dateline:
        frame.dateline_city = dateline["city"].strip()
        frame.publisher = frame.publisher or dateline["agency"].strip()
        frame.notes.append(
            f"Dateline “{dateline.group().strip(' -—–')}”: where and when the "
            "report was filed, not where the event was."
        )
        text = text[: dateline.start()] + text[dateline.end() :]
        frame.dateline = dateline.groupdict()
    frame.body = text.strip()
    return frame


def dateline_date(frame: Frame, year: int | None) -> datetime.date | None:
    """The dateline's day, in the year the publication date gives."""
    if not frame.dateline or year is None:
        return None
    if "when" in frame.dateline:
        parsed = dateparser.parse(
            f"{frame.dateline['when']} {year}", languages=["en"], settings={"STRICT_PARSING": True}
        )
        return parsed.date() if parsed else None
    return _valid_date(year, int(frame.dateline["month"]), int(frame.dateline["day"]))


def _valid_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def sentences(text: str) -> list[str]:
    """The body's sentences: paragraphs (titles and captions too) split at full stops."""
    found = []
    for paragraph in re.split(r"\n", text or ""):
        paragraph = " ".join(paragraph.split())
        if not paragraph:
            continue
        found.extend(_split(paragraph))
    return found


def _split(paragraph: str) -> list[str]:
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : match.start()].rstrip()
        last_word = re.search(r"([\w.]+)\.$", before)
        if last_word and (
            last_word.group(1).casefold() in _ABBREVIATIONS
            or re.fullmatch(r"[A-Z]", last_word.group(1))
        ):
            continue
        if re.search(r"\b\d{1,2}\.$", before) and _FOREIGN_MONTH.match(paragraph[match.end() :]):
            continue  # "am 15. Dezember": a German ordinal day, not a full stop
        if before:
            parts.append(before)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        parts.append(tail)
    return parts
