from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.views.generic import DetailView, ListView

from editorial.pagination import NearestPageMixin
from editorial.preview import DraftPreviewMixin

from .models import ContactPerson
from .vcard import vcard


class ContactPersonListView(NearestPageMixin, ListView):
    queryset = ContactPerson.objects.published().with_roles()


class ContactPersonDetailView(DraftPreviewMixin, DetailView):
    queryset = ContactPerson.objects.with_roles()
    context_object_name = "person"


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
