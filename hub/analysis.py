"""Text analysis shared by indexing and querying.

Every searchable model indexes `search_text()`, built with `index_text()` from
its public fields only, so that the same normalization applies to what is
indexed and to what is typed in the search box.

Wagtail's backends match whole tokens only, with no Georgian stemming, so the
analysis happens here, in Python, identically for every backend:

- Mtavruli capitals fold to Mkhedruli, everything is lowercased;
- each Georgian word also yields its stem (`georgian_stem`), a loose Latin
  key of that stem (`latin_key`) and the key's consonant skeleton, so
  `მოხალისეობის` finds `მოხალისეობა`, `ყვარლის` finds `ყვარელი`, and a query
  typed in Latin (`mokhaliseoba`, `qvareli`, `kvareli`) finds Georgian;
- each Latin word also yields its English Snowball stem, and the stem's
  skeleton when it is long (volunter, asociation still find their words).

The index text is the original text followed by these extra terms; a query
word matches a document when one of its terms (`query_terms`) is indexed.
"""

import re
from functools import lru_cache

import snowballstemmer
from anbani.core.converter import data as anbani_data
from modelsearch.query import And, PlainText

MTAVRULI_TO_MKHEDRULI = {code: code - 0x1C90 + 0x10D0 for code in range(0x1C90, 0x1CC0)}
# Apostrophes inside words (k'akheti, women's) carry no meaning for search.
APOSTROPHES = re.compile(r"(?<=\w)['’ʼ`](?=\w)")
TOKEN = re.compile(r"[^\W_]+")
GEORGIAN = re.compile(r"[ა-ჰ]")
LATIN = re.compile(r"^[a-z]+$")

# Georgian stems shorter than this are left alone: stripping more would merge
# unrelated short words (ქალი "woman" must keep ქალ, not become ქა).
MIN_STEM = 3

# Postpositions fused to the noun, stripped first. -თვის and -კენ follow the
# genitive (თელავის-თვის), -ში, -ზე, -თან the dative without its -ს
# (თელავ-ში), -დან the instrumental (თელავ-ი-დან), -მდე the adverbial
# (თელავ-ა-მდე), -ვით the nominative (ლომი-ვით).
AFTER_GENITIVE = ("თვის", "კენ")
OTHER_POSTPOSITIONS = ("ივით", "დან", "მდე", "თან", "ში", "ზე")
# Case endings after the postposition. The genitive -ის and instrumental -ით
# of a word in -ი (თბილისი) look alike, so -ს goes first and -ი after it:
# თბილისის -> თბილისი -> თბილის, like the nominative თბილისი -> თბილის.
CASE_ENDINGS = ("ით", "ად", "მა", "თა", "ი", "მ", "ო")
# Stems truncate a final -ა/-ე before endings (ახმეტა -> ახმეტის, მოხალისე ->
# მოხალისის); the plural -ებ- and the nominalizer -ობ- sit between stem and case.
TRUNCATED_VOWELS = ("ა", "ე")
DERIVATIONS = ("ებ", "ობ")

GEORGIAN_STOPWORDS = frozenset(
    "და ან თუ რომ არის ეს ის იმ ამ რა არ კი ვერ მე შენ ჩვენ თქვენ ისინი მათ".split()
)
ENGLISH_STOPWORDS = frozenset(
    "a an and are as at be by for from has in is it its of on or that the to was"
    " were will with".split()
)

_english = snowballstemmer.stemmer("english")


def fold(text):
    """Mtavruli to Mkhedruli, lowercase, apostrophes inside words removed."""
    text = str(text or "").translate(MTAVRULI_TO_MKHEDRULI).lower()
    return APOSTROPHES.sub("", text)


def normalize(text):
    """Folded text with whitespace collapsed."""
    return " ".join(fold(text).split())


def tokens(text):
    """The words of `text`, folded."""
    return TOKEN.findall(fold(text))


def _strip(word, endings):
    for ending in endings:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=50_000)
def georgian_stem(word):
    """A light Georgian stem: all case, number and postposition forms of a noun
    share it (მოხალისეობა, მოხალისეობის, მოხალისეობით -> მოხალის)."""
    stripped = _strip(word, OTHER_POSTPOSITIONS)
    if stripped == word:
        word = _strip(word, AFTER_GENITIVE)
        if word.endswith("ს") and len(word) - 1 >= MIN_STEM:
            word = word[:-1]
    else:
        word = stripped
    word = _strip(word, CASE_ENDINGS)
    word = _strip(word, TRUNCATED_VOWELS)
    stripped = _strip(word, DERIVATIONS)
    if stripped != word:
        word = _strip(stripped, TRUNCATED_VOWELS)
    return word


def _romanization_tables():
    """(Georgian -> Latin, Latin -> Georgian) from anbani's national system
    without apostrophes, which merges the letters people type alike (თ/ტ t,
    კ/ქ k, პ/ფ p, წ/ც ts, ჭ/ჩ ch)."""
    georgian = anbani_data["alphabets"]["mkhedruli"]
    latin = anbani_data["alphabets"]["national_simplified"]
    to_latin, to_georgian = {}, {}
    for letter, roman in zip(georgian, latin, strict=False):
        if len(letter) == 1 and GEORGIAN.match(letter) and roman.isalpha():
            to_latin[letter] = roman
            # The first Georgian letter of a pair wins: თ (not ტ) for t, as in
            # the endings -ით, -თან, -თვის, so typed suffixes still strip.
            to_georgian.setdefault(roman, letter)
    # Other common ways of typing Georgian in Latin letters.
    for roman, letter in {
        "x": "ხ",
        "c": "ც",
        "w": "ვ",
        "f": "ფ",
        "y": "ყ",
        "ph": "ფ",
        "th": "თ",
        "dj": "ჯ",
        "tch": "ჭ",
    }.items():
        to_georgian.setdefault(roman, letter)
    return to_latin, to_georgian


