"""The shortcuts of mapper.text.events give what the plain computations give."""
from __future__ import annotations

import itertools

from mapper.text import events as E


def test_confidence_table_matches_rounding():
    # every combination the table is asked for, compared with the plain expression
    for d, p, n in itertools.product((False, True), repeat=3):
        assert E._CONFIDENCE[d, p, n] == round(0.4 + 0.2 * d + 0.2 * p + 0.1 * n, 2)
        assert E._CONFIDENCE[d, p, n] == E._confidence(d, p, n)
    assert len(E._CONFIDENCE) == 8


def test_confidence_values_are_distinct_where_they_should_be():
    # a table built wrongly (e.g. one key for all) fails here
    assert E._CONFIDENCE[False, False, False] == 0.4
    assert E._CONFIDENCE[True, True, True] == 0.9
    assert E._CONFIDENCE[True, False, True] == 0.7
