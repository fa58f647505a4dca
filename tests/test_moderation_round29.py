"""Round 29 (issue 17, fourth QA): reply bait without a contact, the group's own event named by its event and
not by its subject, put-downs without swear words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Moderator
from copilot.moderation.labels import ACTED

BADMINTON = """
name: 滨江羽毛球约球群
positioning: 滨江羽毛球爱好者约球、交流技术和装备，每周六晚上组织一次AA约球
topics: [羽毛球, 球拍, 步法, 双打]
audience: 羽毛球爱好者
events:
  - {title: 周六晚AA约球, kind: 线下活动, cadence: 每周六, details: 每人场地费35元，到场交现金}
"""


@pytest.mark.parametrize("text", [
    "想要原厂羽毛球拍员工价的扣1，我私你",
    "低价球馆年卡，想要的评论区扣1，私你",
    "想领免费羽毛球的回复“要”，数量有限",
    "👇👇👇想要同款球拍的看我朋友圈",
])
def test_reply_bait_without_a_contact_is_an_ad(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(BADMINTON).moderate({"id": "1", "user": "m1", "text": text})
    assert v.label == "ad", v.reason
    assert "本群活动" not in v.reason


@pytest.mark.parametrize("text", [
    "这周六约球还有位置吗，想去的扣1",
    "明晚临时加场，想打的扣1",
    "周六晚AA约球开始接龙，想来的扣1，场地费到场交",
])
def test_a_plain_sign_up_by_reply_stays_ok(profile_moderator: Callable[[str], Moderator], text: str) -> None:
    v = profile_moderator(BADMINTON).moderate({"id": "2", "user": "m2", "text": text})
    assert v.label == "ok", v.reason
    assert v.action not in ACTED


SUBJECT_TITLED = BADMINTON.replace("周六晚AA约球", "周六羽毛球局")


def test_the_groups_subject_in_an_event_title_does_not_make_an_offer_its_event(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(SUBJECT_TITLED).moderate({"id": "3", "user": "m3", "text": "想要正品羽毛球内部价的扣1，私你报名"})
    assert v.label == "ad", v.reason
    assert "本群活动" not in v.reason


@pytest.mark.parametrize("text", [
    "拿个破拍子还好意思来约球，拖后腿",
    "看了两个视频也来群里装懂，真是可笑",
])
def test_a_put_down_without_swear_words_goes_to_abuse_review(profile_moderator: Callable[[str], Moderator],
                                                            text: str) -> None:
    v = profile_moderator(BADMINTON).moderate({"id": "4", "user": "m4", "text": text})
    assert v.label == "abuse", v.reason
    assert "闲聊" not in v.reason
    assert v.action == "review"


@pytest.mark.parametrize("text", [
    "我怕我拖后腿，还是先练练再来双打",
    "我水平一般，还好意思报名双打吗哈哈",
    "新手别怕拖后腿，大家都是这么过来的",
])
def test_self_doubt_with_the_same_words_is_no_put_down(profile_moderator: Callable[[str], Moderator],
                                                       text: str) -> None:
    v = profile_moderator(BADMINTON).moderate({"id": "5", "user": "m5", "text": text})
    assert v.label == "ok", v.reason


RIDES = """
name: 苏州周末骑行群
positioning: 苏州骑友交流公路车骑行路线、车辆保养，每月组织一次环太湖长途骑行
topics: [骑行, 公路车, 骑行路线, 保养]
audience: 骑行爱好者
events:
  - {title: 月度环湖骑, kind: 线下活动, cadence: 每月一次, details: 茶水费每人20元，建议带对讲机和头灯，跟收尾车队走}
"""


def test_a_thing_the_events_own_text_names_is_on_topic(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RIDES).moderate({"id": "6", "user": "m6", "text": "没有对讲机的话能跟上收尾车队吗"})
    assert v.label == "ok", v.reason


def test_an_everyday_word_of_the_events_text_does_not_make_chatter_on_topic(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(RIDES).moderate({"id": "7", "user": "m7", "text": "有人一起拼车回老家吗，过年那几天"})
    assert v.label == "off_topic", v.reason


def test_the_word_link_is_not_a_sales_word(profile_moderator: Callable[[str], Moderator]) -> None:
    v = profile_moderator(BADMINTON).moderate(
        {"id": "8", "user": "m8", "text": "京东上这款护膝79块，链接发群里了 https://item.jd.com/1234.html 打球膝盖不好的可以看看"})
    assert "推销类用语" not in v.reason
    assert v.action not in ACTED
