"""What every public form of the hub has against bots and double submits.

- A honeypot field (`homepage`), hidden from people: a bot that fills every
  field gives itself away, and the view answers it as if all went well.
- A submission key (a UUID in a hidden field) names one filled-in form, so a
  double click or a reload saves one record, not two (the model keeps the key
  unique, or the view remembers it in the cache).
- A rate limit per client address (`over_rate_limit`), counted only for
  valid posts, so a person correcting mistakes never hits it.
"""

import uuid

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import is_ratelimited

EXPIRED_FORM_MESSAGE = _(
    "This form has expired. Please check your entries and send it again."
)


class SpamGuardForm(forms.Form):
    """A public form's honeypot and submission key; combine with a ModelForm
    (`class MyForm(SpamGuardForm, forms.ModelForm)`) or a plain Form."""

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    submission_key = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={
            "required": EXPIRED_FORM_MESSAGE,
            "invalid": EXPIRED_FORM_MESSAGE,
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_text_lengths(self)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())

    @property
    def is_spam(self):
        return bool(self.data.get("homepage"))

    def renew_key(self):
        """Give a form whose key was refused a new one, so it can be sent again."""
        self.data = self.data.copy()
        self.data["submission_key"] = str(uuid.uuid4())


#: The longest text one field of a public form takes, unless the form or the
#: model says less (about two pages of Georgian text).
TEXT_LIMIT = 5000


def limit_text_lengths(form, limits=None):
    """Give every text field of a public form a maximum length.

    Model TextFields have none, so a public form would otherwise store a
    megabyte of text. Each text field gets the smallest of `limits[name]`, its
    own `max_length` and `TEXT_LIMIT`; the browser enforces it too
    (`maxlength`), and the server refuses longer input with Django's
    translated message, so the form is shown again and nothing is saved.
    """
    limits = limits or {}
    for name, field in form.fields.items():
        if not isinstance(field, forms.CharField) or isinstance(
            field,
            forms.UUIDField | forms.JSONField,  # not text once cleaned
        ):
            continue
        candidates = (limits.get(name), field.max_length, TEXT_LIMIT)
        limit = min(value for value in candidates if value)
        if field.max_length != limit:
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
        if not field.widget.is_hidden:
            field.widget.attrs["maxlength"] = str(limit)


def over_rate_limit(request, group, rate):
    """Count this POST against `rate` (e.g. "5/h", or a callable, or None for
    no limit) for the client's address; True once the limit is passed."""
    return is_ratelimited(
        request, group=group, key="ip", rate=rate, method="POST", increment=True
    )
