"""Round 83 (d15a83, issue 15): questions about unseen groups that a stated situation read wrong, and a pointer to
``copilot draft`` when the asker wants a text written.

- A fear listed before a firm ask (怕…又怕…群规应该写哪几条) is not a situation the group is in: a clause from 怕 /
  担心 / 万一 to its end is cut before the stated situations are matched (stated.yaml ``hypothetical``), so the ask
  clause leads; a person at risk (``covers``) is answered even when only feared.
- A veteran sniping at newcomers (阴阳怪气, 冷嘲热讽, 说风凉话) is ``veteran_snipes``: 管理话术的原则 / 成员争吵怎么降温
  lead, not 新人的头三天, the ad ladder or the brand's 负面投诉与舆情 ("don't delete").
- A member's phone number, door number or workplace 公布 / 爆出来 / 挂在群里 is ``private_info_posted`` (delete it,
  tell the person), not a complaint to leave undeleted.
- 帮我写一份群规 / 拟个群公告 / 起几个群名: the answer names the ``copilot draft`` subcommand (``draft`` in ``--json``,
  a line in the CLI); 群规应该写哪几条 asks for the method and gets no pointer.

Questions written for these tests (evals/retrieval/tuning_r83a.jsonl has others of their kind)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.config import Settings
from copilot.knowledge.ask import Answer, answer_question
from copilot.knowledge.draft_ask import draft_command, draft_line
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.llm import get_engine
from copilot.textnorm import ask_form


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(ask_form(question))]


def _lead(question: str, kb_index: KnowledgeIndex, settings: Settings) -> str:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered, question
    return answer.sections[0].label


# --- a fear before a firm ask --------------------------------------------------------------------------------------

FEARED = [
    # (question, the situation its feared clause would have told)
    ("我们羽绒服团购群刚建，怕以后有人天天刷屏发链接，又担心大家为退货吵起来，群规应该写哪几条？", "member_floods"),
    ("木工坊的群，我担心哪天两个师傅吵起来收不了场，入群须知里要写些什么？", "member_feud"),
    ("怕群里冷冷清清没人说话，新建的绘本共读群群介绍该怎么写？", "quiet_group"),
]


@pytest.mark.parametrize(("question", "situation"), FEARED)
def test_a_feared_clause_states_no_situation(question: str, situation: str) -> None:
    assert situation not in _told(question)


@pytest.mark.parametrize(("question", "situation"), [
    # the same words as facts: told
    ("团购群里天天有人发砍价链接，说了也不听，群规该怎么改？", "member_floods"),
    ("木工坊群里两个师傅吵起来了，互相骂了一晚上，怎么劝？", "member_feud"),
    # 可怕 / 害怕 are no fear of what may come: the clause is not cut
    ("绘本共读群冷清得可怕，没人说话，怎么办？", "quiet_group"),
])
def test_the_same_words_as_facts_are_still_told(question: str, situation: str) -> None:
    assert situation in _told(question)


def test_a_person_at_risk_is_answered_even_when_only_feared() -> None:
    assert "self_harm" in _told("群里一位病友这几天总说活着没意思，我担心她一时想不开，该怎么办？")


def test_the_firm_ask_leads_over_the_fears(kb_index: KnowledgeIndex, settings: Settings) -> None:
    lead = _lead(FEARED[0][0], kb_index, settings)
    assert lead.startswith("群规"), lead


# --- a veteran sniping at newcomers --------------------------------------------------------------------------------

SNIPES = [
    "尤克里里群有个老群友，新人一发弹唱视频他就说风凉话，说这水平也好意思发，怎么提醒他？",
    "摄影群的老会员总是瞧不起新人，新人发片他就说器材太烂，怎么办？",
    "钓友群几个老钓手总对新手说风凉话，新来的问个饵料配方就被笑话，我这个群主该怎么开口？",
    "我哋爵士鼓群有個老鬼成日寸新人，話人哋打得差，點同佢講好？",
]


@pytest.mark.parametrize("question", SNIPES)
def test_sniping_at_newcomers_is_veteran_snipes(question: str) -> None:
    told = stated_situations().deciding(ask_form(question))
    assert told is not None and told.name == "veteran_snipes", question


@pytest.mark.parametrize("question", [
    "新人进群以后都不说话，怎么让他们开口？",  # newcomers quiet, nobody sniping
    "有顾客在群里阴阳怪气说我们的产品质量差，新人都看到了，怎么回应？",  # a complaint about our product
])
def test_no_sniping_veteran(question: str) -> None:
    assert "veteran_snipes" not in _told(question)


@pytest.mark.parametrize("question", SNIPES[:2])
def test_sniping_is_answered_from_how_admins_speak(question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    labels = [s.label for s in answer.sections]
    assert labels[0] in {"闲聊歪楼与广告处理 › 管理话术的原则", "社群危机预案 › 成员争吵怎么降温"}, labels
    assert not any("广告" in label.split(" › ")[1] for label in labels), labels  # no ad ladder


# --- doxxing -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "装修业主群里有人把施工队老板的电话和家门牌公布了，叫大家去要说法，我是群主怎么办？",
    "业主群里有人把物业经理的电话和楼号都公布了，让大家去找他算账，我该怎么做？",
    "有人把一个老师的工作单位爆出来了，还说要去单位闹，群里该怎么处理？",
    "群里有人把前任的手机号挂在群里骂，我要不要管？",
])
def test_a_members_details_posted_is_private_info(question: str) -> None:
    assert "private_info_posted" in _told(question)


@pytest.mark.parametrize("question", [
    "报名的时候要不要让大家把手机号发群里？",  # the asker's own form, covered by unless
    "活动地点的门牌号要不要在群公告里写清楚？",
])
def test_no_doxxing(question: str) -> None:
    assert "private_info_posted" not in _told(question)


def test_doxxing_is_not_answered_with_dont_delete(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("群里有人把前任的手机号挂在群里骂，我要不要管？", kb_index, get_engine(settings))
    assert answer.covered and answer.safety_note == "private_info_posted"
    assert not any("负面投诉与舆情" in s.label for s in answer.sections)
    assert "删除" in answer.answer.splitlines()[0]


# --- a text asked for: copilot draft --------------------------------------------------------------------------------

@pytest.mark.parametrize(("question", "command"), [
    ("帮我写一份读书会的群规，别太长", "rules"),
    ("麻烦帮我拟一个烘焙群的群公告，说清楚每周三团购", "intro"),
    ("幫我寫一段新人入群的歡迎語", "welcome"),
    ("我们的跑步群想改名，帮忙起几个群名", "name"),
    ("下周一开始的话题帮我排一下，不对，帮我排一周的话题", "topics"),
    ("群规改了，帮我写个通知告诉大家", "copy --kind notice"),
    ("要发朋友圈招募志愿者，帮我写一条文案", "copy --kind moments"),
    ("帮我写一条双十一的促销文案", "copy --kind promotion"),
])
def test_a_text_asked_for_names_the_draft_command(question: str, command: str) -> None:
    assert draft_command(question) == command


@pytest.mark.parametrize("question", [
    "群规应该写哪几条？",  # what to write: the method
    "欢迎语怎么写比较好？",
    "帮我看看这份群规写得怎么样",
    "帮我写段代码统计群里每个人的发言次数",  # a text no subcommand writes
    "帮我写一份请假条",
])
def test_no_draft_command(question: str) -> None:
    assert draft_command(question) == ""


def test_the_draft_line_names_the_command() -> None:
    assert "copilot draft rules" in draft_line("rules")
    assert draft_line("") == ""


def test_ask_names_the_draft_command(monkeypatch: pytest.MonkeyPatch, shared_data_dir: Path) -> None:
    from copilot.cli import app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(shared_data_dir))
    data = json.loads(CliRunner().invoke(app, ["ask", "帮我写一份摄影群的群规", "--json"]).stdout)
    assert data["covered"] is True and data["draft"] == "rules"
    text = CliRunner().invoke(app, ["ask", "帮我写一份摄影群的群规"]).stdout
    assert "copilot draft rules" in text
    plain = json.loads(CliRunner().invoke(app, ["ask", "群规应该写哪几条？", "--json"]).stdout)
    assert plain["draft"] == ""
    # a declined question names no command
    declined = json.loads(CliRunner().invoke(app, ["ask", "帮我写一份房屋租赁合同", "--json"]).stdout)
    assert declined["covered"] is False and declined["draft"] == ""


@pytest.mark.parametrize(("command", "page"), [("rules", "群规"), ("intro", "群介绍/公告"), ("copy --kind moments", "文案 › 朋友圈"),
                                               ("copy --kind notice", "文案 › 公告")])
def test_the_ui_names_the_drafting_page_choice(command: str, page: str) -> None:
    from copilot.ui.chat import draft_page, format_sources

    assert draft_page(command) == page
    answer = Answer(question="帮我写", answer="…", citations=[], engine="offline", draft=command)
    shown = format_sources([], "offline", answer=answer)
    assert f"「起草」页选「{page}」" in shown
    assert "「起草」页" not in format_sources([], "offline", answer=answer.model_copy(update={"draft": ""}))


# --- one person doing all the organising; a diving club's own words ----------------------------------------------

@pytest.mark.parametrize("question", [
    "徒步群每次活动都是我一个人张罗，订车、买保险、排路线，怎么把这些活儿分给别人？",
    "合唱团的演出全是我一个人操办，想找几个人分担一下，怎么分？",
])
def test_one_organiser_wanting_to_hand_work_on_needs_helpers(question: str) -> None:
    told = stated_situations().deciding(ask_form(question))
    assert told is not None and told.name == "need_helpers", question


def test_one_organiser_with_a_tool_is_not_needing_helpers() -> None:
    assert "need_helpers" not in _told("活动报名都是我一个人张罗，有没有小程序能自动分工？")


@pytest.mark.parametrize(("question", "silent"), [
    ("潜水俱乐部的群里几个老潜水员嘴很毒，新人被说了以后都不敢问问题了，怎么办？", False),
    ("潜水俱乐部新人多，老潜水员带不过来，怎么办？", False),
    ("读书群的新人进群以后一直潜水不说话，怎么办？", True),
])
def test_a_diving_clubs_words_are_not_newcomers_lurking(question: str, silent: bool) -> None:
    assert ("newcomers_silent" in _told(question)) is silent
