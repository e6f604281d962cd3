"""Every package the site, S3 storage and the tools name is pinned, once, in requirements.lock
(`make lock`), so the site and the tools install the same versions of what they share."""

import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTS = ["requirements.in", "requirements-s3.in", "requirements-dev.in"]


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def named(path: Path) -> set[str]:
    lines = (line.split("#")[0].strip() for line in path.read_text().splitlines())
    names = (re.split(r"[\[=<>~ ;]", line)[0] for line in lines if line and line[0] != "-")
    return {normalised(name) for name in names}


def pinned() -> list[str]:
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    return [normalised(line.split("==")[0]) for line in lines if "==" in line.split("#")[0]]


def test_each_package_is_pinned_once():
    twice = [name for name, count in Counter(pinned()).items() if count > 1]
    assert twice == []


def test_every_package_a_list_names_is_pinned():
    locked = set(pinned())
    for name in LISTS:
        assert named(ROOT / name) - locked == set(), f"{name}: run `make lock`"


def test_boto3_is_only_for_s3():
    assert "boto3" not in named(ROOT / "requirements.in")
    assert "boto3" in named(ROOT / "requirements-s3.in")
