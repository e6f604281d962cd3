"""Serializer pieces every endpoint shares.

Writes go through the model's own validation (`full_clean()`, as the admin's forms do), so
the API refuses exactly what the admin refuses, with the same words, field by field; and a
write is one transaction, so nothing is ever half-saved.
"""

from functools import cached_property

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings


def strict(field_class, *types):
    """`field_class` taking only JSON values of `types`: DRF also takes "2024" for a number,
    1 for a text and "yes" for a flag, which the schema does not promise."""

    class Strict(field_class):
        def to_internal_value(self, data):
            if not isinstance(data, types) or (isinstance(data, bool) and bool not in types):
                self.fail("invalid")
            return super().to_internal_value(data)

    Strict.__name__ = Strict.__qualname__ = f"Strict{field_class.__name__}"
    return Strict


def strict_mapping(mapping: dict) -> dict:
    types = [
        (serializers.BooleanField, (bool,)),
        (serializers.CharField, (str,)),
        (serializers.IntegerField, (int,)),
        (serializers.DecimalField, (int, float)),
        (serializers.FloatField, (int, float)),
    ]
    strict_mapping = {}
    for model_field, field in mapping.items():
        accepted = next((t for base, t in types if issubclass(field, base)), None)
        strict_mapping[model_field] = strict(field, *accepted) if accepted else field
    return strict_mapping


class RecordURLField(serializers.HyperlinkedIdentityField):
    """The record's address in the API, without the `?format=` the request may carry."""

    def get_url(self, obj, view_name, request, format):
        path = reverse(view_name, args=[getattr(obj, self.lookup_field)])
        return request.build_absolute_uri(path) if request else path


@extend_schema_field(OpenApiTypes.URI)
class PageURLField(serializers.Field):
    """The record's page for people (its `get_absolute_url()`), as an absolute URL."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        path = obj.get_absolute_url()
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class BriefRelatedField(serializers.SlugRelatedField):
    """Reads as a brief object (id, slug, name, url); writes as the slug (or id)."""

    def __init__(self, brief, slug_field="slug", **kwargs):
        self.brief = brief
        super().__init__(slug_field=slug_field, **kwargs)
        if self.queryset is not None:
            name = self.queryset.model._meta.verbose_name
            self.error_messages["does_not_exist"] = (
                f"Unknown {name} “{{value}}”: no {name} has this {slug_field}."
            )

    @cached_property
    def brief_serializer(self):
        # One for the whole list: a serializer made per row builds its fields per row, which
        # was most of the time a list of counties took.
        return self.brief(context=self.context)

    def to_representation(self, obj):
        return self.brief_serializer.to_representation(obj)

    def get_choices(self, cutoff=None):
        # The browsable API's form: the value a client writes (the slug or id), not the brief.
        queryset = self.get_queryset()
        if queryset is None:
            return {}
        if cutoff is not None:
            queryset = queryset[:cutoff]
        return {getattr(item, self.slug_field): self.display_value(item) for item in queryset}

    def to_internal_value(self, data):
        # A slug is text; an id is a whole number (digits, when it comes from a form).
        if self.slug_field == "pk":
            valid = (isinstance(data, int) and not isinstance(data, bool)) or (
                isinstance(data, str) and data.isascii() and data.isdigit()
            )
        else:
            valid = isinstance(data, str)
        if not valid:
            self.fail("invalid")
        return super().to_internal_value(data)


class BriefRelatedFieldSchema(OpenApiSerializerFieldExtension):
    target_class = BriefRelatedField

    def map_serializer_field(self, auto_schema, direction):
        if direction == "response":
            return auto_schema.resolve_serializer(self.target.brief, direction).ref
        if self.target.slug_field == "pk":
            return {"type": "integer", "description": "The id."}
        return {"type": "string", "description": "The slug."}


class LinkField(strict(serializers.URLField, str)):
    """A web address, or null for none (stored as an empty text)."""

    def __init__(self, **kwargs):
        super().__init__(source="url", allow_null=True, max_length=500, **kwargs)

    def run_validation(self, data=serializers.empty):
        if data is None:
            return ""
        return super().run_validation(data)

    def to_representation(self, value):
        return value or None


class ValidatedModelSerializer(serializers.ModelSerializer):
    """Validates with the model's `full_clean()` and saves in one transaction."""

    serializer_field_mapping = strict_mapping(serializers.ModelSerializer.serializer_field_mapping)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        model = self.Meta.model
        many = {field.name for field in model._meta.many_to_many}
        instance = self.instance if self.instance is not None else model()
        for name, value in attrs.items():
            if name not in many:
                setattr(instance, name, value)
        written = {field.source for field in self._writable_fields}
        if self.partial:  # a PATCH leaves the other fields as they were validated before
            written &= set(attrs)
        unwritten = [
            field.name for field in model._meta.concrete_fields if field.name not in written
        ]
        try:
            instance.full_clean(exclude=unwritten)
            self.validate_instance(instance, attrs)
        except DjangoValidationError as error:
            raise serializers.ValidationError(self.field_errors(error)) from error
        return attrs

    def validate_instance(self, instance, attrs) -> None:
        """Rules that span records, checked on the cleaned instance; raise ValidationError."""

    def field_errors(self, error: DjangoValidationError) -> dict:
        """Django's errors under the serializer's field names."""
        names = {field.source: name for name, field in self.fields.items()}
        if not hasattr(error, "error_dict"):
            return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}
        return {
            api_settings.NON_FIELD_ERRORS_KEY
            if key == NON_FIELD_ERRORS
            else names.get(key, key): messages
            for key, messages in error.message_dict.items()
        }

    def save(self, **kwargs):
        try:
            with transaction.atomic():
                return super().save(**kwargs)
        except IntegrityError as error:
            # Validation checks every constraint first; this is a concurrent write's clash.
            raise serializers.ValidationError(
                {api_settings.NON_FIELD_ERRORS_KEY: [self.constraint_message(error)]}
            ) from error

    def constraint_message(self, error: IntegrityError) -> str:
        for constraint in self.Meta.model._meta.constraints:
            if constraint.name in str(error):
                return str(constraint.violation_error_message)
        return "This change conflicts with another record; reload it and try again."


