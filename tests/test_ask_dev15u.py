"""Round 37 (dev15u): a yes/no ask the question ends on ("…怎么办，要不要…") is not dropped silently. When the
section that the ask finds on its own fits it, is in the question's setting and is not in the answer, the answer
ends with a note naming that section. An extra section no ask names must be in the question's setting (no brand
complaint script after a members' quarrel). A question about the asker's own romance with someone met in a group is
declined (scope.yaml ``private``). An answer is hedged only when neither its first section nor the lead it gives
whole fits. Groups and questions are written for these tests."""

from __future__ import annotations

import pytest
from ask_signals import fake_hit, fake_index, fake_ranking

from copilot.knowledge.ask import AskPart, answer_fit, answer_hedged, ask_elsewhere, ask_part, without_padding
from copilot.knowledge.ranking import SectionHit, SectionRanking, parts_cues, scene_cues
from copilot.textnorm import fold

ACTIVE = fake_hit("activity", "活跃玩法", "常用活跃玩法", 0.8)
CLEAN = fake_hit("lifecycle", "社群生命周期与定期清理", "定期清理成员", 0.62)
COMPLAINT = fake_hit("crisis", "社群危机预案", "负面投诉与舆情", 0.66)

# a 陶艺体验课 group: asks how to liven it up, then whether to clear out people who came once
Q_POTTERY = "陶艺体验课的学员群有一百多人，上完课就没人说话了，怎么让大家聊起来，要不要把只来过一次的人清出去"
ASK = fold("要不要把只来过一次的人清出去")


def _part(question: str, clause: str, own: SectionHit, whole: SectionRanking) -> AskPart:
    return ask_part(question, whole, fake_index({clause: fake_ranking(clause, own)}))


def test_a_yes_no_ask_whose_section_is_left_out_is_named() -> None:
    whole = fake_ranking(Q_POTTERY, ACTIVE)  # the whole question never ranks the clearing section
    part = _part(Q_POTTERY, ASK, CLEAN, whole)
    assert part.best is None and part.alone_hit is CLEAN
    note = ask_elsewhere([ACTIVE], part, Q_POTTERY)
    assert "要不要把只来过一次的人清出去" in note and "社群生命周期与定期清理 › 定期清理成员" in note


def test_no_note_when_the_answer_already_has_that_section() -> None:
    part = _part(Q_POTTERY, ASK, CLEAN, fake_ranking(Q_POTTERY, ACTIVE))
    assert ask_elsewhere([ACTIVE, CLEAN], part, Q_POTTERY) == ""


def test_no_note_when_the_asks_own_section_fits_it_loosely() -> None:
    loose = fake_hit("lifecycle", "社群生命周期与定期清理", "定期清理成员", parts_cues().ask_note.fit - 0.05)
    part = _part(Q_POTTERY, ASK, loose, fake_ranking(Q_POTTERY, ACTIVE))
    assert ask_elsewhere([ACTIVE], part, Q_POTTERY) == ""


def test_no_note_for_an_ask_that_is_not_yes_no_or_stands_alone() -> None:
    q = "陶艺体验课的学员群有一百多人，上完课就没人说话了，怎么清理只来过一次的人"
    clause = fold("怎么清理只来过一次的人")
    part = _part(q, clause, CLEAN, fake_ranking(q, ACTIVE))
    assert part.alone_hit is CLEAN
    assert ask_elsewhere([ACTIVE], part, q) == ""  # not a 要不要/该不该 ask: the answer is about it already
    alone = "陶艺体验课学员群上完课就没人说话了，要不要把只来过一次的人清出去"  # the only asking clause
    part = _part(alone, ASK, CLEAN, fake_ranking(alone, ACTIVE))
    assert ask_elsewhere([ACTIVE], part, alone) == ""


def test_no_note_naming_a_section_written_for_another_setting() -> None:
    q = "飞盘群两个老队员在群里吵起来了，我该怎么劝，要不要发个公开说明"
    clause = fold("要不要发个公开说明")
    part = _part(q, clause, COMPLAINT, fake_ranking(q, ACTIVE))
    assert part.alone_hit is COMPLAINT
    assert ask_elsewhere([ACTIVE], part, q) == ""  # the brand's complaint script is not for a members' quarrel


def test_bad_input_gives_no_note() -> None:
    assert ask_elsewhere([], AskPart(ASK, alone_hit=CLEAN), Q_POTTERY) == ""
    assert ask_elsewhere([ACTIVE], AskPart(), Q_POTTERY) == ""
    assert ask_elsewhere([ACTIVE], AskPart("", alone_hit=CLEAN), "") == ""


# --- padding: an extra section must be in the question's setting ---------------------------------------------

QUARREL = fake_hit("crisis", "社群危机预案", "成员争吵怎么降温", 0.85)


@pytest.fixture
def padding_scene():  # type: ignore[no-untyped-def]
    """parts.yaml's padding_scene on for one test (it ships off: see parts.yaml)."""
    cues = parts_cues()
    was = cues.padding_scene
    cues.padding_scene = True
    yield
    cues.padding_scene = was


