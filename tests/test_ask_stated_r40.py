"""Round 40 (d15b40): more situations a question states (``stated.yaml``) and what the offline answer gives for
them (``compose.yaml``): an injury or questioned accounts lead with the crisis response and never with the
purchase-complaint script, a seasonal group is not told that groups die, a revive intent gets the fixing steps
first, and a sentence pointing to a section the answer does not give is cut. The questions are written for
these tests."""

from __future__ import annotations

import numpy as np
import pytest

from copilot.config import Settings
from copilot.evals.retrieval import HELD_OUT, load_ask_cases
from copilot.knowledge.cards import load_cards
from copilot.knowledge.composition import compose_cues
from copilot.knowledge.ranking import stated_order, stated_situations
from copilot.paths import EVALS_DIR

R40B = EVALS_DIR / "retrieval" / "tuning_r40b.jsonl"

SECTIONS = [
    ("crisis", "负面投诉与舆情"),
    ("lifecycle", "衰退的常见原因"),
    ("lifecycle", "群也有寿命"),
    ("moderation-offtopic", "广告怎么处理"),
    ("activity-resonance", "周期性活动与时间节点"),
    ("crisis", "成员争吵怎么降温"),
    ("lifecycle", "延长寿命的办法"),
    ("threshold", "常见门槛形式"),
    ("daily-topics", "话题有哪些类型"),
    ("crisis", "通用响应流程"),
]


def _order(question: str) -> list[tuple[str, str]]:
    return [SECTIONS[i] for i in stated_order(question, np.arange(len(SECTIONS)), SECTIONS)]


def test_the_round40_set_is_held_out_and_names_real_sections() -> None:
    assert R40B.stem in HELD_OUT
    cards = {c.id: c for c in load_cards(Settings(llm_provider="offline").knowledge_dir)}
    cases = load_ask_cases(R40B)
    assert sum(c.in_scope for c in cases) >= 30 and sum(not c.in_scope for c in cases) >= 10
    for case in cases:
        for card, heading in case.sections:
            assert card in cards and cards[card].resolve_section(heading) == heading, (case.id, heading)


def test_an_injury_leads_with_the_response_steps_even_from_outside_the_first_candidates() -> None:
    order = _order("徒步群昨天下山时有个姐妹扭伤了脚踝，大家都在群里问，我这个领队要怎么说")
    assert order[0] == ("crisis", "通用响应流程")  # tenth in the ranking: pulled
    assert order[-1] == ("crisis", "负面投诉与舆情")
    assert stated_situations().leads("徒步群有人扭伤了脚", ("crisis", "通用响应流程"))


def test_questioned_accounts_do_not_lead_with_admitting_a_fault() -> None:
    order = _order("车友会年底聚餐收的钱有人说账目不清，要我公开明细，怎么办")
    assert order[0] == ("crisis", "通用响应流程")
    assert order[-1] == ("crisis", "负面投诉与舆情")


def test_a_seasonal_group_is_not_told_that_groups_die() -> None:
    order = _order("潜泳群一到冬天就没人说话，开春才热闹，淡季要怎么安排")
    assert order[0] == ("activity-resonance", "周期性活动与时间节点")
    # a quiet group is also told (没人说话, round 54): the quarrel section goes to the back beside the two
    assert {("lifecycle", "衰退的常见原因"), ("lifecycle", "群也有寿命")} <= set(order[-3:])


def test_reviving_a_group_leads_with_the_fixing_steps_and_gives_advice_first() -> None:
    question = "读书会群已经一个月没人说话了，我想把它救活，从哪里开始"
    order = _order(question)
    assert order[0] == ("lifecycle", "延长寿命的办法")
    assert ("lifecycle", "衰退的常见原因") in order[-3:]
    told = stated_situations().deciding(question)
    assert told is not None and told.advice_first


def test_kicked_spammers_back_on_new_accounts_lead_with_the_entry_checks() -> None:
    order = _order("卖茶叶的那个人被踢了以后换个新号又进来发广告，怎么防")
    assert order[0] == ("threshold", "常见门槛形式")


@pytest.mark.parametrize("question", ["宠物群想办一次领养日活动，怎么安排流程", "群名最长多少字"])
def test_a_question_stating_none_of_them_keeps_its_order(question: str) -> None:
    assert _order(question) == SECTIONS
    assert stated_situations().deciding(question) is None


def test_the_order_number_step_is_only_for_a_purchase_complaint() -> None:
    cues = compose_cues()
    line = "转私聊：请投诉人私聊提供订单号、照片等细节，避免群内长串讨论；"
    assert cues.scene_line(line, "登山群有人在活动里摔伤了，家属在群里很生气，怎么回应")
    assert cues.scene_line(line, "店里的群有顾客说买的茶叶发霉了，怎么回") == ""
    assert cues.scene_line("公开结果：解决后在群里简要说明结果和改进措施。", "登山群有人摔伤了") == ""


def test_a_pointer_to_a_section_not_given_is_cut() -> None:
    cues = compose_cues()
    text = '先问问骨干还愿不愿意出力；要是没人愿意，不如按下面"体面收尾与重启"的办法处理。动手时一次只改一处。'
    assert cues.unpoint_headings(text, {"体面收尾与重启"}) == "先问问骨干还愿不愿意出力。动手时一次只改一处。"
    assert cues.unpoint_headings(text, {"群也有寿命"}) == text
