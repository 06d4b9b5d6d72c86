from django import template

from contacts import structured_data
from contacts.models import contacts_of
from organisations import structured_data as organisation_structured_data
from seo.structured_data import script

register = template.Library()


@register.inclusion_tag("contacts/organisation_contacts.html")
def organisation_contacts(organisation):
    """The organisation's contact persons and employees, for its page."""
    return {"contacts": contacts_of(organisation)}


@register.simple_tag(takes_context=True)
def organisation_json_ld(context, organisation):
    """
    The organisation's JSON-LD with its contact points and employees. Here rather than in
    organisations, which does not know contacts: the people are the published ones that
    `contacts_of` fetches once for the whole page.
    """
    request = context["request"]
    people = structured_data.organisation_people(contacts_of(organisation), request)
    return script(organisation_structured_data.organisation(organisation, request, people))


@register.simple_tag(takes_context=True)
def person_json_ld(context, person):
    return script(structured_data.person(person, context["request"]))
