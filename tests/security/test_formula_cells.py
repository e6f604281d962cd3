"""No CSV or spreadsheet the site writes hands a spreadsheet a formula, whichever separator
it splits the file on (a comma, a semicolon as in most of Europe, a tab) and wherever a line
breaks: the API's CSV (a page and the whole list) and the admin's export alike."""

import re

import pytest
from django.urls import reverse

from staff.place_resources import FactoryResource
from tests import factories as make

FORMULA_STARTS = "=+-@\t\r＝＋－＠"
# Names written for this test: a formula after each separator, after a line break, after
# blanks, and in full-width forms.
HOSTILE_NAMES = [
    "Probe;=cmd|' /C calc'!A0;x",
    "Probe,+1+cmd|' /C calc'!A0",
    "Probe\t@SUM(1+1)*cmd|' /C calc'!A0",
    "Probe\n-2+3+cmd|' /C calc'!A0",
    "Probe\r\n=1+1",
    'Probe;  =HYPERLINK("http://evil.example")',
    "＝1+1",
    "Probe;＋1+1",
    "Probe,＠SUM(1)",
    "Probe;－1+1",
    "=1;=2,=3",
]


def formula_cells(text: str) -> list[str]:
    """Every cell a spreadsheet could make of the file that starts a formula: split on each
    separator in turn and at each line break, quotes and blanks before a cell aside."""
    found = []
    for line in re.split(r"\r\n|\r|\n", text):
        for separator in ",;\t":
            for cell in line.split(separator):
                start = cell.lstrip(' "\u3000')
                if start and start[0] in FORMULA_STARTS:
                    found.append(cell)
    return found


def text_of(response) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode("utf-8-sig")


@pytest.fixture(params=HOSTILE_NAMES)
def hostile(request, db):
    return make.factory(name=request.param, slug="probe")


@pytest.mark.parametrize("paged", [False, True], ids=["whole list", "a page"])
def test_the_api_csv_has_no_formula_cell(hostile, client, paged):
    params = {"format": "csv", **({"page_size": 10} if paged else {})}
    response = client.get(reverse("api:factory-list"), params)
    assert response.status_code == 200
    text = text_of(response)
    assert "probe," in text  # the row is there
    assert formula_cells(text) == []


def test_the_admin_csv_export_has_no_formula_cell(hostile, staff_client):
    fields = {f"factoryresource_{name}": "on" for name in FactoryResource().get_export_order()}
    response = staff_client.post(
        reverse("admin:sites_factory_export"), {"format": 0, "resource": 0, **fields}
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "probe," in text  # the row is there
    assert formula_cells(text) == []


@pytest.mark.parametrize(
    "name", ["Songchon foodstuff factory", "Kim's 2-storey mill, 3 lines; 24 hours", "a - b"]
)
def test_ordinary_names_are_written_as_they_are(db, client, name):
    make.factory(name=name, slug="plain")
    response = client.get(reverse("api:factory-list"), {"format": "csv", "page_size": 10})
    assert name in text_of(response)
