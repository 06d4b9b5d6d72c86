from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.views.generic import DetailView, ListView

from editorial.pagination import NearestPageMixin
from editorial.preview import DraftPreviewMixin
from organisations.models import Organisation
from pagecache import tags

from .models import ContactPerson
from .vcard import vcard


class ContactPersonListView(NearestPageMixin, ListView):
    queryset = ContactPerson.objects.published().with_roles()


class ContactPersonDetailView(DraftPreviewMixin, DetailView):
    queryset = ContactPerson.objects.with_roles()
    context_object_name = "person"

    def get_object(self, queryset=None):
        person = super().get_object(queryset)
        # Drafts among them too: the page must change when one is published.
        organisations = {person.employer_id, *person.roles_organisation_ids()}
        tags.depends_on(
            person.page_cache_tag,
            *(tags.of_row(Organisation, pk) for pk in organisations if pk is not None),
        )
        return person


class ContactPersonVCardView(DraftPreviewMixin, DetailView):
    """The person as a .vcf file for address books."""

    queryset = ContactPerson.objects.with_employer()

    def render_to_response(self, context):
        person = self.object
        response = HttpResponse(
            vcard(person, self.request.build_absolute_uri(person.get_absolute_url())),
            content_type="text/vcard; charset=utf-8",
        )
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"{person.slug}.vcf"
        )
        return response
