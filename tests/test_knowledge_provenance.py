"""Provenance of the knowledge base: 资料 (what a source says, cited) kept apart from 经验建议 (ours),
rules that say what they rest on, and answers that say which is which.

These tests read the cards' own metadata (front matter and citation markers); they never need the
seed files themselves.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import frontmatter
import pytest
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.cards import Card, CardError, load_card, load_cards, provenance_problems
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.rules import RulesError, load_rules
from copilot.llm import get_engine
from copilot.paths import KNOWLEDGE_DIR

SEED_NAME = re.compile(r"`(\d{3}_[0-9a-f]+\.txt)`")


def _card(body: str, sources: str = "") -> Card:
    sources = sources or (
        "  - ref: A\n    seed: 000_492c4c6ac21ae08f.txt\n    section: \"J. 如何运营好一个社群 › 二、社群的门槛\"\n"
    )
    post = frontmatter.loads(f"---\nid: test-card\ntitle: 测试卡片\nsources:\n{sources}---\n\n{body}\n")
    return Card(**post.metadata, body=post.content.strip())


# -- the cards as shipped ---------------------------------------------------------------------
def test_every_source_statement_cites_a_seed_section_recorded_in_the_front_matter() -> None:
    cards = load_cards(KNOWLEDGE_DIR)
    assert len(cards) >= 25
    problems = [p for c in cards for p in provenance_problems(c)]
    assert problems == []
    documented = set(SEED_NAME.findall((KNOWLEDGE_DIR / "README.md").read_text(encoding="utf-8")))
    assert len(documented) == 5
    for card in cards:
        assert {s.seed for s in card.sources} <= documented, card.id
        assert all(s.section.strip() for s in card.sources), card.id
        kinds = {p.basis for p in card.parts()}
        assert "source" in kinds, card.id


def test_our_own_figures_are_not_written_as_source_statements() -> None:
    """The figures the methodology never gives (checked by hand against the sources) appear only in
    经验建议 text, never in a 资料 part."""
    ours = {
        "group-name": ["16 个字"], "activity-resonance": ["21 天", "20:30"], "daily-topics": ["12:30", "四成"],
        "metrics-review": ["70%"], "promotion": ["一到两次"], "intro-welcome": ["120 字", "5–10 人"],
        "layering-kol": ["30 天", "20 次"], "lifecycle": ["90 天"], "threshold": ["不超过 5 题"],
        "group-rules": ["24 小时", "十条以内"], "share-sessions": ["40–60 分钟"],
    }
    cards = {c.id: c for c in load_cards(KNOWLEDGE_DIR)}
    for cid, figures in ours.items():
        parts = cards[cid].parts()
        for figure in figures:
            assert any(figure in p.text for p in parts if p.basis == "experience"), (cid, figure)
            assert not any(figure in p.text for p in parts if p.basis == "source"), (cid, figure)


# -- the provenance checker on cards written for the test ------------------------------------------
def test_provenance_check_names_uncited_statements_and_unknown_sources() -> None:
    card = _card(
        "## 门槛的作用\n\n门槛能筛掉不同频的人〔A〕。\n\n入群前先读群规文章能少很多争吵。\n\n"
        "- 付费门槛让人更珍惜〔A〕；\n- 免费门槛也可以是一份问卷；\n\n这一点另一份资料也提过〔Z〕。\n\n"
        "### 经验建议\n\n问卷不超过 5 题〔A〕。\n\n### 例子\n\n随便写写。"
    )
    problems = "\n".join(provenance_problems(card))
    assert "资料陈述没有标注出处：“入群前先读群规文章" in problems
    assert "资料陈述没有标注出处：“- 免费门槛也可以是一份问卷" in problems
    assert "〔Z〕在 sources 里没有对应的 ref" in problems
    assert "经验建议里不应出现资料引用标记" in problems
    assert "不认识的三级标题“例子”" in problems
    assert "付费门槛" not in problems and "筛掉不同频" not in problems


def test_a_listed_source_that_the_text_never_cites_is_reported() -> None:
    sources = (
        "  - ref: A\n    seed: 000_492c4c6ac21ae08f.txt\n    section: \"J. 如何运营好一个社群 › 二、社群的门槛\"\n"
        "  - ref: B\n    seed: 003_40d295c1115b2fc1.txt\n    section: \"一 仪式感\"\n"
    )
    card = _card("## 门槛\n\n门槛能筛人〔A〕。\n\n### 经验建议\n\n一到两周。", sources)
    assert provenance_problems(card) == [
        "test-card：sources 里的 B（003_40d295c1115b2fc1.txt § 一 仪式感）在正文里没有被引用"
    ]


def test_a_card_of_only_our_advice_is_reported() -> None:
    card = _card("## 门槛\n\n### 经验建议\n\n问卷不超过 5 题。")
    assert "test-card：没有任何资料内容" in provenance_problems(card)


def test_parts_and_chunks_keep_the_flag_and_the_citations() -> None:
    card = _card("## 门槛的作用\n\n门槛能筛掉不同频的人，也让人更珍惜这个群〔A〕。\n\n### 经验建议\n\n申请步骤不超过 3 步，问卷不超过 5 题。")
    parts = card.parts()
    assert [(p.section, p.basis, p.refs) for p in parts] == [("门槛的作用", "source", ("A",)), ("门槛的作用", "experience", ())]
    assert "〔" not in parts[0].text and parts[0].text.endswith("珍惜这个群。")
    chunks = card.chunks()
    assert [c.meta["basis"] for c in chunks] == ["source", "experience"]
    assert "000_492c4c6ac21ae08f.txt § J. 如何运营好一个社群 › 二、社群的门槛" in str(chunks[0].meta["cites"])
    assert chunks[1].meta["cites"] == "[]"
    assert chunks[0].id != chunks[1].id


def test_bad_front_matter_is_a_chinese_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\nid: bad\ntitle: 坏卡片\nsources:\n  - ref: A\n    seed: 000_492c4c6ac21ae08f.txt\n"
                    "    section: 一、策划项目\n  - ref: A\n    seed: 001_f782e79a0f455a17.txt\n    section: 二、搭建\n---\n"
                    "## 小节\n\n正文写得足够长一些，超过二十个字，免得因为太短报错〔A〕。\n", encoding="utf-8")
    with pytest.raises(CardError, match="ref 重复"):
        load_card(path)


# -- rules say what they rest on ----------------------------------------------------------------
def test_every_rule_has_a_basis_and_our_numeric_thresholds_say_so() -> None:
    book = load_rules(KNOWLEDGE_DIR)
    cards = {c.id: c for c in load_cards(KNOWLEDGE_DIR)}
    assert {r.basis for r in book.rules} == {"source", "guardrail"}
    for rule in book.rules:
        if rule.basis == "guardrail":
            assert rule.source is None and rule.reason.strip(), rule.id
            continue
        assert rule.source is not None
        assert "source" in cards[rule.source.card].sections()[rule.source.section], rule.id
        numbers = {k: v for k, v in rule.check.params.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        if numbers:  # no seed gives a number any check uses: the rule must say which figures are ours
            assert rule.ours.strip(), (rule.id, numbers)
    untraceable = ["name.max_16_chars", "name.no_hype", "name.distinct_candidates", "intro.no_hype", "copy.no_hype_urgency",
                   "welcome.no_flooding", "copy.no_flooding", "notes.grounded", "notes.cites_sources"]
    assert all(book.get(r).basis == "guardrail" for r in untraceable)


def _knowledge_copy(tmp_path: Path, rules_yaml: str) -> Path:
    kdir = tmp_path / "knowledge"
    (kdir / "cards").mkdir(parents=True)
    shutil.copy(KNOWLEDGE_DIR / "cards" / "group-name.md", kdir / "cards" / "group-name.md")
    (kdir / "rules.yaml").write_text("version: 2\nrules:\n" + rules_yaml, encoding="utf-8")
    return kdir


RULE = """  - id: name.says_what
    statement: 群名要让人一眼看出社群是做什么的
    applies_to: [name]
    check: {{kind: mentions_profile_topic}}
    {extra}
