from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Func, OuterRef, Q, Subquery, Window
from django.db.models.functions import Coalesce, RowNumber
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from editorial.models import (
    DemoDataField,
    EditorialFields,
    EditorialQuerySet,
    SlugNaturalKeyManager,
    SlugNaturalKeyModel,
    Status,
)
from editorial.translation import TranslatableMixin, TranslatedText, translated_field
from pagecache import tags

from .search.backends import search_organisations
from .search.text import search_document

ENTRY_NEEDS_CATEGORY = "entry_needs_category"
FOUNDING_YEAR_MIN = 1800
FOUNDING_YEAR_MAX = 2100
# The field's validators show it beside the field in every form; the constraint keeps it in
# the database.
FOUNDING_YEAR_RULE = format_lazy(
    _("Das Gründungsjahr muss zwischen {min} und {max} liegen."),
    min=FOUNDING_YEAR_MIN,
    max=FOUNDING_YEAR_MAX,
)
# An organisation's page names at most this many of its relations of each direction, contact
# roles and employees: a hub with thousands would give a page nobody reads and every request
# the cost of all of them.
RELATED_SHOWN = 50


class NamedSlugModel(TranslatableMixin, SlugNaturalKeyModel):
    """A short list of named things that pages filter by, such as topics or states."""

    name = models.CharField("Name", max_length=100, unique=True)
    name_en = models.CharField("Name (englisch)", max_length=100, blank=True)
    slug = models.SlugField("Kürzel in der URL", max_length=100, unique=True)
    is_demo = DemoDataField()

    class Meta:
        abstract = True
        ordering = ["name"]


class CategoryQuerySet(models.QuerySet):
    def with_entry_counts(self):
        """
        Each category's number of published entries, counted in a subquery per category
        that the (status, is_entry, category) index answers alone, not over a join of all.
        """
        entries = (
            Organisation.objects.published()
            .entries()
            .filter(category=OuterRef("pk"))
            .order_by()
            .values("category")
            .annotate(count=models.Count("*"))
            .values("count")
        )
        return self.annotate(entry_count=Coalesce(Subquery(entries), 0))


