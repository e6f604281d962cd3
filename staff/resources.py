"""What every import/export resource shares (staff/place_resources.py, staff/event_resources.py).

Places are matched by slug and events and sources by id; related records are written as
their slugs or ids, several joined by ";". A place or factory may also be written by any
spelling the search rule accepts ("Unpha", "Sukchon County"); one that could name several is
refused with the candidates listed (sites.search.find_named). Each row is checked by the model's own
`full_clean()`, an unknown slug or id is an error on its column, and one bad row rolls the
whole file back. Derived values are exported for reading and ignored on import.
"""

from django.core.exceptions import ValidationError
from import_export import fields, instance_loaders, resources, widgets

from regiondev.batch import Batch, Row
from sites.search import find_named

SEPARATOR = ";"


def _by_name(model, field: str) -> bool:
    """Places and factories are found by slug or by any spelling; other records by their key."""
    return field == "slug" and any(f.name == "search_keys" for f in model._meta.fields)


class Remembered:
    """A widget that looks each distinct cell up once per import: a file of 20,000 rows names
    a few dozen counties. A resource deep-copies its fields, so what is remembered lasts one
    import, in which the records looked up do not change (an import writes other models)."""

    def found(self, key: str):
        """The record or records `key` names, or ValueError saying why there are none."""
        remembered = self.__dict__.setdefault("_remembered", {})
        if key not in remembered:
            try:
                remembered[key] = self.look_up(key)
            except ValueError as error:
                remembered[key] = Refusal(str(error))
        if isinstance(remembered[key], Refusal):
            raise ValueError(remembered[key])
        return remembered[key]


class Refusal(str):
    """Why a key names no record, remembered as words: a fresh error is raised each time."""


class KeyWidget(Remembered, widgets.ForeignKeyWidget):
    """A foreign key written as the related record's slug, name or id; refused in words."""

    def clean(self, value, row=None, **kwargs):
        key = str(value).strip() if value is not None else ""
        return self.found(key) if key else None

    def look_up(self, key: str):
        if _by_name(self.model, self.field):
            try:
                return find_named(self.model.objects.all(), key, noun=self.model._meta.verbose_name)
            except ValidationError as error:
                raise ValueError(error.messages[0]) from None
        try:
            return self.model.objects.get(**{self.field: key})
        except (self.model.DoesNotExist, ValueError, TypeError):
            raise ValueError(
                f"There is no {self.model._meta.verbose_name} with the {self.field} “{key}”."
            ) from None


class KeysWidget(Remembered, widgets.ManyToManyWidget):
    """Related records as ";"-joined slugs, names or ids; every one must exist."""

    def __init__(self, model, field="id"):
        super().__init__(model, separator=SEPARATOR, field=field)

    def clean(self, value, row=None, **kwargs):
        """The records, as a list."""
        return self.found(str(value or "").strip())

    def look_up(self, value: str) -> list:
        keys = [key.strip() for key in value.split(self.separator) if key.strip()]
        if not keys:
            return []
        if _by_name(self.model, self.field):
            found, problems = [], []
            for key in keys:
                try:
                    found.append(
                        find_named(
                            self.model.objects.all(), key, noun=self.model._meta.verbose_name
                        )
                    )
                except ValidationError as error:
                    problems.extend(error.messages)
            if problems:
                raise ValueError(" ".join(problems))
            return list({record.pk: record for record in found}.values())
        if self.field in ("pk", "id") and not all(key.isdigit() for key in keys):
            raise ValueError(f"Write {self.model._meta.verbose_name_plural} by their ids.")
        found = self.model.objects.filter(**{f"{self.field}__in": keys})
        missing = sorted(set(keys) - {str(getattr(obj, self.field)) for obj in found})
        if missing:
            names = ", ".join(f"“{key}”" for key in missing)
            raise ValueError(
                f"There is no {self.model._meta.verbose_name} with the {self.field} {names}."
            )
        return list(found)

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        related = sorted(value.all(), key=lambda obj: obj.pk)
        return self.separator.join(str(getattr(obj, self.field)) for obj in related)


