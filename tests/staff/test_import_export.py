"""Bulk import and export: CSV and XLSX, previewed, all-or-nothing, round trips unchanged."""

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from events.models import Ceremony, GuidanceVisit, Source
from regiondev import dates
from sites.models import County, Factory
from staff.event_resources import CeremonyResource, GuidanceVisitResource, SourceResource
from staff.place_resources import CountyResource, FactoryResource
from tests import factories
from tests.staff import pages

FACTORY_HEADER = "slug,name,county,sector,products,description,latitude,longitude,sources\n"


def csv_dataset(text: str) -> tablib.Dataset:
    return tablib.Dataset().load(text, format="csv")


def import_url(model, step="import"):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{step}")


def upload(name: str, content: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content.encode("utf-8"), content_type="text/csv")


class TestImportThroughTheAdmin:
    def test_the_import_page_lists_the_columns_it_reads(self, db, staff_client):
        page = pages.text(staff_client.get(import_url(Factory)))
        columns = page[page.index("following fields:") : page.index("File to import")]
        assert "slug, name, county, sector, products, description" in columns
        assert "status" not in columns  # derived: exported, never imported

    def test_a_csv_is_previewed_then_creates_its_rows_on_confirmation(self, seeded, staff_client):
        article = Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2")
        csv = (
            FACTORY_HEADER
            + f"hamju-shoes,Hamju shoe factory,hamju,daily necessities,Shoes,,,,{article.pk}\n"
            + "sinpho-fish-factory,Sinpho fish factory,sinpho,foodstuff,,,40.03,128.18,\n"
        )
        preview = staff_client.post(
            import_url(Factory),
            {"format": 0, "resource": 0, "import_file": upload("factories.csv", csv)},
            follow=True,
        )
        page = pages.text(preview)
        assert preview.status_code == 200
        assert "2 new, 0 updated, 0 unchanged" in page
        assert not Factory.objects.filter(slug="hamju-shoes").exists()  # preview only

        confirm = {
            name: preview.context["confirm_form"][name].value()
            for name in ("import_file_name", "original_file_name", "format", "resource")
        }
        response = staff_client.post(import_url(Factory, "process_import"), confirm, follow=True)
        assert "Import finished: 2 new, 0 updated, 0 unchanged" in pages.text(response)
        shoes = Factory.objects.get(slug="hamju-shoes")
        assert shoes.county.slug == "hamju"
        assert shoes.sector == "daily necessities"
        assert list(shoes.sources.values_list("pk", flat=True)) == [article.pk]
        assert Factory.objects.get(slug="sinpho-fish-factory").county.name == "Sinpho"
        latest = shoes.history.latest()
        assert latest.history_user.username == "staff"
        assert latest.history_change_reason == "Imported from factories.csv"

    def test_a_file_that_no_longer_passes_at_confirmation_writes_nothing(
        self, seeded, staff_client
    ):
        doomed = factories.source(title="Withdrawn article")
        csv = (
            FACTORY_HEADER
            + "hamju-shoes,Hamju shoe factory,hamju,other,,,,,\n"
            + f"sinpho-fish,Sinpho fish factory,sinpho,foodstuff,,,,,{doomed.pk}\n"
        )
        preview = staff_client.post(
            import_url(Factory),
            {"format": 0, "resource": 0, "import_file": upload("factories.csv", csv)},
            follow=True,
        )
        confirm = {
            name: preview.context["confirm_form"][name].value()
            for name in ("import_file_name", "original_file_name", "format", "resource")
        }
        doomed_id = doomed.pk
        doomed.delete()  # someone removes the source between preview and confirmation
        response = staff_client.post(import_url(Factory, "process_import"), confirm, follow=True)
        page = pages.text(response)
        assert "Nothing was imported: the rows below are refused, each with its reason" in page
        assert f"Row 2, column “sources”: There is no source with the id “{doomed_id}”" in page
        assert not Factory.objects.filter(slug__in=["hamju-shoes", "sinpho-fish"]).exists()

    def test_a_file_with_a_bad_row_writes_nothing_and_names_row_and_column(
        self, seeded, staff_client
    ):
        songchon = Factory.objects.get(slug="songchon-regional-industry-factories")
        article = Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2").pk
        csv = (
            "id,kind,date,county,province,place_name,factories,leader_present,summary,sources,"
            "speakers\n"
            f",groundbreaking,2025-03,hamju,,,,0,A good row,{article},\n"
            f",inauguration,late February,songchon,,,{songchon.slug},1,Bad date,{article},\n"
            f",groundbreaking,2025-04,atlantis,,,,0,Unknown county,{article},\n"
        )
        before = Ceremony.objects.count()
        response = staff_client.post(
            import_url(Ceremony),
            {"format": 0, "resource": 0, "import_file": upload("ceremonies.csv", csv)},
            follow=True,
        )
        page = pages.text(response)
        assert response.status_code == 200
        assert "confirm_form" not in response.context or not response.context["confirm_form"]
        assert "Row 2, column “date”: “late February” is not a date Regiondev can read" in page
        assert "Row 3, column “county”: There is no county named “atlantis” or with that slug." in (
            page
        )
        assert Ceremony.objects.count() == before


