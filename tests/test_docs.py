"""The README is a door (at most 250 lines) and every repository path it and docs/ name is
there: a file moved or removed fails here, not in a reader's hands."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
TOP_LEVEL = {path.name for path in ROOT.iterdir()} - {".venv", ".git", "artifacts", "var"}
SOURCE_FILE = re.compile(r"\.(py|sh|js|css|html|md|txt|in|lock|toml|ini|cfg|json|geojson|po|mo)$")
# Not a path: an address (`/api/`), a pattern (`backups/<time>/`), a URL, a sibling checkout.
NOT_A_PATH = re.compile(r"^/|^\.\.|://|[<>*?=\s]")


def named_paths(text: str) -> set[str]:
    """Backticked words with a slash that start at a top-level entry of the repository
    (`staff/`, `regiondev/api/pagination.py`) or end in a source file's extension."""
    paths = set()
    for word in re.findall(r"`([^`\n]+)`", text):
        if "/" not in word or NOT_A_PATH.search(word):
            continue
        if word.split("/")[0] in TOP_LEVEL or SOURCE_FILE.search(word):
            paths.add(word)
    return paths


def test_the_readme_fits_on_a_few_screens():
    lines = (ROOT / "README.md").read_text().splitlines()
    assert len(lines) <= 250


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: path.relative_to(ROOT).name)
def test_every_path_a_document_names_exists(document):
    named = named_paths(document.read_text())
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == [], f"{document.relative_to(ROOT)} names paths that are not there"


def test_the_rule_finds_paths_and_leaves_addresses():
    text = (
        "`staff/date-preview.js` `scripts/x.sh` `regiondev/` `/api/counties/` "
        "`backups/<time>/` `2024-02-21/2024-02-29` `multipart/form-data` `../shared/pack`"
    )
    assert named_paths(text) == {"staff/date-preview.js", "scripts/x.sh", "regiondev/"}
