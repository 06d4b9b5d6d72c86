"""What search engines and link previews read: titles, canonical links, Open Graph, JSON-LD."""

import math
import re
import struct
from html import unescape

import pytest
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import translation

from organisations.models import Organisation
from organisations.sitemaps import OrganisationSitemap

from .support.factories import OrganisationFactory
from .support.pages import of_type, result_names, sitemap_pages, structured_data
from .support.site_pages import SitePage

pytestmark = pytest.mark.django_db

# One page of every kind; the other list variants of site_pages are filtered lists too.
PAGE_TYPES = [
    SitePage("home", "home"),
    SitePage("list", "organisations:list"),
    SitePage("filtered-list", "organisations:list", query="?kategorie=netzwerk&thema=wasserstoff"),
    SitePage("organisation", "organisations:detail", slug="wirtschaftsregion-lausitz"),
    SitePage("mentioned-actor", "organisations:detail", slug="ihk-cottbus"),
    SitePage("contact-list", "contacts:list"),
    SitePage("contact", "contacts:detail", slug="jens-krause"),
    SitePage("impressum", "legal:impressum"),
    SitePage("datenschutz", "legal:datenschutz"),
    SitePage("accessibility-statement", "legal:barrierefreiheit"),
    SitePage("leichte-sprache", "legal:leichte_sprache"),
    SitePage("network", "network"),
    SitePage("open-data", "opendata:index"),
    SitePage("not-found", "organisations:detail", slug="gibt-es-nicht", status=404),
]
LANGUAGES = ["de", "en"]


def title(response):
    return unescape(re.search(r"<title>(.*?)</title>", response.text, re.DOTALL)[1])


def meta(response, name):
    """The content of <meta name=…> or <meta property=…>."""
    match = re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)"', response.text)
    return unescape(match[1]) if match else None


def metas(response, name):
    pattern = rf'<meta (?:name|property)="{name}" content="([^"]*)"'
    return [unescape(value) for value in re.findall(pattern, response.text)]


def canonical(response):
    match = re.search(r'<link rel="canonical" href="([^"]*)">', response.text)
    return unescape(match[1]) if match else None


def alternates(response):
    """hreflang → URL of the <link rel="alternate" hreflang> tags."""
    pattern = r'<link rel="alternate" hreflang="([^"]*)" href="([^"]*)">'
    return {code: unescape(url) for code, url in re.findall(pattern, response.text)}


def names(items):
    return [item["name"] for item in items]


@pytest.fixture
def get(client, seed):
    return client.get


def fetch_all(get, language):
    """Page type name → response, for every page type the site has, in one language."""
    fetched = {}
    for page in PAGE_TYPES:
        page = page.in_english() if language == "en" else page
        if url := page.url():
            response = get(url)
            assert response.status_code == page.status, url
            fetched[page.name] = response
    return fetched


# --- Titles and descriptions ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_a_title_of_its_own(get, language):
    titles = {name: title(response) for name, response in fetch_all(get, language).items()}
    assert len(set(titles.values())) == len(titles), titles


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_a_description_of_its_own(get, language):
    descriptions = {
        name: meta(response, "description") for name, response in fetch_all(get, language).items()
    }
    assert all(descriptions.values()), descriptions
    assert len(set(descriptions.values())) == len(descriptions), descriptions


def test_title_names_the_page_and_the_site(get):
    assert title(get("/ansprechpartner/jens-krause/")) == "Jens Krause · Lausitz-Verzeichnis"


def test_filtered_list_describes_its_filters(get):
    description = meta(get("/organisationen/?thema=wasserstoff&kategorie=netzwerk"), "description")
    assert description.startswith("Gefiltert nach Kategorie: Netzwerk; Thema: Wasserstoff.")


def test_lists_with_different_filters_have_different_descriptions(get):
    networks = meta(get("/organisationen/?kategorie=netzwerk"), "description")
    initiatives = meta(get("/organisationen/?kategorie=initiative"), "description")
    assert networks != initiatives


# --- Canonical links -------------------------------------------------------------------------


def test_canonical_link_is_the_absolute_address_of_the_page(get):
    response = get("/organisationen/wirtschaftsregion-lausitz/")
    assert canonical(response) == "http://testserver/organisationen/wirtschaftsregion-lausitz/"


def test_canonical_link_leaves_out_tracking_parameters(get):
    response = get("/ansprechpartner/jens-krause/?utm_source=newsletter&fbclid=abc")
    assert canonical(response) == "http://testserver/ansprechpartner/jens-krause/"


def test_canonical_link_of_a_filtered_list_keeps_its_filters_in_a_fixed_order(get):
    response = get(
        "/organisationen/?thema=wasserstoff&utm_source=newsletter&kategorie=netzwerk"
        "&sortierung=-name&kategorie=initiative&q=Lausitz"
    )
    assert canonical(response) == (
        "http://testserver/organisationen/"
        "?q=Lausitz&kategorie=initiative&kategorie=netzwerk&thema=wasserstoff"
    )


