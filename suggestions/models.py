"""
Corrections and new entries that visitors suggest, and the barriers they report. Nothing of
them is public: an editor compares, takes over what is right as a new version of the entry (or
a new draft), or rejects; a barrier report is answered and marked so.
"""

import logging

import reversion
from django.conf import settings
from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from contacts.models import ContactPerson
from editorial.history import comparable, display_value
from editorial.models import Status
from organisations.models import Organisation

logger = logging.getLogger(__name__)

EDITORS_GROUP = "Redaktion"
# The public fields of an entry a visitor may correct, in the page's order.
CORRECTION_FIELDS = [
    "name",
    "acronym",
    "alternative_name",
    "category",
    "description",
    "founding_year",
    "legal_form",
    "website",
    "federal_states",
    "districts",
    "topics",
]
# A contact person's fields as their public page shows them.
PERSON_CORRECTION_FIELDS = [
    "first_name",
    "last_name",
    "job_title",
    "position",
    "employer",
    "phone",
    "fax",
    "email",
]
# What a new entry needs; the editors add the rest before they publish it.
NEW_ENTRY_FIELDS = [
    "name",
    "category",
    "description",
    "website",
    "federal_states",
    "districts",
    "topics",
]


def json_value(field, value):
    """A form's cleaned value as `editorial.history.field_values` keeps it, for a JSONField."""
    if field.many_to_many:
        return sorted(related.pk for related in value)
    if field.is_relation:
        return value.pk if value is not None else None
    if value and not isinstance(value, str | int | float | bool):
        return str(value)  # a phone number, in the E.164 form the model stores
    return value


def correction_fields(model):
    """The model fields a visitor may correct in an entry of `model`, in the page's order."""
    names = PERSON_CORRECTION_FIELDS if model is ContactPerson else CORRECTION_FIELDS
    return [model._meta.get_field(name) for name in names]


def entry_values(entry):
    """The entry's public fields as `editorial.history.field_values` keeps them, with the m2m."""
    values = {}
    for field in correction_fields(type(entry)):
        if field.many_to_many:
            values[field.attname] = sorted(
                related.pk for related in getattr(entry, field.name).all()
            )
        else:
            values[field.attname] = getattr(entry, field.attname)
    return values


class SuggestionQuerySet(models.QuerySet):
    def handled_before(self, moment):
        return self.exclude(state=Suggestion.State.NEW).filter(handled_at__lt=moment)

    def purge_contacts(self):
        """Forgets who sent them; what they suggested stays for the record."""
        return self.exclude(submitter_name="", submitter_email="").update(
            submitter_name="", submitter_email=""
        )


