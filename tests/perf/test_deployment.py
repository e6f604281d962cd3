"""The deployment switches, read from the environment as production sets them."""

import json
import os
import subprocess
import sys

from django.conf import settings

SHOW = """
import django
django.setup()
from django.core.files.storage import storages
default_storage = storages["default"]
from django.conf import settings
print(json.dumps({
    "storage": type(default_storage).__module__ + "." + type(default_storage).__name__,
    "bucket": getattr(default_storage, "bucket_name", None),
    "domain": getattr(default_storage, "custom_domain", None),
    "url": default_storage.url("photos/a.jpg"),
    "databases": sorted(settings.DATABASES),
    "replica_mirror": settings.DATABASES.get("replica", {}).get("TEST", {}).get("MIRROR"),
}))
"""


def settings_with(**environment) -> dict:
    """Settings as a fresh process reads them from this environment (no network is used)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "regiondev.settings", **environment}
    result = subprocess.run(
        [sys.executable, "-c", "import json\n" + SHOW],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_media_on_local_disk_by_default():
    assert settings_with()["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"


def test_media_on_s3_when_asked():
    shown = settings_with(
        MEDIA_STORAGE="s3",
        MEDIA_S3_BUCKET="regiondev-media",
        MEDIA_S3_CUSTOM_DOMAIN="media.example.org",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    assert shown["storage"] == "storages.backends.s3.S3Storage"
    assert shown["bucket"] == "regiondev-media"
    assert shown["url"] == "https://media.example.org/media/photos/a.jpg"


def test_a_replica_is_configured_from_its_url():
    shown = settings_with(DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/regiondev")
    assert shown["databases"] == ["default", "replica"]
    assert shown["replica_mirror"] == "default"
    assert settings_with()["databases"] == ["default"]


def test_s3_without_boto3_says_what_to_install():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "regiondev.settings"}
    environment.update(MEDIA_STORAGE="s3", MEDIA_S3_BUCKET="regiondev-media")
    # boto3 as a deployment without requirements-s3.in has it: not importable.
    hide_boto3 = "import sys; sys.modules['boto3'] = None; import django; django.setup()"
    result = subprocess.run(
        [sys.executable, "-c", hide_boto3],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: MEDIA_STORAGE=s3 needs boto3" in result.stderr
    assert "requirements-s3.in" in result.stderr
