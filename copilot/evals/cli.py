"""``copilot eval``: run the eval suites."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        suite: Annotated[str, typer.Argument(help="retrieval")] = "retrieval",
        k: Annotated[int, typer.Option("-k", min=1, max=20)] = 5,
        as_json: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """运行评测并打印指标（检索：recall@k 与 MRR）。"""
        from copilot.cli import emit_json, fail
        from copilot.evals.retrieval import evaluate, load_cases
        from copilot.knowledge.index import get_index
        from copilot.paths import EVALS_DIR

        if suite != "retrieval":
            raise fail(f"未知的评测集 {suite!r}", 2)
        report = evaluate(get_index(), load_cases(EVALS_DIR / "retrieval.jsonl"), k=k)
        if as_json:
            emit_json(report.model_dump())
            return
        typer.echo(f"检索评测：{report.n} 个问题")
        typer.echo(f"  recall@{k} = {report.recall_at_k:.3f}")
        typer.echo(f"  MRR      = {report.mrr:.3f}")
        for script, value in report.by_script.items():
            typer.echo(f"  {script}: recall@{k} = {value:.3f}")
        for miss in report.misses():
            typer.echo(f"  未命中 {miss.id}：{miss.question} → 期望 {miss.relevant}，得到 {miss.retrieved}")
