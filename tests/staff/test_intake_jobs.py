"""A long report is read by a background job; its proposals come back on the intake page."""

from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from rq import SimpleWorker

from events import seed
from events.models import Source
from staff import intake, jobs
from staff.forms import INTAKE_MAX_CHARACTERS
from staff.models import Job, JobStatus
from staff.views import READ_IN_REQUEST_CHARACTERS, read_report
from tests.services import needs_redis, rq_queue_on_redis
from tests.staff import pages

ARTICLE = (
    Path(__file__).parent.parent / "data" / "kim-jong-uns-world-of-devoted-service-2.txt"
).read_text()
TITLE = "Kim Jong Un's World of Devoted Service for People (2)"


def report_of(characters: int) -> str:
    """The founding article over and over, as a compilation of reports would run."""
    return ((ARTICLE + "\n\n") * (characters // len(ARTICLE) + 1))[:characters].strip()


LONG = report_of(READ_IN_REQUEST_CHARACTERS + 100)
FIELDS = {"title": TITLE, "publisher": "Naenara", "published": "2025", "url": ""}


@pytest.fixture
def gazetteer(db):
    seed.load_gazetteer()


def proposals(page) -> list[tuple]:
    return [
        (form["kind"].value(), form["date"].value(), form["county"].value())
        for form in page.context["formset"].initial_forms
    ]


def expected(text: str) -> list[tuple]:
    reading = intake.read_article(text=text, published="2025", title=TITLE)
    return [(e.kind, e.date, e.county.slug if e.county else "") for e in reading.events]


def read_long(client, text=LONG):
    return client.post(reverse("staff:intake"), {**FIELDS, "full_text": text, "propose": "Read"})


def test_a_long_text_is_read_by_a_job_and_its_proposals_are_reviewed_and_confirmed(
    gazetteer, editor_client
):
    response = read_long(editor_client)
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    progress = pages.text(editor_client.get(response.url))
    assert "Status: finished" in progress
    assert "Review the proposals in the intake" in progress

    review_url = f"{reverse('staff:intake')}?job={job.pk}"
    review = editor_client.get(review_url)
    assert proposals(review) == expected(LONG) != []
    form = review.context["article_form"]
    assert (form["title"].value(), form["publisher"].value()) == (TITLE, "Naenara")
    assert f"The report's text ({len(LONG):,} characters) is kept" in pages.text(review)
    assert LONG[:2000] not in review.content.decode()  # the text stays with the job

    data = {**FIELDS, "full_text": "", "confirm": "Confirm"}
    data |= {
        f"form-{field}": review.context["formset"].management_form[field].value()
        for field in ("TOTAL_FORMS", "INITIAL_FORMS")
    }
    for index, proposal in enumerate(review.context["formset"].initial_forms):
        data |= {
            f"form-{index}-{name}": value
            for name, value in proposal.initial.items()
            if value not in (None, False)
        }
    confirmed = editor_client.post(review_url, data)
    assert confirmed.status_code == 302
    assert Source.objects.get().full_text == LONG
    assert Job.objects.count() == 1  # confirming did not read the report again


def test_a_short_text_is_still_read_in_the_request(gazetteer, editor_client):
    response = read_long(editor_client, ARTICLE)
    assert response.status_code == 200
    assert proposals(response) == expected(ARTICLE)
    assert not Job.objects.exists()


def test_a_2_mb_report_completes_as_a_job_and_its_review_page_stays_small(gazetteer, editor_client):
    report = report_of(2_000_000)
    response = read_long(editor_client, report)
    job = Job.objects.get()
    assert (response.url, job.status) == (job.get_absolute_url(), JobStatus.DONE)
    review = editor_client.get(f"{reverse('staff:intake')}?job={job.pk}")
    assert len(review.context["formset"].initial_forms) > 0
    assert len(review.content) < 300_000


def test_a_text_over_the_limit_is_refused_with_it_and_the_limit_fits_the_request_body(
    gazetteer, editor_client
):
    assert INTAKE_MAX_CHARACTERS <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    response = read_long(editor_client, "x" * (INTAKE_MAX_CHARACTERS + 1))
    assert "The text is 2,500,001 characters long; the intake reads at most 2,500,000." in (
        pages.text(response)
    )
    assert not Job.objects.exists()


def test_another_users_job_is_a_404(gazetteer, editor_client, django_user_model):
    read_long(editor_client)
    url = f"{reverse('staff:intake')}?job={Job.objects.get().pk}"
    other = django_user_model.objects.create_superuser("other", password="pw-other-123")
    editor_client.force_login(other)
    assert editor_client.get(url).status_code == 404
    assert editor_client.get(f"{reverse('staff:intake')}?job=nonsense").status_code == 404


def test_a_failed_reading_shows_its_error_and_leads_back_to_the_intake(gazetteer, editor, client):
    job = Job.objects.create(
        title="Reading a report",
        user=editor,
        function=jobs.name_of(read_report),
        arguments={"article": {**FIELDS, "full_text": LONG}},
        status=JobStatus.FAILED,
        error="The job stopped on an error: out of memory",
    )
    client.force_login(editor)
    progress = client.get(job.get_absolute_url())
    assert "The job stopped on an error: out of memory" in pages.text(progress)
    back = f"{reverse('staff:intake')}?job={job.pk}"
    assert f'href="{back}"' in progress.content.decode()
    intake_page = client.get(back)
    assert "The job stopped on an error: out of memory" in pages.text(intake_page)
    assert intake_page.context["article_form"]["title"].value() == TITLE


@pytest.fixture
def queue_on_redis():
    """RQ on the Redis at 127.0.0.1:6379 (its database 7), emptied before and after."""
    with rq_queue_on_redis(7) as queue:
        yield queue


@needs_redis
def test_on_redis_a_long_text_waits_for_a_worker_then_comes_back_to_the_intake(
    transactional_db, staff_client, queue_on_redis, django_capture_on_commit_callbacks
):
    # A superuser: a transactional test cannot count on the roles the migrations made, which
    # an earlier transactional test's flush removes.
    seed.load_gazetteer()
    with django_capture_on_commit_callbacks(execute=True):
        response = read_long(staff_client)
    job = Job.objects.get()
    review_url = f"{reverse('staff:intake')}?job={job.pk}"
    assert staff_client.get(review_url).url == job.get_absolute_url()  # not read yet
    assert "Waiting for a worker to take it." in pages.text(staff_client.get(response.url))

    SimpleWorker([queue_on_redis], connection=queue_on_redis.connection).work(burst=True)
    assert "Review the proposals in the intake" in pages.text(staff_client.get(response.url))
    assert proposals(staff_client.get(review_url)) == expected(LONG) != []
