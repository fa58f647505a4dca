"""Round 56 (d00c56): a cold ``copilot ask`` loads what it can instead of recomputing it — the index snapshot keeps
every token list the BM25 models are built from (chunks, section fields, the questions of knowledge/asks.yaml), and
every YAML data file is read with libyaml's safe loader, with the same values as ``yaml.safe_load``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import copilot.knowledge.index as index_module
from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex
from copilot.paths import KNOWLEDGE_DIR, PROMPTS_DIR, RESOURCES_DIR, load_yaml

QUESTION = "群里有人天天发拼多多砍价链接，私聊也劝过，还是发，该怎么处理"


def _copy(fresh_settings: Settings, shared_data_dir: Path) -> Settings:
    shutil.copytree(shared_data_dir / "index", fresh_settings.data_dir / "index")
    (fresh_settings.data_dir / "index" / "snapshot.npz").unlink(missing_ok=True)
    return fresh_settings


def _top(index: KnowledgeIndex) -> list[tuple[str, str, float]]:
    return [(s.source, s.section, round(s.score, 9)) for s in index.search_sections(QUESTION, k=5).sections]


def test_a_second_load_of_the_index_tokenises_no_chunk_section_or_asks_question(
        monkeypatch: pytest.MonkeyPatch, fresh_settings: Settings, shared_data_dir: Path) -> None:
    settings = _copy(fresh_settings, shared_data_dir)
    first_index = KnowledgeIndex(settings)
    first = _top(first_index)  # reads chromadb, tokenises, writes the snapshot
    calls: list[str] = []
    real = index_module.tokenize

    def counting(text: str, *args: object, **kwargs: object) -> list[str]:
        calls.append(text)
        return real(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "tokenize", counting)
    second = KnowledgeIndex(settings)
    assert not second.needs_build()
    loaded = second._ensure_loaded()
    assert calls == [], f"{len(calls)} texts re-tokenised on a second load, e.g. {calls[:3]}"
    was = first_index._ensure_loaded()
    assert loaded.tokens == was.tokens and loaded.field_tokens == was.field_tokens
    assert loaded.field_words == was.field_words and loaded.df == was.df
    assert _top(second) == first  # the same ranking, scores and all


def test_a_snapshot_written_by_older_code_is_not_trusted(monkeypatch: pytest.MonkeyPatch, fresh_settings: Settings,
                                                         shared_data_dir: Path) -> None:
    """The stored tokens depend on how the index module builds them (a chunk's head, a section's key terms): a
    snapshot stamped with other code is read from chromadb again and re-tokenised."""
    settings = _copy(fresh_settings, shared_data_dir)
    first = _top(KnowledgeIndex(settings))
    snapshot = settings.data_dir / "index" / "snapshot.npz"
    stamp = snapshot.stat().st_mtime_ns
    monkeypatch.setattr(index_module, "_code_stamp", lambda: "another version of index.py")
    assert _top(KnowledgeIndex(settings)) == first
    assert snapshot.stat().st_mtime_ns != stamp  # rewritten under the new stamp


def _data_files() -> list[Path]:
    return sorted(p for root in (RESOURCES_DIR, KNOWLEDGE_DIR, PROMPTS_DIR)
                  for p in root.rglob("*") if p.suffix in (".yaml", ".yml"))


def test_every_yaml_data_file_reads_the_same_with_the_fast_loader() -> None:
    files = _data_files()
    assert len(files) > 30 and any(p.name == "synonyms.yaml" for p in files)
    for path in files:
        text = path.read_text(encoding="utf-8")
        fast, plain = load_yaml(text), yaml.safe_load(text)
        assert fast == plain, path
        assert repr(fast) == repr(plain), path  # same types and key order too (True vs 1, dict order)


def test_the_fast_loader_is_libyaml_and_still_safe() -> None:
    assert getattr(yaml, "CSafeLoader", None) is None or index_module.load_yaml is load_yaml
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['echo 群主']")
    assert load_yaml("群规: [不发广告, 不刷屏]\n禁言分钟: 10\n") == {"群规": ["不发广告", "不刷屏"], "禁言分钟": 10}


RETRIEVAL = ("copilot.knowledge.ask", "copilot.knowledge.index", "copilot.knowledge.ranking", "bm25s", "scipy")


def test_the_command_table_names_what_each_capability_registers() -> None:
    import importlib

    import typer

    from copilot.cli import CAPABILITIES, CAPABILITY_COMMANDS

    assert tuple(CAPABILITY_COMMANDS) == CAPABILITIES
    for module, commands in CAPABILITY_COMMANDS.items():
        probe = typer.Typer()
        importlib.import_module(module).register(probe)
        group = typer.main.get_group(probe)
        assert tuple(group.commands) == commands, module


@pytest.mark.parametrize("argv", [["--help"], ["moderate", "--help"], ["moderation-stats", "--help"], ["config"]])
def test_help_and_moderation_commands_do_not_load_the_retrieval_stack(argv: list[str]) -> None:
    out = _probe(argv)
    assert "ERROR=" not in out.stdout, out.stdout[-2000:] + out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "LOADED=", out.stdout[-2000:]


def _probe(argv: list[str], data_dir: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``app(argv)`` in a fresh interpreter; its last stdout line lists which of :data:`RETRIEVAL` it loaded."""
    probe = ("import sys\nfrom copilot.cli import app\ntry:\n"
             f"    app({argv!r}, standalone_mode=False)\n"
             "except SystemExit:\n    pass\n"
             "except Exception as exc:\n    print('ERROR=' + type(exc).__name__ + ':' + str(exc))\n"
             f"print('LOADED=' + ','.join(m for m in {RETRIEVAL!r} if m in sys.modules))\n")
    env = {**os.environ, **({"COPILOT_DATA_DIR": str(data_dir)} if data_dir else {})}
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, env=env)


