"""Takes the demo entries away again (`remove_demo_data`); seed and editors' rows stay."""

from collections import Counter

from django.db import transaction

from contacts.models import ContactPerson, ContactRole
from organisations.models import District, FederalState, Organisation, Relation, Topic


class DemoDataInUse(Exception):
    """Contact persons of the editors work at demo organisations (the employer protects them)."""

    def __init__(self, people):
        super().__init__(people)
        self.people = people


def remove_demo_data():
    """
    Deletes every demo row, and the demo topics, states and districts that no remaining
    organisation uses, in one transaction; returns what it deleted, counted, and how many
    demo topics, states and districts it kept because editors' entries use them.
    """
    with transaction.atomic():
        employees = ContactPerson.objects.filter(is_demo=False, employer__is_demo=True)
        if people := list(employees.order_by("last_name", "first_name")[:5]):
            raise DemoDataInUse(people)
        # Django's deletion follows the foreign keys: roles and relations go with their
        # persons and organisations, and so do the organisations' links to topics and places.
        counts = Counter()
        for demo_rows in (
            ContactPerson.objects.filter(is_demo=True),
            Organisation.objects.filter(is_demo=True),
        ):
            counts.update(demo_rows.delete()[1])
        deleted = Counter(
            roles=counts[ContactRole._meta.label],
            relations=counts[Relation._meta.label],
            contacts=counts[ContactPerson._meta.label],
            organisations=counts[Organisation._meta.label],
        )
        kept = Counter()
        for key, model in (("topics", Topic), ("states", FederalState), ("districts", District)):
            unused = model.objects.filter(is_demo=True, organisations=None)
            deleted[key] = unused.delete()[1].get(model._meta.label, 0)
            kept[key] = model.objects.filter(is_demo=True).count()
    return deleted, kept
