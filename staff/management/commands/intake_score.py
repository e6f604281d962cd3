"""`manage.py intake_score [--pack FOLDER]`: score the reader on a pack of reports.

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

DEFAULT_PACK = Path(settings.BASE_DIR).parent / "shared" / "sources" / "pack"


class Command(BaseCommand):
    help = "Score the article intake on a folder of reports (sources.csv, texts/, facts.csv)."

    def add_arguments(self, parser):
        parser.add_argument("--pack", type=Path, default=DEFAULT_PACK)

    def handle(self, *args, pack: Path, **options):
        if not (pack / "sources.csv").exists():
            self.stderr.write(f"No sources.csv in {pack}.")
            raise SystemExit(2)
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
        try:
            with override_settings(DEBUG=False):
                seed.load_gazetteer()
                tallies = scoring.score(pack)
        finally:
            connection.creation.destroy_test_db(name, verbosity=0)
        self.stdout.write(scoring.table(tallies))
