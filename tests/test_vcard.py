"""A contact person as a vCard 4.0 file (RFC 6350), and the phone and mail links of the pages."""

import re

import pytest

from contacts.models import ContactPerson
from editorial.models import Status
from organisations.models import Organisation

from .support.factories import ContactPersonFactory
from .support.pages import links

VCARD = "/ansprechpartner/jens-krause/vcard/"
# A global number as RFC 3966 writes it: "+", country code, at most 15 digits in all.
E164_TEL_LINK = re.compile(r"^tel:\+[1-9]\d{1,14}$")


def content_lines(body):
    """The content lines of a vCard, unfolded: a line break followed by a space joins lines."""
    return body.replace("\r\n ", "").split("\r\n")[:-1]


@pytest.fixture
def krause(client, seed):
    return client.get(VCARD)


def test_vcard_is_a_vcf_download_named_for_the_person(krause):
    assert krause.status_code == 200
    assert krause["Content-Type"] == "text/vcard; charset=utf-8"
    assert krause["Content-Disposition"] == 'attachment; filename="jens-krause.vcf"'


def test_vcard_is_version_4_with_crlf_line_endings(krause):
    body = krause.content.decode()
    assert body.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert body.endswith("\r\nEND:VCARD\r\n")
    assert "\n" not in body.replace("\r\n", "")


def test_vcard_has_name_title_organisation_phone_fax_and_email_of_the_source(krause):
    assert content_lines(krause.content.decode()) == [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "FN:Jens Krause",
        "N:Krause;Jens;;;",
        "TITLE;LANGUAGE=de:Generalmanager",
        "ROLE;LANGUAGE=de:Leitung Stabstelle Strukturwandel/Infrastruktur und Verkehr",
        "ORG;LANGUAGE=de:IHK Cottbus",
        "TEL;TYPE=work,voice;VALUE=uri:tel:+493553651100",
        "TEL;TYPE=work,fax;VALUE=uri:tel:+4935536591100",
        "EMAIL;TYPE=work:jens.krause@cottbus.ihk.de",
        "URL:http://testserver/ansprechpartner/jens-krause/",
        "REV:20261125T000000Z",
        "END:VCARD",
    ]


def test_vcard_leaves_out_what_the_directory_does_not_know(client, db):
    person = ContactPersonFactory(slug="erika", first_name="Erika", last_name="Muster")
    lines = content_lines(client.get(f"/ansprechpartner/{person.slug}/vcard/").content.decode())
    names = [line.split(":")[0].split(";")[0] for line in lines]
    assert names == ["BEGIN", "VERSION", "FN", "N", "EMAIL", "URL", "REV", "END"]


def test_vcard_escapes_commas_semicolons_and_backslashes(client, db):
    employer = Organisation.objects.create(
        name="Müller, Schulze; Partner", slug="msp", is_entry=False, status=Status.PUBLISHED
    )
    person = ContactPersonFactory(
        slug="erika", job_title="Planung, Bau; Technik \\ Verkehr", employer=employer
    )
    lines = content_lines(client.get(f"/ansprechpartner/{person.slug}/vcard/").content.decode())
    assert "TITLE;LANGUAGE=de:Planung\\, Bau\\; Technik \\\\ Verkehr" in lines
    assert "ORG;LANGUAGE=de:Müller\\, Schulze\\; Partner" in lines


def test_vcard_folds_long_lines_at_75_octets_without_splitting_characters(client, db):
    position = "Größenübergreifende Außenbeziehungen " * 5
    person = ContactPersonFactory(slug="erika", position=position.strip())
    body = client.get(f"/ansprechpartner/{person.slug}/vcard/").content
    physical_lines = body.split(b"\r\n")
    assert max(len(line) for line in physical_lines) <= 75
    for line in physical_lines:
        line.decode()  # each piece is whole UTF-8
    assert f"ROLE;LANGUAGE=de:{position.strip()}" in content_lines(body.decode())


def test_vcard_on_english_pages_takes_the_english_title_and_marks_german_fallbacks(client, seed):
    ContactPerson.objects.filter(slug="jens-krause").update(
        job_title_en="General Manager", position_en=""
    )
    lines = content_lines(client.get("/en/contacts/jens-krause/vcard/").content.decode())
    assert "TITLE;LANGUAGE=en:General Manager" in lines
    assert "ROLE;LANGUAGE=de:Leitung Stabstelle Strukturwandel/Infrastruktur und Verkehr" in lines
    assert "URL:http://testserver/en/contacts/jens-krause/" in lines


def test_vcard_of_an_unknown_person_is_not_found(client, seed):
    assert client.get("/ansprechpartner/niemand/vcard/").status_code == 404


def test_contact_page_links_phone_and_fax_as_e164_and_email_as_mailto(client, seed):
    page_links = links(client.get("/ansprechpartner/jens-krause/"))
    hrefs = [href for _, href in page_links]
    assert "tel:+493553651100" in hrefs
    assert "tel:+4935536591100" in hrefs
    assert "mailto:jens.krause@cottbus.ihk.de" in hrefs
    tel_links = [href for href in hrefs if href.startswith("tel:")]
    assert all(E164_TEL_LINK.match(href) for href in tel_links)
