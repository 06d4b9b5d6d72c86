"""
schema.org descriptions of the site's pages, for search engines (JSON-LD).

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

from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from contacts.models import contacts_of
from organisations.models import Relation

CONTEXT = "https://schema.org"

RELATION_PROPERTIES = {
    Relation.Kind.INITIATED_BY: "founder",
    Relation.Kind.PART_OF: "parentOrganization",
}
REVERSE_RELATION_PROPERTIES = {
    Relation.Kind.PART_OF: "subOrganization",
}

# The page above a page in the breadcrumbs, when it is not the home page.
PARENT_PAGES = {
    "organisations:detail": ("organisations:list", _("Organisationen")),
    "contacts:detail": ("contacts:list", _("Ansprechpartner")),
}


def compact(data):
    """The dictionary without empty values, which schema.org would read as facts."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def telephone(number):
    """The number as +49…, the form schema.org and tel: links understand; None when blank."""
    return number.as_e164 if number else None


def one_or_many(values):
    values = [value for value in values if value]
    return values[0] if len(values) == 1 else values


def organisation_reference(organisation, request):
    url = request.build_absolute_uri(organisation.get_absolute_url())
    return {
        "@type": "Organization",
        "@id": f"{url}#organisation",
        "name": organisation.display_name,
        "url": url,
    }


def person_reference(person, request):
    url = request.build_absolute_uri(person.get_absolute_url())
    return compact(
        {
            "@type": "Person",
            "@id": f"{url}#person",
            "name": person.full_name,
            "url": url,
            "jobTitle": one_or_many([person.display_job_title, person.display_position]),
        }
    )


def organisation(organisation, request):
    """An Organization with what the directory knows about it; relations as mapped above."""
    data = organisation_reference(organisation, request)
    contacts = contacts_of(organisation)
    related = {}
    for relation in organisation.outgoing_relations.all():
        if relation.kind in RELATION_PROPERTIES:
            related.setdefault(RELATION_PROPERTIES[relation.kind], []).append(
                organisation_reference(relation.target, request)
            )
    for relation in organisation.incoming_relations.all():
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
            **related,
            "contactPoint": [contact_point(role, request) for role in contacts.roles],
            "employee": [person_reference(person, request) for person in contacts.employees],
        }
    )


def contact_point(role, request):
    person = role.person
    return compact(
        {
            "@type": "ContactPoint",
            "contactType": role.get_role_display(),
            "name": person.full_name,
            "url": request.build_absolute_uri(person.get_absolute_url()),
            "telephone": telephone(person.phone),
            "faxNumber": telephone(person.fax),
            "email": person.email,
        }
    )


def person(person, request):
    """A Person with the contact details the page shows."""
    return compact(
        {
            "@context": CONTEXT,
            **person_reference(person, request),
            "givenName": person.first_name,
            "familyName": person.last_name,
            "worksFor": person.employer and organisation_reference(person.employer, request),
            "telephone": telephone(person.phone),
            "faxNumber": telephone(person.fax),
            "email": person.email,
        }
    )


def website(request):
    """The site, with the list's search as its SearchAction."""
    home = request.build_absolute_uri(reverse("home"))
    search = request.build_absolute_uri(reverse("organisations:list"))
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": f"{home}#website",
        "name": gettext("Lausitz-Verzeichnis"),
        "url": home,
        "inLanguage": get_language(),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{search}?q={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumb_list(request, title, url):
    """Home, the parent page if there is one, and this page; nothing on the home page itself."""
    match = request.resolver_match
    if match is None or match.view_name == "home":
        return None
    crumbs = [(gettext("Start"), request.build_absolute_uri(reverse("home")))]
    if match.view_name in PARENT_PAGES:
        parent, label = PARENT_PAGES[match.view_name]
        crumbs.append((label, request.build_absolute_uri(reverse(parent))))
    crumbs.append((title, url))
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(crumbs, start=1)
        ],
    }
