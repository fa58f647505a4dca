"""``copilot eval``: run the eval suites.

Each suite is a module exposing ``main(as_json: bool, k: int) -> int`` that prints its report and
returns an exit code; :data:`SUITES` maps suite names to modules.
"""

from __future__ import annotations

import importlib
from typing import Annotated

import typer

SUITES = {
    "retrieval": "copilot.evals.retrieval",
    "moderation": "copilot.evals.moderation",
    "drafts": "copilot.agents.evalsuite",
    "notes": "copilot.evals.notes",
}


def register(app: typer.Typer) -> None:
    @app.command("eval")
    def eval_cmd(
        suite: Annotated[str, typer.Argument(help="评测集：" + " / ".join(SUITES))] = "retrieval",
        k: Annotated[int, typer.Option("-k", min=1, max=20, help="检索评测的 k")] = 5,
        as_json: Annotated[bool, typer.Option("--json")] = False,
    ) -> None:
        """运行评测并打印指标。"""
        from copilot.cli import fail

        if suite not in SUITES:
            raise fail(f"未知的评测集 {suite!r}，可选：{', '.join(SUITES)}", 2)
        code = importlib.import_module(SUITES[suite]).main(as_json=as_json, k=k)
        raise typer.Exit(code)
