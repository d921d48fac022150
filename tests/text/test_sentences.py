"""Unit tests of mapper.text.sentences: splitting, headlines and datelines."""
from __future__ import annotations

import pytest

from mapper.text.sentences import dateline_span, is_headline, split_sentences


def _texts(text):
    return [s.text for s in split_sentences(text)]


def _dateline(text):
    span = dateline_span(text, split_sentences(text))
    return None if span is None else text[span[0]:span[1]]


def test_plain_sentences():
    assert _texts("Gunmen attacked Gao. Five died! Who did it? Nobody knows.") == [
        "Gunmen attacked Gao.", "Five died!", "Who did it?", "Nobody knows."]


def test_titles_and_abbreviations_do_not_end_a_sentence():
    assert _texts("Brig. Gen. Issa Diallo spoke. Gunmen fled.") == [
        "Brig. Gen. Issa Diallo spoke.", "Gunmen fled."]
    assert _texts("Mr. Traoré left. Then Mme. Diarra spoke on the St. Louis road.") == [
        "Mr. Traoré left.", "Then Mme. Diarra spoke on the St. Louis road."]


def test_initials_do_not_end_a_sentence():
    assert _texts("Col. A. B. Maiga said the U.N. mission left. Gunmen came.") == [
        "Col. A. B. Maiga said the U.N. mission left.", "Gunmen came."]


def test_quotes_stay_with_their_sentence():
    text = '"We are afraid," a resident said. "They came at night." Police left.'
    assert _texts(text) == ['"We are afraid," a resident said.', '"They came at night."',
                            "Police left."]
    assert _texts("Il a dit : «Ils ont fui.» L’armée est arrivée.") == [
        "Il a dit : «Ils ont fui.»", "L’armée est arrivée."]


def test_a_number_can_start_a_sentence():
    assert _texts("Five died in Gao. 12 others were hurt.") == [
        "Five died in Gao.", "12 others were hurt."]


def test_a_lower_case_word_after_a_full_stop_continues_the_sentence():
    assert len(split_sentences("They came from the village of St. louis at dawn.")) == 1


def test_newlines_end_sentences():
    text = "Title here\n\nFirst para. Still first.\nSecond para with no stop\nthird line."
    ss = split_sentences(text)
    assert [s.text for s in ss] == ["Title here", "First para.", "Still first.",
                                    "Second para with no stop", "third line."]
    assert [s.index for s in ss] == list(range(5))


def test_line_breaks_after_unpunctuated_lines_start_paragraphs():
    text = "Title here\n\nA caption line\nFirst para. Still first."
    assert [s.paragraph for s in split_sentences(text)] == [0, 1, 2, 2]


def test_offsets_index_the_original_text():
    text = ("  Headline about Mali\n\nBAMAKO, Mali (AP) — Gunmen attacked.  \"They fled,\" "
            "Brig. Gen. Diallo said.\r\n  Côte d’Ivoire closed its border.  ")
    ss = split_sentences(text)
    assert len(ss) == 4
    for s in ss:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    assert all(a.end <= b.start for a, b in zip(ss, ss[1:], strict=False))


def test_empty_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


def test_is_headline():
    text = "Pro-army influencer executed in Mali\n\nBAMAKO — A woman was killed. Five died."
    ss = split_sentences(text)
    assert is_headline(ss[0], text)
    assert not any(is_headline(s, text) for s in ss[1:])


def test_a_first_line_ending_with_a_full_stop_is_not_a_headline():
    text = "A woman was killed in Tonka.\nFive died."
    assert not is_headline(split_sentences(text)[0], text)


def test_a_short_line_far_into_the_text_is_not_a_headline():
    text = "Title\n\nFirst paragraph here.\n\nAn intertitle\n\nMore text."
    ss = split_sentences(text)
    assert is_headline(ss[0], text)
    assert ss[2].text == "An intertitle"
    assert not is_headline(ss[2], text)


@pytest.mark.parametrize("text, dateline", [
    ("BAMAKO, Mali (AP) — Gunmen attacked a village.", "BAMAKO, Mali (AP) — "),
    ("MOPTI, Tuesday 11 November 2025 – Gunmen attacked.", "MOPTI, Tuesday 11 November 2025 – "),
    ("Bamako - Des hommes armés ont attaqué un village.", "Bamako - "),
    ("OUAGADOUGOU (AFP) - Gunmen attacked.", "OUAGADOUGOU (AFP) - "),
    ("Ségou, le 8 novembre 2025 – Des hommes armés.", "Ségou, le 8 novembre 2025 – "),
])
def test_dateline(text, dateline):
    assert _dateline(text) == dateline


def test_dateline_after_a_headline():
    text = "Headline about Mali\nBAMAKO, Mali (AP) — Gunmen attacked. Five died."
    assert _dateline(text) == "BAMAKO, Mali (AP) — "
    text = "Headline about Mali\n\nGAO, 3 March 2025 – Gunmen attacked."
    span = dateline_span(text, split_sentences(text))
    assert span[0] == text.index("GAO")


@pytest.mark.parametrize("text", [
    "Gunmen attacked Gao on Friday. BAMAKO - officials said nothing.",
    "Headline about Mali\n\nGunmen attacked Gao on Friday, killing five.",
    "Gunmen attacked the town of Gao on Friday – officials said five died.",
])
def test_no_dateline(text):
    assert _dateline(text) is None


def test_a_dateline_is_only_looked_for_in_the_lede():
    text = "Title\n\nGunmen attacked. Five died. Many fled.\n\nGAO - Officials said."
    assert _dateline(text) is None


def test_a_dateline_asked_again_is_that_of_the_text_and_sentences_given():
    text = "GAO, 3 March 2025 – Gunmen attacked. Two died."
    sentences = split_sentences(text)
    first = dateline_span(text, sentences)
    assert first is not None and text[first[0]:first[1]].startswith("GAO")
    assert dateline_span(text, sentences) == first  # asked again by another stage
    assert dateline_span(text, []) is None  # other sentences: worked out again
    other = "Gunmen attacked. Two died."
    assert dateline_span(other, split_sentences(other)) is None
    assert dateline_span(text, split_sentences(text)) == first
