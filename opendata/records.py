"""An organisation as a record of the open data set: the fields of CSV and JSON, named once.

The same list gives the CSV header, the JSON keys, the Data Package's table schema, the JSON
Schema and the field table of the open-data page, so they cannot drift apart.
"""

import dataclasses
from collections import defaultdict
from datetime import UTC

from django.utils.translation import gettext_lazy as _

from contacts.models import ContactRole
from editorial.cells import neutralised
from editorial.models import Status
from organisations.models import Organisation, Relation

# Joins the values of a multi-valued field in a CSV cell.
CSV_SEPARATOR = " | "

STRING = {"type": "string"}
OPTIONAL_INTEGER = {"type": ["integer", "null"]}
SLUGS = {"type": "array", "items": {"type": "string"}}


def timestamp(value):
    """ISO 8601 in UTC with a Z, the format Table Schema reads as datetime by default."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def relation_schema(other):
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "kind": STRING,
                other: STRING,
                f"{other}_name": STRING,
                f"{other}_url": {"type": "string", "format": "uri"},
            },
            "required": ["kind", other, f"{other}_name", f"{other}_url"],
            "additionalProperties": False,
        },
    }


CONTACT_PERSONS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "role": STRING,
            "slug": STRING,
            "name": STRING,
            "url": {"type": "string", "format": "uri"},
        },
        "required": ["role", "slug", "name", "url"],
        "additionalProperties": False,
    },
}


def joined(values):
    return CSV_SEPARATOR.join(values)


@dataclasses.dataclass(frozen=True)
class Field:
    name: str
    description: str
    value: object  # (organisation, absolute_url) -> the JSON value
    schema: dict = dataclasses.field(default_factory=lambda: STRING)
    csv_cell: object = None  # the JSON value -> the CSV cell, where joining is not enough

    @property
    def table_schema_type(self):
        """The type of the CSV column in Frictionless Table Schema terms."""
        types = self.schema["type"]
        types = types if isinstance(types, list) else [types]
        if "integer" in types:
            return "integer"
        if "boolean" in types:
            return "boolean"
        if self.schema.get("format") == "date-time":
            return "datetime"
        return "string"

    @property
    def json_type(self):
        """The JSON type in short, e.g. "integer | null" or "array<string>"."""
        if self.schema["type"] == "array":
            return f"array<{self.schema['items']['type']}>"
        types = self.schema["type"]
        return " | ".join(types) if isinstance(types, list) else types

    def csv(self, value):
        """The CSV cell of the JSON value; text a spreadsheet would run as a formula neutralised."""
        if isinstance(value, int | float):
            # Numbers stay numbers (true and false are words, and never formulas).
            return self.csv_text(value)
        return neutralised(self.csv_text(value))

    def csv_text(self, value):
        if self.csv_cell:
            return self.csv_cell(value)
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, list):
            return joined(value)
        return str(value)


def text_field(name, description):
    return Field(name, description, lambda organisation, url: getattr(organisation, name))


def slugs_field(name, description):
    return Field(
        name,
        description,
        lambda organisation, url: organisation.related[name],
        SLUGS,
    )


def relations_to_others(relations, other):
    """
    A reader of the organisation's relations of one direction, each with the actor at its
    other end: `target` for the relations it has, `source` for those others have to it.
    """

    def read(organisation, url):
        return [
            {
                "kind": relation.kind,
                other: getattr(relation, other).slug,
                f"{other}_name": getattr(relation, other).name,
                f"{other}_url": url(getattr(relation, other).get_absolute_url()),
            }
            for relation in organisation.related[relations]
        ]

    return read


outgoing_relations = relations_to_others("outgoing_relations", "target")
incoming_relations = relations_to_others("incoming_relations", "source")


def contact_persons(organisation, url):
    return [
        {
            "role": role.role,
            "slug": role.person.slug,
            "name": role.person.full_name,
            "url": url(role.person.get_absolute_url()),
        }
        for role in organisation.related["contact_persons"]
    ]


FIELDS = [
    text_field("name", _("Name, wie die Quelle ihn schreibt.")),
    text_field("name_en", _("Englischer Name; leer, wenn es keinen gibt.")),
    text_field("slug", _("Kennung des Eintrags; bleibt gleich, auch wenn sich der Name ändert.")),
    Field(
        "url",
        _("Adresse der Seite des Eintrags im Verzeichnis."),
        lambda organisation, url: url(organisation.get_absolute_url()),
        {"type": "string", "format": "uri"},
    ),
    text_field("acronym", _("Abkürzung, z. B. „LMBV“.")),
    text_field("alternative_name", _("Weiterer Name, z. B. „DurcH2atmen“.")),
    Field(
        "category",
        _("Kategorie: netzwerk, initiative oder projekttraeger."),
        lambda organisation, url: organisation.category.slug,
    ),
    text_field("description", _("Beschreibung im Wortlaut der Quelle; Absätze durch Leerzeilen.")),
    text_field(
        "description_en", _("Englische Übersetzung der Beschreibung; leer, wenn es keine gibt.")
    ),
    Field(
        "founding_year",
        _("Gründungsjahr; leer, wenn die Quelle keines nennt."),
        lambda organisation, url: organisation.founding_year,
        OPTIONAL_INTEGER,
    ),
    text_field("legal_form", _("Rechtsform als Code (siehe unten); leer, wenn unbekannt.")),
    Field(
        "is_charitable",
        _("Gemeinnützig: true oder false; leer, wenn die Quelle es nicht sagt."),
        lambda organisation, url: organisation.is_charitable,
        {"type": ["boolean", "null"]},
    ),
    Field(
        "member_count",
        _("Mitgliederzahl als Zahl, bei ungefähren Angaben die Untergrenze; leer, wenn unbekannt."),
        lambda organisation, url: organisation.member_count,
        OPTIONAL_INTEGER,
    ),
    text_field(
        "member_count_text", _("Mitgliederzahl im Wortlaut der Quelle, z. B. „weit über 100“.")
    ),
    text_field(
        "member_count_text_en",
        _("Englische Übersetzung der Mitgliederzahl im Wortlaut; leer, wenn es keine gibt."),
    ),
    text_field("website", _("Website; leer, wenn die Quelle keine nennt.")),
    slugs_field("federal_states", _("Bundesländer als Kennungen, z. B. brandenburg.")),
    slugs_field(
        "districts", _("Landkreise und kreisfreie Städte als Kennungen, z. B. spree-neisse.")
    ),
    slugs_field("topics", _("Themen als Kennungen, z. B. wasserstoff.")),
    Field(
        "outgoing_relations",
        _(
            "Beziehungen dieses Eintrags zu anderen Akteuren, zu lesen als „Eintrag – Art – Ziel“; "
            "in der CSV-Datei als art:kennung."
        ),
        outgoing_relations,
        relation_schema("target"),
        lambda items: joined(f"{item['kind']}:{item['target']}" for item in items),
    ),
    Field(
        "incoming_relations",
        _(
            "Beziehungen anderer Akteure zu diesem Eintrag, zu lesen als „Akteur – Art – Eintrag“; "
            "in der CSV-Datei als art:kennung."
        ),
        incoming_relations,
        relation_schema("source"),
        lambda items: joined(f"{item['kind']}:{item['source']}" for item in items),
    ),
    Field(
        "contact_persons",
        _("Ansprechpartner mit ihrer Rolle; in der CSV-Datei als rolle:kennung."),
        contact_persons,
        CONTACT_PERSONS_SCHEMA,
        lambda items: joined(f"{item['role']}:{item['slug']}" for item in items),
    ),
    Field(
        "updated_at",
        _("Zeitpunkt der letzten Änderung, ISO 8601 in UTC."),
        lambda organisation, url: timestamp(organisation.updated_at),
        {"type": "string", "format": "date-time"},
    ),
    Field(
        "verified_at",
        _(
            "Zeitpunkt, zu dem die Redaktion den Eintrag zuletzt als richtig bestätigt hat "
            "(„zuletzt geprüft“), ISO 8601 in UTC; leer, wenn noch nie."
        ),
        lambda organisation, url: organisation.verified_at and timestamp(organisation.verified_at),
        {"type": ["string", "null"], "format": "date-time"},
    ),
]


def with_related(organisations, batch_size):
    """
    The organisations, each with `related`: what its record names of other rows, read for a
    batch of organisations at a time with one query per field. Only published rows count.
    (Django's prefetching builds a queryset per organisation and field: ten times as slow.)
    """
    batch = []
    for organisation in organisations.iterator(chunk_size=batch_size):
        batch.append(organisation)
        if len(batch) == batch_size:
            yield from attach_related(batch)
            batch = []
    yield from attach_related(batch)


def attach_related(batch):
    ids = [organisation.pk for organisation in batch]
    published = Status.PUBLISHED
    related = {
        name: grouped(
            getattr(Organisation, name)
            .through.objects.filter(organisation__in=ids)
            .order_by(f"{field}__name", f"{field}__pk")
            .values_list("organisation_id", f"{field}__slug")
        )
        for name, field in (
            ("federal_states", "federalstate"),
            ("districts", "district"),
            ("topics", "topic"),
        )
    }
    related["outgoing_relations"] = grouped(
        (relation.source_id, relation)
        for relation in Relation.objects.filter(source__in=ids, target__status=published)
        .select_related("target")
        .only("source_id", "kind", "target__slug", "target__name")
    )
    related["incoming_relations"] = grouped(
        (relation.target_id, relation)
        for relation in Relation.objects.filter(target__in=ids, source__status=published)
        .select_related("source")
        .only("target_id", "kind", "source__slug", "source__name")
    )
    related["contact_persons"] = grouped(
        (role.organisation_id, role)
        for role in ContactRole.objects.filter(organisation__in=ids, person__status=published)
        .select_related("person")
        .only("organisation_id", "role", "person__slug", "person__first_name", "person__last_name")
    )
    for organisation in batch:
        organisation.related = {name: rows[organisation.pk] for name, rows in related.items()}
        yield organisation


def grouped(pairs):
    groups = defaultdict(list)
    for key, value in pairs:
        groups[key].append(value)
    return groups


def record(organisation, url):
    """
    The organisation as a dict for JSON; url() makes a path absolute. The organisation comes
    from with_related().
    """
    return {field.name: field.value(organisation, url) for field in FIELDS}


def csv_row(record):
    return [field.csv(record[field.name]) for field in FIELDS]
