"""`manage.py intake_score [FOLDER ...]`: score the reader on folders of reports, each apart.

The reading runs in a throwaway database holding only the gazetteer (no event stored), so
the score does not depend on what this installation has stored.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test.utils import override_settings

from events import seed
from staff.intake import scoring

SOURCES = Path(settings.BASE_DIR).parent / "shared" / "sources"
DEFAULT_PACKS = [SOURCES / "pack", SOURCES / "pack-ko"]


class Command(BaseCommand):
    help = (
        "Score the article intake on folders of reports (sources.csv, texts/, facts.csv), "
        "by default the source pack and the Korean pack."
    )

    def add_arguments(self, parser):
        parser.add_argument("packs", nargs="*", type=Path, metavar="FOLDER")

    def handle(self, *args, packs: list[Path], **options):
        packs = packs or DEFAULT_PACKS
        missing = [str(pack) for pack in packs if not (pack / "sources.csv").exists()]
        if missing:
            self.stderr.write(f"No sources.csv in {', '.join(missing)}.")
            raise SystemExit(2)
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            with override_settings(DEBUG=False):
                seed.load_gazetteer()
                tallies = {pack: scoring.score(pack) for pack in packs}
        finally:
            connection.creation.destroy_test_db(name, verbosity=0)
        self.stdout.write(scoring.report(tallies))
