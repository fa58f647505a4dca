"""The index snapshot: a cold ``ask`` reads the stored chunks and their tokens from one file instead of
opening chromadb and re-tokenising every chunk; a snapshot of another build or a broken one is ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.knowledge.index import KnowledgeIndex

QUESTION = "新来的群友进群以后一句话都不说，头几天该怎么带"


def _copy(fresh_settings: Settings, shared_data_dir: Path) -> Settings:
    shutil.copytree(shared_data_dir / "index", fresh_settings.data_dir / "index")
    (fresh_settings.data_dir / "index" / "snapshot.npz").unlink(missing_ok=True)
    return fresh_settings


def _no_chromadb(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: KnowledgeIndex) -> None:
        raise AssertionError("chromadb was opened")
    monkeypatch.setattr(KnowledgeIndex, "collection", property(refuse))


def _top(index: KnowledgeIndex) -> list[tuple[str, str]]:
    return [(s.source, s.section) for s in index.search_sections(QUESTION, k=5).sections]


def test_a_second_open_reads_the_snapshot_not_chromadb(monkeypatch: pytest.MonkeyPatch, fresh_settings: Settings,
                                                       shared_data_dir: Path) -> None:
    settings = _copy(fresh_settings, shared_data_dir)
    first = _top(KnowledgeIndex(settings))
    assert (settings.data_dir / "index" / "snapshot.npz").exists()
    _no_chromadb(monkeypatch)
    assert _top(KnowledgeIndex(settings)) == first


def test_a_snapshot_of_another_build_or_a_broken_one_is_ignored(monkeypatch: pytest.MonkeyPatch,
                                                                 fresh_settings: Settings, shared_data_dir: Path) -> None:
    settings = _copy(fresh_settings, shared_data_dir)
    first = _top(KnowledgeIndex(settings))
    # the registry of imported documents changed (another process ran `index --add`): not this build's
    registry = settings.data_dir / "index" / "sources.json"
    registry.write_text(json.dumps({"周报.md": {"source": "周报", "sha": "0"}}, ensure_ascii=False), encoding="utf-8")
    with monkeypatch.context() as m:
        _no_chromadb(m)
        with pytest.raises(AssertionError, match="chromadb was opened"):
            KnowledgeIndex(settings).search_sections(QUESTION)
    assert _top(KnowledgeIndex(settings)) == first  # read from chromadb, snapshot rewritten for this build
    _no_chromadb(monkeypatch)
    assert _top(KnowledgeIndex(settings)) == first
    monkeypatch.undo()
    (settings.data_dir / "index" / "snapshot.npz").write_bytes(b"\x00\x01 not an npz")
    assert _top(KnowledgeIndex(settings)) == first
