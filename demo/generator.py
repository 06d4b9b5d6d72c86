"""
Invented directory entries, assembled from the word lists (words.py) and real places
(places.py) by a seeded random generator, so that the same seed gives the same entries.
Websites and e-mail addresses use the reserved `.example` domain.
"""

import functools
import random
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate

from django.utils.text import slugify

from contacts.models import ContactPerson, ContactRole
from editorial.models import Status
from organisations.models import LegalForm, Organisation, Relation
from organisations.search.text import search_document

from .places import DISTRICTS, PLACES
from .words import (
    CLOSINGS,
    FEMALE_FIRST_NAMES,
    JOBS,
    LAST_NAMES,
    MALE_FIRST_NAMES,
    NAME_PATTERNS,
    OPENINGS,
    PHONE_BLOCKS,
    POSITIONS,
    RELATION_KIND_WEIGHTS,
    TOPIC_SENTENCES,
)


@functools.lru_cache(maxsize=1024)  # people's names come up again and again
def german_slug(text):
    """A slug that spells umlauts as German does without them: "Görlitz" -> "goerlitz"."""
    for letter, spelling in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(letter, spelling).replace(letter.upper(), spelling.capitalize())
    return slugify(text)


def example_domain(slug):
    # A domain label has at most 63 characters; a longer one fails URL validation.
    return slug[:63].rstrip("-") + ".example"


@dataclass
class DemoEntry:
    """One invented organisation with everything that refers to it."""

    organisation: Organisation
    topics: list
    states: list
    districts: list
    relations: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    roles: list = field(default_factory=list)