def test_canonical_link_of_a_list_drops_invalid_values_and_the_first_page(get):
    response = get(
        "/organisationen/?kategorie=unbekannt&seite=1&bundesland=sachsen&gegruendet_ab=x"
    )
    assert canonical(response) == "http://testserver/organisationen/?bundesland=sachsen"


def test_canonical_link_of_a_later_page_keeps_its_page_number(client, db):
    OrganisationFactory.create_batch(25)
    response = client.get("/organisationen/?seite=2&sortierung=name")
    assert canonical(response) == "http://testserver/organisationen/?seite=2"


def test_canonical_link_of_an_english_page_is_english(get):
    response = get("/en/organisations/?kategorie=netzwerk")
    assert canonical(response) == "http://testserver/en/organisations/?kategorie=netzwerk"


def test_error_pages_have_no_canonical_link(get):
    response = get("/organisationen/gibt-es-nicht/")
    assert response.status_code == 404
    assert canonical(response) is None
    assert alternates(response) == {}


# --- Language alternates ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/organisationen/lmbv/", "/en/organisations/lmbv/?utm_source=newsletter"]
)
def test_pages_name_their_german_english_and_default_versions(get, path):
    assert alternates(get(path)) == {
        "de": "http://testserver/organisationen/lmbv/",
        "en": "http://testserver/en/organisations/lmbv/",
        "x-default": "http://testserver/organisationen/lmbv/",
    }


def test_alternates_of_a_filtered_list_keep_its_filters(get):
    response = get("/organisationen/?kategorie=netzwerk&utm_source=newsletter")
    assert alternates(response)["en"] == "http://testserver/en/organisations/?kategorie=netzwerk"


def test_alternates_of_a_legal_page_are_the_other_languages_legal_page(get):
    with translation.override("en"):
        english = reverse("legal:impressum")
    assert alternates(get("/impressum/"))["en"] == f"http://testserver{english}"


# --- Open Graph --------------------------------------------------------------------------------


def test_open_graph_repeats_title_description_and_address(get):
    response = get("/organisationen/lmbv/")
    assert meta(response, "og:title") == title(response).removesuffix(" · Lausitz-Verzeichnis")
    assert meta(response, "og:description") == meta(response, "description")
    assert meta(response, "og:url") == canonical(response)
    assert meta(response, "og:type") == "website"
    assert meta(response, "og:site_name") == "Lausitz-Verzeichnis"


@pytest.mark.parametrize(
    ("path", "locale", "alternate"),
    [("/ansprechpartner/", "de_DE", "en_GB"), ("/en/contacts/", "en_GB", "de_DE")],
)
def test_open_graph_names_the_page_language_and_the_other(get, path, locale, alternate):
    response = get(path)
    assert meta(response, "og:locale") == locale
    assert metas(response, "og:locale:alternate") == [alternate]


def test_open_graph_image_is_a_png_on_this_site(get):
    response = get("/")
    image_url = meta(response, "og:image")
    assert image_url.startswith("http://testserver/static/")
    image = get(image_url.removeprefix("http://testserver"))
    assert image.status_code == 200
    assert image["Content-Type"] == "image/png"
    png = b"".join(image.streaming_content) if image.streaming else image.content
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (1200, 630)
    assert (meta(response, "og:image:width"), meta(response, "og:image:height")) == ("1200", "630")
    assert meta(response, "og:image:alt")


# --- JSON-LD -----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_json_ld_block_parses_and_has_a_context(get, language):
    for response in fetch_all(get, language).values():
        for data in structured_data(response):
            assert data["@context"]


def test_organisation_page_describes_the_organisation(get):
    data = of_type(get("/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/"), "Organization")
    url = "http://testserver/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/"
    assert data["name"] == "Wirtschaftsverkehrsnetzwerk Lausitz"
    assert data["url"] == url
    assert data["@id"] == f"{url}#organisation"
    assert data["foundingDate"] == "2017"
    assert data["description"].startswith("Wirtschaftsverkehrsnetzwerk Lausitz wurde 2017")
    assert "Wasserstoff" in data["knowsAbout"]


def test_founders_of_a_network_are_its_founder(get):
    data = of_type(get("/organisationen/wirtschaftsverkehrsnetzwerk-lausitz/"), "Organization")
    assert names(data["founder"]) == ["Unternehmerverband Brandenburg-Berlin", "IHK Cottbus"]
    assert data["founder"][1]["url"] == "http://testserver/organisationen/ihk-cottbus/"
    assert data["founder"][1]["@type"] == "Organization"


