"""Refresh the Korean catalogue from the code and templates, and compile it."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

# What makemessages reads: the public pages and the code behind them. The admin speaks
# Django's own translations; tools, tests and the virtualenv have nothing for visitors.
IGNORED = [
    ".venv",
    "templates/admin/*",
    "templates/drf_spectacular/*",
    "staff/*",
    "accounts/*",
    "tests/*",
    "bench/*",
    "drills/*",
    "seed/*",
    "media/*",
    "var/*",
    "artifacts/*",
]
MAKEMESSAGES_OPTIONS = {"locale": ["ko"], "ignore_patterns": IGNORED, "no_location": True}


class Command(BaseCommand):
    help = "Update locale/ko/LC_MESSAGES/django.po from the sources, then compile it."

    def handle(self, *args, **options):
        call_command("makemessages", **MAKEMESSAGES_OPTIONS, verbosity=options["verbosity"])
        call_command("compilemessages", locale=["ko"], verbosity=options["verbosity"])
