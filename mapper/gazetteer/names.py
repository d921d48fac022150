"""Name folding shared by the gazetteer index and the text matcher.

Folding removes case, accents and apostrophes, so that "Côte d’Ivoire"
(curly apostrophe), "Cote d'Ivoire" and "COTE D IVOIRE" meet on one key.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "is_latin", "slug"]

_APOSTROPHES = dict.fromkeys(map(ord, "'\u2019\u2018\u02bc\u02bb`\u00b4\u2032"), None)
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_/.,]+")
# Letters that NFKD does not decompose.
_SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ł": "l",
                          "Ł": "L", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})
_LATIN = re.compile(r"^[a-z0-9 ()&]+$")


@lru_cache(maxsize=1 << 17)
def fold(name: str) -> str:
    """Return the matching key of a name (remembered: the same names come back again and
    again, and the cached function is called directly, with no wrapper around it).

    Parameters
    ----------
    name : str
        A place name as written anywhere.

    Returns
    -------
    str
        Lower case, no accents, no apostrophes, hyphens and runs of spaces as one space.

    Examples
    --------
    >>> fold("Côte d’Ivoire") == fold("Cote d'Ivoire") == "cote divoire"
    True
    >>> fold("Ségou")
    'segou'
    """
    if name.isascii():
        s = name.translate(_APOSTROPHES).lower()
        return _SEPARATORS.sub(" ", s).strip() if not s.isalpha() else s
    s = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.translate(_APOSTROPHES).lower()
    return _SEPARATORS.sub(" ", s).strip()


def is_latin(key: str) -> bool:
    """True when a folded key is plain Latin letters (usable for English/French text).

    Examples
    --------
    >>> is_latin("tombouctou"), is_latin("тимбукту")
    (True, False)
    """
    return bool(_LATIN.match(key))


def slug(name: str) -> str:
    """A stable identifier fragment: ``slug("Nioro du Sahel") == "nioro-du-sahel"``.

    Examples
    --------
    >>> slug("Nioro du Sahel")
    'nioro-du-sahel'
    """
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
