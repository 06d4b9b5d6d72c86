from django.views.generic import DetailView, ListView

from .models import ContactPerson


class ContactPersonListView(ListView):
    queryset = ContactPerson.objects.with_roles()


class ContactPersonDetailView(DetailView):
    queryset = ContactPerson.objects.with_roles()
    context_object_name = "person"
