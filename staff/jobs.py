"""Long staff work off the request: any function, run by an RQ worker (django-rq) on the
Redis of RQ_URL, or in the request itself where no Redis is configured (`make run`).

`enqueue(function, title=..., user=..., **arguments)` stores a Job (staff/models.py) and
queues it; the worker calls `function(**arguments)` and keeps what it returns. A function
may say how far it got with `report(done, total)`, or not at all: it stays a plain function
(an import, an export, `staff.intake.read_article`). Staff follow the job on its page
(`Job.get_absolute_url()`), leave it and come back.

A job is never lost silently. A queued job waits in Redis through a worker's restart; a
running one renews its heartbeat every second, and once its worker has died (a killed
process, a lost machine) the page reports it failed after STALLED_AFTER. Imports run
in one transaction, so a job that dies has written nothing.
"""

import contextvars
import dataclasses
import importlib
import logging
import pickle
import threading
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections, connection, transaction
from django.utils import timezone
from redis.exceptions import RedisError

from staff.models import Job, JobStatus

logger = logging.getLogger(__name__)

# The heartbeat, which also writes the progress: a row costs no write of its own.
HEARTBEAT_SECONDS = 1
STALLED_AFTER = timedelta(seconds=60)
# A queued job is in Redis within moments of being stored; one still not there after this long
# was lost (deleted from the queue, or Redis restarted without its data) and never runs.
VANISHED_AFTER = timedelta(seconds=30)
# A worker gives up on a job after this long (RQ's own timeout), and the job fails.
JOB_TIMEOUT = 60 * 60
# A page asks the queue's Redis little (queue a job, look one up), so it gives up after this
# long and answers at once when Redis is down or frozen (redis-py would wait 5 s per call).
REDIS_TIMEOUT = 0.5


@dataclasses.dataclass
class Outcome:
    """What a job may return for its page to show: a summary, the errors (per row), and
    where to go next, or a form to confirm a step that the job prepared."""

    summary: str
    errors: list[str] = dataclasses.field(default_factory=list)
    next_url: str = ""
    next_label: str = ""
    confirm: dict | None = None
    file: bytes | None = None
    file_name: str = ""
    content_type: str = ""


_running: contextvars.ContextVar = contextvars.ContextVar("running_job", default=None)


def enqueue(function, *, title: str, user, **arguments) -> Job:
    """Queue `function(**arguments)`, a module-level function whose arguments are JSON."""
    job = Job.objects.create(
        title=title[:200],
        user=user,
        function=name_of(function),
        arguments=arguments,
    )
    if not settings.RQ_QUEUES:
        run(job.pk, in_request=True)
        job.refresh_from_db()
        return job
    transaction.on_commit(lambda: _push(job))
    return job


def name_of(function) -> str:
    """The name a job keeps of its function, to import it in the worker."""
    return f"{function.__module__}.{function.__qualname__}"


def _push(job: Job) -> None:
    import django_rq

    try:
        django_rq.get_queue("default", commit_mode="auto", connection=_redis()).enqueue(
            run, job.pk, job_id=str(job.pk), job_timeout=JOB_TIMEOUT, result_ttl=0
        )
    except RedisError as error:
        logger.warning("Job %s could not be queued: %s", job.pk, error)
        _finish(
            job,
            JobStatus.FAILED,
            error="The job queue (Redis) cannot be reached, so the job was not started and "
            "nothing was changed. Try again in a minute.",
        )


def run(job_id, *, in_request: bool = False) -> None:
    """The worker's entry point: call the job's function and keep what it returns."""
    if not in_request:
        close_old_connections()
    job = Job.objects.get(pk=job_id)
    if job.finished:  # reported failed already (its worker was given up for dead)
        return
    module, _, name = job.function.rpartition(".")
    function = getattr(importlib.import_module(module), name)
    Job.objects.filter(pk=job.pk).update(
        status=JobStatus.RUNNING, heartbeat_at=timezone.now(), message="Started."
    )
    progress = _Progress()
    stop = threading.Event()
    heartbeat = threading.Thread(target=_beat, args=(job.pk, progress, stop), daemon=True)
    if not in_request:  # the request itself shows it is alive
        heartbeat.start()
    token = _running.set(progress)
    try:
        value = function(**job.arguments)
    except Exception as error:
        logger.exception("Job %s (%s) failed", job.pk, job.title)
        outcome = {"status": JobStatus.FAILED, "error": _in_words(error)}
    else:
        outcome = {"status": JobStatus.DONE, "returned": pickle.dumps(value)}
    finally:
        _running.reset(token)
        stop.set()
        if heartbeat.is_alive():
            heartbeat.join(HEARTBEAT_SECONDS * 5)
    _finish(job, **outcome, **progress.fields())


