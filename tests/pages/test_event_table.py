"""The events list as a table: its selects, its orders, its CSV, the citations CSV and the
Atom feeds of one place."""

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from events.models import Citation
from tests import factories as make
from tests.pages.test_lists import csv_links
from tests.pages.test_places import text_of
from web.api_urls import resources

BOM = b"\xef\xbb\xbf"
EVENTS = reverse("events:event-list")
EVENTS_CSV = reverse("events:event-csv")
CITATIONS_CSV = reverse("events:citation-csv")


def body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response) -> list[dict]:
    assert response.status_code == 200, body(response)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig"))))


ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<t[hd][^>]*>(.*?)</t[hd]>", re.S)


def table_rows(html: str) -> list[dict]:
    """The events table's rows: the event's address and each cell's text."""
    tbody = html.split("<tbody>")[1].split("</tbody>")[0] if "<tbody>" in html else ""
    rows = []
    for row in ROW.findall(tbody):
        cells = [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip() for cell in CELL.findall(row)
        ]
        rows.append(
            {
                "url": re.search(r'<th scope="row"><a href="([^"]+)"', row).group(1),
                "date": cells[0],
                "leader": cells[4],
                "sources": cells[5],
            }
        )
    return rows


def whole_table(client, query: dict) -> list[dict]:
    """Every row of the table for `query`, page after page."""
    rows, page = [], 1
    while True:
        response = client.get(EVENTS, {**query, "page": page})
        assert response.status_code == 200
        rows += table_rows(response.content.decode())
        if not response.context["page_obj"].has_next():
            return rows
        page += 1


@pytest.fixture
def leaders(db):
    """Two events the leader attended and two he did not, of each kind."""
    return {
        True: [make.ceremony(leader_present=True), make.visit(leader_present=True)],
        False: [make.ceremony(leader_present=False), make.visit(leader_present=False)],
    }


def shown_urls(response) -> set[str]:
    return {event.get_absolute_url() for event in response.context["events"]}


@pytest.mark.parametrize(
    ("value", "present"), [("yes", True), ("no", False), ("true", True), ("false", False)]
)
def test_leader_present_filters_on_yes_and_no(client, leaders, value, present):
    response = client.get(EVENTS, {"leader_present": value})
    assert shown_urls(response) == {event.get_absolute_url() for event in leaders[present]}
    text = text_of(response)
    assert f"Leader present: {'yes' if present else 'no'} ✕" in text
    html = response.content.decode()
    assert f'<option value="{"yes" if present else "no"}" selected>' in html


def test_leader_present_yes_and_no_in_the_api_too(client, leaders):
    for value, present in (("yes", True), ("no", False)):
        response = client.get(reverse("api:ceremony-list"), {"leader_present": value})
        assert [row["leader_present"] for row in response.json()["results"]] == [present]


def test_a_leader_value_neither_yes_nor_no_is_an_error_not_an_empty_list(client, leaders):
    response = client.get(EVENTS, {"leader_present": "perhaps"})
    text = text_of(response)
    assert "Say yes or no." in text
    assert "0 events" in text
    assert csv_links(response) == []
    assert client.get(EVENTS_CSV, {"leader_present": "perhaps"}).status_code == 400


def test_the_filters_are_selects_where_the_values_are_known(client, seeded):
    html = client.get(EVENTS).content.decode()
    for name in ["kind", "programme_year", "province", "county", "leader_present", "ordering"]:
        assert f'<select name="{name}"' in html, name
    for name in ["date_after", "date_before"]:
        assert re.search(rf'<input type="date" name="{name}"', html), name
    assert '<option value="2025">2025</option>' in html
    for name in ["kind", "programme_year", "province", "county"]:
        assert re.search(rf'<select name="{name}"[^>]*>\s*<option value="" selected>any<', html)
    assert '<option value="songchon">Songchon</option>' in html
    assert 'name="year"' not in html


