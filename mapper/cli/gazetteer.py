"""``mapper gazetteer build | info | add | import``."""
from __future__ import annotations

import time

import click

from ._common import friendly


@click.group()
def gazetteer():
    """Build, inspect and extend the local gazetteer."""


@gazetteer.command()
@friendly
def build():
    """(Re)build the cached index from GeoNames, regions, countries and imported files."""
    from ..gazetteer import build_index

    t0 = time.perf_counter()
    path = build_index()
    click.echo(f"built {path} in {time.perf_counter() - t0:.1f} s")


@gazetteer.command()
@friendly
def info():
    """Where the index is, how big, and which sources it holds."""
    from ..gazetteer import Gazetteer

    gaz = Gazetteer()
    click.echo(f"index:    {gaz.index_path} ({gaz.index_path.stat().st_size / 1e6:.1f} MB)")
    click.echo(f"data:     {gaz.root / 'gazetteer'}")
    click.echo(f"records:  {len(gaz):,} ({len(gaz._overlay.gid)} curated or added)")
    click.echo(f"names:    {len(gaz._base.keys) + len(gaz._overlay.keys):,}")
    click.echo(f"countries: {len(gaz.countries)}")
    imported = sorted((gaz.root / "gazetteer" / "imported").glob("*.*"))
    click.echo(f"imported: {', '.join(p.name for p in imported) or 'none'}")


# ignore_unknown_options: a negative coordinate ("-4.2") is an argument, not an option.
@gazetteer.command(context_settings={"ignore_unknown_options": True})
@click.argument("name")
@click.argument("lat", type=float)
@click.argument("lon", type=float)
@click.option("--country", required=True, metavar="CC", help="ISO 3166 alpha-2 code.")
@click.option("--type", "place_type", default="locality", show_default=True,
              type=click.Choice(["locality", "admin1", "admin2", "country", "feature", "region"]))
@click.option("--source", default="added by analyst", show_default=True,
              help="Where the position comes from.")
@click.option("--precision", type=click.IntRange(1, 3), default=1, show_default=True)
@click.option("--note", help="A note shown with the place.")
@friendly
def add(name, lat, lon, country, place_type, source, precision, note):
    """Add NAME at LAT LON to data/gazetteer/additions.csv (kept across rebuilds)."""
    from ..gazetteer.edit import add_place, additions_path

    gid = add_place(name, lat, lon, country, place_type=place_type, source=source,
                    precision=precision, note=note)
    click.echo(f"added {gid} to {additions_path()}")


@gazetteer.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@friendly
def import_(files):
    """Import geonames.org country dumps (e.g. ML.txt) or CSVs (name, lat, lon, country).

    Every file is checked before any is copied; the index is rebuilt once at the end.
    """
    from ..gazetteer import build_index
    from ..gazetteer.edit import check_import, import_file

    for f in files:
        check_import(f)
    for f in files:
        dest, n = import_file(f)
        click.echo(f"imported {n:,} places into {dest}")
    click.echo("rebuilding the index")
    path = build_index()
    click.echo(f"index ready: {path}")
