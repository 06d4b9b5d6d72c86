"""A contact person as a vCard 4.0 (RFC 6350), for address books.

Written here rather than with a library: the well-kept Python vCard library (vobject) writes
vCard 3.0 only, and the few properties we need fit in a page.
"""

from datetime import UTC

CRLF = "\r\n"
# RFC 6350 3.2: lines SHOULD NOT be longer than 75 octets, excluding the line break.
MAX_LINE_OCTETS = 75


def escape(text):
    """A TEXT value with backslash, comma, semicolon and newline escaped (RFC 6350 3.4)."""
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """The content line split into lines of at most 75 octets, never inside a UTF-8 character."""
    lines, current, size = [], "", 0
    for character in line:
        octets = len(character.encode())
        if size + octets > MAX_LINE_OCTETS:
            lines.append(current)
            # A continuation line starts with one space, which counts towards its length.
            current, size = " ", 1
        current += character
        size += octets
    lines.append(current)
    return CRLF.join(lines)


def text_property(name, value):
    """NAME;LANGUAGE=xx:value for a TranslatedText, so address books know the language."""
    language = getattr(value, "lang", None)
    parameters = f";LANGUAGE={language}" if language else ""
    return f"{name}{parameters}:{escape(value)}"


def vcard(person, page_url):
    """The vCard of a person, with only the properties the directory knows."""
    properties = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{escape(person.full_name)}",
        # Family; given; additional names; prefixes; suffixes.
        f"N:{escape(person.last_name)};{escape(person.first_name)};;;",
    ]
    if person.job_title:
        properties.append(text_property("TITLE", person.display_job_title))
    if person.position:
        properties.append(text_property("ROLE", person.display_position))
    if person.employer:
        properties.append(text_property("ORG", person.employer.display_name))
    if person.phone:
        properties.append(f"TEL;TYPE=work,voice;VALUE=uri:tel:{person.phone.as_e164}")
    if person.fax:
        properties.append(f"TEL;TYPE=work,fax;VALUE=uri:tel:{person.fax.as_e164}")
    if person.email:
        properties.append(f"EMAIL;TYPE=work:{escape(person.email)}")
    properties += [
        f"URL:{page_url}",
        f"REV:{person.updated_at.astimezone(UTC):%Y%m%dT%H%M%SZ}",
        "END:VCARD",
    ]
    return "".join(fold(line) + CRLF for line in properties)
