from django.core.management.base import BaseCommand, CommandError

from events import seed


class Command(BaseCommand):
    help = (
        "Load the gazetteer and the programme's record from seed/. Safe to run any number of "
        "times; a malformed row stops it and changes nothing."
    )

    def handle(self, *args, **options):
        try:
            counts = seed.load()
        except seed.SeedError as error:
            raise CommandError(f"Nothing loaded: {error}") from error
        self.stdout.write(", ".join(f"{count} {name}" for name, count in counts.items()))
