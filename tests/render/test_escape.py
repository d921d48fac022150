"""The one escape helper, and the link builder, against hostile strings."""
from __future__ import annotations

import pytest

from mapper.render.escape import esc, link, safe_url


def test_escaped_text_has_no_live_characters(hostile_strings):
    for text in hostile_strings:
        _check(text)


def _check(text):
    out = esc(text)
    for live in ("<", ">", "$", "`", "\\", '"', "'"):
        assert live not in out
    # and it decodes back to exactly the input
    import html

    assert html.unescape(out) == text


def test_escape_specific_entities():
    assert esc("${x}") == "&#36;{x}"
    assert esc("a`b") == "a&#96;b"
    assert esc("\\1") == "&#92;1"
    assert esc("<b>&") == "&lt;b&gt;&amp;"
    assert esc(None) == ""
    assert esc(3) == "3"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<b>x</b>",
                                 "vbscript:x", "//example.org/a", "ftp://example.org",
                                 "https://", "http://exa mple.org", "mapper.txt", ""])
def test_only_http_urls_become_links(url):
    assert safe_url(url) is None
    out = link(url)
    assert "<a" not in out
    assert out == esc(url)


def test_http_link_is_built_and_escaped():
    out = link('https://example.org/?q="x"&y=`1`${z}', "a <report>")
    assert out.startswith('<a href="https://example.org/?q=&quot;x&quot;&amp;y=&#96;1&#96;&#36;{z}"')
    assert 'target="_blank" rel="noopener noreferrer"' in out
    assert out.endswith(">a &lt;report&gt;</a>")
