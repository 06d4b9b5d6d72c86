"""
The public forms. The suggestion forms are model forms of Organisation, never saved: the
model's own rules check them as they check the admin's form (one set of rules), and the
proposed values go into a Suggestion; the barrier report is a plain form. Spam is kept out by
a honeypot, a signed minimum fill time, limits on length and links (PublicForm), and the rate
limit of the views.
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from contacts.models import ContactPerson
from editorial.history import comparable
from organisations.models import Organisation

from .models import (
    CORRECTION_FIELDS,
    NEW_ENTRY_FIELDS,
    PERSON_CORRECTION_FIELDS,
    Suggestion,
    entry_values,
    json_value,
)

# The hidden field bots fill in; people never see it.
HONEYPOT_FIELD = "homepage"
STARTED_FIELD = "started"
STARTED_SALT = "suggestions.started"
LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
# Free text fields without a limit of their own in the model.
# The largest primary key a database column holds (a signed 64-bit integer).
BIGGEST_KEY = 2**63 - 1
TEXT_LIMITS = {"description": 5000, "note": 2000, "contact": 1000}

LABELS = {
    "name": _("Name"),
    "acronym": _("Abkürzung"),
    "alternative_name": _("Weiterer Name"),
    "category": _("Kategorie"),
    "description": _("Beschreibung"),
    "founding_year": _("Gründungsjahr"),
    "legal_form": _("Rechtsform"),
    "website": _("Website"),
    "federal_states": _("Bundesländer"),
    "districts": _("Landkreise und kreisfreie Städte"),
    "topics": _("Themen"),
}


def started_token(now=None):
    """The signed time the form was shown, for the minimum fill time."""
    return signing.dumps(now if now is not None else time.time(), salt=STARTED_SALT)


class TranslatedChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class TranslatedMultipleChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.display_name

    def _check_values(self, value):
        # A number beyond the database's integers is no choice; Django would pass it on to
        # the query, where SQLite fails with an OverflowError (tests/test_suggestion_fuzzing.py).
        for pk in value:
            try:
                too_large = abs(int(pk)) > BIGGEST_KEY
            except (TypeError, ValueError):
                continue  # Django's own check refuses it
            if too_large:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class PublicForm(forms.Form):
    """
    What every form for the public has: who sends it (optional, last) and the spam checks.
    A form for the public is this and its own fields; model forms mix it in first.
    """

    SUBMITTER_FIELDS = ("submitter_name", "submitter_email")
    # Address fields are one link each by nature; the free text is where spam links go.
    LINK_FIELDS = ()

    submitter_name = forms.CharField(label=_("Ihr Name"), required=False, max_length=100)
    submitter_email = forms.EmailField(
        label=_("Ihre E-Mail-Adresse"),
        required=False,
        help_text=_(
            "Freiwillig, nur für Rückfragen der Redaktion. Die Website schickt Ihnen keine "
            "automatische E-Mail."
        ),
    )

    def __init__(self, *args, **kwargs):
        # Labels as on the site's other forms, without a colon.
        super().__init__(*args, label_suffix="", **kwargs)
        self.order_fields([name for name in self.fields if name not in self.SUBMITTER_FIELDS])

    def entry_fields(self):
        return [field for field in self if field.name not in self.SUBMITTER_FIELDS]

    def submitter_fields(self):
        return [self[name] for name in self.SUBMITTER_FIELDS]

    @property
    def started_token(self):
        return started_token()

    def clean(self):
        cleaned_data = super().clean()
        self.check_fill_time()
        texts = [
            value
            for name, value in cleaned_data.items()
            if isinstance(value, str) and name not in self.LINK_FIELDS
        ]
        links = sum(len(LINK.findall(text)) for text in texts)
        if links > settings.SUGGESTION_MAX_LINKS:
            raise forms.ValidationError(
                _("Bitte nennen Sie höchstens %(count)s Links im Text.")
                % {"count": settings.SUGGESTION_MAX_LINKS},
                code="too_many_links",
            )
        return cleaned_data

    def check_fill_time(self):
        """Between the minimum and the maximum age of the signed time the form was shown."""
        try:
            started = float(signing.loads(self.data.get(STARTED_FIELD, ""), salt=STARTED_SALT))
        except (signing.BadSignature, TypeError, ValueError):
            started = 0
        age = time.time() - started
        if age > settings.SUGGESTION_MAX_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "Das Formular ist abgelaufen. Bitte prüfen Sie Ihre Angaben und senden Sie "
                    "es erneut."
                ),
                code="expired",
            )
        if age < settings.SUGGESTION_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _(
                    "Das ging sehr schnell. Bitte prüfen Sie Ihre Angaben und senden Sie das "
                    "Formular erneut."
                ),
                code="too_fast",
            )


class SuggestionForm(PublicForm, forms.ModelForm):
    LINK_FIELDS = ("website", "source_url")

    note = forms.CharField(
        label=_("Anmerkung für die Redaktion"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    source_url = forms.URLField(
        label=_("Quelle (Link)"),
        required=False,
        max_length=500,
        help_text=_("Wo steht, was Sie vorschlagen? Zum Beispiel die Website der Organisation."),
    )

    class Meta:
        model = Organisation
        fields = []  # each form names its own
        labels = LABELS
        help_texts = dict.fromkeys(LABELS, "")
        field_classes = {
            "category": TranslatedChoiceField,
            "federal_states": TranslatedMultipleChoiceField,
            "districts": TranslatedMultipleChoiceField,
            "topics": TranslatedMultipleChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # What the entry is now, before validation writes the input onto the instance.
        self.original = entry_values(self.instance) if self.instance.pk else {}
        for name, limit in TEXT_LIMITS.items():
            if name in self.fields:
                self.fields[name].validators.append(MaxLengthValidator(limit))
                self.fields[name].widget.attrs["maxlength"] = limit

    def _get_validation_exclusions(self):
        # Checked, though not in the form: the model's rule that an entry needs a category.
        exclusions = super()._get_validation_exclusions()
        exclusions.discard("is_entry")
        return exclusions

    def proposed_values(self):
        values = {}
        for name in self._meta.fields:
            field = self._meta.model._meta.get_field(name)
            values[field.attname] = json_value(field, self.cleaned_data[name])
        return values

    def suggestion(self):
        """The unsaved suggestion of this valid form."""
        return Suggestion(
            data=self.proposed_values(),
            note=self.cleaned_data["note"],
            source_url=self.cleaned_data["source_url"],
            submitter_name=self.cleaned_data["submitter_name"],
            submitter_email=self.cleaned_data["submitter_email"],
        )


class CorrectionForm(SuggestionForm):
    kind = Suggestion.Kind.CORRECTION

    class Meta(SuggestionForm.Meta):
        fields = CORRECTION_FIELDS

    def proposed_values(self):
        """Only what the visitor changed."""
        model_fields = (self._meta.model._meta.get_field(name) for name in self._meta.fields)
        return {
            field.attname: value
            for field, value in zip(model_fields, super().proposed_values().values(), strict=True)
            if comparable(field, value) != comparable(field, self.original[field.attname])
        }

    def clean(self):
        cleaned_data = super().clean()
        if not self.errors and not self.proposed_values() and not cleaned_data.get("note"):
            raise forms.ValidationError(
                _("Bitte ändern Sie mindestens ein Feld oder schreiben Sie eine Anmerkung."),
                code="unchanged",
            )
        return cleaned_data

    def suggestion(self):
        suggestion = super().suggestion()
        suggestion.kind = self.kind
        # The entry as it is stored: the form's instance carries the visitor's input.
        entry = type(self.instance).objects.get(pk=self.instance.pk)
        suggestion.entry = entry
        suggestion.title = str(entry)
        suggestion.entry_version = entry.version
        suggestion.entry_updated_at = entry.updated_at
        return suggestion


class EmployerField(forms.ModelChoiceField):
    """A published organisation, typed by its name: a list of all of them would be too long."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid_choice": _(
            "Keine Organisation dieses Namens im Verzeichnis. Bitte den Namen so schreiben, "
            "wie er im Verzeichnis steht, oder das Feld leer lassen und eine Anmerkung schreiben."
        )
    }

    def __init__(self, **kwargs):
        kwargs.update(queryset=Organisation.objects.published(), to_field_name="name")
        super().__init__(**kwargs)


