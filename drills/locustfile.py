"""The traffic of the load and restart drills: visitors reading pages, the API and searches,
and an editor writing sources with an API token.

Environment: DRILL_TOKEN (the editor's token), DRILL_LOG (a file to write every request to,
one JSON object a line, and every acknowledged write), DRILL_WAIT ("min,max" seconds each
simulated client waits between requests).
"""

import json
import os
import random
import time
import uuid

from locust import HttpUser, between, events, task

SPELLINGS = ["Seongcheon", "성천", "Sŏngch'ŏn", "songchon-gun", "Kangdong", "Unsan", "Hamhung"]
COUNTIES = ["songchon", "kangdong", "sinpho", "kimhyongjik", "unsan-north-phyongan"]
FACTORY = "songchon-regional-industry-factories"
# Gunicorn listens on plain HTTP here; in production a TLS proxy in front says this.
HEADERS = {"X-Forwarded-Proto": "https"}
WAIT = [float(value) for value in os.environ.get("DRILL_WAIT", "0.5,1.5").split(",")]
WRITE_PREFIX = "drill-write-"

requests_seen = []
acknowledged = []


@events.request.add_listener
def record(request_type, name, response_time, response, exception, start_time=None, **kwargs):
    requests_seen.append(
        {
            "start": start_time or time.time() - response_time / 1000,
            "ms": response_time,
            "method": request_type,
            "name": name,
            "status": getattr(response, "status_code", 0) or 0,
            "error": repr(exception) if exception else "",
        }
    )


@events.quitting.add_listener
def write_log(environment, **kwargs):
    path = os.environ.get("DRILL_LOG")
    if not path:
        return
    with open(path, "w") as log:
        for entry in requests_seen:
            log.write(json.dumps(entry) + "\n")
        log.write(json.dumps({"acknowledged": acknowledged}) + "\n")


class Visitor(HttpUser):
    """Reads public pages, API lists and details, and searches by any spelling."""

    weight = 12
    wait_time = between(*WAIT)

    def get(self, path, name):
        self.client.get(path, name=name, headers=HEADERS)

    @task(3)
    def home(self):
        self.get("/", "page: home")

    @task(3)
    def county_page(self):
        self.get(f"/counties/{random.choice(COUNTIES)}/", "page: county")

    @task(2)
    def factory_page(self):
        self.get(f"/factories/{FACTORY}/", "page: factory")

    @task(2)
    def search_page(self):
        self.get(f"/search/?q={random.choice(SPELLINGS)}", "page: search")

    @task(1)
    def county_list_page(self):
        self.get("/counties/?programme_year=2024", "page: county list")

    @task(3)
    def api_counties(self):
        self.get("/api/counties/", "api: counties")

    @task(2)
    def api_factories(self):
        self.get("/api/factories/", "api: factories")

    @task(2)
    def api_events(self):
        self.get("/api/ceremonies/", "api: ceremonies")

    @task(2)
    def api_search(self):
        self.get(f"/api/counties/?q={random.choice(SPELLINGS)}", "api: search")

    @task(1)
    def api_timeline(self):
        self.get(f"/api/factories/{FACTORY}/timeline/", "api: timeline")


class Editor(HttpUser):
    """Writes a source now and then with an API token; each acknowledged write is recorded."""

    weight = 1
    wait_time = between(*WAIT)

    @task
    def write_source(self):
        title = f"{WRITE_PREFIX}{uuid.uuid4()}"
        with self.client.post(
            "/api/sources/",
            json={"title": title, "publisher": "KCNA", "published": "2025-01", "language": "en"},
            headers={**HEADERS, "Authorization": f"Token {os.environ['DRILL_TOKEN']}"},
            name="api: write source",
            catch_response=True,
        ) as response:
            if response.status_code == 201:
                acknowledged.append(title)
                response.success()
            else:
                response.failure(f"{response.status_code}: {response.text[:200]}")
