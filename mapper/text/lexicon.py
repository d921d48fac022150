"""The editable knowledge behind extraction, loaded from ``data/lexicon/*.yaml``.

Trigger words, actor names and aliases, number words and the toponym rules are data an
analyst can read and change; this module only loads and compiles them (once per process).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..errors import MapperError
from ..gazetteer.names import fold
from ..gazetteer.sources import data_dir
from .scan import Anchored, Choice

__all__ = ["Lexicon", "Trigger", "Actor", "lexicon"]


@dataclass
class Trigger:
    id: str
    rank: int
    event_type: str
    sub_event_type: str
    regex: re.Pattern
    armed_victims: dict | None = None
    route_link: bool = False
    generic: bool = False
    reference: bool = False
    stems: tuple[str, ...] | None = None  # literal starts of its patterns (None: always run)
    scan: Anchored | None = None  # ``regex``, run only where a stem starts

    def finditer(self, text: str):
        """The matches of ``regex`` in ``text``, left to right."""
        return self.scan.finditer(text) if self.scan is not None else self.regex.finditer(text)


@dataclass
class Actor:
    name: str
    kind: str
    associated: str | None
    regex: re.Pattern
    scan: Anchored | None = None  # ``regex``, run only where one of its names starts
    literals: tuple[str, ...] = ()  # the first letters of its names, as written


@dataclass
class Lexicon:
    triggers: list[Trigger]
    armed_victims: Anchored | re.Pattern  # each of these: finditer() and search()
    background: Anchored | re.Pattern
    protest_intervention: Anchored | re.Pattern
    protest_excessive_force: Anchored | re.Pattern
    actors: list[Actor]
    unidentified_name: str
    unidentified: Anchored | re.Pattern
    suspected: Anchored | re.Pattern
    numbers: dict[str, int]
    vague_numbers: dict[str, int]
    not_places: set[str]
    name_heads: set[str]
    place_cues: list[str]
    place_appositions: list[str]
    locative_cues: set[str]
    function_words: set[str]
    directions: dict[str, tuple[float, float]] = field(default_factory=dict)
    abbreviations: dict[str, str] = field(default_factory=dict)
    demonyms: Anchored | re.Pattern | None = None
    demonym_country: dict[str, str] = field(default_factory=dict)
    # what is made from the lexicon by the modules that read with it (compiled patterns,
    # remembered values): it lives and goes with the lexicon
    derived: dict = field(default_factory=dict, repr=False, compare=False)

    def triggers_for(self, present: set[str]) -> list[Trigger]:
        """The triggers, by rank, that can match in a text holding these word heads."""
        return self._triggers.among(present)

    def actors_for(self, present: set[str]) -> list[Actor]:
        """The actors, in list order, whose names can stand in a text holding these heads."""
        return self._actors.among(present)

    def __post_init__(self):
        self._triggers = Choice(self.triggers)
        self._actors = Choice(self.actors)


def _words(patterns: list[str]) -> re.Pattern:
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


def _matcher(patterns: list[str]) -> Anchored | re.Pattern:
    """The word-list patterns as one matcher, anchored at their literal starts when they
    all have one."""
    rx = _words(patterns)
    stems = _stems(patterns) if patterns else None
    return Anchored(rx, stems) if stems else rx


def _phrases(phrases: list[str]) -> Anchored | re.Pattern:
    """A matcher of literal words and phrases (any case), run only where they start (see
    :class:`~mapper.text.scan.Anchored`)."""
    rx = _words([re.escape(p) for p in phrases])
    if not all(p[:1].isalnum() for p in phrases):
        return rx
    return Anchored(rx, phrases)


_META = set("\\.^$*+?{}[]|()")


def _split_top(p: str) -> list[str]:
    """The alternatives of a pattern at its top level ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    out, depth, cls, start, i = [], 0, False, 0, 0
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(p[start:i])
            start = i + 1
        i += 1
    return [*out, p[start:]]


