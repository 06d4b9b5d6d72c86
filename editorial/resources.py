"""
What the spreadsheet import of every kind of entry shares.

An import only adds entries. A row whose slug or name exists already is refused, so an
import can never overwrite what an editor changed in the admin. One bad row refuses the
whole file: the rows are written in one transaction, which is rolled back on any error.
"""

import functools
from decimal import InvalidOperation
from typing import NamedTuple

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from .models import Status


def quoted(values):
    return ", ".join(f"„{value}“" for value in values)


class SlugForeignKeyWidget(widgets.ForeignKeyWidget):
    """A related row named by its slug; an unknown slug is a bad row, not a crash."""

    def __init__(self, model, **kwargs):
        super().__init__(model, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("Diese %(model)s gibt es nicht: %(values)s.")
                % {"model": self.model._meta.verbose_name, "values": quoted([value])}
            ) from None


class SlugsWidget(widgets.ManyToManyWidget):
    """Related rows named by their slugs, separated by commas; all of them must exist."""

    def __init__(self, model, **kwargs):
        super().__init__(model, field="slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        related = super().clean(value, row, **kwargs)
        if value:
            slugs = {slug.strip() for slug in str(value).split(self.separator) if slug.strip()}
            unknown = sorted(slugs - set(related.values_list("slug", flat=True)))
            if unknown:
                raise ValueError(
                    _("Diese %(model)s gibt es nicht: %(values)s.")
                    % {"model": self.model._meta.verbose_name_plural, "values": quoted(unknown)}
                )
        return related


class WholeNumberWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except (ValueError, InvalidOperation):
            raise ValueError(_("„%(value)s“ ist keine ganze Zahl.") % {"value": value}) from None


class YesNoWidget(widgets.BooleanWidget):
    """1/0, true/false or ja/nein; anything else is a bad row rather than a silent "no"."""

    TRUE_VALUES = [*widgets.BooleanWidget.TRUE_VALUES, "ja", "Ja", "JA"]
    FALSE_VALUES = [*widgets.BooleanWidget.FALSE_VALUES, "nein", "Nein", "NEIN"]

    def clean(self, value, row=None, **kwargs):
        if value not in self.NULL_VALUES + self.TRUE_VALUES + self.FALSE_VALUES:
            raise ValueError(_("„%(value)s“ ist weder ja (1) noch nein (0).") % {"value": value})
        return super().clean(value, row, **kwargs)


class RowProblem(NamedTuple):
    """What is wrong in one cell of a bad row, as the import page writes it out."""

    field: str  # the field's German name; empty for a problem of the whole row
    value: str  # the cell as the file has it
    reasons: list


class DirectoryResource(resources.ModelResource):
    """What the import of every kind of entry shares: add only, all rows or none."""

    # Related rows by slug, and strict numbers and yes/no, for every field of these types.
    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "BooleanField": YesNoWidget,
        "PositiveIntegerField": WholeNumberWidget,
        "PositiveSmallIntegerField": WholeNumberWidget,
    }

    # A blank status in the file means the default: the entry stays a draft until published.
    status = fields.Field(attribute="status", column_name="status", default=Status.DRAFT)

    class Meta:
        # Every row is a new entry (see the module docstring); the file must name its slug.
        force_init_instance = True
        import_id_fields = ["slug"]
        # Related rows are named by their natural key, the slug (SlugForeignKeyWidget),
        # not by their database id.
        use_natural_foreign_keys = True
        # The model's own checks, so a row is refused with the admin's messages.
        clean_model_instances = True
        # Rows are written inside one transaction even in the preview, so a slug given
        # twice in one file is found there already.
        use_transactions = True

    @classmethod
    def column_label(cls, field):
        """
        What the admin calls a column: the model field's German name, as on the change form.
        The file itself keeps the field names ("category") as its header row.
        """
        try:
            return capfirst(cls._meta.model._meta.get_field(field.attribute).verbose_name)
        except FieldDoesNotExist:
            return field.column_name

    @classmethod
    def get_fk_widget(cls, field):
        return functools.partial(SlugForeignKeyWidget, field.related_model)

    @classmethod
    def get_m2m_widget(cls, field):
        return functools.partial(SlugsWidget, field.related_model)

    def import_instance(self, instance, row, **kwargs):
        # django-import-export sets many-to-many fields only after saving and does not
        # check them before; check them here, so an unknown slug is listed with the row.
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = ValidationError(str(error), code="invalid")
        if errors:
            raise ValidationError(errors)

    def import_data(self, dataset, **kwargs):
        # A row that became invalid between preview and confirmation (another editor added
        # the same slug meanwhile) must roll back the rows before it too.
        kwargs["rollback_on_validation_errors"] = True
        result = super().import_data(dataset, **kwargs)
        for row in result.invalid_rows:
            row.problems = self.row_problems(row, result.diff_headers)
        # The preview's column headers in German. Only now: reading the rows and their
        # problems looks the values up by these headers, which must be the file's until then.
        result.diff_headers = [self.column_label(field) for field in self.get_import_fields()]
        return result

    def row_problems(self, invalid_row, headers):
        """
        The errors of a bad row by field: the field's German name and the cell's value, which
        django-import-export's page shows only as an attribute name and a column far away.
        """
        cells = dict(zip(headers, invalid_row.values, strict=True))
        columns = {field.attribute: field.column_name for field in self.get_import_fields()}
        problems = []
        for name, reasons in invalid_row.error_dict.items():
            if name == NON_FIELD_ERRORS:
                problems.append(RowProblem("", "", reasons))
                continue
            try:
                label = capfirst(self._meta.model._meta.get_field(name).verbose_name)
            except FieldDoesNotExist:
                label = columns.get(name, name)
            value = cells.get(columns.get(name), "")
            # django-import-export fills a column the file lacks with "---".
            value = "" if value in (None, "---") else str(value)
            problems.append(RowProblem(label, value, reasons))
        return problems
