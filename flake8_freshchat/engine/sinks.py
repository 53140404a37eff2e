"""Known sinks (data/sinks.json): which positional arguments of a call are credentials."""
from __future__ import annotations

import functools

from .tables import sink_pairs, sinks


@functools.lru_cache(maxsize=1024)
def credential_positions(callee: str | None) -> dict[int, str]:
    """Position -> parameter name for the call's dotted name (`box.login` -> {1: "password"});
    the longest matching callee of the table decides."""
    if not callee:
        return {}
    parts = tuple(callee.split("."))
    for sink in sinks():
        if parts[-len(sink.callee):] == sink.callee:
            return sink.args
    return {}


def pair_keyword(keyword: str | None) -> str | None:
    """For `auth=(user, password)`: the name its second element is reported under."""
    keywords, name = sink_pairs()
    return name if keyword in keywords else None