class WordedNumber:
    """A number cell that is not a number is refused in words (the decimal module's own
    error reads `[<class 'decimal.ConversionSyntax'>]`)."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except ArithmeticError:
            raise ValueError(f"“{value}” is not {self.expected}.") from None


class IntegerWidget(WordedNumber, widgets.IntegerWidget):
    expected = "a whole number"


class DecimalWidget(WordedNumber, widgets.DecimalWidget):
    expected = "a number"


class NoDiff:
    """django-import-export's diff of each row, which exports every field of the row twice,
    for a page no one is shown: the job shows totals and refusals, never a row's diff."""

    def __init__(self, resource, instance, new):
        pass

    def compare_with(self, resource, instance):
        pass

    def as_html(self):
        return []


class RecordsOfTheFile(instance_loaders.ModelInstanceLoader):
    """The records a file's rows name by their key, read in one query rather than one a row.
    A key that cannot be read is left to its row, which is refused saying why."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.key = self.resource.fields[self.resource.get_import_id_fields()[0]]
        keys = set()
        for row in self.dataset.dict if self.key.column_name in self.dataset.headers else []:
            try:
                keys.add(self.key.clean(row))
            except ValueError:
                continue
        keys.discard(None)
        found = self.get_queryset().filter(**{f"{self.key.attribute}__in": keys})
        self.records = {self.key.get_value(record): record for record in found}

    def get_instance(self, row):
        return self.records.get(self.key.clean(row))


def key_field(name: str, model, key: str = "slug") -> fields.Field:
    return fields.Field(attribute=name, column_name=name, widget=KeyWidget(model, key))


def keys_field(name: str, model, key: str = "id") -> fields.Field:
    return fields.Field(attribute=name, column_name=name, widget=KeysWidget(model, key))


def derived_field(name: str) -> fields.Field:
    """A value the record derives itself: exported for reading, never imported."""
    return fields.Field(attribute=name, column_name=name, readonly=True)


class RecordResource(resources.ModelResource):
    """Validation by the model, one transaction per file, unchanged rows skipped.

    The records a file names are read in one query (RecordsOfTheFile), and a preview
    (dry run) writes nothing: each row is checked as its save would check it, and a record
    given two rows is refused. Where a row depends on the rows before it (a slug they took,
    a milestone they gave), the service's batch says so (ServiceResource), so that the
    preview says what the import will do.
    """

    # Related records an export reads for every row: fetched together, not row by row.
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()

    class Meta:
        clean_model_instances = True
        use_transactions = True
        skip_unchanged = True
        report_skipped = True
        instance_loader_class = RecordsOfTheFile

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        # Text columns read an empty spreadsheet cell as "", as they do for CharField.
        if f.get_internal_type() == "TextField":
            return widgets.CharWidget
        widget = super().widget_from_django_field(f, default)
        return {widgets.IntegerWidget: IntegerWidget, widgets.DecimalWidget: DecimalWidget}.get(
            widget, widget
        )

    def get_user_visible_fields(self):
        # The columns the import page says it reads: not the derived ones.
        return [field for field in super().get_user_visible_fields() if not field.readonly]

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related(*self.select_related).prefetch_related(
            *self.prefetch_related
        )

    def import_data(self, dataset, *args, rollback_on_validation_errors=True, **kwargs):
        # One invalid row writes nothing, whoever calls the import.
        return super().import_data(
            dataset, *args, rollback_on_validation_errors=rollback_on_validation_errors, **kwargs
        )

    def import_data_inner(self, dataset, dry_run, raise_errors, using_transactions, *args, **kw):
        # A preview writes nothing, so its rows need no savepoint each, which cost two round
        # trips a row (20,000 rows: 40,000 queries, two thirds of the check's time); the
        # whole preview stays one transaction, rolled back.
        using_transactions = using_transactions and not dry_run
        return super().import_data_inner(
            dataset, dry_run, raise_errors, using_transactions, *args, **kw
        )

    def import_instance(self, instance, row, **kwargs):
        """Check the many-to-many columns too, before the row is saved rather than after."""
        errors = self.repeated_key(row, kwargs.get("row_number"))
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance._imported_relations = {}
        for field in self.get_import_fields():
            if not isinstance(field.widget, widgets.ManyToManyWidget):
                continue
            if field.column_name not in row:
                continue
            try:
                instance._imported_relations[field.attribute] = list(field.clean(row))
            except ValueError as error:
                errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def get_diff_class(self):
        return NoDiff

    def repeated_key(self, row, number) -> dict:
        """An error on the key's column when an earlier row of the file gives the same key."""
        rows_of_key = self.__dict__.setdefault("_rows_of_key", {})
        errors = {}
        for field in self.get_import_id_fields():
            key = str(row.get(self.fields[field].column_name) or "").strip()
            if not key:
                continue
            if (field, key) in rows_of_key:
                errors[self.fields[field].attribute] = ValidationError(
                    "Row %(row)s gives this %(field)s too: give each record one row.",
                    code="repeated",
                    params={"row": rows_of_key[field, key], "field": field},
                )
            else:
                rows_of_key[field, key] = number
        return errors

    def save_instance(self, instance, is_create, row, **kwargs):
        if not self._is_dry_run(kwargs):
            super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        if not self._is_dry_run(kwargs):
            super().save_m2m(instance, row, **kwargs)

    def before_save_instance(self, instance, row, **kwargs):
        file_name = kwargs.get("file_name")
        instance._change_reason = f"Imported from {file_name}"[:100] if file_name else "Imported"
        if kwargs.get("user") is not None:
            instance._history_user = kwargs["user"]


