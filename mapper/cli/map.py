"""``mapper map`` (extract reports, then draw them) and ``mapper render`` (draw a file)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import click

from ._common import friendly


def _combine(reports: list) -> object:
    """One Report from several: incidents and places added up, routes merged by id."""
    from ..model import Report

    if len(reports) == 1:
        return reports[0]
    out = Report(source="; ".join(r.source for r in reports if r.source),
                 published=max((r.published for r in reports if r.published), default=None))
    seen_places: set[str] = set()
    routes: dict = {}
    rank = {"blockaded": 2, "disrupted": 1, "open": 0}
    for r in reports:
        out.incidents.extend(r.incidents)
        for p in r.places:
            if p.gazetteer_id not in seen_places:
                seen_places.add(p.gazetteer_id)
                out.places.append(p)
        for route in r.routes:
            old = routes.get(route.route_id)
            if old is None or rank.get(route.status, 0) > rank.get(old.status, 0):
                routes[route.route_id] = route
        for name in r.unresolved:
            if name not in out.unresolved:
                out.unresolved.append(name)
    out.routes = list(routes.values())
    return out


def _date_in_name(path: str) -> str | None:
    """``2025-11-10`` from ``mali-2025-11-10.txt``: the publication date when none is given.

    Report files are named ``<place>-<YYYY-MM-DD>.txt`` by convention; without
    this, relative dates ("on Friday") would be resolved against today.
    """
    import datetime as dt

    m = re.search(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)", Path(path).name)
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def _name(paths: list[str]) -> str:
    stems = [re.sub(r"[^\w.+-]+", "_", Path(p).stem) for p in paths]
    if len(stems) == 1:
        return stems[0]
    if len(stems) <= 3:
        return "+".join(stems)
    return f"{stems[0]}+{len(stems) - 1}-more"


def _preview(report, html_path: Path, png_path: Path, offline_html: bool, title) -> None:
    """Write the PNG preview (from an offline copy of the map, so no network is needed)."""
    import tempfile

    from ..render import write_map
    from ..render.preview import find_chromium, screenshot

    if find_chromium() is None:
        click.echo(f"warning: chromium not found; {png_path.name} not written", err=True)
        return
    if offline_html:
        screenshot(html_path, png_path)
        return
    with tempfile.TemporaryDirectory(prefix=".mapper-preview-", dir=png_path.parent) as tmp:
        page = write_map(report, Path(tmp) / "preview.html", offline=True, title=title)
        screenshot(page, png_path)


@click.command("map")
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date of the report(s) (default: a date in the file name, "
                   "else today).")
@click.option("--out", "out_dir", default="outputs", show_default=True, metavar="DIR",
              type=click.Path(file_okay=False), help="Folder for NAME.html/.geojson/.png.")
@click.option("--offline", is_flag=True, help="One self-contained HTML file (no network needed).")
@click.option("--title", metavar="TEXT", help="Map title (default: from the report).")
@click.option("--no-png", is_flag=True, help="Do not take the PNG preview.")
@friendly
def map_cmd(reports, published, out_dir, offline, title, no_png):
    """Extract REPORT(s) and write NAME.html (map), NAME.geojson and NAME.png (preview)."""
    from ..extract import extract_file
    from ..render import render_html, write_atomic

    if published is not None:
        from ..text.dates import parse_iso_date

        try:
            parse_iso_date(published)
        except ValueError as exc:
            raise click.ClickException(f"--published {published!r}: {exc}") from None
    extracted = [extract_file(p, published=published or _date_in_name(p)) for p in reports]
    report = _combine(extracted)
    name = _name(list(reports))
    out = Path(out_dir)
    html = render_html(report, offline=offline, title=title)
    geojson = json.dumps(report.to_geojson(), ensure_ascii=False, indent=1) + "\n"
    html_path = write_atomic(out / f"{name}.html", html)
    geo_path = write_atomic(out / f"{name}.geojson", geojson)
    for unresolved in report.unresolved:
        click.echo(f"unresolved: {unresolved} (add it with `mapper gazetteer add "
                   f"{unresolved!r} LAT LON --country CC`)", err=True)
    blockaded = sum(r.status == "blockaded" for r in report.routes)
    click.echo(f"{len(report.incidents)} incidents, {len(report.places)} places, "
               f"{blockaded} blockaded routes")
    click.echo(f"map:     {html_path}")
    click.echo(f"geojson: {geo_path}")
    if not no_png:
        png_path = out / f"{name}.png"
        _preview(report, html_path, png_path, offline, title)
        if png_path.exists():
            click.echo(f"preview: {png_path}")


@click.command()
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, metavar="MAP.html", type=click.Path(dir_okay=False),
              help="Where to write the map.")
@click.option("--offline", is_flag=True, help="One self-contained HTML file (no network needed).")
@click.option("--title", metavar="TEXT", help="Map title (default: from the file).")
@friendly
def render(file, output, offline, title):
    """Draw an incident FILE (our GeoJSON, an edited copy, or an ACLED CSV export) as a map."""
    from ..io import read
    from ..render import write_map

    report = read(file)
    path = write_map(report, output, offline=offline, title=title)
    click.echo(f"{len(report.incidents)} incidents, {len(report.places)} places, "
               f"{len(report.routes)} routes -> {path}")
