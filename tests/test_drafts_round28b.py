"""Round 28b: who a group is for is not a rule for getting in (an open QQ club for students still gets its
public QQ空间 post), regional spellings of one word are matched as one (瑜珈 is 瑜伽), and what members
drink or eat is not "used" (no 用法 for a wine shop). Profiles written for these tests."""

from __future__ import annotations

import datetime as dt

from copilot.agents import draft
from copilot.agents.compose import business_classes
from copilot.agents.facts import topic_verb, word_kind
from copilot.agents.topics import domains
from copilot.profile import profile_from_data
from copilot.textnorm import fold, has_word

# an open QQ board-game club whose audience names students ("在读研究生"): anyone who answers the question joins
BOARD = {"name": "南京桌游同好会", "type": "兴趣型", "platform": "QQ群", "locality": "南京·仙林",
         "positioning": "仙林大学城一带喜欢德式桌游的朋友约局、交流规则", "topics": ["桌游", "德式策略"],
         "audience": "仙林在读研究生和刚工作的年轻人", "threshold": "回答入群问题（最喜欢的桌游）后通过",
         "events": [{"title": "周六桌游局", "kind": "线下活动", "cadence": "每周六", "time": "14:00", "place": "仙林桌游吧"}]}
# a Taipei yoga club written with the Taiwan spelling 瑜珈
YOGA = {"name": "大安午休瑜珈會", "type": "興趣型", "platform": "LINE", "script": "zh-Hant", "locality": "台北·大安",
        "positioning": "大安區上班族午休時間一起做瑜珈、伸展肩頸", "topics": ["瑜珈", "肩頸伸展"],
        "audience": "在大安區上班、久坐的上班族",
        "events": [{"title": "週三午休瑜珈", "kind": "線下活動", "cadence": "每週三", "time": "12:20", "place": "大安森林公園"}]}
# a Ningxia winery's member group: its wines are drunk, not used
WINE = {"name": "贺兰山麓酒庄会员群", "type": "品牌型", "brand": "贺兰山麓酒庄", "platform": "微信", "locality": "银川·西夏区",
        "positioning": "贺兰山麓酒庄的会员群，新年份酒上市通知、会员价和酒庄开放日", "topics": ["葡萄酒", "干红", "起泡酒"],
        "audience": "在酒庄或小程序买过酒的会员", "threshold": "购酒后由客服邀请入群",
        "purchase_path": "小程序「贺兰山麓酒庄」下单，快递到家",
        "products": [{"name": "赤霞珠干红", "price": 168, "unit": "瓶"}, {"name": "霞多丽起泡酒", "price": 138, "unit": "瓶"}],
        "events": [{"title": "酒庄开放日", "kind": "线下活动", "cadence": "每月第二个周六", "time": "14:00", "place": "贺兰山麓酒庄品鉴厅"}],
        "banned": ["劝酒", "酒驾"]}

START = dt.date(2026, 12, 7)


def _texts(result) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(d.get("title", "") + "\n" + (d.get("text") or d.get("opening") or "") for d in result.drafts)


def test_an_audience_naming_students_does_not_make_an_open_club_private(offline):
    result = draft("copy", profile_from_data(BOARD), offline, kind="moments", start=START)
    text = _texts(result)
    assert "私发" not in text and "核对" not in text, text  # a public post that says how to join
    assert "QQ空间招募" in text and "朋友圈" not in text  # a QQ group posts in QQ空间
    assert "仙林在读研究生" in text  # whom it suits is still said
    # the same club whose entry rule says only this cohort may join: a private invitation, named for QQ空间
    cohort = profile_from_data({**BOARD, "threshold": "只限本期在读的桌游社团成员，由社长拉进群"})
    result = draft("copy", cohort, offline, kind="moments", start=START)
    assert all("私发" in d["title"] for d in result.drafts) and "不发QQ空间" in result.drafts[0]["title"], _texts(result)
    assert "朋友圈" not in (result.notice or "") and "QQ空间" in (result.notice or "")


def test_regional_spellings_of_one_word_are_matched_as_one():
    assert fold("瑜珈") == fold("瑜伽") and fold("週末") == fold("周末") and fold("烏克麗麗") == fold("尤克里里")
    assert len(fold("妳去做瑜珈嗎")) == len("妳去做瑜珈嗎")  # positions in the folded text stay the original's
    assert word_kind("瑜珈") == word_kind("瑜伽") == "activity"
    assert has_word("每週一起做瑜珈", "瑜伽")
    assert "瑜伽" in fold(" ".join(c for d in domains(profile_from_data(YOGA)) for c in d["cues"]))
    assert fold("咖哩饭") == fold("咖喱饭") and fold("身分证") == fold("身份证")


