"""Places named in a report, found against every stored spelling of the gazetteer.

A run of capitalised words (or a hangul word) is a place when its search key is one a stored
province or county carries. A name the gazetteer does not hold exactly ("Soncheon County",
"Pyongan-Namdo Province", "im Kreis Taegwan") is matched by rapidfuzz against every stored
key when a word for a kind of place stands beside it, and the match is shown to staff. A name
two counties share (the two Unsans) is settled by a province the report names, or left for
staff to choose: never guessed.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from sites.models import County, Province
from sites.search import search_key, southern_hangul

FUZZY_CUTOFF = 80
# Near-spellings this close to the best are kept for a province named beside them to settle.
FUZZY_TIE = 8
MAX_WORDS = 4
MIN_LATIN_KEY = 3
# A word for a kind of place after the name, and the level it picks.
LEVEL_AFTER = {
    "province": Province,
    "provinces": Province,
    "municipality": Province,
    "county": County,
    "counties": County,
    "city": County,
    "district": County,
    "gun": County,
    "kun": County,
    "si": County,
    "guyok": County,
    "kuyok": County,
    "kreis": County,
    "stadtbezirk": County,
}
# German and others write the kind first: "im Kreis Taegwan", "des Bezirkes Nord-Hwanghae".
LEVEL_BEFORE = {
    "kreis": County,
    "kreises": County,
    "stadtbezirk": County,
    "stadtbezirkes": County,
    "stadtbezirks": County,
    "bezirk": Province,
    "bezirkes": Province,
    "bezirks": Province,
}
# Province names written with the direction in another language or order.
DIRECTIONS = {
    "namdo": "south",
    "nam do": "south",
    "pukto": "north",
    "pukdo": "north",
    "bukdo": "north",
    "bukto": "north",
    "selatan": "south",
    "utara": "north",
    "nord": "north",
    "süd": "south",
    "sued": "south",
    "sud": "south",
}
_DIRECTION = re.compile(r"(?i)(?<![a-zäöü])(" + "|".join(DIRECTIONS) + r")(?![a-zäöü])")
_TOKEN = re.compile(r"[^\s,.;:!?()\[\]\"“”„«»/]+")
_POSSESSIVE = re.compile(r"['’]s$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_COMPOUND = re.compile(r"^(.+)-(Kreis|Stadtbezirk)$")


def _fold(key: str) -> str:
    """Revised Romanization's vowels as the DPRK writes them (eo → o, eu → u), for matching."""
    return key.replace("eo", "o").replace("eu", "u")


def _key(phrase: str) -> str:
    """The search key of a spelling, with a direction word turned into English first."""
    directions = [DIRECTIONS[found.casefold()] for found in _DIRECTION.findall(phrase)]
    rest = _DIRECTION.sub(" ", phrase)
    return search_key(" ".join([*directions, rest]))


@dataclass
class FoundPlace:
    """A name in the text and the places of the gazetteer it can mean."""

    text: str
    sentence: int
    candidates: list
    spelling: str = ""
    score: float = 100.0
    scores: dict = field(default_factory=dict)

    @property
    def place(self):
        """The place meant, when the name is not ambiguous."""
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def fuzzy(self) -> bool:
        return self.score < 100


