"""Free slots built from the group's own events and the calendar's season, and operator details told
apart from text for members (round 24). Profiles are written for this test, not taken from the eval sets."""

from __future__ import annotations

import datetime as dt

import pytest

from copilot.agents import draft
from copilot.agents.events import for_members
from copilot.knowledge.checks import failures, member_text
from copilot.profile import profile_from_data

DEC = dt.date(2026, 12, 7)  # a Monday in winter
JUL = dt.date(2027, 7, 5)  # a Monday in summer


def _calendar(data, engine, start=DEC, days=14):
    result = draft("topics", profile_from_data(data), engine, days=days, start=start)
    assert not failures(result.checks, include_warn=False), [c.reason for c in failures(result.checks)]
    return result.drafts


KAYAK = {"name": "千岛湖皮划艇周末队", "type": "兴趣型", "positioning": "杭州的皮划艇爱好者周末去千岛湖划船", "topics": ["皮划艇", "桨板", "救生衣"],
         "events": [{"title": "周六湖上划", "kind": "线下活动", "cadence": "每周六", "time": "08:00", "place": "千岛湖东南湖区码头",
                     "signup": "周五中午前群接龙", "details": "提醒大家穿速干衣、带一双能下水的鞋。"}]}

ORCHARD = {"name": "赣南脐橙果园老客群", "brand": "橙心果园", "type": "消费型", "positioning": "买过橙心果园脐橙的老客户，提前订来年的果子",
           "topics": ["脐橙", "果园", "预订"], "audience": "买过我们脐橙的老客户",
           "products": [{"name": "2027年脐橙预订", "price": 99, "unit": "10斤", "description": "来年11月采摘后发货"}],
           "purchase_path": "私聊园主下单"}

EV = {"name": "星途电车车主群", "brand": "星途", "type": "品牌型", "positioning": "星途门店的车主交流用车和充电", "topics": ["电车", "充电", "续航"],
      "audience": "在门店提车的车主"}


def test_an_event_gets_its_eve_and_its_look_back_as_free_posts(offline):
    entries = _calendar(KAYAK, offline)
    free = [e for e in entries if not e["event"]]
    eves = [e for e in free if e["date"] in ("2026-12-11", "2026-12-18")]
    assert eves and all("周六湖上划" in e["title"] + e["opening"] for e in eves), [e["opening"] for e in eves]
    # a weekly event's two eves do not read the same
    assert len({e["opening"] for e in eves}) == len(eves)
    # never on the event's own day, and a look back only after it happened
    assert not [e for e in free if e["date"] in ("2026-12-12", "2026-12-19") and "周六湖上划" in e["title"]]


def test_the_season_of_the_calendar_chooses_what_the_group_talks_about(offline):
    winter = " ".join(e["opening"] for e in _calendar(EV, offline))
    summer = " ".join(e["opening"] for e in _calendar(EV, offline, start=JUL))
    assert "天冷" in winter or "冬天" in winter, winter
    assert "天冷" not in summer and "冬天" not in summer
    assert "空调" in summer, summer


def test_an_orchard_in_winter_is_not_asked_about_picking_or_eating_this_years_fruit(offline):
    text = " ".join(e["title"] + e["opening"] for e in _calendar(ORCHARD, offline) if not e["event"])
    assert "冬天" in text or "下一季" in text, text
    for off_season in ("采摘", "晒一张最近买到", "吃不完", "预订的老习惯", "小时候家里的预订"):
        assert off_season not in text, (off_season, text)


@pytest.mark.parametrize(("operator", "member"), [
    ("提醒大家带好头盔和护膝", "带好头盔和护膝"),
    ("说一下本周的作业截止和学院通知", "这次的内容：本周的作业截止和学院通知"),
    ("发几张果园这周的照片，说一下树的情况", "这次的内容：果园这周的照片，树的情况"),
    ("每人发一段30秒以内的录屏", "每人发一段30秒以内的录屏"),  # members' own task: unchanged
    ("请大家准时到", "请大家准时到"),
    ("说一下", "说一下"),  # nothing after the directive: left as written
    ("", ""),
])
def test_operator_directives_become_text_for_members(operator, member):
    assert for_members(operator) == member


def test_a_calendar_never_posts_the_hosts_instructions_to_members(offline):
    data = {"name": "软工3班班级群", "type": "其他", "positioning": "班级群，辅导员和班委发通知", "topics": ["课表", "作业"],
            "events": [{"title": "周日班会", "kind": "分享", "cadence": "每周日", "time": "21:00", "place": "群语音", "host": "班长",
                        "details": "说一下下周的考试安排，提醒大家按时交实验报告。"}]}
    texts = [member_text(e, "topics") for e in _calendar(data, offline) if e["event"]]
    assert texts
    for t in texts:
        assert "说一下" not in t and "提醒大家" not in t, t
        assert "下周的考试安排" in t and "按时交实验报告" in t, t


def test_a_course_already_running_does_not_tell_its_start_date_as_news(offline):
    data = {"name": "剪辑实操班", "type": "知识型", "positioning": "短视频剪辑实操课的学员群", "topics": ["剪辑", "调色"],
            "paid": {"price": 980, "term": "期"},
            "events": [{"title": "周二直播课", "kind": "课程", "cadence": "每周二", "time": "20:00", "place": "腾讯会议",
                        "details": "第1周 素材整理；第2周 粗剪；第3周 精剪；第4周 调色；第5周 字幕；第6周 导出。2026-11-17开课。"}]}
    lessons = [member_text(e, "topics") for e in _calendar(data, offline) if e["event"]]
    assert lessons and any("第4周" in t for t in lessons), lessons
    assert not any("2026-11-17" in t for t in lessons), lessons


