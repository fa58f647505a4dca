"""Locations of the repo's data folders (knowledge/, prompts/, evals/).

The project is installed editable (``pip install -e .``), so the folders that sit beside the package
in the repository are the single source of truth; nothing is copied into site-packages.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent
KNOWLEDGE_DIR = ROOT / "knowledge"
PROMPTS_DIR = ROOT / "prompts"
EVALS_DIR = ROOT / "evals"
RESOURCES_DIR = PACKAGE_DIR / "resources"
DEFAULT_DATA_DIR = ROOT / "data"
