"""Small template helpers for the public pages."""

import calendar

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import get_text_list
from django.utils.translation import get_language, gettext, override, pgettext_lazy

from regiondev.dates import in_words
from regiondev.lists import in_language as field_in_language
from regiondev.lists import korean_page, named

register = template.Library()


@register.simple_tag
def citation() -> str:
    return gettext(settings.REGIONDEV_CITATION)


def _machine_date(lower, upper) -> str:
    """The HTML `datetime` form of a span when it is one day, one month or one year, else ''."""
    if lower == upper:
        return lower.isoformat()
    whole_month = lower.day == 1 and upper.day == calendar.monthrange(upper.year, upper.month)[1]
    if whole_month and (lower.year, lower.month) == (upper.year, upper.month):
        return f"{lower:%Y-%m}"
    if whole_month and lower.year == upper.year and (lower.month, upper.month) == (1, 12):
        return str(lower.year)
    return ""


@register.simple_tag
def when(fuzzy) -> str:
    """A date in words at its true precision, machine-readable where HTML can say it."""
    if fuzzy is None:
        return gettext("date not known")
    machine = _machine_date(fuzzy.lower, fuzzy.upper)
    if machine:
        return format_html('<time datetime="{}">{}</time>', machine, fuzzy.words)
    return format_html("<span>{}</span>", fuzzy.words)


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """The current list's address on another page, its filters kept."""
    params = context["request"].GET.copy()
    params["page"] = number
    return f"?{params.urlencode()}"


@register.inclusion_tag("includes/citation_line.html", takes_context=True)
def citation_line(context, record, title: str = ""):
    """How to cite this record: its title, its address and when it was last changed."""
    updated = timezone.localdate(record.updated_at)
    if not title and record._meta.model_name == "county":
        title = f"{named(record)}, {named(record.province)}"
    if not title and hasattr(record, "name"):
        title = named(record)
    if not title and hasattr(record, "fuzzy_date"):
        kind = record.get_kind_display().capitalize()
        if record.category == "ceremony":
            kind = gettext("%(kind)s ceremony") % {"kind": kind}
        title = f"{kind}, {event_place(record)}, {record.date_in_words}"
    return {
        "title": title or str(record),
        "url": context["request"].build_absolute_uri(record.get_absolute_url()),
        "updated": updated,
        "today": timezone.localdate(),
    }


@register.simple_tag(takes_context=True)
def sort_header(
    context, label: str, ordering: str = "", css_class: str = "", default: str = ""
) -> str:
    """A column header; given the list's `ordering` value for it, a link that sorts by it
    (again to reverse), and `aria-sort` saying how the list is sorted now (`default` when the
    address names no order)."""
    attributes = format_html(' class="{}"', css_class) if css_class else ""
    if not ordering:
        return format_html('<th scope="col"{}>{}</th>', attributes, label)
    params = context["request"].GET.copy()
    params.pop("page", None)
    current = params.get("ordering") or default
    params["ordering"] = f"-{ordering}" if current == ordering else ordering
    if params["ordering"] == default:
        del params["ordering"]
    state = {ordering: "ascending", f"-{ordering}": "descending"}.get(current)
    arrow = {"ascending": " ▲", "descending": " ▼"}.get(state, "")
    return format_html(
        '<th scope="col"{}{}><a class="sort" href="?{}">{}'
        '<span aria-hidden="true">{}</span></a></th>',
        attributes,
        format_html(' aria-sort="{}"', state) if state else "",
        params.urlencode(),
        label,
        arrow,
    )


register.filter("named", named)
register.filter("in_language", field_in_language)


@register.filter
def day_in_words(day) -> str:
    """One day as the page's language writes it: "4 March 2025", "2025년 3월 4일"."""
    return in_words(day, day)


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in the other languages, each named in its own language."""
    current = get_language() or settings.LANGUAGE_CODE
    request = context["request"]
    return {
        "languages": [
            {"code": code, "name": name, "url": in_language(request, code)}
            for code, name in settings.LANGUAGES
            if code != current
        ]
    }


def in_language(request, code: str) -> str:
    """This page's address in another language, reversed from the view the address resolved
    to, never copied from the address asked for: a path such as `//evil.example/` would
    otherwise become a link to another host. An address that resolved to no view (a 404)
    links to the home page in that language."""
    match = request.resolver_match
    with override(code):
        try:
            if match is None:
                raise NoReverseMatch
            path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            path = reverse("sites:home")
    query = request.GET.urlencode()
    return f"{path}?{query}" if query else path


# What a claim may differ from its record on (Claim.disagrees_with), as the page says it.
CLAIM_DIFFERENCES = {
    "date": pgettext_lazy("a claim differs from the record on", "date"),
    "leader present": pgettext_lazy("a claim differs from the record on", "leader present"),
}


@register.filter
def differences_in_words(differences: list[str]) -> str:
    """ "date and leader present", in the page's language."""
    words = [str(CLAIM_DIFFERENCES.get(name, name)) for name in differences]
    return get_text_list(words, gettext("and"))


@register.filter
def place_title(place) -> str:
    """A place as a heading or link names it: "Songchon County"; on Korean pages its hangul
    name, which carries its ending, with the English beside it ("성천군 (Songchon)")."""
    if korean_page() or place._meta.model_name != "county":
        return named(place)
    return f"{place.name} {place.kind.capitalize()}"


@register.filter
def event_place(event) -> str:
    """Where an event was: "Unsan, North Phyongan"; on Korean pages from the larger place to
    the smaller, as Korean writes it ("평안북도 운산군")."""
    if not korean_page():
        return event.place
    county = event.county if event.county_id else None
    province = event.province or (county.province if county else None)
    parts = [place.name_ko or place.name for place in (province, county) if place]
    if county is None and event.place_name:
        parts.append(event.place_name)
    return " ".join(parts) or gettext("place not named")
