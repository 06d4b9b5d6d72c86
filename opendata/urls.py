from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .feeds import OrganisationFeed

app_name = "opendata"

urlpatterns = [
    path("", views.OpenDataView.as_view(), name="index"),
    path(_("organisationen.csv"), views.CsvExportView.as_view(), name="csv"),
    path(_("organisationen.json"), views.JsonExportView.as_view(), name="json"),
    path(_("organisationen.schema.json"), views.JsonSchemaView.as_view(), name="schema"),
    path("feed/", OrganisationFeed(), name="feed"),
    path("datapackage.json", views.DataPackageView.as_view(), name="datapackage"),
    path("dcat.jsonld", views.DcatView.as_view(), name="dcat"),
]
