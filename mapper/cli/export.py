"""``mapper export INPUT --to DIR [--format geojson,gpkg,csv]``."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import MapperError
from ._common import friendly

_TEXT_SUFFIXES = {".txt", ".text", ".md"}


def _load(path: Path, published: str | None):
    """A Report from a report text (extracted) or an incident file (read back)."""
    if path.suffix.lower() in _TEXT_SUFFIXES:
        try:
            from ..extract import extract_file
        except ModuleNotFoundError as exc:
            if not (exc.name or "").startswith("mapper"):
                raise
            raise MapperError("reading report text needs mapper.extract, which is not "
                              "installed in this version; export a GeoJSON instead") from None

        return extract_file(path, published=published, source=None)
    from ..io import read

    return read(path)


@click.command()
@click.argument("input_path", metavar="INPUT",
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--to", "to_dir", required=True, metavar="DIR",
              type=click.Path(file_okay=False, path_type=Path),
              help="Directory to write into (created if missing).")
@click.option("--format", "formats", default="geojson,gpkg,csv", show_default=True,
              metavar="LIST", help="Comma-separated: geojson, gpkg, csv.")
@click.option("--published", metavar="YYYY-MM-DD",
              help="Publication date of a report text (resolves 'on Friday' and the like).")
@friendly
def export(input_path: Path, to_dir: Path, formats: str, published: str | None) -> None:
    """Export INPUT (a report .txt, our GeoJSON or an ACLED CSV) for QGIS and spreadsheets.

    Writes incidents/places/routes .geojson with .qml styles beside them, mapper.gpkg
    (three layers, styled on opening in QGIS) and incidents.csv in ACLED's column order.
    Nothing is written unless every output succeeds.
    """
    from ..export import export as run_export
    from ..export import parse_formats

    wanted = parse_formats(formats)  # a bad --format fails before any work
    report = _load(input_path, published)
    written = run_export(report, to_dir, wanted)
    click.echo(f"{len(report.incidents)} incidents, {len(report.places)} places, "
               f"{len(report.routes)} routes -> {to_dir}")
    for path in written:
        click.echo(f"  {path.name}")
