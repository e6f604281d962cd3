import io
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from events.models import Photo
from tests import factories as make


def png(name: str = "photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), (40, 90, 160)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@dataclass
class Programme:
    """`rows` of everything, gathered so that each page has `rows` rows to show."""

    rows: int
    provinces: list
    counties: list
    factories: list
    sources: list
    ceremonies: list
    visits: list
    photos: list

    @property
    def county(self):
        return self.counties[0]

    @property
    def factory(self):
        return self.factories[0]

    @property
    def source(self):
        return self.sources[0]


def build_programme(rows: int) -> Programme:
    """Provinces, the first holding every county; the first county holds every factory and event.

    The first factory is visited `rows` times and has `rows` photos, and the first source is
    cited by everything, so every detail page grows with `rows` as every list page does.
    """
    sources = [make.source(title=f"Report {n}", published="2025-01") for n in range(rows)]
    provinces = [make.province(name=f"Province {n}", name_ko="평안남도") for n in range(rows)]
    counties = [
        make.county(province=provinces[0], name=f"Kowon {n}", programme_year=2024 + n % 10)
        for n in range(rows)
    ]
    county = counties[0]
    county.sources.add(sources[0])
    factories, ceremonies, visits, photos = [], [], [], []
    for n in range(rows):
        factory = make.factory(county=county, name=f"Factory {n}", draft=True)
        factory.sources.add(sources[0], sources[n])
        cited = [sources[0], sources[n]]
        ceremonies.append(
            make.ceremony(
                kind="groundbreaking",
                date="2024-02-21/2024-02-29",
                county=county,
                factories=[factory],
                sources=cited,
            )
        )
        ceremonies.append(
            make.ceremony(
                kind="inauguration",
                date="2024-12-20",
                county=county,
                factories=[factory],
                sources=cited,
            )
        )
        visits.append(
            make.visit(
                kind="field guidance",
                date="2024-07",
                county=county,
                factories=[factory, factories[0] if factories else factory],
                sources=cited,
            )
        )
        photos.append(
            Photo.objects.create(
                image=png(f"photo-{n}.png"),
                caption=f"Workshop {n}",
                credit="KCNA",
                source=sources[0],
                factory=factories[0] if factories else factory,
                ceremony=ceremonies[0],
            )
        )
        factories.append(factory)
    # The latest events are one of each kind, however many rows there are.
    latest = {"county": county, "sources": [sources[0]]}
    ceremonies.append(make.ceremony(kind="other", date="2025-01-10", **latest))
    visits.append(make.visit(kind="other", date="2025-01-15", **latest))
    return Programme(rows, provinces, counties, factories, sources, ceremonies, visits, photos)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def programme(db, media):
    """Build a programme of a given size: `programme(3)`, `programme(30)`."""
    return build_programme
