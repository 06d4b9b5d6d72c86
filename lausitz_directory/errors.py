"""
Error pages under /admin/ in the admin's layout: an editor who opens a page their account
may not (403), an address that does not exist (404) or meets an error (500) stays in the
German admin, with a way back to its start page. Elsewhere the site's own pages answer.
"""

from django.contrib import admin
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.translation import get_language
from django.views import defaults


def in_admin(request):
    return request.path.startswith(reverse("admin:index"))


def admin_error(request, template_name, status):
    return render(request, template_name, admin.site.each_context(request), status=status)


def permission_denied(request, exception):
    if in_admin(request):
        return admin_error(request, "admin/403.html", 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception):
    if in_admin(request):
        return admin_error(request, "admin/404.html", 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if in_admin(request):
        # Without the request, as Django's own 500 page: its context processors and the
        # admin's menu may need what just failed.
        context = {
            "site_header": admin.site.site_header,
            "site_title": admin.site.site_title,
            "LANGUAGE_CODE": get_language(),
        }
        return HttpResponseServerError(loader.render_to_string("admin/500.html", context))
    return defaults.server_error(request)
