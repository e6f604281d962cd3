"""A factory's name in Korean where staff have not given one: its county's hangul name and
the word for what it is (one rule for every page that names a factory in Korean)."""

from sites.choices import Sector

# What the English name says the facility is, most specific first, and the Korean word for it.
KIND_WORDS = (
    ("regional-industry factories", "지방공업공장"),
    ("regional industry factories", "지방공업공장"),
    ("regional development project", "지방발전사업"),
    ("service and leisure complex", "봉사·휴양시설"),
    ("grain management facility", "량곡관리시설"),
    ("daily necessities factory", "일용품공장"),
    ("fish-processing factory", "수산물가공공장"),
    ("foodstuff factory", "식료공장"),
    ("garment factory", "피복공장"),
    ("greenhouse farm", "온실농장"),
    ("offshore farm", "바다양식장"),
    ("paper mill", "종이공장"),
    ("hospital", "병원"),
)
# Where the name says nothing we know, the word for the factory's sector.
SECTOR_WORDS = {
    Sector.FOODSTUFF: "식료공장",
    Sector.DAILY_NECESSITIES: "일용품공장",
    Sector.TEXTILES: "피복공장",
    Sector.BUILDING_MATERIALS: "건재공장",
    Sector.PAPER: "종이공장",
    Sector.FISHERIES: "수산물가공공장",
    Sector.AGRICULTURE: "농업시설",
    Sector.HEALTH_CARE: "병원",
    Sector.SERVICES: "봉사시설",
    Sector.OTHER: "공장",
}


def kind_word(name: str, sector: str) -> str:
    """`Sukchon County Foodstuff Factory` → `식료공장`."""
    folded = name.casefold()
    for english, korean in KIND_WORDS:
        if english in folded:
            return korean
    return SECTOR_WORDS.get(sector, SECTOR_WORDS[Sector.OTHER])


def korean_name(*, county_ko: str, name: str, sector: str) -> str:
    """`성천군 지방공업공장`; empty where the county has no hangul name."""
    return f"{county_ko} {kind_word(name, sector)}" if county_ko else ""