@pytest.mark.parametrize(
    "query",
    [
        {"programme_year": "abc"},
        {"programme_year": "2040"},
        {"county": "atlantis"},
        {"province": "nowhere"},
        {"kind": "parade"},
        {"date_after": "abc"},
        {"ordering": "summary"},
    ],
)
def test_a_bad_filter_value_is_a_form_error(client, seeded, query):
    response = client.get(EVENTS, query)
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert "0 events" in text_of(response)
    assert client.get(EVENTS_CSV, query).status_code == 400


def test_events_filter_by_programme_year_and_county(client, db):
    early = make.county(name="Kowon", slug="kowon", programme_year=2024)
    late = make.county(name="Anju", slug="anju", programme_year=2026)
    in_early = [make.ceremony(county=early), make.visit(county=early)]
    in_late = [make.ceremony(county=late)]
    unplaced = make.visit(province=early.province)
    by_year = client.get(EVENTS, {"programme_year": "2024"})
    assert shown_urls(by_year) == {event.get_absolute_url() for event in in_early}
    assert "Programme year: 2024 ✕" in text_of(by_year)
    by_county = client.get(EVENTS, {"county": "anju"})
    assert shown_urls(by_county) == {event.get_absolute_url() for event in in_late}
    assert unplaced.get_absolute_url() not in by_year.content.decode()


FILTERED_VIEWS = [
    {},
    {"kind": "groundbreaking", "province": "south-phyongan"},
    {"programme_year": "2025", "leader_present": "yes"},
    {"county": "songchon"},
    {"leader_present": "no", "date_after": "2025-01-01", "ordering": "place"},
    {"kind": "inauguration", "ordering": "-sources"},
    {"q": "Seongcheon", "ordering": "kind"},
    {"date_before": "2024-12-31", "ordering": "-leader"},
]


@pytest.mark.parametrize("query", FILTERED_VIEWS)
def test_the_csv_is_the_filtered_table(client, seeded, query):
    table = whole_table(client, query)
    response = client.get(EVENTS, query)
    [link] = csv_links(response)
    assert link["path"] == EVENTS_CSV
    rows = csv_rows(client.get(link["path"], link["query"]))
    assert len(rows) == len(table) == response.context["paginator"].count > 0
    assert [urlsplit(row["url"]).path for row in rows] == [row["url"] for row in table]
    assert [row["date_in_words"] for row in rows] == [row["date"] for row in table]
    assert [row["sources"] for row in rows] == [row["sources"] for row in table]
    assert [row["leader_present"] == "yes" for row in rows] == [
        row["leader"] == "yes" for row in table
    ]


def test_the_csv_holds_ceremonies_and_visits_together(client, seeded):
    rows = csv_rows(client.get(EVENTS_CSV))
    assert len(rows) == 99
    assert {row["category"] for row in rows} == {"ceremony", "visit"}
    assert list(rows[0]) == [
        "url",
        "category",
        "kind",
        "date",
        "date_in_words",
        "date_lower",
        "date_upper",
        "place",
        "county",
        "province",
        "factories",
        "leader_present",
        "people",
        "sources",
    ]
    hamju = [row for row in rows if row["date"] == "2025-01-18" and "hamju" in row["county"]]
    assert [row["people"] for row in hamju] == ["Ju Chang Sok; Ri Jong Nam"]


@pytest.mark.parametrize(
    ("ordering", "key", "reverse"),
    [
        ("sources", lambda row: int(row["sources"]), False),
        ("-sources", lambda row: int(row["sources"]), True),
        ("leader", lambda row: row["leader_present"] == "yes", False),
        ("-leader", lambda row: row["leader_present"] == "yes", True),
        ("kind", lambda row: (row["category"], row["kind"]), False),
        ("", lambda row: row["date_lower"], True),
        ("date", lambda row: row["date_lower"], False),
    ],
)
def test_each_order_sorts_on_its_column(client, seeded, ordering, key, reverse):
    rows = csv_rows(client.get(EVENTS_CSV, {"ordering": ordering}))
    assert [key(row) for row in rows] == sorted((key(row) for row in rows), reverse=reverse)
    assert len({key(row) for row in rows}) > 1


