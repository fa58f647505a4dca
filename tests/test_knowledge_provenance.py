"""Provenance of the knowledge base: 资料 (what a source says, cited) kept apart from 经验建议 (ours),
rules that say what they rest on, and answers that say which is which.

These tests read the cards' own metadata (front matter and citation markers); they never need the
seed files themselves.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import frontmatter
import pytest
import yaml
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.cards import (
    Card,
    CardError,
    cards_by_id,
    load_card,
    load_cards,
    provenance_problems,
    seed_titles,
    strip_markers,
)
from copilot.knowledge.index import Hit, KnowledgeIndex
from copilot.knowledge.rules import RulesError, basis_problems, load_rules
from copilot.llm import get_engine
from copilot.paths import KNOWLEDGE_DIR

SEED_NAME = re.compile(r"`(\d{3}_[0-9a-f]+\.txt)`")
REPO = KNOWLEDGE_DIR.parent


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
    assert set(seed_titles(KNOWLEDGE_DIR)) == documented
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


def test_section_aliases_must_point_at_a_current_heading() -> None:
    card = _card("## 门槛写什么\n\n门槛能筛掉不同频的人，也让人更珍惜这个群〔A〕。")
    assert card.resolve_section("门槛写什么") == "门槛写什么"
    renamed = card.model_copy(update={"section_aliases": {"门槛的三个作用": "门槛写什么"}})
    assert provenance_problems(renamed) == [] and renamed.resolve_section("门槛的三个作用") == "门槛写什么"
    assert renamed.resolve_section("群规") is None
    broken = card.model_copy(update={"section_aliases": {"门槛写什么": "门槛", "旧标题": "不存在的小节"}})
    problems = "\n".join(provenance_problems(broken))
    assert "“旧标题”指向不存在的小节“不存在的小节”" in problems and "旧标题“门槛写什么”仍是现有小节" in problems


def test_a_card_of_only_our_advice_is_reported() -> None:
    card = _card("## 门槛\n\n### 经验建议\n\n问卷不超过 5 题。")
    assert "test-card：没有任何资料内容" in provenance_problems(card)


def test_parts_and_chunks_keep_the_flag_and_the_citations() -> None:
    card = _card("## 门槛的作用\n\n门槛能筛掉不同频的人，也让人更珍惜这个群〔A〕。\n\n### 经验建议\n\n申请步骤不超过 3 步，问卷不超过 5 题。")
    parts = card.parts()
    assert [(p.section, p.basis, p.refs) for p in parts] == [("门槛的作用", "source", ("A",)), ("门槛的作用", "experience", ())]
    assert "〔" not in parts[0].text and parts[0].text.endswith("珍惜这个群。")
    chunks = card.chunks(titles={"000_492c4c6ac21ae08f.txt": "社群运营问答合集"})
    assert [c.meta["basis"] for c in chunks] == ["source", "experience"]
    assert json.loads(str(chunks[0].meta["cites"])) == ["《社群运营问答合集》「J. 如何运营好一个社群 › 二、社群的门槛」"]
    assert chunks[1].meta["cites"] == "[]"
    assert chunks[0].id != chunks[1].id
    # without the titles (no seeds.yaml) the file name stands in
    assert json.loads(str(card.chunks()[0].meta["cites"])) == ["000_492c4c6ac21ae08f.txt「J. 如何运营好一个社群 › 二、社群的门槛」"]


THREE_SOURCES = (
    "  - ref: A\n    seed: 000_492c4c6ac21ae08f.txt\n    section: \"J. 如何运营好一个社群 › 二、社群的门槛\"\n"
    "  - ref: B\n    seed: 003_40d295c1115b2fc1.txt\n    section: \"一 仪式感:「登堂入室」的进入模式\"\n"
    "    about: 预备群\n"
    "  - ref: C\n    seed: 001_f782e79a0f455a17.txt\n    section: \"三、制定用户招募与引流策略 › 优化入群流程与门槛\"\n"
)
TITLES = {"000_492c4c6ac21ae08f.txt": "问答合集", "003_40d295c1115b2fc1.txt": "知乎问答", "001_f782e79a0f455a17.txt": "方案计划"}


def _cites(chunk) -> list[str]:  # type: ignore[no-untyped-def]
    return json.loads(str(chunk.meta["cites"]))


def test_each_chunk_cites_only_the_markers_inside_it_and_each_sentence_its_own() -> None:
    """A long 资料 part is cut into several chunks: each keeps the sources of its own sentences, and a
    sentence cut away from its marker (the marker closes a later sentence of the same paragraph) still
    carries that marker's source."""
    first = "门槛让进群变难，先筛出第一批准用户。花了钱进群的人会格外珍惜这个群。他们更守群规，也更愿意互动。付费门槛可以是年费，也可以是报名课程〔A〕。"
    second = "想加入的人先进预备群，在那里筛选一轮。符合标准的才被拉进主群。进来越不容易，离开时越舍不得〔B〕。"
    third = "入群流程要尽量简化，降低操作成本〔C〕；门槛按定位设得适当〔C〕。"
    card = _card(f"## 门槛怎么设\n\n{first}\n\n{second}\n\n{third}", THREE_SOURCES)
    chunks = [c for c in card.chunks(titles=TITLES, max_tokens=60, overlap_tokens=0) if c.meta["basis"] == "source"]
    assert len(chunks) >= 3
    by_text = {c.text: _cites(c) for c in chunks}
    a, b, c = "《问答合集》「J. 如何运营好一个社群 › 二、社群的门槛」", "《知乎问答》「一 仪式感:「登堂入室」的进入模式」 · 涉及：预备群", "《方案计划》「三、制定用户招募与引流策略 › 优化入群流程与门槛」"
    for text, cites in by_text.items():
        expected = [x for x, paragraph in ((a, first), (b, second), (c, third))
                    if any(sent in strip_markers(paragraph) for sent in re.split(r"(?<=[。；])", text) if sent)]
        assert cites == expected, (text, cites)
    assert any(len(cites) == 1 for cites in by_text.values())  # not every chunk carries every source
    opening = next(ch for ch in chunks if ch.text.startswith("门槛让进群变难"))
    assert "〔" not in opening.text and _cites(opening) == [a]  # the marker closes a later sentence
    spans = {sent: [_cites(ch)[i] for i in idx] for ch in chunks for sent, idx in json.loads(str(ch.meta["cite_spans"]))}
    assert spans["门槛让进群变难，先筛出第一批准用户。"] == [a]
    assert spans["符合标准的才被拉进主群。"] == [b]
    assert spans["入群流程要尽量简化，降低操作成本；"] == [c]


