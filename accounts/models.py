"""API tokens: what a client sends to write through the API on a person's behalf."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def usable(self):
        """Tokens not revoked and not expired, of active users."""
        now = timezone.now()
        return self.filter(
            models.Q(expires__isnull=True) | models.Q(expires__gt=now),
            revoked=False,
            user__is_active=True,
        )


class ApiToken(models.Model):
    """A secret that stands for its user; only its SHA-256 hash is stored.

    The secret is shown once, when the token is created; a lost secret is replaced by a new
    token. A token can do what its user's permissions allow, until it expires or is revoked.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100, help_text="What it is for, e.g. “newsroom import”.")
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(
        "starts with", max_length=8, editable=False, help_text="To tell tokens apart."
    )
    created = models.DateTimeField(auto_now_add=True)
    expires = models.DateTimeField(null=True, blank=True, help_text="Empty: until revoked.")
    revoked = models.BooleanField(default=False, help_text="A revoked token is refused.")
    last_used = models.DateTimeField(null=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    def set_new_secret(self) -> str:
        """Give the token a fresh secret and return it; only its hash is kept."""
        secret = secrets.token_urlsafe(32)
        self.key_hash = hash_secret(secret)
        self.key_prefix = secret[:8]
        return secret

    @classmethod
    def issue(cls, user, name: str, expires=None) -> tuple["ApiToken", str]:
        token = cls(user=user, name=name, expires=expires)
        secret = token.set_new_secret()
        token.save()
        return token, secret
