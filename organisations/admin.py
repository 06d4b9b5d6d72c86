import reversion
from django.contrib import admin
from django.contrib.admin.views.main import SEARCH_VAR

from editorial.actions import publish, unpublish
from editorial.history import HistoryAdmin
from editorial.lists import EntryListMixin
from editorial.locking import OptimisticLockingAdminMixin
from editorial.spreadsheets import DirectoryImportExportMixin
from editorial.verification import VerificationDueFilter, mark_verified

from .models import Category, District, FederalState, Organisation, Relation, Topic
from .resources import OrganisationResource

# A version of an organisation keeps its relations and roles, so that reverting or recovering
# it brings them back too. The admins below register the other models themselves.
reversion.register(
    Organisation, follow=["outgoing_relations", "incoming_relations", "contact_roles"]
)


class NamedSlugAdmin(HistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Category)
class CategoryAdmin(NamedSlugAdmin):
    list_display = ["name", "name_plural", "slug", "colour", "order"]
    list_editable = ["order"]


@admin.register(Topic)
class TopicAdmin(NamedSlugAdmin):
    pass


@admin.register(FederalState)
class FederalStateAdmin(NamedSlugAdmin):
    pass


@admin.register(District)
class DistrictAdmin(NamedSlugAdmin):
    list_display = ["name", "kind", "slug"]
    list_filter = ["kind"]


class OutgoingRelationInline(admin.TabularInline):
    model = Relation
    fk_name = "source"
    autocomplete_fields = ["target"]
    extra = 0
    verbose_name = "Beziehung zu einem anderen Akteur"
    verbose_name_plural = "Beziehungen zu anderen Akteuren"


class IncomingRelationInline(admin.TabularInline):
    model = Relation
    fk_name = "target"
    autocomplete_fields = ["source"]
    fields = ["source", "kind", "order"]
    extra = 0
    verbose_name = "Beziehung eines anderen Akteurs hierher"
    verbose_name_plural = "Beziehungen anderer Akteure hierher"


class EntryFilter(admin.SimpleListFilter):
    """
    The directory's own entries unless asked for the actors they only mention; a search looks
    through both, so that an actor an editor looks for by name is found.
    """

    title = "Eintragsart"
    parameter_name = "akteure"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.default = "alle" if request.GET.get(SEARCH_VAR) else "eintraege"

    def lookups(self, request, model_admin):
        return [
            ("eintraege", "Verzeichniseinträge"),
            ("erwaehnt", "Nur erwähnte Akteure"),
            ("alle", "Alle"),
        ]

    def value(self):
        return super().value() or self.default

    def queryset(self, request, queryset):
        if self.value() == "alle":
            return queryset
        if self.value() == "erwaehnt":
            return queryset.mentioned()
        return queryset.entries()

    def choices(self, changelist):
        # Every choice names its kind: Django's "Alle" without the parameter is the default.
        choices = super().choices(changelist)
        next(choices)
        yield from choices


@admin.register(Organisation)
class OrganisationAdmin(
    EntryListMixin, DirectoryImportExportMixin, OptimisticLockingAdminMixin, HistoryAdmin
):
    resource_classes = [OrganisationResource]
    list_display = ["name", "category", "status_badge", "changed_on"]
    list_filter = [
        EntryFilter,
        "status",
        VerificationDueFilter,
        "category",
        "legal_form",
        "federal_states",
        "districts",
        "topics",
    ]
    actions = [publish, unpublish, mark_verified]
    search_fields = ["name", "acronym", "alternative_name", "description"]
    list_select_related = ["category"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["category", "federal_states", "districts", "topics"]
    readonly_fields = ["created_at", "updated_at", "verified_at"]
    inlines = [OutgoingRelationInline, IncomingRelationInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "status",
                    "name",
                    "slug",
                    "acronym",
                    "alternative_name",
                    "is_entry",
                    "category",
                ]
            },
        ),
        ("Beschreibung", {"fields": ["description"]}),
        (
            "Englisch",
            {
                "fields": ["name_en", "description_en", "member_count_text_en"],
                "description": "Für die englischen Seiten unter /en/. Leere Felder zeigen dort "
                "den deutschen Text.",
            },
        ),
        (
            "Angaben",
            {
                "fields": [
                    "founding_year",
                    "legal_form",
                    "is_charitable",
                    ("member_count", "member_count_text"),
                    "website",
                ]
            },
        ),
        ("Region und Themen", {"fields": ["federal_states", "districts", "topics"]}),
        (
            "Verlauf",
            {"fields": ["created_at", "updated_at", "verified_at"], "classes": ["collapse"]},
        ),
    ]


@admin.register(Relation)
class RelationAdmin(HistoryAdmin):
    list_display = ["source", "kind", "target", "order"]
    list_filter = ["kind"]
    search_fields = ["source__name", "target__name"]
    autocomplete_fields = ["source", "target"]
    list_select_related = ["source", "target"]
