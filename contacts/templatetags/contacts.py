from django import template

from contacts.models import contacts_of

register = template.Library()


@register.inclusion_tag("contacts/organisation_contacts.html")
def organisation_contacts(organisation):
    """The organisation's contact persons and employees, for its page."""
    return {"contacts": contacts_of(organisation)}