class ServiceResource(RecordResource):
    """Rows written through the app's service (events/services.py, sites/services.py): it
    checks them, rules across records included, and saves the record with its relations.

    A subclass names the service's `check` and `save` functions (as staticmethods), the
    keyword they take the record by, and the relations they set. The rows of a file are one
    batch (regiondev.batch): what they need is read once, and each row is checked against
    what the rows before it did. A preview checks each row, an import saves it, which checks
    it the same way: one validation per row, and the same refusals in both.
    """

    record_argument = ""
    relations: tuple[str, ...] = ()

    def import_data(self, dataset, dry_run=False, *args, **kwargs):
        self.batch, self.previewing = Batch(), dry_run
        return super().import_data(dataset, dry_run, *args, **kwargs)

    def before_import(self, dataset, **kwargs):
        self.prepare(dataset)

    def prepare(self, dataset) -> None:
        """Read at once what the file's rows will ask of the database (a subclass's own)."""

    def before_import_row(self, row, **kwargs):
        self.batch.row = Row(kwargs["row_number"])

    def service_values(self, instance) -> dict:
        imported = getattr(instance, "_imported_relations", {})
        values = {
            # None for a required place its column could not name (the column says why).
            field.attribute: getattr(instance, field.attribute, None)
            for field in self.get_import_fields()
            if field.attribute
            and not field.readonly
            and field.attribute not in ("id", *self.relations)
        }
        for name in self.relations:
            if name in imported:
                values[name] = imported[name]
            else:
                values[name] = list(getattr(instance, name).all()) if instance.pk else []
        return {self.record_argument: instance, **values, "batch": self.batch}

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """A preview's check; in an import, the save checks a row its columns could read."""
        errors = dict(import_validation_errors or {})
        if not errors and not self.previewing:
            return
        try:
            self.check(**self.service_values(instance))
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                # A column its widget could not read already says why.
                errors.setdefault(field, messages)
        if errors:
            raise ValidationError(errors)

    def do_instance_save(self, instance, is_create):
        self.save(**self.service_values(instance))

    def save_m2m(self, instance, row, **kwargs):
        """The service has set the relations with the record."""
