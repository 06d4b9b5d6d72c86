import reversion
from django.contrib import admin

from editorial.actions import publish, unpublish
from editorial.history import HistoryAdmin
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


@admin.register(Organisation)
class OrganisationAdmin(DirectoryImportExportMixin, OptimisticLockingAdminMixin, HistoryAdmin):
    resource_classes = [OrganisationResource]
    list_display = [
        "name",
        "acronym",
        "category",
        "is_entry",
        "status",
        "founding_year",
        "updated_at",
        "verified_at",
    ]
    list_filter = [
        "status",
        VerificationDueFilter,
        "is_entry",
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
