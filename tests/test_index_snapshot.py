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


def test_a_snapshot_tokenised_with_another_user_dictionary_is_ignored(monkeypatch: pytest.MonkeyPatch,
                                                                      fresh_settings: Settings,
                                                                      shared_data_dir: Path) -> None:
    """An upgrade that adds a domain word to the tokeniser's dictionary re-tokenises the stored chunks: the old
    snapshot's tokens (cut with the old dictionary) are not used beside queries cut with the new one."""
    import copilot.knowledge.index as index_module

    settings = _copy(fresh_settings, shared_data_dir)
    first = _top(KnowledgeIndex(settings))
    with monkeypatch.context() as m:
        m.setattr(index_module, "tokenizer_stamp", lambda: "another user dictionary")
        _no_chromadb(m)
        with pytest.raises(AssertionError, match="chromadb was opened"):
            KnowledgeIndex(settings).search_sections(QUESTION)
    _no_chromadb(monkeypatch)
    assert _top(KnowledgeIndex(settings)) == first  # the stamp is back: the snapshot of this build is read again


def test_the_tokenizer_stamp_follows_the_user_dictionary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import copilot.textnorm as textnorm

    for name in ("userdict_zh.txt", "stopwords_zh.txt"):
        shutil.copy(textnorm.RESOURCES_DIR / name, tmp_path / name)
    monkeypatch.setattr(textnorm, "RESOURCES_DIR", tmp_path)
    before = textnorm.tokenizer_stamp()
    assert textnorm.tokenizer_stamp() == before  # the same files, the same stamp
    with (tmp_path / "userdict_zh.txt").open("a", encoding="utf-8") as f:
        f.write("群接龙 1000 n\n")
    assert textnorm.tokenizer_stamp() != before


def test_needs_build_and_the_loader_open_the_snapshot_once(monkeypatch: pytest.MonkeyPatch, fresh_settings: Settings,
                                                           shared_data_dir: Path) -> None:
    """A cold ``ask`` on a built index: ``needs_build`` answers "empty?" from the snapshot and the loader uses what it
    read (round 55: the file was opened twice, once for its meta, once for everything)."""
    import copilot.knowledge.index as index_module

    settings = _copy(fresh_settings, shared_data_dir)
    first = _top(KnowledgeIndex(settings))  # writes the snapshot of this build
    opened: list[str] = []
    real = index_module.np.load

    def counting(path, *args, **kwargs):
        opened.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(index_module.np, "load", counting)
    _no_chromadb(monkeypatch)
    index = KnowledgeIndex(settings)
    assert not index.needs_build()
    assert _top(index) == first
    assert len(opened) == 1, opened
    assert not index.needs_build()  # asked again once loaded: the snapshot's meta, still no chromadb
