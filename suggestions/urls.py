from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "suggestions"

urlpatterns = [
    path(
        _("organisationen/<slug:slug>/aenderung-vorschlagen/"),
        views.CorrectionView.as_view(),
        name="correction",
    ),
    path(
        _("ansprechpartner/<slug:slug>/aenderung-vorschlagen/"),
        views.PersonCorrectionView.as_view(),
        name="person_correction",
    ),
    path(_("eintrag-vorschlagen/"), views.NewEntryView.as_view(), name="new_entry"),
    path(_("vorschlag-danke/"), views.ThanksView.as_view(), name="thanks"),
    path(_("barriere-melden/"), views.BarrierView.as_view(), name="barrier"),
    path(_("barriere-danke/"), views.BarrierThanksView.as_view(), name="barrier_thanks"),
]