class ServiceSerializer(ValidatedModelSerializer):
    """Writes through the app's service (`services.py`), which checks the record together with
    the records it connects to and saves it with its relations in one transaction.

    The check validates (once): the save writes what it passed with the service's
    `save_checked`. A subclass names the service's `check` and `save_checked` functions (as
    staticmethods), the keyword they take the record by, and the model fields they are given.
    """

    record_argument = ""
    service_fields: tuple[str, ...] = ()

    def service_values(self, attrs: dict) -> dict:
        """What the record will be: the values written, and for a PATCH the others it has."""
        values = {}
        many = {field.name for field in self.Meta.model._meta.many_to_many}
        for name in self.service_fields:
            if name in attrs:
                values[name] = attrs[name]
            elif self.instance is not None:
                value = getattr(self.instance, name)
                values[name] = list(value.all()) if name in many else value
        return values

    def validate(self, attrs):
        attrs = serializers.ModelSerializer.validate(self, attrs)
        try:
            self.checked = self.check(
                **{self.record_argument: self.instance}, **self.service_values(attrs)
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(self.field_errors(error)) from error
        return attrs

    def create(self, validated_data):
        return self.save_checked(self.checked)

    def update(self, instance, validated_data):
        return self.save_checked(self.checked)


class DateRange(serializers.Serializer):
    shortest = serializers.IntegerField(help_text="Fewest days the dates allow.")
    longest = serializers.IntegerField(help_text="Most days the dates allow.")
    text = serializers.CharField(help_text="In words, e.g. “295–303 days”.")

    def to_representation(self, instance):
        return {"shortest": instance.shortest, "longest": instance.longest, "text": str(instance)}
