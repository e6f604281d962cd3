"""Every speaker the state-media texts of the pack name at a ceremony is linked to it.

The speakers are read here from the texts by their own patterns ("X, <title>, addressed the
ceremony", "A speech was made by X", "X hielt eine Einweihungsansprache", …), not from the
decisions that wrote seed/appearances.csv, so a speaker left out of those decisions fails
the test. Speeches a text reports without naming the speaker are printed, not counted.
"""

import re
from pathlib import Path

import pytest

from events.models import Appearance, Ceremony, Person

PACK = Path(__file__).resolve().parent.parent.parent / "shared" / "sources" / "pack"
NAME = r"(?P<name>(?!Der |Die )[A-Z][a-z]+(?: [A-Z][a-z]+){1,2})"
SPOKE = r"(?:addressed the ceremony|made a speech|made an inaugural address|in his speech)"
# Patterns that begin with the name: the word before it must not be part of another name.
LEADING = [
    rf"{NAME}, [^.]*?, {SPOKE}",
    rf"{NAME} {SPOKE}",
    rf"{NAME} hielt eine (?:Rede|Einweihungsansprache)",
    rf"{NAME}, (?:Sekretär|Vorsitzender)[^.]*?, (?:betonte|sagte|bedankte sich) in seiner",
]
PREFIXED = [
    rf"A speech was made by {NAME}",
    rf"Addressing the ceremony, {NAME}",
    rf"Premier {NAME} made a speech",
    rf"speech he delivered in the ceremony, {NAME} said",
    rf"Einweihungsansprache (?:hob|betonte) {NAME}",
    rf"(?:Sekretär|Vorsitzender) [^.]*?, {NAME}, (?:sagte|bedankte sich) in seiner",
    r"(?P<name>Kim Jong Un)[^.]{0,80}?\b(?:made|makes) (?:a )?(?:significant )?"
    r"(?:commemorative )?speech",
    r"Speech by the Respected Comrade (?P<name>Kim Jong Un)",
]
# "Der Regierungschef hielt eine Einweihungsansprache": the head of the Cabinet the text names.
HEAD_OF_GOVERNMENT = (r"Der Regierungschef hielt", rf"{NAME}, Vorsitzender des Kabinetts")
UNNAMED = re.compile(r"Es gab weitere Reden|gab es die Reden")

pytestmark = pytest.mark.skipif(not PACK.exists(), reason=f"no source pack at {PACK}")


def speakers_named(text: str) -> set[str]:
    found = set()
    for pattern in LEADING:
        for match in re.finditer(pattern, text):
            before = text[: match.start()].split()[-1:]
            if before and before[0][0].isupper() and not before[0].endswith((",", ".")):
                continue  # "Kim Jong Un Friday made a speech" is not a speaker "Jong Un Friday"
            found.add(match["name"])
    for pattern in PREFIXED:
        found.update(match["name"] for match in re.finditer(pattern, text))
    if re.search(HEAD_OF_GOVERNMENT[0], text):
        found.update(match["name"] for match in re.finditer(HEAD_OF_GOVERNMENT[1], text))
    return found


def test_speakers_parser_reads_each_form():
    text = (
        "Kim Jong Un Friday made a speech. Pak Ok, chief secretary of X, addressed the ceremony. "
        "A speech was made by Ri Ul Chol, Chief Secretary. Choe Ryong Hae hielt eine "
        "Einweihungsansprache. Der Regierungschef hielt eine Rede. Sin Myong Son, chief, in "
        "his speech said. Nobody spoke."
    )
    assert speakers_named(text) == {
        "Kim Jong Un",
        "Pak Ok",
        "Ri Ul Chol",
        "Choe Ryong Hae",
        "Sin Myong Son",
    }


def test_every_speaker_the_texts_name_is_linked(seeded, capsys):
    linked, gaps, unnamed = 0, [], []
    wanted = 0
    for path in sorted((PACK / "texts").glob("*.txt")):
        text = path.read_text(encoding="utf-8").partition("\n---\n")[2]
        ceremonies = list(Ceremony.objects.filter(citations__source__key=path.stem).distinct())
        if not ceremonies:
            continue
        # A report's speakers are at its own ceremony, not at those it is cited on as saying
        # they were over by then ("the 20th inauguration closed the first year").
        ceremonies = [c for c in ceremonies if c.date_lower == c.date_upper] or ceremonies
        if UNNAMED.search(text):
            unnamed.append(path.stem)
        for name in sorted(speakers_named(text)):
            people = list(Person.objects.search(name))
            for ceremony in ceremonies:
                wanted += 1
                if len(people) != 1:
                    gaps.append(f"{path.stem}: {name} is {len(people)} people in the record")
                elif Appearance.objects.filter(
                    person=people[0], ceremony=ceremony, role="speaker"
                ).exists():
                    linked += 1
                else:
                    gaps.append(f"{path.stem}: {name} not linked to {ceremony}")
    with capsys.disabled():
        print(f"\nspeakers linked: {linked}/{wanted} ({100 * linked // max(wanted, 1)}%)")
        for stem in unnamed:
            print(f"  further speeches not named by the text: {stem}")
        for gap in gaps:
            print(f"  gap: {gap}")
    assert wanted >= 30
    assert not gaps
