"""Round 82 (d15a82, issue 15): two stated situations that misread who is doing what.

- An owner weighing whether to talk to quarrelling members privately or in the group (是该私聊还是在群里说) is not a member
  being harassed in private: the 私聊 is the owner's own means (stated.yaml ``harassed_in_private`` unless), so the quarrel
  (``member_feud``) decides and 成员争吵怎么降温 leads; a member privately pestered by another still reads as harassment.
- Old members who find the group changed (变味、没意思了、全是新人) and go quiet are ``regulars_drift``: the group is
  declining (衰退的常见原因), not newcomers failing to settle in (新人的头三天), even though the question names 新人 and
  不说话; newcomers who go quiet are still ``newcomers_silent``, and an owner afraid a reward would "变味" is neither.

Questions written for these tests (evals/retrieval/tuning_r82a.jsonl has more of their kind); both sides of the
confidence threshold, and ``covered`` in ``ask --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine
from copilot.textnorm import ask_form


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(ask_form(question))]


def _deciding(question: str) -> str | None:
    told = stated_situations().deciding(ask_form(question))
    return told.name if told else None


OWNER_WEIGHS_PRIVATE_TALK = [
    "群里两个宝妈为了疫苗打不打吵起来，越说越难听，别人都不敢说话了，我作为群主是该私聊还是在群里说？",
    "书法群两个老师傅为了谁的字好吵了一晚上，其他人都不敢说话了，我要不要私聊他们俩？",
    "鋼琴家長群兩位家長吵起來，其他人都不敢說話，我該私訊他們還是在群裡講？",
]


@pytest.mark.parametrize("question", OWNER_WEIGHS_PRIVATE_TALK)
def test_the_owner_weighing_a_private_talk_is_no_harassment(question: str) -> None:
    assert "harassed_in_private" not in _told(question)
    assert _deciding(question) == "member_feud"


@pytest.mark.parametrize("question", [
    "合唱团有位阿姨跟我说，有个男团员老是私聊她，半夜发消息约她出去，她现在都不敢来排练了，我作为团长该怎么办",
    "读书会有个女生说，有人一直私信她发露骨的话，她很害怕，我该私下找那个人谈还是直接踢？",
])
def test_a_member_pestered_in_private_is_still_harassed(question: str) -> None:
    assert "harassed_in_private" in _told(question) or "harassed" in _told(question)


def test_the_quarrel_is_answered_from_calming_it(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(OWNER_WEIGHS_PRIVATE_TALK[0], kb_index, get_engine(settings))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) == ("crisis", "成员争吵怎么降温")


REGULARS_DRIFT = [
    "我们的跑团群原来只有三十来人，大家都很熟，后来一下子涌进来三百人，老成员觉得群变味了，有几个开始不说话了，新人又不知道群里规矩",
    "摄影群的老群友最近都潜水了，私下跟我说现在群里全是新人问怎么调光圈，没意思",
    "老會員說群變味了，新人一直問基本問題，他們都不講話了，怎麼辦",
]


@pytest.mark.parametrize("question", REGULARS_DRIFT)
def test_old_members_going_quiet_is_the_group_declining(question: str) -> None:
    assert _deciding(question) == "regulars_drift"


@pytest.mark.parametrize("question", [
    "新人进群后都不说话，头几天应该怎么带他们融入？",  # the newcomers are the quiet ones
    "想给群里最活跃的几位老成员一点回报，又怕送东西变味，怎么激励比较好？",  # a reward that might 变味
    "帆船俱乐部开始收会员费了，群里有人说我们变味了就是想赚钱",  # members criticising the club, no old members
])
def test_newcomers_a_reward_or_a_complaint_is_no_regulars_drift(question: str) -> None:
    assert "regulars_drift" not in _told(question)


def test_newcomers_going_quiet_still_lead_with_their_first_days() -> None:
    assert _deciding("新人进群后都不说话，头几天应该怎么带他们融入？") == "newcomers_silent"


def test_the_drift_is_answered_from_why_groups_decline(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(REGULARS_DRIFT[0], kb_index, get_engine(settings))
    assert answer.covered
    assert (answer.sections[0].source, answer.sections[0].section) == ("lifecycle", "衰退的常见原因")
    assert all(s.section != "新人的头三天" for s in answer.sections[:1])


@pytest.mark.parametrize(("question", "covered"), [
    (OWNER_WEIGHS_PRIVATE_TALK[0], True),
    ("老成员说群变味了，新人老问基础问题，他们都不说话了，怎么办", True),
    # out of scope near misses of the same groups: a messaging app's limit, a loan between members
    ("我哋群主想知 WhatsApp 群組最多可以加幾多人？", False),
    ("群里有人说被另一个群友借了三千块一直不还，这种情况能报警吗？", False),
])
def test_covered_in_json(monkeypatch: pytest.MonkeyPatch, shared_data_dir: Path, question: str, covered: bool) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    data = json.loads(CliRunner().invoke(app, ["ask", question, "--json"]).stdout)
    assert data["covered"] is covered
