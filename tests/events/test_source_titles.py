"""A source whose headline is not known is named by its description in square brackets, a
supplied title, on every page that lists sources, in "Cite this record", the API, the CSVs
and the whole-record download; never as if the description were the headline. The shipped
record holds no editors' note in place of a headline."""

import csv
import io
import zipfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from events.models import Photo, Source
from tests import factories as make
from tests.pages.conftest import png

SEED = Path(__file__).resolve().parents[2] / "seed"
PACK = Path("/work/shared/sources/pack/sources.csv")
DESCRIPTION = "Report of the Kowon groundbreaking by a regional paper"
SUPPLIED = f"[{DESCRIPTION}]"
HEADLINE = "Kowon breaks ground for regional factories"


def only_bracketed(text: str) -> bool:
    """The description appears, and each time inside its square brackets."""
    return text.count(DESCRIPTION) >= 1 and text.count(DESCRIPTION) == text.count(SUPPLIED)


@pytest.fixture
def described(db, settings, tmp_path):
    """A source known only by its description, cited by a ceremony, a visit, a factory and a
    county, and credited on a photo; a source with a headline beside it."""
    settings.MEDIA_ROOT = tmp_path
    source = make.source(
        title="",
        description=DESCRIPTION,
        title_note="headline not kept in the excerpt",
        publisher="Regional Paper",
        published="2024-03-07",
    )
    headlined = make.source(title=HEADLINE, publisher="KCNA", published="2024-03-07")
    county = make.county(name="Kowon", slug="kowon", programme_year=2024)
    factory = make.factory(
        county=county, name="Kowon Foodstuff Factory", slug="kowon-food", draft=True
    )
    factory.sources.add(source)
    county.sources.add(source)
    ceremony = make.ceremony(
        kind="groundbreaking",
        date="2024-03-06",
        county=county,
        factories=[factory],
        sources=[source, headlined],
    )
    visit = make.visit(date="2024-03-06", county=county, sources=[source])
    Photo.objects.create(
        image=png(), caption="The site", credit="Regional Paper", source=source, ceremony=ceremony
    )
    return {
        "source": source,
        "county": county,
        "factory": factory,
        "ceremony": ceremony,
        "visit": visit,
    }


def page_addresses(d) -> dict:
    return {
        "ceremony page": d["ceremony"].get_absolute_url(),
        "visit page": d["visit"].get_absolute_url(),
        "county page": d["county"].get_absolute_url(),
        "province page": d["county"].province.get_absolute_url(),
        "factory page": d["factory"].get_absolute_url(),
        "source list": reverse("events:source-list"),
        "source page": d["source"].get_absolute_url(),
        "search results": reverse("sites:search") + "?q=Kowon",
        "home page": reverse("sites:home"),
        "Korean county page": "/ko" + d["county"].get_absolute_url(),
        "Atom feed": reverse("events:feed-atom"),
    }


def test_every_page_kind_names_the_source_by_its_description_in_square_brackets(client, described):
    for name, address in page_addresses(described).items():
        response = client.get(address)
        assert response.status_code == 200, name
        assert only_bracketed(response.content.decode()), name


def test_the_claims_under_an_event_name_the_source_in_square_brackets(client, described):
    html = client.get(described["ceremony"].get_absolute_url()).content.decode()
    claims = html[html.index('class="claims"') :]
    assert f">{SUPPLIED}</a>" in claims
    assert f">{HEADLINE}</a>" in claims, "a known headline stays as published, unbracketed"


def test_cite_this_record_gives_the_supplied_title_in_square_brackets(client, described):
    html = client.get(described["source"].get_absolute_url()).content.decode()
    citation = html[html.index('class="citation-line"') :]
    citation = citation[: citation.index("</p>")]
    assert f"“{SUPPLIED}”" in citation
    assert "headline not kept in the excerpt" in html, "the note says why"
    assert f'<h1 translate="no">{SUPPLIED}</h1>' in html


