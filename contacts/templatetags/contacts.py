from django import template

from contacts import structured_data
from seo.structured_data import script

register = template.Library()


@register.simple_tag(takes_context=True)
def person_json_ld(context, person):
    return script(structured_data.person(person, context["request"]))
