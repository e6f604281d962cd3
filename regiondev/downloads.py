"""The whole record in one archive: every list as CSV, every record as JSON, the licence, and
how to cite it.

The CSV files are the API's own lists (the same columns, the same formula escaping); the JSON
is Django's serialization of every record of the `sites` and `events` apps, which
`manage.py loaddata` reads back into an empty database record for record.
"""

import datetime
import zipfile

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView
from simple_history.models import HistoricalChanges

from regiondev import prebuilt
from regiondev.api.renderers import JSONRenderer
from regiondev.api.views import unfiltered_lines

ARCHIVE_NAME = "regiondev-records"
RECORDS_FILE = "records.json"
CHUNK = 500


def record_models() -> list:
    """Every model of the record (not their histories), each after those it refers to."""
    models = [
        model
        for label in ("sites", "events")
        for model in apps.get_app_config(label).get_models()
        if not issubclass(model, HistoricalChanges)
    ]
    return serializers.sort_dependencies([(apps.get_app_config("sites"), models)])


def public(model):
    """The model's records the public may read: a model whose queryset says which
    (`public()`) gives those; drafts, and what refers to them, stay out of the archive."""
    queryset = model._default_manager.all()
    return queryset.public() if hasattr(queryset, "public") else queryset


def with_links(model):
    """The model's public records with their many-to-many links (to public records only)
    read a chunk at a time."""
    links = [
        Prefetch(field.name, public(field.related_model)) for field in model._meta.many_to_many
    ]
    return public(model).prefetch_related(*links)


def citation_cff(url: str, today: datetime.date) -> str:
    return "\n".join(
        [
            "cff-version: 1.2.0",
            'message: "If you use these data, please cite them as below."',
            "type: dataset",
            'title: "Regiondev: records of the Regional Development 20×10 Policy"',
            "authors:",
            "  - name: Regiondev",
            f"url: {url}",
            f"date-released: {today.isoformat()}",
            f"license: {settings.REGIONDEV_DATA_LICENCE['spdx']}",
            "",
        ]
    )


def readme(url: str, today: datetime.date, names: list[str], as_of: str = "") -> str:
    files = "\n".join(f"  csv/{name}.csv" for name in names)
    return f"""Regiondev: the whole record, as of {today.isoformat()}
{url}
{as_of}

{RECORDS_FILE}
  Every record (provinces, counties, factories, events, sources, photos and what links
  them), as Django's JSON serialization. Load it into an empty database of the same
  version with `manage.py migrate` and `manage.py loaddata {RECORDS_FILE}`. Photos are
  listed with the address of their image; the image files are not in the archive.
{files}
  Each list as the API serves it with ?format=csv: the same columns, places as
  `county.slug` columns, lists joined by "; ", a cell that would start a spreadsheet
  formula prefixed with '.
LICENCE.txt   the licence of these data and the credits
CITATION.cff  how to cite them (Citation File Format)

Dates are EDTF text with their earliest and latest possible day (date_lower, date_upper):
a date is exactly as precise as its source. See {url.rstrip("/")}/method/ for the method.

Cite as: {settings.REGIONDEV_CITATION} {url} (retrieved {today.isoformat()}).
"""


def licence_text() -> str:
    licence = settings.REGIONDEV_DATA_LICENCE
    credits = "\n".join(f"- {credit}" for credit in settings.REGIONDEV_CREDITS)
    return f"""The Regiondev data are licensed under {licence["name"]} ({licence["spdx"]}):
{licence["url"]}

You may copy, share and adapt them for any purpose, provided you credit Regiondev, link
to the licence and say what you changed.

Credits:
{credits}

Texts and photos quoted from sources remain their publishers'; they are cited so that a
reader can find the original.
"""


class WholeRecordView(APIView):
    """The whole record as one zip archive: every list as CSV, every record as JSON, the
    licence and how to cite it. Built once per change of the data (regiondev/prebuilt.py)
    and throttled as the API is."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]  # for a refusal (429, 503); the archive is a file
    # The module-level function that writes the archive, given by the URLconf that knows the
    # API's resources (a worker builds it by name).
    builder = None

    @extend_schema(responses={(200, "application/zip"): OpenApiTypes.BINARY})
    def get(self, request):
        return prebuilt.serve(
            request,
            address=request.build_absolute_uri(request.path),
            builder=self.builder,
            filename=f"{ARCHIVE_NAME}-{{date}}.zip",
            content_type="application/zip",
        )

    def perform_content_negotiation(self, request, force=False):
        # The archive whatever the client says it accepts.
        return super().perform_content_negotiation(request, force=True)


def write_archive(request, today: datetime.date, archive, *, resources, as_of: str = "") -> None:
    """The archive of the record as of `today`, written into the binary file `archive`;
    `resources` are the API's (prefix, viewset, basename), each written as a CSV file;
    `as_of` says how current the data are (the newest source and event), for the README."""

    url = request.build_absolute_uri("/")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        names = []
        for prefix, viewset, _basename in resources:
            bundle.writestr(
                f"{ARCHIVE_NAME}/csv/{prefix}.csv", "".join(unfiltered_lines(viewset, request))
            )
            names.append(prefix)
        member = zipfile.ZipInfo(
            f"{ARCHIVE_NAME}/{RECORDS_FILE}", date_time=timezone.now().timetuple()[:6]
        )
        member.compress_type = zipfile.ZIP_DEFLATED
        with bundle.open(member, "w") as records:
            stream = _TextToBytes(records)
            serializers.serialize(
                "json",
                (
                    record
                    for model in record_models()
                    for record in with_links(model).order_by("pk").iterator(CHUNK)
                ),
                stream=stream,
                indent=1,
            )
        bundle.writestr(f"{ARCHIVE_NAME}/LICENCE.txt", licence_text())
        bundle.writestr(f"{ARCHIVE_NAME}/CITATION.cff", citation_cff(url, today))
        bundle.writestr(f"{ARCHIVE_NAME}/README.txt", readme(url, today, names, as_of))


class _TextToBytes:
    """The JSON serializer writes text; a member of a zip file takes bytes."""

    def __init__(self, binary):
        self.binary = binary

    def write(self, text: str) -> None:
        self.binary.write(text.encode())
