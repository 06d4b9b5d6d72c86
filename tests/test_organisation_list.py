"""/organisationen/: the filtered list of the directory's entries."""

import math
import re

import pytest
from django.http import QueryDict
from django.utils.http import urlencode
from hypothesis import given
from hypothesis import strategies as st

from organisations.filters import OrganisationFilter
from organisations.models import Organisation, Topic
from pagecache.stamp import mark_changed

from .support.factories import OrganisationFactory
from .support.pages import facet_counts, links, result_names, text
from .support.queries import queries_for

NETWORKS = [
    "Wasserstoffnetzwerk Lausitz",
    "Wirtschaftsinitiative Lausitz e.V.",
    "Wirtschaftsregion Lausitz GmbH",
    "Wirtschaftsverkehrsnetzwerk Lausitz",
]


@pytest.fixture
def get(client, seed):
    def get(query=""):
        return client.get(f"/organisationen/{query}")

    return get


def test_list_shows_the_eleven_entries_and_their_number(get):
    response = get()
    assert response.status_code == 200
    assert len(result_names(response)) == 11
    assert "11 Einträge" in text(response)


def test_list_leaves_out_actors_the_source_only_mentions(get):
    assert "IHK Cottbus" not in result_names(get())


def test_filter_by_category_lists_only_networks(get):
    assert result_names(get("?kategorie=netzwerk")) == NETWORKS


def test_two_categories_combine_with_or(get):
    names = result_names(get("?kategorie=netzwerk&kategorie=projekttraeger"))
    assert len(names) == 7
    assert "LMBV" not in names
    assert "Lausitzer und Mitteldeutsche Bergbau-Verwaltungsgesellschaft" in names


def test_filter_by_federal_state(get):
    assert result_names(get("?bundesland=berlin")) == ["MinGenTec"]


def test_filter_by_district(get):
    assert result_names(get("?landkreis=spree-neisse")) == ["Wirtschaftsregion Lausitz GmbH"]


def test_filter_by_topic(get):
    assert result_names(get("?thema=wasserstoff")) == [
        "Wasserstoffnetzwerk Lausitz",
        "Wirtschaftsverkehrsnetzwerk Lausitz",
    ]


def test_filter_by_legal_form(get):
    assert result_names(get("?rechtsform=ev")) == [
        "Pro Lausitzer Braunkohle e.V.",
        "Wirtschaftsinitiative Lausitz e.V.",
    ]


def test_filters_of_different_kinds_combine_with_and(get):
    assert result_names(get("?thema=braunkohle&kategorie=initiative")) == [
        "MinGenTec",
        "Pro Lausitzer Braunkohle e.V.",
    ]


def test_founding_year_range(get):
    assert result_names(get("?gegruendet_ab=2018")) == ["Wasserstoffnetzwerk Lausitz"]
    assert result_names(get("?gegruendet_bis=2018")) == ["Wirtschaftsverkehrsnetzwerk Lausitz"]
    assert len(result_names(get("?gegruendet_ab=2017&gegruendet_bis=2019"))) == 2


def test_search_is_case_insensitive(get):
    assert result_names(get("?q=LAUSITZRUNDE")) == ["Lausitzrunde"]


@pytest.mark.parametrize("query", ["Görlitz", "goerlitz", "GORLITZ", "Spree-Neisse", "neiße"])
def test_search_ignores_umlauts_and_sharp_s(get, query):
    assert result_names(get(f"?q={query}")) == ["Wirtschaftsregion Lausitz GmbH"]


def test_search_finds_the_acronym(get):
    assert result_names(get("?q=lmbv")) == [
        "Lausitzer und Mitteldeutsche Bergbau-Verwaltungsgesellschaft"
    ]


def test_search_finds_the_alternative_name(get):
    assert result_names(get("?q=durch2atmen")) == ["Wasserstoffnetzwerk Lausitz"]


def test_search_finds_topics_not_in_the_text(get):
    assert result_names(get("?q=Kommunalpolitik")) == ["Lausitzrunde"]


def test_search_needs_every_word(get):
    assert result_names(get("?q=Netzwerk+2017")) == ["Wirtschaftsverkehrsnetzwerk Lausitz"]


