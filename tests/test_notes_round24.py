"""Round 24 of issue 13: owners read from the chat's structure and dates carried from nearby messages —
work handed on (原本…改成X), 交给X, an assignment accepted by the person named, an @name before 你, a
date given in a later answer or with an acceptance — and LINE exports. Every input is written for this test
(not taken from an eval chat)."""

from __future__ import annotations

from datetime import date, datetime

from copilot.notes.dates import find_deadline
from copilot.notes.pairing import courtesy
from copilot.notes.parse import parse_bytes, parse_text
from copilot.notes.reading import People, aliases
from copilot.notes.todos import find_actions
from copilot.textnorm import fold


def _actions(lines: list[tuple[str, str]], day: str = "2027-04-14") -> list[tuple[str | None, str | None, str]]:
    """(owner, deadline, task) of a chat written on ``day`` (a Wednesday), one message a minute from 20:00."""
    text = "\n".join(f"[{day} 20:{i:02d}] {who}: {said}" for i, (who, said) in enumerate(lines))
    actions, _, _ = find_actions(parse_text(text).messages)
    return [(a.owner, a.deadline, a.task) for a in actions]


def test_work_handed_on_in_a_sentence_goes_to_the_later_owner() -> None:
    got = _actions([("站长-蓉姐", "茶歇原来是阿斌负责，他周末值班，换成小蒋来弄"),
                    ("小蒋", "好的")])
    assert [(o, d) for o, d, _ in got] == [("小蒋", None)]
    assert "茶歇" in got[0][2]  # what was handed on stays in the task
    # an owner named before the "was" keeps their own task
    got = _actions([("班长", "板报我负责，合唱原本是晓晴，改给阿德"), ("阿德", "没问题")])
    assert {o for o, _, _ in got} == {"班长", "阿德"}


def test_given_to_someone_who_accepts_is_their_todo_and_a_date_with_the_yes_counts() -> None:
    got = _actions([("领队老金", "收尾车这块交给阿凯"), ("阿凯", "行，周六之前把车检做了")])
    assert [(o, d) for o, d, _ in got] == [("阿凯", "2027-04-17")]
    got = _actions([("领队老金", "收尾车这块交给阿凯"), ("阿凯", "好的，周五前搞定")])
    assert [(o, d) for o, d, _ in got] == [("阿凯", "2027-04-16")]
    # no acceptance and no date: a remark about someone, not a to-do
    assert _actions([("领队老金", "上次收尾车是阿凯开的，他开得稳")]) == []


def test_money_or_the_groups_writing_handed_to_someone_is_not_their_work() -> None:
    got = _actions([("会长", "年费还是每人200元，月底前交给财务小黎")])
    assert [o for o, _, _ in got] == ["大家"]


def test_an_at_name_earlier_in_the_sentence_is_who_you_means() -> None:
    got = _actions([("阿坤", "装备到了吗"), ("队长", "签到表明天中午前要打印好，@美琪 这个你去弄一下")])
    assert [(o, d) for o, d, _ in got] == [("美琪", "2027-04-15 12:00")]


def test_a_time_only_answer_to_when_dates_the_repliers_todo() -> None:
    got = _actions([("社长阿文", "音响我去借"), ("小柯", "音响大概什么时候能借到"), ("社长阿文", "下周一之前")])
    assert [(o, d) for o, d, _ in got] == [("社长阿文", "2027-04-19")]


def test_a_thing_changed_is_not_work_handed_on() -> None:
    # no one before 改成 and no person after it: a fact that changed, not an owner
    assert _actions([("讲师阿斌", "封面原来是PNG，换成WebP以后小了一半")]) == []
    got = _actions([("阿琪", "海报本来我周六做，改成周日做，周日晚上前发群里")])
    assert [o for o, _, _ in got] == ["阿琪"]


def test_a_question_before_a_first_person_clause_takes_nothing_on() -> None:
    assert _actions([("阿琳", "展会门票还有吗，我朋友也想去")]) == []
    got = _actions([("阿琳", "投影仪我去借，顺便问问能不能多借一根线")])
    assert [o for o, _, _ in got] == ["阿琳"]


def test_line_exports_are_read_with_their_days_quotes_and_recalls() -> None:
    text = ("[LINE] 社區羽球團的聊天記錄\n儲存日期：2027/04/14 22:00\n\n"
            "2027/04/14（三）\n20:01\t阿哲\t\"週六的場地我訂好了\n下午兩點到四點\"\n"
            "20:03\t\t阿哲已收回訊息\n20:05\t小芸\t球我帶，週五前買好\n"
            "2027/04/15（四）\n09:10\t阿哲\t[貼圖]\n")
    t = parse_bytes(text.encode("utf-8"), "line.txt")
    assert t.format == "line"
    assert [(m.speaker, m.text, m.time.isoformat()) for m in t.messages] == [
        ("阿哲", "週六的場地我訂好了\n下午兩點到四點", "2027-04-14T20:01:00"),
        ("小芸", "球我帶，週五前買好", "2027-04-14T20:05:00")]
    assert sorted(d.reason for d in t.dropped) == ["图片/表情占位", "系统消息"]
    # a LINE file saved as UTF-16 reads the same
    assert parse_bytes(text.encode("utf-16"), "line.txt").messages[1].speaker == "小芸"


