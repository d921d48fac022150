"""Unit tests of mapper.text.toponyms: place-name mentions, on the real gazetteer and lexicon."""
from __future__ import annotations

import pytest

from mapper.gazetteer.names import fold
from mapper.text.lexicon import lexicon
from mapper.text.sentences import split_sentences
from mapper.text.toponyms import find_mentions


@pytest.fixture(scope="module")
def lex():
    return lexicon()


@pytest.fixture
def mentions(gazetteer, lex):
    def run(text):
        found = find_mentions(text, split_sentences(text), gazetteer, lex)
        for m in found:  # every mention is the text it stands on
            assert text[m.start:m.end] == m.surface
        assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))
        return found
    return run


def _surfaces(found):
    return [m.surface for m in found]


@pytest.mark.parametrize("apostrophe", ["’", "'"])
def test_cote_divoire_with_either_apostrophe(mentions, apostrophe):
    found = mentions(f"Fuel comes from Côte d{apostrophe}Ivoire, Mauritania and Senegal.")
    assert _surfaces(found) == [f"Côte d{apostrophe}Ivoire", "Mauritania", "Senegal"]
    assert all(m.known for m in found)
    assert found[0].key == "cote divoire"


def test_region_phrases_are_one_mention(mentions):
    (m,) = mentions("A woman was killed in the Timbuktu region on Friday.")
    assert (m.surface, m.known) == ("Timbuktu region", True)
    (m,) = mentions("Des hommes armés ont attaqué la région de Sikasso.")
    assert m.surface == "région de Sikasso"


def test_multi_word_name(mentions):
    (m,) = mentions("An attack in Nioro du Sahel killed five.")
    assert (m.surface, m.cue) == ("Nioro du Sahel", "in")


def test_french_elision_is_split_off(mentions):
    (m,) = mentions("Les assaillants venaient d’Ansongo.")
    assert m.surface == "Ansongo"
    assert m.key == fold("Ansongo")
    assert m.cue == "d"


@pytest.mark.parametrize("text", [
    "Five Indian workers and three Egyptian nationals were abducted, French officials said.",
    "Egyptian officials met Indian and French diplomats.",
    "The Atlantic Council and the African Union called for talks.",
    "The Union and the Central committee met. Victoria and Said spoke.",
    "Independence was declared in 1960.",
    "Flights from TOM and GAQ were cancelled.",
])
def test_no_place_in(mentions, text):
    assert mentions(text) == []


def test_square_is_part_of_a_longer_name_but_the_town_is_found(mentions):
    found = mentions("Her captors executed her in Independence Square in Tonka.")
    assert _surfaces(found) == ["Tonka"]


def test_people_are_not_places(mentions):
    text = ("Mariam Cissé, who had many followers, was seized in Tonka. "
            "Cissé had received threats.")
    assert _surfaces(mentions(text)) == ["Tonka"]


def test_surname_of_a_person_named_in_full_is_dropped(mentions):
    # Kati is a Malian town; here it is the mayor's surname, used alone later on.
    assert _surfaces(mentions("Gunmen attacked Kati on Friday.")) == ["Kati"]
    text = "The mayor, Ousmane Kati, said the attack was bad. Kati added that five died."
    assert mentions(text) == []


def test_organisation_words_hide_a_place_inside_them(mentions):
    text = "The Mouvement pour le Salut de l’Azawad met near Gao."
    assert _surfaces(mentions(text)) == ["Gao"]


@pytest.mark.parametrize("text, name, cue, near", [
    ("Workers were abducted near Kobrix in western Mali.", "Kobrix", "near", True),
    ("Gunmen attacked the village of Dagakoro on Friday.", "Dagakoro", "the village of", False),
    ("Gunmen attacked Ogossagou, a village of herders, on Friday.", "Ogossagou", None, False),
    ("Des hommes armés ont attaqué près de Zanfaraba.", "Zanfaraba", "pres de", True),
])
def test_unknown_names_marked_by_the_text(mentions, gazetteer, text, name, cue, near):
    assert fold(name) not in gazetteer
    found = mentions(text)
    m = next(m for m in found if m.surface == name)
    assert not m.known
    assert m.key == fold(name)
    assert m.cue == cue
    assert m.near is near


def test_unknown_capitalised_word_without_a_cue_is_not_a_place(mentions):
    assert mentions("Dagakoro said the gunmen fled.") == []


def test_later_occurrences_of_a_cued_unknown_name(mentions):
    found = mentions("Gunmen attacked near Ogossagou. Later, Ogossagou was calm.")
    assert _surfaces(found) == ["Ogossagou", "Ogossagou"]
    assert [m.sentence for m in found] == [0, 1]
    assert [m.near for m in found] == [True, False]
    assert not any(m.known for m in found)


def test_near_is_marked_for_known_names(mentions):
    found = mentions("Workers were abducted near Kobri in western Mali. Gao was calm.")
    by_name = {m.surface: m for m in found}
    assert by_name["Kobri"].near and by_name["Kobri"].known
    assert not by_name["Mali"].near
    assert not by_name["Gao"].near


def test_dateline_mentions_are_flagged(mentions):
    text = "Headline about Mali\n\nBAMAKO, Mali (AP) — Gunmen attacked Gao on Friday."
    found = mentions(text)
    assert [(m.surface, m.dateline) for m in found] == [
        ("Mali", False), ("BAMAKO", True), ("Mali", True), ("Gao", False)]


def test_no_dateline_no_flag(mentions):
    found = mentions("Gunmen attacked Gao on Friday, officials in Bamako said.")
    assert _surfaces(found) == ["Gao", "Bamako"]
    assert not any(m.dateline for m in found)


def test_listed_names_are_marked_as_places(mentions):
    found = mentions("Des hommes armés ont attaqué le village de Boura et Sikasso.")
    assert _surfaces(found) == ["Boura", "Sikasso"]
    assert all(m.placey for m in found)


def test_sentence_index_of_each_mention(mentions):
    found = mentions("Gunmen attacked Gao. Soldiers went to Kidal. Tonka was calm.")
    assert [(m.surface, m.sentence) for m in found] == [("Gao", 0), ("Kidal", 1), ("Tonka", 2)]
