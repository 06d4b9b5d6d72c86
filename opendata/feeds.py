from django.contrib.syndication.views import Feed
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext_lazy as _

from organisations.models import Organisation

from .models import DatasetPublication
from .selection import Selection

# Feed readers want the latest changes, not the whole directory once it grows.
MAX_ENTRIES = 50


class OrganisationFeed(Feed):
    """New and changed entries, filtered as the list that links to the feed."""

    feed_type = Atom1Feed
    title = _("Lausitz-Verzeichnis: neue und geänderte Einträge")
    subtitle = _("Netzwerke, Initiativen und Projektträger im Strukturwandel der Lausitz")

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except ValidationError as error:
            return HttpResponseBadRequest(
                "\n".join(error.messages), content_type="text/plain; charset=utf-8"
            )

    def get_object(self, request):
        return Selection(request.GET, Organisation.objects.published().entries())

    def link(self, selection):
        return selection.url("organisations:list")

    def feed_url(self, selection):
        return selection.url("opendata:feed")

    def author_name(self):
        return DatasetPublication.objects.current().publisher_name

    def items(self, selection):
        return selection.organisations.order_by("-updated_at", "name")[:MAX_ENTRIES]

    def item_title(self, organisation):
        # Atom titles are text, so no HTML escaping here; the XML writer escapes.
        return organisation.display_name

    def item_description(self, organisation):
        return linebreaks(organisation.display_description, autoescape=True)

    def item_updateddate(self, organisation):
        return organisation.updated_at