class Suggestion(models.Model):
    class Kind(models.TextChoices):
        CORRECTION = "correction", _("Änderung")
        PERSON_CORRECTION = "person_correction", _("Änderung an Ansprechpartner")
        NEW_ENTRY = "new_entry", _("Neuer Eintrag")
        # A barrier on the site (the accessibility statement's feedback): about no entry.
        BARRIER = "barrier", _("Barriere")

    class State(models.TextChoices):
        NEW = "new", _("neu")
        ACCEPTED = "accepted", _("angenommen")
        REJECTED = "rejected", _("abgelehnt")
        ANSWERED = "answered", _("beantwortet")

    kind = models.CharField("Art", max_length=20, choices=Kind.choices)
    state = models.CharField("Status", max_length=20, choices=State.choices, default=State.NEW)
    # The corrected entry; for an accepted new entry, the draft made from it.
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="Eintrag",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    person = models.ForeignKey(
        ContactPerson,
        verbose_name="Ansprechpartner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
    )
    title = models.CharField("Name des Eintrags", max_length=200)
    # The proposed values by field (attname), as editorial.history.field_values keeps them:
    # for a correction only the fields the visitor changed.
    data = models.JSONField("Vorgeschlagene Werte", default=dict)
    # The entry as the visitor saw it, to warn when an editor changed it since.
    entry_version = models.PositiveIntegerField("Bearbeitungsstand des Eintrags", null=True)
    entry_updated_at = models.DateTimeField("Eintrag geändert am", null=True)
    contact = models.TextField("Kontakt der Organisation", blank=True)
    note = models.TextField("Anmerkung", blank=True)
    source_url = models.URLField("Quelle", max_length=500, blank=True)
    submitter_name = models.CharField(
        "Name der Einsenderin/des Einsenders", max_length=100, blank=True
    )
    submitter_email = models.EmailField("E-Mail der Einsenderin/des Einsenders", blank=True)
    created_at = models.DateTimeField("Eingegangen am", auto_now_add=True)
    handled_at = models.DateTimeField("Bearbeitet am", null=True, blank=True)
    handled_by = models.ForeignKey(
        User, verbose_name="Bearbeitet von", on_delete=models.SET_NULL, null=True, blank=True
    )
    rejection_reason = models.TextField("Grund der Ablehnung", blank=True)
    reply = models.TextField(
        "Antwort der Redaktion",
        blank=True,
        help_text="Bei gemeldeten Barrieren: was die Redaktion geantwortet oder geändert hat.",
    )
    notification_failed = models.BooleanField(
        "Benachrichtigung fehlgeschlagen",
        default=False,
        help_text="Die E-Mail an die Redaktion konnte nicht gesendet werden.",
    )

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        # SQLite and PostgreSQL both have it; declared, the system checks need not ask the
        # database (which checks run without, such as tests/test_pagecache_checks.py).
        required_db_features = {"supports_json_field"}
        constraints = [
            # The entry a suggestion is about is of the model its kind names, and a barrier
            # report is about none (the `entry` property reads the field the kind names).
            models.CheckConstraint(
                condition=(
                    Q(kind="person_correction", organisation__isnull=True)
                    | Q(kind__in=["correction", "new_entry"], person__isnull=True)
                    | Q(kind="barrier", organisation__isnull=True, person__isnull=True)
                ),
                name="suggestion_entry_fits_its_kind",
                violation_error_message="Ein Vorschlag betrifft höchstens einen Eintrag, "
                "und zwar einen seiner Art.",
            )
        ]
        verbose_name = "Vorschlag"
        verbose_name_plural = "Vorschläge"

    def __str__(self):
        return f"#{self.pk} {self.get_kind_display()}: {self.title}"

    @property
    def is_correction(self):
        return self.kind in (self.Kind.CORRECTION, self.Kind.PERSON_CORRECTION)

    @property
    def entry_model(self):
        return ContactPerson if self.kind == self.Kind.PERSON_CORRECTION else Organisation

    @property
    def entry(self):
        """The corrected organisation or person (or the draft made of a new entry)."""
        return self.person if self.entry_model is ContactPerson else self.organisation

    @entry.setter
    def entry(self, entry):
        if isinstance(entry, ContactPerson):
            self.person = entry
        else:
            self.organisation = entry

    @property
    def entry_changed_since(self):
        """Whether the entry was saved after the visitor loaded it (in the admin or otherwise)."""
        entry = self.entry
        return entry is not None and (
            entry.version != self.entry_version or entry.updated_at != self.entry_updated_at
        )

    def changes(self):
        """Each proposed field: (name, label, value now, proposed value), in the form's order."""
        entry = self.entry
        current = entry_values(entry) if entry else {}
        rows = []
        for field in correction_fields(self.entry_model):
            if field.attname not in self.data:
                continue
            now, proposed = current.get(field.attname), self.data[field.attname]
            if entry and comparable(field, now) == comparable(field, proposed):
                continue
            rows.append(
                (
                    field.name,
                    field.verbose_name,
                    display_value(field, now) if entry else "",
                    display_value(field, proposed),
                )
            )
        return rows

    def recipients(self):
        group_addresses = User.objects.filter(groups__name=EDITORS_GROUP, is_active=True).exclude(
            email=""
        )
        return sorted(
            set(settings.DIRECTORY_EDITOR_EMAILS)
            | set(group_addresses.values_list("email", flat=True))
        )

    def notify_editors(self, review_url):
        """
        One e-mail to the editors; never to the visitor's address. Called after the suggestion
        is committed: a mail server that fails marks it, and the suggestion stays.
        """
        recipients = self.recipients()
        if not recipients:
            return
        if self.kind == self.Kind.BARRIER:
            subject = f"Barriere gemeldet #{self.pk}"
            body = (
                f"Eine Barriere auf der Website ist gemeldet worden (Seite: {self.title}).\n\n"
                f"Lesen und beantworten:\n{review_url}\n"
            )
        else:
            subject = f"Neuer Vorschlag #{self.pk}: {self.get_kind_display()}"
            body = (
                f"{self.get_kind_display()} zu „{self.title}“ ist eingegangen.\n\n"
                f"Prüfen und übernehmen oder ablehnen:\n{review_url}\n"
            )
        try:
            send_mail(subject, body, None, recipients)
        except Exception:
            logger.exception("Suggestion #%s: notifying the editors failed", self.pk)
            Suggestion.objects.filter(pk=self.pk).update(notification_failed=True)
            self.notification_failed = True

    def history_comment(self):
        return f"Vorschlag #{self.pk} übernommen"

    @transaction.atomic
    def accept(self, user, field_names):
        """
        Takes over the chosen fields as one new version of the entry, or makes a draft of a new
        entry, checked by the model's own rules; either counts as verified now. Raises
        ValidationError for values that are no longer valid (a name taken since, say).
        """
        if self.kind == self.Kind.NEW_ENTRY:
            entry = Organisation(status=Status.DRAFT, slug=self.free_slug())
        else:
            entry = self.entry_model.objects.select_for_update().get(pk=self.entry.pk)
            if not Version.objects.get_for_object(entry).exists():
                # As the admin does: the state before the first edit, for undoing this one.
                with reversion.create_revision():
                    reversion.set_user(user)
                    reversion.set_comment("Stand vor der ersten Bearbeitung")
                    reversion.add_to_revision(entry)
            entry.version += 1
        # Taking over is an editor's check of the entry (editorial.models.EditorialFields).
        entry.verified_at = timezone.now()
        chosen = [self.entry_model._meta.get_field(name) for name in field_names]
        for field in chosen:
            if not field.many_to_many:
                setattr(entry, field.attname, self.data[field.attname])
        if isinstance(entry, ContactPerson):
            # The source's spelling of a number the visitor corrected no longer gives it.
            entry.forget_stale_spellings()
        entry.full_clean()
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(self.history_comment())
            entry.save()
            for field in chosen:
                if field.many_to_many:
                    getattr(entry, field.name).set(self.data[field.attname])
        self.entry = entry
        self.finish(user, self.State.ACCEPTED)

    def reject(self, user, reason):
        self.rejection_reason = reason
        self.finish(user, self.State.REJECTED)

    def mark_answered(self, user, reply):
        """A barrier report the editors answered (or fixed): kept, no longer new."""
        self.reply = reply
        self.finish(user, self.State.ANSWERED)

    def finish(self, user, state):
        self.state = state
        self.handled_by = user
        self.handled_at = timezone.now()
        self.save()

    def free_slug(self):
        base = slugify(self.title)[:190] or "eintrag"
        slug, number = base, 1
        while Organisation.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug
