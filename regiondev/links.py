"""Records' page addresses, reversed once each.

A county page links some four hundred records, and `reverse()` walks the URL patterns for
every one; the answer depends only on the pattern, the arguments, the URLconf and the script
prefix, so it is kept.
"""

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


@functools.lru_cache(maxsize=65536)
def _reverse(prefix: str, urlconf, view_name: str, args: tuple) -> str:
    return reverse(view_name, args=args)


def page_url(view_name: str, *args) -> str:
    """`reverse(view_name, args=args)`, memoised."""
    return _reverse(get_script_prefix(), get_urlconf(), view_name, args)


@receiver(setting_changed)
def urlconf_changed(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _reverse.cache_clear()
