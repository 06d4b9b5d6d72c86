from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="list"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="detail"),
]

# Under /einbetten/ (lausitz_directory/urls.py): the pages other sites may frame.
embed_urlpatterns = [
    path(_("organisationen/"), views.OrganisationEmbedView.as_view(), name="organisations"),
]
