"""Drafts state only what the profile says: an undated brand price is no standing 会员价, a bare 会员日
carries no product prices, a finished course is said once, who a group is for is not an entry
condition, the profile's banned items read as a rule, Traditional profiles read Taiwanese wording,
physical events get their safety lines, paid groups are asked for refund terms, and cadences some
months lack are pointed out."""

from __future__ import annotations

import datetime as dt

import pytest

from copilot.agents import DraftError, draft
from copilot.agents.facts import topic_verb
from copilot.cadence import parse_cadence
from copilot.knowledge.checks import failures
from copilot.profile import profile_from_data

D = dt.date
# a climbing-gym brand: its day pass has a promo price the profile never calls a member price
GYM = {
    "name": "岩点会员群", "brand": "岩点", "positioning": "岩点攀岩馆的会员约攀、交流线路", "topics": ["攀岩", "抱石", "线路"],
    "type": "品牌型", "audience": "岩点的年卡会员和常来的岩友，18到40岁", "purchase_path": "前台或公众号「岩点攀岩」",
    "banned": ["无保护攀爬不报备", "私下带课收费"],
    "events": [{"title": "岩点会员日", "kind": "会员日", "cadence": "每月9号", "place": "岩点攀岩馆"}],
    "products": [{"name": "单次体验票", "price": 98, "promo_price": 78, "unit": "张", "description": "含鞋和粉袋"},
                 {"name": "镁粉球", "price": 25, "unit": "个"}],
}
RUN_CLUB = {
    "name": "江湾越野跑训练群", "positioning": "带有基础的跑者练越野，备战春季越野赛", "topics": ["越野跑", "爬升", "补给"],
    "type": "兴趣型", "paid": {"price": 980, "term": "季"}, "purchase_path": "小程序「江湾跑」报名",
    "events": [
        {"title": "周六山野拉练", "kind": "线下活动", "cadence": "每周六", "time": "07:00", "place": "佘山东门集合",
         "details": "20公里，爬升800米，自带2升水。"},
        {"title": "爬升技术课", "kind": "课程", "cadence": "每周三", "time": "19:30", "place": "江湾体育场",
         "host": "教练小飞", "details": "2026-11-04开课。第1周上坡姿态，第2周下坡技巧，第3周登山杖，第4周综合测试。"},
    ],
}


def _texts(result):
    return [d["text"] if isinstance(d, dict) and "text" in d else str(d) for d in result.drafts]


def test_undated_brand_price_is_no_standing_member_price_and_a_bare_member_day_sets_no_deadline(offline):
    r = draft("copy", profile_from_data(GYM), offline, kind="promotion", n=3, start=D(2026, 12, 7))
    discount = r.drafts[0]
    assert "长期有效" not in discount["text"] and "会员价" not in discount["text"]
    assert "会员日" not in discount["text"], discount["text"]  # the bare 会员日 says nothing about this price
    assert any("截止时间" in n for n in discount["needs"])
    # once the profile says the promo price is the member price, it is a standing 会员价
    said = {**GYM, "products": [{**GYM["products"][0], "description": "含鞋和粉袋，活动价即会员价"}]}
    standing = draft("copy", profile_from_data(said), offline, kind="promotion", n=1, start=D(2026, 12, 7)).drafts[0]
    assert "会员价" in standing["text"] and not standing["needs"]


def test_a_finished_course_is_said_once_and_no_longer_advertised(offline):
    p = profile_from_data(RUN_CLUB)
    cal = draft("topics", p, offline, days=21, start=D(2026, 12, 7))  # the course's four weeks ended 11-29
    course = [d for d in cal.drafts if d.get("event") == "爬升技术课"]
    assert len(course) == 1, [d["date"] for d in course]
    assert not failures(cal.checks, include_warn=False)
    intro = draft("intro", p, offline, today=D(2026, 12, 7)).drafts[0]["text"]
    moments = " ".join(d["text"] for d in draft("copy", p, offline, kind="moments", n=2, start=D(2026, 12, 7)).drafts)
    assert "爬升技术课" not in intro and "爬升技术课" not in moments
    # while it runs, every week is in the calendar
    running = draft("topics", p, offline, days=14, start=D(2026, 11, 2))
    assert len([d for d in running.drafts if d.get("event") == "爬升技术课"]) == 2


