"""
Search on /organisationen/?q=: what people type finds what they mean, on both databases.

Every test here runs on SQLite and on PostgreSQL (`make test` runs the suite on each);
the few that check one database's own machinery say so in their names.
"""

import pytest
from django.db import connection

from organisations.models import Organisation, Topic
from organisations.search.highlight import excerpt, highlight
from organisations.search.index import SQLITE_TRIGGERS, ensure_sqlite_search_index
from organisations.search.query import parse

from .support.factories import OrganisationFactory
from .support.pages import result_names, text

pytestmark = pytest.mark.django_db

ON_SQLITE = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own index")
ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's own index"
)
SIMILAR_SPELLINGS = "Gezeigt werden Einträge mit ähnlicher Schreibweise"


@pytest.fixture
def search(client, seed):
    def search(query):
        return client.get("/organisationen/", {"q": query})

    return search


def names(response):
    return set(result_names(response))


# What is found


def test_actor_an_entry_only_mentions_is_not_a_result(search):
    found = names(search("IHK Cottbus"))
    assert "IHK Cottbus" not in found
    assert "Wirtschaftsverkehrsnetzwerk Lausitz" in found  # an entry that mentions it


def test_inflected_word_finds_its_base_form(search):
    assert names(search("Netzwerke")) >= {
        "Wasserstoffnetzwerk Lausitz",
        "Wirtschaftsverkehrsnetzwerk Lausitz",
    }


def test_plural_with_umlaut_finds_the_singular(search):
    assert "Wirtschaftsregion Lausitz GmbH" in names(search("Städte"))


def test_topic_alone_finds_the_entry(search):
    assert names(search("Kommunalpolitik")) == {"Lausitzrunde"}


def test_word_is_found_inside_a_compound_word(search):
    assert "Pro Lausitzer Braunkohle e.V." in names(search("Kohle"))


def test_beginning_of_a_word_finds_it_as_you_type(search):
    assert names(search("Wasserst")) == {
        "Wasserstoffnetzwerk Lausitz",
        "Wirtschaftsverkehrsnetzwerk Lausitz",
    }


@pytest.mark.parametrize("query", ["Goerlitz", "Görlitz", "Neisse", "NEIßE"])
def test_umlauts_and_sharp_s_may_be_written_out(search, query):
    assert names(search(query)) == {"Wirtschaftsregion Lausitz GmbH"}


def test_quoted_phrase_needs_its_words_in_that_order(search):
    assert names(search('"Lausitzer Braunkohle"')) == {"Pro Lausitzer Braunkohle e.V."}
    assert names(search('"Braunkohle Lausitzer"')) == set()


def test_or_finds_either_word(search):
    assert names(search("Lausitzrunde OR MinGenTec")) == {"Lausitzrunde", "MinGenTec"}


def test_minus_excludes_a_word(search):
    assert names(search("Wasserstoff -Verkehr")) == {"Wasserstoffnetzwerk Lausitz"}


def test_every_word_without_or_must_match(search):
    assert names(search("Wasserstoff Lausitzrunde")) == set()


def test_entry_with_the_word_in_its_name_comes_first(search):
    assert result_names(search("Wasserstoff"))[0] == "Wasserstoffnetzwerk Lausitz"


def test_name_with_other_accents_comes_first(client, db):
    OrganisationFactory(name="Aktion Lausitz", description="Partner in Żary.")
    OrganisationFactory(name="Freunde von Żary")
    assert result_names(client.get("/organisationen/", {"q": "Zary"})) == [
        "Freunde von Żary",
        "Aktion Lausitz",
    ]


def test_two_letter_word_is_found(client, db):
    # Shorter than the three letters the SQLite index reads (organisations/search/backends.py).
    OrganisationFactory(name="Qx Werkstatt")
    assert names(client.get("/organisationen/", {"q": "QX"})) == {"Qx Werkstatt"}


def test_name_ending_in_the_word_after_sharp_s_comes_first(client, db):
    # The name's search text, "weiss bund", is longer than the name "Weiß Bund".
    OrganisationFactory(name="Aktion Lausitz", description="Im Bund mit anderen.")
    OrganisationFactory(name="Weiß Bund")
    assert result_names(client.get("/organisationen/", {"q": "Bund"})) == [
        "Weiß Bund",
        "Aktion Lausitz",
    ]


@pytest.mark.parametrize(
    ("searched", "in_name", "in_description"),
    [("Goerlitz", "Görlitz", "Goerlitz"), ("Görlitz", "Goerlitz", "Görlitz")],
    ids=["umlaut in the name", "umlaut written out in the name"],
)
def test_name_holding_the_word_however_spelled_comes_first(
    client, db, searched, in_name, in_description
):
    OrganisationFactory(name="Aktion Bund", description=f"Zu Hause in {in_description}.")
    OrganisationFactory(name=f"Bund {in_name}")
    assert result_names(client.get("/organisationen/", {"q": searched})) == [
        f"Bund {in_name}",
        "Aktion Bund",
    ]


# Typos


def test_small_typo_finds_the_entry_and_says_so(search):
    response = search("Lausitzrunda")
    assert names(response) == {"Lausitzrunde"}
    assert SIMILAR_SPELLINGS in text(response)


def test_typo_of_a_missing_letter_finds_the_entry(search):
    assert names(search("Lausitzrnde")) == {"Lausitzrunde"}


def test_exact_hits_are_not_mixed_with_similar_spellings(search):
    response = search("Lausitzrunde")
    assert names(response) == {"Lausitzrunde"}
    assert SIMILAR_SPELLINGS not in text(response)


