"""Hybrid retrieval over the knowledge cards, in both scripts, plus incremental indexing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.evals.retrieval import evaluate, load_cases
from copilot.evals.runner import GATES
from copilot.knowledge.cards import load_cards
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.rules import load_rules
from copilot.paths import EVALS_DIR, KNOWLEDGE_DIR


def test_cards_and_rules_are_valid_and_cross_referenced() -> None:
    cards = {c.id: c for c in load_cards(KNOWLEDGE_DIR)}
    assert len(cards) >= 15
    for required in ["positioning", "group-name", "intro-welcome", "threshold", "group-rules", "core-members",
                     "growth", "daily-topics", "share-sessions", "activity-resonance", "layering-kol",
                     "lifecycle", "promotion", "metrics-review", "crisis"]:
        assert required in cards, required
    for card in cards.values():
        assert card.sources and all(s.seed.endswith(".txt") for s in card.sources)
    book = load_rules(KNOWLEDGE_DIR)
    targets = {t for r in book.rules for t in r.applies_to}
    assert targets == {"name", "intro", "rules", "welcome", "topics", "copy", "moderation", "notes"}
    for rule in book.rules:
        assert not rule.card_id or rule.card_id in cards, rule.id


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("群里老有人发广告，怎么处理比较好", {"moderation-offtopic", "group-rules", "crisis"}),
        ("羣裏老有人發廣告，怎麼處理比較好", {"moderation-offtopic", "group-rules", "crisis"}),
        ("給新開的讀書會取個名字", {"group-name"}),
        ("每天在群里发什么内容能让大家愿意说话", {"daily-topics", "activity-resonance"}),
        ("买三送一到底便宜了多少", {"promotion"}),
        ("ＫＯＬ要怎么培养", {"layering-kol", "core-members"}),
    ],
)
def test_search_finds_the_right_card(kb_index: KnowledgeIndex, question: str, expected: set[str]) -> None:
    hits = kb_index.search(question, k=5)
    assert hits, question
    assert expected & {h.source for h in hits[:3]}, [(h.source, h.section) for h in hits]
    for h in hits:
        assert h.text and h.section and h.score > 0


def test_traditional_and_simplified_queries_agree(kb_index: KnowledgeIndex) -> None:
    a = [h.chunk_id for h in kb_index.search("分享结束后怎么整理成文字版", k=3)]
    b = [h.chunk_id for h in kb_index.search("分享結束後怎麼整理成文字版", k=3)]
    assert a == b


def test_search_rejects_empty_query(kb_index: KnowledgeIndex) -> None:
    with pytest.raises(ValueError):
        kb_index.search("   ")


def test_max_per_source_limits_repeats(kb_index: KnowledgeIndex) -> None:
    hits = kb_index.search("群名", k=6, max_per_source=1)
    sources = [h.source for h in hits]
    assert len(sources) == len(set(sources))


def test_retrieval_eval_meets_target(kb_index: KnowledgeIndex) -> None:
    cases = load_cases(EVALS_DIR / "retrieval.jsonl")
    assert len(cases) >= 40
    assert {c.script for c in cases} == {"zh-Hans", "zh-Hant"}
    report = evaluate(kb_index, cases, k=5)
    target = dict((m, v) for m, _, v in GATES["retrieval"])["recall_at_5"]
    assert report.recall_at_k >= target, [m.question for m in report.misses()]
    assert report.mrr >= 0.7


def _copy_of_cards(tmp_path: Path) -> Path:
    """A private knowledge directory holding a copy of the cards, for tests that edit them."""
    kdir = tmp_path / "knowledge"
    (kdir / "cards").mkdir(parents=True)
    for src in (KNOWLEDGE_DIR / "cards").glob("*.md"):
        (kdir / "cards" / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return kdir


def test_rebuild_is_incremental_and_follows_card_edits(fresh_settings: Settings, tmp_path: Path) -> None:
    settings = fresh_settings
    kdir = _copy_of_cards(tmp_path)
    s = settings.model_copy(update={"knowledge_dir": kdir})
    index = KnowledgeIndex(s)
    steps: list[tuple[str, int, int]] = []
    first = index.build(progress=lambda stage, done, total: steps.append((stage, done, total)))
    assert first.added > 50 and first.embedded == 0  # all vectors came from the shared cache
    assert first.sentences_embedded == 0
    # progress is reported per stage with counts, ending at done == total
    n_cards = len(list(kdir.glob("cards/*.md")))
    assert ("cards", 0, n_cards) in steps and ("cards", n_cards, n_cards) in steps
    assert steps[-1][0] == "sentences" and steps[-1][1] == steps[-1][2] > 500
    second = index.build()
    assert second.added == 0 and second.removed == 0 and second.unchanged == first.added
    card = kdir / "cards" / "group-name.md"
    card.write_text(card.read_text(encoding="utf-8") + "\n\n## 补充\n群名里可以加上城市，比如“杭州跑团晨跑群”，方便同城成员搜索。\n",
                    encoding="utf-8")
    (kdir / "cards" / "crisis.md").unlink()
    third = index.build()
    assert third.added == 1 and third.embedded == 1 and third.sentences_embedded == 1
    assert third.removed > 0
    assert "crisis" not in {h.source for h in index.search("出现负面舆情怎么办", k=10, max_per_source=None)}
    assert any("杭州跑团" in h.text for h in index.search("群名加城市名", k=5))


def test_an_index_built_from_older_cards_is_synced_before_it_answers(fresh_settings: Settings, tmp_path: Path) -> None:
    """After an upgrade or a card edit, ``ask`` and ``eval`` must not answer from the old chunks."""
    from copilot.knowledge.index import get_index

    kdir = _copy_of_cards(tmp_path)
    s = fresh_settings.model_copy(update={"knowledge_dir": kdir})
    index = get_index(s)
    assert index.count() > 50 and index.is_current()
    card = kdir / "cards" / "group-name.md"
    card.write_text(card.read_text(encoding="utf-8") + "\n\n## 补充\n群名里可以写上城市，比如“宁波骑行周末群”，同城的人一搜就到。\n",
                    encoding="utf-8")
    assert not index.is_current()
    assert any("宁波骑行" in h.text for h in get_index(s).search("群名加城市", k=5))
    assert index.is_current()


def test_add_documents_skips_bad_files_and_keeps_the_rest(fresh_settings: Settings, tmp_path: Path) -> None:
    settings = fresh_settings
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.md").write_text("# 宠物群运营笔记\n\n## 晒宠日\n每周六晚上八点是晒宠日，大家发自家猫狗的照片，管理员评出本周最萌。\n",
                                  encoding="utf-8")
    (docs / "gbk.txt").write_bytes("一、团购接龙\n团购群每天上午十点开团，用接龙统计数量，晚上八点截单。".encode("gbk"))
    (docs / "empty.txt").write_text("", encoding="utf-8")
    (docs / "junk.pdf").write_bytes(b"%PDF-garbage")
    index = KnowledgeIndex(settings)
    index.build()
    report = index.add_paths([docs])
    assert report.added >= 2
    assert len(report.skipped) == 2
    assert any("empty.txt" in s for s in report.skipped) and any("junk.pdf" in s for s in report.skipped)
    hits = index.search("晒宠日是什么时候", k=3)
    assert hits[0].source == "good.md" and hits[0].kind == "document"
    assert any(h.source == "gbk.txt" for h in index.search("團購接龍幾點截單", k=3))
    # a rebuild keeps the added documents
    index.build()
    assert any(h.source == "good.md" for h in index.search("晒宠日", k=3))


def test_search_and_ask_commands_work_offline(monkeypatch: pytest.MonkeyPatch, shared_data_dir: Path) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    runner = CliRunner()
    result = runner.invoke(app, ["search", "群規怎麼寫", "-k", "3", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert len(hits) == 3
    assert set(hits[0]) >= {"text", "source", "section", "score"}
    assert "group-rules" in {h["source"] for h in hits}

    result = runner.invoke(app, ["ask", "新人进群第一天应该做什么", "--json"])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["engine"] == "offline"
    assert answer["citations"] and "[1]" in answer["answer"] or "[2]" in answer["answer"]
    cited = {int(n) for n in __import__("re").findall(r"\[(\d+)\]", answer["answer"])}
    assert cited and cited <= {c["n"] for c in answer["citations"]}

    result = runner.invoke(app, ["search", "  "])
    assert result.exit_code == 2 and "不能为空" in result.output


def test_openai_compatible_embedding_backend(settings: Settings, fake_llm) -> None:  # type: ignore[no-untyped-def]
    """The embeddings endpoint option: vectors come from /v1/embeddings and are cached by content hash."""
    from copilot.knowledge.embeddings import make_embedder

    s = settings.model_copy(update={"embedding_backend": "openai", "embedding_base_url": fake_llm.url,
                                    "embedding_model": "fake-emb"})
    embedder = make_embedder(s)
    vecs = embedder.embed_passages(["群名要短", "群规要具体"])
    assert vecs.shape == (2, 16)
    assert abs(float((vecs[0] ** 2).sum()) - 1) < 1e-5
    calls = len(fake_llm.requests)
    again = embedder.embed_passages(["群名要短", "群规要具体"])
    assert len(fake_llm.requests) == calls  # served from the cache
    assert (again == vecs).all()
    assert embedder.embed_query("群名").shape == (16,)
