"""The change lists staff work through: a sources column with each record's count, read in
the list's own query, so a page costs the same number of queries at 3 rows as at 30."""

import itertools
import re

import pytest
from django.urls import reverse

from sites import services as site_services
from sites.models import County
from staff.place_admin import MR_KIND_ENDING, mr_name
from tests import factories

SOURCE_COUNT = re.compile(r'<td class="field-source_count">(\d+)</td>')
_serial = itertools.count(1)


def cited(n: int) -> list:
    return [factories.source() for _ in range(n)]


# Each builder makes one record citing `n` sources, the way staff or the import would.
BUILDERS = {
    "events_ceremony": lambda n: factories.ceremony(
        kind="other", county=factories.county(), sources=cited(n)
    ),
    "events_guidancevisit": lambda n: factories.visit(county=factories.county(), sources=cited(n)),
    "sites_factory": lambda n: site_services.save_factory(
        county=factories.county(), name=f"Works {next(_serial)}", sources=cited(n)
    ),
    "sites_county": lambda n: factories.county().sources.set(cited(n)),
}


def source_counts(response) -> list[int]:
    return sorted(int(count) for count in SOURCE_COUNT.findall(response.content.decode()))


@pytest.mark.parametrize("name", list(BUILDERS))
def test_the_sources_column_counts_each_records_sources_in_constant_queries(
    db, staff_client, name, django_assert_num_queries, django_assert_max_num_queries
):
    """Guards against a query per row (N+1) for the sources column."""
    build, url = BUILDERS[name], reverse(f"admin:{name}_changelist")
    for n in (0, 1, 2):
        build(n)
    staff_client.get(url)  # the session and content types, read once per process
    with django_assert_max_num_queries(50) as at_3:
        response = staff_client.get(url)
    assert source_counts(response) == [0, 1, 2]

    for i in range(27):
        build(i % 4)
    with django_assert_num_queries(len(at_3)):
        response = staff_client.get(url)
    assert source_counts(response) == sorted([0, 1, 2] + [i % 4 for i in range(27)])


@pytest.mark.parametrize(
    ("stored", "listed"),
    [
        ("Anak", "Anak"),
        ("Anpyŏn kun", "Anpyŏn"),
        ("Anju-shi", "Anju"),
        ("Haeju-si", "Haeju"),
        ("Sŏngch'ŏn-gun", "Sŏngch'ŏn"),
        ("Ŭnsan-kun", "Ŭnsan"),
        ("P'yŏngch'ŏn-guyŏk", "P'yŏngch'ŏn"),
        ("Ch'ŏngnam-gu", "Ch'ŏngnam"),
        ("Tŭkchang-jigu", "Tŭkchang"),
        ("Kim Hyŏngjik-kun", "Kim Hyŏngjik"),
        ("Kim Hyŏngjik kun", "Kim Hyŏngjik"),
        # A name whose last part merely sounds like an ending keeps it.
        ("Kim Chŏngsuk", "Kim Chŏngsuk"),
        ("Sinhŭng", "Sinhŭng"),
        ("Kangkun", "Kangkun"),
    ],
)
def test_a_county_is_listed_by_its_mccune_reischauer_name_without_its_kinds_ending(
    stored, listed
):
    assert mr_name(County(name_mr=stored)) == listed


def test_the_county_list_writes_every_mccune_reischauer_name_one_way(seeded, staff_client):
    names = []
    for page in range(1, 4):  # 100 a page
        response = staff_client.get(reverse("admin:sites_county_changelist"), {"p": page})
        names += re.findall(r'<td class="field-mr_name">([^<]*)</td>', response.content.decode())
    assert len(names) == County.objects.count()
    assert "Anak" in names
    assert "Anpyŏn" in names
    assert "Anju" in names
    assert [name for name in names if MR_KIND_ENDING.search(name) or name == "-"] == []
    assert names.count("—") == County.objects.filter(name_mr="").count()
