"""
Writes demo entries in bulk (`generate_demo_data`). Every row written here is marked
`is_demo`. Rows are written with bulk_create, which sends no signals: the search text is
filled in by the generator, and the command marks the page cache stale.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import Q

from contacts.models import ContactPerson, ContactRole
from organisations.models import Category, District, FederalState, Organisation, Relation, Topic

from .generator import DemoGenerator
from .places import DISTRICTS, STATES
from .words import TOPICS

DEFAULT_SEED = 2026
BATCH_SIZE = 1000
CATEGORY_SLUGS = ("netzwerk", "initiative", "projekttraeger")


class SeedMissing(Exception):
    """The categories demo entries belong to are not in the database."""


M2M_FIELDS = {"topics": "topics", "federal_states": "states", "districts": "districts"}


def generate_demo_data(count, seed=DEFAULT_SEED, progress=None):
    """
    Writes `count` demo entries in one transaction and returns what it created, counted.
    A later run adds further entries under new names: it draws from a random generator
    seeded with the seed and the number of demo entries already there.
    """
    created = Counter()
    with transaction.atomic():
        categories = {
            category.slug: category for category in Category.objects.filter(slug__in=CATEGORY_SLUGS)
        }
        if len(categories) < len(CATEGORY_SLUGS):
            raise SeedMissing
        lookups = {
            "topics": (Topic, in_both_languages(TOPICS)),
            "states": (FederalState, in_both_languages(STATES)),
            "districts": (
                District,
                {slug: {"name": name, "kind": kind} for slug, (name, kind, _) in DISTRICTS.items()},
            ),
        }
        rows = {}
        for key, (model, wanted) in lookups.items():
            rows[key], created[key] = ensure_rows(model, wanted)
        start = Organisation.objects.filter(is_demo=True).count()
        generator = DemoGenerator(
            f"{seed}/{start}",
            categories,
            rows["topics"],
            rows["states"],
            rows["districts"],
            taken={
                "names": Organisation.objects.values_list("name", flat=True),
                "slugs": Organisation.objects.values_list("slug", flat=True),
                "person_slugs": ContactPerson.objects.values_list("slug", flat=True),
            },
        )
        for done in range(0, count, BATCH_SIZE):
            entries = [generator.entry() for _ in range(min(BATCH_SIZE, count - done))]
            created += write_entries(entries)
            if progress:
                progress(done + len(entries), count)
    return created


def in_both_languages(names):
    """The fields of the rows of a named list by slug, from its (German, English) names."""
    return {slug: {"name": name, "name_en": name_en} for slug, (name, name_en) in names.items()}


def ensure_rows(model, wanted):
    """
    The rows of a named list (topics, states, districts) by slug: the existing ones, found by
    slug or, if an editor changed the slug, by name; the missing ones created as demo rows.
    """
    names = [fields["name"] for fields in wanted.values()]
    existing = list(model.objects.filter(Q(slug__in=list(wanted)) | Q(name__in=names)))
    by_slug = {row.slug: row for row in existing}
    by_name = {row.name: row for row in existing}
    rows, missing = {}, []
    for slug, fields in wanted.items():
        row = by_slug.get(slug) or by_name.get(fields["name"])
        if row is None:
            row = model(slug=slug, is_demo=True, **fields)
            missing.append(row)
        rows[slug] = row
    model.objects.bulk_create(missing)
    return rows, len(missing)


def insert_links(field_name, pairs):
    """
    Rows of an organisation's many-to-many table in one executemany: a model instance per
    row would make them the slowest part of writing, as there are several per entry.
    """
    m2m = Organisation._meta.get_field(field_name)
    table = connection.ops.quote_name(m2m.m2m_db_table())
    columns = ", ".join(
        connection.ops.quote_name(column)
        for column in (m2m.m2m_column_name(), m2m.m2m_reverse_name())
    )
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s)", pairs)


def write_entries(entries):
    organisations = [entry.organisation for entry in entries]
    Organisation.objects.bulk_create(organisations)
    for field_name, attribute in M2M_FIELDS.items():
        insert_links(
            field_name,
            [
                (entry.organisation.pk, row.pk)
                for entry in entries
                for row in getattr(entry, attribute)
            ],
        )
    relations = Relation.objects.bulk_create(
        relation for entry in entries for relation in entry.relations
    )
    contacts = ContactPerson.objects.bulk_create(
        person for entry in entries for person in entry.contacts
    )
    roles = ContactRole.objects.bulk_create(role for entry in entries for role in entry.roles)
    return Counter(
        organisations=len(organisations),
        relations=len(relations),
        contacts=len(contacts),
        roles=len(roles),
    )
