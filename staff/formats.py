"""The admin's spreadsheet formats: CSV and XLSX whose exported cells are never formulas.

A text cell beginning with a formula's first character (the API's CSV rule,
regiondev.api.renderers.FORMULA_STARTS) is written with a leading apostrophe, so a
spreadsheet shows it as text instead of running it. django-import-export's own setting
(IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT) only strips a leading "=", altering the value and
missing "+", "-", "@" and a leading tab.
"""

from import_export.formats import base_formats

from regiondev.api.renderers import FORMULA_STARTS


def as_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafe:
    def export_data(self, dataset, **kwargs):
        for index, row in enumerate(dataset):
            dataset[index] = tuple(as_text(value) for value in row)
        return super().export_data(dataset, **kwargs)


class CSV(FormulaSafe, base_formats.CSV):
    pass


class XLSX(FormulaSafe, base_formats.XLSX):
    pass