@pytest.mark.django_db
class TestResources:
    def test_a_csv_updates_counties_found_by_slug(self, seeded):
        songchon = County.objects.get(slug="songchon")
        result = CountyResource().import_data(
            csv_dataset(
                "slug,name,province,kind,name_ko,name_mr,aliases,programme_year,name_rr\n"
                "songchon,Songchon,south-phyongan,county,성천군,Sŏngch'ŏn-gun,Songcheon,2024,Typed\n"
                "hamju,Hamju,south-hamgyong,county,함주군,Hamju-gun,,2025,\n"
            )
        )
        assert not result.has_errors()
        assert not result.has_validation_errors()
        assert result.totals["update"] == 2
        assert result.totals["new"] == 0
        songchon.refresh_from_db()
        assert songchon.aliases == "Songcheon"
        assert songchon.name_rr == "Seongcheon-gun"  # derived from the hangul, never imported
        assert County.objects.get(slug="hamju").programme_year == 2025
        assert County.objects.count() == 201

    def test_an_unknown_province_and_an_invalid_date_are_errors_in_words(self, seeded):
        result = GuidanceVisitResource().import_data(
            csv_dataset(
                "id,kind,date,county,province,factories,sources\n"
                ",field guidance,2024-13,,,,\n"
                ",field guidance,2024,,narnia,,\n"
                ",field guidance,2024,,,no-such-factory,999999999\n"
            )
        )
        errors = {row.number: row.error_dict for row in result.invalid_rows}
        assert errors[1] == {
            "date": ["“2024-13” is not a date Regiondev can read. " + dates.EDTF_HELP]
        }
        assert errors[2] == {"province": ["There is no province named “narnia” or with that slug."]}
        assert errors[3] == {
            "factories": ["There is no factory named “no-such-factory” or with that slug."],
            "sources": ["There is no source with the id “999999999”."],
        }
        assert GuidanceVisit.objects.count() == 15

    def test_an_inauguration_before_its_groundbreaking_is_refused_on_import(self, seeded):
        factory = Factory.objects.get(slug="songchon-regional-industry-factories")
        result = CeremonyResource().import_data(
            csv_dataset(
                f"id,kind,date,county,factories\n,inauguration,2023-12,songchon,{factory.slug}\n"
            )
        )
        [row] = result.invalid_rows
        assert "cannot come before its factory's groundbreaking" in row.error_dict["date"][0]
        assert Ceremony.objects.count() == 84

    def test_a_valid_row_after_an_invalid_one_is_rolled_back_too(self, seeded):
        result = SourceResource().import_data(
            csv_dataset("id,title,published\n,Good article,2025-01\n,Bad article,January\n")
        )
        assert result.totals["new"] == 1
        assert result.totals["invalid"] == 1
        assert not Source.objects.filter(title="Good article").exists()

    @pytest.mark.parametrize("file_format", ["csv", "xlsx"])
    @pytest.mark.parametrize(
        "resource_class",
        [CountyResource, FactoryResource, CeremonyResource, GuidanceVisitResource, SourceResource],
        ids=lambda resource: resource.__name__,
    )
    def test_what_is_exported_reimports_with_no_change(self, seeded, resource_class, file_format):
        factories.factory(county=County.objects.get(slug="hamju"), latitude=39.8, longitude=127.6)
        exported = resource_class().export().export(file_format)
        result = resource_class().import_data(
            tablib.Dataset().load(exported, format=file_format), dry_run=False
        )
        assert not result.has_errors()
        assert not result.has_validation_errors()
        assert result.totals["skip"] == len(resource_class().get_queryset()) > 0
        assert result.totals["new"] == result.totals["update"] == 0

    def test_derived_values_are_exported_for_reading(self, seeded):
        dataset = FactoryResource().export(
            queryset=Factory.objects.filter(slug="songchon-regional-industry-factories")
        )
        row = dict(zip(dataset.headers, dataset[0], strict=True))
        assert row["status"] == "operating"
        assert row["groundbreaking_date"] == "2024-02-28"
        assert row["county"] == "songchon"

    def test_many_to_many_columns_join_slugs_and_ids_with_semicolons(self, seeded):
        second = factories.factory(county=County.objects.get(slug="songchon"), slug="second")
        groundbreaking = Ceremony.objects.get(kind="groundbreaking", county__slug="songchon")
        groundbreaking.factories.add(second)
        dataset = CeremonyResource().export(queryset=Ceremony.objects.filter(pk=groundbreaking.pk))
        row = dict(zip(dataset.headers, dataset[0], strict=True))
        assert row["factories"] == "songchon-regional-industry-factories;second"
        assert row["sources"] == ";".join(
            str(pk) for pk in sorted(groundbreaking.sources.values_list("pk", flat=True))
        )
        assert str(Source.objects.get(key="kim-jong-uns-world-of-devoted-service-2").pk) in (
            row["sources"].split(";")
        )


@pytest.mark.parametrize("rows", [3, 30])
def test_an_export_reads_in_a_constant_number_of_queries(db, rows, django_assert_num_queries):
    county = factories.county()
    source = factories.source()
    for _ in range(rows):
        factories.ceremony(
            county=county, sources=[source], factories=[factories.factory(county=county)]
        )
    # A count (the export pages through rows), the ceremonies with their places, factories, sources.
    with django_assert_num_queries(4):
        dataset = CeremonyResource().export(queryset=Ceremony.objects.all())
    assert len(dataset) == rows
