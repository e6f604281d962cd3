"""Step 2 of the benchmark: medians, in-process through Django's test client, of each view
beside its idiomatic version (bench/idiomatic.py) and its floor (bench/floors.py)."""

import os
import re
import statistics
import time
from dataclasses import dataclass, field

from bench.config import (
    APP_ENV,
    CSV_ROWS,
    DATABASE_URL,
    DEEP_PAGE,
    PAGE_SIZE,
    PLAIN,
    SAMPLE_SECONDS,
    SAMPLES,
)


@dataclass
class Median:
    name: str
    url: str
    fast_path: str  # what the view does beyond the plain way; "" where it is the plain way
    view_ms: float | None
    idiomatic_ms: float | None
    floor_ms: float | None
    queries: int
    idiomatic_queries: int
    failed: str = ""
    ratio: float | None = field(init=False)  # view ÷ floor
    gain: float | None = field(init=False)  # idiomatic ÷ view: what the fast path buys

    def __post_init__(self):
        self.ratio = None if self.failed else self.view_ms / self.floor_ms
        self.gain = None if self.failed else self.idiomatic_ms / self.view_ms


def median_ms(call, *, warmup: int = 2) -> float:
    for _ in range(warmup):
        call()
    samples = []
    deadline = time.perf_counter() + SAMPLE_SECONDS
    while len(samples) < SAMPLES and (len(samples) < 5 or time.perf_counter() < deadline):
        started = time.perf_counter()
        call()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def next_link(response) -> str:
    return re.search(r'<([^>]+)>; rel="next"', response["Link"]).group(1)


def in_process_medians() -> list[Median]:
    import django

    os.environ.update(APP_ENV)
    os.environ["DJANGO_SETTINGS_MODULE"] = "regiondev.settings"
    django.setup()
    import psycopg
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    from bench import floors

    client = Client()
    raw = psycopg.connect(DATABASE_URL, autocommit=True)
    subjects = floors.subjects(raw)

    def get(url):
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
        return response

    def deep(first_page):
        """The way a client reaches a deep page: following `next`. A cursor holds the path of
        its list, so the plain version follows its own."""
        page, after = first_page, None
        for _ in range(DEEP_PAGE - 1):
            body = get(page).json()
            after = body["results"][-1]["slug"]
            page = body["next"].replace("http://testserver", "")
        return page, after

    first_page = f"/api/factories/?page_size={PAGE_SIZE}"
    with override_settings(ROOT_URLCONF="bench.urls"):
        deep_page, deep_after = deep(first_page)
        plain_deep_page, _ = deep(PLAIN + first_page)

    def csv_export(url):
        def run():
            rows, next_url = 0, url
            while rows < CSV_ROWS:
                response = get(next_url)
                rows += response.content.count(b"\n") - 1
                next_url = next_link(response).replace("http://testserver", "")

        return run

    county, factory = subjects["county"], subjects["factory"]
    lean = "lean rows (sites/lean.py)"
    csv_url = "/api/factories/?format=csv&page_size=500"
    # (name, url, fast path, view, its plain version or None where it is plain, floor)
    cases = [
        (
            "factory list API, first page",
            first_page,
            lean,
            lambda: get(first_page),
            lambda: get(PLAIN + first_page),
            lambda: floors.factory_page(raw, PAGE_SIZE),
        ),
        (
            f"factory list API, page {DEEP_PAGE}",
            deep_page,
            lean,
            lambda: get(deep_page),
            lambda: get(plain_deep_page),
            lambda: floors.factory_page(raw, PAGE_SIZE, after=deep_after),
        ),
        (
            "factory timeline API",
            f"/api/factories/{factory}/timeline/",
            "",
            lambda: get(f"/api/factories/{factory}/timeline/"),
            None,
            lambda: floors.timeline(raw, factory),
        ),
        (
            "county page",
            f"/counties/{county}/",
            "",
            lambda: get(f"/counties/{county}/"),
            None,
            lambda: floors.county_page(raw, county),
        ),
        (
            "factory page",
            f"/factories/{factory}/",
            "",
            lambda: get(f"/factories/{factory}/"),
            None,
            lambda: floors.factory_detail(raw, factory),
        ),
        (
            "home page",
            "/",
            "",
            lambda: get("/"),
            None,
            lambda: floors.home_page(raw),
        ),
        (
            "search",
            "/search/?q=Songchon",
            "",
            lambda: get("/search/?q=Songchon"),
            None,
            lambda: floors.search(raw, "songchon"),
        ),
        (
            f"CSV export, {CSV_ROWS:,} rows",
            "/api/factories/?format=csv (following Link)",
            lean,
            csv_export(csv_url),
            csv_export(PLAIN + csv_url),
            lambda: floors.factory_csv(raw, CSV_ROWS),
        ),
    ]
    results = []
    with override_settings(ROOT_URLCONF="bench.urls"):
        for name, url, fast_path, view, idiomatic, floor in cases:
            try:
                # Counted now: the next request empties the query log the count reads.
                with CaptureQueriesContext(connection) as queries:
                    view()
                query_count = len(queries)
                floor_ms = median_ms(floor)
                view_ms = median_ms(view)
                idiomatic_ms, idiomatic_count = view_ms, query_count
                if idiomatic is not None:
                    with CaptureQueriesContext(connection) as queries:
                        idiomatic()
                    idiomatic_count = len(queries)
                    idiomatic_ms = median_ms(idiomatic)
            except Exception as error:  # one broken view must not hide the others' numbers
                print(f"  {name}: FAILED, {type(error).__name__}: {error}", flush=True)
                results.append(Median(name, url, fast_path, None, None, None, 0, 0, str(error)))
                continue
            results.append(
                Median(
                    name,
                    url,
                    fast_path,
                    view_ms,
                    idiomatic_ms,
                    floor_ms,
                    query_count,
                    idiomatic_count,
                )
            )
            print(
                f"  {name}: {view_ms:.2f} ms (idiomatic {idiomatic_ms:.2f} ms, "
                f"floor {floor_ms:.2f} ms)",
                flush=True,
            )
    raw.close()
    return results
