"""A file's preview and its import agree: they refuse the same rows for the same reasons, and
a file that previews clean imports clean. Rows depend on the rows before them: a slug an
earlier row gives or makes from its name is taken, and a milestone an earlier row records
counts, whether or not the preview has written it."""

import pytest
import tablib
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Ceremony
from sites.models import Factory
from staff.event_resources import CeremonyResource
from staff.imports import row_errors
from staff.models import Job
from staff.place_resources import FactoryResource
from tests import factories as make
from tests.staff import pages
from tests.staff.test_import_export import import_url, upload

FACTORY_HEADER = "slug,name,county,sector\n"
CEREMONY_HEADER = "id,kind,date,county,province,factories,repeat\n"


def outcome(resource, text: str, *, dry_run: bool) -> tuple[list[str], int]:
    """The file's refusals in words (as the job shows them) and how many rows it writes; the
    database is left as it was."""
    with transaction.atomic():
        result = resource.import_data(tablib.Dataset().load(text, format="csv"), dry_run=dry_run)
        transaction.set_rollback(True)
    return row_errors(result), result.totals["new"] + result.totals["update"]


def preview_and_import(resource_class, text: str) -> tuple[list[str], list[str]]:
    previewed, _ = outcome(resource_class(), text, dry_run=True)
    imported, _ = outcome(resource_class(), text, dry_run=False)
    return previewed, imported


class TestSlugsAmongTheRows:
    def test_a_slug_made_from_a_name_is_taken_for_the_rows_after(self, seeded):
        text = FACTORY_HEADER + ",Foo Works,songchon,other\nfoo-works,Other Works,songchon,other\n"
        previewed, imported = preview_and_import(FactoryResource, text)
        assert previewed == imported
        assert previewed == [
            "Row 2, column “slug”: Row 1 of this file gives this slug too: give each record "
            "its own."
        ]
        assert not Factory.objects.filter(slug__startswith="foo-works").exists()

    @pytest.mark.parametrize(
        ("rows", "slugs"),
        [
            # A given slug first: the name makes the next free one.
            (
                "foo-works,Foo Works,songchon,other\n,Foo Works,songchon,other\n",
                ["foo-works", "foo-works-2"],
            ),
            (
                ",Foo Works,songchon,other\n,Foo Works,songchon,other\n",
                ["foo-works", "foo-works-2"],
            ),
            (
                "foo-works-2,Foo Works,songchon,other\n,Foo Works,songchon,other\n"
                ",Foo Works,songchon,other\n",
                ["foo-works-2", "foo-works", "foo-works-3"],
            ),
        ],
    )
    def test_names_make_slugs_the_earlier_rows_left_free(self, seeded, rows, slugs):
        previewed, imported = preview_and_import(FactoryResource, FACTORY_HEADER + rows)
        assert previewed == imported == []
        FactoryResource().import_data(tablib.Dataset().load(FACTORY_HEADER + rows, format="csv"))
        made = Factory.objects.filter(name="Foo Works").order_by("pk")
        assert list(made.values_list("slug", flat=True)) == slugs

    def test_a_slug_a_name_makes_skips_one_in_the_database(self, seeded):
        make.factory(slug="foo-works", county=make.county())
        text = FACTORY_HEADER + ",Foo Works,songchon,other\nfoo-works-2,Bar,songchon,other\n"
        previewed, imported = preview_and_import(FactoryResource, text)
        assert previewed == imported
        assert len(previewed) == 1
        assert previewed[0].startswith("Row 2, column “slug”: Row 1 of this file gives")

    def test_the_check_job_refuses_the_file_so_nothing_is_offered_to_confirm(
        self, seeded, staff_client
    ):
        text = FACTORY_HEADER + ",Foo Works,songchon,other\nfoo-works,Other Works,songchon,other\n"
        staff_client.post(
            import_url(Factory),
            {"format": 0, "resource": 0, "import_file": upload("f.csv", text)},
        )
        page = pages.text(staff_client.get(Job.objects.get().get_absolute_url()))
        assert "Nothing will be imported: 1 problem" in page
        assert "Row 2, column “slug”: Row 1 of this file gives this slug too" in page
        assert "Confirm import" not in page


