"""Round 64, d17b64 (issue 17): a pointer at the writer's name when nobody here can see that name, and a member's own
thought of ending their life.

看我名字 from a writer whose shown name is unknown (no 群名片/昵称, a bare account id) points at a contact the moderator cannot
read, as 看我头像 does: with a pitch beside it the ad is deleted. A known, clean name keeps d17a45's verdict (the name is read
and has nothing in it), and a known name with a contact is deleted as before. A member who says they do not want to live
is no violation and no chatter: the message stays and the admin is asked to reach out in private (``care``). A banned
item written as a description (代笔冒充名家字画) is named when an offer says every key term in other words (代笔…仿冒名家…字画),
never when a member warns, asks or talks about it.
Groups and messages written for these tests (a dialysis patients' group, a graduate students' group, a painting class)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import say

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED, REMOVED, Action, Label

KIDNEY = """
name: 城西血透病友群
positioning: 城西医院血透室的病友和家属交流透析日常、低磷低钾饮食和内瘘护理，互相打气；药品代购和保健品推销不要发
topics: [透析, 血透, 内瘘, 饮食, 血磷, 血钾, 干体重, 病友]
audience: 血透病友和家属
"""

GRAD = """
name: 材料学院研究生交流群
positioning: 材料学院的研究生交流开题、实验、文献和论文写作
topics: [开题, 实验, 文献, 论文, 导师, 答辩, 组会, 表征]
audience: 材料学院硕士和博士研究生
banned: [代写论文]
"""

T0 = 1_767_225_600.0
ACCOUNT = "3861027455"  # a bare account id: no name members see
_say = partial(say, t0=T0)


@pytest.mark.parametrize("text", ["肾友专属低价进口药，需要的看我名字", "想赚点零花钱的病友家属看我名字，在家就能做"])
def test_a_pointer_at_an_unknown_name_with_a_pitch_is_a_deleted_ad(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(KIDNEY), text, user=ACCOUNT)
    assert v.label == Label.AD and v.action in REMOVED, v.reason
    assert "看我名字" in v.reason


def test_the_same_pointer_from_a_clean_known_name_keeps_its_verdict(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(GRAD)
    text = "想找暑假兼职的同学看我名字"
    named = _say(mod, text, user=ACCOUNT, nickname="小林-材料2班", n=0)
    assert named.action not in REMOVED and "sender_name" not in named.checks, named.reason
    carded = _say(mod, text, user="5550001234", nickname="暑期工💰V:sq_7070", n=1)
    assert carded.label == Label.AD and carded.action in REMOVED and "群名片/昵称" in carded.reason, carded.reason


def test_an_unknown_writer_talking_about_a_name_is_not_deleted(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(GRAD), "组会的时候老师说看名字就知道是哪个课题组的文章", user=ACCOUNT)
    assert v.label == Label.OK and v.action == Action.NONE, v.reason


@pytest.mark.parametrize("text", ["透析三年了，有时候真觉得活着没意思，拖累家里", "这几天不想活了，每周三次针扎得胳膊全是包"])
def test_a_members_own_thought_of_dying_is_flagged_for_care_not_acted_on(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(KIDNEY), text, user="老陈")
    assert v.label == Label.OK and v.action == Action.REVIEW, v.reason
    assert v.checks["care"]["said"] and "私下" in v.reason and "12356" in v.reason


@pytest.mark.parametrize("text", ["今天干体重又超了，渴死我了", "真想死你们了，下周复查见", "实验又失败了，不想活了哈哈",
                                  "医院下周有个预防自杀的讲座，家属可以去听听"])
def test_hyperbole_missing_someone_a_joke_or_a_talk_is_no_care_case(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(KIDNEY), text, user="王姐")
    assert "care" not in v.checks and v.action not in ACTED, v.reason


def test_a_death_wish_aimed_at_someone_stays_abuse(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(KIDNEY), "你这种人活着就是浪费医保，早点死了算了", user=ACCOUNT)
    assert v.label == Label.ABUSE and v.action in ACTED and "care" not in v.checks, v.reason


PAINTING = """
name: 老年大学书画班
positioning: 老年大学书画班的学员交流书法、国画、临帖和作品点评，每学期末办一次作品展
topics: [书法, 国画, 临帖, 字画, 作品, 毛笔, 宣纸, 装裱]
audience: 老年大学书画班学员
banned: [代笔冒充名家字画, 代写毕业论文]
"""


@pytest.mark.parametrize("text", ["有几幅找人代笔的字画，落款都仿冒名家的，装裱好了，需要的私聊",
                                  "可以帮写毕业论文，本科一万字三天交稿，懂的来"])
def test_a_banned_item_written_as_a_description_is_named_in_other_words(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(PAINTING), text, user="老周")
    assert v.label == Label.AD, v.reason
    assert any(s["name"] in ("banned", "banned_deal") for s in v.checks["signals"]), v.reason


@pytest.mark.parametrize("text", ["提醒一下，外面有人拿代笔的字画冒充名家卖，大家别上当",
                                  "代笔的字画和名家真迹怎么区分？",
                                  "周末去美术馆看了名家字画展，真过瘾",
                                  "毕业论文写不完了，谁能帮我看看格式？"])
def test_warning_asking_or_talking_about_it_names_nothing_banned(
        profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = _say(profile_moderator(PAINTING), text, user="李阿姨")
    assert v.label != Label.AD and v.action not in ACTED, v.reason
    assert not any(s["name"] in ("banned", "banned_deal") for s in v.checks["signals"]), v.reason
