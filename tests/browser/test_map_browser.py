"""The offline map in real headless Chromium with the network blocked."""
from __future__ import annotations

import pytest

from mapper.render import write_map

pytestmark = pytest.mark.browser

VAC = ".leaflet-marker-icon.mapper-t-violence-against-civilians"
SD = ".leaflet-marker-icon.mapper-t-strategic-developments"
RED_DASHED = 'path.mapper-route-blockaded[stroke="#c0392b"][stroke-dasharray]'


@pytest.fixture
def sample_map(tmp_path, sample_report, gazetteer):
    from mapper.routes import catalogue

    return write_map(sample_report, tmp_path / "sample.html", offline=True,
                     corridors=catalogue(gazetteer))


def _toggle(page, label: str) -> None:
    page.locator(".leaflet-control-layers-overlays label", has_text=label).locator(
        "input").click()


def test_offline_map_layers_and_toggles(open_map, sample_map):
    m = open_map(sample_map)
    assert m.errors == []
    assert m.blocked == []                       # nothing even tried the network
    assert m.count(VAC) == 3
    assert m.count(SD) == 1
    assert m.count(RED_DASHED) == 3              # the three blockaded corridors
    assert m.count("path.mapper-route-open") == 1
    assert m.count("path.mapper-place") == 5
    assert m.count("path.mapper-uncertainty") == 2
    assert m.count(".mapper-route-label") == 3
    assert m.count(".leaflet-tile") == 0
    assert m.page.locator(".mapper-title").inner_text().startswith("Mali, November 2025")
    assert "Independence Square" in m.page.locator(".mapper-unresolved").inner_text()
    legend = m.page.locator(".mapper-legend").inner_text()
    assert "Violence against civilians" in legend and "Blockaded supply routes" in legend

    _toggle(m.page, "Violence against civilians")
    assert m.count(VAC) == 0 and m.count(SD) == 1
    _toggle(m.page, "Blockaded supply routes")
    assert m.count(RED_DASHED) == 0 and m.count(".mapper-route-label") == 0
    _toggle(m.page, "Violence against civilians")
    assert m.count(VAC) == 3
    # the heat map starts hidden and can be switched on
    assert m.count("canvas.leaflet-heatmap-layer") == 0
    _toggle(m.page, "Incident density")
    assert m.count("canvas.leaflet-heatmap-layer") == 1
    assert m.errors == []


def test_popup_shows_the_quote_and_precision(open_map, sample_map):
    m = open_map(sample_map)
    m.page.locator(VAC).first.click(force=True)
    popup = m.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "Violence against civilians" in text and "Source:" in text
    assert any(w in text for w in ("the town itself", "near the named place"))
    assert m.errors == []


def test_hostile_report_neither_runs_nor_breaks(open_map, tmp_path, hostile_report):
    path = write_map(hostile_report, tmp_path / "evil.html", offline=True, corridors=[])
    m = open_map(path)
    assert m.errors == [] and m.dialogs == []
    assert m.count(".leaflet-marker-icon.mapper-incident") == 2
    assert m.count(RED_DASHED) == 1
    m.page.locator(".mapper-t-violence-against-civilians").first.click(force=True)
    popup = m.page.locator(".leaflet-popup-content")
    popup.wait_for()
    text = popup.inner_text()
    assert "<script>alert(1)</script>" in text        # shown as text...
    assert "${alert(1)}" in text and "`backtick`" in text and "back\\1slash" in text
    assert popup.locator("script, img").count() == 0  # ...never as elements
    assert popup.locator("a").count() == 0            # javascript: source is not a link
    assert "<script>" in m.page.locator(".mapper-title").inner_text()
    m.page.wait_for_timeout(200)
    assert m.errors == [] and m.dialogs == []


def test_many_incidents_cluster_and_filter_by_date(open_map, tmp_path, synthetic):
    report = synthetic(2000)
    path = write_map(report, tmp_path / "many.html", offline=True, corridors=[])
    m = open_map(path)
    assert m.errors == []
    assert m.load_s < 10
    keys = m.page.evaluate("Object.keys(mapper.groups).filter(k => k.startsWith('incidents:'))")
    assert len(keys) == 6
    assert sum(m.group_size(k) for k in keys) == 2000
    assert m.count(".marker-cluster") > 0
    assert m.count(".leaflet-marker-icon.mapper-incident") < 2000
    # narrow the date slider to its last day: only that day's (and undated) incidents stay
    last = m.page.evaluate("document.querySelector('.md-from').max")
    m.page.evaluate(f"""() => {{ const a = document.querySelector('.md-from');
        a.value = {last}; a.dispatchEvent(new Event('input')); }}""")
    last_day = max(i.event_date for i in report.incidents)
    expected = sum(1 for i in report.incidents if i.event_date == last_day)
    assert sum(m.group_size(k) for k in keys) == expected
    assert last_day in m.page.locator(".mapper-dates").inner_text()
    assert m.errors == []