"""


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ("basis: source\n    source: {card: group-topic, section: 群名要完成的任务}", "引用的卡片 group-topic 不存在"),
        ("basis: source\n    source: {card: group-name, section: 群名的字数}", "引用的小节“群名的字数”在卡片 group-name 里不存在"),
        ("basis: source\n    source: {card: group-name, section: 长度与位置}", "只有经验建议、没有资料内容"),
        ("basis: source", "没有写 source"),
        ("basis: guardrail\n    source: {card: group-name, section: 群名要完成的任务}", "不能引用资料 source"),
        ("basis: guardrail", "需要用 reason 写一句理由"),
        ("source: {card: group-name, section: 群名要完成的任务}", "basis"),
    ],
)
def test_loading_rejects_rules_whose_basis_does_not_hold(tmp_path: Path, extra: str, message: str) -> None:
    kdir = _knowledge_copy(tmp_path, RULE.format(extra=extra))
    with pytest.raises(RulesError, match=re.escape(message)):
        load_rules(kdir)


def test_loading_accepts_a_cited_section_with_source_text(tmp_path: Path) -> None:
    extra = "basis: source\n    source: {card: group-name, section: 群名要完成的任务}"
    book = load_rules(_knowledge_copy(tmp_path, RULE.format(extra=extra)))
    assert book.get("name.says_what").card_id == "group-name"


# -- answers say which is which -------------------------------------------------------------------
def test_search_hits_say_whether_they_are_source_or_our_advice(kb_index: KnowledgeIndex) -> None:
    hits = kb_index.search("群规要写哪些内容，违规了怎么处理", k=8, max_per_source=None)
    assert {h.basis for h in hits} <= {"source", "experience"} and len({h.basis for h in hits}) == 2
    for h in hits:
        if h.basis == "source":
            assert h.cites and all(re.match(r"\d{3}_[0-9a-f]+\.txt § ", c) for c in h.cites), h
        else:
            assert h.cites == []


def test_the_group_name_length_limit_is_answered_as_our_advice(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("群名最长多少字？", kb_index, get_engine(settings))
    lines = answer.answer.splitlines()
    limit = next(i for i, ln in enumerate(lines) if "16" in ln)
    heading = next(i for i, ln in enumerate(lines) if "经验建议" in ln)
    assert heading < limit  # the 16-character figure sits under the 经验建议 heading
    assert "资料没有规定群名的字数" in answer.answer
    cited = int(re.search(r"\[(\d+)\]\s*$", lines[limit]).group(1))
    assert answer.citations[cited - 1].basis == "experience"
    assert "不是方法论资料的原话" in answer.citations[cited - 1].where()


def test_ask_command_labels_each_source(monkeypatch: pytest.MonkeyPatch, shared_data_dir: Path) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    result = CliRunner().invoke(app, ["ask", "群規要寫哪些內容？"])
    assert result.exit_code == 0, result.output
    assert re.search(r"\[\d\] 資料：", result.output) and "出處：" in result.output and ".txt § " in result.output
    assert "經驗建議" in result.output
