"""Round 27: classes a fresh operator found on six new profiles — names that say who only part of the
members are, a year-long paid circle named like a short camp, names standing on a side word, and a
class notice that sends members to a 教室 on a lawn. Profiles written for these tests."""

from __future__ import annotations

import datetime as dt

from copilot.agents import compose as C
from copilot.agents import draft
from copilot.agents.events import _closings, bank
from copilot.agents.topics import _FreeTopics
from copilot.knowledge.checks import failures
from copilot.knowledge.rules import load_rules
from copilot.paths import KNOWLEDGE_DIR
from copilot.profile import profile_from_data

D = dt.date

# a resin-figure painters' group whose members are students and office workers alike
FIGURES = {"name": "", "type": "兴趣型", "platform": "QQ群",
           "positioning": "树脂手办和GK白模的涂装交流，新手老手都欢迎",
           "audience": "做GK白模涂装的模友，学生和上班族都有",
           "topics": ["GK手办", "喷涂", "旧化", "打磨"]}
# a paid, year-long circle of small-shop owners who do a weekly check-in
OWNERS = {"name": "小店主年度圈", "type": "知识型", "platform": "微信",
          "positioning": "给开实体小店的店主一年陪跑：选址、进货、会员复购",
          "audience": "开小店一到三年的店主，多数是夫妻店，也有少数连锁加盟",
          "topics": ["实体店经营", "会员复购", "进货"], "paid": {"price": 899, "term": "年"},
          "events": [{"title": "每周经营打卡", "kind": "打卡", "cadence": "每周一", "time": "21:00", "place": "群内"}]}


def _names(data, offline):
    result = draft("name", profile_from_data(data), offline)
    assert not failures(result.checks, include_warn=False), [c.reason for c in failures(result.checks)]
    return [d["name"] for d in result.drafts]


def test_an_audience_word_for_only_part_of_the_members_does_not_name_the_group(offline):
    assert C.audience_word(profile_from_data(FIGURES)) is None
    names = _names(FIGURES, offline)
    assert not any("上班族" in n or "学生" in n for n in names), names
    # a group of office workers only keeps its word
    only = {**FIGURES, "audience": "在园区上班的上班族，午休时间交流"}
    assert C.audience_word(profile_from_data(only)) == "上班族"


def test_names_stand_on_the_groups_own_subject_before_a_technique_word(offline):
    names = _names(FIGURES, offline)
    assert names and "GK手办" in names[0], names
    # a technique word (旧化, 打磨) may fill the list's tail, never lead it
    assert not any(w in n for n in names[:2] for w in ("旧化", "打磨")), names


def test_a_year_long_paid_circle_is_no_camp(offline):
    names = _names(OWNERS, offline)
    assert not any(n.endswith("营") for n in names), names
    assert any(n.endswith("圈") for n in names), names
    assert "营" in "".join(C.forms(profile_from_data({**OWNERS, "paid": None})))  # a free check-in group may be one


def test_a_class_on_a_lawn_sends_nobody_to_a_classroom(offline):
    lawn = {"name": "江滩飞盘新手课", "type": "兴趣型", "platform": "微信", "positioning": "江滩草坪上的飞盘新手课",
            "topics": ["飞盘"], "audience": "想学飞盘的年轻人",
            "events": [{"title": "周三新手课", "kind": "课程", "cadence": "每周三", "time": "19:30", "place": "江滩三号草坪",
                        "host": "教练阿凯"}]}
    result = draft("topics", profile_from_data(lawn), offline, days=7, start=D(2026, 12, 7))
    cls = [e for e in result.drafts if e.get("event") == "周三新手课"]
    assert cls and "江滩三号草坪" in cls[0]["opening"], result.drafts
    assert "教室" not in cls[0]["opening"] and "教室" not in "".join(cls[0]["steps"]), cls[0]


def test_event_reminders_go_out_before_the_start_and_early_starts_the_evening_before(offline):
    boats = {"name": "东山岛出海钓鱼群", "type": "兴趣型", "platform": "微信", "locality": "漳州·东山岛",
             "positioning": "东山岛周边约船出海海钓", "topics": ["海钓", "东山岛"], "audience": "喜欢海钓的钓友",
             "events": [{"title": "周六出海", "kind": "线下活动", "cadence": "每周六", "time": "06:30", "place": "铜陵码头"},
                        {"title": "周三钓具分享", "kind": "分享", "cadence": "每周三", "time": "20:30", "place": "群内"}]}
    result = draft("topics", profile_from_data(boats), offline, days=7, start=D(2026, 12, 7))
    by = {e.get("event"): e for e in result.drafts if e.get("event")}
    assert by["周六出海"]["time"] == "06:30" and by["周六出海"]["post_at"] == "前一天 20:00", by["周六出海"]
    assert by["周三钓具分享"]["post_at"] == "19:30", by["周三钓具分享"]