def test_audience_describes_the_group_and_is_not_an_entry_condition(offline):
    p = profile_from_data(GYM)
    intro = draft("intro", p, offline, today=D(2026, 12, 7)).drafts[0]["text"]
    rules = draft("rules", p, offline).drafts[0]["text"]
    moments = draft("copy", p, offline, kind="moments", n=2, start=D(2026, 12, 7)).drafts[0]["text"]
    assert "入群条件：" not in intro and "适合谁：岩点的年卡会员" in intro
    assert "入群条件：" not in moments and "进群前请知道" not in moments
    assert "18到40岁都欢迎" not in rules and "欢迎岩点的年卡会员" not in rules
    # a threshold the operator wrote is still the entry condition
    gated = draft("intro", profile_from_data({**GYM, "threshold": "办过年卡的会员"}), offline, today=D(2026, 12, 7))
    assert "入群条件：办过年卡的会员" in gated.drafts[0]["text"]


def test_banned_items_read_as_a_rule_sentence(offline):
    rules = draft("rules", profile_from_data(GYM), offline).drafts[0]["text"]
    assert "无保护攀爬不报备、私下带课收费" in rules
    assert "有关的内容" not in rules


def test_traditional_profile_reads_taiwanese_wording_and_refusals(offline):
    tw = {**RUN_CLUB, "script": "zh-Hant", "locality": "台北", "events": RUN_CLUB["events"][:1],
          "positioning": "帶有基礎的跑者練越野，週六徒步上山也歡迎", "name": "北投越野跑團"}
    p = profile_from_data(tw)
    text = " ".join(d["text"] for d in draft("copy", p, offline, kind="moments", n=2, start=D(2026, 12, 7)).drafts)
    text += draft("rules", p, offline).drafts[0]["text"]
    for mainland in ("招新", "表情包", "引流", "入坑", "群名片", "“"):
        assert mainland not in text, mainland
    with pytest.raises(DraftError) as err:
        draft("copy", p, offline, kind="promotion")
    assert "檔案" in str(err.value) and "档案" not in str(err.value)


def test_physical_events_get_their_safety_lines_and_paid_groups_are_asked_for_refund_terms(offline):
    run = draft("rules", profile_from_data(RUN_CLUB), offline)
    text = run.drafts[0]["text"]
    assert any(w in text for w in ("马上停下", "身体不舒服就停")), text
    assert "退费" in (run.notice or "")
    water = {**RUN_CLUB, "paid": None, "events": [{"title": "周日桨板", "kind": "线下活动", "cadence": "每周日", "time": "09:00",
                                                   "place": "淀山湖码头", "details": "桨板体验两小时"}]}
    wet = draft("rules", profile_from_data(water), offline)
    assert "救生衣" in wet.drafts[0]["text"] and "退费" not in (wet.notice or "")
    stated = {**RUN_CLUB, "threshold": "报名后开营前可退费，开营后不退"}
    assert "退费和有效期" not in (draft("rules", profile_from_data(stated), offline).notice or "")


@pytest.mark.parametrize(("cadence", "word"), [("每月第五个周一", "第五个周一"), ("每月31号", "31号"), ("每月30日", "30号")])
def test_cadences_some_months_lack_are_pointed_out(offline, cadence, word):
    assert word in parse_cadence(cadence).irregular_note()
    p = profile_from_data({**RUN_CLUB, "paid": None, "events": [
        {"title": "月度复盘", "kind": "复盘", "cadence": cadence, "time": "20:00", "place": "腾讯会议"}]})
    assert word in (draft("topics", p, offline, days=7, start=D(2026, 12, 7)).notice or "")


@pytest.mark.parametrize("cadence", ["每月15号", "每月最后一个周五", "每月第四个周二", "每周三"])
def test_cadences_every_month_has_are_not_flagged(cadence):
    assert parse_cadence(cadence).irregular_note() == ""


@pytest.mark.parametrize(("word", "verb"), [("登山", ""), ("越野跑", ""), ("桌游", "玩"), ("半程马拉松", "跑"), ("羽毛球", "打"),
                                            ("日语", "学"), ("社群运营", None)])
def test_the_verb_before_a_topic_comes_from_its_kind(word, verb):
    assert topic_verb(word, "练") == ("练" if verb is None else verb)


def test_calendars_and_welcomes_do_not_play_a_hike(offline):
    hike = profile_from_data({"name": "", "positioning": "杭州上班族周末一起登山、徒步", "topics": ["登山", "徒步"],
                              "type": "兴趣型", "events": [{"title": "周六登山", "kind": "线下活动", "cadence": "每周六",
                                                         "time": "07:30", "place": "灵隐寺公交站"}]})
    cal = draft("topics", hike, offline, days=28, start=D(2026, 12, 7))
    text = " ".join(d["opening"] for d in cal.drafts) + " ".join(d["text"] for d in draft("welcome", hike, offline, n=3).drafts)
    assert "玩登山" not in text and "玩徒步" not in text and "学登山" not in text
