"""Turning a report file's bytes into text, or refusing it with one clear line."""
from __future__ import annotations

from pathlib import Path

from ..errors import ReportError

__all__ = ["read_report", "decode_report", "MAX_REPORT_BYTES"]

#: Reports larger than this are refused (a news report is a few kB; 50 MB is a mistake).
MAX_REPORT_BYTES = 50 * 1024 * 1024


def decode_report(data: bytes, name: str = "report") -> str:
    """Decode report bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1.

    Raises
    ------
    ReportError
        For empty or binary input.

    Examples
    --------
    >>> decode_report("Ségou".encode("cp1252"))
    'Ségou'
    """
    if not data.strip():
        raise ReportError(f"{name}: the report is empty")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReportError(f"{name}: not readable text (bad UTF-16)") from None
    if b"\x00" in data[:4096]:
        raise ReportError(f"{name}: looks like a binary file, not a text report")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(3, len(text[:20000]) // 200):
        raise ReportError(f"{name}: looks like a binary file, not a text report")
    if not any(c.isalpha() for c in text):
        raise ReportError(f"{name}: the report contains no words")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_report(path: str | Path) -> str:
    """Read and decode a report file (see :func:`decode_report`)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise ReportError(f"{path}: {size / 1e6:.0f} MB is too large for a report "
                              f"(limit {MAX_REPORT_BYTES // 2**20} MB)")
        data = path.read_bytes()
    except IsADirectoryError:
        raise ReportError(f"{path}: is a directory, not a report file") from None
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    except OSError as exc:
        raise ReportError(f"{path}: cannot read ({exc.strerror})") from None
    return decode_report(data, str(path))
