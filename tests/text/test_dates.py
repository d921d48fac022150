"""Unit tests of mapper.text.dates: date expressions resolved against a publication date."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from mapper.text.dates import find_dates, parse_iso_date

PUB = date(2025, 11, 10)  # a Monday


def _one(text: str, previous: date | None = None, published: date = PUB):
    """The single date found in ``text`` as (matched text, date, precision, kind)."""
    found = find_dates(text, published, previous)
    assert len(found) == 1, [(text[d.start:d.end], d.date) for d in found]
    d = found[0]
    return text[d.start:d.end], d.date, d.precision, d.kind


def test_publication_date_is_a_monday():
    assert PUB.weekday() == 0


@pytest.mark.parametrize("text, expected", [
    ("seized by gunmen on Friday", date(2025, 11, 7)),
    ("abducted last Thursday near Kobri", date(2025, 11, 6)),
    ("On Sunday, JNIM claimed responsibility", date(2025, 11, 9)),
    ("attacked on Saturday night", date(2025, 11, 8)),
    ("Tuesday morning, gunmen came", date(2025, 11, 4)),
])
def test_weekday_is_the_last_such_day_before_publication(text, expected):
    _, d, precision, kind = _one(text)
    assert d == expected
    assert d.weekday() == expected.weekday()
    assert precision == 1
    assert kind == "day"


def test_weekday_equal_to_publication_weekday_is_the_publication_day():
    assert _one("officials said on Monday")[1] == PUB
    assert _one("les autorités ont déclaré lundi")[1] == PUB
    # "last Monday" cannot be today: it is the week before
    assert _one("abducted last Monday")[1] == PUB - timedelta(days=7)


def test_weekday_depends_on_the_publication_date():
    wednesday = date(2025, 11, 12)
    assert _one("killed on Friday", published=wednesday)[1] == date(2025, 11, 7)
    assert _one("killed on Tuesday", published=wednesday)[1] == date(2025, 11, 11)


def test_matched_span_indexes_the_text():
    text = "Mariam Cissé was seized at the market in Tonka on Friday."
    (d,) = find_dates(text, PUB)
    assert text[d.start:d.end] == "on Friday"


@pytest.mark.parametrize("text", ["The next day at dusk", "the following day", "A day later",
                                  "le lendemain"])
def test_next_day_is_relative_to_the_previous_date(text):
    matched, d, precision, kind = _one(text, previous=date(2025, 11, 7))
    assert d == date(2025, 11, 8)
    assert (precision, kind) == (1, "relative")
    assert _one(text, previous=date(2025, 10, 31))[1] == date(2025, 11, 1)


@pytest.mark.parametrize("text", ["the same day", "le même jour"])
def test_same_day_repeats_the_previous_date(text):
    _, d, precision, kind = _one(text, previous=date(2025, 11, 6))
    assert d == date(2025, 11, 6)
    assert (precision, kind) == (1, "relative")


@pytest.mark.parametrize("text", ["The next day at dusk", "the same day"])
def test_relative_day_without_a_previous_date_is_not_a_date(text):
    assert find_dates(text, PUB) == []


def test_since_a_month_is_its_first_day_at_month_precision():
    matched, d, precision, kind = _one("Since September, JNIM has imposed a fuel blockade")
    assert matched == "Since September"
    assert (d, precision, kind) == (date(2025, 9, 1), 3, "since")
    assert _one("un blocus depuis septembre")[1:] == (date(2025, 9, 1), 3, "since")


def test_since_a_later_month_is_in_the_previous_year():
    assert _one("since December")[1] == date(2024, 12, 1)


def test_since_a_day_has_day_precision():
    assert _one("since 1 October")[1:] == (date(2025, 10, 1), 1, "since")
    assert _one("depuis le 1er octobre")[1:] == (date(2025, 10, 1), 1, "since")


@pytest.mark.parametrize("text, matched", [
    ("seized on 6 November", "on 6 November"),
    ("seized 6 November", "6 November"),
    ("seized November 6", "November 6"),
    ("seized on Nov. 6", "on Nov. 6"),
    ("seized on the 6th of November", "on the 6th of November"),
])
def test_day_and_month(text, matched):
    assert _one(text) == (matched, date(2025, 11, 6), 1, "day")


def test_explicit_year_is_kept():
    assert _one("on November 6th, 2024")[1] == date(2024, 11, 6)
    assert _one("vendredi 7 novembre 2025")[1] == date(2025, 11, 7)


def test_day_and_month_after_publication_is_last_year():
    # a month later than the publication date cannot be this year's
    assert _one("attacked on 3 December")[1] == date(2024, 12, 3)


def test_impossible_day_is_not_a_date():
    assert find_dates("on 31 November", PUB) == []


def test_french_weekday_day_month():
    matched, d, precision, kind = _one("enlevés jeudi 6 novembre par des hommes armés")
    assert matched == "jeudi 6 novembre"
    assert (d, precision) == (date(2025, 11, 6), 1)
    assert d.weekday() == 3  # a Thursday, as the text says


def test_french_past_january_with_dernier():
    matched, d, precision, _ = _one("le mardi 15 janvier dernier, des hommes armés")
    assert matched.startswith("le mardi 15 janvier")
    assert d == date(2025, 1, 15)
    assert d < PUB
    assert precision == 1


def test_french_night_from_sunday_to_monday_is_the_sunday():
    _, d, precision, _ = _one("dans la nuit de dimanche à lundi 3 novembre")
    assert d == date(2025, 11, 2)
    assert d.weekday() == 6
    assert precision == 1
    # the date given is the morning after: the night is dated the day before it
    assert _one("dans la nuit de dimanche à lundi 28 octobre")[1] == date(2025, 10, 27)
    # without a date: the last Sunday before publication
    assert _one("dans la nuit de dimanche à lundi")[1] == date(2025, 11, 9)


def test_last_month_is_the_middle_of_the_previous_month():
    assert _one("clashes last month")[1:] == (date(2025, 10, 15), 3, "month")
    assert _one("clashes last month", published=date(2025, 1, 20))[1] == date(2024, 12, 15)


def test_in_a_month():
    assert _one("In January, gunmen attacked")[1:] == (date(2025, 1, 15), 3, "month")
    assert _one("in March 2024")[1] == date(2024, 3, 15)
    assert _one("in December")[1] == date(2024, 12, 15)  # after November: last year
    assert _one("early September")[1] == date(2025, 9, 5)
    assert _one("late October")[1] == date(2025, 10, 25)


@pytest.mark.parametrize("text, delta", [("yesterday", 1), ("hier", 1), ("today", 0),
                                         ("aujourd'hui", 0)])
def test_yesterday_and_today(text, delta):
    assert _one(f"Gunmen attacked the town {text}")[1:3] == (PUB - timedelta(days=delta), 1)


@pytest.mark.parametrize("text", ["Officials said they may return to the talks.",
                                  "Protesters plan to march on the capital.",
                                  "It may rain; we march at dawn."])
def test_lower_case_month_words_are_not_dates(text):
    assert find_dates(text, PUB) == []


def test_capitalised_month_with_a_day_is_a_date():
    assert _one("On May 3, gunmen attacked")[1] == date(2025, 5, 3)
    assert _one("In May, gunmen attacked")[1] == date(2025, 5, 15)


def test_several_dates_left_to_right_without_overlap():
    text = "Seized on Friday, she was killed the next day; since September the roads are shut."
    found = find_dates(text, PUB, previous=date(2025, 11, 7))
    assert [text[d.start:d.end] for d in found] == ["on Friday", "the next day", "since September"]
    assert [d.date for d in found] == [date(2025, 11, 7), date(2025, 11, 8), date(2025, 9, 1)]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_parse_iso_date():
    assert parse_iso_date("2025-11-10") == PUB
    for bad in ("2025-13-45", "yesterday", "2025-2-3", "10/11/2025", "", " 2025-11-10",
                "2025-02-30"):
        with pytest.raises(ValueError):
            parse_iso_date(bad)
