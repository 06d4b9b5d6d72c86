"""The page django-axes shows instead of the admin login after too many failed attempts."""

from django.conf import settings
from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext


def lockout_response(request, original_response, credentials):
    context = {
        # The admin's header and links, as on the login page.
        **admin.site.each_context(request),
        "title": gettext("Anmeldung vorübergehend gesperrt"),
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": round(settings.AXES_COOLOFF_TIME.total_seconds() / 60),
    }
    # 429 Too Many Requests, as django-axes answers by default.
    return render(request, "admin/lockout.html", context, status=429)