def test_search_and_filters_combine(get):
    assert result_names(get("?q=wasserstoff&gegruendet_ab=2018")) == ["Wasserstoffnetzwerk Lausitz"]


def test_sort_by_founding_year_newest_first_puts_unknown_years_last(get):
    names = result_names(get("?sortierung=-gruendung"))
    assert names[:3] == [
        "Wasserstoffnetzwerk Lausitz",
        "Wirtschaftsverkehrsnetzwerk Lausitz",
        "Lausitzbeauftragter der Landesregierung",
    ]


def test_filtering_by_options_costs_no_query_more_than_the_whole_list(client, get):
    options = "?kategorie=netzwerk&bundesland=sachsen&landkreis=cottbus&thema=wirtschaft"
    assert result_names(get(options))

    list_path = "/organisationen/"
    assert queries_for(client, list_path + options) == queries_for(client, list_path)


def test_an_unknown_option_is_named_and_ignored(get):
    response = get("?kategorie=netzwerk&thema=gibt-es-nicht")

    assert "gibt-es-nicht" in text(response)
    assert result_names(response) == result_names(get("?kategorie=netzwerk"))


def test_sort_by_name_descending(get):
    names = result_names(get("?sortierung=-name"))
    assert names == sorted(names, reverse=True)


def test_sort_by_member_count(get):
    assert result_names(get("?sortierung=-mitglieder"))[:2] == [
        "Wirtschaftsverkehrsnetzwerk Lausitz",
        "Lausitzrunde",
    ]


def test_facet_counts_show_how_many_entries_each_option_gives(get):
    assert facet_counts(get(), "kategorie") == {
        "Netzwerk": 4,
        "Initiative": 4,
        "Projektträger": 3,
    }


def test_facet_counts_follow_the_other_filters(get):
    response = get("?kategorie=netzwerk")
    assert facet_counts(response, "thema")["Wasserstoff"] == 2
    assert "Braunkohle" not in facet_counts(response, "thema")
    # Other options of the selected facet still show what choosing them would add.
    assert facet_counts(response, "kategorie") == {
        "Netzwerk": 4,
        "Initiative": 4,
        "Projektträger": 3,
    }


def test_facet_counts_follow_an_edit_at_once(get):
    get("?seite=1")  # the counts are now cached for the unfiltered list
    Organisation.objects.get(slug="lausitzrunde").topics.clear()
    assert "Kommunalpolitik" not in facet_counts(get("?sortierung=-name"), "thema")


def test_facet_counts_are_the_same_on_every_page_and_in_every_order(get):
    assert facet_counts(get("?sortierung=-name&seite=1"), "thema") == facet_counts(get(), "thema")


def test_selected_options_stay_ticked(get):
    html = get("?kategorie=netzwerk").text
    assert re.search(r'value="netzwerk" id="id_kategorie_\d+" checked', html)
    assert not re.search(r'value="initiative" id="id_kategorie_\d+" checked', html)


def test_facet_options_follow_the_editors_order(get):
    assert list(facet_counts(get(), "kategorie")) == ["Netzwerk", "Initiative", "Projektträger"]


def test_filtered_list_links_to_the_unfiltered_one(get):
    assert ("Alle Filter entfernen", "/organisationen/") in links(get("?kategorie=netzwerk"))


def test_unfiltered_list_offers_no_reset_link(get):
    assert "Alle Filter entfernen" not in text(get())


def test_empty_result_says_so(get):
    response = get("?q=gibtesnicht")
    assert "0 Einträge" in text(response)
    assert "Keine Einträge passen zu diesen Filtern." in text(response)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?kategorie=unbekannt", "Kategorie:"),
        ("?gegruendet_ab=abc", "Gegründet ab:"),
        ("?gegruendet_ab=99999999999999999999", "Gegründet ab:"),
        ("?gegruendet_ab=2019&gegruendet_bis=2017", "„Gegründet bis“ liegt vor „Gegründet ab“."),
        ("?sortierung=zufall", "Sortierung:"),
        ("?rechtsform=ag", "Rechtsform:"),
        ("?q=" + "x" * 5000, "Suchbegriff:"),
        ("?q=a%00b", "Suchbegriff:"),
        ("?seite=abc", "Eine Seite „abc“ gibt es nicht; gezeigt wird Seite 1."),
        ("?seite=999", "Eine Seite „999“ gibt es nicht; gezeigt wird Seite 1."),
        ("?seite=-1", "gibt es nicht"),
    ],
)
def test_invalid_values_give_a_page_that_says_what_was_wrong(get, query, message):
    response = get(query)
    assert response.status_code == 200
    assert "Nicht alle Angaben ließen sich verwenden" in text(response)
    assert message in text(response)