def test_a_taiwan_yoga_club_gets_yoga_posts(offline):
    result = draft("topics", profile_from_data(YOGA), offline, days=14, start=START)
    free = [d for d in result.drafts if not d.get("event")]
    assert free, _texts(result)
    assert sum("瑜珈" in (d["title"] + d["opening"]) for d in free) >= 2, _texts(result)
    assert not any("瑜伽" in d["opening"] for d in result.drafts)  # the operator's own spelling is kept


def test_drinks_take_drinking_verbs_not_using_ones(offline):
    assert topic_verb("双倍IPA", "吃") == topic_verb("帝国世涛", "吃") == topic_verb("起泡酒", "吃") == "喝"
    assert topic_verb("酒花", "吃") == "吃" and topic_verb("面包", "吃") == "吃"  # an ingredient, a food
    wine = profile_from_data(WINE)
    texts = "\n".join(_texts(draft(kind, wine, offline, **extra))
                      for kind, extra in (("welcome", {}), ("rules", {}), ("topics", {"days": 14, "start": START})))
    for used in ("用过", "怎么用", "用法", "使用心得", "小时候最爱吃"):
        assert used not in texts, used
    assert "food" in business_classes(wine)  # what is drunk or eaten: the food phrasing (口味, 搭配, 尝过)
    # a shop selling things members use is no food business and is never asked what they tasted
    kettle = profile_from_data({**WINE, "name": "青禾茶具会员群", "brand": "青禾茶具", "topics": ["茶具", "紫砂壶"],
                                "positioning": "青禾茶具的会员群，新品通知和会员价", "banned": [], "audience": "买过茶具的会员",
                                "purchase_path": "小程序「青禾茶具」下单", "events": [],
                                "products": [{"name": "朱泥紫砂壶", "price": 380, "unit": "把"}]})
    assert "food" not in business_classes(kettle)
    assert "尝过" not in _texts(draft("welcome", kettle, offline))


# a weekly online sketching course for beginners, four dated weeks
SKETCH = {"name": "零基础速写打卡群", "type": "学习型", "platform": "微信",
          "positioning": "零基础成年人一起在线学速写，每周一节直播课，平时打卡交作业", "topics": ["速写", "线条", "透视"],
          "audience": "想学画画但没基础的成年人",
          "events": [{"title": "新手速写课", "kind": "课程", "cadence": "每周四", "time": "20:00", "place": "腾讯会议", "host": "阿木老师",
                      "details": "2026-11-05开课；第1周 线条练习；第2周 一点透视；第3周 两点透视；第4周 人物动态"}]}


def test_course_posts_follow_its_weeks(offline):
    result = draft("topics", profile_from_data(SKETCH), offline, days=14, start=dt.date(2026, 11, 23))
    by_date = {d["date"]: d["title"] + d["opening"] for d in result.drafts}
    # week 4 is 11-26: the eve post does not greet first-timers; after the last week no post asks about "昨天的课"
    assert not any("第一次来" in t or "还没上过课" in t for t in by_date.values()), by_date
    after_end = [t for day, t in by_date.items() if day > "2026-11-26" and "速写课" in t]
    assert all("已经结课" in t for t in after_end), after_end
    assert not any(t.startswith("昨天") or "昨天的新手速写课" in t for day, t in by_date.items() if day >= "2026-12-04"), by_date
    # the first week still welcomes first-timers' questions when the eve post is about class
    first = draft("topics", profile_from_data(SKETCH), offline, days=7, start=dt.date(2026, 11, 2))
    assert not any("上次课" in d["opening"] for d in first.drafts), [d["opening"] for d in first.drafts]
    assert "各位成年人" not in _texts(result)


def test_a_tasting_in_a_group_that_bans_drink_driving_reminds_not_to_drive(offline):
    wine = profile_from_data(WINE)  # bans 酒驾; its open day is at the winery's tasting room
    text = draft("copy", wine, offline, kind="activity", start=START).drafts[0]["text"]
    assert "不开车" in text, text
    sober = profile_from_data({**WINE, "banned": ["劝酒"]})  # no drink-driving ban: no reminder is made up
    assert "不开车" not in draft("copy", sober, offline, kind="activity", start=START).drafts[0]["text"]
    hike = profile_from_data({**BOARD, "banned": ["酒驾"]})  # a board-game afternoon is no drinking event
    assert "不开车" not in draft("copy", hike, offline, kind="activity", start=START).drafts[0]["text"]