def test_participation_in_a_founding_is_no_founder(get):
    data = of_type(get("/organisationen/wirtschaftsregion-lausitz/"), "Organization")
    assert "founder" not in data


def test_belonging_to_an_organisation_is_parent_and_sub_organisation(get):
    centre = of_type(get("/organisationen/zentrum-fuer-dialog-und-wandel/"), "Organization")
    church = of_type(
        get("/organisationen/evangelische-kirche-berlin-brandenburg-schlesische-oberlausitz/"),
        "Organization",
    )
    assert names(centre["parentOrganization"]) == [church["name"]]
    assert names(church["subOrganization"]) == [centre["name"]]


def test_organisation_names_the_area_it_serves(get):
    data = of_type(get("/organisationen/wirtschaftsregion-lausitz/"), "Organization")
    areas = {(area["@type"], area["name"]) for area in data["areaServed"]}
    assert ("State", "Sachsen") in areas
    assert ("AdministrativeArea", "Bautzen") in areas


def test_organisation_names_its_alternate_names(get):
    data = of_type(get("/organisationen/wasserstoffnetzwerk-lausitz/"), "Organization")
    assert data["alternateName"] == "DurcH2atmen"


def test_spokesperson_is_a_contact_point_of_the_organisation(get):
    data = of_type(get("/organisationen/wasserstoffnetzwerk-lausitz/"), "Organization")
    assert data["contactPoint"] == [
        {
            "@type": "ContactPoint",
            "contactType": "Sprecher",
            "name": "Jens Krause",
            "url": "http://testserver/ansprechpartner/jens-krause/",
            "telephone": "+493553651100",
            "faxNumber": "+4935536591100",
            "email": "jens.krause@cottbus.ihk.de",
        }
    ]


def test_employer_names_its_employee(get):
    data = of_type(get("/organisationen/ihk-cottbus/"), "Organization")
    assert names(data["employee"]) == ["Jens Krause"]


def test_unknown_facts_are_left_out(get):
    data = of_type(get("/organisationen/ihk-cottbus/"), "Organization")
    assert not {"description", "foundingDate", "founder", "sameAs", "contactPoint"} & set(data)


def test_contact_page_describes_the_person(get):
    data = of_type(get("/ansprechpartner/jens-krause/"), "Person")
    assert data["name"] == "Jens Krause"
    assert (data["givenName"], data["familyName"]) == ("Jens", "Krause")
    assert data["jobTitle"] == [
        "Generalmanager",
        "Leitung Stabstelle Strukturwandel/Infrastruktur und Verkehr",
    ]
    assert data["worksFor"]["name"] == "IHK Cottbus"
    assert data["worksFor"]["@id"] == "http://testserver/organisationen/ihk-cottbus/#organisation"
    assert data["telephone"] == "+493553651100"
    assert data["faxNumber"] == "+4935536591100"
    assert data["email"] == "jens.krause@cottbus.ihk.de"


def test_english_page_describes_in_english(get):
    data = of_type(get("/en/organisations/wasserstoffnetzwerk-lausitz/"), "Organization")
    assert data["url"] == "http://testserver/en/organisations/wasserstoffnetzwerk-lausitz/"
    assert data["contactPoint"][0]["contactType"] == "Spokesperson"


def test_home_page_offers_the_search_to_search_engines(get):
    data = of_type(get("/"), "WebSite")
    assert data["url"] == "http://testserver/"
    action = data["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert (
        action["target"]["urlTemplate"]
        == "http://testserver/organisationen/?q={search_term_string}"
    )
    assert action["query-input"] == "required name=search_term_string"


def test_search_action_address_finds_entries(get):
    template = of_type(get("/"), "WebSite")["potentialAction"]["target"]["urlTemplate"]
    url = template.replace("{search_term_string}", "Wasserstoff").removeprefix("http://testserver")
    assert "Wasserstoffnetzwerk Lausitz" in result_names(get(url))


