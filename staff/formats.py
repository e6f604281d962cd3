"""The admin's spreadsheet formats: CSV and XLSX whose exported cells are never formulas.

Every text cell goes through the site's one formula rule (regiondev.api.renderers.as_text),
which the API's CSV uses too: wherever a spreadsheet could see a cell start with a formula's
first character, a ' keeps it text. django-import-export's own setting
(IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT) only strips a leading "=", altering the value and
missing "+", "-", "@", a leading tab and a formula after a separator.
"""

from import_export.formats import base_formats

from regiondev.api.renderers import as_text


class FormulaSafe:
    def export_data(self, dataset, **kwargs):
        for index, row in enumerate(dataset):
            dataset[index] = tuple(as_text(value) for value in row)
        return super().export_data(dataset, **kwargs)


class CSV(FormulaSafe, base_formats.CSV):
    pass


class XLSX(FormulaSafe, base_formats.XLSX):
    pass
