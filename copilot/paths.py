"""Locations of the repo's data folders (knowledge/, prompts/, evals/).

The project is installed editable (``pip install -e .``), so the folders that sit beside the package
in the repository are the single source of truth; nothing is copied into site-packages.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
KNOWLEDGE_DIR = ROOT / "knowledge"
PROMPTS_DIR = ROOT / "prompts"
EVALS_DIR = ROOT / "evals"
RESOURCES_DIR = PACKAGE_DIR / "resources"
DEFAULT_DATA_DIR = ROOT / "data"


# libyaml's parser when PyYAML was built with it (the wheels are): the same safe constructor, several times faster
# on the large cue files every notes and moderation call reads
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """YAML text read safely (plain data only), with the fastest safe loader there is."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


@lru_cache(maxsize=None)
def load_resource(relpath: str) -> Any:
    """A YAML data file under ``copilot/resources/`` (``"drafting/names.yaml"``), read once: the one
    loader for the word lists, phrase banks and patterns the code keeps out of Python."""
    return load_yaml((RESOURCES_DIR / relpath).read_text(encoding="utf-8"))
