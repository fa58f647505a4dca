"""Round 72, d17b72 (issue 17): a shop reached by searching its name (搜索店名…就能找到, 搜我们店) is a way to reach the
seller, as a handle is; a paid course's promo with a gift for signing up (冲刺班火热报名中，报名送整套练习册) is a sales
hook. Members' search advice (淘宝搜一下就有), a parent's story of a gift they got (报名送了…, 报名送的…) and the group's own
event sign-up stay ok. Groups and messages written for these tests (a Suzhou Grade 4 parents' group, a Xiamen paper-cut club)."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Moderator, Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import detect

PARENTS = """
name: 苏州金阊实验小学四（1）班家长群
positioning: 老师发通知和作业，家长交流孩子的学习和课外阅读；培训机构招生和商家广告不要发
topics: [通知, 作业, 考试, 课外阅读, 家长会]
audience: 四（1）班的家长和老师
type: 家长型
banned: [培训班招生, 商家广告]
"""

PAPER_CUT = """
name: 厦门剪纸爱好者群
positioning: 厦门喜欢剪纸的朋友交流刀法、纹样和作品，每月一次线下剪纸沙龙
topics: [剪纸, 刻刀, 纹样, 窗花, 作品]
audience: 厦门的剪纸爱好者
type: 兴趣型
events:
  - {title: 剪纸沙龙, kind: 线下活动, cadence: 每月一次, place: 思明区文化馆}
"""

T0 = 1_767_225_600.0


def _chat(moderator: Moderator, texts: list[str]) -> list[Verdict]:
    """The texts posted one after another by different members of one group, ten minutes apart."""
    return [moderator.moderate({"id": f"t{i}", "user": f"u{i}", "group": "g1", "text": t, "ts": T0 + 600 * i})
            for i, t in enumerate(texts)]


def _names(text: str) -> set[str]:
    return {s.name for s in detect(normalise(text)).signals}


def test_searching_a_shop_by_its_name_is_a_pointer() -> None:
    assert "pointer" in _names("新学期的作业本我店都有，搜索店名小雨文具就能找到")
    assert "pointer" in _names("要买剪纸刻刀的可以搜我们店，店名叫纸韵坊")
    # … naming the thing to type is a member's advice, not a shop
    assert "pointer" not in _names("京东搜书名就能买到，我孩子很喜欢")


def test_a_shop_of_ones_own_found_by_search_is_an_ad(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _chat(profile_moderator(PARENTS), ["我家淘宝店上新了，开学用的书皮姓名贴都有，搜索店名小雨文具就能找到"])[0]
    assert v.label == "ad", v.reason
    assert v.action != "none"


def test_a_course_promo_with_a_sign_up_gift_is_not_ok(profile_moderator: Callable[[str], Moderator]) -> None:
    assert "course_gift" in _names("珠心算冲刺班火热报名中，报名送整套练习册")
    v = _chat(profile_moderator(PARENTS), ["珠心算冲刺班火热报名中，报名送整套练习册"])[0]
    assert v.label == "ad", v.reason


def test_a_gift_already_had_is_a_parents_story(profile_moderator: Callable[[str], Moderator]) -> None:
    assert "course_gift" not in _names("去年给孩子报的暑假班，报名送了一套文具，还行")
    assert "course_gift" not in _names("那个冲刺班报名送的练习册挺好用，就是有点贵")
    texts = ["去年给孩子报的暑假班，报名送了一套文具，还行", "有没有家长知道哪家珠心算班靠谱？想给孩子报名"]
    assert [v.label for v in _chat(profile_moderator(PARENTS), texts)] == ["ok", "ok"]


def test_the_groups_own_sign_up_with_a_gift_stays_ok(profile_moderator: Callable[[str], Moderator]) -> None:
    # the club's gathering names no course for sale: its gift for signing up is no course's hook
    assert "course_gift" not in _names("这个月的剪纸沙龙开始报名，报名的朋友送一张红宣纸，在群里接龙")
    texts = ["这个月的剪纸沙龙开始报名，报名的朋友送一张红宣纸，在群里接龙", "刻刀淘宝搜一下就有，二十来块，我一直在用"]
    assert [v.label for v in _chat(profile_moderator(PAPER_CUT), texts)] == ["ok", "ok"]
