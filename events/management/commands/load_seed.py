from django.core.management.base import BaseCommand

from events import seed


class Command(BaseCommand):
    help = "Load the gazetteer and the founding article's records. Safe to run any number of times."

    def handle(self, *args, **options):
        counts = seed.load()
        self.stdout.write(", ".join(f"{count} {name}" for name, count in counts.items()))
