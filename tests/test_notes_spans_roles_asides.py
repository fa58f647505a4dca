"""Round 22 of issue 13: deadlines said as spans before a named event, holidays and parts of a month;
owners named as a collective role; side exchanges kept out of the notes. Every input is written for
this test (not taken from an eval chat)."""

from __future__ import annotations

from datetime import date, datetime

from chat_lines import owned_by

from copilot.notes.dates import event_days, find_deadline
from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions

SAID = datetime(2027, 3, 3, 20, 0)  # a Wednesday evening
SHOW = date(2027, 3, 20)  # the event under discussion (a Saturday)


def test_span_before_any_event_word_counts_back_from_the_event() -> None:
    assert find_deadline("节目单在汇演前三天定下来", SAID, event=SHOW).day == date(2027, 3, 17)
    assert find_deadline("横幅印好，开幕前一周送到场馆", SAID, event=SHOW).day == date(2027, 3, 13)
    d = find_deadline("要搭车的提前两天跟我说", SAID, event=SHOW)
    assert (d.day, d.text) == (date(2027, 3, 18), "提前两天")  # the words start at the event word
    # the same words with no event known stay words only, never counted from the message
    assert find_deadline("节目单在汇演前三天定下来", SAID).day is None


def test_the_other_day_and_a_weekday_are_no_event() -> None:
    assert find_deadline("我前两天去过那家店", SAID, event=SHOW) is None
    assert find_deadline("周五前两天把表交了", SAID, event=SHOW).day == date(2027, 3, 5)  # 周五前


def test_back_from_the_event_and_before_it() -> None:
    assert find_deadline("春游回来三天内交观后感", SAID, event=SHOW).day == date(2027, 3, 23)
    assert find_deadline("婚礼前把伴手礼装好", SAID, event=SHOW).day == date(2027, 3, 20)  # "X前": the day X itself
    assert find_deadline("睡前记得吃药", SAID, event=SHOW) is None  # 睡 is no event word


def test_holidays_and_parts_of_a_month() -> None:
    assert find_deadline("劳动节前把排班定了", SAID).day == date(2027, 5, 1)
    assert find_deadline("元旦前交年终总结", datetime(2027, 12, 5, 9, 0)).day == date(2028, 1, 1)
    assert find_deadline("下月初以前把名单给我", SAID).day == date(2027, 4, 1)
    assert find_deadline("样片4月中旬之前剪好", SAID).day == date(2027, 4, 15)
    assert find_deadline("月中前把发票寄出", datetime(2027, 3, 20, 9, 0)).day == date(2027, 4, 15)


def test_event_day_prefers_a_written_date_to_a_day_counted_from_the_message() -> None:
    days = event_days([("义卖定在3月20日周六", SAID), ("我明天去问场地", SAID), ("后天我也有空", SAID),
                       ("海报活动前一周发", SAID)])
    assert days[-1] == SHOW
    # with no written date, the most named relative day is still the event
    assert event_days([("明天去爬山", SAID), ("明天几点集合", SAID)])[-1] == date(2027, 3, 4)


def test_span_inputs_that_are_not_text_do_not_break() -> None:
    assert find_deadline("", SAID, event=SHOW) is None
    assert find_deadline("汇演" * 5000 + "前三天", SAID, event=SHOW) is not None


# -- collective roles ---------------------------------------------------------------------------------
ROLES = """[2027-03-03 20:00] 社长-老蔡: 春季义卖定在3月20日周六，在社区活动中心
[2027-03-03 20:01] 社长-老蔡: 各小组组长周五前把本组的义卖物品清单报给我
[2027-03-03 20:02] 摄影组-阿彬: 收到
[2027-03-03 20:03] 社长-老蔡: 每个摊位负责人义卖前两天去领桌布
[2027-03-03 20:04] 社长-老蔡: 大家周日前在群里接龙报名
[2027-03-03 20:05] 后勤组-小娟: 收到
[2027-03-03 20:06] 后勤组-大壮: 后勤组们明天下午去搬桌子
"""


