"""The file input of a case document: a link to the guarded download view.

Django's own file input links to the file's URL; case documents have none
(see `consultations.documents`). Its template lives in the app, where
Django's form renderer looks for widget templates.
"""

from django import forms
from django.urls import reverse


class PrivateFileInput(forms.ClearableFileInput):
    template_name = "consultations/widgets/private_file_input.html"

    def is_initial(self, value):
        return bool(value and getattr(value, "_committed", False) and value.name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.is_initial(value) and getattr(value.instance, "pk", None):
            document = value.instance
            context["widget"].update(
                download_url=reverse("consultations_case:document", args=[document.pk]),
                file_name=document.original_name or value.name.rsplit("/", 1)[-1],
                size=document.size,
            )
        return context
