"""Contact persons as rows of a CSV or XLSX file, imported and exported like organisations."""

from editorial.resources import DirectoryResource

from .models import ContactPerson


class ContactPersonResource(DirectoryResource):
    class Meta:
        model = ContactPerson
        fields = [
            "first_name",
            "last_name",
            "slug",
            "job_title",
            "position",
            "job_title_en",
            "position_en",
            "employer",
            "phone",
            "phone_display",
            "fax",
            "fax_display",
            "email",
            "is_directory_contact",
            "status",
        ]