class Category(NamedSlugModel):
    class Colour(models.TextChoices):
        # The palette of static/css/site.css: each colour has its tint and its dark and print
        # values there, with their contrast noted.
        INDIGO = "indigo", "Indigo"
        GREEN = "green", "Grün"
        BROWN = "brown", "Braun"

    name_plural = models.CharField("Name im Plural", max_length=100)
    name_plural_en = models.CharField("Name im Plural (englisch)", max_length=100, blank=True)
    description = models.TextField("Kurzbeschreibung", blank=True)
    description_en = models.TextField("Kurzbeschreibung (englisch)", blank=True)
    colour = models.CharField(
        "Farbe",
        max_length=20,
        choices=Colour.choices,
        default=Colour.INDIGO,
        help_text="Farbe, in der Kennzeichen, Kacheln und Beziehungsgeflecht die Kategorie zeigen.",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = SlugNaturalKeyManager.from_queryset(CategoryQuerySet)()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "Kategorie"
        verbose_name_plural = "Kategorien"

    def get_absolute_url(self):
        return reverse("organisations:list") + f"?kategorie={self.slug}"

    display_name_plural = translated_field("name_plural")

    display_description = translated_field("description")


class Topic(NamedSlugModel):
    class Meta(NamedSlugModel.Meta):
        verbose_name = "Thema"
        verbose_name_plural = "Themen"


class FederalState(NamedSlugModel):
    class Meta(NamedSlugModel.Meta):
        verbose_name = "Bundesland"
        verbose_name_plural = "Bundesländer"


class District(NamedSlugModel):
    class Kind(models.TextChoices):
        RURAL_DISTRICT = "landkreis", _("Landkreis")
        INDEPENDENT_CITY = "kreisfreie_stadt", _("Kreisfreie Stadt")

    kind = models.CharField("Art", max_length=20, choices=Kind.choices)

    class Meta(NamedSlugModel.Meta):
        verbose_name = "Landkreis oder kreisfreie Stadt"
        verbose_name_plural = "Landkreise und kreisfreie Städte"


def first_of_each(related_rows, field_name, limit):
    """
    The first `limit` of the related rows of each organisation, which `field_name` points to.
    (A sliced Prefetch does the same, but only into a list of its own instead of the
    relation's usual `.all()`.)
    """
    return related_rows.annotate(
        related_rank=Window(
            RowNumber(),
            partition_by=F(field_name),
            order_by=related_rows.model._meta.ordering,
        )
    ).filter(related_rank__lte=limit)


def shown_rows(related_rows, field_name, organisation, total, limit):
    """
    The first `limit` of the related rows that point to one organisation, of `total`: none
    without a query, and a plain query when there are few, as the window query of
    first_of_each() takes Django longer to build than the database to run.
    """
    if not total:
        return []
    if total > limit:
        related_rows = first_of_each(related_rows, field_name, limit)
    rows = list(related_rows.filter(**{field_name: organisation}))
    for row in rows:
        setattr(row, field_name, organisation)
    return rows


def related_count(related_rows, field_name):
    """
    The number of the related rows that point to the outer organisation by `field_name`: a
    subquery of one row whatever their number (COUNT without GROUP BY), so it needs no
    Coalesce, and is cheaper for Django to build than an aggregate's.
    """
    return Subquery(
        related_rows.filter(**{field_name: OuterRef("pk")})
        .order_by()
        .values(count=Func("pk", function="COUNT")),
        output_field=models.IntegerField(),
    )


def published_relations():
    """An organisation's relations from and to published others, with what the page shows."""
    published = Status.PUBLISHED
    return {
        "outgoing_relations": Relation.objects.select_related("target__category").filter(
            target__status=published
        ),
        "incoming_relations": Relation.objects.select_related("source__category").filter(
            source__status=published
        ),
    }


class OrganisationQuerySet(EditorialQuerySet):
    def entries(self):
        """The organisations the source describes in an entry of their own."""
        return self.filter(is_entry=True)

    def mentioned(self):
        """Actors the source only names, e.g. as founders."""
        return self.filter(is_entry=False)

    def for_list(self):
        """What a result card shows besides its topics, which organisations.cards adds."""
        return self.select_related("category").without_search_text()

    def without_search_text(self):
        """
        Without the search text and its full-text tokens, which pages never show: together
        the largest part of a row, and on PostgreSQL slow to read.
        """
        return self.defer("search_document", "search_vector")

    def with_facts(self):
        """
        What an organisation's page shows of it but its relations (`fetch_relations`) and
        contact persons (contacts.models.contacts_of): of the others only what is published,
        as a page never links to a draft and an editor's preview of a draft shows what
        visitors will see once it is published.
        """
        return (
            self.select_related("category")
            .without_search_text()
            .prefetch_related("topics", "federal_states", "districts")
        )

    def related_field(self, name):
        """The field of the related rows that points back here, e.g. `source`."""
        return self.model._meta.get_field(name).field.name

    def update_search_documents(self):
        """Writes the search text of these organisations anew, e.g. after topics changed."""
        organisations = list(self.prefetch_related("topics"))
        for organisation in organisations:
            organisation.search_document = search_document(organisation, organisation.topics.all())
        self.model.objects.bulk_update(organisations, ["search_document"], batch_size=1000)

    def search(self, query, similar_spellings=False):
        return search_organisations(self, query, similar_spellings)


class LegalForm(models.TextChoices):
    GMBH = "gmbh", "GmbH"
    REGISTERED_ASSOCIATION = "ev", _("eingetragener Verein (e.V.)")
    ASSOCIATION = "verein", _("Verein")
    ALLIANCE = "buendnis", _("Freiwilliges Bündnis ohne Rechtsrahmen")
    GOVERNMENT_OFFICE = "amt", _("Amt der Landesregierung")
    CHURCH_INSTITUTION = "kirchliche_einrichtung", _("Kirchliche Einrichtung")


class Organisation(TranslatableMixin, EditorialFields, SlugNaturalKeyModel):
    name = models.CharField("Name", max_length=200, unique=True)
    name_en = models.CharField(
        "Name (englisch)",
        max_length=200,
        blank=True,
        help_text="Nur wenn es einen englischen Namen gibt; sonst zeigt die englische Seite "
        "den deutschen.",
    )
    slug = models.SlugField("Kürzel in der URL", max_length=200, unique=True)
    acronym = models.CharField(
        "Abkürzung", max_length=30, blank=True, help_text="Zum Beispiel „LMBV“ oder „WiL“."
    )
    alternative_name = models.CharField(
        "Weiterer Name",
        max_length=200,
        blank=True,
        help_text="Ein Zweitname oder eine andere Bezeichnung, z. B. „DurcH2atmen“.",
    )
    is_entry = models.BooleanField(
        "Eigener Verzeichniseintrag",
        default=True,
        help_text="Aus: ein Akteur, den ein Eintrag nur erwähnt (z. B. als Gründer). "
        "Er hat eine eigene Seite, zählt aber in keiner Kategorie.",
    )
    category = models.ForeignKey(
        Category,
        verbose_name="Kategorie",
        on_delete=models.PROTECT,
        related_name="organisations",
        null=True,
        blank=True,
    )
    description = models.TextField(
        "Beschreibung",
        blank=True,
        help_text="Absätze durch eine Leerzeile trennen. Absätze, die mit „1.“, „2.“ … "
        "beginnen, erscheinen als nummerierte Liste.",
    )
    description_en = models.TextField(
        "Beschreibung (englisch)",
        blank=True,
        help_text="Übersetzung der deutschen Beschreibung für die englischen Seiten. Leer: "
        "Die englische Seite zeigt die deutsche Beschreibung.",
    )
    founding_year = models.PositiveSmallIntegerField(
        "Gründungsjahr",
        null=True,
        blank=True,
        validators=[
            MinValueValidator(FOUNDING_YEAR_MIN, FOUNDING_YEAR_RULE),
            MaxValueValidator(FOUNDING_YEAR_MAX, FOUNDING_YEAR_RULE),
        ],
    )
    legal_form = models.CharField(
        "Rechtsform", max_length=30, choices=LegalForm.choices, blank=True
    )
    is_charitable = models.BooleanField(
        "Gemeinnützig", null=True, blank=True, help_text="Leer lassen, wenn unbekannt."
    )
    member_count = models.PositiveIntegerField(
        "Mitgliederzahl",
        null=True,
        blank=True,
        help_text="Zum Sortieren; bei ungefähren Angaben die Untergrenze.",
    )
    member_count_text = models.CharField(
        "Mitgliederzahl im Wortlaut",
        max_length=100,
        blank=True,
        help_text="Wie die Quelle die Zahl nennt, z. B. „weit über 100“.",
    )
    member_count_text_en = models.CharField(
        "Mitgliederzahl als Text (englisch)", max_length=100, blank=True
    )
    website = models.URLField("Website", blank=True)
    federal_states = models.ManyToManyField(
        FederalState, verbose_name="Bundesländer", related_name="organisations", blank=True
    )
    districts = models.ManyToManyField(
        District,
        verbose_name="Landkreise und kreisfreie Städte",
        related_name="organisations",
        blank=True,
    )
    topics = models.ManyToManyField(
        Topic, verbose_name="Themen", related_name="organisations", blank=True
    )
    # Folded text of the names, descriptions and topics that search looks in; kept current
    # by save() and by the signals in organisations/signals.py.
    search_document = models.TextField("Suchtext", blank=True, editable=False)
    # PostgreSQL only: the search text as German full-text tokens, written by a trigger
    # (migration 0007). SQLite keeps this column empty and searches an FTS5 table instead.
    search_vector = SearchVectorField(null=True, editable=False)
    is_demo = DemoDataField()
    objects = SlugNaturalKeyManager.from_queryset(OrganisationQuerySet)()

    # A search's results get their name and an excerpt with the matches marked
    # (organisations.search.highlight). Empty for the others, which a card asks too: a
    # missing attribute costs a template a dir() of the whole model, twice per card.
    marked_name = ""
    search_excerpt = ""

    class Meta:
        ordering = ["name"]
        verbose_name = "Organisation"
        verbose_name_plural = "Organisationen"
        constraints = [
            models.CheckConstraint(
                condition=Q(is_entry=False) | Q(category__isnull=False),
                name="organisation_entry_has_category",
                violation_error_code=ENTRY_NEEDS_CATEGORY,
                violation_error_message=_("Ein Verzeichniseintrag braucht eine Kategorie."),
            ),
            models.CheckConstraint(
                condition=Q(founding_year__isnull=True)
                | Q(founding_year__gte=FOUNDING_YEAR_MIN, founding_year__lte=FOUNDING_YEAR_MAX),
                name="organisation_founding_year_plausible",
                violation_error_message=FOUNDING_YEAR_RULE,
            ),
        ]
        # What the public list asks for on every request: published entries, counted, in name
        # order, by category or legal form. These serve it from the index alone, which keeps
        # counts and deep pages fast at 100,000 entries.
        indexes = [
            models.Index(fields=["status", "is_entry", "name"]),
            models.Index(fields=["status", "is_entry", "category", "name"]),
            models.Index(fields=["status", "is_entry", "legal_form"]),
            models.Index(fields=["founding_year"]),
        ]

    # What decides whether an entry is found, where it stands in a list and how the facets
    # count; a change elsewhere (a website, say) leaves every page without the entry cached.
    LISTED_FIELDS = (
        "status",
        "is_entry",
        "category_id",
        "legal_form",
        "founding_year",
        "member_count",
        "name",
        "search_document",
    )
    # The page-cache part of the list, its searches and its facet counts.
    LIST_PAGE_CACHE_TAG = "organisations.list"

    @property
    def page_cache_tag(self):
        return tags.of_row(Organisation, self.pk)

    def listed_values(self):
        return tuple(getattr(self, field) for field in self.LISTED_FIELDS)

    def validate_constraints(self, exclude=None):
        # The rule that an entry needs a category is told beside the category field, in the
        # admin and on the public forms. The rule is checked only when the category is not
        # excluded, that is when the form has the field.
        try:
            super().validate_constraints(exclude)
        except ValidationError as error:
            errors = dict(error.error_dict)
            general = errors.pop(NON_FIELD_ERRORS, [])
            for item in general:
                name = "category" if item.code == ENTRY_NEEDS_CATEGORY else NON_FIELD_ERRORS
                errors.setdefault(name, []).append(item)
            raise ValidationError(errors) from None

    def page_cache_tags(self, relations_changed=False):
        """
        This entry's page and the pages that show it; and the lists, when the change moves
        the entry in or out of them (`listed_before` comes from organisations/signals.py).
        """
        touched = {self.page_cache_tag}
        before = getattr(self, "listed_before", None)
        if relations_changed or before != self.listed_values():
            touched.add(self.LIST_PAGE_CACHE_TAG)
        if before is None or before[0] != self.status:
            # Pages of related entries leave out drafts: publishing or withdrawing one
            # changes them, though they did not show it before.
            touched.update(tags.of_row(Organisation, pk) for pk in self.related_ids())
        return touched

    def related_ids(self):
        """The other ends of this entry's relations, drafts included: one query."""
        ends = Relation.objects.filter(Q(source=self) | Q(target=self)).values_list(
            "source_id", "target_id"
        )
        return {pk for pair in ends for pk in pair} - {self.pk}

    @property
    def more_relations(self):
        """How many published relations its page leaves out, of those fetched for it."""
        return sum(
            max(getattr(self, f"{name}_total") - RELATED_SHOWN, 0)
            for name in ("outgoing_relations", "incoming_relations")
        )

    def fetch_relations(self):
        """
        Its relations from and to published others as its page shows them: the first
        RELATED_SHOWN of each direction in `shown_outgoing_relations` and
        `shown_incoming_relations`, fetched with a plain LIMIT and counted only when there are
        more; `more_relations` says how many are left out. (Counting them in the
        organisation's own query cost Django more to build than the database to run.)
        """
        for name, rows in published_relations().items():
            field = Organisation.objects.related_field(name)
            own = rows.filter(**{field: self})
            shown = list(own[: RELATED_SHOWN + 1])
            for relation in shown:
                setattr(relation, field, self)
            setattr(self, f"shown_{name}", shown[:RELATED_SHOWN])
            setattr(
                self, f"{name}_total", len(shown) if len(shown) <= RELATED_SHOWN else own.count()
            )

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"slug": self.slug})

    display_description = translated_field("description")

    @property
    def full_name(self):
        """The name with its second name, as the source writes it in running text."""
        return f"{self.name} {self.alternative_name}" if self.alternative_name else self.name

    @property
    def display_full_name(self):
        name = self.display_name
        if self.alternative_name:
            return TranslatedText(f"{name} {self.alternative_name}", name.lang)
        return name

    @property
    def has_facts(self):
        """Whether the page has anything to show under "Auf einen Blick"."""
        return bool(
            self.category_id
            or self.acronym
            or self.alternative_name
            or self.founding_year
            or self.legal_form
            or self.is_charitable is not None
            or self.member_count_display
            or self.website
            or self.federal_states.all()
            or self.districts.all()
            or self.topics.all()
        )

    @property
    def member_count_display(self):
        if self.member_count_text:
            return self.translated("member_count_text")
        return "" if self.member_count is None else str(self.member_count)


