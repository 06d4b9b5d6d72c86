from django import template

from network.queries import neighbourhood

register = template.Library()


@register.inclusion_tag("network/organisation_picture.html")
def relation_picture(organisation):
    """The organisation's relations picture, for its page; nothing without relations."""
    return {"graph": neighbourhood(organisation)}
