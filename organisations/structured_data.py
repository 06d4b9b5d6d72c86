"""
schema.org description of an organisation's page (JSON-LD).

Relations map to schema.org only where a property says the same as the source:

| Relation kind | on the source's page | on the target's page |
|---|---|---|
| initiated_by ("ins Leben gerufen von") | founder | – |
| part_of ("gehört zu") | parentOrganization | subOrganization |
| founded_with ("gegründet unter Mitwirkung von") | – | – |
| supported_by ("unterstützt von") | – | – |
| reports_to ("unterstellt") | – | – |

"founder" would overstate a participation in the founding, "sponsor" and
"funder" mean money the source does not mention, and schema.org has no
"reports to" between organisations. No kind says membership, so there is no
member or memberOf either. schema.org has no inverse of founder.
"""

from seo.structured_data import CONTEXT, compact, entry_page, one_or_many

from .models import Relation

RELATION_PROPERTIES = {
    Relation.Kind.INITIATED_BY: "founder",
    Relation.Kind.PART_OF: "parentOrganization",
}
REVERSE_RELATION_PROPERTIES = {
    Relation.Kind.PART_OF: "subOrganization",
}


def organisation_reference(organisation, request):
    url = request.build_absolute_uri(organisation.get_absolute_url())
    return {
        "@type": "Organization",
        "@id": f"{url}#organisation",
        "name": organisation.display_name,
        "url": url,
    }


def organisation(organisation, request, people=None):
    """
    An Organization with what the directory knows about it; relations as mapped above.
    `people` adds its contactPoint and employee entries, which the contacts app describes.
    """
    data = organisation_reference(organisation, request)
    related = {}
    for relation in organisation.shown_outgoing_relations:
        if relation.kind in RELATION_PROPERTIES:
            related.setdefault(RELATION_PROPERTIES[relation.kind], []).append(
                organisation_reference(relation.target, request)
            )
    for relation in organisation.shown_incoming_relations:
        if relation.kind in REVERSE_RELATION_PROPERTIES:
            related.setdefault(REVERSE_RELATION_PROPERTIES[relation.kind], []).append(
                organisation_reference(relation.source, request)
            )
    return compact(
        {
            "@context": CONTEXT,
            **data,
            "alternateName": one_or_many([organisation.acronym, organisation.alternative_name]),
            "description": organisation.display_description,
            "sameAs": organisation.website,
            "foundingDate": organisation.founding_year and str(organisation.founding_year),
            "areaServed": [
                {"@type": "State", "name": state.display_name}
                for state in organisation.federal_states.all()
            ]
            + [
                {"@type": "AdministrativeArea", "name": district.display_name}
                for district in organisation.districts.all()
            ],
            "knowsAbout": [topic.display_name for topic in organisation.topics.all()],
            "mainEntityOfPage": entry_page(organisation, data["url"]),
            **related,
            **(people or {}),
        }
    )
