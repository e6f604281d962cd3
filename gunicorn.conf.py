"""Gunicorn settings for production (`make serve`); every value can be set from the environment.

WEB_CONCURRENCY   worker processes (default: 2 per CPU core, plus one)
GUNICORN_THREADS  threads per worker process (default 4)
GUNICORN_MAX_REQUESTS  requests after which a worker is replaced (default 100,000)
GUNICORN_BIND     address to listen on (default 127.0.0.1:8000; a proxy in front ends TLS)
GUNICORN_TIMEOUT  seconds before a stuck worker is restarted (default 30)
FORWARDED_ALLOW_IPS  proxies whose X-Forwarded-* headers are believed (default 127.0.0.1,::1)
"""

import multiprocessing
import os

wsgi_app = "regiondev.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# Threads keep a client's connection open between requests (keep-alive); sync workers close
# it after every answer, so each request paid a new connection and a wait in the listen
# queue (backlog) for a free worker.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 30
keepalive = 5
backlog = 2048
# The heartbeat file is touched on every loop; on a disk-backed /tmp that can block a worker
# while the file system commits (gunicorn's own advice), so it lives in memory.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# Recycle workers now and then so a slow leak cannot grow without bound. Rarely: a restart
# stalls the requests on that worker for as long as a new one takes to boot (0.3-6 s on a
# busy machine), and at 2,000 requests both workers restarted, close together, every few
# seconds under load: that was the p99 of about a second of the fastest URLs. The jitter is
# half the limit, so the two seldom restart together.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 100_000))
max_requests_jitter = max_requests // 2
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Refuse oversized request lines and headers before Django sees them (bodies are judged by
# regiondev.middleware.RequestSizeLimitMiddleware).
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190

# An empty GUNICORN_ACCESSLOG turns the access log off (the drills do, to spare the CPU).
# gunicornc's control socket only where GUNICORN_CONTROL_SOCKET names one: its default path
# is one per user, which several gunicorns on a machine (the drills, the benchmark) would share.
control_socket_disable = not os.environ.get("GUNICORN_CONTROL_SOCKET")
if not control_socket_disable:
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]

accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
