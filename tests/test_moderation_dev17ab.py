"""Round 36b, dev17ab (issue 17, item 3): everyday life news that nothing ties to the group is off-topic by the
chatter model's reading of the whole message, while the members' own talk with everyday words or group jargon is not.

The chatter model was retrained with more life news (family milestones, prices, exams, phones, health, weather, work)
as chatter and on-topic lines of many group kinds (their jargon, their own shops and outings) as negatives.
Groups and messages written for these tests: a kite-flying club, a pottery studio's students, a drone-photography
group and a pour-over coffee circle."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from copilot.moderation import Verdict
from copilot.moderation.classifier import load_chatter_model
from copilot.paths import RESOURCES_DIR

KITE = """
name: 江滩风筝放飞群
positioning: 风筝爱好者交流放飞技巧、自制风筝和周末江滩放飞活动
topics: [风筝, 放飞, 扎风筝, 线轮]
audience: 风筝爱好者
"""

POTTERY = """
name: 泥巴陶艺工作室学员群
positioning: 陶艺工作室学员交流拉坯、修坯、上釉和烧窑，预约上课时间
topics: [陶艺, 拉坯, 修坯, 上釉, 烧窑]
audience: 陶艺学员
"""

DRONE = """
name: 无人机航拍交流群
positioning: 航拍爱好者交流无人机飞行技巧、航拍构图、后期调色和禁飞区规定
topics: [无人机, 航拍, 构图, 调色, 禁飞区]
audience: 航拍爱好者
"""

COFFEE = """
name: 手冲咖啡同好群
positioning: 手冲咖啡爱好者交流豆子、研磨度、水温和冲煮参数
topics: [手冲, 咖啡豆, 研磨, 冲煮]
audience: 咖啡爱好者
"""


# -- life news nothing ties to the group --------------------------------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (DRONE, "今天期末物理考砸了 哭死"),            # an exam (the old model read it as a member's own talk)
    (KITE, "这次月考排名又掉了十几名 愁"),          # a child's ranking
    (KITE, "我家孙女考上研究生了 请大家喝喜酒"),    # a family milestone
    (POTTERY, "闺女下个月出嫁 最近忙着置办嫁妆"),
    (DRONE, "超市的鸡蛋又涨了 一板二十五"),         # prices
    (POTTERY, "物价涨得太快了 工资不涨"),
    (POTTERY, "手机用了三年 卡得不行"),             # phones
    (DRONE, "今天体检 尿酸又高了"),                 # health
    (POTTERY, "昨晚发烧到三十九度 今天请假了"),
    (COFFEE, "我家猫今天吐了一地毛球"),             # a pet in a group about something else
    (COFFEE, "这两天降温太猛了 大家注意保暖"),      # weather as chat
    (DRONE, "公司又要加班 周末泡汤了"),             # work
])
def test_life_news_nothing_ties_to_the_group_is_off_topic(judge: Callable[[str, str], Verdict], group: str,
                                                          text: str) -> None:
    v = judge(group, text)
    assert v.label == "off_topic", v.reason
    assert v.action in ("review", "remind"), v.reason


# -- the members' own talk with everyday words or jargon ----------------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (KITE, "今天江滩风大 我那只老鹰飞到三百米了"),
    (KITE, "周六江滩放飞 记得带手套 线割手"),
    (POTTERY, "今天拉坯拉塌了三个 泥巴太软了"),
    (POTTERY, "周四晚上的课还有位置吗 下班赶过来"),      # 下班 is everyday, the class is the group's
    (POTTERY, "上次烧的杯子釉面起泡了 是不是上釉太厚"),
    (DRONE, "新买的ND镜拍日落效果不错"),
    (COFFEE, "磨豆机刻度调到几 出来的粉比较均匀"),
])
def test_on_topic_talk_with_everyday_words_stays_ok(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_the_model_ranks_life_news_above_group_talk() -> None:
    model = load_chatter_model()
    life = ["外甥今天拿到驾照了 非要开车带我兜风", "楼下菜场的排骨一斤涨了八块", "单位体检查出甲状腺结节 有点慌",
            "孙子这学期期末考了全班倒数"]
    group = ["陶泥练了一下午 终于把坯拉正了", "风筝线轮的刹车有点松 怎么调", "无人机返航的时候图传卡了一下",
             "这支豆子磨细一点 萃取时间两分半"]
    assert min(model.score(t) for t in life) > 0.6
    assert max(model.score(t) for t in group) < 0.5


@pytest.mark.parametrize("text", ["", "   ", "😂😂😂", "。。。"])
def test_empty_or_emoji_only_messages_are_not_off_topic(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(KITE, text)
    assert v.label != "off_topic", v.reason
    assert v.action in ("none", "review"), v.reason


def test_the_corpus_lines_are_well_formed_and_unique() -> None:
    rows = [json.loads(x) for x in (RESOURCES_DIR / "moderation" / "chatter.jsonl").read_text(encoding="utf-8").splitlines()
            if x.strip()]
    assert all(set(r) == {"text", "label", "group", "kind"} and r["label"] in ("chatter", "group") for r in rows)
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts))
    news = [r for r in rows if r["kind"] == "life_news"]
    assert len(news) >= 100 and all(r["label"] == "chatter" for r in news)
    # no life news is filed under a group where its domain would be the subject (prices in a group-buying group)
    assert not [r for r in news if r["group"] == "小区团购群" and "一斤" in r["text"]]
    assert not [r for r in news if r["group"] == "宠物领养救助群" and ("猫" in r["text"] or "狗" in r["text"])]


# round 63 (d17b63): 菜市场 is a chatter word now (lexicons.yaml), the group-buying groups keep it by their context
def test_a_market_price_in_a_pottery_group_is_off_topic(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(POTTERY, "今天菜市场羊肉又涨价了 38一斤").label == "off_topic"
