"""``mapper extract``."""
from __future__ import annotations

import json

import click

from ._common import friendly, write_atomic


@click.command()
@click.argument("report", type=click.Path(dir_okay=False))
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date (default: today).")
@click.option("--source", metavar="URL", help="Source to cite (default: the file name).")
@click.option("--output", "-o", required=True, metavar="FILE.geojson", help="Where to write ('-' for stdout).")
@friendly
def extract(report, published, source, output):
    """Read REPORT into places, incidents and routes, written as one GeoJSON file."""
    from ..extract import extract_file
    from ..text.dates import parse_iso_date

    if published is not None:
        try:
            parse_iso_date(published)
        except ValueError as exc:
            raise click.ClickException(f"--published {published!r}: {exc}") from None
    rep = extract_file(report, published=published, source=source)
    text = json.dumps(rep.to_geojson(), ensure_ascii=False, indent=1)
    if output == "-":
        click.echo(text)
    else:
        write_atomic(output, text + "\n")
    for name in rep.unresolved:
        click.echo(f"unresolved: {name} (add it with `mapper gazetteer add {name!r} LAT LON "
                   f"--country CC`)", err=True)
    click.echo(f"{len(rep.incidents)} incidents, {len(rep.places)} places, {len(rep.routes)} "
               f"blockaded routes{'' if output == '-' else ' -> ' + output}", err=True)
