from dataclasses import dataclass

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from phonenumber_field.modelfields import PhoneNumberField

from editorial.models import (
    DemoDataField,
    EditorialFields,
    EditorialQuerySet,
    SlugNaturalKeyManager,
    Status,
)
from editorial.translation import TranslatableMixin, translated_field
from organisations.models import RELATED_SHOWN, Organisation, related_count, shown_rows
from pagecache import tags


def as_written_field(label):
    """A number as the source writes it, shown instead of the uniform format when given."""
    return models.CharField(
        f"{label} in der Schreibweise der Quelle",
        max_length=50,
        blank=True,
        help_text="Leer lassen, dann wird die Nummer einheitlich formatiert.",
    )


class ContactPersonQuerySet(EditorialQuerySet):
    def directory_contacts(self):
        """The people the directory names as its own Ansprechpartner."""
        return self.filter(is_directory_contact=True)

    def with_employer(self):
        """
        The employer only when it is published: prefetching it from published organisations
        leaves `employer` None for a draft, so no page names or links it.
        """
        return self.prefetch_related(
            models.Prefetch("employer", queryset=Organisation.objects.published())
        )

    def with_roles(self):
        """The person's page: employer and roles, at published organisations only."""
        return self.with_employer().prefetch_related(
            models.Prefetch(
                "roles",
                queryset=ContactRole.objects.filter(
                    organisation__status=Status.PUBLISHED
                ).select_related("organisation__category"),
            )
        )


class ContactPerson(TranslatableMixin, EditorialFields):
    first_name = models.CharField("Vorname", max_length=100)
    last_name = models.CharField("Nachname", max_length=100)
    slug = models.SlugField("Kürzel in der URL", max_length=200, unique=True)
    job_title = models.CharField(
        "Titel", max_length=200, blank=True, help_text="Zum Beispiel „Generalmanager“."
    )
    position = models.CharField(
        "Funktion",
        max_length=300,
        blank=True,
        help_text="Zum Beispiel „Leitung Stabstelle Strukturwandel/Infrastruktur und Verkehr“.",
    )
    job_title_en = models.CharField("Titel (englisch)", max_length=200, blank=True)
    position_en = models.CharField("Funktion (englisch)", max_length=300, blank=True)
    employer = models.ForeignKey(
        Organisation,
        verbose_name="Arbeitgeber",
        on_delete=models.PROTECT,
        related_name="employees",
        null=True,
        blank=True,
    )
    phone = PhoneNumberField("Telefon", blank=True, help_text="Wird als +49… gespeichert.")
    phone_display = as_written_field("Telefon")
    fax = PhoneNumberField("Fax", blank=True, help_text="Wird als +49… gespeichert.")
    fax_display = as_written_field("Fax")
    email = models.EmailField("E-Mail", blank=True)
    is_directory_contact = models.BooleanField(
        "Ansprechpartner des Verzeichnisses",
        default=False,
        help_text="Erscheint auf der Startseite als Ansprechpartner.",
    )
    is_demo = DemoDataField()
    objects = SlugNaturalKeyManager.from_queryset(ContactPersonQuerySet)()

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = "Ansprechpartner"
        verbose_name_plural = "Ansprechpartner"

    def __str__(self):
        return self.full_name

    @property
    def page_cache_tag(self):
        return tags.of_row(ContactPerson, self.pk)

    def roles_organisation_ids(self):
        """Where the person has a role, drafts included: one query."""
        return ContactRole.objects.filter(person=self).values_list("organisation_id", flat=True)

    def page_cache_tags(self, relations_changed=False):
        """
        The person's page and the pages that show them (contacts_of names them), and the
        pages of the organisations they now belong to, which may not have shown them yet.
        """
        organisations = {self.employer_id, *self.roles_organisation_ids()}
        return {self.page_cache_tag} | {
            tags.of_row(Organisation, pk) for pk in organisations if pk is not None
        }

    def get_absolute_url(self):
        return reverse("contacts:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["organisations.organisation"]

    @property
    def full_name(self):
        return f"{self.first_name} {self.last_name}"

    display_job_title = translated_field("job_title")

    display_position = translated_field("position")

    NUMBER_SPELLINGS = (("phone", "phone_display"), ("fax", "fax_display"))

    def clean(self):
        errors = {}
        for number_field, display_field in self.NUMBER_SPELLINGS:
            number, display = getattr(self, number_field), getattr(self, display_field)
            if display and not number:
                errors[display_field] = "Bitte auch die Nummer selbst eintragen."
            elif display and number and e164(parse_phone_number(display)) != e164(number):
                errors[display_field] = (
                    "Diese Schreibweise ergibt eine andere Nummer als das Feld darüber."
                )
        if errors:
            raise ValidationError(errors)

    def forget_stale_spellings(self):
        """Drops a number's spelling from the source when it no longer gives the number."""
        for number_field, display_field in self.NUMBER_SPELLINGS:
            number, display = getattr(self, number_field), getattr(self, display_field)
            if display and e164(parse_phone_number(display)) != e164(number or None):
                setattr(self, display_field, "")

    @property
    def phone_text(self):
        return self.phone_display or format_phone_number(self.phone)

    @property
    def fax_text(self):
        return self.fax_display or format_phone_number(self.fax)


def e164(number):
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def parse_phone_number(text):
    try:
        return phonenumbers.parse(text, "DE")
    except phonenumbers.NumberParseException:
        return None


def format_phone_number(number):
    if not number:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class ContactRoleManager(models.Manager):
    def get_by_natural_key(self, person_slug, organisation_slug, role):
        return self.get(person__slug=person_slug, organisation__slug=organisation_slug, role=role)


class ContactRole(models.Model):
    class Role(models.TextChoices):
        SPOKESPERSON = "sprecher", _("Sprecher")
        CONTACT = "ansprechpartner", pgettext_lazy("role", "Ansprechpartner")
        MANAGEMENT = "leitung", _("Leitung")

    person = models.ForeignKey(
        ContactPerson, verbose_name="Person", on_delete=models.CASCADE, related_name="roles"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name="Organisation",
        on_delete=models.CASCADE,
        related_name="contact_roles",
    )
    role = models.CharField("Rolle", max_length=30, choices=Role.choices)
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = ContactRoleManager()

    class Meta:
        ordering = ["person", "order", "pk"]
        verbose_name = "Rolle"
        verbose_name_plural = "Rollen"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation", "role"],
                name="contact_role_unique",
                violation_error_message="Diese Person hat diese Rolle hier schon.",
            )
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()} – {self.organisation}"

    def page_cache_tags(self, relations_changed=False):
        return {
            tags.of_row(ContactPerson, self.person_id),
            tags.of_row(Organisation, self.organisation_id),
        }

    def natural_key(self):
        return (self.person.slug, self.organisation.slug, self.role)

    natural_key.dependencies = ["contacts.contactperson", "organisations.organisation"]