def test_an_invalid_value_is_ignored_and_the_valid_filters_still_apply(get):
    response = get("?kategorie=netzwerk&gegruendet_ab=abc")
    assert result_names(response) == NETWORKS


def test_unknown_parameters_are_ignored(get):
    assert len(result_names(get("?foo=bar&utm_source=x"))) == 11


def test_repeated_parameters_do_not_break_the_page(get):
    response = get("?" + "&".join(["kategorie=netzwerk"] * 500))
    assert result_names(response) == NETWORKS


def test_too_many_parameters_get_a_clear_400(get):
    response = get("?" + "&".join(f"p{number}=1" for number in range(1500)))
    assert response.status_code == 400
    assert "Ungültige Anfrage" in text(response)


def test_invalid_utf8_in_the_query_is_harmless(get):
    assert get("?q=%FF%FE").status_code == 200


def test_markup_in_the_query_is_shown_escaped(get):
    response = get("?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert "&lt;script&gt;" in response.content.decode()


def test_long_lists_are_paginated_and_keep_their_filters(client, db):
    OrganisationFactory.create_batch(25)
    first = client.get("/organisationen/?kategorie=netzwerk")
    assert len(result_names(first)) == 20
    assert "Seite 1 von 2" in text(first)
    next_link = dict(links(first))["Nächste Seite"]
    assert "kategorie=netzwerk" in next_link
    assert "seite=2" in next_link
    second = client.get(f"/organisationen/{next_link}")
    assert len(result_names(second)) == 5
    assert "Seite 2 von 2" in text(second)


def test_the_page_title_counts_pages(client, db):
    OrganisationFactory.create_batch(21)
    assert "<title>Organisationen, Seite 2" in client.get("/organisationen/?seite=2").text


def test_results_link_to_their_detail_pages(get):
    organisation = Organisation.objects.get(slug="lmbv")
    assert (organisation.name, "/organisationen/lmbv/") in links(get("?q=lmbv"))


@pytest.fixture
def larger(seed):
    """The seed and 30 more entries: two pages of results in each direction."""
    topic = Topic.objects.get(slug="wasserstoff")
    for number in range(30):
        OrganisationFactory(
            name=f"Netzwerk {number:02}",
            founding_year=1990 + number,
            legal_form="ev" if number % 3 else "gmbh",
            topics=[topic] if number % 2 else [],
        )


def names_the_filters_select(query, similar_spellings=False):
    """The entries the list's filters select in SQL, in the list's order."""
    filterset = OrganisationFilter(QueryDict(query), queryset=Organisation.objects.published())
    filterset.similar_spellings = similar_spellings
    return list(filterset.qs.filter(is_entry=True).values_list("name", flat=True))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "kategorie=netzwerk",
        "thema=wasserstoff&rechtsform=ev",
        "kategorie=netzwerk&kategorie=initiative&gegruendet_ab=2000",
        "gegruendet_ab=1995&gegruendet_bis=2010&rechtsform=ev&rechtsform=gmbh",
        "sortierung=-name",
        "thema=wasserstoff&sortierung=-name",
        "q=netzwerk&sortierung=name",
        "q=netzwerk",
        "q=lausitz&rechtsform=ev",
        "q=lausitz&kategorie=netzwerk&sortierung=relevanz",
        "q=netzwerk&sortierung=-gruendung",
        "sortierung=-gruendung&kategorie=netzwerk",
        # Names holding both words, one or none of them: three tiers of the ranking.
        "q=netzwerk+OR+lausitz",
        "q=lausitz+netzwerk",
        "q=netzwerk+OR+wasserstoff&kategorie=netzwerk",
        # A word twice counts twice, as in the database's ranking.
        "q=netzwerk+OR+netzwerk+OR+lausitz",
        # Excluded words, a phrase, a word too short for the trigram index.
        "q=netzwerk+-wasserstoff",
        "q=-netzwerk",
        "q=%22netzwerk+1%22",
        "q=h2+OR+netzwerk",
    ],
)
def test_every_page_lists_what_the_filters_select_in_their_order(client, larger, query):
    expected = names_the_filters_select(query)
    assert names_on_every_page(client, query, len(expected)) == expected


