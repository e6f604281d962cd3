"""Long staff work as background jobs: queued on RQ (real Redis) or run in the request
without it, followed on a progress page, never lost silently."""

import datetime
import socket
import time
import uuid
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from rq import SimpleWorker

from sites.models import Factory
from staff import intake, jobs
from staff.models import Job, JobStatus
from tests.services import needs_redis, rq_queue_on_redis
from tests.staff import pages
from tests.staff.test_import_export import FACTORY_HEADER, import_url, upload

ARTICLE = (
    Path(__file__).parent.parent / "data" / "kim-jong-uns-world-of-devoted-service-2.txt"
).read_text()


def many_factories(count: int) -> str:
    return FACTORY_HEADER + "".join(
        f"bulk-{n},Bulk factory {n},songchon,foodstuff,,,,,\n" for n in range(count)
    )


@pytest.fixture
def queue_on_redis():
    """RQ on the Redis at 127.0.0.1:6379 (its database 15), emptied before and after."""
    with rq_queue_on_redis(15) as queue:
        yield queue


def work(queue) -> None:
    """A worker that starts now (as after a restart), takes every queued job, and stops."""
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


class TestWithoutRedis:
    def test_an_import_runs_in_the_request_and_its_page_shows_the_outcome(
        self, seeded, staff_client
    ):
        response = staff_client.post(
            import_url(Factory),
            {"format": 0, "resource": 0, "import_file": upload("f.csv", many_factories(120))},
        )
        job = Job.objects.get()
        assert response.url == job.get_absolute_url()
        assert (job.status, job.done, job.total) == (JobStatus.DONE, 120, 120)
        page = pages.text(staff_client.get(response.url))
        assert "120 new, 0 updated, 0 unchanged (skipped)." in page
        assert "Confirm import" in page

    def test_only_its_owner_sees_a_job(self, seeded, staff_client, django_user_model):
        staff_client.post(
            import_url(Factory),
            {"format": 0, "resource": 0, "import_file": upload("f.csv", many_factories(2))},
        )
        other = django_user_model.objects.create_user("other", password="pw-other-123")
        other.is_staff = True
        other.save()
        staff_client.force_login(other)
        assert staff_client.get(Job.objects.get().get_absolute_url()).status_code == 404

    def test_any_function_runs_as_a_job_the_intake_reading_included(self, seeded, staff):
        job = jobs.enqueue(
            intake.read_article,
            title="Reading an article",
            user=staff,
            text=ARTICLE,
            published="2025-01-10",
        )
        assert job.status == JobStatus.DONE
        reading = job.return_value()
        direct = intake.read_article(text=ARTICLE, published="2025-01-10")
        assert len(reading.events) == len(direct.events) > 0
        assert [event.county for event in reading.events] == [e.county for e in direct.events]

    def test_a_failing_function_is_reported_failed_with_its_reason(self, staff, client):
        job = jobs.enqueue(
            intake.read_article, title="Bad call", user=staff, text="x", no_such_argument=True
        )
        assert job.status == JobStatus.FAILED
        assert "The job stopped on an error" in job.error

    def test_a_job_whose_worker_died_is_reported_failed(self, staff, staff_client):
        job = Job.objects.create(
            title="Importing a big file",
            user=staff,
            function="staff.imports.apply",
            status=JobStatus.RUNNING,
            heartbeat_at=timezone.now() - datetime.timedelta(minutes=2),
        )
        page = pages.text(staff_client.get(job.get_absolute_url()))
        assert "Status: failed" in page
        assert "The worker running this job stopped" in page
        job.refresh_from_db()
        assert job.status == JobStatus.FAILED


@needs_redis
class TestOnRedis:
    def test_an_import_waits_for_a_worker_then_previews_and_imports(
        self,
        transactional_db,
        seeded,
        staff_client,
        queue_on_redis,
        django_capture_on_commit_callbacks,
    ):
        """The worker runs here, in the test's process, as a worker process would: outside
        any transaction of the test's (hence transactional_db), on connections it may close."""
        with django_capture_on_commit_callbacks(execute=True):
            response = staff_client.post(
                import_url(Factory),
                {"format": 0, "resource": 0, "import_file": upload("f.csv", many_factories(300))},
            )
        page = staff_client.get(response.url)
        assert "Waiting for a worker to take it." in pages.text(page)
        assert '<meta http-equiv="refresh" content="2">' in page.content.decode()
        assert queue_on_redis.count == 1  # kept in Redis while no worker runs

        work(queue_on_redis)
        preview = staff_client.get(response.url)
        assert "300 new, 0 updated, 0 unchanged (skipped)." in pages.text(preview)
        confirm = {
            name: preview.context["confirm_form"][name].value()
            for name in ("import_file_name", "original_file_name", "format", "resource")
        }
        with django_capture_on_commit_callbacks(execute=True):
            applied = staff_client.post(import_url(Factory, "process_import"), confirm)
        assert not Factory.objects.filter(slug="bulk-0").exists()  # not in the request
        work(queue_on_redis)
        assert "Import finished: 300 new" in pages.text(staff_client.get(applied.url))
        assert Factory.objects.filter(slug__startswith="bulk-").count() == 300

    def test_a_queue_that_cannot_be_reached_fails_the_job_in_words(
        self, staff, django_capture_on_commit_callbacks
    ):
        with (
            override_settings(RQ_QUEUES={"default": {"URL": "redis://127.0.0.1:1/0"}}),
            django_capture_on_commit_callbacks(execute=True),
        ):
            job = jobs.enqueue(intake.read_article, title="t", user=staff, text="x")
        job.refresh_from_db()
        assert job.status == JobStatus.FAILED
        assert "cannot be reached" in job.error

    def test_an_unknown_job_is_a_404(self, staff_client):
        assert staff_client.get(reverse("staff-job", args=[uuid.uuid4()])).status_code == 404