@dataclass
class OrganisationContacts:
    """The persons an organisation's page names: its contact roles and its employees."""

    roles: list
    employees: list
    left_out: int  # how many more there are than the page names


def contact_rows():
    """An organisation's contact roles and employees of published persons, by the field back."""
    return {
        "contact_roles": (
            "organisation",
            ContactRole.objects.select_related("person").filter(person__status=Status.PUBLISHED),
        ),
        "employees": ("employer", ContactPerson.objects.published()),
    }


def contacts_of(organisation, limit=RELATED_SHOWN):
    """
    The organisation's contact roles and employees, of published persons only and at most
    `limit` of each, and how many more there are.

    They are fetched by whichever part of the page asks first (the structured data, the
    relations picture, the list of contacts) and kept on the organisation; the others find
    them there without building the queries again.
    """
    cached = organisation.__dict__.get("_contacts_of")
    if cached is not None and cached[0] == limit:
        tags.depends_on(*cached[2])
        return cached[1]
    related = contact_rows()
    # Both numbers first, in one small query: a list known to be short is then fetched plainly,
    # as keeping the first `limit` takes a window query that costs Django more to build than
    # the database to run.
    totals = (
        Organisation.objects.filter(pk=organisation.pk)
        .values(
            **{
                f"{name}_total": related_count(rows, field)
                for name, (field, rows) in related.items()
            }
        )
        .get()
    )
    roles, employees = (
        shown_rows(rows, field, organisation, totals[f"{name}_total"], limit)
        for name, (field, rows) in related.items()
    )
    person_tags = [person.page_cache_tag for person in [role.person for role in roles] + employees]
    tags.depends_on(*person_tags)
    contacts = OrganisationContacts(
        roles=roles,
        employees=employees,
        left_out=sum(max(total - limit, 0) for total in totals.values()),
    )
    organisation._contacts_of = (limit, contacts, person_tags)
    return contacts
