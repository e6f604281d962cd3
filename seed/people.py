"""Write seed/people.csv and seed/appearances.csv: who the state-media texts name at each
ceremony, as decided by reading them (SPOKE), and the leader wherever a citation says he was
present. Called by build_from_pack.py after events.csv and citations.csv are written.

Each row of SPOKE gives a source, a person, the role, the title as the text writes it and
fragments of the text naming them; the quote is each fragment's whole sentence, copied from
the text, so a fragment that is not in the text stops the build. An appearance names its
event by source, place, kind and date (not by events.csv's key): the loader finds the event
the source is cited on with those values.
"""

import csv
import re
from pathlib import Path

LEADER = "kim-jong-un"
# slug: (name as the DPRK's English writes it, hangul, McCune–Reischauer, aliases). The pack
# gives no hangul or other spelling of anyone but the leader, so those stay empty.
PEOPLE = {
    LEADER: ("Kim Jong Un", "김정은", "Kim Chŏng-ŭn", "Kim Jong-un"),
    "chae-il-ryong": ("Chae Il Ryong", "", "", ""),
    "choe-ryong-hae": ("Choe Ryong Hae", "", "", ""),
    "choe-yong-man": ("Choe Yong Man", "", "", ""),
    "hong-song-il": ("Hong Song Il", "", "", ""),
    "jo-chun-ryong": ("Jo Chun Ryong", "", "", ""),
    "jon-nam-chol": ("Jon Nam Chol", "", "", ""),
    "ju-chang-il": ("Ju Chang Il", "", "", ""),
    "ju-chang-sok": ("Ju Chang Sok", "", "", ""),
    "kim-chol-sam": ("Kim Chol Sam", "", "", ""),
    "kim-su-gil": ("Kim Su Gil", "", "", ""),
    "kim-tok-hun": ("Kim Tok Hun", "", "", ""),
    "kim-yong-gyu": ("Kim Yong Gyu", "", "", ""),
    "pak-chang-ho": ("Pak Chang Ho", "", "", ""),
    "pak-myong-ho": ("Pak Myong Ho", "", "", ""),
    "pak-thae-song": ("Pak Thae Song", "", "", ""),
    "ri-il-hwan": ("Ri Il Hwan", "", "", ""),
    "ri-jae-nam": ("Ri Jae Nam", "", "", ""),
    "ri-jong-nam": ("Ri Jong Nam", "", "", ""),
    "ri-kyong-chol": ("Ri Kyong Chol", "", "", ""),
    "ri-song-bom": ("Ri Song Bom", "", "", ""),
    "ri-song-hak": ("Ri Song Hak", "", "", ""),
    "ri-thae-il": ("Ri Thae Il", "", "", ""),
    "ryu-song-chol": ("Ryu Song Chol", "", "", ""),
    "sin-myong-son": ("Sin Myong Son", "", "", ""),
    "yun-chang-sik": ("Yun Chang Sik", "", "", ""),
}

