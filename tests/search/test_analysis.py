"""The Georgian/English analysis shared by indexing and querying."""

import pytest

from hub.analysis import (
    fold,
    georgian_stem,
    georgianize,
    index_text,
    query_terms,
    query_word_terms,
    word_terms,
)


@pytest.mark.parametrize(
    "forms",
    [
        # nominalizer -ობა in several cases
        ["მოხალისეობა", "მოხალისეობის", "მოხალისეობით", "მოხალისეობას"],
        # consonant stem: nominative, genitive, instrumental, postpositions
        ["თელავი", "თელავის", "თელავით", "თელავში", "თელავიდან", "თელავამდე"],
        # vowel stem truncating -ა
        ["ახმეტა", "ახმეტის", "ახმეტაში", "ახმეტამდე", "ახმეტით"],
        # plural -ებ- with cases, and the old plural -თა
        ["ფერმერი", "ფერმერები", "ფერმერების", "ფერმერებმა", "ფერმერებს", "ფერმერთა"],
        # genitive -ის on a stem in -ის
        ["თბილისი", "თბილისის", "თბილისში", "თბილისისთვის", "თბილისიდან"],
        ["ლომი", "ლომის", "ლომივით", "ლომები", "ლომებთან"],
        ["განვითარება", "განვითარების", "განვითარებით"],
        ["ორგანიზაცია", "ორგანიზაციის", "ორგანიზაციები", "ორგანიზაციისთვის"],
    ],
)
def test_inflected_forms_share_a_stem(forms):
    assert len({georgian_stem(form) for form in forms}) == 1, [
        georgian_stem(form) for form in forms
    ]


@pytest.mark.parametrize("word", ["ქალი", "ზე", "ში", "და", "ეს"])
def test_short_words_keep_a_minimum_stem(word):
    assert len(georgian_stem(word)) >= min(len(word), 3)


def test_different_words_keep_different_stems():
    assert georgian_stem("თელავი") != georgian_stem("თელეთი")
    assert georgian_stem("ქალი") != georgian_stem("ქალაქი")


def test_mtavruli_folds_to_mkhedruli():
    assert fold("ᲗᲔᲚᲐᲕᲘ") == "თელავი"
    assert fold("ᲐᲑᲒ Telavi") == "აბგ telavi"
    assert index_text("ᲛᲝᲮᲐᲚᲘᲡᲔᲝᲑᲐ") == index_text("მოხალისეობა")


@pytest.mark.parametrize(
    ("latin", "georgian"),
    [
        ("telavi", "თელავის"),
        ("mokhaliseoba", "მოხალისეობის"),
        ("moxaliseoba", "მოხალისეობა"),
        ("kvareli", "ყვარელი"),
        ("qvareli", "ყვარელში"),
        ("sighnaghi", "სიღნაღის"),
        ("dedoplistskaro", "დედოფლისწყარო"),
        ("tsinandali", "წინანდალი"),
        ("chartuloba", "ჩართულობის"),
        ("k'akheti", "კახეთის"),
    ],
)
def test_latin_transliteration_meets_georgian(latin, georgian):
    assert set(query_word_terms(fold(latin))) & set(word_terms(georgian))


def test_georgianize_reads_latin_as_georgian():
    assert georgianize("telavi") == "თელავი"
    assert georgianize("mokhaliseoba") == "მოხალისეობა"


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("volunteers", "volunteering"),
        ("organizations", "organization"),
        ("educating", "education"),
        ("women's", "women"),
    ],
)
def test_english_stemming(query, text):
    assert set(query_word_terms(fold(query).replace(" ", ""))) & set(
        index_text(text).split()
    )


def test_index_text_keeps_the_text_and_adds_terms():
    text = index_text("მოხალისეობის კვირეული", None, "Volunteering")
    assert text.startswith("მოხალისეობის კვირეული volunteering")
    for term in ("მოხალის", "mokhalis", "volunt"):
        assert term in text.split()


def test_query_terms_drop_stopwords_and_punctuation():
    words = [word for word, _ in query_terms("the volunteers და თელავი !!! (")]
    assert words == ["volunteers", "თელავი"]
    assert query_terms("'\" OR 1=1 --") == [("1", ("1",))]
    assert query_terms("!!! ...") == []


def test_query_terms_only_the_first_words_of_a_huge_query():
    assert len(query_terms("სიტყვა " * 5000)) == 1
    assert len(query_terms(" ".join(f"w{n}" for n in range(1000)))) == 12
