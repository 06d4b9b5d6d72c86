"""Filling in admin forms the way an editor's browser does."""

from django.contrib.admin.templatetags.admin_urls import admin_urlname
from django.contrib.auth.models import Group, User
from django.forms import CheckboxInput, NullBooleanSelect
from django.urls import reverse

EDITOR = "redakteurin"
EDITOR_PASSWORD = "Lausitz-2026-Redaktion"


def create_editor():
    """A member of the "Redaktion" group, as the publisher sets editors up (no superuser)."""
    user = User.objects.create_user(EDITOR, password=EDITOR_PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Redaktion"))
    return user


def form_data(response):
    """What the browser would send back for an admin change form, unchanged."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update(
            {management.add_prefix(name): management[name].value() for name in management.fields}
        )
        forms.extend(formset.forms)
    for form in forms:
        for name, field in form.fields.items():
            value = form[name].value()
            if isinstance(field.widget, NullBooleanSelect):
                value = {True: "true", False: "false"}.get(value, "unknown")
            elif isinstance(field.widget, CheckboxInput):
                if not value:
                    continue
                value = "on"
            if value is None:
                continue
            data[form.add_prefix(name)] = value
    return data


def save_in_admin(client, obj, changes):
    """Opens the admin form of obj, changes some fields as an editor would, and saves."""
    url = reverse(admin_urlname(obj._meta, "change"), args=[obj.pk])
    data = form_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def run_action(client, model, action, slugs):
    """Selects the entries with these slugs in the admin's list and runs the action on them."""
    url = reverse(admin_urlname(model._meta, "changelist"))
    pks = model.objects.filter(slug__in=slugs).values_list("pk", flat=True)
    return client.post(url, {"action": action, "_selected_action": list(pks)}, follow=True)
