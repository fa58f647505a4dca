"""Code health is part of the test command: lint, unused code, declared dependencies, import cycles.

A cycle hidden behind an import inside a function, a dead function or an undeclared import fails
``./test.sh`` like any other regression.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "copilot"
BIN = Path(sys.executable).parent


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imported(node: ast.AST, module: str, path: Path, modules: dict[str, Path]) -> list[str]:
    """Package modules an import statement loads (``from a import b`` loads a.b when it is a module)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        assert isinstance(node, ast.ImportFrom)
        base = node.module or ""
        if node.level:
            pkg = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
            base = ".".join(pkg[: len(pkg) - node.level + 1] + ([base] if base else []))
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
    found = []
    for name in names:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        if name and name != module:
            found.append(name)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for module, path in modules.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:  # top level only
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                graph[module].update(_imported(node, module, path, modules))
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _twice_defined(source: str) -> list[str]:
    """Module-level constants (UPPER or _UPPER names), functions and classes a module defines more than once: the later
    definition silently replaces the earlier one for every caller, also those written before it."""
    seen: set[str] = set()
    twice = []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name) and t.id.lstrip("_").isupper()]
        elif isinstance(node, ast.AnnAssign) and node.value is not None and isinstance(node.target, ast.Name):
            names = [node.target.id] if node.target.id.lstrip("_").isupper() else []
        else:
            continue
        twice += [f"{n} (line {node.lineno})" for n in names if n in seen]
        seen.update(names)
    return twice


def test_no_module_defines_a_constant_or_function_twice() -> None:
    # (round 75: a second ``_QUOTED`` in notes/offline.py replaced the first for a caller 500 lines above it)
    found = {str(path.relative_to(ROOT)): twice for path in PACKAGE.rglob("*.py")
             if (twice := _twice_defined(path.read_text(encoding="utf-8")))}
    assert found == {}


def test_the_twice_defined_finder_finds_a_shadowed_constant() -> None:
    source = "import re\n_QUOTED = re.compile('a')\ndef f():\n    return _QUOTED\n_QUOTED = re.compile('b')\n"
    assert _twice_defined(source) == ["_QUOTED (line 5)"]
    assert _twice_defined("x = 1\nx = 2\n") == []  # a lower-case local-style name may be rebound


def test_the_package_has_no_import_cycles() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_every_module_imports_in_a_fresh_interpreter() -> None:
    """All modules, imported at top level one after another in a new process: a circular import
    (ImportError: partially initialised module) or an import-time crash fails here."""
    names = sorted(m for m in _modules() if m != "copilot.__main__")  # __main__ runs the CLI
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    proc = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True, timeout=240,
                          cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-3000:]


def test_capability_clis_do_not_import_the_top_level_cli() -> None:
    graph = _graph()
    assert {m for m, deps in graph.items() if "copilot.cli" in deps} == {"copilot.__main__"}


@pytest.mark.parametrize(
    "tool, args",
    [
        ("ruff", ["check", "--no-cache", "."]),  # F, B, SIM, I, C901 (≤15), PLC0415 (no hidden imports)
        ("vulture", []),  # unused code; configuration and allow-list in pyproject.toml / .ci/
        ("deptry", ["."]),  # every import declared, every declared dependency imported
    ],
)
def test_code_health_tool_passes(tool: str, args: list[str]) -> None:
    exe = BIN / tool
    proc = subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=240, cwd=ROOT)
    assert proc.returncode == 0, f"{tool} 未通过：\n{proc.stdout[-4000:]}\n{proc.stderr[-2000:]}"
