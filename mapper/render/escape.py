"""The one place where report-derived text is made safe for the HTML map.

folium puts popup and tooltip text inside JavaScript template literals, and
Leaflet inserts popups, tooltips and layer names as ``innerHTML``. A report
can contain ``<script>``, ``${...}``, a backtick or a backslash; any of them
would run or break the whole map. Every string taken from a report, an
incident file or an editable data file passes through :func:`esc` before it
becomes part of the map's HTML, and links are built only by :func:`link`.
"""
from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit

__all__ = ["esc", "safe_url", "link"]

# html.escape leaves these alone; inside a JS template literal they are live.
_EXTRA = str.maketrans({"$": "&#36;", "`": "&#96;", "\\": "&#92;"})


def esc(value: Any) -> str:
    """Escape any value for HTML text or attribute context (and JS template literals).

    ``None`` becomes the empty string; everything else goes through ``str``,
    :func:`html.escape` (quotes included) and entity codes for ``$``, the
    backtick and the backslash.

    Examples
    --------
    >>> esc("<b>${x}</b>")
    '&lt;b&gt;&#36;{x}&lt;/b&gt;'
    >>> esc("a`b\\\\c")
    'a&#96;b&#92;c'
    >>> esc(None)
    ''
    """
    if value is None:
        return ""
    return html.escape(str(value), quote=True).translate(_EXTRA)


def safe_url(url: Any) -> str | None:
    """The URL itself if it is an absolute ``http``/``https`` URL with a host, else ``None``.

    Examples
    --------
    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None
    True
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url


def link(url: Any, text: Any = None) -> str:
    """An ``<a>`` opening in a new tab for http(s) URLs; anything else as plain escaped text.

    Examples
    --------
    >>> link("https://example.org", "the report")
    '<a href="https://example.org" target="_blank" rel="noopener noreferrer">the report</a>'
    >>> link("javascript:alert(1)")
    'javascript:alert(1)'
    """
    label = esc(text if text not in (None, "") else url)
    href = safe_url(url)
    if href is None:
        return label
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer">{label}</a>'