def test_moderate_judges_without_the_retrieval_stack(tmp_path: Path) -> None:
    messages = tmp_path / "msgs.jsonl"
    messages.write_text('{"id": "1", "user": "u1", "text": "加我微信领取免费资料，名额有限，私聊我"}\n', encoding="utf-8")
    out = _probe(["moderate", "--no-audit", "-i", str(messages)], tmp_path / "data")
    assert '"label": "ad"' in out.stdout, out.stdout[-2000:] + out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "LOADED="


def test_jieba_read_whole_gives_the_same_dictionary_as_jieba_itself() -> None:
    """``ensure_jieba`` reads jieba's cache with one ``marshal.loads`` (a third of the CPU of jieba's own
    ``marshal.load`` on the file): the same words, frequencies and total as jieba's own start plus our user words."""
    digest = ("import hashlib, jieba, marshal, sys\n"
              "sys.path.insert(0, '.')\n"
              "{setup}\n"
              "h = hashlib.sha1(repr(sorted(jieba.dt.FREQ.items())).encode()).hexdigest()\n"
              "print(h, jieba.dt.total, jieba.marshal is marshal, jieba.lcut('新群第一周怎么暖群，群规模板发哪里'))\n")
    plain = "jieba.initialize()\nfrom copilot.textnorm import RESOURCES_DIR\njieba.load_userdict(str(RESOURCES_DIR / 'userdict_zh.txt'))"
    ours = "from copilot.textnorm import ensure_jieba\nensure_jieba()"
    outs = [subprocess.run([sys.executable, "-c", digest.format(setup=setup)], capture_output=True, text=True,
                           timeout=120, cwd=Path(__file__).resolve().parent.parent) for setup in (plain, ours)]
    assert all(o.returncode == 0 for o in outs), [o.stderr[-1500:] for o in outs]
    assert outs[0].stdout == outs[1].stdout and "True" in outs[1].stdout
