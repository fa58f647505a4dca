"""What a fresh operator (qa15r41) found wrong in ``ask`` answers, on questions written for this test: a group-name check
that passed a hyped name with stacked emoji, a translation request answered from the ads cards, the "没有正讲" hedge
on a lead the question's own ask picks firmly, and a long question whose quote glued a cut-off fragment to the ask."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.checks import check_rule
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.rules import load_rules
from copilot.llm import get_engine


def _name_rule(settings: Settings, rule_id: str):
    book = load_rules(settings.knowledge_dir)
    return book, next(r for r in book.for_target("name") if r.id == rule_id)


@pytest.mark.parametrize("name", ["地表最强读书打卡群", "全国最火宝妈拼团群", "最牛考研上岸交流群", "副业财富自由俱乐部",
                                  "宝妈日赚三百兼职群"])
def test_superlatives_and_get_rich_lures_fail_the_hype_rule(name: str, settings: Settings) -> None:
    book, rule = _name_rule(settings, "name.no_hype")
    assert check_rule(rule, book, "name", [name], None).passed is False


@pytest.mark.parametrize("name", ["杭州周末徒步群", "宝妈辅食交流群", "职场PPT互助营", "最美夕阳红合唱团"])
def test_plain_names_pass_the_hype_rule(name: str, settings: Settings) -> None:
    book, rule = _name_rule(settings, "name.no_hype")
    assert check_rule(rule, book, "name", [name], None).passed is True


def test_stacked_emoji_fail_and_one_emoji_passes(settings: Settings) -> None:
    book, rule = _name_rule(settings, "name.few_emoji")
    assert check_rule(rule, book, "name", ["✨✨考研上岸交流群✨✨"], None).passed is False
    assert check_rule(rule, book, "name", ["🏃杭州夜跑团"], None).passed is True
    assert check_rule(rule, book, "name", ["杭州夜跑团·2群"], None).passed is True


def test_the_answer_judges_a_hyped_emoji_name_as_failing(kb_index: KnowledgeIndex, settings: Settings) -> None:
    from copilot.knowledge.ask import answer_question

    answer = answer_question("群名打算叫「⭐⭐宇宙最强考研冲刺群⭐⭐」，可以吗", kb_index, get_engine(settings))
    assert "按群名规则查了你给的「⭐⭐宇宙最强考研冲刺群⭐⭐」：" in answer.answer
    assert "- 群名不用夸大、催促或违规词：不符合（出现了禁用词：" in answer.answer
    assert "- 群名里表情符号最多一个：不符合" in answer.answer
    assert "符合（未出现" not in answer.answer


@pytest.mark.parametrize("question", [
    "帮忙把这条入群须知翻译成英文：进群请改备注为城市加昵称，禁止刷屏",
    "麻烦把我们的群规翻成日文，群里有几个日本朋友",
])
def test_a_translation_request_is_declined(question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    from copilot.knowledge.ask import answer_question

    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered and not answer.direct and answer.sections == []


def test_a_bilingual_notice_question_is_still_answered(kb_index: KnowledgeIndex, settings: Settings) -> None:
    from copilot.knowledge.ask import answer_question

    # asking whether to write the notice in two languages is running the group, not a translation job
    answer = answer_question("群里有不少外国留学生，群公告要不要中英文都写一遍", kb_index, get_engine(settings))
    assert answer.covered


def test_a_lead_the_ask_names_firmly_is_not_hedged_for_the_groups_background(kb_index: KnowledgeIndex,
                                                                             settings: Settings) -> None:
    from copilot.knowledge.ask import answer_question

    answer = answer_question("群规咋写呢，我们这个是二胎宝妈闲置互换群，天天有人发代购广告", kb_index, get_engine(settings))
    assert answer.sections[0].section == "群规的基本结构"
    assert answer.fit >= 0.9 and answer.direct
    assert "资料里没有正讲这一点的小节" not in answer.answer


def test_a_cut_off_fragment_before_the_askers_marker_is_dropped_from_the_main_question() -> None:
    from copilot.knowledge.ask import main_question

    story = ("我们是一个小区的宠物互助群，前年秋天建的，开始只有十来个邻居，后来靠遛狗约伴慢慢涨到了三百多人。"
             "最近常有人发宠物用品广告，还有人为了该不该拴绳吵起来，几个老邻居私聊我说不想待了。")
    cut = story.index("后来靠") + 4  # the paste breaks off after 后来靠遛, a quarter of that clause
    question = story * 3 + story[:cut] + "所以我想问：广告和吵架一起来，我该先处理哪个？"
    read = main_question(question)
    assert read.endswith("三百多人。最近常有人发宠物用品广告，还有人为了该不该拴绳吵起来，几个老邻居私聊我说不想待了。"
                         "所以我想问：广告和吵架一起来，我该先处理哪个？")
    assert "后来靠遛所以" not in read


def test_a_failed_name_check_brings_the_section_its_rule_cites(kb_index: KnowledgeIndex, settings: Settings) -> None:
    from copilot.knowledge.ask import answer_question

    answer = answer_question("新群名叫「⚡⚡全国最火宝妈兼职赚钱群⚡⚡」这样行不行", kb_index, get_engine(settings))
    # the verdict's own advice, and no section of another card (开群节奏与冷启动) beside it
    assert [s.section for s in answer.sections] == ["避坑清单"]
    assert "不符合" in answer.answer
    # a name that passes keeps the answer as ranked
    plain = answer_question("群名叫「杭州周末徒步群」好不好", kb_index, get_engine(settings))
    assert plain.covered and "按群名规则查了你给的「杭州周末徒步群」：" in plain.answer
