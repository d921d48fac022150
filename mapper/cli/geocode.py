"""``mapper geocode``."""
from __future__ import annotations

import json

import click

from ._common import friendly


@click.command()
@click.argument("name")
@click.option("--country", "country", metavar="CC", help="Only places in this country (ISO2).")
@click.option("--near", metavar="PLACE",
              help="Prefer places near this place (a name or 'lat,lon').")
@click.option("--all", "show_all", is_flag=True, help="List every candidate, best first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@friendly
def geocode(name, country, near, show_all, as_json):
    """Look NAME up in the local gazetteer (no network)."""
    from ..gazetteer import Gazetteer
    from ..gazetteer.near import parse_near

    gaz = Gazetteer()
    near_pt = parse_near(gaz, near) if near else None
    found = gaz.lookup(name, country_codes=country, near=near_pt)
    if not found:
        gaz.best(name, country_codes=country)  # raises PlaceNotFound with the hint
    shown = found if show_all else found[:1]
    if as_json:
        rows = [c.as_dict() for c in shown]
        click.echo(json.dumps(rows if show_all else rows[0], ensure_ascii=False, indent=1))
        return
    for c in shown:
        where = ", ".join(dict.fromkeys(x for x in (c.admin1, c.country) if x and x != c.name))
        label = f"{c.name} ({where})" if where else c.name
        line = (f"{label} [{c.country_code}] {c.latitude:.5f}, {c.longitude:.5f}  "
                f"{c.place_type}, precision {c.precision}, {c.id}")
        if show_all:
            line += f", score {c.score:g}"
        click.echo(line)
        if c.note:
            click.echo(f"  note: {c.note}")
