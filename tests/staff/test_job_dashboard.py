"""The job queue's dashboard (django-rq's) is for superusers alone: editors and reviewers can
neither see other staff's jobs there nor stop, delete, requeue or empty them. Staff follow
their own jobs on the jobs' pages, which show a job to its owner and superusers only."""

import pytest
from django.urls import reverse
from rq import Queue
from rq.job import Job as QueuedJob

from staff.models import Job
from tests.services import needs_redis
from tests.staff.test_jobs import queue_on_redis  # noqa: F401 -- a fixture

ACTIONS = ["stop_job", "delete_job", "requeue_job", "enqueue_job"]
QUEUE_ACTIONS = ["clear", "requeue_all", "delete_failed_jobs"]
PAGES = ["jobs", "started_jobs", "finished_jobs", "failed_jobs", "queue_details"]


def dashboard(name, *args):
    return reverse(f"admin:django_rq_{name}", args=args)


@pytest.fixture
def queued(queue_on_redis):  # noqa: F811
    """A job of someone else's, waiting in the queue."""
    queue = Queue(queue_on_redis.name, connection=queue_on_redis.connection)
    return queue.enqueue("builtins.print", "an editor's import")


@pytest.fixture(params=["editor", "reviewer"])
def staff_member(request, client, db):
    user = request.getfixturevalue(request.param)
    client.force_login(user)
    return client


@needs_redis
class TestStaffWhoAreNotSuperusers:
    def test_the_dashboard_is_not_listed_nor_shown(self, staff_member, queued):
        assert b"django_rq" not in staff_member.get(reverse("admin:index")).content
        assert staff_member.get(dashboard("home")).status_code == 403
        for page in PAGES:
            assert staff_member.get(dashboard(page, 0)).status_code == 403, page
        assert staff_member.get(dashboard("job_detail", 0, queued.id)).status_code == 403

    @pytest.mark.parametrize("action", ACTIONS)
    def test_a_job_cannot_be_touched(self, staff_member, queued, queue_on_redis, action):  # noqa: F811
        response = staff_member.post(dashboard(action, 0, queued.id), {"post": "yes"})
        assert response.status_code == 403
        assert QueuedJob.fetch(queued.id, connection=queue_on_redis.connection).get_status() == (
            "queued"
        )
        assert queue_on_redis.count == 1

    @pytest.mark.parametrize("action", QUEUE_ACTIONS)
    def test_the_queue_cannot_be_emptied(self, staff_member, queued, queue_on_redis, action):  # noqa: F811
        assert staff_member.post(dashboard(action, 0), {"post": "yes"}).status_code == 403
        assert queue_on_redis.count == 1

    def test_the_bulk_actions_are_refused(self, staff_member, queued, queue_on_redis):  # noqa: F811
        response = staff_member.post(
            dashboard("actions", 0), {"action": "delete", "job_ids": [queued.id]}
        )
        assert response.status_code == 403
        assert queue_on_redis.count == 1


@needs_redis
def test_a_superuser_sees_and_acts_on_the_queue(staff_client, queued, queue_on_redis):  # noqa: F811
    assert staff_client.get(dashboard("home")).status_code == 200
    assert staff_client.get(dashboard("jobs", 0)).status_code == 200
    response = staff_client.post(dashboard("delete_job", 0, queued.id), {"post": "yes"})
    assert response.status_code == 302
    assert queue_on_redis.count == 0


def test_signed_out_the_dashboard_asks_to_sign_in(client):
    response = client.get(dashboard("home"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("role", ["editor", "reviewer"])
def test_a_job_page_is_its_owners_and_superusers(client, staff, role, request):
    """Another member of staff, whatever their role, gets a 404 for a job not theirs."""
    owner = request.getfixturevalue("editor" if role == "reviewer" else "reviewer")
    job = Job.objects.create(title="Importing", user=owner, function="staff.imports.apply")
    client.force_login(request.getfixturevalue(role))
    assert client.get(job.get_absolute_url()).status_code == 404
    client.force_login(owner)
    assert client.get(job.get_absolute_url()).status_code == 200
    client.force_login(staff)
    assert client.get(job.get_absolute_url()).status_code == 200
