from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import caches
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from contacts.models import ContactPerson
from organisations.models import Organisation

from .forms import (
    HONEYPOT_FIELD,
    BarrierForm,
    CorrectionForm,
    NewEntryForm,
    PersonCorrectionForm,
)


class HoneypotFilled(SuspiciousOperation):
    """Only bots fill in the hidden field: the 400 page, nothing stored."""


def over_rate_limit(request):
    """
    Counts the address's submissions in the shared cache (Redis with several app servers);
    True once it sent more than SUGGESTION_RATE_LIMIT within SUGGESTION_RATE_WINDOW seconds.
    The address is read as django-axes reads it, behind a proxy too.
    """
    cache = caches[settings.SUGGESTION_RATE_CACHE]
    key = f"suggestions:rate:{get_client_ip_address(request)}"
    # add() starts the window only if none runs; incr() counts atomically in Redis.
    cache.add(key, 0, settings.SUGGESTION_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, settings.SUGGESTION_RATE_WINDOW)
        count = 1
    return count > settings.SUGGESTION_RATE_LIMIT


# The form pages carry a CSRF token and set its cookie; no cache may keep them.
@method_decorator(never_cache, name="dispatch")
class SuggestionFormView(FormView):
    success_url_name = "suggestions:thanks"

    def post(self, request, *args, **kwargs):
        if request.POST.get(HONEYPOT_FIELD):
            raise HoneypotFilled("Suggestion honeypot filled in")
        if over_rate_limit(request):
            response = render(request, "429.html", status=429)
            response["Retry-After"] = settings.SUGGESTION_RATE_WINDOW
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        suggestion = form.suggestion()
        suggestion.save()
        review_url = self.request.build_absolute_uri(
            reverse("admin:suggestions_suggestion_change", args=[suggestion.pk])
        )
        # Stored first; a mail server that fails only marks the suggestion.
        transaction.on_commit(lambda: suggestion.notify_editors(review_url))
        return redirect(self.success_url_name)


class CorrectionView(SuggestionFormView):
    """The correction form of a published organisation; PersonCorrectionView of a person."""

    model = Organisation
    form_class = CorrectionForm
    template_name = "suggestions/correction_form.html"

    def dispatch(self, request, *args, **kwargs):
        self.entry = get_object_or_404(self.model.objects.published(), slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.entry}

    def get_context_data(self, **kwargs):
        # The form's instance takes the visitor's input; the page names the entry as it is.
        return super().get_context_data(entry=self.model.objects.get(pk=self.entry.pk), **kwargs)


class PersonCorrectionView(CorrectionView):
    model = ContactPerson
    form_class = PersonCorrectionForm
    template_name = "suggestions/person_correction_form.html"


class NewEntryView(SuggestionFormView):
    form_class = NewEntryForm
    template_name = "suggestions/new_entry_form.html"


class ThanksView(TemplateView):
    template_name = "suggestions/thanks.html"


class BarrierView(SuggestionFormView):
    """Report a barrier: the feedback of the accessibility statement, linked from every page."""

    form_class = BarrierForm
    template_name = "suggestions/barrier_form.html"
    success_url_name = "suggestions:barrier_thanks"

    def get_initial(self):
        # The footer's link names the page it was on.
        return {"page": self.request.GET.get("seite", "")[:200]}


class BarrierThanksView(TemplateView):
    template_name = "suggestions/barrier_thanks.html"