def test_a_marker_cites_the_text_before_it_on_its_own_line() -> None:
    card = _card("## 门槛\n\n资料把门槛分成两种：\n\n- 付费的，如年费〔A〕；\n- 先进预备群再进主群〔B〕。\n\n"
                 "流程要简单〔C〕，门槛要适当〔A〕〔C〕。", THREE_SOURCES)
    part = card.parts()[0]
    cited = {part.text[g.start:g.end]: g.refs for g in part.segments}
    assert cited == {"- 付费的，如年费；": ("A",), "- 先进预备群再进主群。": ("B",), "流程要简单，": ("C",),
                     "门槛要适当。": ("A", "C")}
    lead = part.text.index("资料把门槛")
    assert part.refs_between(lead, lead + 8) == ()  # a lead-in no marker closes cites nothing


def test_a_hit_cites_one_quoted_sentence_by_its_own_source() -> None:
    hit = Hit(text="改统一的名字、做自我介绍。活动前要提前预告。", source="intro-welcome", section="欢迎语要包含什么", score=1.0,
              chunk_id="x", basis="source", cites=["甲", "乙"],
              cite_spans=[("改统一的名字、做自我介绍。", ["甲"]), ("活动前要提前预告。", ["乙"])])
    assert hit.cites_for("改统一的名字、做自我介绍") == ["甲"]
    assert hit.cites_for("- 活动前要提前预告。") == ["乙"]
    assert hit.cites_for("一句不在这段里的话") == ["甲", "乙"]  # unknown sentence: the passage's own sources


def test_the_index_cites_a_welcome_sentence_to_the_one_seed_section_that_says_it(kb_index: KnowledgeIndex) -> None:
    hits = kb_index.search("欢迎语怎么写，要不要让新人改群名片", k=10, max_per_source=None)
    hit = next(h for h in hits if h.source == "intro-welcome" and h.section == "欢迎语要包含什么" and h.basis == "source")
    assert len(hit.cites) >= 3
    sentence = next(s for s, _ in hit.cite_spans if "改统一格式的名字" in s)
    assert hit.cites_for(sentence) == ["《知乎问答：社群运营目前最急迫的需求是什么》「一 仪式感:「登堂入室」的进入模式」"]


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


def test_rules_checking_the_same_thing_on_the_same_section_share_a_basis() -> None:
    """Same check (for moderation: the same action) on the same card section → same basis, unless a
    basis_note says why not. The escalation ladder is ours wherever it appears; first-offence actions
    rest on the sources' "handle violations promptly"."""
    book = load_rules(KNOWLEDGE_DIR)
    assert basis_problems(book) == []
    ladder = [r for r in book.rules if r.check.params.get("action") == "escalate_mute_then_remove"]
    assert len(ladder) >= 2 and {r.basis for r in ladder} == {"guardrail"}
    assert book.get("rules.escalating_penalty").basis == "guardrail"
    first = [book.get(r) for r in ("moderation.ad.first", "moderation.spam", "moderation.abuse")]
    assert {r.basis for r in first} == {"source"} and all(r.ours for r in first)
    assert "会员日" not in book.get("topics.promotion_capped").ours.split("（")[0]  # the seed lists it as a game, not a cap


POLICY = """  - id: moderation.{name}
    statement: 屡次违规逐级处理
    applies_to: [moderation]
    check: {{kind: policy, label: {label}, action: escalate_mute_then_remove}}
    {extra}
"""


