"""Korean versions of the project's own English wording in the seed (descriptions and the
notes where sources disagree), keyed by the English, for the Korean pages. Quotes from the
sources are never translated here."""

COUNTY_DESCRIPTIONS_KO = {
    "A typical intermediate, mountainous area of the DPRK.": (
        "조선민주주의인민공화국의 전형적인 중간지대이자 산간지대."
    ),
}

NOTES_KO = {
    "Calls this visit Kim's second to Songchon; state media list three that year "
    "(28 February, 24–25 August, 19 November).": (
        "이 방문을 김정은의 두 번째 성천군 방문이라 하나, 국가 매체는 그해 세 번"
        "(2월 28일, 8월 24–25일, 11월 19일)을 든다."
    ),
    "Counts this as Kim's seventh inspection of the Songchon construction; state media list "
    "three visits that year.": (
        "이것을 김정은의 일곱 번째 성천군 건설장 시찰로 세나, 국가 매체는 그해 세 번의 방문을 든다."
    ),
    "Dates the ceremony 7 March; state media (KCNA, Pyongyang Times) report it on 7 February.": (
        "행사 날짜를 3월 7일로 적으나, 국가 매체(조선중앙통신, 평양타임즈)는 2월 7일로 보도한다."
    ),
    "Its photo caption places Onchon in South Phyongan; its lead, and state media, in Nampho.": (
        "사진 설명은 온천군을 평안남도에 두나, 기사 첫머리와 국가 매체는 남포에 둔다."
    ),
    "The only source for this date; its own date arithmetic is inconsistent (“the previous "
    "day” of a Saturday report), so the day is uncertain.": (
        "이 날짜의 유일한 출처이나, 날짜 계산이 맞지 않아(토요일 보도의 “전날”) 날짜가 불확실하다."
    ),
    "Writes “July 19”, apparently a translation error: every other source dates the Sinpho "
    "factory opening 19 December 2025.": (
        "“7월 19일”로 적었는데 번역 오류로 보인다. 다른 모든 출처는 신포시 공장 준공을 "
        "2025년 12월 19일로 적는다."
    ),
}


def in_korean(english: str, table: dict) -> str:
    """The Korean of each " / "-joined part of `english`; empty unless every part has one."""
    parts = [table.get(part, "") for part in english.split(" / ")] if english else []
    return " / ".join(parts) if parts and all(parts) else ""
