import csv

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from contacts.models import ContactRole
from organisations.models import Category, LegalForm, Organisation, Relation

from .metadata import (
    CSV_DIALECT,
    GermanExcel,
    Links,
    datapackage,
    dcat_dataset,
    json_meta,
    json_schema,
)
from .models import DatasetPublication
from .records import CSV_SEPARATOR, FIELDS, csv_row, record
from .selection import CHANGED_SINCE, Selection

JSON_DUMPS_PARAMS = {"ensure_ascii": False, "indent": 2}


class ExportView(View):
    """The entries of the list, filtered as the list filters them, as a file."""

    queryset = Organisation.objects.published().entries().with_related()
    filename = None
    as_attachment = False

    def get(self, request, *args, **kwargs):
        try:
            selection = Selection(request.GET, self.queryset)
        except ValidationError as error:
            return self.invalid(error.messages)
        links = Links(request)
        records = [record(organisation, links.absolute) for organisation in selection.organisations]
        response = self.render(selection, records, links)
        response["Content-Disposition"] = content_disposition_header(
            self.as_attachment, str(self.filename)
        )
        return response

    def invalid(self, messages):
        return HttpResponseBadRequest("\n".join(messages), content_type="text/plain; charset=utf-8")


class CsvExportView(ExportView):
    filename = _("organisationen.csv")
    as_attachment = True

    def render(self, selection, records, links):
        response = HttpResponse(content_type="text/csv; charset=utf-8; header=present")
        # The byte order mark tells Excel the file is UTF-8.
        response.write("\ufeff")
        writer = csv.writer(response, dialect=GermanExcel)
        writer.writerow([field.name for field in FIELDS])
        writer.writerows(csv_row(row) for row in records)
        return response


class JsonExportView(ExportView):
    filename = _("organisationen.json")

    def render(self, selection, records, links):
        meta = json_meta(
            DatasetPublication.objects.current(), links, selection, timezone.now(), len(records)
        )
        return JsonResponse(
            {"meta": meta, "organisations": records}, json_dumps_params=JSON_DUMPS_PARAMS
        )

    def invalid(self, messages):
        return JsonResponse({"error": messages}, status=400, json_dumps_params=JSON_DUMPS_PARAMS)


class JsonSchemaView(View):
    def get(self, request):
        return JsonResponse(
            json_schema(Links(request)),
            content_type="application/schema+json",
            json_dumps_params=JSON_DUMPS_PARAMS,
        )


class DataPackageView(View):
    def get(self, request):
        publication = DatasetPublication.objects.current()
        return JsonResponse(
            datapackage(publication, Links(request)), json_dumps_params=JSON_DUMPS_PARAMS
        )


def last_modified():
    return (
        Organisation.objects.published().entries().aggregate(Max("updated_at"))["updated_at__max"]
    )


class DcatView(View):
    def get(self, request):
        publication = DatasetPublication.objects.current()
        return JsonResponse(
            dcat_dataset(publication, Links(request), last_modified()),
            content_type="application/ld+json",
            json_dumps_params=JSON_DUMPS_PARAMS,
        )


class OpenDataView(TemplateView):
    """What the data set is, for people and, in embedded DCAT-AP.de, for portals."""

    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        publication = DatasetPublication.objects.current()
        modified = last_modified()
        return super().get_context_data(
            publication=publication,
            modified=modified,
            entry_count=Organisation.objects.published().entries().count(),
            dcat=dcat_dataset(publication, Links(self.request), modified),
            fields=FIELDS,
            csv_dialect=CSV_DIALECT,
            csv_separator=CSV_SEPARATOR,
            changed_since=CHANGED_SINCE,
            categories=Category.objects.all(),
            legal_forms=LegalForm.choices,
            relation_kinds=Relation.Kind.choices,
            roles=ContactRole.Role.choices,
            **kwargs,
        )
