"""What every command shares: Chinese error exits, JSON output, the ``--engine`` option, profile loading.

Capability CLIs (``copilot.agents.cli``, ``copilot.moderation.cli``, ``copilot.notes.cli``,
``copilot.evals.cli``) import this module, never ``copilot.cli``, which imports them to build the app.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.text import Text

from copilot.config import get_settings
from copilot.llm import Engine, LLMUnavailable, get_engine
from copilot.profile import GroupProfile, ProfileError, load_profile
from copilot.textnorm import to_script, written_script

err = Console(stderr=True, soft_wrap=True)  # no hard wrapping at 80 columns when piped


def tidy_help() -> None:
    """Make ``--help`` readable for Chinese help texts and flags (installed when help is first formatted, so a
    command that shows no help does not import typer's Rich layer).

    Typer puts each option's help in a Rich table cell, and a cell cuts what it cannot wrap at a space: a CJK
    sentence has none, so at 80 columns ``copilot moderate --help`` said 「试运行：只判断，不写审核日志、不计…」 and
    the rest of the sentence was lost. Such runs now fold, keeping every character. And a flag (``--json``,
    ``--dry-run``) showed a ``<bool>`` type, which read as if it took a value: flags show no type."""
    from typer import core, rich_utils  # noqa: PLC0415 - typer's Rich help layer, only when help is shown

    make = rich_utils._make_rich_text
    if getattr(make, "tidied", False):
        return

    def make_folded(**kwargs: object) -> object:
        text = make(**kwargs)  # type: ignore[arg-type]
        if isinstance(text, Text):
            text.overflow = "fold"
        return text

    option_type = core.TyperOption.display_type_rich

    def flag_without_type(self: core.TyperOption, ctx: object) -> str | None:
        return None if self.is_flag else option_type(self, ctx)  # type: ignore[arg-type]

    make_folded.tidied = True  # type: ignore[attr-defined]
    rich_utils._make_rich_text = make_folded  # type: ignore[assignment]
    core.TyperOption.display_type_rich = flag_without_type  # type: ignore[method-assign]

ENGINE_CHOICES = ("auto", "offline", "llm")
EngineOpt = Annotated[
    str, typer.Option("--engine", help="auto：有配置就用模型接口，否则离线；offline：强制离线；llm：必须用模型接口")
]
JsonOpt = Annotated[bool, typer.Option("--json", help="输出 JSON")]


def fail(message: str, code: int = 1, *, json_error: dict[str, object] | None = None) -> typer.Exit:
    """Print a Chinese error line (no traceback) and return the exit to raise. With ``json_error``
    (a ``--json`` caller) stdout also gets ``{"error": message, **json_error}``, so it always parses.
    A message in Traditional (a Traditional group's draft error) gets its label in Traditional too."""
    label = to_script("错误：", written_script(str(message)))
    err.print(f"[red]{label}[/red]{message}", highlight=False)
    if json_error is not None:
        emit_json({"error": message, **json_error})
    return typer.Exit(code)


def warn(message: str) -> None:
    """A yellow Chinese notice on stderr (fallbacks, skipped lines, warnings)."""
    err.print(f"[yellow]{message}[/yellow]", highlight=False)


def emit_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def resolve_engine(engine: str, *, json_error: dict[str, object] | None = None) -> Engine:
    """The engine for ``--engine auto|offline|llm``; a bad choice or a missing endpoint exits 2
    (see :func:`fail` for ``json_error``)."""
    if engine not in ENGINE_CHOICES:
        raise fail(f"--engine 只能是 auto/offline/llm，收到 {engine!r}", 2, json_error=json_error)
    try:
        return get_engine(prefer=engine)  # type: ignore[arg-type]
    except LLMUnavailable as exc:
        raise fail(str(exc), 2, json_error=json_error) from None


def load_profile_or_fail(path: Path | None, *, use_default: bool = False) -> GroupProfile | None:
    """The profile at ``path`` (or the configured ``default_profile``); a broken one exits 2 with every problem."""
    if path is None and use_default and get_settings().default_profile:
        path = Path(str(get_settings().default_profile))
    if path is None:
        return None
    try:
        return load_profile(path)
    except ProfileError as exc:
        raise fail(str(exc), 2) from None


BUILD_STAGES = {"cards": "建立方法论索引：卡片向量", "sentences": "建立方法论索引：句向量（重排用）", "files": "加入资料"}


@contextmanager
def build_progress() -> Iterator[Callable[[str, int, int], None]]:
    """A rich progress bar on stderr for ``KnowledgeIndex.build(progress=…)``: one bar per stage with
    done/total counts (the first build embeds every chunk and sentence, a minute or more)."""
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err, transient=False) as bar:
        tasks: dict[str, int] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(BUILD_STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update