def test_breadcrumbs_lead_from_home_through_the_list_to_the_page(get):
    data = of_type(get("/organisationen/wirtschaftsregion-lausitz/"), "BreadcrumbList")
    assert [(item["position"], item["name"], item["item"]) for item in data["itemListElement"]] == [
        (1, "Start", "http://testserver/"),
        (2, "Organisationen", "http://testserver/organisationen/"),
        (
            3,
            "Wirtschaftsregion Lausitz GmbH",
            "http://testserver/organisationen/wirtschaftsregion-lausitz/",
        ),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_but_home_and_errors_has_breadcrumbs(get, language):
    for name, response in fetch_all(get, language).items():
        breadcrumbs = [
            data for data in structured_data(response) if data.get("@type") == "BreadcrumbList"
        ]
        if name in {"home", "not-found"}:
            assert breadcrumbs == [], name
        else:
            [breadcrumb_list] = breadcrumbs
            assert breadcrumb_list["itemListElement"][-1]["item"] == canonical(response), name


def test_json_ld_cannot_close_its_script_element(client, db):
    name = "</script><script>alert(1)</script> & Co"
    organisation = OrganisationFactory(name=name, slug="boese")
    response = client.get(organisation.get_absolute_url())
    assert "<script>alert(1)" not in response.text
    assert of_type(response, "Organization")["name"] == name


# --- sitemap.xml and robots.txt ----------------------------------------------------------------


def sitemap_entries(response):
    """loc → {hreflang: href, "lastmod": …} of every <url> in the sitemap."""
    entries = {}
    for block in re.findall(r"<url>(.*?)</url>", response.text, re.DOTALL):
        entry = dict(re.findall(r'hreflang="([^"]*)"\s+href="([^"]*)"', block))
        if lastmod := re.search(r"<lastmod>(.*?)</lastmod>", block):
            entry["lastmod"] = lastmod[1]
        entries[re.search(r"<loc>(.*?)</loc>", block)[1]] = entry
    return entries


@pytest.fixture
def sitemap(client, seed):
    entries = {}
    for response in sitemap_pages(client):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/xml"
        entries |= sitemap_entries(response)
    return entries


def site_url(path):
    """The address the sitemap gives a path: the configured domain (django.contrib.sites)."""
    return f"http://{Site.objects.get_current().domain}{path}"


def paths_in_both_languages(url_name, **kwargs):
    paths = []
    for language in LANGUAGES:
        with translation.override(language):
            paths.append(reverse(url_name, kwargs=kwargs))
    return paths


def test_site_domain_is_the_configured_one(settings, db):
    assert Site.objects.get_current().domain == settings.SITE_DOMAIN


@pytest.mark.parametrize(
    "url_name",
    [
        "home",
        "organisations:list",
        "contacts:list",
        "legal:impressum",
        "legal:datenschutz",
        "legal:barrierefreiheit",
        "legal:leichte_sprache",
        "network",
        "opendata:index",
    ],
)
def test_sitemap_lists_the_pages_in_german_and_english(sitemap, url_name):
    for path in paths_in_both_languages(url_name):
        assert site_url(path) in sitemap


def test_sitemap_lists_every_organisation_and_mentioned_actor_in_both_languages(sitemap):
    slugs = Organisation.objects.values_list("slug", flat=True)
    assert Organisation.objects.mentioned().exists()
    for slug in slugs:
        for path in paths_in_both_languages("organisations:detail", slug=slug):
            assert site_url(path) in sitemap


def test_sitemap_lists_every_contact_person_in_both_languages(sitemap):
    for path in paths_in_both_languages("contacts:detail", slug="jens-krause"):
        assert site_url(path) in sitemap


def test_sitemap_entries_name_their_language_versions(sitemap):
    entry = sitemap[site_url("/en/organisations/lmbv/")]
    assert entry["de"] == site_url("/organisationen/lmbv/")
    assert entry["en"] == site_url("/en/organisations/lmbv/")
    assert entry["x-default"] == site_url("/organisationen/lmbv/")


def test_sitemap_dates_entries_by_their_last_change(sitemap):
    changed = Organisation.objects.get(slug="lmbv").updated_at.date().isoformat()
    assert sitemap[site_url("/organisationen/lmbv/")]["lastmod"] == changed


def test_sitemap_is_an_index_of_its_sections(client, seed):
    index = client.get("/sitemap.xml").text
    assert "<sitemapindex" in index
    for section in ["pages", "organisations", "contacts"]:
        assert f"<loc>{site_url(f'/sitemap-{section}.xml')}</loc>" in index


def test_sitemap_sections_come_in_pages_of_at_most_the_limit(client, seed, monkeypatch):
    monkeypatch.setattr(OrganisationSitemap, "limit", 4)
    pages = [
        sitemap_entries(response)
        for response in sitemap_pages(client)
        if response.request["PATH_INFO"] == "/sitemap-organisations.xml"
    ]
    count = Organisation.objects.count()
    assert len(pages) == math.ceil(count * 2 / 4) > 1
    assert all(len(page) <= 4 for page in pages)
    locations = [location for page in pages for location in page]
    assert len(set(locations)) == len(locations) == count * 2


def test_sitemap_page_beyond_the_last_is_not_found(client, seed):
    assert client.get("/sitemap-organisations.xml?p=99").status_code == 404
    assert client.get("/sitemap-gibtsnicht.xml").status_code == 404


def test_robots_txt_allows_everything_but_the_admin_and_names_the_sitemap(get):
    response = get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.text.splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        "",
        "Sitemap: http://testserver/sitemap.xml",
    ]
