"""
Optimistic locking for the admin: the change form carries the edit version the editor loaded;
a save from a form older than the entry is refused and shows what the other editor changed.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from reversion.models import Version

from .history import field_changes, field_values, related_changes, revision_related


class EditConflict(Exception):
    """Another save won the race between this form's check and its write."""


class LoadedVersionFormMixin(forms.ModelForm):
    """A model form that remembers which edit version of the entry it was opened on."""

    # The admin writes the label of a hidden field into the page too, if out of sight.
    loaded_version = forms.IntegerField(
        label="Geladene Version", widget=forms.HiddenInput, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"].initial = self.instance.version

    def clean(self):
        cleaned_data = super().clean()
        if self.instance._state.adding:
            return cleaned_data
        # Locked until the admin's transaction ends, so a concurrent save waits for this one.
        current = (
            type(self.instance)
            ._default_manager.select_for_update()
            .filter(pk=self.instance.pk)
            .first()
        )
        loaded = cleaned_data.get("loaded_version")
        if current is not None and current.version != loaded:
            raise ValidationError(conflict_messages(current, loaded), code="edit_conflict")
        return cleaned_data


def loaded_version_of(entry, loaded_version):
    """The entry's version in the history as the editor loaded it, by its edit version."""
    for version in Version.objects.get_for_object(entry).iterator():
        if version.field_dict.get("version") == loaded_version:
            return version
    return None


def conflict_messages(current, loaded_version):
    messages = [
        _(
            "Jemand anderes hat diesen Eintrag gespeichert, während Sie ihn bearbeitet haben. "
            "Ihre Änderungen wurden nicht gespeichert und nichts wurde überschrieben; Ihre "
            "Eingaben stehen noch im Formular."
        )
    ]
    loaded = loaded_version_of(current, loaded_version)
    if loaded is None:
        messages.append(_("Welche Felder sich geändert haben, ist nicht bekannt."))
    else:
        # Fields as they are now; relations and roles as the newest version keeps them.
        latest = Version.objects.get_for_object(current).first()
        changes = field_changes(
            type(current), loaded.field_dict, field_values(current)
        ) + related_changes(revision_related(loaded), revision_related(latest))
        messages += [
            _("%(field)s: jetzt „%(new)s“, von Ihnen geladen: „%(old)s“.")
            % {"field": label, "new": new, "old": old}
            for label, old, new in changes
        ]
    messages.append(
        _(
            "Öffnen Sie den Eintrag in einem neuen Tab, übernehmen Sie dort Ihre Änderungen "
            "und speichern Sie dann."
        )
    )
    return messages


class OptimisticLockingAdminMixin:
    """For a ModelAdmin of a model with EditorialFields.version; use before VersionAdmin."""

    form = LoadedVersionFormMixin

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [*fieldsets, (None, {"fields": ["loaded_version"]})]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # The whole save was rolled back; now the form's check sees the newer version
            # and shows the editor what changed, their input kept.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        if change:
            loaded = form.cleaned_data["loaded_version"]
            # A revert wrote an old edit version back (HistoryAdmin.revision_view);
            # count on from the newest one, so stale forms stay stale.
            newer = max(loaded, getattr(request, "edit_version_floor", None) or 0) + 1
            claimed = (
                type(obj)._default_manager.filter(pk=obj.pk, version=loaded).update(version=newer)
            )
            if not claimed:
                raise EditConflict
            obj.version = newer
        super().save_model(request, obj, form, change)