def test_a_collective_role_owns_its_task_as_written_and_the_group_keeps_its_own() -> None:
    actions, _, _ = find_actions(parse_text(ROLES, "fair.txt").messages)
    by_task = {a.task: (a.owner, a.deadline) for a in actions}
    owners = {a.owner for a in actions}
    assert any(o == "各小组组长" and d == "2027-03-05" for o, d in by_task.values())
    assert any(o == "每个摊位负责人" and d == "2027-03-18" for o, d in by_task.values())  # 义卖前两天
    assert any(o == "大家" and "接龙" in t for t, (o, _) in by_task.items())
    assert "各小" not in owners and "社长-老蔡" not in owners  # not cut short, not the one who assigns


def test_a_role_that_participants_names_share_with_a_plural_is_that_role() -> None:
    actions, _, _ = find_actions(parse_text(ROLES, "fair.txt").messages)
    assert any(a.owner == "后勤组们" and "搬桌子" in a.task for a in actions)
    # the same plural with no participant named after it is no role: 朋友们 is whoever is told
    chat = "[2027-03-03 20:00] 阿May: 朋友们周五前把照片发我\n[2027-03-03 20:01] 小北: 好\n"
    assert all(a.owner != "朋友们" for a in find_actions(parse_text(chat, "x.txt").messages)[0])


def test_each_person_and_each_household_stay_the_whole_group() -> None:
    chat = ("[2027-03-03 20:00] 楼长-王姐: 每户周五前交30元卫生费\n"
            "[2027-03-03 20:01] 楼长-王姐: 每个人明天前在表里签名\n")
    actions, _, _ = find_actions(parse_text(chat, "fee.txt").messages)
    assert actions and all(a.owner == "大家" for a in actions)


# -- side exchanges ---------------------------------------------------------------------------------
CLUB = """[2027-04-06 20:00] 社长-阿宁: 各位书友，四月的读书会定在4月17日周六下午2点，在图书馆三楼报告厅，读《活着》
[2027-04-06 20:01] 小麦: 收到
[2027-04-06 20:02] 社长-阿宁: 这次每人准备一段三分钟的读后感，周四前把题目报给我
[2027-04-06 20:03] 青青: @小麦 你上周说的那家酸菜鱼叫什么名字来着
[2027-04-06 20:04] 小麦: 叫江边小馆，在地铁口旁边，周末要排队
[2027-04-06 20:05] 青青: 好嘞那我周末去尝尝
[2027-04-06 20:06] 社长-阿宁: 场地的投影仪要提前调试，谁能帮忙？
[2027-04-06 20:07] 老周: 我懂设备，我可以
[2027-04-06 20:08] 社长-阿宁: 好，那就老周读书会前一天下午去图书馆试一下投影
[2027-04-06 20:09] 大林: 今天降温了，出门冻得直哆嗦
[2027-04-06 20:10] 小麦: 我也是，羽绒服又穿上了
[2027-04-06 20:11] 大林: 书可以在图书馆借吗
[2027-04-06 20:12] 社长-阿宁: 可以借，图书馆有十本，先到先得
[2027-04-06 20:13] 社长-阿宁: 签到表和茶歇我来准备，大家不用带吃的
"""


def _club():
    from copilot.notes import render_markdown
    from copilot.notes.offline import summarize_offline
    from copilot.notes.structure import analyze

    transcript = parse_text(CLUB, "club.txt")
    st = analyze(transcript)
    return render_markdown(summarize_offline(transcript, st), appendix=False), st


def test_a_peers_aside_stays_out_even_when_it_asks_and_addresses_someone() -> None:
    md, st = _club()
    outside_qa = md.split("## 问答")[0] + md.split("## 问答")[1].split("\n## ", 1)[1]
    for chatter in ("酸菜鱼", "江边小馆", "羽绒服", "哆嗦"):
        assert chatter not in outside_qa  # summary, key points, decisions, to-dos, notices
    assert "羽绒服" not in md
    ids = {m.id for m in parse_text(CLUB, "club.txt").messages if "酸菜鱼" in m.text or "羽绒服" in m.text}
    assert ids <= st.asides


