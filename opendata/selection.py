from datetime import UTC

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from organisations.filters import OrganisationFilter

CHANGED_SINCE = "geaendert_seit"


class ChangedSinceForm(forms.Form):
    geaendert_seit = forms.DateTimeField(
        required=False,
        error_messages={
            "invalid": _(
                "„geaendert_seit“ muss ein Datum oder ein Zeitpunkt nach ISO 8601 sein, "
                "z. B. 2026-11-25 oder 2026-11-25T10:00:00Z."
            )
        },
    )

    def clean_geaendert_seit(self):
        value = self.cleaned_data[CHANGED_SINCE]
        if value is not None:
            # Within a day of year 1 or 9999 a time has no UTC equivalent to compare with.
            try:
                value.astimezone(UTC)
            except OverflowError:
                message = self.fields[CHANGED_SINCE].error_messages["invalid"]
                raise ValidationError(message, code="invalid") from None
        return value


class Selection:
    """The entries that a list URL shows, for the exports and the feed.

    The list's filters apply as on the list: an invalid value is ignored. `geaendert_seit` serves
    programs that sync, so its invalid value raises ValidationError instead of silently giving
    everything.
    """

    def __init__(self, params, queryset):
        self.params = params
        self.filterset = OrganisationFilter(params, queryset=queryset)
        form = ChangedSinceForm(params)
        if not form.is_valid():
            raise ValidationError(form.errors[CHANGED_SINCE])
        self.changed_since = form.cleaned_data[CHANGED_SINCE]

    @cached_property
    def organisations(self):
        organisations = self.filterset.qs
        # As on the list: a search that finds nothing forgives typos.
        if self.filterset.search_query and not organisations.exists():
            organisations = self.filterset.widen_search_to_similar_spellings()
        if self.changed_since:
            organisations = organisations.filter(updated_at__gte=self.changed_since)
        return organisations

    def url(self, url_name):
        """The path of a page with these parameters, e.g. the list that shows this selection."""
        query = self.params.urlencode()
        return reverse(url_name) + (f"?{query}" if query else "")

    @property
    def filters(self):
        """The parameters that were applied, with their values as given."""
        self.filterset.form.is_valid()  # cleans once; cleaned_data holds only valid values
        cleaned = self.filterset.form.cleaned_data
        applied = [name for name in self.filterset.filters if name in cleaned]
        return {
            name: values
            for name in [*applied, CHANGED_SINCE]
            if (values := [value for value in self.params.getlist(name) if value])
        }

    @property
    def ignored_filters(self):
        """The list's parameters that were left out for an invalid value, with the reason."""
        return {
            name: [str(message) for message in messages]
            for name, messages in self.filterset.errors.items()
        }
