"""`Authorization: Token <secret>`: the API's way to say who writes."""

from datetime import timedelta

from django.utils import timezone
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header

from accounts.models import ApiToken, hash_secret

KEYWORD = b"token"
# last_used is a day-to-day signal; writing it more often than this would add a write to
# every read.
LAST_USED_PRECISION = timedelta(minutes=1)


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        words = get_authorization_header(request).split()
        if not words or words[0].lower() != KEYWORD:
            return None
        if len(words) != 2:
            raise exceptions.AuthenticationFailed(
                "Send the token as `Authorization: Token <secret>`, with no spaces in the secret."
            )
        try:
            secret = words[1].decode("ascii")
        except UnicodeDecodeError:
            raise exceptions.AuthenticationFailed("This token is not valid.") from None
        token = (
            ApiToken.objects.usable()
            .select_related("user")
            .filter(key_hash=hash_secret(secret))
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed(
                "This token is not valid: unknown, expired or revoked."
            )
        now = timezone.now()
        if token.last_used is None or now - token.last_used > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        return token.user, token

    def authenticate_header(self, request):
        return "Token"