class Gazetteer:
    """Every stored spelling of every province and county, read in two queries."""

    def __init__(self):
        self.by_key = defaultdict(list)
        self.by_hangul = {}
        for place in [*Province.objects.all(), *County.objects.select_related("province")]:
            for key in place.search_keys.split():
                if place not in self.by_key[key]:
                    self.by_key[key].append(place)
            if place.name_ko:
                # Keyed in the southern orthography, so 락원군 and 낙원군 find the same county.
                name = southern_hangul(place.name_ko)
                self.by_hangul.setdefault(name, []).append(place)
                for long, short in (("특별시", "시"), ("직할시", "시")):
                    if isinstance(place, Province) and name.endswith(long):
                        self.by_hangul.setdefault(name[: -len(long)] + short, []).append(place)
        self.folded = defaultdict(list)
        for key in self.by_key:
            if key.isascii() and len(key) >= MIN_LATIN_KEY:
                self.folded[_fold(key)].append(key)
        self.hangul_names = sorted(self.by_hangul, key=len, reverse=True)

    def names_in(self, sentence: str, number: int) -> list[FoundPlace]:
        words = []
        for match in _TOKEN.finditer(sentence):
            word, start = _POSSESSIVE.sub("", match.group()), match.start()
            # "Kim-Hyong-Jik-Kreis": the kind of place written onto the name.
            compound = _COMPOUND.match(word)
            if compound:
                words.append((start, start + compound.end(1)))
                words.append((start + compound.start(2), start + len(word)))
            elif word:
                words.append((start, start + len(word)))
        found, index = [], 0
        while index < len(words):
            text = sentence[words[index][0] : words[index][1]]
            if _HANGUL.search(text):
                hangul = self._hangul_name(text, number)
                if hangul:
                    found.append(hangul)
                index += 1
                continue
            match = self._longest_name(sentence, words, index) or self._fuzzy_name(
                sentence, words, index
            )
            if match is None:
                index += 1
                continue
            length, candidates, spelling, score, scores = match
            start, end = words[index][0], words[index + length - 1][1]
            found.append(
                FoundPlace(sentence[start:end], number, candidates, spelling, score, scores)
            )
            index += length
        return resolve_by_province(found, found)

    def _hangul_name(self, word: str, number: int) -> FoundPlace | None:
        southern = southern_hangul(word)
        for name in self.hangul_names:
            if southern.startswith(name):
                written = word[: len(name)]
                return FoundPlace(written, number, list(self.by_hangul[name]), written)
        return None

    @staticmethod
    def _word(sentence, words, index) -> str:
        if 0 <= index < len(words):
            return sentence[words[index][0] : words[index][1]]
        return ""

    def _level(self, sentence, words, index, length):
        after = self._word(sentence, words, index + length).casefold()
        before = self._word(sentence, words, index - 1).casefold()
        return LEVEL_AFTER.get(after) or LEVEL_BEFORE.get(before)

    def _longest_name(self, sentence, words, index):
        if not _starts_a_name(self._word(sentence, words, index)):
            return None
        for length in range(min(MAX_WORDS, len(words) - index), 0, -1):
            phrase = sentence[words[index][0] : words[index + length - 1][1]]
            key = _key(phrase)
            if not key or (key.isascii() and len(key) < MIN_LATIN_KEY):
                continue
            candidates = self.by_key.get(key)
            if not candidates:
                continue
            level = self._level(sentence, words, index, length)
            if level is None and length > 1:
                last = search_key(self._word(sentence, words, index + length - 1))
                level = LEVEL_AFTER.get(last)
            if level is not None:
                candidates = [place for place in candidates if isinstance(place, level)]
            if candidates:
                return length, list(candidates), phrase, 100.0, {}
        return None

    def _fuzzy_name(self, sentence, words, index):
        """A near-spelling, tried only beside a word for a kind of place."""
        if not _starts_a_name(self._word(sentence, words, index)):
            return None
        for length in range(min(3, len(words) - index), 0, -1):
            level = self._level(sentence, words, index, length)
            if level is None:
                continue
            phrase = sentence[words[index][0] : words[index + length - 1][1]]
            if not all(
                _starts_a_name(self._word(sentence, words, index + i)) for i in range(length)
            ):
                continue
            key = _key(phrase)
            if len(key) < 4:
                continue
            best = process.extract(
                _fold(key), list(self.folded), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=8
            )
            if not best:
                continue
            top = best[0][1]
            scores = {}
            for folded, score, _ in best:
                if score < top - FUZZY_TIE:
                    break
                for stored in self.folded[folded]:
                    for place in self.by_key[stored]:
                        if isinstance(place, level) and place not in scores:
                            scores[place] = score
            if scores:
                spelling = self.folded[best[0][0]][0]
                return length, list(scores), spelling, round(top, 1), scores
        return None


def _starts_a_name(word: str) -> bool:
    return bool(word) and (word[0].isupper() or bool(_HANGUL.match(word[0])))


def resolve_by_province(found: list[FoundPlace], context: list[FoundPlace]) -> list[FoundPlace]:
    """Keep, for a name several counties share, those in a province the context names."""
    named = {place.place.pk for place in context if isinstance(place.place, Province)}
    for place in found:
        if len(place.candidates) > 1 and named:
            inside = [
                candidate
                for candidate in place.candidates
                if isinstance(candidate, County) and candidate.province_id in named
            ]
            if inside and place.scores:
                # Of near-spellings in that province, the nearest.
                best = max(place.scores[candidate] for candidate in inside)
                inside = [c for c in inside if place.scores[c] >= best - 2]
                place.score = round(best, 1)
            if inside:
                place.candidates = inside
    return found


def targets(found: list[FoundPlace]) -> list[tuple]:
    """The places a sentence's event happened at, as (county, province) pairs.

    A province named beside one of its counties ("Hamju County of South Hamgyong Province")
    says where the county is; a province named alone is a place of its own.
    """
    counties = [place.place for place in found if isinstance(place.place, County)]
    provinces_of_counties = {county.province_id for county in counties}
    pairs = []
    for place in found:
        if isinstance(place.place, County):
            pair = (place.place, place.place.province)
        elif isinstance(place.place, Province) and place.place.pk not in provinces_of_counties:
            pair = (None, place.place)
        else:
            continue
        if pair not in pairs:
            pairs.append(pair)
    return pairs