class TestMilestonesAmongTheRows:
    @pytest.fixture
    def factory(self, seeded):
        return make.factory(county=make.county())

    def test_a_second_groundbreaking_in_the_file_is_refused_naming_the_row(self, factory):
        rows = [
            f",groundbreaking,2025-03-01,,,{factory.slug},",
            f",groundbreaking,2025-04-01,,,{factory.slug},",
        ]
        previewed, imported = preview_and_import(
            CeremonyResource, CEREMONY_HEADER + "\n".join(rows)
        )
        assert previewed == imported
        assert len(previewed) == 1
        assert previewed[0].startswith(
            f"Row 2, column “repeat”: {factory} already has a groundbreaking ceremony, "
            "1 March 2025: row 1 of this file."
        )
        assert not Ceremony.objects.filter(factories=factory).exists()

    def test_an_inauguration_before_the_files_groundbreaking_is_refused(self, factory):
        rows = [
            f",groundbreaking,2025-03-01,,,{factory.slug},",
            f",inauguration,2025-02-01,,,{factory.slug},",
            f",inauguration,2025-12-01,,,{factory.slug},second phase",
        ]
        previewed, imported = preview_and_import(
            CeremonyResource, CEREMONY_HEADER + "\n".join(rows)
        )
        assert previewed == imported
        assert [error[:34] for error in previewed] == ["Row 2, column “date”: An inaugurat"]

    def test_a_row_that_moves_a_recorded_ceremony_is_seen_by_the_rows_after(self, factory):
        groundbreaking = make.ceremony(kind="groundbreaking", date="2024-03", factories=[factory])
        rows = [
            f"{groundbreaking.pk},groundbreaking,2025-06-01,,,{factory.slug},",
            f",inauguration,2025-01-01,,,{factory.slug},",
        ]
        previewed, imported = preview_and_import(
            CeremonyResource, CEREMONY_HEADER + "\n".join(rows)
        )
        assert previewed == imported
        assert len(previewed) == 1
        assert previewed[0].startswith("Row 2, column “date”: An inauguration cannot come before")


# The property: any file drawn from a few names, slugs and dates, keyless rows and repeats
# among them, previews as it imports.
NAMES = ["Foo Works", "Foo Works", "Foo Works 2", "Bar Mill", "성천 공장"]
SLUGS = ["", "", "", "foo-works", "foo-works-2", "bar-mill", "seongcheon-gongjang"]
factory_rows = st.lists(
    st.tuples(
        st.sampled_from(SLUGS),
        st.sampled_from(NAMES),
        st.sampled_from(["songchon"] * 5 + ["Nowhere"]),  # now and then a row refused alone
    ),
    min_size=2,
    max_size=8,
)
ceremony_rows = st.lists(
    st.tuples(
        st.sampled_from(["groundbreaking", "inauguration", "other"]),
        st.sampled_from(["2024-03", "2024-12-20", "2025", "2025-02-10", "2023-06"]),
        st.sampled_from([0, 1, "both"]),
        st.sampled_from(["", "", "second phase", "Second phase", "re-inauguration"]),
    ),
    min_size=1,
    max_size=8,
)
AGREEMENT = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def agree(resource_class, text: str) -> None:
    previewed, written_in_preview = outcome(resource_class(), text, dry_run=True)
    imported, written = outcome(resource_class(), text, dry_run=False)
    assert previewed == imported, text
    if not previewed:
        assert written == written_in_preview == len(text.strip().split("\n")) - 1, text


@AGREEMENT
@given(rows=factory_rows)
def test_any_factory_file_previews_as_it_imports(seeded, rows):
    agree(FactoryResource, FACTORY_HEADER + "".join(f"{s},{n},{c},other\n" for s, n, c in rows))


@pytest.fixture
def two_factories(seeded):
    county = make.county()
    first = make.factory(county=county, slug="agreement-1")
    make.ceremony(kind="groundbreaking", date="2024-03-01", factories=[first])
    return [first, make.factory(county=county, slug="agreement-2")]


@AGREEMENT
@given(rows=ceremony_rows)
def test_any_ceremony_file_previews_as_it_imports(two_factories, rows):
    slugs = [factory.slug for factory in two_factories]
    lines = [
        f",{kind},{date},,,{';'.join(slugs) if which == 'both' else slugs[which]},{repeat}\n"
        for kind, date, which, repeat in rows
    ]
    agree(CeremonyResource, CEREMONY_HEADER + "".join(lines))
