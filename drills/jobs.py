"""Jobs drill: long staff work as background jobs under the production set-up.

gunicorn (gunicorn.conf.py, DJANGO_DEBUG=false), an RQ worker (`manage.py rqworker`) and a
Redis of the drill's own. A staff member signs in to the admin, uploads a CSV of 20,000
factories, follows the check on its progress page to the preview, confirms, and follows the
import to its end; then pastes a 2 MB article into the intake, whose reading is a job
queued while the worker is down and taken when it is started again, and opens its proposals
on the intake's review page. Prints the progress seen and the times; passes when both jobs
finished, the check of 20,000 rows took under 30 s in the worker, every row was imported,
the review shows the proposals, and no request got a 5xx.

    python drills/jobs.py [--rows 20000] [--article-bytes 2000000] [--database postgresql]
"""

import argparse
import html
import re
import secrets
import sys
import time
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from cache import Redis
from common import (
    ROOT,
    Workspace,
    drop_database,
    recreate_database,
    say,
    start_worker,
    stop,
)

DATABASE = "regiondev_drill_jobs"
HEADERS = {"X-Forwarded-Proto": "https"}
POLL_SECONDS = 2


class Staff:
    """A signed-in admin session, as a browser behind the TLS proxy would hold it."""

    def __init__(self, url: str, username: str, password: str):
        self.url = url
        self.session = requests.Session()
        self.session.headers.update(HEADERS)
        self.statuses = []
        login = self.get("/admin/login/")
        self.post(
            "/admin/login/",
            {
                "username": username,
                "password": password,
                "csrfmiddlewaretoken": token_in(login.text),
                "next": "/admin/",
            },
        )

    def get(self, path: str) -> requests.Response:
        response = self.session.get(self.url + path, allow_redirects=False, timeout=60)
        self.statuses.append(response.status_code)
        return response

    def post(self, path: str, data: dict, files=None) -> requests.Response:
        headers = {"Referer": f"https://{self.url.split('://')[1]}{path}"}
        response = self.session.post(
            self.url + path, data=data, files=files, headers=headers, allow_redirects=False,
            timeout=60,
        )
        self.statuses.append(response.status_code)
        return response

    def follow(self, job_path: str, label: str) -> tuple[str, float]:
        """Poll a job's page until it is finished; print the progress it shows."""
        started = time.monotonic()
        shown = ""
        while True:
            page = self.get(job_path)
            text = words(page.text)
            status = re.search(r"Status: (\w[\w ]*?) \(", text)
            progress = re.search(r"[\d,]+ of [\d,]+ rows \(\d+%\)", text)
            now = (status.group(1) if status else "?") + (
                f", {progress.group(0)}" if progress else ""
            )
            if now != shown:
                say(f"{label}: {now} ({time.monotonic() - started:.0f} s)")
                shown = now
            if 'data-status="done"' in page.text or 'data-status="failed"' in page.text:
                return page.text, time.monotonic() - started
            time.sleep(POLL_SECONDS)


# The most a file's check (the preview) may take in the worker, for 20,000 rows.
CHECK_SECONDS = 30


def token_in(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def words(page: str) -> str:
    main = page[page.find('id="content"') :]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def hidden_fields(page: str) -> dict:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page))


def factories_csv(counties: list[str], rows: int) -> bytes:
    lines = ["slug,name,county,sector,products,description,latitude,longitude,sources"]
    lines += [
        f"drill-factory-{n:05},Drill factory {n},{counties[n % len(counties)]},foodstuff,"
        f"Soy sauce and bean paste,Built in the drill's {n}th row,,,"
        for n in range(rows)
    ]
    return ("\n".join(lines) + "\n").encode()


