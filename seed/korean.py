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
    "Names no county, only North Phyongan; read as the Kujang visit KBS dates to October "
    "2024, the only visit to the province the sources report that year.": (
        "군을 밝히지 않고 평안북도만 적으나, KBS가 2024년 10월로 적은 구장군 방문으로 읽는다. "
        "출처들이 전하는 그해 이 도의 유일한 방문이다."
    ),
}

SUMMARIES_KO = {
    "At the 10th Session of the 14th Supreme People's Assembly Kim Jong Un names the gap "
    "between the capital and the provinces, and between regions, as the issue to tackle; the "
    "name Regional Development 20×10 Policy first appears in DPRK media that month.": (
        "최고인민회의 제14기 제10차 회의에서 김정은이 수도와 지방, 지역 사이의 격차를 풀어야 할 "
        "문제로 지적한다. 지방발전 20×10 정책이라는 이름은 그달 조선 매체에 처음 나온다."
    ),
    "Inaugurated by 11 February 2025, when the first year's task was declared complete with "
    "the 20th inauguration (Kim Hyong Jik County); the day is not reported.": (
        "2025년 2월 11일 20번째 준공식(김형직군)으로 첫해 과업이 끝났다고 발표될 때까지 "
        "준공되었다. 날짜는 보도되지 않았다."
    ),
    "Reported completed by Kim Jong Un's visit in December 2025; no ceremony is reported.": (
        "2025년 12월 김정은의 방문 때 완공되었다고 보도되었다. 준공식은 보도되지 않았다."
    ),
    "The non-permanent central committee for promoting the Regional Development 20×10 Policy "
    "starts its work.": ("지방발전 20×10 정책 추진 비상설중앙위원회가 활동을 시작한다."),
}


def in_korean(english: str, table: dict) -> str:
    """The Korean of each " / "-joined part of `english`; empty unless every part has one."""
    parts = [table.get(part, "") for part in english.split(" / ")] if english else []
    return " / ".join(parts) if parts and all(parts) else ""
