"""Round 83 (d15b83, issue 15; the fresh tester qa15r9's defects): situations a question states that led with the wrong
section, the health line on crops' pesticide, chest tightness as an emergency sign and the variant 羣 read as Traditional.

- A member selling his own goods (in the group or in private) is ``member_sells``: the warn-first ad ladder (广告怎么处理),
  not the scam-account removal of 广告刷屏与诈骗; a scam, or the asker's own selling, is not.
- A member calling another 骗子 in a trade quarrel with the seller still in the group is ``trade_quarrel``: calming the
  quarrel leads and the scam note (报警、把骗子移出群) is not given; money gone and the seller vanished is still ``scammed``.
- A complaint about a member's conduct (``member_reported``) or a member forwarding others' photos out of the group
  (``member_leaks_posts``) is not the public-complaint playbook (负面投诉与舆情), which is for complaints about us.
- The same question asked again and again / useful posts buried (``asked_again``, ``posts_buried``) → the knowledge base.
- The owner's presence, hand-over, a talk notice, a metric's definition and a gentle reminder lead with their sections.

Questions written for these tests (evals/retrieval/tuning_r83b.jsonl has more of their kind, written before the code)."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, asks_health, decline_texts
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations
from copilot.knowledge.safety import safety_kind
from copilot.llm import get_engine
from copilot.textnorm import ask_form, asked_script, fold, to_simplified


def _told(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(ask_form(question))]


def _deciding(question: str) -> str | None:
    told = stated_situations().deciding(ask_form(question))
    return told.name if told else None


def _sections(answer) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(s.source, to_simplified(s.section)) for s in answer.sections]


MEMBER_SELLS = [
    "钓鱼群里有位老钓友天天发他自己绑的路亚饵的购买链接，别人也开始跟着发，要不要管？",
    "我们合唱团群里有个团员私下一个个加人推销保健品，好几个人嫌烦，怎么处理",
    "茶艺班的群，一位学员隔三差五晒自家的茶叶还报价格，删了又怕她面子上过不去",
]


@pytest.mark.parametrize("question", MEMBER_SELLS)
def test_a_member_selling_his_own_goods_gets_the_ad_ladder(question: str) -> None:
    assert _deciding(question) == "member_sells"


@pytest.mark.parametrize("question", [
    "有人进群就发诈骗链接，说是内部理财名额，怎么处理",  # a scam: not a member's own goods
    "我自己做手工皂，想在群里推销一下，会不会惹人烦",  # the asker's own selling
])
def test_a_scam_or_the_askers_own_selling_is_not_a_member_selling(question: str) -> None:
    assert "member_sells" not in _told(question)


def test_the_beekeeper_is_warned_before_removed(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "蜂友群里一位老蜂农每天发自己卖槐花蜜的链接，他也是正经养蜂的，删了怕得罪人，不删别人也跟着发，怎么办"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    sections = _sections(answer)
    assert sections[0] == ("moderation-offtopic", "广告怎么处理")
    assert ("crisis", "广告刷屏与诈骗") not in sections


TRADE_QUARRELS = [
    "二手单车群有人买了群友的车，说车架有裂纹，在群里骂卖家是骗子，卖家也回骂，两个人吵了一晚上",
    "我們的模型群有人私下交易被騙了，在群裡罵賣家是騙子，賣家也在群裡，兩人吵起來，我該怎麼處理",
]


@pytest.mark.parametrize("question", TRADE_QUARRELS)
def test_a_trade_quarrel_is_calmed_not_treated_as_a_scam(question: str, kb_index: KnowledgeIndex,
                                                         settings: Settings) -> None:
    assert _deciding(question) == "trade_quarrel"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered and _sections(answer)[0] == ("crisis", "成员争吵怎么降温")
    assert "96110" not in answer.answer and ("crisis", "广告刷屏与诈骗") not in _sections(answer)


def test_a_seller_who_vanished_with_the_money_is_still_a_scam() -> None:
    question = "群友私下交易被骗了，钱转过去对方就把他拉黑了，大家在群里骂那个骗子，我该怎么办"
    assert _deciding(question) == "scammed"


@pytest.mark.parametrize("question", [
    "读书会有个会员私聊推销课程被人投诉到我这儿了，怎么处理他",
    "羽毛球群有人总在群里爆粗口，好几个群友私下跟我投诉",
    "幼儿园家长群里有家长把别的孩子的照片转到外面去了，那个孩子的爸爸很生气",
])
def test_a_complaint_about_a_member_is_not_the_public_complaint_playbook(question: str, kb_index: KnowledgeIndex,
                                                                         settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert _sections(answer)[0] in {("moderation-offtopic", "广告怎么处理"), ("group-rules", "违规怎么处理"),
                                    ("group-rules", "禁止行为要写具体")}
    assert ("crisis", "负面投诉与舆情") not in _sections(answer)


def test_a_complaint_about_our_own_service_keeps_the_playbook() -> None:
    question = "有顾客在群里投诉我们的课程质量差，还要退款，其他人也跟着附和"
    assert "member_reported" not in _told(question)


@pytest.mark.parametrize("question", [
    "摄影群里新手天天问同一个问题：入门相机买哪台，老群友都回答烦了",
    "群里发过的好教程总被闲聊冲掉，后来的人根本找不到",
])
def test_repeated_questions_and_buried_posts_get_the_knowledge_base(question: str, kb_index: KnowledgeIndex,
                                                                    settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    assert _sections(answer)[0] in {("value-benefits", "用知识管理积累价值"), ("share-sessions", "把分享沉淀成知识库")}


@pytest.mark.parametrize("question", [
    "孩子老是问同样的问题，我都解释一遍又一遍了，怎么办",  # a parent, not a group
    "我们每次办活动都遇到同样的问题，人来得少",  # the same problem, not the same question
])
def test_the_same_problem_or_a_childs_questions_are_not_a_knowledge_base_case(question: str) -> None:
    assert "asked_again" not in _told(question)


@pytest.mark.parametrize(("question", "section"), [
    ("我是摄影群群主，要不要每天都在群里露面说几句？", "owner_presence"),
    ("我要搬去外地了，这个车友群想交给一个热心的老群友，怎么交接", "owner_handover"),
    ("下周五晚上八点请了一位营养师在群里做线上分享，预告通知怎么发", ("share-sessions", "分享前：选题、排期与预热")),
    ("周活跃率按发言人数还是消息条数算？", ("metrics-review", "几个关键口径")),
    ("老同学群里有人老是转发养生文章，我想提醒他又怕伤感情，话怎么说", ("moderation-offtopic", "管理话术的原则")),
])
def test_the_named_situation_leads(question: str, section: tuple[str, str] | str, kb_index: KnowledgeIndex,
                                   settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.covered
    # a situation's name: one of the sections it names (the best ranked of them leads)
    told = next((s for s in stated_situations().situations if s.name == section), None)
    allowed = {tuple(t) for t in told.toward} if told else {section}
    assert _sections(answer)[0] in allowed


def test_a_work_hand_over_or_raising_activity_is_not_these() -> None:
    assert "owner_handover" not in _told("我下个月离职，工作交接要注意什么")
    assert "metric_definition" not in _told("群活跃度太低了，怎么提高")


@pytest.mark.parametrize("question", ["给梨树打药，一桶水兑多少毫升", "植保无人机飞防打药多少钱一亩"])
def test_pesticide_on_crops_gets_no_doctor_line(question: str, kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert not answer.covered and decline_texts().health_line not in to_simplified(answer.answer)


def test_a_persons_medicine_still_gets_the_doctor_line_beside_crops() -> None:
    texts = decline_texts()
    assert asks_health(fold("打完农药以后头疼，吃什么药能缓解"), texts)
    assert not asks_health(fold("果树打药兑多少水"), texts)


def test_chest_tightness_of_a_member_is_an_emergency(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "群里一位老队友说他胸口闷得厉害，问吃什么药好"
    assert safety_kind(question) == "medical_emergency"
    answer = answer_question(question, kb_index, get_engine(settings, prefer="offline"))
    assert answer.safety == "medical_emergency" and "120" in answer.answer
    # a long-standing complaint is a health question, not an emergency
    assert safety_kind("群友说他经常胸闷，挂什么科") != "medical_emergency"


def test_the_variant_qun_is_read_as_traditional() -> None:
    assert asked_script("羣友吵架了") == "zh-Hant"
    assert asked_script("群友吵架了") == "zh-Hans"
    assert asked_script("怎么找管理員幫忙，这个群么") == "zh-Hans"  # two Traditional characters in a Simplified question
