"""`copilot --help` and `copilot notes --help` must not pay for libraries only some commands use
(scikit-learn ~1 s, Gradio, Chroma): they are imported where the work is done. Timing lives in
docs/notes.md (python -X importtime), not in a timed test."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("sklearn", "gradio", "chromadb")


@pytest.mark.parametrize("argv", [["--help"], ["notes", "--help"], ["notes-batch", "--help"]])
def test_help_does_not_import_heavy_libraries(argv: list[str]) -> None:
    out = _probe(argv, HEAVY)
    assert out.returncode == 0 and "ERROR=" not in out.stdout, out.stdout[-2000:] + out.stderr[-2000:]
    assert "Usage" in out.stdout or "用法" in out.stdout
    assert out.stdout.strip().splitlines()[-1] == "LOADED="


CAPABILITY_MODULES = ("copilot.agents", "copilot.moderation", "copilot.notes", "copilot.evals", "copilot.server",
                      "sqlalchemy")


def _probe(argv: list[str], modules: tuple[str, ...] = CAPABILITY_MODULES) -> subprocess.CompletedProcess[str]:
    """Run ``app(argv)`` in a fresh interpreter; the last stdout line lists which of ``modules`` it loaded
    (``LOADED=…``), and an exception the command raised is printed as ``ERROR=…``."""
    probe = (
        "import sys\n"
        "from copilot.cli import app\n"
        "try:\n"
        f"    app({argv!r}, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "except Exception as exc:\n"
        "    print('ERROR=' + type(exc).__name__ + ':' + str(exc))\n"
        f"print('LOADED=' + ','.join(m for m in {modules!r} if m in sys.modules))\n"
    )
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("argv", [["ask", "", "--json"], ["ask", "   "], ["search", ""], ["config", "--json"],
                                  ["ask", "--help"]])
def test_core_commands_load_no_capability_module(argv: list[str]) -> None:
    # `copilot ask` pays only for what answering needs: drafting, moderation (and SQLAlchemy), notes and
    # the eval suite are imported when one of their commands is asked for
    out = _probe(argv)
    assert out.stdout.strip().splitlines()[-1] == "LOADED=", out.stdout[-2000:] + out.stderr[-2000:]


def test_an_empty_question_still_gets_its_json_error_without_the_other_commands() -> None:
    out = _probe(["ask", "", "--json"])
    assert '"error": "问题不能为空"' in out.stdout and '"covered": false' in out.stdout
    assert "问题不能为空" in out.stderr


@pytest.mark.parametrize("argv, module", [(["draft", "name", "--help"], "copilot.agents"),
                                          (["moderation-log", "--help"], "copilot.moderation"),
                                          (["eval", "--help"], "copilot.evals")])
def test_a_capability_command_loads_its_module_on_demand(argv: list[str], module: str) -> None:
    out = _probe(argv)
    assert "Usage" in out.stdout, out.stdout[-2000:] + out.stderr[-2000:]
    assert module in out.stdout.strip().splitlines()[-1].removeprefix("LOADED=").split(",")


def test_help_still_lists_every_command_and_a_typo_is_an_error() -> None:
    from typer.testing import CliRunner

    from copilot.cli import app

    runner = CliRunner()
    listing = runner.invoke(app, ["--help"]).output
    for name in ("ask", "search", "draft", "moderate", "notes-batch", "eval", "serve"):
        assert name in listing
    typo = runner.invoke(app, ["modrate"])
    assert typo.exit_code == 2 and "modrate" in typo.output


def test_an_offline_ask_on_a_built_index_loads_neither_chromadb_nor_langchain(kb_index, shared_data_dir) -> None:  # type: ignore[no-untyped-def]
    # the snapshot of the built index answers the question and says the index is not empty: chromadb (≈2 s) stays
    # closed, LangChain's message types (≈1 s) wait for a model call, and jieba is imported without pkg_resources
    import os

    kb_index.search_sections("群规怎么写")  # writes the snapshot if the session's index has none yet
    probe = (
        "import sys\n"
        "from copilot.cli import app\n"
        "try:\n"
        "    app(['ask', '新人进群不说话怎么办', '--json'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('LOADED=' + ','.join(m for m in ('chromadb', 'langchain_core', 'pkg_resources') if m in sys.modules))\n"
    )
    env = {**os.environ, "COPILOT_DATA_DIR": str(shared_data_dir), "COPILOT_LLM_PROVIDER": "offline"}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=300, env=env)
    assert '"covered": true' in out.stdout, out.stdout[-2000:] + out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "LOADED=", out.stdout[-2000:] + out.stderr[-2000:]
