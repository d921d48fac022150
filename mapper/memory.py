"""A bounded memory of answers, shared by the gazetteer and the text matchers."""
from __future__ import annotations

__all__ = ["Memory"]


class Memory(dict):
    """Answers kept for reuse, forgotten all at once when there are too many (the
    questions asked again are few and recent: a plain dict, read with ``get``).

    Examples
    --------
    >>> m = Memory(2)
    >>> m.put("a", 1), m.put("b", 2), m.put("c", 3)
    (1, 2, 3)
    >>> sorted(m)
    ['c']
    """

    def __init__(self, limit: int = 50_000):
        super().__init__()
        self.limit = limit

    def put(self, key, value):
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