def test_a_volunteer_answering_in_other_words_and_the_groups_own_question_stay() -> None:
    md, st = _club()
    # "我懂设备，我可以" shares no word with the organiser, but the organiser names its speaker next
    assert any(a.owner == "老周" and a.deadline == "2027-04-16" for a in st.actions)  # 读书会前一天
    assert any("图书馆借" in p.question and "十本" in p.answer for p in st.qa)  # a question to the group
    assert any(a.owner == "大家" and "读后感" in a.task for a in st.actions)
    assert "三楼报告厅" in md


def test_no_asides_in_a_short_chat_or_an_empty_one() -> None:
    from copilot.notes.structure import analyze

    short = "\n".join(CLUB.splitlines()[:6]) + "\n"
    assert analyze(parse_text(short, "short.txt")).asides == frozenset()
    assert analyze(parse_text("[2027-04-06 20:00] 阿宁: 好\n", "one.txt")).asides == frozenset()


# -- a notice with a deadline and no one named ---------------------------------------------------------
def test_a_dated_notice_with_no_subject_is_the_groups_and_a_reply_stays_the_speakers() -> None:
    chat = ("[2027-05-10 19:00] 队长-阿光: 这次夏令营的保险费每人45元，5月20日前交到会计小林那里\n"
            "[2027-05-10 19:01] 队长-阿光: 营地在千岛湖，体检报告出发前三天上传\n"
            "[2027-05-10 19:02] 小熊: 周五前能交吗\n"
            "[2027-05-10 19:03] 会计小林: 好的，周五前我把收款码发群里\n")
    actions, _, _ = find_actions(parse_text(chat, "camp.txt").messages)
    owed = {(a.owner, a.deadline) for a in actions}
    assert ("大家", "2027-05-20") in owed
    assert ("会计小林", "2027-05-14") in owed
    assert not owned_by(actions, "小熊")  # asking about a deadline gives no one work
    # 出发前三天 with no event day known stays words only: never counted from the message
    assert all(a.deadline is None for a in actions if "体检报告" in a.task)


# -- ads someone in the chat points out --------------------------------------------------------------
def test_an_ad_the_host_calls_out_is_dropped_with_the_call_out() -> None:
    chat = ("[2027-06-01 20:00] 群主-大勇: 端午龙舟赛6月19日上午9点在江滨公园，每队12人\n"
            "[2027-06-01 20:01] 阿芬: 收到\n"
            "[2027-06-01 20:02] 理财顾问Grace: 各位好，我在做年金规划，收益稳稳的，有兴趣的私聊我哦\n"
            "[2027-06-01 20:03] 群主-大勇: Grace，群里先别推销了\n"
            "[2027-06-01 20:04] 阿芬: 龙舟队服要自己买吗\n"
            "[2027-06-01 20:05] 群主-大勇: 统一发，不用买\n")
    transcript = parse_text(chat, "boat.txt")  # parsing drops the noise, with its reasons
    kept, gone = transcript.messages, {d.speaker: d.reason for d in transcript.dropped}
    assert gone.get("理财顾问Grace") and "群主-大勇" in gone
    assert any("龙舟赛" in m.text for m in kept) and any("统一发" in m.text for m in kept)


def test_a_members_own_message_is_not_made_an_ad_by_a_call_out() -> None:
    chat = ("[2027-06-01 20:00] 群主-大勇: 端午龙舟赛6月19日上午9点在江滨公园\n"
            "[2027-06-01 20:01] 阿芬: 我朋友开了家奶茶店，大家有空去坐坐\n"
            "[2027-06-01 20:02] 阿芬: 队服要自己买吗\n"
            "[2027-06-01 20:03] 群主-大勇: 阿芬，这个算广告啊哈哈\n")
    assert not any(d.speaker == "阿芬" for d in parse_text(chat, "boat.txt").dropped)  # she takes part in the chat


def test_a_role_most_members_carry_is_the_whole_group() -> None:
    chat = ("[2027-03-03 20:00] 园长-周老师: 请每位家长周五前在群里交回执\n"
            "[2027-03-03 20:01] 家长-豆豆妈: 收到\n[2027-03-03 20:02] 家长-乐乐爸: 收到\n"
            "[2027-03-03 20:03] 家长-小米妈: 好的\n")
    actions, _, _ = find_actions(parse_text(chat, "kids.txt").messages)
    assert [a.owner for a in actions] == ["大家"]