class DemoGenerator:
    """
    Invents entries one after another. The same seed, the same database rows to refer to and
    the same names already taken give the same entries. A name or slug that is taken is
    drawn again, and numbered when drawing keeps hitting taken ones.
    """

    def __init__(self, seed, categories, topics, states, districts, taken=None):
        self.random = random.Random(seed)
        self.categories = categories
        self.topics = topics
        self.topic_slugs = list(topics)
        self.states = states
        self.districts = districts
        taken = taken or {}
        self.taken_names = set(taken.get("names", ()))
        self.taken_slugs = set(taken.get("slugs", ()))
        self.taken_person_slugs = set(taken.get("person_slugs", ()))
        self.pattern_weights = list(accumulate(pattern.weight for pattern in NAME_PATTERNS))
        self.place_weights = list(accumulate(place.weight for place in PLACES))
        self.places_with_adjective = [place for place in PLACES if place.adjective]
        self.adjective_weights = list(
            accumulate(place.weight for place in self.places_with_adjective)
        )
        self.relation_kinds = list(RELATION_KIND_WEIGHTS)
        self.relation_weights = list(accumulate(RELATION_KIND_WEIGHTS.values()))
        self.numbers = defaultdict(lambda: 2)  # the next number for a name drawn too often
        # What this run made so far, for relations to point at.
        self.organisations = []
        self.networks = []

    def entry(self):
        rng = self.random
        pattern, name, slug, place, (legal_form, _), word_topics = self._name()
        year = self._founding_year()
        topic_slugs = self._topic_slugs(word_topics)
        is_association = legal_form in (LegalForm.REGISTERED_ASSOCIATION, LegalForm.ASSOCIATION)
        charitable = name.endswith("gGmbH") or (is_association and rng.random() < 0.5)
        organisation = Organisation(
            name=name,
            slug=slug,
            is_entry=True,
            status=Status.PUBLISHED,
            category=self.categories[pattern.category],
            description=self._description(pattern.category, place, year, topic_slugs),
            founding_year=year,
            legal_form=legal_form,
            is_charitable=charitable or None,
            member_count=self._member_count(pattern.category, legal_form),
            website=f"https://www.{example_domain(slug)}" if rng.random() < 0.5 else "",
            is_demo=True,
        )
        # In the order the database lists them, so the search text is what a save would write.
        topics = sorted((self.topics[slug] for slug in topic_slugs), key=lambda topic: topic.name)
        organisation.search_document = search_document(organisation, topics)
        district_slugs = self._district_slugs(place)
        entry = DemoEntry(
            organisation,
            topics,
            states=[self.states[slug] for slug in self._state_slugs(place, district_slugs)],
            districts=[self.districts[slug] for slug in district_slugs],
            relations=self._relations(organisation),
        )
        if rng.random() < 0.2:
            self._add_contact(entry)
        self.organisations.append(organisation)
        if pattern.category == "netzwerk":
            self.networks.append(organisation)
        return entry

    def _name(self):
        rng = self.random
        for _attempt in range(20):
            pattern = rng.choices(NAME_PATTERNS, cum_weights=self.pattern_weights)[0]
            word, word_topics = rng.choice(pattern.words)
            if "{adjective}" in pattern.template:
                places, weights = self.places_with_adjective, self.adjective_weights
            else:
                places, weights = PLACES, self.place_weights
            place = rng.choices(places, cum_weights=weights)[0]
            legal_form = rng.choice(pattern.legal_forms)
            base = pattern.template.format(
                word=word,
                attribute=rng.choice(pattern.attributes),
                place=place.name,
                adjective=place.adjective,
            )
            name = base + legal_form[1]
            if slug := self._claim(name):
                break
        else:
            number = self.numbers[base]
            while not (slug := self._claim(name := f"{base} {number}{legal_form[1]}")):
                number += 1
            self.numbers[base] = number + 1
        return pattern, name, slug, place, legal_form, word_topics.split()

    def _claim(self, name):
        """The slug of `name` if neither is taken yet, now taken; otherwise None."""
        slug = german_slug(name)
        if name in self.taken_names or slug in self.taken_slugs:
            return None
        self.taken_names.add(name)
        self.taken_slugs.add(slug)
        return slug

    def _founding_year(self):
        roll = self.random.random()
        if roll < 0.85:
            return self.random.randint(1990, 2025)
        if roll < 0.9:
            return self.random.randint(1950, 1989)
        return None

    def _topic_slugs(self, word_topics):
        slugs = list(word_topics)
        wanted = max(len(slugs), self.random.randint(1, 4))
        while len(slugs) < wanted:
            slug = self.random.choice(self.topic_slugs)
            if slug not in slugs:
                slugs.append(slug)
        return slugs

    def _description(self, category, place, year, topic_slugs):
        rng = self.random
        openings = [text for text in OPENINGS[category] if year or "{year}" not in text]
        topic_sentences = [text for slug in topic_slugs for text in TOPIC_SENTENCES[slug]]
        sentences = [
            rng.choice(openings),
            *rng.sample(topic_sentences, min(len(topic_sentences), rng.randint(1, 2))),
        ]
        if rng.random() < 0.5:
            sentences.append(rng.choice(CLOSINGS))
        places = {"year": year, "in_place": place.phrase("in"), "from_place": place.phrase("aus")}
        return " ".join(sentence.format(**places) for sentence in sentences)

    def _member_count(self, category, legal_form):
        if category == "projekttraeger" or legal_form == LegalForm.GMBH:
            return None
        if self.random.random() >= 0.45:
            return None
        return self.random.randint(8, 300 if category == "netzwerk" else 150)

    def _district_slugs(self, place):
        wanted = self.random.choices((0, 1, 2, 3), weights=(15, 55, 20, 10))[0]
        return self.random.sample(place.districts, min(wanted, len(place.districts)))

    def _state_slugs(self, place, district_slugs):
        slugs = list(dict.fromkeys(DISTRICTS[slug][2] for slug in district_slugs))
        slugs = slugs or list(place.states)
        # Some organisations also keep an office in the capital.
        if "berlin" not in slugs and len(slugs) < 3 and self.random.random() < 0.1:
            slugs.append("berlin")
        return slugs

    def _relations(self, source):
        rng = self.random
        if not self.organisations or rng.random() >= 0.35:
            return []
        relations = {}
        for _ in range(rng.choice((1, 1, 2))):
            kind = rng.choices(self.relation_kinds, cum_weights=self.relation_weights)[0]
            targets = self.networks if kind == Relation.Kind.PART_OF and self.networks else None
            target = rng.choice(targets or self.organisations)
            relations[kind, target.slug] = Relation(source=source, kind=kind, target=target)
        return list(relations.values())

    def _add_contact(self, entry):
        rng = self.random
        organisation = entry.organisation
        is_female = rng.random() < 0.5
        first_name = rng.choice(FEMALE_FIRST_NAMES if is_female else MALE_FIRST_NAMES)
        last_name = rng.choice(LAST_NAMES)
        female_title, male_title, role = rng.choice(JOBS)
        person = ContactPerson(
            first_name=first_name,
            last_name=last_name,
            slug=self._person_slug(f"{first_name} {last_name}"),
            job_title=female_title if is_female else male_title,
            position=rng.choice(POSITIONS) if rng.random() < 0.3 else "",
            employer=organisation,
            phone=f"{rng.choice(PHONE_BLOCKS)}{rng.randrange(1000):03d}",
            email=(
                f"{german_slug(first_name)}.{german_slug(last_name)}"
                f"@{example_domain(organisation.slug)}"
            ),
            status=Status.PUBLISHED,
            is_demo=True,
        )
        entry.contacts.append(person)
        if role:
            entry.roles.append(ContactRole(person=person, organisation=organisation, role=role))

    def _person_slug(self, full_name):
        base = slug = german_slug(full_name)
        number = 1
        while slug in self.taken_person_slugs:
            number += 1
            slug = f"{base}-{number}"
        self.taken_person_slugs.add(slug)
        return slug
