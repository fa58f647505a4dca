"""Wrap one step of the notes structure finder wherever the finder looks it up.

The finder is split into reader modules (:mod:`copilot.notes.reading` … :mod:`copilot.notes.structure`), each importing
the steps it calls by name, so a step is bound in its own module and in every part that calls it. The eval's step
watcher (``_drop_step`` in :mod:`copilot.evals.notes`) and the tests that count calls wrap a step in all those places at
once; wrapping it in one module only would miss the callers in the others and count nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any, Protocol

# the parts of the notes structure finder, lowest first (each imports only from those before it)
FINDER_PARTS = ("reading", "corrections", "pairing", "deciding", "handovers", "todos", "structure")


class _Patcher(Protocol):
    def setattr(self, target: object, name: str, value: Any) -> None: ...  # noqa: ANN401 - any module global


def _parts() -> list[ModuleType]:
    return [importlib.import_module(f"copilot.notes.{p}") for p in FINDER_PARTS]


def original(name: str) -> Any:  # noqa: ANN401 - a step or a constant of the finder
    """What the finder's parts bind to ``name`` (the first part that binds it); an error if none does."""
    for module in _parts():
        if name in vars(module):
            return vars(module)[name]
    raise AttributeError(f"notes structure finder has no step {name!r}")


def bound_in(name: str) -> list[ModuleType]:
    """The finder's parts that bind ``name`` to the same object as the first part that binds it."""
    obj = original(name)
    return [m for m in _parts() if vars(m).get(name) is obj]


def patch_everywhere(patcher: _Patcher, name: str, value: Callable[..., Any]) -> None:
    """``patcher.setattr(part, name, value)`` on every part that binds ``name`` (pytest's ``monkeypatch`` undoes it)."""
    for module in bound_in(name):
        patcher.setattr(module, name, value)
