"""Source checks the tests share: regex literals that spell Chinese words (cue words belong in data files)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

_CJK = re.compile(r"[\u4e00-\u9fff]")
_RE_CALLS = {"compile", "search", "match", "fullmatch", "sub", "subn", "split", "findall", "finditer"}


def regex_literals(path: Path) -> Iterator[tuple[int, str]]:
    """(line, string) of every string constant in the pattern argument of a ``re.<call>(…)`` in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _RE_CALLS
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and node.args):
            for part in ast.walk(node.args[0]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    yield node.lineno, part.value


def chinese_regex_literals(files: Iterable[Path]) -> list[tuple[str, int, str]]:
    """(file name, line, literal) of every regex literal in ``files`` that contains a Chinese character."""
    return [(f.name, line, lit) for f in files for line, lit in regex_literals(f) if _CJK.search(lit)]
