"""A record's related rows packed into one JSON column of the record's own query.

A page of fifty events, each with its factories and sources, reads in one query this way,
where prefetch_related would add a query per relation and per kind of event. On PostgreSQL a
packed column of a sorted, limited query is computed only for the rows kept.
"""

from django.db.models import Aggregate, JSONField, OuterRef, Subquery
from django.db.models.functions import JSONObject


class JSONList(Aggregate):
    """The group's values as one JSON array: SQLite's json_group_array, PostgreSQL's
    jsonb_agg."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def packed(queryset, link: str, fields: dict) -> Subquery:
    """The rows of `queryset` whose `link` is the outer row, as a JSON list of objects with
    `fields` (name: field path); None when there is none."""
    return Subquery(
        queryset.filter(**{link: OuterRef("pk")})
        .order_by()
        .values(link)
        .annotate(items=JSONList(JSONObject(**fields)))
        .values("items"),
        output_field=JSONField(),
    )


def fields_of(*names: str, prefix: str = "") -> dict:
    """{name: path} for `packed`, the paths under `prefix` (a relation, as `source__`)."""
    return {f"{prefix}{name}": f"{prefix}{name}" for name in names}


def unpack(model, items, **related) -> list:
    """Instances of `model` from packed items, each value read as its field reads it from the
    database; `related` names a relation packed under its prefix (source=Source for
    `source__title`, `source__id`...)."""
    instances = []
    for item in items or ():
        values, nested = {}, {name: {} for name in related}
        for key, value in item.items():
            name, _, rest = key.partition("__")
            if rest:
                nested[name][rest] = value
            else:
                values[key] = value
        instance = model(**read(model, values))
        for name, related_model in related.items():
            setattr(instance, name, related_model(**read(related_model, nested[name])))
        instances.append(instance)
    return instances


def read(model, values: dict) -> dict:
    """`values` as the model's fields hold them (JSON has no dates, SQLite no booleans)."""
    fields = {name: model._meta.get_field(name) for name in values}
    return {fields[name].attname: fields[name].to_python(value) for name, value in values.items()}