def test_a_big_export_is_made_by_a_job_and_downloaded_from_its_page(db, staff_client, monkeypatch):
    from events.models import Source
    from staff.admin import ImportExportHistoryAdmin
    from tests import factories as make

    monkeypatch.setattr(ImportExportHistoryAdmin, "export_in_request_rows", 2)
    for title in ("First", "Second", "=HYPERLINK(1)"):
        make.source(title=title)
    fields = {"sourceresource_id": "on", "sourceresource_title": "on"}
    response = staff_client.post(
        reverse("admin:events_source_export"), {"format": 0, "resource": 0, **fields}
    )
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    page = staff_client.get(job.get_absolute_url())
    assert "3 sources exported." in pages.text(page)
    download = staff_client.get(reverse("staff-job-file", args=[job.pk]))
    assert download["Content-Disposition"].startswith('attachment; filename="Source-')
    rows = download.content.decode("utf-8-sig").splitlines()
    assert rows[0] == "id,title"
    assert len(rows) == 4
    assert f"{Source.objects.get(title__startswith='=').pk},'=HYPERLINK(1)" in rows


@needs_redis
class TestAJobTheQueueLost:
    """A queued job whose entry in Redis is gone (deleted from the queue, or Redis restarted
    without its data) is reported failed once VANISHED_AFTER has passed, not left waiting."""

    @pytest.fixture
    def queued(self, staff, queue_on_redis, django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks(execute=True):
            job = jobs.enqueue(intake.read_article, title="Reading", user=staff, text="x")
        assert queue_on_redis.count == 1
        return job

    @staticmethod
    def age(job, by):
        Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - by)

    @pytest.mark.parametrize(
        "lose",
        [
            lambda queue, job: queue.fetch_job(str(job.pk)).delete(),
            lambda queue, job: queue.connection.delete(f"rq:job:{job.pk}"),
            lambda queue, job: queue.connection.flushdb(),
        ],
        ids=["deleted from the queue", "its key gone", "Redis emptied"],
    )
    def test_it_is_reported_failed(self, staff_client, queue_on_redis, queued, lose):
        lose(queue_on_redis, queued)
        self.age(queued, jobs.VANISHED_AFTER + datetime.timedelta(seconds=1))
        page = pages.text(staff_client.get(queued.get_absolute_url()))
        assert "Status: failed" in page
        assert "no longer in the queue" in page
        queued.refresh_from_db()
        assert queued.status == JobStatus.FAILED

    def test_within_the_bound_it_waits(self, staff_client, queue_on_redis, queued):
        queue_on_redis.connection.delete(f"rq:job:{queued.pk}")
        self.age(queued, jobs.VANISHED_AFTER - datetime.timedelta(seconds=5))
        assert "Waiting for a worker" in pages.text(staff_client.get(queued.get_absolute_url()))

    def test_a_job_still_queued_waits_however_long(
        self, transactional_db, staff_client, queue_on_redis, queued
    ):
        """The worker runs the job in this process, outside any transaction of the test's
        (hence transactional_db), on connections it may close."""
        self.age(queued, datetime.timedelta(hours=3))
        assert "Waiting for a worker" in pages.text(staff_client.get(queued.get_absolute_url()))
        work(queue_on_redis)
        assert "Status: finished" in pages.text(staff_client.get(queued.get_absolute_url()))


@pytest.fixture
def frozen_redis():
    """A Redis that takes connections and never answers (a stopped process, a lost host)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        url = f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
        with override_settings(RQ_QUEUES={"default": {"URL": url}}):
            yield


@pytest.mark.parametrize("rows", [2, 300])
def test_an_import_answers_at_once_when_redis_is_frozen(
    seeded, staff_client, frozen_redis, django_capture_on_commit_callbacks, rows
):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            import_url(Factory),
            {"format": 0, "resource": 0, "import_file": upload("f.csv", many_factories(rows))},
        )
    assert time.monotonic() - started < 1.5
    page = pages.text(staff_client.get(response.url))
    assert "Status: failed" in page
    assert "cannot be reached" in page
    assert time.monotonic() - started < 2.5  # the page asks Redis nothing of a failed job


def test_a_job_page_answers_at_once_when_redis_is_frozen(staff, staff_client, frozen_redis):
    job = Job.objects.create(
        title="Importing", user=staff, function="staff.imports.apply", status=JobStatus.QUEUED
    )
    Job.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(hours=1))
    started = time.monotonic()
    assert "Waiting for a worker" in pages.text(staff_client.get(job.get_absolute_url()))
    assert time.monotonic() - started < 1.5
