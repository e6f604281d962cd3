"""The list pages' machinery on the API's FilterSets: the few filters a page's form offers,
the active filters in words, pages, and the same list as CSV from the API.

The list pages of every app use it; the events page, a list of two FilterSets, takes the parts
it needs.
"""

from urllib.parse import urlencode

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django_filters.views import FilterView

from regiondev.filters import StrictBooleanField


def korean_page() -> bool:
    return (get_language() or "").startswith("ko")


def named(record) -> str:
    """A record's name as a reader of the page's language looks for it: on Korean pages a
    place's hangul name first, the English one after it, where the record has a hangul name;
    a factory by its Korean name alone (its English name is a description, not a name)."""
    if not korean_page():
        return record.name
    if hasattr(record, "display_name_ko"):
        return record.display_name_ko or record.name
    name_ko = getattr(record, "name_ko", "")
    return f"{name_ko} ({record.name})" if name_ko else record.name


def in_language(record, field: str) -> str:
    """`record.<field>_ko` on Korean pages where it has one, else `record.<field>`."""
    korean = getattr(record, f"{field}_ko", "") if korean_page() else ""
    return korean or getattr(record, field)


class SingleSelect(forms.SelectMultiple):
    """Shows a repeatable filter as a plain drop-down; the URL may still repeat it."""

    allow_multiple_selected = False


class YesNoSelect(forms.Select):
    """A flag as a drop-down of yes and no, showing the value the URL gave in any spelling the
    filter takes (`yes`, `true`, `1`)."""

    def format_value(self, value):
        try:
            flag = StrictBooleanField().to_python(value)
        except forms.ValidationError:
            return [""]
        return [{True: "yes", False: "no"}.get(flag, "")]


def usable(filterset) -> bool:
    """Whether the FilterSet's list is the one asked for: no filters, or valid ones."""
    return not filterset.is_bound or filterset.is_valid()


def blank_free(params: QueryDict, *, drop=("page",)) -> QueryDict:
    """The query without empty values, so an untouched form field filters nothing."""
    kept = QueryDict(mutable=True)
    for name, values in params.lists():
        if name not in drop:
            kept.setlist(name, [value for value in values if value.strip()])
    for name in [name for name, values in kept.lists() if not values]:
        del kept[name]
    return kept


def describe(field, cleaned, raw: list[str]) -> str:
    """A filter's value in words, as its form field knows it."""
    if isinstance(cleaned, QuerySet):
        return ", ".join(str(item) for item in cleaned) or ", ".join(raw)
    if isinstance(cleaned, bool):
        return _("yes") if cleaned else _("no")
    choices = dict(getattr(field, "choices", None) or [])
    return ", ".join(str(choices.get(value, value)) for value in raw)


def active_filters(params: QueryDict, *forms_in_order) -> list[dict]:
    """Each filter in use, in words, with the address of the same list without it.

    A parameter is described by the first form that knows it; unknown ones are ignored.
    """
    active = []
    for name in params:
        form = next((form for form in forms_in_order if name in form.fields), None)
        if form is None:
            continue
        field = form.fields[name]
        without = params.copy()
        del without[name]
        cleaned = getattr(form, "cleaned_data", {})
        active.append(
            {
                "label": page_label(field, name),
                "value": describe(field, cleaned.get(name), params.getlist(name)),
                "remove_url": f"?{without.urlencode()}",
            }
        )
    return active


def page_label(field, name: str) -> str:
    """A filter's label for people: the API's "(slug)" and "(id)" say nothing to them."""
    label = str(field.label or name.replace("_", " ").capitalize())
    return _(label.removesuffix(" (slug)").removesuffix(" (id)"))


# The filter labels the list pages show, for the catalogue: the FilterSets are the API's and
# keep its English; page_label() translates them on the page.
PAGE_LABELS = (
    gettext_noop("Search"),
    gettext_noop("Province"),
    gettext_noop("County"),
    gettext_noop("Factory"),
    gettext_noop("Source"),
    gettext_noop("Kind"),
    gettext_noop("Programme year"),
    gettext_noop("In the programme"),
    gettext_noop("Status"),
    gettext_noop("Sector"),
    gettext_noop("Leader present"),
    gettext_noop("Publisher"),
    gettext_noop("Language"),
    gettext_noop("From"),
    gettext_noop("Until"),
    gettext_noop("Order"),
    gettext_noop("Ordering"),
    gettext_noop("County programme year"),
    gettext_noop("Published upper is greater than or equal to"),
    gettext_noop("Published lower is less than or equal to"),
)


def shown_fields(filterset, names: list[str]) -> list:
    """The few filters the page's form offers; every other filter still works in the URL."""
    form = filterset.form
    bound_fields = []
    for name in names:
        field = form.fields[name]
        field.help_text = ""  # the API's help speaks of parameters; the form speaks for itself
        if isinstance(field, forms.ModelChoiceField):
            field.label_from_instance = named  # hangul first on Korean pages
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.widget = SingleSelect(choices=field.widget.choices)
        elif isinstance(field, forms.NullBooleanField):
            field.widget = YesNoSelect(
                choices=[("", _("either")), ("yes", _("yes")), ("no", _("no"))]
            )
        elif isinstance(field, forms.DateField):
            field.widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
        if hasattr(field, "empty_label"):
            field.empty_label = _("any")
            field.widget.choices = list(iter(field.choices))  # iter(): no COUNT query first
        bound = form[name]
        # Set on the bound field: validation may already have made and cached it.
        bound.label = page_label(field, name)
        bound_fields.append(bound)
    return bound_fields


class FilteredListView(FilterView):
    """A list page on the API's FilterSet: a short form, the active filters, pages, CSV."""

    paginate_by = 50
    api_list = ""  # the URL name of the same list in the API
    shown_filters: list[str] = []

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        self.params = blank_free(self.request.GET)
        kwargs["data"] = self.params or None
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filter_fields"] = shown_fields(self.filterset, self.shown_filters)
        context["active_filters"] = active_filters(self.params, self.filterset.form)
        valid = usable(self.filterset)
        context["filter_errors"] = unshown_errors(self.filterset.form.errors, self.shown_filters)
        context["csv_links"] = (
            [(_("this list"), csv_url(self.api_list, self.params))] if valid else []
        )
        return context


def unshown_errors(errors: dict, shown: list[str]) -> dict:
    """Errors in filters given in the URL but not in the form, which would otherwise hide."""
    return {name: messages for name, messages in errors.items() if name not in shown}


def csv_url(api_list: str, params: QueryDict) -> str:
    """The API's list of the same records, with the same filters, as CSV."""
    query = urlencode([*params.lists(), ("format", "csv")], doseq=True)
    return f"{reverse(api_list)}?{query}"
