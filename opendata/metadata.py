"""Descriptions of the data set for programs and portals: JSON Schema, Data Package, DCAT-AP.de."""

import csv
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .records import FIELDS, timestamp


class GermanExcel(csv.excel):
    """What German Excel opens with a double click: semicolons, as its list separator is one
    where the comma is the decimal separator. The file starts with a UTF-8 byte order mark, so
    Excel reads umlauts right. Quoting as RFC 4180: quotes around a value with a semicolon,
    quote or line break, and quotes doubled."""

    delimiter = ";"


# The same dialect in Frictionless terms.
CSV_DIALECT = {
    "delimiter": GermanExcel.delimiter,
    "lineTerminator": GermanExcel.lineterminator,
    "quoteChar": GermanExcel.quotechar,
    "doubleQuote": GermanExcel.doublequote,
    "header": True,
}

EU = "http://publications.europa.eu/resource/authority"
IANA_MEDIA_TYPES = "https://www.iana.org/assignments/media-types"
# The entries are German; English names and descriptions are added where editors wrote them.
LANGUAGES = [f"{EU}/language/DEU", f"{EU}/language/ENG"]
# Editors change entries whenever the source or the organisations change.
UPDATE_FREQUENCY = f"{EU}/frequency/IRREG"

JSON_LD_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class Distribution:
    url_name: str
    media_type: str
    file_type: str  # in the EU file type vocabulary
    title: str


DISTRIBUTIONS = [
    Distribution("csv", "text/csv", "CSV", _("Organisationen als CSV")),
    Distribution("json", "application/json", "JSON", _("Organisationen als JSON")),
    Distribution(
        "feed", "application/atom+xml", "ATOM", _("Neue und geänderte Einträge als Atom-Feed")
    ),
]


class Links:
    """Absolute URLs of the data set's parts, on the host and in the language of the request."""

    def __init__(self, request):
        self.request = request

    def absolute(self, path):
        return self.request.build_absolute_uri(path)

    def __getitem__(self, url_name):
        return self.absolute(reverse(f"opendata:{url_name}"))


def licence(publication):
    return {
        "name": publication.get_licence_display(),
        "uri": publication.licence,
        "url": publication.licence_text.url,
        "attribution": publication.attribution_text,
    }


def json_meta(publication, links, selection, generated, count):
    """The "meta" object of the JSON export."""
    return {
        "title": publication.display_title,
        "publisher": {"name": publication.publisher_name, "url": publication.publisher_url},
        "licence": licence(publication),
        "source": {
            "list": links.absolute(selection.url("organisations:list")),
            "documentation": links["index"],
            "schema": links["schema"],
        },
        "generated": timestamp(generated),
        "count": count,
        "filters": selection.filters,
        "ignored_filters": selection.ignored_filters,
    }


def json_schema(links):
    """JSON Schema (2020-12) of the JSON export."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": links["schema"],
        "title": _("Organisationen des Lausitz-Verzeichnisses"),
        "type": "object",
        "required": ["meta", "organisations"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["licence", "source", "generated", "count", "filters"],
                "properties": {
                    "generated": {"type": "string", "format": "date-time"},
                    "count": {"type": "integer", "minimum": 0},
                    "filters": {
                        "type": "object",
                        "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
            "organisations": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [field.name for field in FIELDS],
                    "additionalProperties": False,
                    "properties": {
                        field.name: {**field.schema, "description": field.description}
                        for field in FIELDS
                    },
                },
            },
        },
    }


def datapackage(publication, links):
    """A Frictionless Data Package (v1) that describes the CSV export."""
    return {
        "profile": "tabular-data-package",
        "name": "lausitz-verzeichnis",
        "title": publication.display_title,
        "description": publication.display_description,
        "homepage": links["index"],
        "keywords": publication.keyword_list,
        "licenses": [
            {
                "name": publication.licence_text.spdx_id,
                "path": publication.licence_text.url,
                "title": publication.get_licence_display(),
            }
        ],
        "contributors": [
            {
                "title": publication.publisher_name,
                "role": "publisher",
                **({"path": publication.publisher_url} if publication.publisher_url else {}),
            }
        ],
        "resources": [
            {
                "profile": "tabular-data-resource",
                "name": "organisationen",
                "path": links["csv"],
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": CSV_DIALECT,
                "schema": {
                    "fields": [
                        {
                            "name": field.name,
                            "type": field.table_schema_type,
                            "description": field.description,
                        }
                        for field in FIELDS
                    ],
                    "primaryKey": "slug",
                    "missingValues": [""],
                },
            }
        ],
    }


def texts(de, en):
    """A literal in German and, where there is one, English."""
    return [{"@value": de, "@language": "de"}] + ([{"@value": en, "@language": "en"}] if en else [])


def dcat_dataset(publication, links, modified):
    """The data set as a DCAT-AP.de dcat:Dataset in JSON-LD."""
    licence_uri = {"@id": publication.licence}
    contact_point = {"@type": "vcard:Organization", "vcard:fn": publication.publisher_name}
    if publication.contact_email:
        contact_point["vcard:hasEmail"] = {"@id": f"mailto:{publication.contact_email}"}
    publisher = {"@type": "foaf:Organization", "foaf:name": publication.publisher_name}
    if publication.publisher_url:
        publisher["foaf:homepage"] = {"@id": publication.publisher_url}
    dataset = {
        "@context": JSON_LD_CONTEXT,
        "@id": f"{links['index']}#datensatz",
        "@type": "dcat:Dataset",
        "dct:title": texts(publication.title, publication.title_en),
        "dct:description": texts(publication.description, publication.description_en),
        "dct:identifier": links["index"],
        "dcat:landingPage": {"@id": links["index"]},
        "dct:publisher": publisher,
        "dcat:contactPoint": contact_point,
        "dct:license": licence_uri,
        "dct:spatial": {"@type": "dct:Location", "skos:prefLabel": publication.spatial},
        "dct:language": [{"@id": language} for language in LANGUAGES],
        "dcat:keyword": publication.keyword_list,
        "dcat:theme": [{"@id": publication.theme}],
        "dct:accrualPeriodicity": {"@id": UPDATE_FREQUENCY},
        "dcat:distribution": [
            {
                "@type": "dcat:Distribution",
                "dct:title": distribution.title,
                "dcat:accessURL": {"@id": links[distribution.url_name]},
                "dcat:downloadURL": {"@id": links[distribution.url_name]},
                "dcat:mediaType": {"@id": f"{IANA_MEDIA_TYPES}/{distribution.media_type}"},
                "dct:format": {"@id": f"{EU}/file-type/{distribution.file_type}"},
                "dct:license": licence_uri,
                # DCAT-AP.de puts the attribution on each distribution.
                "dcatde:licenseAttributionByText": publication.attribution_text,
            }
            for distribution in DISTRIBUTIONS
        ],
    }
    if modified:
        dataset["dct:modified"] = {"@value": timestamp(modified), "@type": "xsd:dateTime"}
    return dataset
