"""Load a repository script (``scripts/…``, ``benchmarks/…``) as a module, so tests can call its functions."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from copilot.paths import ROOT


def load_script(relative: str) -> ModuleType:
    """The script at ``ROOT / relative`` executed as a fresh module named after its path (``scripts/x.py`` →
    ``scripts_x``); an error if it does not exist."""
    path = ROOT / relative
    if not path.is_file():
        raise FileNotFoundError(f"没有这个脚本：{path}")
    name = str(Path(relative).with_suffix("")).replace("/", "_").replace("\\", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
