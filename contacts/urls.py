from django.urls import path

from . import views

app_name = "contacts"

urlpatterns = [
    path("", views.ContactPersonListView.as_view(), name="list"),
    path("<slug:slug>/", views.ContactPersonDetailView.as_view(), name="detail"),
    path("<slug:slug>/vcard/", views.ContactPersonVCardView.as_view(), name="vcard"),
]