def _group_end(p: str) -> int:
    """Index of the parenthesis closing the group that opens ``p`` (-1 if none)."""
    depth, cls, i = 0, False, 0
    while i < len(p):
        ch = p[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def _literal_start(p: str) -> list[str] | None:
    """The literal texts one alternative must begin with: "abduct" of "abduct(?:ed|ion)",
    "tué", "tuant" of "tu(?:é|ant)", "was taken", "were taken" of "(?:was|were) taken";
    None when it does not start with a literal.

    Examples
    --------
    >>> _literal_start("(?:post|base)s? attacked"), _literal_start("tu(?:é|ée)s?")
    (['post', 'base'], ['tué', 'tuée'])
    """
    heads, i = [""], 0
    while i < len(p):
        lit, i = _literal_run(p, i)
        heads = [h + lit for h in heads]
        if i >= len(p) or p[i] in "?*{+" or not p.startswith("(?:", i) or len(heads) > 1:
            break  # a quantifier, something else than a group, or one group already read
        close = _group_end(p[i:])
        alts = _split_top(p[i + 3:i + close]) if close > 0 else []
        if not alts or not all(alts) or any(ch in _META for a in alts for ch in a) or \
                p[i + close + 1:i + close + 2] in ("?", "*", "{", "+"):
            break  # not a plain choice of words, or an optional one
        heads = [h + a for h in heads for a in alts]
        i += close + 1
    heads = [h for h in heads if h]
    return heads or None


def _literal_run(p: str, i: int) -> tuple[str, int]:
    """The literal characters of ``p`` from ``i`` (a letter made optional by the quantifier
    after it is left out), and where they stop."""
    lit = ""
    while i < len(p) and p[i] not in _META:
        lit += p[i]
        i += 1
    if i < len(p) and p[i] in "?*{" and lit:
        lit = lit[:-1]
    return lit, i


def _stems(patterns: list[str]) -> tuple[str, ...] | None:
    """The literal beginnings of the patterns, lower case ("abduct", "was", "a mené").

    Any text a pattern matches holds one of its stems at the start of a word, so the
    regular expression need only run there (see :class:`~mapper.text.scan.Anchored`).
    A pattern that does not start with a literal gives None: run it everywhere.

    Examples
    --------
    >>> _stems(["abduct(?:ed|ion)?", "(?:was|were) taken", "seized"])
    ('abduct', 'seized', 'was taken', 'were taken')
    >>> _stems(["(?:an? )?attack"]) is None
    True
    """
    out = []
    for p in patterns:
        for alt in _split_top(p):
            lits = _literal_start(alt)
            if lits is None:
                return None
            for lit in lits:
                if not lit[:1].isalnum() or len(lit) < 2:
                    return None  # the match would not start where the stem does
                out.append(lit.lower())
    return tuple(sorted(set(out)))


def _load(path: Path) -> dict:
    import yaml

    try:
        with open(path, encoding="utf-8") as fh:
            # BaseLoader: every scalar stays a string ("No", "On" are words here, not booleans)
            return yaml.load(fh, Loader=yaml.BaseLoader) or {}
    except OSError as exc:
        raise MapperError(f"cannot read lexicon file {str(path)!r}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise MapperError(f"lexicon file {str(path)!r} is not valid YAML: "
                          f"{str(exc).splitlines()[0]}") from None


def _alias_regex(aliases: list[str]) -> re.Pattern:
    alts = []
    for a in sorted(aliases, key=len, reverse=True):
        # apostrophe variants and optional hyphen/space, case as written
        p = re.escape(a).replace("'", "['’ʼ]?").replace(r"\-", r"[-\s]?").replace(r"\ ", r"[\s-]")
        alts.append(p)
    # the whole choice of names stands between word boundaries (not just the first and
    # the last of them: "SAF" inside "USAF" is no name)
    return re.compile(rf"(?<![\w])(?:{'|'.join(alts)})(?![\w])")


@lru_cache(maxsize=4)
def lexicon(root: str | None = None) -> Lexicon:
    """Load and compile ``data/lexicon`` (cached per data folder)."""
    base = Path(root) if root else data_dir() / "lexicon"
    ev = _load(base / "events.yaml")
    ac = _load(base / "actors.yaml")
    nu = _load(base / "numbers.yaml")
    tp = _load(base / "toponyms.yaml")
    dm = _load(base / "demonyms.yaml") if (base / "demonyms.yaml").exists() else {}
    dem_country = {fold(w): cc.upper() for cc, words in dm.items() for w in words}
    try:
        triggers = [Trigger(t["id"], int(t.get("rank", 50)), t["event_type"], t["sub_event_type"],
                            _words(t["patterns"]), t.get("armed_victims"),
                            str(t.get("route_link", "")).lower() == "true",
                            str(t.get("generic", "")).lower() == "true",
                            str(t.get("reference", "")).lower() == "true")
                    for t in ev["triggers"]]
        actors = [Actor(a["name"], a.get("kind", "non-state"), a.get("associated"),
                        _alias_regex([a["name"], *a.get("aliases", [])]))
                  for a in ac["actors"]]
        unident = ac["unidentified"]
    except (KeyError, TypeError) as exc:
        raise MapperError(f"lexicon in {str(base)!r} lacks a required entry: {exc}") from None
    for t, raw in zip(triggers, ev["triggers"], strict=True):
        t.stems = _stems(raw["patterns"])
        t.scan = Anchored(t.regex, t.stems) if t.stems else None
    for a, raw in zip(actors, ac["actors"], strict=True):
        names = [raw["name"], *raw.get("aliases", [])]
        # every match starts with the first letters of a name, in some case
        starts = [re.match(r"[^\W_]+", n) for n in names]
        if all(starts):
            a.literals = tuple(sorted({m.group() for m in starts}))
            a.scan = Anchored(a.regex, list(a.literals))
    return Lexicon(
        triggers=sorted(triggers, key=lambda t: t.rank),
        armed_victims=_matcher(ev.get("armed_victims", [])),
        background=_matcher(ev.get("background", [])),
        protest_intervention=_matcher(ev.get("protest_intervention", [])),
        protest_excessive_force=_matcher(ev.get("protest_excessive_force", [])),
        actors=actors,
        unidentified_name=unident.get("name", "Unidentified armed group"),
        unidentified=_matcher(unident.get("patterns", [])),
        suspected=_matcher(ac.get("suspected", [])),
        numbers={str(k).lower(): int(v) for k, v in (nu.get("words") or {}).items()},
        vague_numbers={str(k).lower(): int(v) for k, v in (nu.get("vague") or {}).items()},
        not_places={fold(str(w)) for w in tp.get("not_places", [])},
        name_heads={fold(str(w)) for w in tp.get("name_heads", [])},
        place_cues=[*tp.get("place_cues_en", []), *tp.get("place_cues_fr", [])],
        place_appositions=list(tp.get("place_appositions", [])),
        locative_cues={fold(str(w)) for w in tp.get("locative_cues", [])},
        function_words={fold(str(w)) for w in tp.get("function_words", [])},
        directions={fold(k): (float(v[0]), float(v[1])) for k, v in (tp.get("directions") or {}).items()},
        abbreviations={str(k): str(v) for k, v in (tp.get("abbreviations") or {}).items()},
        demonyms=_phrases([w for words in dm.values() for w in words]) if dm else None,
        demonym_country=dem_country,
    )
