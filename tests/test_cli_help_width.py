"""Every command's ``--help`` at 80 columns keeps its Chinese help whole, and its flags show no value type.

Typer shows option help in Rich table cells, which cut a line they cannot wrap at a space with "…"; a Chinese
sentence has no spaces, so ``copilot moderate --help`` used to end 「试运行：只判断，不写审核日志、不计…」 and an operator
never saw what ``--dry-run`` leaves out. The test renders every command (and the ``draft`` sub-commands) at 80 and
120 columns and finds each option's, argument's and command's help text, character for character, in the output.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import typer.main
from typer.testing import CliRunner

from copilot.cli import app, register_capabilities

# what Rich adds around the text: box lines, the spaces it pads and wraps with
_LAYOUT = re.compile(r"[\s│╭╮╰╯─┃━]+")


def _flat(text: str) -> str:
    return _LAYOUT.sub("", text)


def _commands() -> list[tuple[list[str], Any]]:
    register_capabilities()
    root = typer.main.get_command(app)
    found: list[tuple[list[str], Any]] = []

    def walk(path: list[str], command: Any) -> None:
        found.append((path, command))
        if hasattr(command, "commands"):  # a group (typer's own click, not the click package)
            for name, sub in command.commands.items():
                walk([*path, name], sub)

    walk([], root)
    return found


COMMANDS = _commands()


def _help_texts(command: Any) -> list[str]:
    texts = [p.help for p in command.params if getattr(p, "help", None)]
    if command.help:
        texts.append(command.help.split("\n\n")[0])
    if hasattr(command, "commands"):
        texts += [(sub.help or "").split("\n\n")[0] for sub in command.commands.values() if sub.help]
    return [t for t in texts if t.strip()]


def test_every_command_is_walked() -> None:
    names = {" ".join(path) for path, _ in COMMANDS}
    assert {"", "ask", "notes", "notes-batch", "moderate", "eval", "draft", "draft copy", "serve",
            "moderation-import"} <= names


@pytest.mark.parametrize("columns", ["80", "120"])
@pytest.mark.parametrize(("path", "command"), COMMANDS, ids=[" ".join(p) or "copilot" for p, _ in COMMANDS])
def test_help_shows_every_help_text_whole(path: list[str], command: Any, columns: str) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], env={"COLUMNS": columns, "TERMINAL_WIDTH": columns})
    assert result.exit_code == 0, result.output
    shown = _flat(result.output)
    for text in _help_texts(command):
        assert _flat(text) in shown, f"{' '.join(path) or 'copilot'} --help at {columns} columns cut: {text}"
    # a "…" that is not in the source text is Rich cutting a line
    assert shown.count("…") == sum(_flat(t).count("…") for t in _help_texts(command))
    # a flag (--json, --dry-run, --help) takes no value, so it shows no type that reads as if it did
    assert "<bool>" not in result.output


def test_moderate_dry_run_help_at_80_columns_reads_to_its_end() -> None:
    out = CliRunner().invoke(app, ["moderate", "--help"], env={"COLUMNS": "80", "TERMINAL_WIDTH": "80"}).output
    assert "不写审核日志、不计违规次数" in _flat(out)
    assert all(len(line) <= 80 for line in out.splitlines())


def test_notes_help_names_every_format_it_reads() -> None:
    out = _flat(CliRunner().invoke(app, ["notes", "--help"], env={"COLUMNS": "80"}).output)
    for name in ("QQ", "微信", "LINE", "WhatsApp", "JSON/JSONL", "CSV/TSV", "GBK"):
        assert name in out