def test_a_topic_word_that_is_the_groups_locality_is_a_place():
    # 小琉球 ends like a ball game (球); the operator's locality says it is an island
    isle = profile_from_data({"name": "", "type": "兴趣型", "platform": "LINE", "locality": "屏東·小琉球",
                              "positioning": "小琉球潛水和看海龜", "topics": ["潛水", "小琉球"], "audience": "愛玩水的遊客"})
    assert _FreeTopics._classes(isle, "小琉球", ()) == {"place"}
    assert "practice" in _FreeTopics._classes(isle, "潛水", ())


def test_no_post_of_a_two_week_calendar_repeats_another(offline):
    # a tea shop with a weekly live tasting: its eve post is written once, not every week
    tea = {"name": "", "brand": "山岚茶舍", "type": "品牌型", "platform": "微信", "positioning": "山岚茶舍老茶客的会员群",
           "topics": ["岩茶", "冲泡"], "audience": "在山岚茶舍买过茶的老客",
           "events": [{"title": "周四品茶直播", "kind": "直播", "cadence": "每周四", "time": "20:00", "place": "视频号「山岚茶舍」",
                       "host": "茶师阿青", "details": "每周讲一款新到的岩茶。"}]}
    result = draft("topics", profile_from_data(tea), offline, days=14, start=D(2026, 12, 7))
    # (the event's own notices carry the operator's details every week, as they should)
    free = [e for e in result.drafts if not e.get("event")]
    assert len(free) >= 8, result.drafts
    sentences = [s.strip() for e in free for s in e["opening"].replace("？", "。").split("。") if len(s.strip()) >= 8]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert not repeated, repeated


def test_a_weekly_check_in_is_not_told_once_a_day_and_a_pool_session_needs_no_weather_plan(offline):
    swim = {"name": "", "type": "兴趣型", "platform": "微信", "positioning": "成年人学自由泳，每周一起练", "topics": ["游泳", "自由泳"],
            "audience": "想学会自由泳的上班族",
            "events": [{"title": "周日训练打卡", "kind": "打卡", "cadence": "每周日", "time": "21:00", "place": "群内",
                        "details": "发本周游了多少米。"},
                       {"title": "周三泳池课", "kind": "线下活动", "cadence": "每周三", "time": "19:00", "place": "市体育中心游泳馆",
                        "details": "自带泳帽泳镜。"}]}
    texts, needs = [], []
    for start in (D(2026, 12, 7), D(2027, 1, 4), D(2027, 3, 1)):  # several weeks: every closing variant has its turn
        result = draft("topics", profile_from_data(swim), offline, days=14, start=start)
        texts += [e["opening"] for e in result.drafts if e.get("event") == "周日训练打卡"]
        needs += [n for e in result.drafts if e.get("event") == "周三泳池课" for n in e["needs"]]
    assert texts and not any("一天一次" in t for t in texts), texts
    assert not any("天气" in n for n in needs), needs


def test_a_vote_or_check_in_is_posted_at_its_own_time_with_no_reminder_ahead(offline):
    club = {"name": "", "type": "兴趣型", "platform": "微信", "positioning": "周末一起爬山", "topics": ["登山"], "audience": "爱爬山的上班族",
            "events": [{"title": "周三路线投票", "kind": "投票", "cadence": "每周三", "time": "20:30", "place": "群内",
                        "details": "A. 梧桐山 B. 七娘山，周四中午截止。"}]}
    result = draft("topics", profile_from_data(club), offline, days=7, start=D(2026, 12, 7))
    vote = [e for e in result.drafts if e.get("event") == "周三路线投票"]
    assert vote and vote[0]["time"] == "20:30" and "post_at" not in vote[0], vote


def test_the_default_activity_notice_is_for_the_next_outing_not_the_weekly_photo_post(offline):
    birds = {"name": "", "type": "兴趣型", "platform": "微信", "positioning": "西湖边一起观鸟、拍鸟", "topics": ["观鸟", "鸟类摄影"],
             "audience": "杭州的观鸟爱好者",
             "events": [{"title": "周日晒鸟图", "kind": "晒图", "cadence": "每周日", "time": "19:00"},
                        {"title": "周三辨鸟课", "kind": "分享", "cadence": "每周三", "time": "20:00", "place": "群内"},
                        {"title": "月度湿地观鸟", "kind": "线下活动", "cadence": "每月第二个周六", "time": "07:00",
                         "place": "西溪湿地周家村入口", "signup": "群接龙"}]}
    notice = draft("copy", profile_from_data(birds), offline, kind="activity", start=D(2026, 12, 1)).drafts
    assert len(notice) == 1 and notice[0]["event"] == "月度湿地观鸟", [d["title"] for d in notice]
    # three notices: the outing, the talk, then the photo post
    three = draft("copy", profile_from_data(birds), offline, kind="activity", n=3, start=D(2026, 12, 1)).drafts
    assert {d["event"] for d in three} == {"月度湿地观鸟", "周三辨鸟课", "周日晒鸟图"}


