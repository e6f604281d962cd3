"""Scoring the reader on a folder of reports: what it ticks against the facts they support.

A pack folder holds `sources.csv` (one row per source: `source`, `title`, `published`,
`language`, `text`), `texts/` and `facts.csv` (one row per statement: `source`,
`county_as_written`, `province_as_written`, `event_kind`, `date_iso_or_edtf`). A fact counts
when the reader could tick it: one of the four kinds, a county, and a date at day or month
precision. A ticked proposal is right when a fact row of the same source has its county,
kind and dates. Recall and precision are counted per language of the text (read from its
script and words, which is not always the pack's label).
"""

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError

from regiondev import dates
from staff.intake.places import _key
from staff.intake.reading import read_article

FACT_KINDS = {
    "groundbreaking": "groundbreaking",
    "inauguration": "inauguration",
    "field_guidance": "field guidance",
    "consultative_meeting": "consultative meeting",
}
_NOTE = re.compile(r"\([^)]*\)")
_LEVEL_WORDS = re.compile(r"(?i)\b(?:municipality|province|city of|stadt)\b")


@dataclass(frozen=True)
class Fact:
    county: str
    province: str
    kind: str
    lower: object
    upper: object
    written: str

    @property
    def precise(self) -> bool:
        same_month = (self.lower.year, self.lower.month) == (self.upper.year, self.upper.month)
        return same_month or (self.upper - self.lower).days <= 10


@dataclass
class Tally:
    texts: int = 0
    facts: int = 0
    ticked: int = 0
    right: int = 0
    found: int = 0
    misses: list = field(default_factory=list)
    wrong: list = field(default_factory=list)
    relabelled: list = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.found / self.facts if self.facts else None

    @property
    def precision(self) -> float | None:
        return self.right / self.ticked if self.ticked else None


def _fact(row: dict) -> Fact | None:
    kind = FACT_KINDS.get(row.get("event_kind", ""))
    county = _NOTE.sub("", row.get("county_as_written", "")).strip()
    if not kind or not county:
        return None
    try:
        parsed = dates.read(row["date_iso_or_edtf"])
    except ValidationError:
        return None
    return Fact(
        county=county,
        province=_NOTE.sub("", row.get("province_as_written", "")).strip(),
        kind=kind,
        lower=parsed.lower,
        upper=parsed.upper,
        written=row["date_iso_or_edtf"],
    )


def matches(fact: Fact, event) -> bool:
    if event.county is None or event.kind != fact.kind:
        return False
    if (event.lower, event.upper) != (fact.lower, fact.upper):
        return False
    if _key(fact.county) not in event.county.search_keys.split():
        return False
    province = _key(_LEVEL_WORDS.sub(" ", fact.province)) if fact.province else ""
    return (
        not province
        or province in event.province.search_keys.split()
        or _near(province, event.province)
    )


def _near(key: str, province) -> bool:
    from rapidfuzz import fuzz

    return any(fuzz.ratio(key, stored) >= 80 for stored in province.search_keys.split())


def score(folder: Path) -> dict[str, Tally]:
    """Read every text of the folder and tally, per language, what the reader ticked."""
    folder = Path(folder)
    with (folder / "sources.csv").open(encoding="utf-8") as file:
        sources = {row["source"]: row for row in csv.DictReader(file)}
    facts = defaultdict(set)
    with (folder / "facts.csv").open(encoding="utf-8") as file:
        for row in csv.DictReader(file):
            fact = _fact(row)
            if fact:
                facts[row["source"]].add(fact)
    tallies = defaultdict(Tally)
    for name, source in sorted(sources.items()):
        if not source.get("text"):
            continue
        text = (folder / source["text"]).read_text(encoding="utf-8")
        reading = read_article(text=text, published=source["published"], title=source["title"])
        tally = tallies[reading.frame.language]
        tally.texts += 1
        if source.get("language") and source["language"] != reading.frame.language:
            tally.relabelled.append(f"{name} (labelled {source['language']})")
        ticked = reading.ticked
        tally.ticked += len(ticked)
        for event in ticked:
            if any(matches(fact, event) for fact in facts[name]):
                tally.right += 1
            else:
                tally.wrong.append(f"{name}: {event.kind}, {event.place}, {event.date}")
        for fact in facts[name]:
            if not fact.precise:
                continue
            tally.facts += 1
            if any(matches(fact, event) for event in ticked):
                tally.found += 1
            else:
                tally.misses.append(f"{name}: {fact.kind}, {fact.county}, {fact.written}")
    return dict(tallies)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def report(tallies_by_folder: dict[Path, dict[str, Tally]]) -> str:
    """One table of every folder and language, then each miss and wrong tick by name."""
    lines = [
        "| folder | language | texts | facts to find | found | ticked | ticked right | recall "
        "| precision | wrong ticks |",
        "| ------ | -------- | ----: | ------------: | ----: | -----: | -----------: | -----: "
        "| --------: | ----------: |",
    ]
    details = []
    for folder, tallies in tallies_by_folder.items():
        name = Path(folder).name
        for language, tally in sorted(tallies.items()):
            lines.append(
                f"| {name} | {language} | {tally.texts} | {tally.facts} | {tally.found} | "
                f"{tally.ticked} | {tally.right} | {_percent(tally.recall)} | "
                f"{_percent(tally.precision)} | {len(tally.wrong)} |"
            )
            details += [f"{name}, written in {language}: {item}" for item in tally.relabelled]
            details += [f"{name}, missed ({language}): {miss}" for miss in tally.misses]
            details += [f"{name}, ticked wrongly ({language}): {wrong}" for wrong in tally.wrong]
    return "\n".join([*lines, *details])