def test_place_order_follows_the_names_and_ties_keep_the_newest_first(client, db):
    names = ["Kowon", "Anju", "Jaeryong"]
    counties = {name: make.county(name=name, slug=name.lower()) for name in names}
    older = make.ceremony(county=counties["Anju"], date="2024-02")
    newer = make.visit(county=counties["Anju"], date="2024-09")
    make.ceremony(county=counties["Kowon"])
    make.visit(county=counties["Jaeryong"])
    html = client.get(EVENTS, {"ordering": "place"}).content.decode()
    places = [html.index(f">{name}</a>, Province") for name in ["Anju", "Jaeryong", "Kowon"]]
    assert places == sorted(places)
    assert html.index(newer.get_absolute_url()) < html.index(older.get_absolute_url())
    backwards = client.get(EVENTS, {"ordering": "-place"}).content.decode()
    assert backwards.index(">Kowon</a>") < backwards.index(">Anju</a>")


def test_column_headers_are_sort_links_saying_the_current_order(client, seeded):
    html = client.get(EVENTS, {"province": "south-phyongan"}).content.decode()
    # Newest first by default: the date header says so and offers oldest first.
    assert (
        '<th scope="col" aria-sort="descending"><a class="sort" '
        'href="?province=south-phyongan&amp;ordering=date">Date' in html
    )
    for key in ["kind", "place", "leader", "sources"]:
        assert f'href="?province=south-phyongan&amp;ordering={key}"' in html, key
    oldest_first = client.get(EVENTS, {"province": "south-phyongan", "ordering": "date"})
    # Back to the list's own order: an address without `ordering`, which no filter calls active.
    assert (
        'aria-sort="ascending"><a class="sort" href="?province=south-phyongan">Date'
        in oldest_first.content.decode()
    )
    sorted_html = client.get(EVENTS, {"ordering": "sources"}).content.decode()
    assert 'aria-sort="ascending"><a class="sort" href="?ordering=-sources"' in sorted_html


def test_the_table_shows_the_count_of_sources_and_not_the_sources(client, db):
    sources = [make.source(title=f"Report {n}") for n in range(3)]
    event = make.ceremony(sources=sources)
    html = client.get(EVENTS).content.decode()
    [row] = table_rows(html)
    assert row == {
        "url": event.get_absolute_url(),
        "date": "March 2024",
        "leader": "—",
        "sources": "3",
    }
    assert "Report 1" not in html
    assert "Report 1" in client.get(event.get_absolute_url()).content.decode()


def test_the_citations_csv_holds_every_citation(client, seeded):
    rows = csv_rows(client.get(CITATIONS_CSV))
    assert len(rows) == Citation.objects.count() > 500
    assert {row["record_type"] for row in rows} == {"ceremony", "guidancevisit", "factory"}
    claims = [
        row
        for row in rows
        if row["source"] == "Kim Jong Un's World of Devoted Service for People (2)"
        and row["date_as_written"] == "In late February last year"
    ]
    assert claims
    assert {row["date_claimed"] for row in claims} == {"2024-02-21/2024-02-29"}
    follows = [row for row in rows if row["record_follows_this_claim"] == "yes"]
    assert 0 < len(follows) < len(rows)
    assert {row["leader_present_claimed"] for row in rows} >= {"yes", "unstated"}


def csv_endpoints() -> list[str]:
    api = [reverse(f"api:{basename}-list") for _prefix, _viewset, basename in resources]
    return [
        EVENTS_CSV,
        CITATIONS_CSV,
        *(f"{address}?format=csv" for address in api),
        *(f"{address}?format=csv&page_size=5" for address in api),
    ]


@pytest.mark.parametrize("address", csv_endpoints())
def test_every_csv_opens_with_the_byte_order_mark(client, seeded, address):
    response = client.get(address)
    assert response.status_code == 200
    content = body(response)
    assert content.startswith(BOM)
    assert content.count(BOM) == 1


def test_hangul_survives_the_csv(client, seeded):
    content = body(client.get(reverse("api:county-list") + "?format=csv&slug=songchon"))
    assert content.startswith(BOM)
    assert "성천군" in content.decode("utf-8-sig")


