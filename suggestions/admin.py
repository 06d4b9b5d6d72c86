from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .models import Suggestion


def entry_change_url(entry):
    opts = entry._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[entry.pk])


class RejectForm(forms.Form):
    reason = forms.CharField(
        label="Grund der Ablehnung",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Nur für die Redaktion; der Einsender erfährt ihn nicht automatisch.",
    )


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label="Antwort der Redaktion",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Was Sie geantwortet oder an der Website geändert haben; nur für die Redaktion.",
    )


@admin.register(Suggestion)
class SuggestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "state", "created_at", "notification"]
    list_filter = ["state", "kind", "notification_failed"]
    search_fields = ["title", "note", "contact", "submitter_name", "submitter_email"]
    list_select_related = ["organisation", "person"]
    date_hierarchy = "created_at"

    @admin.display(description="Benachrichtigung", ordering="notification_failed")
    def notification(self, suggestion):
        # Only the exception needs the editors' eye.
        return "fehlgeschlagen" if suggestion.notification_failed else ""

    def has_add_permission(self, request):
        # Suggestions come from the public forms only.
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The review: proposed values beside the entry as it is, take over or reject."""
        suggestion = self.get_object(request, unquote(object_id))
        if suggestion is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, suggestion):
            raise PermissionDenied
        rejecting = request.method == "POST" and "reject" in request.POST
        reject_form = RejectForm(request.POST if rejecting else None)
        replying = request.method == "POST" and "answered" in request.POST
        reply_form = ReplyForm(request.POST if replying else None)
        if request.method == "POST" and suggestion.state == Suggestion.State.NEW:
            if not self.has_change_permission(request, suggestion):
                raise PermissionDenied
            if replying and reply_form.is_valid():
                suggestion.mark_answered(request.user, reply_form.cleaned_data["reply"])
                self.message_user(request, f"Meldung #{suggestion.pk} als beantwortet markiert.")
                return redirect("admin:suggestions_suggestion_changelist")
            if rejecting and reject_form.is_valid():
                suggestion.reject(request.user, reject_form.cleaned_data["reason"])
                self.message_user(request, f"Vorschlag #{suggestion.pk} abgelehnt.")
                return redirect("admin:suggestions_suggestion_changelist")
            if "accept" in request.POST and suggestion.kind != Suggestion.Kind.BARRIER:
                response = self.accept(request, suggestion)
                if response is not None:
                    return response
        entry = suggestion.entry
        context = {
            **self.admin_site.each_context(request),
            "entry": entry,
            "entry_change_url": entry and entry_change_url(entry),
            "title": str(suggestion),
            "opts": self.opts,
            "original": suggestion,
            "suggestion": suggestion,
            "changes": suggestion.changes(),
            "reject_form": reject_form,
            "reply_form": reply_form,
            "may_decide": suggestion.state == Suggestion.State.NEW
            and self.has_change_permission(request, suggestion),
            # Nothing to take over into an entry that was deleted; rejecting still closes it.
            "may_accept": entry is not None or not suggestion.is_correction,
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/suggestions/suggestion/review.html", context)

    def accept(self, request, suggestion):
        # Taking over writes the entry: the editor needs the right to do that in the admin too.
        needed = "add" if suggestion.kind == Suggestion.Kind.NEW_ENTRY else "change"
        opts = suggestion.entry_model._meta
        if not request.user.has_perm(f"{opts.app_label}.{needed}_{opts.model_name}"):
            raise PermissionDenied
        if suggestion.is_correction and suggestion.entry is None:
            messages.error(request, "Der Eintrag wurde inzwischen gelöscht.")
            return None
        proposed = {name for name, *_ in suggestion.changes()}
        if suggestion.kind == Suggestion.Kind.NEW_ENTRY:
            chosen = sorted(proposed)
        else:
            chosen = [name for name in request.POST.getlist("fields") if name in proposed]
            if not chosen:
                messages.error(request, "Bitte mindestens ein Feld zum Übernehmen auswählen.")
                return None
        try:
            suggestion.accept(request.user, chosen)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return None
        entry = suggestion.entry
        if suggestion.kind == Suggestion.Kind.NEW_ENTRY:
            self.message_user(
                request,
                f"Vorschlag #{suggestion.pk} übernommen: „{entry}“ ist ein Entwurf. "
                "Bitte ergänzen und veröffentlichen.",
            )
        else:
            self.message_user(request, f"Vorschlag #{suggestion.pk} übernommen in „{entry}“.")
        return redirect(entry_change_url(entry))
