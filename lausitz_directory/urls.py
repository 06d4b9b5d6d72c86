from django.contrib import admin
from django.urls import include, path

from .views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("organisationen/", include("organisations.urls")),
    path("ansprechpartner/", include("contacts.urls")),
    path("admin/", admin.site.urls),
]