def article(size: int) -> str:
    text = (ROOT / "seed" / "kim-jong-uns-world-of-devoted-service-2.txt").read_text()
    return (text + "\n\n") * (size // (len(text.encode()) + 2) + 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--article-bytes", type=int, default=2_000_000)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    arguments = parser.parse_args()

    database_url = recreate_database(DATABASE) if arguments.database == "postgresql" else None
    workspace = Workspace(database_url, DJANGO_SECURE_COOKIES="false")
    redis = Redis(workspace.folder)
    redis.start()
    workspace.env["CACHE_URL"] = workspace.env["RQ_URL"] = f"redis://127.0.0.1:{redis.port}/0"
    password = secrets.token_urlsafe(16)
    worker = None

    try:
        say(f"Preparing the {arguments.database} database (migrate, seed, static files)")
        workspace.prepare()
        workspace.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model; get_user_model().objects."
            f"create_superuser('drill', 'drill@example.org', '{password}')",
        )
        counties = workspace.manage(
            "shell", "-c", "from sites.models import County; "
            "print(','.join(County.objects.values_list('slug', flat=True)))", capture=True
        ).splitlines()[-1].split(",")
        worker = start_worker(workspace)
        with workspace.gunicorn() as url:
            staff = Staff(url, "drill", password)
            upload = factories_csv(counties, arguments.rows)
            say(f"Uploading {arguments.rows:,} rows ({len(upload) / 1024:.0f} KB)")
            page = staff.get("/admin/sites/factory/import/")
            sent = time.monotonic()
            answer = staff.post(
                "/admin/sites/factory/import/",
                {"format": "0", "resource": "0", "csrfmiddlewaretoken": token_in(page.text)},
                files={"import_file": ("factories.csv", upload, "text/csv")},
            )
            say(f"Upload answered {answer.status_code} in {time.monotonic() - sent:.1f} s")
            preview, check_seconds = staff.follow(answer.headers["Location"], "check")
            say(words(preview)[:300])
            confirm = hidden_fields(preview)
            action = re.search(r'<form method="post" action="([^"]+)"', preview).group(1)
            answer = staff.post(action, confirm)
            imported, import_seconds = staff.follow(answer.headers["Location"], "import")
            say(words(imported)[:300])

            say("Stopping the worker, pasting the article into the intake, starting a new worker")
            stop(worker)
            text = article(arguments.article_bytes)
            page = staff.get("/admin/intake/")
            sent = time.monotonic()
            answer = staff.post(
                "/admin/intake/",
                {
                    "title": "Kim Jong Un's World of Devoted Service for People (2)",
                    "publisher": "KCNA",
                    "published": "2025-01-10",
                    "url": "",
                    "propose": "Read the article",
                    "csrfmiddlewaretoken": token_in(page.text),
                },
                files={"full_text": (None, text)},
            )
            say(f"Paste answered {answer.status_code} in {time.monotonic() - sent:.1f} s")
            job_path = answer.headers["Location"]
            waiting = words(staff.get(job_path).text)
            worker = start_worker(workspace)
            reading, reading_seconds = staff.follow(job_path, "intake reading")
            review_path = re.search(r'href="(/admin/intake/\?job=[^"]+)"', reading).group(1)
            review = staff.get(review_path)
            proposals = len(re.findall(r'name="form-\d+-kind"', review.text))
            say(f"Review page: {len(review.content) / 1024:.0f} KB, {proposals} rows")
        in_database = int(
            workspace.manage(
                "shell", "-c", "from sites.models import Factory; "
                "print(Factory.objects.filter(slug__startswith='drill-factory-').count())",
                capture=True,
            ).splitlines()[-1]
        )
        server_errors = [status for status in staff.statuses if status >= 500]
        summary = {
            "rows": arguments.rows,
            "check_seconds": round(check_seconds, 1),
            "import_seconds": round(import_seconds, 1),
            "rows_in_database": in_database,
            "article_bytes": len(text.encode()),
            "intake_seconds": round(reading_seconds, 1),
            "intake_waited_for_worker": "Waiting for a worker" in waiting,
            "intake_review_kb": round(len(review.content) / 1024),
            "intake_review_rows": proposals,
            "requests": len(staff.statuses),
            "server_errors": len(server_errors),
        }
        print(summary)
        ok = (
            in_database == arguments.rows
            and check_seconds < CHECK_SECONDS * arguments.rows / 20_000
            and 'data-status="done"' in reading
            and review.status_code == 200
            and proposals > 1
            and "Import finished" in words(imported)
            and not server_errors
        )
        say("PASS" if ok else "FAIL")
        return 0 if ok else 1
    finally:
        if worker:
            stop(worker)
        redis.stop()
        workspace.cleanup()
        if database_url:
            drop_database(DATABASE)


if __name__ == "__main__":
    sys.exit(main())
