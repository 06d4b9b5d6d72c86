import csv
import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Max
from django.http import HttpResponseBadRequest, JsonResponse, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.decorators import method_decorator
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csp import csp_override
from django.views.generic import TemplateView

from contacts.models import ContactRole
from organisations.embed import EmbedChoice
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
from .records import CSV_SEPARATOR, FIELDS, csv_row, record, with_related
from .selection import CHANGED_SINCE, Selection

JSON_DUMPS_PARAMS = {"ensure_ascii": False, "indent": 2}

# Entries read from the database at a time: the exports stream, so memory and the queries
# of one batch stay the same for 10 or 100,000 entries.
CHUNK_SIZE = 500


class ExportView(View):
    """The entries of the list, filtered as the list filters them, as a file written while read."""

    queryset = Organisation.objects.published().entries().select_related("category")
    filename = None
    as_attachment = False

    def get(self, request, *args, **kwargs):
        try:
            selection = Selection(request.GET, self.queryset)
        except ValidationError as error:
            return self.invalid(error.messages)
        links = Links(request)
        records = (
            record(organisation, links.absolute)
            for organisation in with_related(selection.organisations, CHUNK_SIZE)
        )
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
        return StreamingHttpResponse(
            self.lines(records), content_type="text/csv; charset=utf-8; header=present"
        )

    def lines(self, records):
        # csv.writer returns what it wrote from the file's write(): each line, to yield.
        writer = csv.writer(Echo(), dialect=GermanExcel)
        # The byte order mark tells Excel the file is UTF-8.
        yield "\ufeff" + writer.writerow([field.name for field in FIELDS])
        for row in records:
            yield writer.writerow(csv_row(row))


class JsonExportView(ExportView):
    filename = _("organisationen.json")

    def render(self, selection, records, links):
        meta = json_meta(
            DatasetPublication.objects.current(),
            links,
            selection,
            timezone.now(),
            selection.organisations.count(),
        )
        return StreamingHttpResponse(self.chunks(meta, records), content_type="application/json")

    def chunks(self, meta, records):
        """What json.dumps writes for {"meta": …, "organisations": […]}, a record at a time."""
        head = json.dumps({"meta": meta, "organisations": []}, **JSON_DUMPS_PARAMS)
        yield head.removesuffix("[]\n}") + "["
        separator = "\n"
        for item in records:
            # Indented one level deeper: JSON text has no line breaks inside its strings.
            yield separator + "    " + json.dumps(item, **JSON_DUMPS_PARAMS).replace("\n", "\n    ")
            separator = ",\n"
        yield ("\n  ]" if separator != "\n" else "]") + "\n}"

    def invalid(self, messages):
        return JsonResponse({"error": messages}, status=400, json_dumps_params=JSON_DUMPS_PARAMS)


class Echo:
    """A file whose write() hands back what it was given."""

    def write(self, value):
        return value


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


# The embed generator's preview frames the site's own embed page.
@method_decorator(csp_override({**settings.SECURE_CSP, "frame-src": [CSP.SELF]}), name="dispatch")
class OpenDataView(TemplateView):
    """
    What the data set is, for people and, in embedded DCAT-AP.de, for portals; and the
    generator of the <iframe> code with which partner sites show a filtered list.
    """

    template_name = "opendata/index.html"

    def get_context_data(self, **kwargs):
        publication = DatasetPublication.objects.current()
        modified = last_modified()
        embed = EmbedChoice(self.request.GET)
        embed_snippet = render_to_string(
            "includes/embed_snippet.html",
            {"src": self.request.build_absolute_uri(embed.path()), "summary": embed.summary()},
        ).strip()
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
            embed=embed,
            embed_snippet=embed_snippet,
            **kwargs,
        )