def test_a_dated_instruction_opening_with_a_members_name_is_theirs() -> None:
    got = _actions([("店长", "晓雯，15号前把仓库盘点一遍，下个月5号交报告"), ("晓雯", "好的店长")])
    assert [(o, d) for o, d, _ in got] == [("晓雯", "2027-04-15")]
    # the same instruction to nobody in particular is the group's
    assert [o for o, _, _ in _actions([("店长", "15号前把仓库盘点一遍，下个月5号交报告")])] == ["大家"]


def test_a_wecom_archive_names_speakers_by_from_name_not_by_id() -> None:
    data = ('{"roomname": "物业服务群", "chatdata": ['
            '{"from": "wm01ab", "from_name": "物业-小葛", "msgtime": 1781657102000, "msgtype": "text",'
            ' "text": {"content": "明天上午9点停水两小时"}},'
            '{"from": "wm02cd", "from_name": "3栋-老钱", "msgtime": 1781657170000, "msgtype": "text",'
            ' "text": {"content": "那我今晚先把水缸接满"}}]}')
    t = parse_bytes(data.encode("utf-8"), "wecom.json")
    assert [(m.speaker, m.speaker_id) for m in t.messages] == [("物业-小葛", "wm01ab"), ("3栋-老钱", "wm02cd")]
    # a record whose only speaker field is "from" keeps it as the name
    t = parse_bytes('[{"from": "阿坤", "text": "周六见"}, {"from": "小敏", "text": "好"}]'.encode(), "plain.json")
    assert [(m.speaker, m.speaker_id) for m in t.messages] == [("阿坤", None), ("小敏", None)]


def test_a_nickname_with_a_number_or_a_description_is_called_by_its_name() -> None:
    assert {"老魏", "小蕾"} <= aliases("老魏1962") | aliases("爱跳舞的小蕾")
    got = _actions([("队长", "7号的球衣老魏负责洗，周五前带来"), ("老魏1962", "好的")])
    assert [(o, d) for o, d, _ in got] == [("老魏1962", "2027-04-16")]


def test_month_slash_day_dates_and_taiwans_you_and_a_request_accepted() -> None:
    said = datetime(2027, 4, 14, 20, 0)
    assert find_deadline("4/30前把稿子交上来", said).day == date(2027, 4, 30)
    assert find_deadline("比数是3/2", said) is None  # a score, not a date
    got = _actions([("導演", "@小琪 道具妳負責可以嗎？4/20前把清單丟群組讓我看"), ("小琪", "可以啊")])
    assert {(o, d) for o, d, _ in got} == {("小琪", "2027-04-20")}
    got = _actions([("導演", "燈光本來想給阿豪，他要上班，燈光改給小杰可以嗎"), ("小杰", "可以 我做 4/25前交設計")])
    assert [(o, d) for o, d, _ in got] == [("小杰", "2027-04-25")]
    assert "燈光" in got[0][2]


def test_a_promise_after_a_report_of_what_was_done_and_signing_as_a_task() -> None:
    got = _actions([("会长", "@阿芸 我问了物业，地下室可以借用，我明天把借用单发群里")])
    assert [(o, d) for o, d, _ in got] == [("会长", "2027-04-15")]
    # what was done, then a time with no 我 of its own: a report, not a promise
    assert _actions([("阿芸", "我刚给大家买了一箱苹果，明天给大家分")]) == []
    got = _actions([("秘书", "场地我来联系，明天下午签合同")])
    assert [(o, d) for o, d, _ in got] == [("秘书", "2027-04-15")]


def test_cantonese_short_promises_past_and_hand_ins_to_a_named_collector() -> None:
    got = _actions([("司庫", "會費仲未交嘅請喺月尾之前交俾我"), ("阿玲", "我聽日轉")])
    assert ("阿玲", "2027-04-15") in [(o, d) for o, d, _ in got]
    assert _actions([("阿玲", "我今日去咗酒樓飲茶，啲蝦餃好正")]) == []  # 咗: what was done
    got = _actions([("社長", "每位社員要賣最少10張飛，4月30號之前將數交俾阿明統計"), ("阿明", "收到")])
    assert [(o, d) for o, d, _ in got] == [("大家", "2027-04-30")]


def test_the_time_right_after_my_promise_beats_a_bare_closing_date() -> None:
    got = _actions([("秘书长", "好 报名接龙我明天发群里 4月25日截止")])
    assert [(o, d) for o, d, _ in got] == [("秘书长", "2027-04-15")]
    # a later "…前" with its own task is still the deadline
    got = _actions([("采购", "我今天就跟工厂下单，周五前确认交期")])
    assert [(o, d) for o, d, _ in got] == [("采购", "2027-04-16")]


def test_a_southern_given_name_is_called_with_a() -> None:
    assert {"阿伟", "家伟"} <= aliases("黄家伟") and {"阿辉", "志辉"} <= aliases("李志辉3号")
    got = _actions([("村长", "围栏的事阿伟去谈，下周三前给回话"), ("黄家伟", "好 我去谈")])
    assert [o for o, _, _ in got] == ["黄家伟"]


def test_thanks_praise_or_a_wish_is_no_answer() -> None:
    people = People.of(parse_text("[2027-04-14 20:00] 老周-会长: 下周三前把节目报给我\n"
                                  "[2027-04-14 20:01] 阿芳姐: 好的").messages)
    for said in ("谢谢会长 祝会长周末愉快", "会长威武", "感谢阿芳姐！", "谢谢王姐 祝王姐后天一把过"):
        assert courtesy(fold(said), people), said
    for said in ("谢谢，周六上午9点在东门集合", "谢谢大家的支持，下周再聚", "不用带，报名字就行"):
        assert not courtesy(fold(said), people), said