def feed_links(xml: str) -> list[str]:
    return re.findall(r'<link href="[^"]*?(/events/[a-z]+/\d+/)"', xml)


def test_the_atom_feed_narrows_to_a_county_or_a_province(client, db):
    here = make.county(name="Kowon", slug="kowon")
    elsewhere = make.county(name="Anju", slug="anju")
    mine = [make.ceremony(county=here), make.visit(county=here)]
    other = make.ceremony(county=elsewhere)
    feed = reverse("events:feed-atom")
    by_county = client.get(feed, {"county": "kowon"}).content.decode()
    assert sorted(feed_links(by_county)) == sorted(event.get_absolute_url() for event in mine)
    assert "Regiondev: events in Kowon" in by_county
    by_province = client.get(feed, {"province": elsewhere.province.slug}).content.decode()
    assert feed_links(by_province) == [other.get_absolute_url()]
    assert len(feed_links(client.get(feed).content.decode())) == 3
    assert client.get(feed, {"county": "atlantis"}).status_code == 404


def test_county_and_province_pages_link_their_feed_and_downloads(client, seeded):
    for url, name, value in [
        (reverse("sites:county-detail", args=["songchon"]), "county", "songchon"),
        (reverse("sites:province-detail", args=["south-phyongan"]), "province", "south-phyongan"),
    ]:
        html = client.get(url).content.decode()
        feed = f"{reverse('events:feed-atom')}?{name}={value}"
        assert '<link rel="alternate" type="application/atom+xml"' in html
        assert f'href="{feed}"' in html, url
        assert f'href="{EVENTS_CSV}?{name}={value}" download' in html, url


@pytest.mark.parametrize(
    ("page", "events_csv"),
    [
        (reverse("sites:home"), EVENTS_CSV),
        (reverse("sites:map"), EVENTS_CSV),
        (reverse("sites:programme-year", args=[2025]), f"{EVENTS_CSV}?programme_year=2025"),
        (reverse("sites:county-detail", args=["songchon"]), f"{EVENTS_CSV}?county=songchon"),
    ],
)
def test_pages_link_their_downloads(client, seeded, page, events_csv):
    html = client.get(page).content.decode()
    assert f'href="{events_csv}" download' in html
    assert f'href="{CITATIONS_CSV}" download' in html
    assert f'href="{reverse("api:download-records")}" download' in html
    for address in re.findall(r'href="([^"]+)" download', html):
        response = client.get(address.replace("&amp;", "&"))
        assert response.status_code == 200, address
        assert body(response).startswith(BOM) or address.endswith(".zip"), address


def test_korean_events_table_speaks_korean(client, seeded):
    html = client.get("/ko" + EVENTS).content.decode()
    thead = html.split("<thead>")[1].split("</thead>")[0]
    for english in ["Date", "Event", "Place", "Factories", "Leader present", "Sources"]:
        assert f">{english}<" not in thead, english
    for korean in ["날짜", "장소", "공장", "출처"]:
        assert korean in thead, korean
    form = html.split('<form class="filters compact"')[1].split("</form>")[0]
    for english in ["Programme year", "County", "From", "Until", "newest first", "either"]:
        assert f">{english}<" not in form, english


# Each CSV's queries, and how many rows it has for a programme of `rows` rows.
CSV_QUERIES = {
    "events": (EVENTS_CSV, 8, lambda rows: 3 * rows + 2),  # and one for their people
    "events filtered and sorted": (
        f"{EVENTS_CSV}?kind=groundbreaking&leader_present=no&ordering=-sources",
        5,
        lambda rows: rows,
    ),
    "citations": (CITATIONS_CSV, 1, lambda rows: Citation.objects.count()),
}


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize("name", CSV_QUERIES)
def test_csv_query_count_does_not_grow_with_the_data(
    client, programme, django_assert_num_queries, rows, name
):
    """Guards against N+1 queries: a CSV that loaded a relation per row would cost more at
    30 rows than at 3."""
    programme(rows)
    address, queries, length = CSV_QUERIES[name]
    with django_assert_num_queries(queries):
        response = client.get(address)
        lines = csv_rows(response)
    assert len(lines) == length(rows) >= rows