def names_on_every_page(client, query, count):
    shown = []
    for page in range(1, max(1, math.ceil(count / 20)) + 1):
        response = client.get(f"/organisationen/?{query}&seite={page}")
        shown += result_names(response)
        assert (f"{count} Eintrag" if count == 1 else f"{count} Einträge") in text(response)
    return shown


# Words of the seed and the larger list, some inside compounds, one too short for trigrams,
# one found nowhere; with the query syntax around them.
SEARCH_WORDS = ["netzwerk", "Lausitz", "wasserstoff", "Kohle", "h2", "Görlitz", "verein", "xyzzy"]
search_terms = st.builds(
    lambda prefix, word: prefix + word,
    st.sampled_from(["", "", "-"]),
    st.sampled_from(SEARCH_WORDS),
)
search_queries = st.lists(st.one_of(search_terms, st.just("OR")), min_size=1, max_size=5).map(
    " ".join
)


@given(query=search_queries, category=st.sampled_from(["", "netzwerk"]))
def test_any_search_lists_what_the_database_selects_in_its_order(client, larger, query, category):
    params = urlencode({"q": query, **({"kategorie": category} if category else {})})
    expected = names_the_filters_select(params)
    if not expected:
        # Nothing found exactly: the list forgives typos instead, as the page says.
        expected = names_the_filters_select(params, similar_spellings=True)
    assert names_on_every_page(client, params, len(expected)) == expected


@pytest.mark.parametrize(
    "query", ["", "kategorie=netzwerk&thema=wasserstoff", "q=lausitz&rechtsform=ev"]
)
def test_each_facet_count_is_the_number_of_entries_its_option_lists(client, larger, query):
    response = client.get(f"/organisationen/?{query}")
    for facet in response.context["facets"]:
        others = [p for p in query.split("&") if p and not p.startswith(f"{facet.name}=")]
        for option in facet.options:
            chosen = "&".join([*others, f"{facet.name}={option.value}"])
            assert option.count == len(names_the_filters_select(chosen)), (facet.name, option)


def test_a_card_shows_an_edit_at_once(get):
    get()  # the cards are now cached
    organisation = Organisation.objects.get(slug="lausitzrunde")
    organisation.name = "Lausitzrunde (neu)"
    organisation.save()
    assert "Lausitzrunde (neu)" in result_names(get())


def test_a_card_shows_a_renamed_topic_at_once(get):
    get()
    Topic.objects.filter(slug="kommunalpolitik").update(name="Gemeindepolitik")
    mark_changed()  # as every bulk writer does
    assert "Gemeindepolitik" in text(get("?q=lausitzrunde&sortierung=name"))
    assert "Gemeindepolitik" in text(get())


def test_cards_are_in_the_language_of_the_page(client, seed):
    Topic.objects.filter(slug="kommunalpolitik").update(name_en="Local politics")
    mark_changed()
    assert "Kommunalpolitik" in text(client.get("/organisationen/"))
    assert "Local politics" in text(client.get("/en/organisations/"))


def test_search_results_mark_their_words_in_cards_shown_before(get):
    get()  # the unmarked cards are now cached
    assert "<mark>Wasserstoff</mark>netzwerk Lausitz" in get("?q=wasserstoff").text


def test_a_list_after_a_search_shows_its_cards_unmarked(get):
    get("?q=wasserstoff")  # the cards are now cached
    page = get("?kategorie=netzwerk")
    assert "Wasserstoffnetzwerk Lausitz" in result_names(page)
    assert "<mark>" not in page.text
