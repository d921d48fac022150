"""Unit tests of mapper.text.numbers: counts in report prose."""
from __future__ import annotations

import pytest

from mapper.text.lexicon import lexicon
from mapper.text.numbers import find_counts


@pytest.fixture(scope="module")
def lex():
    return lexicon()


def _values(text, lex):
    return [(c.value, c.vague) for c in find_counts(text, lex)]


@pytest.mark.parametrize("text, value", [
    ("3 soldiers were killed", 3),
    ("at least 12 civilians were killed", 12),
    ("more than 40 people", 40),
    ("1,000 people fled", 1000),
    ("2,000 displaced", 2000),
    ("1 000 personnes ont fui", 1000),
    ("five Indian workers", 5),
    ("three Egyptian nationals", 3),
    ("seventeen soldiers", 17),
    ("twenty-one civilians", 21),
    ("twenty one civilians", 21),
    ("one hundred people", 100),
    ("two hundred people", 200),
    ("cinq soldats", 5),
    ("onze morts", 11),
    ("vingt-deux morts", 22),
    ("une centaine de personnes", 100),
])
def test_exact_counts(lex, text, value):
    assert _values(text, lex) == [(value, False)]


@pytest.mark.parametrize("text, value", [
    ("several villagers were abducted", 3),
    ("plusieurs villageois", 3),
    ("dozens of people were killed", 12),
    ("des dizaines de civils", 12),
    ("Hundreds of tanker lorries are stranded", 100),
])
def test_vague_counts_follow_the_codebook(lex, text, value):
    assert _values(text, lex) == [(value, True)]


def test_count_span_is_the_number_itself(lex):
    text = "Gunmen killed at least twenty-one people in Tonka."
    (c,) = find_counts(text, lex)
    assert text[c.start:c.end] == c.text == "twenty-one"


def test_several_counts_in_order(lex):
    text = "Gunmen killed 3 soldiers and abducted five civilians; dozens fled."
    assert [(c.text, c.value) for c in find_counts(text, lex)] == [
        ("3", 3), ("five", 5), ("dozens", 12)]


@pytest.mark.parametrize("text", [
    "Mali has been in conflict since 2012.",
    "coups in 2020 and 2021",
    "a town about 90 miles from Timbuktu",
    "5 km north of Gao",
    "à 30 kilomètres de Ségou",
    "a $5m ransom",
    "a ransom of $5 million",
    "a woman in her 20s",
    "a 25-year-old man",
    "he was 25 years old",
    "at 10 h, gunmen came",
    "prices rose by 10%",
    "on the 20th",
    "tens of thousands of followers",
])
def test_non_counts_are_skipped(lex, text):
    assert find_counts(text, lex) == []


def test_skipping_a_distance_keeps_the_other_counts(lex):
    text = "Gunmen killed 7 people in a village 40 km from Gao."
    assert _values(text, lex) == [(7, False)]
