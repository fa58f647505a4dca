"""Round 61, d17c61 (issue 17): a member who answers another's request for a tradesman may say what the one they name
charges (修一次收了80, 一副才150) — the shop's price told to the asker, not an offer: the answer layer reads a price as
the helper's when the answer names someone else (lexicons.yaml help_answer_third: 那家, 老板姓…; or 王师傅 by
help_answer_named), and a reply in the writer's own trade's voice (help_answer_own_trade: 本店, 我家专业, 家政公司) answers
no request, price or not. Groups and messages written for these tests (an estate's owners, retired workers)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, Label

OWNERS = """
name: 金桂苑业主群
positioning: 金桂苑业主交流：物业、装修、维修、邻里互助；商家广告、中介房源不要发
topics: [物业, 装修, 维修, 停车, 邻里互助]
audience: 金桂苑业主
"""

RETIREES = """
name: 机床厂退休职工群
positioning: 机床厂退休老职工的群：聚会、养老金、医保、看病、生活上互相帮忙；保健品和理财推销不要发
topics: [聚会, 养老金, 医保, 看病, 生活互助]
audience: 机床厂退休职工
"""

T0 = 1_767_225_600.0


def _answer(mod: Moderator, question: str, answer: str, user: str = "yz_0502"):
    mod.moderate({"id": "q", "user": "yz_1801", "text": question, "ts": T0})
    return mod.moderate({"id": "a", "user": user, "text": answer, "ts": T0 + 60})


def test_a_named_tradesman_with_what_he_charged_answers_the_request(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _answer(profile_moderator(OWNERS), "谁家知道附近有修燃气灶的师傅吗？打不着火了",
                "东门外那家五金店，老板姓钱，电话 139 5716 2083，换个点火器大概40块，他上门修")
    assert v.label != Label.AD and v.action not in ACTED, v.reason
    assert v.checks["help_answer"]["lend"] is False


def test_a_shop_named_by_its_owner_surname_with_its_price_answers_the_request(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _answer(profile_moderator(RETIREES), "谁知道哪里配眼镜实惠？老花镜又找不到了",
                "解放路那家光明眼镜我上个月配的，老板姓孙，电话0791-8642 337，一副才120", user="lao_zhou")
    assert v.label != Label.AD and v.action not in ACTED, v.reason


def test_the_writers_own_repair_trade_with_a_price_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _answer(profile_moderator(OWNERS), "谁家知道附近有修燃气灶的师傅吗？打不着火了",
                "本店专业维修燃气灶热水器，上门费30元，电话13606717789", user="shop_rq")
    assert v.label == Label.AD and v.action in ACTED and "help_answer" not in v.checks, v.reason


def test_the_writers_own_business_answers_no_request_even_without_a_read_price(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _answer(profile_moderator(RETIREES), "有没有人知道哪里能找保姆？白天照顾我爸",
                "我们家政公司保姆月嫂都有，包满意，联系电话18970612258", user="jz_0001")
    assert "help_answer" not in v.checks and v.action != "none", v.reason


def test_a_price_with_nobody_else_named_is_no_answer(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _answer(profile_moderator(OWNERS), "谁家知道附近有修燃气灶的师傅吗？打不着火了",
                "我修过很多燃气灶，换个点火器50块，电话13758823316", user="u_rq2")
    assert v.label == Label.AD and "help_answer" not in v.checks, v.reason


def test_a_fair_price_remark_on_a_named_shop_answers_the_request(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _answer(profile_moderator(OWNERS), "谁家知道附近哪里能修油烟机？吸不动烟了",
                "我修过的那家在菜场北门，老板姓邵，电话13588620947，价格实在，人也客气")
    assert v.label != Label.AD and v.action not in ACTED, v.reason
    assert "help_answer" in v.checks


def test_a_repairer_calling_his_own_price_fair_stays_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _answer(profile_moderator(OWNERS), "谁家知道附近哪里能修油烟机？吸不动烟了",
                "专业清洗维修油烟机，价格公道，随叫随到，电话13867105528", user="yyj_01")
    assert v.label == Label.AD and v.action in ACTED and "help_answer" not in v.checks, v.reason