@pytest.mark.usefixtures("padding_scene")
def test_a_complaint_script_does_not_pad_a_members_quarrel() -> None:
    q = "尤克里里群里两个老成员为了谁弹得更标准吵起来了，互相挖苦，我该怎么劝"
    ranking = fake_ranking(q, QUARREL, COMPLAINT)
    assert without_padding([QUARREL, COMPLAINT], ranking, named=[None]) == [QUARREL]
    # a customer's complaint in a shop's group is the script's setting: it stays
    shop = "我们店铺的顾客群里有人说买到的尤克里里质量问题，在群里骂，我该怎么回应"
    ranking = fake_ranking(shop, QUARREL, COMPLAINT)
    assert without_padding([QUARREL, COMPLAINT], ranking, named=[None]) == [QUARREL, COMPLAINT]


@pytest.mark.usefixtures("padding_scene")
def test_an_extra_an_ask_names_stays_even_out_of_setting() -> None:
    q = "尤克里里群里两个老成员吵起来了，我该怎么劝"
    ranking = fake_ranking(q, QUARREL, COMPLAINT)
    assert without_padding([QUARREL, COMPLAINT], ranking, named=[COMPLAINT]) == [QUARREL, COMPLAINT]


# --- the asker's own romance is not a group question -------------------------------------------------------------

CONNECT = fake_hit("activity-resonance", "活跃玩法与共振节奏", "用户连接：让成员互相认识", 0.93)


def test_courting_someone_met_in_the_group_is_declined_however_well_a_section_fits() -> None:
    for q in ("在徒步群里认识了一个男生，爬完山常一起坐车回去，想跟他表白，又怕以后在群里见面尴尬，怎么办",
              "读书会群里有个女生聊得很来，想单独约她出来喝咖啡，怎么开口比较自然"):
        ranking = fake_ranking(q, CONNECT, confidence=0.97)
        assert scene_cues().of(q) == "private"
        assert not ranking.covered and ranking.declined_by == "scene"


def test_members_romance_and_the_hosts_private_chat_stay_group_questions() -> None:
    for q in ("群里两个成员谈恋爱后分手了，天天在群里互相阴阳怪气，我作为群主怎么处理",
              "有个成员老是发广告，我想约他私聊一下，怎么开口不伤和气",
              ""):
        assert scene_cues().of(q) != "private"
    q = "群里两个成员谈恋爱后分手了，天天在群里互相阴阳怪气，我作为群主怎么处理"
    assert fake_ranking(q, QUARREL).covered


# --- the hedge follows the section the answer gives whole ------------------------------------------------------

SORT = fake_hit("moderation-offtopic", "闲聊歪楼与广告处理", "先分清是哪种情况", 0.2)
ADS = fake_hit("moderation-offtopic", "闲聊歪楼与广告处理", "广告怎么处理", 0.72)


def test_a_weak_first_section_in_card_order_does_not_hedge_an_answer_led_by_a_fitting_one() -> None:
    q = "多肉植物群老有人进来发网店链接，踢了又换号进来，该怎么管"
    ranking = fake_ranking(q, ADS, SORT)
    # the card order shows 先分清 first; the answer's lead (given whole) is 广告怎么处理, which fits
    assert not answer_hedged(ranking, [SORT, ADS], ADS)
    # both weak: hedged, as before
    weak = fake_hit("moderation-offtopic", "闲聊歪楼与广告处理", "广告怎么处理", 0.25)
    assert answer_hedged(fake_ranking(q, weak, SORT), [SORT, weak], weak)
    assert answer_hedged(fake_ranking(q, weak, SORT), [SORT, weak], None)
    assert not answer_hedged(fake_ranking(q), [], None)  # nothing ranked: nothing to hedge


def test_the_footer_fit_is_the_fit_the_hedge_judged() -> None:
    q = "多肉植物群老有人进来发网店链接，踢了又换号进来，该怎么管"
    ranking = fake_ranking(q, ADS, SORT)
    assert answer_fit(ranking, [SORT, ADS], ADS) == ADS.fit  # the lead's, not the first shown
    assert answer_fit(ranking, [SORT, ADS], SORT) == SORT.fit  # a lead moved first is judged by its own fit
    assert answer_hedged(ranking, [SORT, ADS], SORT)
    # a section the ranking does not have fits 0, unless it is the ask's own section fitting the ask firmly
    assert answer_fit(ranking, [CLEAN], CLEAN) == 0.0
    firm = AskPart(ASK, alone_fit=0.9, alone=("lifecycle", "定期清理成员"), alone_hit=CLEAN)
    assert answer_fit(ranking, [CLEAN], CLEAN, firm) == 0.9 and not answer_hedged(ranking, [CLEAN], CLEAN, firm)
    assert answer_fit(ranking, [], None) == 0.0
    assert answer_fit(ranking, [SORT], ADS) == SORT.fit  # a lead the answer does not show does not count