def test_csv_export_of_a_search_with_a_typo_lists_what_the_list_shows(client, seed):
    response = client.get("/offene-daten/organisationen.csv", {"q": "Lausitzrunda"})
    rows = response.getvalue().decode("utf-8-sig").splitlines()
    assert len(rows) == 2
    assert "Lausitzrunde" in rows[1]


# What results show


def test_matched_words_are_marked_in_the_name(search):
    assert "<mark>Wasserstoff</mark>netzwerk Lausitz" in search("wasserstoff").text


def test_excerpt_shows_the_match_in_the_description(search):
    response = search("Sanierung")
    assert "<mark>Sanierung</mark>" in response.text


def test_sort_choice_relevance_is_offered_only_with_a_search(search, client):
    assert '<option value="relevanz"' in search("Lausitz").text
    assert '<option value="relevanz"' not in client.get("/organisationen/").text


# Odd input gives the list, not an error


@pytest.mark.parametrize("query", ['"', '""', "OR", "-", "- -", "|", "***", '-"', "a" * 200])
def test_query_of_only_syntax_or_noise_answers_normally(search, query):
    assert search(query).status_code == 200


# The search text follows every change


def test_edited_description_is_found_at_once(search):
    # An answer the list may keep; a search that finds nothing shows similar spellings.
    assert "Lausitzrunde" not in names(search("Zukunftswerkstatt"))
    organisation = Organisation.objects.get(slug="lausitzrunde")
    organisation.description += " Zukunftswerkstatt"
    organisation.save()
    assert names(search("Zukunftswerkstatt")) == {"Lausitzrunde"}


def test_added_topic_is_found_at_once(search):
    topic = Topic.objects.create(name="Moorschutz", slug="moorschutz")
    Organisation.objects.get(slug="lausitzrunde").topics.add(topic)
    assert names(search("Moorschutz")) == {"Lausitzrunde"}


def test_topic_added_from_the_topics_side_is_found_at_once(search):
    topic = Topic.objects.create(name="Moorschutz", slug="moorschutz")
    topic.organisations.add(Organisation.objects.get(slug="mingentec"))
    assert names(search("Moorschutz")) == {"MinGenTec"}


def test_renamed_topic_is_found_under_its_new_name(search):
    assert "Lausitzrunde" not in names(search("Gemeindepolitik"))
    assert names(search("Kommunalpolitik")) == {"Lausitzrunde"}
    topic = Topic.objects.get(slug="kommunalpolitik")
    topic.name = "Gemeindepolitik"
    topic.save()
    assert names(search("Gemeindepolitik")) == {"Lausitzrunde"}
    assert names(search("Kommunalpolitik")) == set()


def test_removed_topic_is_no_longer_found(search):
    Topic.objects.get(slug="kommunalpolitik").organisations.clear()
    assert names(search("Kommunalpolitik")) == set()


def test_deleted_organisation_is_no_longer_found(search):
    Organisation.objects.get(slug="lausitzrunde").delete()
    assert names(search("Lausitzrunde")) == set()


@ON_SQLITE
def test_sqlite_index_is_rebuilt_when_a_migration_dropped_its_triggers(search):
    with connection.cursor() as cursor:
        for name in SQLITE_TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    Organisation.objects.filter(slug="lausitzrunde").update(search_document="seenplatte")
    ensure_sqlite_search_index(connection)
    assert names(search("Seenplatte")) == {"Lausitzrunde"}


@ON_POSTGRESQL
def test_postgresql_trigger_writes_german_tokens_on_save(seed):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    organisation.description = "Städte und Gemeinden"
    organisation.save()
    organisation.refresh_from_db()
    assert "'stadt'" in organisation.search_vector


@ON_POSTGRESQL
def test_postgresql_word_list_learns_new_words_for_typo_search(search):
    organisation = Organisation.objects.get(slug="lausitzrunde")
    organisation.description += " Zukunftswerkstatt"
    organisation.save()
    response = search("Zukunftswerkstadt")
    assert names(response) == {"Lausitzrunde"}
    assert SIMILAR_SPELLINGS in text(response)


# The parts


def test_query_syntax_is_read_like_a_web_search_engine():
    parsed = parse('Wasserstoff OR Bahn "Lausitzer Revier" -Braunkohle')
    assert [[term.text for term in clause] for clause in parsed.clauses] == [
        ["wasserstoff", "bahn"],
        ["lausitzer revier"],
    ]
    assert [term.text for term in parsed.excluded] == ["braunkohle"]


def test_hyphenated_word_is_searched_as_a_phrase():
    (clause,) = parse("Spree-Neiße").clauses
    assert clause[0].text == "spree neisse"
    assert clause[0].is_phrase


def test_highlight_marks_the_original_spelling():
    assert highlight("Neiße und Görlitz", ["neisse", "gorlitz"]) == (
        "<mark>Neiße</mark> und <mark>Görlitz</mark>"
    )


def test_highlight_finds_written_out_umlauts_after_capitals_and_punctuation():
    text = "Die GOERLITZER Straße -- „Neisse-Ufer“ im Netzwerk Kohle"
    assert highlight(text, ["gorlitz", "strasse", "neisse ufer", "kohl"]) == (
        "Die <mark>GOERLITZ</mark>ER <mark>Straße</mark> -- „<mark>Neisse-Ufer</mark>“ "
        "im Netzwerk <mark>Kohl</mark>e"
    )


def test_highlight_escapes_markup():
    assert highlight("<b>Kohle</b>", ["kohl"]) == "&lt;b&gt;<mark>Kohl</mark>e&lt;/b&gt;"


def test_excerpt_starts_near_a_late_match():
    text = "Anfang " + "Füllwort " * 60 + "Wasserstoff am Ende."
    shown = excerpt(text, ["wasserstoff"])
    assert shown.startswith("… ")
    assert "<mark>Wasserstoff</mark>" in shown
    assert "Anfang" not in shown
