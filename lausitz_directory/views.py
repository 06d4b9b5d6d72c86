from django.views.generic import TemplateView

from contacts.models import ContactPerson
from organisations.filters import OrganisationFilter
from organisations.models import Category


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["categories"] = Category.objects.with_entry_counts()
        context["directory_contacts"] = (
            ContactPerson.objects.published().directory_contacts().with_roles()
        )
        context["search_form"] = OrganisationFilter().form
        return context
