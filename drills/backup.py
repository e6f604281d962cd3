"""Backup drill: back up, wipe, restore, and compare every table and every media file.

On PostgreSQL (its own database, regiondev_drill_backup) and on SQLite (a file in a temp
folder), each holding the seed dataset, a photo with its file, and a change history. The
backup and restore are the ones `make backup` and `make restore` run. Prints every table's
row count and checksum before and after; fails on any difference.

    python drills/backup.py [--engine postgres|sqlite|both]
"""

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import Workspace, drop_database, recreate_database, say

DATABASE = "regiondev_drill_backup"

# Rows beyond the seed: a photo whose file must come back, and an edit in the history.
ADD_DATA = """
import io
from PIL import Image
from django.core.files.base import ContentFile
from events.models import Photo, Source
from sites.models import County, Factory
buffer = io.BytesIO()
Image.new("RGB", (64, 48), (120, 30, 30)).save(buffer, "PNG")
Photo.objects.create(
    image=ContentFile(buffer.getvalue(), name="drill.png"),
    caption="A drill photo", credit="Drill", source=Source.objects.first(),
    factory=Factory.objects.first(),
)
county = County.objects.get(slug="songchon")
county.aliases = county.aliases + "\\nDrill spelling"
county.save()
"""


def media_fingerprint(folder: Path) -> dict:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def fingerprint(workspace) -> dict:
    result = workspace.python("-m", "regiondev.backups", "fingerprint", capture=True)
    if result.returncode:
        raise SystemExit("fingerprint failed")
    return json.loads(result.stdout)


def drill(engine: str) -> bool:
    workspace = Workspace(recreate_database(DATABASE) if engine == "postgres" else None)
    media = Path(workspace.env["MEDIA_ROOT"])
    try:
        say(f"{engine}: migrate, seed, a photo and an edit")
        workspace.manage("migrate", "--noinput")
        workspace.manage("load_seed")
        workspace.manage("shell", "-c", ADD_DATA)
        before, media_before = fingerprint(workspace), media_fingerprint(media)

        say(f"{engine}: backup")
        folder = workspace.folder / "backups" / "drill"
        if workspace.python("-m", "regiondev.backups", "backup", "--to", str(folder)).returncode:
            return False

        say(f"{engine}: wipe the database and the media")
        if engine == "postgres":
            drop_database(DATABASE)
        else:
            (workspace.folder / "db.sqlite3").unlink()
        shutil.rmtree(media)

        say(f"{engine}: restore")
        restored = workspace.python("-m", "regiondev.backups", "restore", str(folder))
        after, media_after = fingerprint(workspace), media_fingerprint(media)

        print(f"\n{'table':<42}{'rows before':>12}{'rows after':>12}  checksum")
        for table in sorted(before.keys() | after.keys()):
            count, checksum = before.get(table, [None, None])
            count_after, checksum_after = after.get(table, [None, None])
            verdict = "equal" if (count, checksum) == (count_after, checksum_after) else "DIFFERS"
            print(f"{table:<42}{count!s:>12}{count_after!s:>12}  {verdict}")
        rows = sum(count for count, _ in before.values())
        equal_tables = sum(1 for table in before if before[table] == after.get(table))
        print(
            f"\n{engine}: {equal_tables} of {len(before)} tables equal ({rows} rows); "
            f"media files {len(media_before)} before, {len(media_after)} after, "
            f"{'identical' if media_before == media_after else 'DIFFERENT'}\n"
        )
        return (
            restored.returncode == 0
            and before == after
            and media_before == media_after
            and len(media_before) > 0
        )
    finally:
        workspace.cleanup()
        if engine == "postgres":
            drop_database(DATABASE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["postgres", "sqlite", "both"], default="both")
    arguments = parser.parse_args()
    engines = ["postgres", "sqlite"] if arguments.engine == "both" else [arguments.engine]
    results = {engine: drill(engine) for engine in engines}
    for engine, ok in results.items():
        say(f"{engine}: {'PASS' if ok else 'FAIL'}")
    return 0 if all(results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