class RelationQuerySet(models.QuerySet):
    def published(self):
        """Relations visitors see: both actors are published."""
        return self.filter(source__status=Status.PUBLISHED, target__status=Status.PUBLISHED)


class RelationManager(models.Manager.from_queryset(RelationQuerySet)):
    def get_by_natural_key(self, source_slug, kind, target_slug):
        return self.get(source__slug=source_slug, kind=kind, target__slug=target_slug)


class Relation(models.Model):
    """A typed link between two actors, read as "source <kind> target"."""

    class Kind(models.TextChoices):
        INITIATED_BY = "initiated_by", _("ins Leben gerufen von")
        FOUNDED_WITH = "founded_with", _("gegründet unter Mitwirkung von")
        SUPPORTED_BY = "supported_by", _("unterstützt von")
        PART_OF = "part_of", _("gehört zu")
        REPORTS_TO = "reports_to", _("unterstellt")

    # What the target page says about the source, per kind.
    REVERSE_LABELS = {
        Kind.INITIATED_BY: _("hat ins Leben gerufen"),
        Kind.FOUNDED_WITH: _("hat an der Gründung mitgewirkt"),
        Kind.SUPPORTED_BY: _("unterstützt"),
        Kind.PART_OF: _("dazu gehört"),
        Kind.REPORTS_TO: _("ihm/ihr unterstellt"),
    }

    source = models.ForeignKey(
        Organisation,
        verbose_name="Akteur",
        on_delete=models.CASCADE,
        related_name="outgoing_relations",
    )
    kind = models.CharField("Art der Beziehung", max_length=30, choices=Kind.choices)
    target = models.ForeignKey(
        Organisation,
        verbose_name="Bezogen auf",
        on_delete=models.CASCADE,
        related_name="incoming_relations",
    )
    order = models.PositiveSmallIntegerField("Reihenfolge", default=0)

    objects = RelationManager()

    class Meta:
        ordering = ["source", "order", "pk"]
        verbose_name = "Beziehung"
        verbose_name_plural = "Beziehungen"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"],
                name="relation_unique",
                violation_error_message="Diese Beziehung ist schon eingetragen.",
            ),
            models.CheckConstraint(
                condition=~Q(source=models.F("target")),
                name="relation_not_to_itself",
                violation_error_message="Ein Akteur kann keine Beziehung zu sich selbst haben.",
            ),
        ]

    def __str__(self):
        return f"{self.source} – {self.get_kind_display()} – {self.target}"

    def natural_key(self):
        return (self.source.slug, self.kind, self.target.slug)

    natural_key.dependencies = ["organisations.organisation"]

    @property
    def reverse_label(self):
        return self.REVERSE_LABELS[self.kind]

    def page_cache_tags(self, relations_changed=False):
        """Both ends' pages show the relation."""
        return {
            tags.of_row(Organisation, self.source_id),
            tags.of_row(Organisation, self.target_id),
        }
