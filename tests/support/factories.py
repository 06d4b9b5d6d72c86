import factory

from contacts.models import ContactPerson, ContactRole
from editorial.models import Status
from organisations.models import Category, Organisation, Relation, Topic


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ["slug"]

    name = "Netzwerk"
    name_plural = "Netzwerke"
    slug = "netzwerk"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    category = factory.SubFactory(CategoryFactory)
    description = "Eine Organisation in der Lausitz."
    status = Status.PUBLISHED

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)


class RelationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Relation

    source = factory.SubFactory(OrganisationFactory)
    target = factory.SubFactory(OrganisationFactory, is_entry=False, category=None)
    kind = Relation.Kind.INITIATED_BY


class ContactPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactPerson

    first_name = "Erika"
    last_name = factory.Sequence(lambda n: f"Muster{n}")
    slug = factory.Sequence(lambda n: f"erika-muster-{n}")
    email = factory.Sequence(lambda n: f"erika{n}@example.org")
    status = Status.PUBLISHED


class ContactRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ContactRole

    person = factory.SubFactory(ContactPersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = ContactRole.Role.SPOKESPERSON
