"""Bulk import and export in the admin, shared by organisations and contact persons."""

import contextlib
import csv

import reversion
import tablib
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import SelectableFieldsExportForm

from .cells import neutralised, restored


def with_cells(dataset, change):
    """A copy of the dataset with `change` applied to every cell."""
    return tablib.Dataset(
        *[[change(cell) for cell in row] for row in dataset],
        headers=dataset.headers,
        title=dataset.title,
    )


class SafeCells:
    """
    A format whose exported text cells a spreadsheet never runs as formulas
    (editorial/cells.py), and whose import takes such cells back as they were.
    """

    def export_data(self, dataset, **kwargs):
        return super().export_data(with_cells(dataset, neutralised), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return with_cells(super().create_dataset(in_stream, **kwargs), restored)


class SpreadsheetCSV(SafeCells, CSV):
    """CSV as spreadsheets save it: German Excel separates the columns by semicolons."""

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.decode(self.encoding or "utf-8-sig")
        header = in_stream.partition("\n")[0]
        # A header the sniffer cannot read (a single column) is read with tablib's comma.
        with contextlib.suppress(csv.Error):
            kwargs.setdefault("delimiter", csv.Sniffer().sniff(header, ",;\t").delimiter)
        return super().create_dataset(in_stream, **kwargs)


class SpreadsheetXLSX(SafeCells, XLSX):
    pass


class DirectoryExportForm(SelectableFieldsExportForm):
    """The export's choice of columns, named as the admin names the fields."""

    def _get_field_label(self, resource, field_name):
        return resource.column_label(resource.fields[field_name])


class DirectoryImportExportMixin(ImportExportMixin):
    """
    CSV and XLSX import with a preview, and export. Rows are checked in the preview; a file
    with a bad row cannot be confirmed. If a row turns bad between preview and confirmation,
    the resource rolls the whole import back, and the editor is told so instead of being
    told the import succeeded.
    """

    import_formats = [SpreadsheetCSV, SpreadsheetXLSX]
    # The export writes tablib's comma-separated CSV; the import reads it as well.
    export_formats = [SpreadsheetCSV, SpreadsheetXLSX]
    export_form_class = DirectoryExportForm

    def process_dataset(self, dataset, form, request, **kwargs):
        # The confirmed import is one revision in the entries' history, as a save in the
        # admin is, so an imported entry can be compared, restored and recovered too. A
        # rolled-back import leaves none: reversion keeps only versions of rows that exist.
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(
                _("Importiert aus der Datei „%(file)s“.")
                % {"file": form.cleaned_data["original_file_name"]}
            )
            return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                _(
                    "Nichts wurde importiert: Seit der Vorschau hat sich etwas geändert, "
                    "das die Datei nicht mehr erlaubt. Bitte die Datei erneut hochladen, "
                    "die Vorschau zeigt dann die fehlerhaften Zeilen."
                ),
            )
            return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_import")
        return super().process_result(result, request)
