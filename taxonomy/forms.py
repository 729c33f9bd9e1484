"""Form fields of the shared vocabularies."""

from django import forms
from django.utils.translation import get_language

from taxonomy.models import Municipality


class CachedMunicipalities(forms.models.ModelChoiceIterator):
    """The choices from `Municipality.cached()`: drawing the field costs no
    query (a chosen value is still checked against the database)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for municipality in self.ordered():
            yield self.choice(municipality)

    def __len__(self):
        return len(Municipality.cached()) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(Municipality.cached())

    @staticmethod
    def ordered():
        # The model's ordering (English names) for English; Georgian by name.
        key = "name_en" if (get_language() or "").startswith("en") else "name_ka"
        return sorted(Municipality.cached(), key=lambda m: getattr(m, key))


class CachedMunicipalityField(forms.ModelChoiceField):
    iterator = CachedMunicipalities