def test_welcomes_keep_the_operators_sentence_whole_and_ask_a_closed_group_only_who_you_are(offline):
    data = {"name": "滨湖镇白茶茶农群", "type": "其他", "card_format": "村名-姓名",
            "positioning": "滨湖镇、石亭村一带做白茶的茶农交流做茶、萎凋和晒青的经验，也聊行情和卖茶的路子",
            "topics": ["白茶", "萎凋", "晒青"], "audience": "做白茶的茶农"}
    for d in draft("welcome", profile_from_data(data), offline, n=3).drafts:
        text = d["text"]
        assert "就是" not in text, text
        assert "滨湖镇、石亭村一带做白茶的茶农" in text, text  # never cut to "滨湖镇" (the list's first item)
        assert len(text) <= 120
    tenants = {"name": "和园公寓租客群", "type": "其他", "brand": "和园公寓", "card_format": "房间号-称呼",
               "positioning": "和园公寓的租客群，管家发报修和停水通知", "topics": ["报修", "停水停电"], "audience": "在住的租客"}
    text = " ".join(d["text"] for d in draft("welcome", profile_from_data(tenants), offline, n=3).drafts)
    assert "产品" not in text and "感兴趣" not in text, text


def test_a_group_run_by_an_institution_does_not_ask_members_to_share_out_its_staffs_duties(offline):
    home = {"name": "安和养老院三号楼家属群", "brand": "安和养老院", "type": "其他", "positioning": "三号楼老人的家属和院方沟通照护和探视",
            "topics": ["照护", "探视", "老人活动"], "audience": "三号楼老人的子女和家属",
            "events": [{"title": "周六探视", "kind": "线下活动", "cadence": "每周六", "time": "14:00", "place": "三号楼会客厅"}]}
    text = " ".join(e["opening"] for e in _calendar(home, offline) if not e["event"])
    for duty_talk in ("固定几个人负责", "谁有空谁来", "分工", "信得过哪个机构", "靠谱的照护资源"):
        assert duty_talk not in text, (duty_talk, text)


def test_a_driving_school_is_not_sent_a_school_terms_exam_post_or_asked_to_recommend_other_schools(offline):
    school = {"name": "安达驾校练车群", "brand": "安达驾校", "type": "消费型", "positioning": "安达驾校学员约练车、准备考试",
              "topics": ["科目二", "科目三", "考试"], "audience": "在学学员",
              "products": [{"name": "科目二加练课时", "price": 120, "unit": "小时"}],
              "events": [{"title": "周三答疑", "kind": "答疑", "cadence": "每周三", "time": "20:00", "place": "群内"}]}
    text = " ".join(e["opening"] for e in _calendar(school, offline) if not e["event"])
    assert "期末" not in text and "哪个机构" not in text, text


def test_the_relatives_of_old_people_are_not_written_for_as_old_people_and_game_makers_not_as_players(offline):
    from copilot.agents import compose as C
    relatives = profile_from_data({"name": "松鹤院家属群", "type": "其他", "positioning": "家属和院方沟通", "topics": ["探视"],
                                   "audience": "入住老人的子女和家属"})
    assert "senior" not in C.audience_classes(relatives)
    seniors = profile_from_data({"name": "银龄合唱团", "type": "兴趣型", "positioning": "一起唱歌", "topics": ["合唱"],
                                 "audience": "60岁以上的退休老人"})
    assert "senior" in C.audience_classes(seniors)
    makers = {"name": "像素工坊", "type": "知识型", "positioning": "独立游戏开发者交流引擎和美术", "topics": ["关卡设计", "像素美术"],
              "audience": "做独立游戏的开发者"}
    text = " ".join(e["opening"] for e in _calendar(makers, offline))
    for player_talk in ("入坑", "翻盘", "卡关", "莽夫"):
        assert player_talk not in text, (player_talk, text)


def test_an_eve_post_at_midday_does_not_say_tonight(offline):
    data = {"name": "乐龄探视群", "type": "其他", "positioning": "家属和院方沟通探视", "topics": ["探视"], "audience": "老人的子女",
            "events": [{"title": "周日探视", "kind": "线下活动", "cadence": "每周日", "time": "14:30", "place": "一号楼会客厅"}]}
    eves = [e for e in _calendar(data, offline) if not e["event"] and "周日探视" in e["opening"]]
    assert eves and not any("今晚" in e["opening"] for e in eves if e["time"] < "17:00"), eves


def test_farmers_who_sell_their_tea_talk_trade_even_in_a_hobby_typed_group(offline):
    farmers = {"name": "武夷岩茶茶农群", "type": "兴趣型", "positioning": "做岩茶的茶农交流做青、焙火和行情", "topics": ["岩茶", "焙火"],
               "audience": "自己种茶、做茶、卖茶的茶农"}
    text = " ".join(e["opening"] for e in _calendar(farmers, offline) if not e["event"])
    assert "同行" in text or "入行" in text or "这行" in text, text


def test_a_meeting_or_a_review_filed_as_a_talk_is_not_announced_as_a_lecture(offline):
    data = {"name": "城南摄影会", "type": "兴趣型", "positioning": "城南拍街头的朋友互相看片", "topics": ["街拍", "构图"],
            "events": [{"title": "周四作品点评", "kind": "分享", "cadence": "每周四", "time": "21:00", "place": "群内",
                        "details": "每人发两张，说说想被点评的地方。"}]}
    notices = [e for e in _calendar(data, offline) if e["event"]]
    assert notices
    for e in notices:
        text = member_text(e, "topics")
        assert "来听" not in text and "想听" not in text and "21:00" in text, text
    follow = " ".join(e["opening"] for e in _calendar(data, offline) if not e["event"])
    assert "听了的" not in follow