def report(done: int, total: int | None = None, message: str = "") -> None:
    """How far the running job has got; a no-op outside a job, and cheap to call per row."""
    progress = _running.get()
    if progress is not None:
        progress.update(done, total, message)


def refresh(job: Job) -> Job:
    """The job as its page shows it: a running job whose worker went silent has failed, and
    so has a queued job the queue has lost."""
    stalled = timezone.now() - STALLED_AFTER
    if (
        job.status == JobStatus.RUNNING
        and job.heartbeat_at
        and job.heartbeat_at < stalled
        and not _worked_on(job)
    ):
        _finish(
            job,
            JobStatus.FAILED,
            error="The worker running this job stopped (restarted or killed) before it "
            "finished. Nothing it was writing was kept; start the job again.",
        )
        job.refresh_from_db()
    elif (
        job.status == JobStatus.QUEUED
        and job.created_at < timezone.now() - VANISHED_AFTER
        and _vanished(job)
    ):
        _finish(
            job,
            JobStatus.FAILED,
            error="The job is no longer in the queue (it was removed, or the queue's Redis "
            "restarted and lost it), so no worker will take it. Nothing was changed; start "
            "the job again.",
        )
        job.refresh_from_db()
    return job


def _vanished(job: Job) -> bool:
    """Whether the queue has lost the job; not known (False) while Redis cannot be asked."""
    if not settings.RQ_QUEUES:
        return False
    from rq.job import Job as QueuedJob

    try:
        return not QueuedJob.exists(str(job.pk), connection=_redis())
    except RedisError:
        return False


def _redis():
    """A connection to the queue's Redis for a page's few calls, with short timeouts."""
    import django_rq

    connection = django_rq.get_connection("default")
    connection.connection_pool.connection_kwargs.update(
        socket_connect_timeout=REDIS_TIMEOUT, socket_timeout=REDIS_TIMEOUT
    )
    return connection


def _worked_on(job: Job) -> bool:
    """Whether RQ still has a live worker on the job. Asked only once the heartbeat is old:
    on SQLite the job's own transaction can keep the heartbeat from being written."""
    if not settings.RQ_QUEUES:
        return False
    from rq.exceptions import NoSuchJobError
    from rq.job import Job as QueuedJob
    from rq.worker import Worker

    try:
        connection = _redis()
        queued = QueuedJob.fetch(str(job.pk), connection=connection)
        if queued.get_status() != "started" or not queued.worker_name:
            return False
        key = Worker.redis_worker_namespace_prefix + queued.worker_name
        return Worker.find_by_key(key, connection=connection) is not None
    except (NoSuchJobError, RedisError):
        return False


class _Progress:
    """How far the running job has got, kept in memory by the job and written by its
    heartbeat, on a connection of its own: the job's writes may be inside a transaction
    (an import is one), which would hide progress written there until the end."""

    def __init__(self):
        self.done = 0
        self.total = None
        self.message = ""

    def update(self, done, total, message):
        self.done = done
        if total is not None:
            self.total = total
        if message:
            self.message = message[:300]

    def fields(self) -> dict:
        fields = {"done": self.done, "total": self.total}
        if self.message:
            fields["message"] = self.message
        return fields


def _beat(job_id, progress: _Progress, stop: threading.Event) -> None:
    """Renew the heartbeat and write the progress while the job runs."""
    try:
        while not stop.wait(HEARTBEAT_SECONDS):
            try:
                Job.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(
                    heartbeat_at=timezone.now(), **progress.fields()
                )
            except DatabaseError as error:  # SQLite, locked by the job's own transaction
                logger.info("Job %s: progress not written this time (%s)", job_id, error)
    finally:
        connection.close()  # this thread's own, which ends here


def _finish(job: Job, status: str, **fields) -> None:
    Job.objects.filter(pk=job.pk).exclude(status__in=[JobStatus.DONE, JobStatus.FAILED]).update(
        status=status, finished_at=timezone.now(), **fields
    )


def _in_words(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return f"The job stopped on an error: {text[:1000]}"
