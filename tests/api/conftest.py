"""A small world with something distinct for every filter to find."""

import pytest

from events.models import Photo
from tests import factories as make


@pytest.fixture
def world(db):
    south = make.province(name="South Phyongan", slug="south-phyongan", iso_code="KP-02")
    nampho = make.province(
        name="Nampho", slug="nampho", iso_code="KP-14", kind="special city", name_ko="남포시"
    )
    songchon = make.county(
        province=south,
        name="Songchon",
        slug="songchon",
        name_ko="성천군",
        name_mr="Sŏngch'ŏn-gun",
        programme_year=2024,
        latitude="39.250000",
        longitude="126.200000",
    )
    hamju = make.county(
        province=nampho,
        name="Hamju",
        slug="hamju",
        name_ko="함주군",
        kind="city",
        programme_year=2025,
    )
    onchon = make.county(province=nampho, name="Onchon", slug="onchon", name_ko="온천군")
    kcna = make.source(
        title="Songchon factories open",
        key="kcna-songchon-factories-open",
        publisher="KCNA",
        state_media=True,
        published="2025-01-10",
        excerpt="a day of rejoicing",
    )
    rodong = make.source(
        title="Construction starts",
        publisher="Rodong Sinmun",
        published="2024",
        language="ko",
        excerpt="builders",
    )
    food = make.factory(
        county=songchon,
        name="Songchon foodstuff factory",
        slug="songchon-foodstuff",
        sector="foodstuff",
        latitude="39.260000",
        longitude="126.210000",
        draft=True,  # until it cites KCNA below
    )
    cloth = make.factory(
        county=hamju,
        name="Hamju clothing factory",
        slug="hamju-clothing",
        sector="textiles and clothing",
        draft=True,
    )
    bricks = make.factory(
        county=onchon,
        name="Onchon brickworks",
        slug="onchon-bricks",
        in_programme=False,
        draft=True,  # its one source, below
    )
    breaking = make.ceremony(
        kind="groundbreaking",
        date="2024-02-21/2024-02-29",
        county=songchon,
        leader_present=True,
        factories=[food],
        sources=[kcna],
    )
    opening = make.ceremony(
        kind="inauguration", date="2024-12-20", county=songchon, factories=[food], sources=[kcna]
    )
    hamju_breaking = make.ceremony(
        kind="groundbreaking", date="2025-03", county=hamju, factories=[cloth], sources=[rodong]
    )
    guidance = make.visit(
        kind="field guidance",
        date="2024-07",
        county=songchon,
        leader_present=True,
        factories=[food],
        sources=[kcna],
    )
    meeting = make.visit(
        kind="consultative meeting",
        date="2025-01",
        province=nampho,
        place_name="the shore",
        sources=[rodong],
    )
    lines = Photo.objects.create(
        image="photos/lines.jpg",
        width=1,
        height=1,
        caption="Production lines",
        credit="Rodong Sinmun",
        source=kcna,
        factory=food,
    )
    first_sod = Photo.objects.create(
        image="photos/sod.jpg",
        width=1,
        height=1,
        caption="The first sod",
        credit="KCNA",
        source=rodong,
        ceremony=hamju_breaking,
    )
    crowd = Photo.objects.create(
        image="photos/crowd.jpg",
        width=1,
        height=1,
        caption="On the shore",
        credit="KCNA",
        source=rodong,
        visit=meeting,
    )
    songchon.sources.add(kcna)
    food.sources.add(kcna)
    cloth.sources.add(rodong)
    bricks.sources.add(rodong)
    for item in (food, cloth, bricks):
        item.refresh_from_db()
    return {name: value for name, value in locals().items() if name not in {"item", "Photo"}}


@pytest.fixture(autouse=True)
def fresh_throttle():
    """The anonymous throttle counts in the cache; each test starts with a clean count."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def api():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def token_client(db):
    """A client sending the token of a new user who holds `perms` ("app.codename")."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Permission
    from rest_framework.test import APIClient

    from accounts.models import ApiToken

    def make(*perms, username="client"):
        user = get_user_model().objects.create_user(username, password="unused-pw-123")
        for perm in perms:
            app_label, codename = perm.split(".")
            user.user_permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        _, secret = ApiToken.issue(user, "tests")
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {secret}")
        client.user = user
        return client

    return make