def test_the_api_gives_title_description_and_the_title_to_show(client, described):
    source = client.get(reverse("api:source-detail", args=[described["source"].pk])).json()
    assert source["title"] == ""
    assert source["description"] == DESCRIPTION
    assert source["title_note"] == "headline not kept in the excerpt"
    assert source["display_title"] == SUPPLIED
    ceremony = client.get(reverse("api:ceremony-detail", args=[described["ceremony"].pk])).json()
    shown = {item["display_title"] for item in ceremony["sources"]}
    assert shown == {SUPPLIED, HEADLINE}
    assert {c["source"]["display_title"] for c in ceremony["citations"]} == shown
    factory = client.get(reverse("api:factory-list")).json()["results"][0]
    assert [item["display_title"] for item in factory["sources"]] == [SUPPLIED]
    timeline = client.get(reverse("api:factory-timeline", args=["kowon-food"])).json()
    assert SUPPLIED in {item["display_title"] for item in timeline["events"][0]["sources"]}


@pytest.mark.parametrize(
    "address",
    [
        reverse("api:ceremony-list") + "?format=csv",
        reverse("api:guidance-visit-list") + "?format=csv",
        reverse("api:factory-list") + "?format=csv",
        reverse("api:source-list") + "?format=csv",
        reverse("events:citation-csv"),
    ],
)
def test_every_csv_names_the_source_in_square_brackets(client, described, address):
    response = client.get(address)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows
    # The source list gives the description in a column of its own, named as such.
    cells = [value for row in rows for column, value in row.items() if column != "description"]
    assert only_bracketed("\n".join(cells)), address


def test_the_whole_record_download_names_the_source_in_square_brackets(client, described):
    response = client.get(reverse("api:download-records"))
    bundle = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    for name in ("ceremonies", "guidance-visits", "factories"):
        text = bundle.read(f"regiondev-records/csv/{name}.csv").decode("utf-8-sig")
        assert only_bracketed(text), name
    rows = csv.DictReader(
        io.StringIO(bundle.read("regiondev-records/csv/sources.csv").decode("utf-8-sig"))
    )
    row = next(row for row in rows if row["description"] == DESCRIPTION)
    assert (row["title"], row["display_title"]) == ("", SUPPLIED)


def test_a_source_needs_a_headline_or_a_description(db):
    with pytest.raises(ValidationError, match="Give the headline as published"):
        Source(title="", description="", published="2025").full_clean()
    Source(title="", description="A report", published="2025").full_clean()
    Source(title="A headline", description="", published="2025").full_clean()


def test_the_admin_refuses_a_source_with_neither_and_lists_the_supplied_title(
    staff_client, described
):
    response = staff_client.post(
        reverse("admin:events_source_add"), {"title": "", "description": "", "language": "en"}
    )
    assert response.status_code == 200
    assert "Give the headline as published" in response.content.decode()
    listing = staff_client.get(reverse("admin:events_source_changelist")).content.decode()
    assert SUPPLIED in listing


# What an editors' note put where a headline goes looked like: "(headline not shown in
# excerpt) — …", "[summary] …".
NOTE_OPENINGS = ("(", "[", "（", "【")


def test_no_title_in_the_shipped_seed_is_an_editors_note():
    with (SEED / "sources.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert not row["title"].lstrip().startswith(NOTE_OPENINGS), row["key"]
        assert row["title"] or row["description"], row["key"]
        assert "headline not shown" not in row["title"].lower(), row["key"]


@pytest.mark.skipif(not PACK.exists(), reason="the source pack is not on this machine")
def test_the_seed_carries_the_packs_title_description_and_note():
    with PACK.open(encoding="utf-8") as handle:
        pack = {row["source"]: row for row in csv.DictReader(handle)}
    with (SEED / "sources.csv").open(encoding="utf-8") as handle:
        seed = {row["key"]: row for row in csv.DictReader(handle)}
    described = 0
    for key, row in pack.items():
        fields = ("title", "description", "title_note")
        assert {f: seed[key][f] for f in fields} == {f: row[f] for f in fields}, key
        described += not row["title"]
    assert described > 0


def test_the_loaded_record_shows_no_note_as_a_headline(seeded, client):
    untitled = list(Source.objects.filter(title=""))
    assert untitled, "the pack holds sources whose headline is not known"
    assert not Source.objects.filter(title__regex=r"^\s*[(\[（【]").exists()
    for source in untitled:
        assert source.description
        html = client.get(source.get_absolute_url()).content.decode()
        assert f'<h1 translate="no">[{escape(source.description)}]</h1>' in html, source.key
