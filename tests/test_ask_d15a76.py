"""Round 76 (d15a76, issue 15): an acceptable section ranked 4–8 while a section of another card led, because the
operator told the situation in words the cards do not use. Four synonym groups of ``knowledge/synonyms.yaml`` read
those words as the card terms: 冒充 (群主、管理员、老师) → 诈骗; 一个人管 / 忙不过来 / 顾不过来 → 群不能只靠群主一个人;
看到成绩 / 拿什么说话 / 投资报酬率 → 可验收目标、四类指标; 再开群 / 人满了 → 群满了怎么扩 (and 开群 then adds no
cold-start terms); 未成年人混进群 → 门槛. Hard negatives: the same words where they mean something else (就我一个人在说话
is a silent group, 经费是我一个人管 asks about the accounts, 小号冒充成员暖场 is a shill, 老板问做社群图什么 is why to run
a group, a new group's launch is still 开群). Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.expansion import load_expander
from copilot.knowledge.index import KnowledgeIndex
from copilot.llm import get_engine


def _terms(question: str, settings: Settings) -> set[str]:
    return set(load_expander(settings.knowledge_dir).expand(question).terms)


@pytest.mark.parametrize("question", [
    "我一个人管着三个读书群，天天回消息回到半夜",
    "烘焙群越来越大，群主实在忙不过来了",
    "我一個人管四個登山群，實在顧不過來",
    "群里的杂事全压在我身上，管不过来，有点分身乏术",
])
def test_one_person_running_everything_reads_as_needing_helpers(question: str, settings: Settings) -> None:
    assert "群不能只靠群主一个人" in _terms(question, settings)


@pytest.mark.parametrize("question", [
    "新建的群每天就我一个人在说话，自说自话好尴尬",
    "话剧社的活动经费一直是我一个人管，有人质疑账目",
    "我一个人在群里聊了半天没人理",
])
def test_a_silent_group_or_the_accounts_are_not_about_helpers(question: str, settings: Settings) -> None:
    assert "群不能只靠群主一个人" not in _terms(question, settings)


@pytest.mark.parametrize("question", [
    "有人冒充管理员在群里发收款码，已经有人扫了",
    "書法群有人假冒老師私訊學員收費",
    "有人顶着我的头像私聊群友借钱",
])
def test_impersonation_reads_as_fraud(question: str, settings: Settings) -> None:
    assert "诈骗" in _terms(question, settings)


@pytest.mark.parametrize("question", [
    "新群想用小号冒充成员暖场，会不会太假",
    "找几个托儿冒充普通成员带气氛合适吗",
])
def test_a_shill_is_not_fraud(question: str, settings: Settings) -> None:
    assert "诈骗" not in _terms(question, settings)


@pytest.mark.parametrize("question", [
    "古琴群快满五百人了，想再开一个群",
    "群人满了，再开个群怎么分人",
])
def test_another_group_for_a_full_one_is_expanding_not_a_cold_start(question: str, kb_index: KnowledgeIndex,
                                                                   settings: Settings) -> None:
    # the ranking reads 再开一个群 as 再开群 (a measure word between 开 and 群) before it expands
    terms = _terms(kb_index.read_query(question)[1], settings)
    assert "群满了怎么扩" in terms
    assert "开群节奏与冷启动" not in terms


def test_a_new_groups_launch_is_still_a_cold_start(settings: Settings) -> None:
    assert "开群节奏与冷启动" in _terms("下周新群上线，开群第一周怎么安排", settings)


@pytest.mark.parametrize("question", [
    "领导说下季度要看到社群的成绩，我连目标都没写",
    "年底述职不知道拿什么说话，群只涨了人数",
    "社群的投资报酬率要怎么算给老板看",
])
def test_a_boss_wanting_results_reads_as_goals_and_metrics(question: str, settings: Settings) -> None:
    assert {"可验收目标", "四类指标"} <= _terms(question, settings)


def test_a_boss_asking_why_run_a_group_is_not_metrics(settings: Settings) -> None:
    assert "可验收目标" not in _terms("老板问我做社群到底图啥，能给公司带来什么", settings)


@pytest.mark.parametrize("question", [
    "骑行群发现有未成年人混进来了",
    "家长说孩子被拉进群了，群里都是成年人",
])
def test_minors_in_the_group_read_as_the_entry_threshold(question: str, settings: Settings) -> None:
    assert "门槛" in _terms(question, settings)


@pytest.mark.parametrize(("question", "section"), [
    ("有人冒充群主私下找群友收活动费，已经有人转了钱", ("crisis", "广告刷屏与诈骗")),
    ("古琴群快满五百人了，后面还有人想进，要不要再开一个群", ("platform-structure", "群满了怎么扩")),
    ("老板说月底要看到社群的成绩，可我当初建群根本没写目标", ("metrics-review", "目标先写成能验收的样子")),
])
def test_the_section_for_the_situation_answers(kb_index: KnowledgeIndex, settings: Settings, question: str,
                                               section: tuple[str, str]) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered
    assert section in [(s.source, s.section) for s in answer.sections]
