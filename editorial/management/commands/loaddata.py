"""
Django's loaddata, which also keeps the editors' history true: it saves raw, past
django-reversion, so an entry it overwrites would keep an outdated newest version, and
reverting to that version would quietly bring the overwritten edit back. Every entry with a
history that a fixture wrote (itself or a relation its versions keep) gets a version of what
was loaded. restore_directory uses Django's own command: a backup brings its history along.
"""

import os
from collections import defaultdict

import reversion
from django.core.management.commands import loaddata
from reversion.models import Version
from reversion.revisions import _get_options


class Command(loaddata.Command):
    help = loaddata.Command.help + (
        " Entries with a history get a version of what was loaded ('Aus Fixture geladen')."
    )

    def loaddata(self, fixture_labels):
        # {model: {pk: fixture name}} of every registered entry a fixture wrote.
        self.written = defaultdict(dict)
        super().loaddata(fixture_labels)
        self.record_versions()

    def load_label(self, fixture_label):
        self.fixture_name = os.path.basename(fixture_label)
        super().load_label(fixture_label)

    def save_obj(self, obj):
        saved = super().save_obj(obj)
        if saved:
            for model, pk in entries_keeping(obj.object):
                self.written[model][pk] = self.fixture_name
        return saved

    def record_versions(self):
        for model, fixture_names in self.written.items():
            with_history = set(
                Version.objects.using(self.using)
                .get_for_model(model)
                .filter(object_id__in=[str(pk) for pk in fixture_names])
                .values_list("object_id", flat=True)
            )
            for obj in model._default_manager.using(self.using).filter(pk__in=fixture_names):
                if str(obj.pk) not in with_history:
                    continue  # HistoryAdmin keeps its state before the first edit.
                # A revision of its own: reverting a revision reverts everything in it.
                with reversion.create_revision(using=self.using):
                    reversion.set_comment(f"Aus Fixture geladen: {fixture_names[obj.pk]}")
                    reversion.add_to_revision(obj, model_db=self.using)


def entries_keeping(obj):
    """obj, if it has a history, and the entries whose versions keep it (reversion's follow)."""
    model = type(obj)
    if reversion.is_registered(model):
        yield model, obj.pk
    for field in model._meta.concrete_fields:
        owner = field.related_model
        if (
            field.many_to_one
            and reversion.is_registered(owner)
            and field.remote_field.get_accessor_name() in _get_options(owner).follow
        ):
            yield owner, getattr(obj, field.attname)
