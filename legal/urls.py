from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "legal"

urlpatterns = [
    path(_("impressum/"), views.legal_page, name="impressum"),
    path(_("datenschutz/"), views.legal_page, name="datenschutz"),
    path(_("barrierefreiheit/"), views.legal_page, name="barrierefreiheit"),
    path(_("leichte-sprache/"), views.legal_page, name="leichte_sprache"),
]
