"""Round 76, d17d76 (issue 17, a group's own subject in its own words): relevance read the profile's topics and
positioning literally, so a driver asking whether an elevated road is closed tonight, a fan selling on a theatre ticket
or a hairdresser asking about clippers was "chatter" to it. The vocabulary of a trade or an art now comes from
domains.yaml when the profile's own text cues it (``road_transport`` cued by 司机/网约车/货车/路况, ``hairdressing`` by
美发/理发, the venue and show words of ``opera``). Chatter in the same groups stays off-topic, and a group whose
profile cues none of these domains does not take their words. Groups and messages written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator, Verdict
from copilot.moderation.labels import Label
from copilot.moderation.offtopic import field_words
from copilot.textnorm import fold

RIDE_HAILING = """
name: 武汉网约车夜班司机群
positioning: 武汉跑夜班的网约车司机交流路况、平台派单规则和车辆保养，互相提醒安全
topics: [网约车, 夜班, 派单, 路况]
audience: 武汉跑网约车的司机
platform: wechat
"""

YUEJU = """
name: 杭州越剧爱好者群
positioning: 喜欢越剧的朋友交流唱腔和流派，分享演出，约着去看
topics: [越剧, 唱腔, 流派]
audience: 杭州的越剧爱好者
platform: wechat
"""

SALON = """
name: 南京理发师傅交流群
positioning: 南京的理发师傅交流手艺和开店经验
topics: [理发, 手艺, 开店]
audience: 南京的理发从业者
platform: wechat
"""

KNITTING = """
name: 成都棒针编织群
positioning: 喜欢棒针的朋友交流毛衣和围巾的织法，分享图解，晒作品
topics: [棒针, 毛衣, 图解]
audience: 成都的编织爱好者
platform: wechat
"""

T0 = 1_767_225_600.0


def _one(moderator: Moderator, text: str) -> Verdict:
    return moderator.moderate({"id": "only", "user": "member", "text": text, "ts": T0})


# each of these was sent to an admin as off-topic before the trade's words counted
@pytest.mark.parametrize("profile, text", [
    (RIDE_HAILING, "绕城高速那个匝道还在修吗"),
    (RIDE_HAILING, "机场高速今晚堵不堵"),
    (YUEJU, "红星那个戏院座位太挤了，下次买二楼的"),
    (SALON, "新买的电推推渐变老是卡发，是不是刀头要上油"),
    (SALON, "油头推得不干净，是推子的问题吗"),
])
def test_the_groups_subject_in_its_members_words_is_on_topic(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _one(profile_moderator(profile), text)
    assert v.label == Label.OK, v.reason


@pytest.mark.parametrize("profile, text", [
    (RIDE_HAILING, "今晚欧冠决赛谁赢，我押了皇马"),
    (RIDE_HAILING, "最近那部电视剧太好看了，明星演技炸裂"),
    (YUEJU, "股票今天又跌了，基金全绿"),
    (YUEJU, "最近外卖越来越贵了，一份饭三十几"),
    (SALON, "房价又涨了，买房压力好大"),
    (SALON, "今晚欧冠谁赢，我押了皇马"),
    # the same road and tool words in a group whose profile cues no such trade
    (KNITTING, "机场高速今晚堵不堵"),
    (KNITTING, "油头推得不干净，是推子的问题吗"),
])
def test_chatter_in_the_same_groups_stays_off_topic(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _one(profile_moderator(profile), text)
    assert v.label == Label.OFF_TOPIC, v.reason


def test_the_trade_words_come_only_with_a_profile_that_cues_them() -> None:
    assert {"收费站", "封路", "过磅"} <= field_words(fold(RIDE_HAILING + "货车"))
    assert {"戏院", "老倌", "票价"} <= field_words(fold(YUEJU))
    assert {"推子", "药水", "渐变"} <= field_words(fold(SALON))
    knitting = field_words(fold(KNITTING))
    assert not knitting & {"收费站", "封路", "戏院", "票价", "推子", "药水"}
