"""Keep Georgian first letters as they are when Django "capitalises" a label.

Django's `capfirst` (django.utils.text) and the `capfirst` template filter
upper-case the first character with `str.upper()`, which maps a Mkhedruli
letter to its Mtavruli capital (`"ი".upper() == "Ი"`): every capitalised
Georgian label in Django and Wagtail (verbose names, form labels, panel
headings, table columns, messages) then starts with a Mtavruli letter, which
reads as a typo. Georgian has no capital first letter; `str.title()` knows
that (the titlecase of a Mkhedruli letter is the letter itself) and still
capitalises Latin, Cyrillic and Greek, so both functions use it instead.

Modules import `capfirst` by name (`from django.utils.text import capfirst`,
in Django's model fields and forms and in about twenty Wagtail modules), and
template engines hold the filter in their libraries, so rebinding a module
attribute would miss most callers. `install()` instead swaps the code of the
two original function objects, which every one of those references shares
(including the lazy variant that `keep_lazy_text` builds from the same
function). `str.title()` is what Django's own `title` filter uses too.
"""

from django.template import defaultfilters
from django.utils import text


def _capfirst(x):
    """Capitalize the first letter of a string (Georgian stays unchanged)."""
    if not x:
        return x
    if not isinstance(x, str):
        x = str(x)
    return x[0].title() + x[1:]


def _capfirst_filter(value):
    """Capitalize the first character of the value (Georgian unchanged)."""
    return value and value[0].title() + value[1:]


def install():
    """Make `capfirst` and `|capfirst` keep Georgian letters; idempotent."""
    # __wrapped__ is the undecorated function that keep_lazy_text and
    # stringfilter call (set by functools.wraps).
    text.capfirst.__wrapped__.__code__ = _capfirst.__code__
    defaultfilters.capfirst.__wrapped__.__code__ = _capfirst_filter.__code__