def test_loading_rejects_the_same_action_resting_on_different_bases(tmp_path: Path) -> None:
    guard = "basis: guardrail\n    reason: 梯度是我们的做法"
    source = "basis: source\n    source: {card: group-name, section: 群名要完成的任务}"
    rules = POLICY.format(name="ad.repeat", label="ad", extra=guard) + POLICY.format(name="abuse.repeat", label="abuse", extra=source)
    with pytest.raises(RulesError, match="moderation.ad.repeat（guardrail）、moderation.abuse.repeat（source）"):
        load_rules(_knowledge_copy(tmp_path, rules))
    noted = rules.replace("reason: 梯度是我们的做法", "reason: 梯度是我们的做法\n    basis_note: 广告的梯度另有依据")
    assert len(load_rules(_knowledge_copy(tmp_path / "b", noted)).rules) == 2


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
        ("basis: guardrail\n    reason: 我们的规则\n    card: group-name\n    section: 群名的字数", "section“群名的字数”在卡片 group-name 里不存在"),
        ("basis: guardrail\n    reason: 我们的规则\n    section: 长度与位置", "写了 section 却没有写 card"),
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
        if h.basis == "source":  # cited by the seed's title and heading, never by a hash file name
            assert h.cites and all(re.match(r"《[^》]+》「.+」", c) and ".txt" not in c for c in h.cites), h
            assert set(h.cites_for(h.cite_spans[0][0])) <= set(h.cites)
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
    assert re.search(r"\[\d\] 資料：", result.output) and "出處：《" in result.output and ".txt" not in result.output
    assert "經驗建議" in result.output


def test_search_command_labels_each_passage_and_cites_the_seed(monkeypatch: pytest.MonkeyPatch, shared_data_dir: Path) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    runner = CliRunner()
    text = runner.invoke(app, ["search", "群规要写哪些内容，违规了怎么处理", "-k", "6"])
    assert text.exit_code == 0, text.output
    heads = re.findall(r"^\[\d\] (资料|经验建议)：", text.output, flags=re.M)
    assert len(heads) == 6 and {"资料", "经验建议"} <= set(heads)
    assert "出处：《" in text.output and "不是方法论资料的原话" in text.output and ".txt" not in text.output
    data = json.loads(runner.invoke(app, ["search", "群规要写哪些内容", "-k", "6", "--json"]).output)
    for row in data:
        assert row["label"] == {"source": "资料", "experience": "经验建议"}[row["basis"]]
        assert bool(row["cites"]) == (row["basis"] == "source") and row["where"]


def test_draft_checks_say_what_each_rule_rests_on(monkeypatch: pytest.MonkeyPatch, shared_data_dir: Path) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    profile = str(REPO / "examples" / "profiles" / "community-groupbuy.yaml")
    runner = CliRunner()
    data = json.loads(runner.invoke(app, ["draft", "rules", "-p", profile, "--json"]).output)
    book = load_rules(KNOWLEDGE_DIR)
    labels = {c["rule_id"]: c for c in data["checks"]}
    assert labels["rules.required_sections"]["basis_label"] == "资料"
    assert labels["rules.required_sections"]["grounds"] == "group-rules › 群规的基本结构"
    assert labels["rules.escalating_penalty"]["basis_label"] == "产品规则" and "梯度" in labels["rules.escalating_penalty"]["grounds"]
    assert labels["rules.humane_tone"]["basis_label"] == "资料+经验" and labels["rules.humane_tone"]["ours"] == book.get("rules.humane_tone").ours
    assert any(src["basis"] == "source" and src["cites"] for src in data["sources"])
    text = runner.invoke(app, ["draft", "rules", "-p", profile]).output
    check_lines = [ln for ln in text.splitlines() if re.match(r"\s+(✓ 通过|✗ 未通过|… 待评)", ln)]
    assert check_lines and all(re.search(r"（(资料|资料\+经验|产品规则)）：", ln) for ln in check_lines), check_lines


def test_retrieval_eval_section_labels_name_sections_that_exist() -> None:
    """Labels written before a heading was renamed still resolve (section_aliases); nothing points nowhere."""
    cards = cards_by_id(KNOWLEDGE_DIR)
    labels = []
    for line in (REPO / "evals" / "retrieval" / "tuning.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            labels += [tuple(pair) for pair in json.loads(line).get("sections", [])]
    pairs = [(c, s) for c, s in labels if c in cards]
    assert len(pairs) >= 40
    assert [(c, s) for c, s in pairs if cards[c].resolve_section(s) is None] == []
    assert cards["intro-welcome"].resolve_section("群介绍的五个部分") == "群介绍写什么"


def test_seed_titles_are_the_ones_the_readme_lists() -> None:
    titles = seed_titles(KNOWLEDGE_DIR)
    readme = (KNOWLEDGE_DIR / "README.md").read_text(encoding="utf-8")
    for seed, title in titles.items():
        row = next(ln for ln in readme.splitlines() if ln.startswith(f"| `{seed}`"))
        assert title in row, (seed, title)
    assert yaml.safe_load((KNOWLEDGE_DIR / "seeds.yaml").read_text(encoding="utf-8"))["seeds"]
