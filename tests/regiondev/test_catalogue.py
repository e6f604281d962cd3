"""The Korean catalogue covers every string the public pages show."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from regiondev.management.commands.catalogue import MAKEMESSAGES_OPTIONS

CATALOGUE = Path("ko", "LC_MESSAGES", "django.po")
# What makemessages reads; the rest of the tree (the virtualenv above all) it never opens.
SOURCES = ["web", "sites", "events", "regiondev", "templates", "locale"]


@pytest.fixture
def refreshed_catalogue(tmp_path, monkeypatch, settings):
    """The catalogue as makemessages leaves it after reading today's code: made in a copy of
    the sources, so the working tree is never touched."""
    for name in SOURCES:
        shutil.copytree(Path(settings.BASE_DIR, name), tmp_path / name)
    monkeypatch.chdir(tmp_path)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("makemessages", **MAKEMESSAGES_OPTIONS, verbosity=0)
    return tmp_path / "locale" / CATALOGUE


def msgattrib(path: Path, *flags: str) -> str:
    """The entries of the catalogue that have the given gettext attributes, header left out."""
    return subprocess.run(
        ["msgattrib", "--no-obsolete", "--no-wrap", *flags, str(path)],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def msgids(entries: str) -> list[str]:
    return [
        line for line in entries.splitlines() if line.startswith("msgid ") and line != 'msgid ""'
    ]


def test_makemessages_leaves_no_untranslated_or_fuzzy_string(refreshed_catalogue):
    assert msgids(msgattrib(refreshed_catalogue, "--untranslated")) == []
    assert msgids(msgattrib(refreshed_catalogue, "--only-fuzzy")) == []
    assert len(msgids(msgattrib(refreshed_catalogue, "--translated"))) > 250


def test_the_committed_catalogue_is_the_refreshed_one(refreshed_catalogue):
    """Every string the code has is in the committed catalogue, and none it no longer has."""
    committed = Path(settings.BASE_DIR, "locale", CATALOGUE)
    assert msgids(msgattrib(committed)) == msgids(msgattrib(refreshed_catalogue))


def test_the_compiled_catalogue_is_the_committed_one(tmp_path):
    committed = Path(settings.BASE_DIR, "locale", CATALOGUE)
    compiled = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check", "-o", str(compiled), str(committed)], check=True)
    assert compiled.read_bytes() == committed.with_suffix(".mo").read_bytes()
