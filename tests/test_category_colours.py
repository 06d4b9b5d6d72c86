"""A category's colour comes from the category: a field with a default, styled by site.css."""

import importlib
import re

import pytest
from django.apps import apps
from django.conf import settings

from organisations.models import Category
from tests.support.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SEED_COLOURS = {"netzwerk": "indigo", "initiative": "green", "projekttraeger": "brown"}
COMPONENTS = ["badge", "category-tile", "relation-graph__node"]


def stylesheet():
    return (settings.BASE_DIR / "static" / "css" / "site.css").read_text()


@pytest.mark.parametrize(("slug", "colour"), SEED_COLOURS.items())
def test_each_seed_category_keeps_its_colour(client, seed, slug, colour):
    listed = client.get(f"/organisationen/?kategorie={slug}").text
    assert set(re.findall(r'class="badge badge--(\w+)"', listed)) == {colour}
    assert f'class="category-tile category-tile--{colour}"' in client.get("/").text


def test_a_new_category_gets_a_colour_class(client):
    category = Category.objects.create(name="Verband", name_plural="Verbände", slug="verband")
    organisation = OrganisationFactory(category=category)
    page = client.get(organisation.get_absolute_url()).text
    assert f'class="badge badge--{Category.Colour.INDIGO}"' in page
    assert f".badge--{Category.Colour.INDIGO}," in stylesheet()


@pytest.mark.parametrize("colour", Category.Colour.values)
def test_every_colour_of_the_palette_is_styled_for_every_component(colour):
    css = stylesheet()
    for component in COMPONENTS:
        assert f".{component}--{colour}" in css
    assert f"--{colour}:" in css
    assert f"--{colour}-tint:" in css


def test_the_migration_gives_existing_seed_categories_their_colours(seed):
    migration = importlib.import_module("organisations.migrations.0010_category_colour")
    Category.objects.update(colour=Category.Colour.INDIGO)
    migration.colour_seed_categories(apps, schema_editor=None)
    assert dict(Category.objects.values_list("slug", "colour")) == SEED_COLOURS
