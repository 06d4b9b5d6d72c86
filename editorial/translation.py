from django.utils.safestring import mark_safe
from django.utils.translation import get_language

# The source, the fixture and the editors write German; English is optional.
ORIGINAL_LANGUAGE = "de"


class TranslatedText(str):
    """A text that knows its language, so pages can mark German text on English pages."""

    def __new__(cls, text, lang):
        instance = super().__new__(cls, text)
        instance.lang = lang
        return instance

    def __reduce__(self):
        # Cached facets hold these; without this, unpickling would lose the language.
        return (TranslatedText, (str(self), self.lang))

    @property
    def is_fallback(self):
        """True when the page's language has no text of its own and shows this one instead."""
        return self.lang != (get_language() or ORIGINAL_LANGUAGE)

    @property
    def lang_attr(self):
        return mark_safe(f' lang="{self.lang}"') if self.is_fallback else ""


def translated_field(field):
    """A property that reads `field` in the page's language, for a TranslatableMixin model."""
    return property(lambda instance: instance.translated(field))


class TranslatableMixin:
    """Reads `<field>_en` on English pages when the editors filled it in, else `<field>`."""

    def translated(self, field):
        language = get_language() or ORIGINAL_LANGUAGE
        if language != ORIGINAL_LANGUAGE:
            text = getattr(self, f"{field}_{language}", "")
            if text:
                return TranslatedText(text, language)
        return TranslatedText(getattr(self, field), ORIGINAL_LANGUAGE)

    display_name = translated_field("name")
