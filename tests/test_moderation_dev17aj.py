"""Round 38, dev17aj (issue 17): abuse said in Cantonese (the abuse layer reads Cantonese words in their Mandarin form)
and a put-down of an unnamed member by the role they take in the group (有些人…还天天教新人). Groups and messages
written for these tests (a Cantonese opera circle, a stargazing club, a climbing gym's members)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.signals import in_mandarin, someone_put_down

OPERA = """
name: 西关粤曲私伙局
positioning: 街坊票友每周聚埋唱粤曲、拍和，交流唱腔、板腔同埋演出消息
topics: [粤曲, 粤剧, 私伙局, 唱腔, 拍和]
audience: 广州街坊票友
"""

STARS = """
name: 城郊观星小组
positioning: 业余天文爱好者约观测、交流器材和深空摄影后期
topics: [观星, 深空摄影, 赤道仪, 望远镜, 后期]
audience: 天文爱好者
"""

CLIMBING = """
name: 岩馆会员群
positioning: 岩馆会员约攀、交流线路和训练方法
topics: [攀岩, 抱石, 线路, 训练]
audience: 岩馆会员
"""


def test_cantonese_words_are_read_in_their_mandarin_form() -> None:
    assert in_mandarin("唱成咁都敢上台") == "唱成这样都敢上台"
    assert "没脑子" in in_mandarin("冇脑都唔好出声")
    assert "知不知羞" in in_mandarin("识唔识丑")
    assert in_mandarin("劳动仲裁的材料交了吗") == "劳动仲裁的材料交了吗"  # a Mandarin word keeps its 仲
    assert in_mandarin("周六活动改到下午三点") == "周六活动改到下午三点"


@pytest.mark.parametrize("text", [
    "拉成咁都敢出嚟拍和，唔怕俾人笑咩",
    "你冇脑㗎？讲咗几次都唔明",
    "收声啦你，冇人想听你讲嘢",
    "把声难听到死，识唔识丑㗎你",
])
def test_a_cantonese_put_down_is_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(OPERA, text)
    assert v.label == "abuse", v.reason


@pytest.mark.parametrize("text", [
    "今日唱得唔错，不过第二段慢板可以再慢少少",
    "我把声今日有啲沙，唔好意思，下次再嚟过",
    "星期六私伙局改咗两点半开始，大家唔好嚟早",
    "嗰间茶楼啲点心越嚟越难食，下次唔好约喺度啦",
])
def test_cantonese_critique_news_and_complaints_are_not_abuse(judge: Callable[[str, str], Verdict], text: str) -> None:
    assert judge(OPERA, text).label != "abuse"


def test_a_quoted_cantonese_insult_in_a_story_is_not_the_writer_s() -> None:
    from copilot.moderation.pipeline import quick_label

    assert quick_label('今日喺街市俾个阿伯闹"死老嘢行开啲"，原来系同乡') != "abuse"


def test_the_form_of_a_role_put_down() -> None:
    for text in ("有些人连赤道仪都不会调还天天在群里指导别人", "有的人拍了两年还分不清星云和星系，还好意思当管理",
                 "某些人自己都爬不上五级还到处教新人"):
        assert someone_put_down().search(text), text
    for text in ("有些人可能还不知道，周六的观测改到东门集合", "有的人说新版固件会掉图传，有没有人遇到过",
                 "有些同学抱石的时候太用力，可以放松一点", "有些人还没交会费，记得找管理"):
        assert not someone_put_down().search(text), text


@pytest.mark.parametrize(("group", "text"), [
    (STARS, "有些人连极轴都对不准还天天教新人，误人子弟"),
    (STARS, "有些人拍的图全是噪点，也好意思当版主"),
    (CLIMBING, "某些人自己连五级都爬不上还到处教新人发力，真是可笑"),
    (OPERA, "有啲人连板眼都唔识，仲成日教新人唱"),
])
def test_running_down_an_unnamed_member_s_role_is_abuse(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "abuse", v.reason


@pytest.mark.parametrize(("group", "text"), [
    (STARS, "有些人可能还不知道，周六的观测活动改到水库东门集合了"),
    (STARS, "上次那个俱乐部组织的观星营太坑了，收了三百块连个望远镜都没有"),
    (CLIMBING, "岩馆的新线路定级太虚了，标五级的比六级还难"),
    (CLIMBING, "有的人反映镁粉不够用，能不能多备一桶？"),
])
def test_complaints_about_a_club_and_talk_about_some_members_stay_ok(judge: Callable[[str, str], Verdict], group: str,
                                                                     text: str) -> None:
    v = judge(group, text)
    assert v.label != "abuse", v.reason
    assert v.action not in ("delete", "warn", "mute", "kick")
