"""Round 54, d17c54 (issue 17): the QA's missed ads and spam. A mobile number whose digit groups are set apart by spaced
dashes, dots or slashes (0912 - 345 - 678, 0 9 1 2 - 3 4 5 - 6 7 8); a red packet or money begged for oneself (求个红包,
可以給我點 LINE Pay 紅包嗎) and a like asked for a contest entry (摄影大赛的第7号作品); WeChat named for its colour
(绿色聊天软件). Groups and messages written for these tests (a Tainan baby-goods swap on LINE, a Hangzhou student photo
club on QQ)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.normalise import normalise
from copilot.moderation.signals import foreign_mobiles, landlines, patterns

SWAP = """
name: 台南寶寶用品交換群
positioning: 台南的爸媽交換、轉讓寶寶用品，分享育兒心得和好去處
topics: [嬰兒車, 汽座, 副食品, 育兒, 二手, 交換]
audience: 台南的新手爸媽
platform: line
script: zh-Hant
"""

PHOTO = """
name: 杭电摄影社交流群
positioning: 杭州电子科技大学摄影社的社员交流群，分享作品、器材心得，组织外拍和讲座
topics: [摄影, 外拍, 器材, 后期, 人像, 风光]
audience: 杭电在校学生摄影爱好者
platform: qq
"""

Judge = Callable[[str, str], Verdict]


# --- 1. a number's digit groups set apart by spaced separators ------------------------------------------------------

@pytest.mark.parametrize("written", ["0912 - 345 - 678", "0 9 1 2 - 3 4 5 - 6 7 8", "0912.345.678", "0912/345/678",
                                     "0912-345-678", "0912 345 678"])
def test_a_taiwan_mobile_is_found_however_its_groups_are_set_apart(written: str) -> None:
    assert [m.group(0) for m in foreign_mobiles(f"意者請洽 {written} 謝謝")] == [written]


@pytest.mark.parametrize("text", ["昨天比賽 2 - 1 贏了", "營業時間 10 - 12 點", "預算 6000 - 8000", "日期 2026 - 12 - 04 開會",
                                  "活動 01.12-03.15 10點開始", "好友碼 4821 - 9930 - 1176 歡迎互加", "比分 3 - 2 - 1"])
def test_scores_times_dates_and_ranges_are_no_mobile(text: str) -> None:
    folded = normalise(text).folded
    assert foreign_mobiles(folded) == [] and landlines(folded) == []


def test_a_landline_with_spaced_dashes_is_found() -> None:
    assert [m.group(0) for m in landlines("工厂直销 电话 020 - 8333 1234")] == ["020 - 8333 1234"]
    assert patterns().landline.findall("电话 020-83331234") == ["020-83331234"]


@pytest.mark.parametrize("number", ["0912 - 345 - 678", "0 9 1 2 - 3 4 5 - 6 7 8"])
def test_a_factory_ad_with_a_spaced_taiwan_mobile_is_removed(judge: Judge, number: str) -> None:
    v = judge(SWAP, f"全新雙向嬰兒推車 工廠直營 原價9000 現在只要2800 數量有限 請洽 {number}")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "0912-345****" in v.reason  # shown as its groups, the last digits hidden, however it was spaced


def test_a_member_s_spaced_number_for_a_handover_is_left_alone(judge: Judge) -> None:
    v = judge(SWAP, "週六下午在東區公園交換汽座，找不到我的話打 0912 - 345 - 678")
    assert v.action not in ("delete", "warn", "mute", "kick"), v.reason


@pytest.mark.parametrize("text", ["上週親子運動會我們班 2 - 1 贏了", "週末市集 10 - 12 點開，有賣副食品餐具"])
def test_a_score_or_opening_hours_stay_fine(judge: Judge, text: str) -> None:
    assert judge(SWAP, text).label == "ok"


# --- 2. a red packet, money or a like begged for oneself -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "求个红包，抢到的手气最佳发下一个",
    "有人可以给我点红包吗，这个月吃土了",
    "谁能转我 50 块应应急，下周就还",
])
def test_a_red_packet_or_money_begged_in_simplified_is_spam(judge: Judge, text: str) -> None:
    v = judge(PHOTO, text)
    assert v.label == "spam" and v.action in ("remind", "delete"), v.reason


@pytest.mark.parametrize("text", ["有人可以給我點 LINE Pay 紅包嗎 今天好窮", "求個紅包，搶到手氣最佳的發下一個"])
def test_a_red_packet_begged_in_traditional_is_spam(judge: Judge, text: str) -> None:
    v = judge(SWAP, text)
    assert v.label == "spam" and v.action in ("remind", "delete"), v.reason
    assert "討紅包" in v.reason  # the reason says what it is, in the group's script


@pytest.mark.parametrize("text", [
    "谢谢老板的红包，新年快乐",
    "给我点时间，红包晚上发",
    "老板给我发的红包收到了，谢谢",
    "这次影展的投票结果出来了，周六去西湖外拍",
    "这个修图工具是绿色软件，解压就能用",
])
def test_thanks_a_delay_and_a_result_beg_for_nothing(judge: Judge, text: str) -> None:
    v = judge(PHOTO, text)  # (chatter is another layer's question: here only that nothing is begged or sold)
    assert v.label not in ("spam", "ad"), v.reason


@pytest.mark.parametrize("text", ["帮忙点个赞吧，我在参加校园摄影大赛，第7号作品，谢谢大家！",
                                  "拜託幫我按個讚，我在參加校園攝影大賽，12號作品就是我，謝謝大家"])
def test_a_like_asked_for_a_contest_entry_is_canvassing(judge: Judge, text: str) -> None:
    v = judge(PHOTO, text)
    assert v.label == "spam" and v.action in ("remind", "delete"), v.reason
    assert "没有比赛投票" not in v.reason  # it is one


def test_a_member_s_own_photos_with_likes_asked_in_passing_stay_fine(judge: Judge) -> None:
    v = judge(PHOTO, "我在西溪湿地拍的这组照片上传了，谢谢大家点赞")
    assert v.label == "ok", v.reason


# --- 3. WeChat named for its colour ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["加我绿色聊天软件 lens_666", "镜头出清，要的加我绿色软件 lens_666"])
def test_wechat_named_for_its_colour_with_a_handle_is_a_contact(judge: Judge, text: str) -> None:
    v = judge(PHOTO, text)
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "lens_666" in v.reason


def test_wechat_named_for_its_colour_in_traditional_is_a_contact(judge: Judge) -> None:
    v = judge(SWAP, "二手汽座要的加我綠色聊天軟體 babygo_88")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "babygo_88" in v.reason


@pytest.mark.parametrize("text", ["我给大家发个红包，庆祝宝宝满月", "我給大家發個紅包，慶祝寶寶滿月"])
def test_a_member_s_own_red_packet_for_a_celebration_demands_none(judge: Judge, text: str) -> None:
    v = judge(PHOTO, text)
    assert v.label != "spam", v.reason


def test_asking_the_others_to_send_one_to_celebrate_is_still_a_demand(judge: Judge) -> None:
    v = judge(PHOTO, "今天我生日，大家发个红包庆祝一下嘛")
    assert v.label == "spam", v.reason
