"""Organisations as rows of a CSV or XLSX file: the editors' bulk import and export."""

from editorial.resources import DirectoryResource

from .models import Organisation


class OrganisationResource(DirectoryResource):
    class Meta:
        model = Organisation
        fields = [
            "name",
            "slug",
            "acronym",
            "alternative_name",
            "is_entry",
            "category",
            "description",
            "name_en",
            "description_en",
            "founding_year",
            "legal_form",
            "is_charitable",
            "member_count",
            "member_count_text",
            "member_count_text_en",
            "website",
            "federal_states",
            "districts",
            "topics",
            "status",
        ]