WPK_CHIEF = "chief secretary of the {} Committee of the Workers' Party of Korea"
# (source, person, role, title as written, fragments of the text naming them)
SPOKE = [
    (
        "chongnyonchonwi-2024-02-29-kim-speech-songchon-groundbreaking",
        LEADER,
        "speaker",
        "",
        ["The respected Comrade Kim Jong Un made a speech titled"],
    ),
    (
        "vok-2024-02-28-start-of-great-10-year-revolution",
        LEADER,
        "speaker",
        "General Secretary of the WPK",
        ["participated in the ceremony, made a significant speech"],
    ),
    (
        "kcna-2024-02-29-songchon-groundbreaking-report-via-exploredprk",
        LEADER,
        "attendee",
        "general secretary of the Workers’ Party of Korea and president of the State Affairs of "
        "the Democratic People’s Republic of Korea",
        ["was present at the ceremony."],
    ),
    (
        "minjujoson-2024-12-kim-speech-songchon-inauguration",
        LEADER,
        "speaker",
        "",
        ["The respected Comrade Kim Jong Un Friday made a speech"],
    ),
    (
        "pyongyangtimes-2024-12-22-kim-speech-songchon-inauguration",
        LEADER,
        "speaker",
        "",
        ["Respected Comrade Kim Jong Un makes speech at inauguration ceremony"],
    ),
    (
        "solidnet-2025-02-20-kim-speech-kangdong-hospital-leisure-groundbreaking",
        LEADER,
        "speaker",
        "",
        ["Speech by the Respected Comrade Kim Jong Un at the Groundbreaking"],
    ),
    (
        "vok-2026-01-29-kim-speech-unryul-groundbreaking",
        LEADER,
        "speaker",
        "",
        ["The respected Comrade Kim Jong Un made a significant commemorative speech"],
    ),
    (
        "vok-2022-06-kimhwa-remodelled-factories-inaugurated",
        "kim-tok-hun",
        "speaker",
        "Member of the Presidium of the Political Bureau of the Central Committee of the WPK and "
        "Vice-President of the State Affairs Commission and Premier of the Cabinet of the "
        "Democratic People's Republic of Korea",
        ["Attending it was Kim Tok Hun", "Kim Tok Hun made an inaugural address."],
    ),
    (
        "pyongyangtimes-2022-06-24-kimhwa-model-factories",
        "kim-tok-hun",
        "speaker",
        "member of the Presidium of the Political Bureau of the Central Committee of the WPK "
        "and vice-chairman of the DPRK State Affairs Commission who is also premier of the "
        "DPRK Cabinet",
        ["It was attended by Kim Tok Hun", "Kim Tok Hun said that"],
    ),
    (
        "pyongyangtimes-2022-06-24-kimhwa-model-factories",
        "ri-song-hak",
        "attendee",
        "vice-premier",
        ["vice-premier Ri Song Hak"],
    ),
    (
        "pyongyangtimes-2022-06-24-kimhwa-model-factories",
        "kim-su-gil",
        "attendee",
        "chief secretary of the Kangwon Provincial Committee of the WPK",
        ["Kim Su Gil, chief"],
    ),
    (
        "pyongyangtimes-2022-06-24-kimhwa-model-factories",
        "chae-il-ryong",
        "attendee",
        "chairman of the Kangwon Provincial People’s Committee",
        ["Chae Il Ryong, chairman"],
    ),
    (
        "pyongyangtimes-2025-01-10-sukchon-inaugurated",
        "ri-kyong-chol",
        "speaker",
        WPK_CHIEF.format("South Phyongan Provincial"),
        ["Ri Kyong Chol, chief secretary"],
    ),
    (
        "vok-2025-01-17-yonthan-inaugurated",
        "pak-chang-ho",
        "speaker",
        "Chief Secretary of the North Hwanghae Provincial Committee of the Workers' Party of Korea",
        ["Pak Chang Ho, Chief Secretary"],
    ),
    (
        "vok-2025-01-17-yonthan-inaugurated",
        "jon-nam-chol",
        "speaker",
        "Chief Secretary of the Yonthan County Committee of the WPK",
        ["A speech was made by Jon Nam Chol"],
    ),
    (
        "naenara-2025-01-20-hamju-inaugurated",
        "ri-jong-nam",
        "speaker",
        "chief secretary of the South Hamgyong Provincial Committee of the WPK",
        ["Ri Jong Nam, chief secretary"],
    ),
    (
        "naenara-2025-01-20-hamju-inaugurated",
        "ju-chang-sok",
        "speaker",
        "chief secretary of the Hamju County Committee of the WPK",
        ["Ju Chang Sok, chief"],
    ),
    (
        "pyongyangtimes-2025-01-20-hamju-inaugurated",
        "ri-jong-nam",
        "speaker",
        "chief secretary of the South Hamgyong Provincial Committee of the WPK",
        ["Ri Jong Nam, chief secretary"],
    ),
    (
        "pyongyangtimes-2025-01-20-hamju-inaugurated",
        "ju-chang-sok",
        "speaker",
        "chief secretary of the Hamju County Committee of the WPK",
        ["Ju Chang Sok, chief"],
    ),
    (
        "kcna-2025-01-21-onchon-inaugurated",
        "ri-jae-nam",
        "speaker",
        WPK_CHIEF.format("Nampho Municipal"),
        ["Ri Jae Nam, chief secretary"],
    ),
    (
        "kcna-2025-01-21-onchon-inaugurated",
        "ryu-song-chol",
        "speaker",
        "chief secretary of the Onchon County Committee of the WPK",
        ["Ryu Song Chol, chief"],
    ),
    (
        "vok-2025-02-02-jangphung-inaugurated",
        "kim-yong-gyu",
        "speaker",
        "Chief Secretary of the Kaesong Municipal Committee of the WPK",
        ["Kim Yong Gyu, Chief"],
    ),
    (
        "vok-2025-02-02-jangphung-inaugurated",
        "hong-song-il",
        "speaker",
        "Chief Secretary of the Jangphung County Committee of the WPK",
        ["A speech was made by Hong Song Il"],
    ),
    (
        "kcna-2025-02-08-unsan-npyongan-inaugurated",
        "kim-chol-sam",
        "speaker",
        "chief secretary of the North Phyongan Provincial Committee of the Workers’ Party of Korea",
        ["Kim Chol Sam, chief secretary"],
    ),
    (
        "kcna-2025-02-08-unsan-npyongan-inaugurated",
        "sin-myong-son",
        "speaker",
        "chief secretary of the Unsan County Party Committee",
        ["Sin Myong Son, chief secretary"],
    ),
    (
        "kcnawatch-2025-02-unsan-npyongan-inaugurated",
        "kim-chol-sam",
        "speaker",
        "chief secretary of the North Phyongan Provincial Committee of the Workers’ Party of Korea",
        ["Kim Chol Sam, chief secretary"],
    ),
    (
        "kcnawatch-2025-02-unsan-npyongan-inaugurated",
        "sin-myong-son",
        "speaker",
        "chief secretary of the Unsan County Party Committee",
        ["Sin Myong Son, chief secretary"],
    ),
    (
        "vok-2025-02-10-ryonggang-groundbreaking-factories-hospital",
        "pak-thae-song",
        "speaker",
        "Premier of the Cabinet of the Democratic People's Republic of Korea",
        ["Present there were Pak Thae Song", "Premier Pak Thae Song made a speech."],
    ),
    (
        "rodongsinmun-2025-02-13-kim-hyong-jik-inaugurated",
        "ri-thae-il",
        "speaker",
        "chief secretary of the Ryanggang Provincial Committee of the Workers’ Party of Korea",
        ["Addressing the ceremony, Ri Thae Il"],
    ),
    (
        "rodongsinmun-2025-02-13-kim-hyong-jik-inaugurated",
        "yun-chang-sik",
        "speaker",
        "chief secretary of the Kim Hyong Jik County Committee of the WPK",
        ["Then, Yun Chang Sik, chief secretary"],
    ),
    (
        "vok-2025-02-11-kim-hyong-jik-20th-inauguration-german",
        "ri-thae-il",
        "speaker",
        "verantwortliche Sekretär des Bezirksparteikomitees Ryanggang",
        ["Ri Thae Il, sagte in seiner Einweihungsansprache"],
    ),
    (
        "vok-2025-02-11-kim-hyong-jik-20th-inauguration-german",
        "yun-chang-sik",
        "speaker",
        "verantwortliche Sekretär des Kreisparteikomitees Kim-Hyong-Jik",
        ["Yun Chang Sik, bedankte sich in seiner Rede"],
    ),
    (
        "vok-2025-12-16-taegwan-inauguration-german",
        "jo-chun-ryong",
        "speaker",
        "Sekretär des Zentralkomitees der Partei der Arbeit Koreas",
        ["Dabei zugegen waren Jo Chun Ryong", "Jo Chun Ryong hielt eine Rede zur Einweihung."],
    ),
    (
        "vok-2025-12-16-taegwan-inauguration-german",
        "choe-yong-man",
        "attendee",
        "Vorsitzender des Bezirksvolkskomitees Nord-Phyongan",
        ["Choe Yong Man, Vorsitzender"],
    ),
    (
        "naenara-2025-12-17-puryong-new-factories",
        "ju-chang-il",
        "speaker",
        "department director of the Central Committee of the WPK",
        ["Present there were Ju Chang Il", "Ju Chang Il addressed the ceremony."],
    ),
    (
        "naenara-2025-12-17-puryong-new-factories",
        "pak-myong-ho",
        "attendee",
        "chairman of the North Hamgyong Provincial People’s Committee",
        ["Pak Myong Ho, chairman"],
    ),
    (
        "kcna-2025-12-17-hwangju-inaugurated",
        "ri-il-hwan",
        "speaker",
        "secretary of the Central Committee of the WPK",
        ["Ri Il Hwan, secretary"],
    ),
    (
        "vok-2025-12-17-hwangju-inauguration-german",
        "ri-il-hwan",
        "speaker",
        "Sekretär des ZK der Partei der Arbeit Koreas",
        ["betonte in seiner Einweihungsrede"],
    ),
    (
        "vok-2025-12-pukchang-inauguration-german",
        "pak-thae-song",
        "speaker",
        "Vorsitzender des Kabinetts der Demokratischen Volksrepublik Koreas",
        ["Daran nahmen Pak Thae Song", "In der Einweihungsansprache betonte Pak Thae Song"],
    ),
    (
        "vok-2025-12-pukchang-inauguration-german",
        "ri-song-bom",
        "attendee",
        "Vorsitzender des Volkskomitees des Bezirkes Süd-Phyongan",
        ["Ri Song Bom, Vorsitzender"],
    ),
    (
        "vok-2025-12-20-koksan-inauguration-german",
        "choe-ryong-hae",
        "speaker",
        "Vorsitzender des Präsidiums der Obersten Volksversammlung der Demokratischen "
        "Volksrepublik Korea",
        ["Daran nahmen Choe Ryong Hae", "In der Einweihungsansprache hob Choe Ryong Hae"],
    ),
    (
        "vok-2025-12-24-kilju-inauguration-german",
        "ri-il-hwan",
        "speaker",
        "Sekretär des Zentralkomitees der Partei der Arbeit Koreas",
        ["Ri Il Hwan, Sekretär des Zentralkomitees"],
    ),
    (
        "vok-2025-12-26-kaephung-inauguration-german",
        "pak-thae-song",
        "speaker",
        "Vorsitzender des Kabinetts der DVR Korea",
        ["Pak Thae Song, Vorsitzender des Kabinetts", "Der Regierungschef hielt"],
    ),
    (
        "vok-2025-12-26-yomju-inauguration-german",
        "choe-ryong-hae",
        "speaker",
        "Vorsitzender des Präsidiums der Obersten Volksversammlung der DVR Korea",
        ["Choe Ryong Hae, Vorsitzender", "Choe Ryong Hae hielt eine Einweihungsansprache."],
    ),
]

