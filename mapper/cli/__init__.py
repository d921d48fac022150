"""The ``mapper`` command line: thin commands over the library, loaded lazily.

Each subcommand lives in its own module and is imported only when it runs, so
``mapper --help`` and ``mapper geocode`` start without folium or geopandas.
A :class:`~mapper.errors.MapperError` becomes one line on stderr and exit 1.
"""
from __future__ import annotations

import importlib
import logging

import click

__all__ = ["main"]

# name -> (module, attribute, one-line help)
COMMANDS = {
    "geocode": ("mapper.cli.geocode", "geocode", "Look a place name up in the local gazetteer."),
    "gazetteer": ("mapper.cli.gazetteer", "gazetteer", "Build, inspect and extend the gazetteer."),
    "extract": ("mapper.cli.extract", "extract", "Read a report into places, incidents and routes (GeoJSON)."),
    "map": ("mapper.cli.map", "map_cmd", "Extract reports and draw them as a layered Leaflet map."),
    "render": ("mapper.cli.map", "render", "Draw an incident file (our GeoJSON or an ACLED CSV) as a map."),
    "export": ("mapper.cli.export", "export", "Export a report or incident file to GeoJSON, GeoPackage, CSV."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx):
        return list(COMMANDS)

    def get_command(self, ctx, name):
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        try:
            return getattr(importlib.import_module(module), attr)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("mapper"):
                return None
            raise

    def format_commands(self, ctx, formatter):
        rows = [(name, help_) for name, (_, _, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def _version(ctx, param, value) -> None:
    if not value or ctx.resilient_parsing:
        return
    from .. import __version__, _compiled

    click.echo(f"mapper {__version__}, {_compiled.summary()}")
    ctx.exit()


@click.group(cls=LazyGroup)
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
              help="Show the version and whether the extraction modules run compiled.")
@click.option("-v", "--verbose", count=True, help="More log output (repeatable).")
@click.option("-q", "--quiet", count=True, help="Less log output.")
def main(verbose: int, quiet: int) -> None:
    """mapper: incident reports to maps and QGIS layers, offline."""
    level = max(10, min(50, 30 - 10 * verbose + 10 * quiet))
    logging.basicConfig(level=level, format="mapper: %(levelname)s: %(message)s")