def test_an_operators_own_post_turns_a_bare_fa_into_what_is_posted(offline):
    inn = {"name": "", "brand": "竹溪山房", "type": "品牌型", "platform": "微信", "positioning": "竹溪山房民宿老客群，发房态和淡季特价",
           "topics": ["民宿", "周末度假"], "audience": "住过竹溪山房的客人",
           "events": [{"title": "周四房态", "kind": "晨报", "cadence": "每周四", "time": "10:00", "details": "发这周末还空着的房间"}]}
    text = draft("copy", profile_from_data(inn), offline, kind="activity", start=D(2026, 12, 7)).drafts[0]["text"]
    assert "发这周末" not in text and "这周末还空着的房间" in text, text
    # in a check-in the same verb is what members do, and stays
    swim = {**inn, "events": [{"title": "周日打卡", "kind": "打卡", "cadence": "每周日", "time": "21:00", "details": "发本周游了多少米"}]}
    text = draft("copy", profile_from_data(swim), offline, kind="activity", start=D(2026, 12, 7)).drafts[0]["text"]
    assert "发本周游了多少米" in text, text


def test_a_paid_groups_posts_never_ask_members_to_pass_them_on(offline):
    circle = {"name": "", "type": "知识型", "platform": "微信", "positioning": "独立设计师接单陪跑，一年", "topics": ["接单", "报价"],
              "audience": "刚开始接私单的独立设计师", "paid": {"price": 699, "term": "年"},
              "events": [{"title": "每日接单简报", "kind": "晨报", "cadence": "每天", "time": "08:30", "details": "当天值得看的需求和报价案例"}]}
    result = draft("topics", profile_from_data(circle), offline, days=14, start=D(2026, 12, 7))
    assert not any("转给" in e["opening"] for e in result.drafts), [e["opening"] for e in result.drafts if "转" in e["opening"]]
    # the closing lines a morning post may end with: the forwarding one only where membership is free
    ev, spec, book = profile_from_data(circle).events[0], bank()["kinds"]["晨报"], load_rules(KNOWLEDGE_DIR)
    assert not any("转给" in c for c in _closings(spec, ev, book, paid=True))
    assert any("转给" in c for c in _closings(spec, ev, book, paid=False))


def test_forms_come_from_what_the_group_does_each_week_not_from_a_side_topic(offline):
    inn = {"name": "", "type": "消费型", "platform": "微信", "locality": "湖州·安吉",
           "positioning": "安吉竹林民宿的老客群，分享入住体验，发房态和周边徒步路线",
           "topics": ["民宿", "周末度假", "徒步路线"], "audience": "住过的客人"}
    forms = C.forms(profile_from_data(inn))
    assert "分享会" not in forms and "徒步队" not in forms, forms
    # a group with a weekly talk, and one whose own subject is hiking, keep those forms
    talks = {**inn, "events": [{"title": "周三住客分享", "kind": "分享", "cadence": "每周三", "time": "20:00", "place": "群内"}]}
    assert "分享会" in C.forms(profile_from_data(talks))
    hikers = {**inn, "topics": ["徒步", "露营"], "positioning": "周末一起徒步"}
    assert "徒步队" in C.forms(profile_from_data(hikers))


def test_rules_say_what_to_do_when_you_cannot_come_once(offline):
    club = {"name": "", "type": "兴趣型", "platform": "微信", "positioning": "周末一起去郊外观鸟", "topics": ["观鸟"],
            "audience": "观鸟爱好者",
            "events": [{"title": "周六观鸟", "kind": "线下活动", "cadence": "每周六", "time": "07:30", "place": "湿地公园南门",
                        "signup": "群接龙"}]}
    for i in range(4):  # several rounds of wording
        text = draft("rules", profile_from_data({**club, "name": f"观鸟{i}群"}), offline).drafts[0]["text"]
        lines = [ln for ln in text.splitlines() if "来不了" in ln or "去不了" in ln]
        assert len(lines) == 1, lines


def test_a_tea_shops_calendar_invents_no_orchard_and_drinks_are_not_chewed(offline):
    shop = {"name": "", "brand": "青柠记", "type": "品牌型", "platform": "企业微信", "positioning": "青柠记茶饮的会员群：新品试喝、会员日优惠",
            "topics": ["柠檬茶", "杨梅冰茶", "奶茶"], "audience": "常来店里的年轻顾客",
            "products": [{"name": "杨梅冰茶", "price": 19, "unit": "杯"}, {"name": "手打柠檬茶", "price": 16, "unit": "杯"}],
            "events": [{"title": "会员日", "kind": "会员日", "cadence": "每月18号", "time": "全天", "details": "全场饮品8折"}]}
    text = "\n".join(e["opening"] for e in draft("topics", profile_from_data(shop), offline, days=28, start=D(2026, 12, 1)).drafts)
    for bad in ("果园", "修枝", "来年的果子", "嚼劲", "配什么一起吃", "牛奶、咖啡还是茶"):
        assert bad not in text, (bad, text)


def test_only_a_yearly_fee_names_a_yearly_circle():
    base = {"name": "", "type": "知识型", "platform": "微信", "positioning": "上班族一起记账存钱", "topics": ["记账"],
            "audience": "想存下钱的上班族"}
    assert "年度圈" not in C.forms(profile_from_data({**base, "paid": {"price": 199, "term": "季度"}}))
    assert "年度圈" in C.forms(profile_from_data({**base, "paid": {"price": 599, "term": "年"}}))
