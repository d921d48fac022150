"""Popup contents: every field shown, escaped, precision in words."""
from __future__ import annotations

from mapper.model import Incident, Route
from mapper.render.popups import (
    date_range_words,
    date_words,
    incident_popup,
    place_popup,
    route_popup,
)


def _inc(**kw) -> Incident:
    base = dict(event_id="e1", event_type="Violence against civilians",
                sub_event_type="Abduction/forced disappearance", location="Kobri", country="Mali",
                country_code="ML", latitude=14.11, longitude=-11.13, event_date="2025-11-06",
                admin1="Kayes", actor1="JNIM", suspected=True, geo_precision=2,
                victims="five Indian workers", victim_count=5,
                quote="Five Indian workers were abducted near Kobri.",
                source="https://example.org/story", published="2025-11-10")
    base.update(kw)
    return Incident(**base)


def test_incident_popup_shows_every_field():
    html = incident_popup(_inc(), "#7b2d8e")
    for text in ("Violence against civilians", "Abduction/forced disappearance",
                 "6 November 2025", "Kobri, Kayes, Mali", "near the named place (approximate)",
                 "JNIM", "(suspected)", "five Indian workers (5)", "not reported",
                 "Five Indian workers were abducted near Kobri.", "published 2025-11-10"):
        assert text in html, text
    assert '<a href="https://example.org/story" target="_blank"' in html


def test_precision_words():
    assert "the town itself" in incident_popup(_inc(geo_precision=1))
    assert "region/country only" in incident_popup(_inc(geo_precision=3))
    assert date_words("2025-11-06", 2) == "6 November 2025 (approximate: that week)"
    assert date_words("2025-11-15", 3) == "November 2025 (approximate: that month)"
    assert "(suspected)" not in incident_popup(_inc(suspected=False))
    assert "Fatalities</th><td>3" in incident_popup(_inc(fatalities=3))


def test_source_that_is_not_a_url_is_plain_text():
    html = incident_popup(_inc(source="javascript:alert(1)"))
    assert "<a" not in html
    assert "javascript:alert(1)" in html


def test_hostile_strings_are_escaped_in_every_popup(hostile_report):
    inc = hostile_report.incidents[0]
    pieces = [incident_popup(inc), route_popup(hostile_report.routes[0]),
              place_popup(hostile_report.places[0])]
    for html in pieces:
        assert "<script" not in html and "<img" not in html
        assert "${" not in html and "`" not in html and "\\" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&#36;{alert(1)}" in html


def test_route_popup_has_since_actor_quote():
    r = Route("dakar-bamako", "Dakar–Bamako corridor", "SN", "Bamako", [(-17.4, 14.7), (-8, 12.6)],
              status="blockaded", since="2025-09", actor="JNIM", quote="A fuel blockade.",
              waypoints="Dakar | Kayes | Bamako")
    html = route_popup(r)
    for text in ("Dakar–Bamako corridor", "Blockaded", "September 2025", "JNIM",
                 "A fuel blockade.", "through Dakar | Kayes | Bamako", "approximate"):
        assert text in html, text


def test_date_range_words():
    import datetime as dt

    d = dt.date
    assert date_range_words([d(2025, 11, 8), d(2025, 11, 6)]) == "6–8 November 2025"
    assert date_range_words([d(2025, 9, 3), d(2025, 11, 8)]) == "3 September – 8 November 2025"
    assert date_range_words([d(2024, 12, 30), d(2025, 1, 2)]) == "30 December 2024 – 2 January 2025"
    assert date_range_words([]) == ""