class PersonCorrectionForm(CorrectionForm):
    kind = Suggestion.Kind.PERSON_CORRECTION

    class Meta:
        model = ContactPerson
        fields = PERSON_CORRECTION_FIELDS
        labels = {
            "first_name": _("Vorname"),
            "last_name": _("Nachname"),
            "job_title": _("Titel"),
            "position": _("Funktion"),
            "employer": _("Arbeitgeber"),
            "phone": _("Telefon"),
            "fax": _("Fax"),
            "email": _("E-Mail"),
        }
        help_texts = dict.fromkeys(PERSON_CORRECTION_FIELDS, "")
        field_classes = {"employer": EmployerField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The employer as the page shows it: by name, and only when it is published.
        employer = self.instance.employer if self.instance.employer_id else None
        if employer is not None and not employer.is_published:
            employer = None
        self.initial["employer"] = employer
        self.original["employer_id"] = employer.pk if employer else None
        # The visitor corrects the numbers; their spelling from the source would no longer
        # match a corrected one (the model's rule), and accepting drops it then anyway.
        for _number, spelling in ContactPerson.NUMBER_SPELLINGS:
            setattr(self.instance, spelling, "")


class NewEntryForm(SuggestionForm):
    contact = forms.CharField(
        label=_("Kontakt der Organisation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Anschrift, Telefon oder E-Mail, wie sie im Verzeichnis stehen sollen."),
    )

    class Meta(SuggestionForm.Meta):
        fields = NEW_ENTRY_FIELDS

    def suggestion(self):
        suggestion = super().suggestion()
        suggestion.kind = Suggestion.Kind.NEW_ENTRY
        suggestion.title = self.cleaned_data["name"]
        suggestion.contact = self.cleaned_data["contact"]
        return suggestion


class BarrierForm(PublicForm):
    """A barrier on the site, for the feedback the accessibility statement promises."""

    description = forms.CharField(
        label=_("Welche Barriere haben Sie gefunden?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Was wollten Sie tun, und was hat nicht geklappt?"),
    )
    page = forms.CharField(
        label=_("Auf welcher Seite?"),
        required=False,
        max_length=200,
        help_text=_("Die Adresse oder der Titel der Seite."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submitter_email"].help_text = _(
            "Freiwillig. Wenn Sie eine Adresse angeben, antwortet Ihnen die Redaktion."
        )

    def suggestion(self):
        """The unsaved report of this valid form: a Suggestion of the kind barrier."""
        return Suggestion(
            kind=Suggestion.Kind.BARRIER,
            title=self.cleaned_data["page"] or "—",
            note=self.cleaned_data["description"],
            submitter_name=self.cleaned_data["submitter_name"],
            submitter_email=self.cleaned_data["submitter_email"],
        )
