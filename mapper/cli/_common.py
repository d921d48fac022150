"""What every command shares: turning library errors into one line and an exit code."""
from __future__ import annotations

import functools
import sys

import click

from ..errors import MapperError
from ..files import write_atomic

__all__ = ["friendly", "write_atomic"]


def friendly(func):
    """Run a command body; a MapperError or OS error becomes ``Error: ...`` and exit 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except MapperError as exc:
            raise click.ClickException(str(exc)) from None
        except UnicodeDecodeError as exc:
            raise click.ClickException(f"cannot decode input ({exc.reason})") from None
        except OSError as exc:
            where = f" {exc.filename!s}" if getattr(exc, "filename", None) else ""
            raise click.ClickException(f"cannot access{where}: {exc.strerror or exc}") from None
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper

