"""The parts every FilterSet is made of, shared by the API and the HTML list pages.

Conventions (the API schema shows each filter):
- a foreign key is filtered by id (`province_id`) or by slug (`province`); repeat the
  parameter to ask for several; an unknown id or slug is an error, not an empty list (`related`);
- other fields take one value, or several as a comma-separated `__in` list (`sector__in=a,b`);
- a value is checked as its model field would check it (`StrictFilterSet`);
- `ordering` offers indexed fields only, so every order stays fast on a large table.

`q`, through the one search rule, is declared beside the places: `sites.filters.SearchFilterSet`.
"""

import django_filters
from django import forms
from django.db import models
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

BIGINT_RANGE = {"min_value": -(2**63), "max_value": 2**63 - 1}


@extend_schema_field(
    {"type": "integer", "minimum": BIGINT_RANGE["min_value"], "maximum": BIGINT_RANGE["max_value"]}
)
class IntegerFilter(django_filters.Filter):
    """A whole number within the database's range (django-filter's NumberFilter takes decimals)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **{**BIGINT_RANGE, **kwargs})


class ListField(django_filters.fields.BaseCSVField):
    """A comma-separated list of one value or more; `x__in=` with nothing is no filter, as
    any empty parameter is."""

    def clean(self, value):
        if value == []:
            return None
        return super().clean(value)


class InFilter(django_filters.BaseInFilter):
    base_field_class = ListField


class IntegerInFilter(InFilter, IntegerFilter):
    pass


class ChoiceInFilter(InFilter, django_filters.ChoiceFilter):
    pass


class CharInFilter(InFilter, django_filters.CharFilter):
    pass


class SlugFilter(django_filters.CharFilter):
    field_class = forms.SlugField


class SlugInFilter(InFilter, SlugFilter):
    pass


class RawNullBooleanSelect(forms.NullBooleanSelect):
    """The usual select, handing the field the value as sent (the stock widget turns anything
    it does not know into "unknown")."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class StrictBooleanField(forms.NullBooleanField):
    """yes or no, true or false (a form's "unknown", or nothing, for either); anything else is
    an error."""

    widget = RawNullBooleanSelect

    def to_python(self, value):
        if value in (None, "", "unknown"):
            return None
        if value in (True, "true", "True", "1", "yes"):
            return True
        if value in (False, "false", "False", "0", "no"):
            return False
        raise forms.ValidationError(gettext_lazy("Say yes or no."), code="invalid")


class BooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class EmptyIgnoredMixin:
    """An empty value is no value, as for every other filter (a form's empty select)."""

    def clean(self, value):
        return super().clean([v for v in value or () if v not in ("", None)])


class SlugChoiceField(EmptyIgnoredMixin, django_filters.fields.ModelMultipleChoiceField):
    pass


class IdChoiceField(EmptyIgnoredMixin, django_filters.fields.ModelMultipleChoiceField):
    def _check_values(self, value):
        # An id no database integer can hold is refused before it reaches a query.
        for pk in value:
            try:
                in_range = BIGINT_RANGE["min_value"] <= int(pk) <= BIGINT_RANGE["max_value"]
            except (TypeError, ValueError):
                in_range = False
            if not in_range:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class IdsFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = IdChoiceField


@extend_schema_field(OpenApiTypes.STR)
class SlugsFilter(django_filters.ModelMultipleChoiceFilter):
    """Related records by slug (the schema cannot tell the type from the lookup path)."""

    field_class = SlugChoiceField


def related(model, field_name: str, *, by: str = "id", distinct: bool = False, label: str):
    """A repeatable filter on a related record by id or by slug; unknown values are refused."""
    filter_class = IdsFilter
    if by == "slug":
        field_name, filter_class = f"{field_name}__slug", SlugsFilter
    return filter_class(
        field_name=field_name,
        to_field_name=None if by == "id" else by,
        queryset=model.objects.all(),
        distinct=distinct,
        label=label,
        help_text=f"{label}; repeat the parameter for several.",
    )


class StrictFilterSet(django_filters.FilterSet):
    """A FilterSet whose generated filters refuse what their model field would refuse."""

    @classmethod
    def filter_for_lookup(cls, field, lookup_type):
        """Values are checked as the field would check them: a choice against the choices, a
        slug as a slug, text against its length, a flag as true or false."""
        if isinstance(field, models.BooleanField):
            return BooleanFilter, {}
        if field.choices:
            return (ChoiceInFilter if lookup_type == "in" else django_filters.ChoiceFilter), {
                "choices": field.choices
            }
        if isinstance(field, models.SlugField):
            return (SlugInFilter if lookup_type == "in" else SlugFilter), {
                "max_length": field.max_length
            }
        if isinstance(field, models.CharField):
            return (CharInFilter if lookup_type == "in" else django_filters.CharFilter), {
                "max_length": field.max_length
            }
        return super().filter_for_lookup(field, lookup_type)