APPEARANCE_COLUMNS = [
    "person",
    "source",
    "model",
    "kind",
    "county",
    "province",
    "date",
    "role",
    "title",
    "quote",
]
# A sentence ends at . ! ? or a line's end; an abbreviation's dot ("Feb. 28") does not end it.
_END = re.compile(r"(?<![A-Z][a-z])(?<![A-Z])[.!?](?=\s)|\n")


def sentence_of(text: str, fragment: str) -> str:
    """The whole sentence of `text` that holds `fragment`."""
    at = text.find(fragment)
    if at < 0:
        raise ValueError(f"“{fragment}” is not in the text")
    starts = [m.end() for m in _END.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    end = _END.search(text, at + len(fragment))
    return text[start : end.end() if end else len(text)].strip()


def body(pack: Path, source_row: dict) -> str:
    """The text as published, without the pack's header."""
    text = (pack / "texts" / Path(source_row["text"]).name).read_text(encoding="utf-8")
    return text.partition("\n---\n")[2]


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_people(out: Path, pack: Path, sources: dict) -> None:
    events = {row["key"]: row for row in read(out / "events.csv")}
    cited = {}  # source → the events it is cited on
    leader_rows = []
    for row in read(out / "citations.csv"):
        kind, _, key = row["record"].partition(":")
        if kind != "event":
            continue
        cited.setdefault(row["source"], []).append(events[key])
        if row["leader_present"] == "yes":
            leader_rows.append((row, events[key]))
    appearances = {}

    def add(source, person, role, title, quote, event):
        place = {name: event[name] for name in ("model", "kind", "county", "province", "date")}
        appearances[(person, source, event["key"])] = {
            "person": person,
            "source": source,
            **place,
            "role": role,
            "title": title,
            "quote": quote,
        }

    for row, event in leader_rows:  # the leader wherever a citation says he was there
        role = "attendee" if event["model"] == "ceremony" else "leading"
        add(row["source"], LEADER, role, "", row["quote"], event)
    for source, person, role, title, fragments in SPOKE:
        text = body(pack, sources[source])
        quote = " … ".join(dict.fromkeys(sentence_of(text, f) for f in fragments))
        # A report's speakers are at its own ceremony: where the source is also cited on
        # another (a retrospective "inaugurated by then"), the one dated to the day.
        ceremonies = [event for event in cited[source] if event["model"] == "ceremony"]
        own = [event for event in ceremonies if "/" not in event["date"]] or ceremonies
        for event in own:
            add(source, person, role, title, quote, event)
    rows = sorted(appearances.values(), key=lambda r: (r["date"], r["source"], r["person"]))
    with (out / "appearances.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=APPEARANCE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    with (out / "people.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["slug", "name", "name_ko", "name_mr", "aliases"])
        for slug, values in sorted(PEOPLE.items()):
            writer.writerow([slug, *values])
