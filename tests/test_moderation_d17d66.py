"""Round 66, d17d66 (issue 17, qa17r50): a post of a kind the profile allows (a job post where it says 允许…发招聘) that
leaves a phone number is reviewed, never deleted, while job ads it does not excuse (日结, 刷单, a WeChat handle, a fee)
are still deleted; a shopping app's search box said by a member who bought the thing (淘宝搜…我买过) is advice, not a
seller's pointer; a rumour's call to pass it on without 转发 (请转告身边所有人) is a chain letter. Groups and messages
written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from copilot.moderation import Verdict

GROOMERS = """
name: 宠物美容师同行交流群
positioning: 本地宠物美容师的同行交流群，交流修剪造型、洗护技术、工具和行情；允许同行转让自己的工具、发美容师招聘
topics: [宠物美容, 修剪, 造型, 洗护, 剪刀, 吹水机, 美容桌, 行情]
audience: 宠物美容师、宠物店店员
type: 同行交流
"""

RUNNERS = """
name: 滨湖夜跑群
positioning: 滨湖公园附近的跑友约夜跑，交流配速、跑姿、装备和比赛报名
topics: [夜跑, 配速, 跑姿, 跑鞋, 马拉松, 比赛, 拉伸]
audience: 附近的跑步爱好者
"""

AQUARIUM = """
name: 草缸造景交流群
positioning: 草缸造景爱好者交流水草、灯具、二氧化碳和底床，分享自己的缸
topics: [草缸, 水草, 造景, 灯具, 二氧化碳, 底床, 过滤, 鱼缸]
audience: 水族和草缸爱好者
"""

ALLOWED_JOB = "宠物店招美容师一名，会泰迪造型和贵宾修剪，月薪七千加提成，有意者联系 139 2468 1357 张店长"


def test_an_allowed_job_post_with_a_phone_is_reviewed_not_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(GROOMERS, ALLOWED_JOB)
    assert v.action == "review"
    assert "群档案允许" in v.reason and "不删除" in v.reason


def test_the_employer_voice_of_an_allowed_job_post_is_not_a_seller_word(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(GROOMERS, "我们店招一个洗护助理，包吃住，带你学剪毛，感兴趣的打电话 137 1122 3344")
    assert v.action == "review"


def test_job_ads_the_profile_does_not_excuse_are_still_deleted(judge: Callable[[str, str], Verdict]) -> None:
    for text in ("招聘日结兼职，在家手机就能做，一天三百，有意者联系 138 4455 6677",
                 "招美容师，待遇从优，详情加V：pet_hr2026，备注美容",
                 "急招学徒，包教包会，先交学费三千八，联系 135 9090 8080"):
        v = judge(GROOMERS, text)
        assert (v.label, v.action) == ("ad", "delete"), text


def test_the_same_job_post_where_the_profile_grants_no_job_posts_is_deleted(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RUNNERS, "健身房招私教一名，月薪七千加提成，有意者联系 139 2468 1357 张店长")
    assert (v.label, v.action) == ("ad", "delete")


def test_a_search_box_tip_from_a_member_who_bought_it_is_not_a_pointer(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(AQUARIUM, "淘宝搜'水草泥 黑色 9升'，就是普通的那种，我买过两次，四十来块一包")
    assert v.action in ("none", "review")
    assert "淘宝搜" not in v.reason


def test_a_shop_name_to_search_stays_a_sellers_pointer(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(AQUARIUM, "淘宝搜店铺'绿野水族'，全场八折，进店领券，我用了都说好")
    assert (v.label, v.action) == ("ad", "delete")
    assert "淘宝搜" in v.reason


def test_a_rumour_that_asks_to_tell_everyone_is_a_chain_letter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RUNNERS, "紧急通知：市里规定晚上十点以后禁止在公园跑步，被抓到一律罚款，请转告身边所有人")
    assert (v.label, v.action) == ("spam", "delete")


def test_the_groups_own_notice_to_pass_on_is_not_a_chain_letter(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(RUNNERS, "通知：周四夜跑改到八点集合，请转告没看群的跑友")
    assert v.label == "ok"
