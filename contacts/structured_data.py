"""schema.org descriptions of a contact person, on their page and an organisation's (JSON-LD)."""

from organisations.structured_data import organisation_reference
from seo.structured_data import CONTEXT, compact, entry_page, one_or_many


def telephone(number):
    """The number as +49…, the form schema.org and tel: links understand; None when blank."""
    return number.as_e164 if number else None


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
    data = person_reference(person, request)
    return compact(
        {
            "@context": CONTEXT,
            **data,
            "givenName": person.first_name,
            "familyName": person.last_name,
            "worksFor": person.employer and organisation_reference(person.employer, request),
            "telephone": telephone(person.phone),
            "faxNumber": telephone(person.fax),
            "email": person.email,
            "mainEntityOfPage": entry_page(person, data["url"]),
        }
    )


def organisation_people(contacts, request):
    """An organisation's contact points and employees (`contacts_of`), for its JSON-LD."""
    return {
        "contactPoint": [contact_point(role, request) for role in contacts.roles],
        "employee": [person_reference(person, request) for person in contacts.employees],
    }
