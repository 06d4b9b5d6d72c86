"""
The editors' history of entries, kept by django-reversion: every save in the admin is a version
with user, time and comment; two versions compare field by field; deleted entries come back.
"""

import difflib
import re

import reversion
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import models, router, transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version


def compared_fields(model):
    """The fields an editor writes; the edit version and the times change by themselves."""
    return [
        field
        for field in model._meta.get_fields()
        if field.concrete and field.editable and not field.primary_key
    ]


def field_values(obj):
    """The entry's values in the shape of reversion's `Version.field_dict`."""
    values = {}
    for field in compared_fields(type(obj)):
        if field.many_to_many:
            values[field.attname] = [related.pk for related in getattr(obj, field.name).all()]
        else:
            values[field.attname] = getattr(obj, field.attname)
    return values


def display_value(field, value):
    if field.many_to_many:
        related = field.related_model._default_manager.filter(pk__in=value or [])
        return ", ".join(sorted(str(obj) for obj in related)) or _("(leer)")
    if value is None or value == "":
        return _("unbekannt") if isinstance(field, models.BooleanField) else _("(leer)")
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else _("(gelöscht)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("Ja") if value else _("Nein")
    return str(value)


def comparable(field, value):
    if field.many_to_many:
        return sorted(str(pk) for pk in value or [])
    # Browsers send text areas with CRLF line ends; that alone is no change to an editor.
    return "" if value is None else str(value).replace("\r\n", "\n")


def differs(field, old_values, new_values):
    return comparable(field, old_values.get(field.attname)) != comparable(
        field, new_values.get(field.attname)
    )


def field_changes(model, old_values, new_values):
    """Label, old and new text of every field whose value differs, in the form's order."""
    return [
        (
            capfirst(field.verbose_name),
            display_value(field, old_values.get(field.attname)),
            display_value(field, new_values.get(field.attname)),
        )
        for field in compared_fields(model)
        if differs(field, old_values, new_values)
    ]


def unchanged_fields(model, old_values, new_values):
    """The labels of the fields both versions have alike, which the comparison folds away."""
    return [
        capfirst(field.verbose_name)
        for field in compared_fields(model)
        if not differs(field, old_values, new_values)
    ]


WORDS_AND_SPACES = re.compile(r"\s+|\S+")


def marked_words(old, new):
    """
    The old and the new text as HTML: the words only the old one has in <del>, those only the
    new one has in <ins>, so that one changed word stands out in a long description.
    """
    old_words = WORDS_AND_SPACES.findall(old.replace("\r\n", "\n"))
    new_words = WORDS_AND_SPACES.findall(new.replace("\r\n", "\n"))
    old_html, new_html = [], []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for operation, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        removed = escape("".join(old_words[old_start:old_end]))
        added = escape("".join(new_words[new_start:new_end]))
        if operation == "equal":
            old_html.append(removed)
            new_html.append(added)
            continue
        if removed:
            old_html.append(f"<del>{removed}</del>")
        if added:
            new_html.append(f"<ins>{added}</ins>")
    # Every piece of text is escaped above; the only markup is <del>, <ins> and <br>.
    return tuple(mark_safe("".join(html).replace("\n", "<br>")) for html in (old_html, new_html))


def revision_related(version):
    """What the version's revision kept beside the entry (relations, roles), by kind."""
    related = {}
    for other in version.revision.version_set.exclude(pk=version.pk).select_related("content_type"):
        model = other.content_type.model_class()
        related.setdefault(capfirst(model._meta.verbose_name_plural), set()).add(other.object_repr)
    return related


def related_changes(old_related, new_related):
    """Label, old and new list of each kind of related object that differs."""
    return [
        (
            label,
            "; ".join(sorted(old_related.get(label, ()))) or _("(keine)"),
            "; ".join(sorted(new)) or _("(keine)"),
        )
        for label, new in new_related.items()
        if set(old_related.get(label, ())) != new
    ] + [
        (label, "; ".join(sorted(old)), _("(keine)"))
        for label, old in old_related.items()
        if label not in new_related and old
    ]


def version_changes(model, old_version, new_version):
    return field_changes(model, old_version.field_dict, new_version.field_dict) + related_changes(
        revision_related(old_version), revision_related(new_version)
    )


class HistoryAdmin(VersionAdmin):
    """
    VersionAdmin that also keeps the state an entry had before its first edit in the admin
    (fixtures and imports write no versions) and the state of entries being deleted, so that
    every change can be undone and every deleted entry recovered.
    """

    object_history_template = "admin/history/object_history.html"

    def get_urls(self):
        info = self.model._meta.app_label, self.model._meta.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def keep_state(self, request, objects, comment):
        with reversion.create_revision():
            reversion.set_user(request.user)
            reversion.set_comment(comment)
            for obj in objects:
                reversion.add_to_revision(obj)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method != "POST":
            return super().change_view(request, object_id, form_url, extra_context)
        # In the save's transaction: a save that fails halfway leaves no version behind either.
        with transaction.atomic(using=router.db_for_write(self.model)):
            obj = self.get_object(request, unquote(object_id))
            if obj is not None and not Version.objects.get_for_object(obj).exists():
                self.keep_state(request, [obj], _("Stand vor der ersten Bearbeitung"))
            return super().change_view(request, object_id, form_url, extra_context)

    def delete_model(self, request, obj):
        self.keep_state(request, [obj], _("Gelöscht"))
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self.keep_state(request, queryset, _("Gelöscht"))
        super().delete_queryset(request, queryset)

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST" and request.POST.get("action") == "delete_selected":
            # Outside the list's revision: it would swallow the revision of delete_queryset
            # and then drop the deleted entries, as it keeps only what still exists.
            return super(VersionAdmin, self).changelist_view(request, extra_context)
        return super().changelist_view(request, extra_context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Reverting writes the old edit version back too; the locking admin counts on
        # from the current one, so that no form opened before the revert can save over it.
        request.edit_version_floor = (
            self.model._default_manager.filter(pk=unquote(object_id))
            .values_list("version", flat=True)
            .first()
        )
        return super().revision_view(request, object_id, version_id, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        # Newest first, with each version's id for choosing two to compare.
        opts = self.model._meta
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision__user")
            .order_by("-pk")
        )
        action_list = [
            {
                "revision": version.revision,
                "version_id": version.pk,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=[quote(version.object_id), version.pk],
                ),
            }
            for version in versions
        ]
        return super().history_view(
            request, object_id, {"action_list": action_list, **(extra_context or {})}
        )

    def compare_view(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.model._meta
        obj = get_object_or_404(self.model, pk=unquote(object_id))
        history_url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
            args=[quote(obj.pk)],
        )
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            chosen = versions.filter(pk__in={int(request.GET["von"]), int(request.GET["bis"])})
            old, new = sorted(chosen, key=lambda version: version.pk)
        except (KeyError, ValueError):
            messages.error(request, _("Bitte zwei verschiedene Versionen zum Vergleich auswählen."))
            return redirect(history_url)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Versionen von „%(name)s“ vergleichen") % {"name": obj},
            "opts": opts,
            "object": obj,
            "history_url": history_url,
            "old": old,
            "new": new,
            "changes": [
                (label, *marked_words(old_text, new_text))
                for label, old_text, new_text in version_changes(self.model, old, new)
            ],
            "unchanged": unchanged_fields(self.model, old.field_dict, new.field_dict),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/history/compare.html", context)