GEORGIAN_TO_LATIN, LATIN_TO_GEORGIAN = _romanization_tables()
_LATIN_UNITS = re.compile(
    "|".join(sorted(map(re.escape, LATIN_TO_GEORGIAN), key=len, reverse=True))
)
# A loose key: letters that transliterations and misspellings swap are merged.
_KEY_MERGES = (("q", "k"), ("gh", "g"))


def latin_key(georgian_word):
    """The loose Latin key of a Georgian word (ყვარელ -> kvarel)."""
    key = "".join(GEORGIAN_TO_LATIN.get(letter, letter) for letter in georgian_word)
    for old, new in _KEY_MERGES:
        key = key.replace(old, new)
    return key


# Stems this long also yield their consonant skeleton, which forgives vowels
# lost inside a word (ყვარელი, ყვარლის) or mistyped (mokhaliseoba, mokhalisoba).
MIN_SKELETON_STEM = 5
_VOWELS = re.compile("[aeiouy]")
_DOUBLES = re.compile(r"(.)\1+")


def skeleton(key):
    """The key without its vowels after the first letter and with doubled
    letters single (kvarel -> kvrl, associ -> asc)."""
    return key[:1] + _DOUBLES.sub(r"\1", _VOWELS.sub("", key[1:]))


def georgian_terms(stem):
    """The Latin key of a Georgian stem, and its skeleton if the stem is long."""
    key = latin_key(stem)
    if len(stem) >= MIN_SKELETON_STEM:
        return (key, skeleton(key))
    return (key,)


def georgianize(latin_word):
    """Latin transliteration typed by a visitor -> Georgian (telavi -> თელავი)."""
    return _LATIN_UNITS.sub(lambda m: LATIN_TO_GEORGIAN[m.group()], latin_word)


def english_stem(word):
    return _english.stemWord(word)


@lru_cache(maxsize=50_000)
def word_terms(word):
    """Every indexed term for one folded word: itself, its stem(s), its key."""
    if GEORGIAN.search(word):
        stem = georgian_stem(word)
        return tuple(dict.fromkeys((word, stem, *georgian_terms(stem))))
    if LATIN.match(word):
        stem = english_stem(word)
        if len(stem) >= MIN_SKELETON_STEM:
            return tuple(dict.fromkeys((word, stem, skeleton(stem))))
        return tuple(dict.fromkeys((word, stem)))
    return (word,)


@lru_cache(maxsize=10_000)
def query_word_terms(word):
    """The terms a typed word may match: a Latin word may be English or
    transliterated Georgian, so it also gets the key of its Georgian reading."""
    terms = word_terms(word)
    if LATIN.match(word) and len(word) >= MIN_STEM:
        terms += georgian_terms(georgian_stem(georgianize(word)))
    return tuple(dict.fromkeys(terms))


def _joined(parts):
    """The given field values as one normalized text (empty ones left out)."""
    return normalize(" ".join(str(part) for part in parts if part))


def index_text(*parts):
    """The folded text of the given public field values followed by the extra
    terms (stems, keys) of its words, for the index."""
    text = _joined(parts)
    extra = [term for word in TOKEN.findall(text) for term in word_terms(word)[1:]]
    return f"{text} {' '.join(extra)}".strip()


def index_terms(*parts):
    """ " term term … ": every term (the word, its stems and keys) of every
    word of the parts, space-delimited, so that a database can match a
    query's terms as whole words (`contains=f" {term} "`) without a search
    engine."""
    text = _joined(parts)
    terms = dict.fromkeys(t for word in TOKEN.findall(text) for t in word_terms(word))
    return f" {' '.join(terms)} "


def terms_condition(field, query):
    """A Q: `field` (filled by `index_terms`) holds, for every word of the
    query, one of its terms; None for a query without words."""
    from django.db.models import Q

    terms = query_terms(query)
    if not terms:
        return None
    condition = Q()
    for _, forms in terms:
        any_form = Q()
        for form in forms:
            any_form |= Q(**{f"{field}__contains": f" {form} "})
        condition &= any_form
    return condition


MAX_QUERY_WORDS = 12


def query_words(query):
    """The distinct meaningful words of a query (stopwords dropped unless the
    query has nothing else), at most MAX_QUERY_WORDS of them."""
    words = list(dict.fromkeys(tokens(query)))
    meaningful = [
        w for w in words if w not in GEORGIAN_STOPWORDS and w not in ENGLISH_STOPWORDS
    ]
    return (meaningful or words)[:MAX_QUERY_WORDS]


def query_terms(query):
    """[(word, (terms...)), ...] for a query: each word matches any of its terms."""
    return [(word, query_word_terms(word)) for word in query_words(query)]


def build_query(terms, operator="and"):
    """A Wagtail search query from `query_terms()`: every word must match one of
    its terms ("and"), or any term of any word may match ("or")."""
    if operator == "or" or len(terms) == 1:
        all_terms = dict.fromkeys(t for _, word_terms in terms for t in word_terms)
        return PlainText(" ".join(all_terms), operator="or")
    return And([PlainText(" ".join(t), operator="or") for _, t in terms])
