"""Round 55 (d13f55): an ad is never a notice; 收到 is not agreement.

- a bare 收到/好的/OK/👌 after a decision takes note of it: the decision stands, but its speaker is no 同意人 unless
  the line asked for a yes ("大家没意见就这么定"); voters and those who said 同意/可以/没问题 to the proposal are;
- a one-time poster's service listing with a way to reach them (WhatsApp, 微信) is an ad — dropped with a
  reason, never a 【通知】 — even when its selling words are not in the lexicons; an organiser's own fee notice
  with her phone number stays, and so does a one-time poster's notice that tells when;

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import exported_notes

START = datetime(2031, 3, 3, 19, 0)  # a Monday evening
_notes = partial(exported_notes, start=START)


def _dropped(notes, words: str) -> list[str]:
    return [d.reason for d in notes.omitted if words in d.text]


def _told(notes) -> str:
    return " ".join(a.text for a in notes.announcements)


def test_a_strangers_tutoring_ad_in_a_class_group_is_dropped():
    n = _notes(
        "班主任-王老师|各位家长晚上好，本周五下午3点开家长会，地点在三楼会议室",
        "乐乐妈妈|收到",
        "小宇爸爸|王老师，爷爷去可以吗",
        "班主任-王老师|可以的，家里大人来一位就行",
        "钢琴陪练Lily|钢琴陪练 一对一 上门教学 微信 piano_lily88",
        "乐乐妈妈|家长会要带什么吗",
        "班主任-王老师|带上孩子的成长手册就行",
        "小宇爸爸|好的谢谢王老师",
    )
    assert _dropped(n, "piano_lily88") == ["广告/垃圾消息"], n.omitted
    assert "piano_lily88" not in _told(n)
    assert "家长会" in _told(n) or any("家长会" in d.text for d in n.decisions) or "家长会" in n.summary


def test_a_cantonese_drive_by_repair_ad_is_no_notice():
    n = _notes(
        "管理處-何生|各位住戶，下星期二上午10點至12點大廈清洗水缸，期間停水，請預早儲水",
        "10樓C-陳太|收到 唔該",
        "7樓A-Peter|咁停車場會唔會停水",
        "管理處-何生|停車場都會停，唔好意思",
        "師傅阿輝|搬屋 執屋 清潔 價錢公道 WhatsApp 9123 4567",
        "10樓C-陳太|何生，停水期間部𨋢用唔用到",
        "管理處-何生|部𨋢照常用得",
        "7樓A-Peter|明白",
    )
    assert _dropped(n, "9123 4567") == ["广告/垃圾消息"], n.omitted
    assert "9123" not in _told(n)


def test_an_organisers_fee_notice_with_her_phone_number_stays():
    n = _notes(
        "家委会-刘妈妈|各位家长，本学期班费每人200元，请周五前交给我，有问题打我电话 13812345678",
        "果果妈妈|收到，明天转给您",
        "刘妈妈的老公|我是朵朵爸爸，现金可以吗",
        "家委会-刘妈妈|现金也行，放孩子书包里",
        "果果妈妈|好的",
        "家委会-刘妈妈|另外周六的亲子活动改到上午9点，在学校操场集合",
    )
    assert not _dropped(n, "13812345678"), n.omitted
    kept = " ".join([_told(n), n.summary, *(a.task for a in n.actions), *(d.text for d in n.decisions)])
    assert "200元" in kept


def test_a_one_time_posters_notice_that_tells_when_stays():
    n = _notes(
        "楼长-老张|大家这周末把楼道的杂物清一清，物业周一要来检查",
        "301-小李|好的",
        "物业客服-小陈|停水通知：明天上午9点到12点停水，有问题请致电物业 2345 6789",
        "502-王阿姨|知道了，谢谢",
        "楼长-老张|大家记得储水",
    )
    assert not _dropped(n, "2345 6789"), n.omitted


def _by(notes, words: str) -> list[str]:
    found = [d for d in notes.decisions if words in d.text]
    assert found, [d.text for d in notes.decisions]
    return found[0].by


def test_a_vote_result_stands_but_only_the_voters_agreed_not_who_said_got_it():
    n = _notes(
        "骑行队长-阿杰|周日骑行路线投个票：A 环湖线 B 山路线，今晚10点截止",
        "小胖|A",
        "Cindy|我选A",
        "老K|B",
        "骑行队长-阿杰|投票结果：A 环湖线 2票，B 山路线 1票，就走环湖线，早上7点半南门集合",
        "阿May|收到",
        "大头|好的",
    )
    by = _by(n, "环湖线")
    assert {"小胖", "Cindy"} <= set(by)
    assert "阿May" not in by and "大头" not in by


def test_got_it_after_a_notice_like_decision_is_no_yes_but_ok_to_no_objection_is():
    n = _notes(
        "家委会-陈妈妈|期末给老师的礼物大家有什么想法",
        "朵朵妈|送一束花加贺卡吧",
        "家委会-陈妈妈|那就送花加全班手写贺卡，每家出10元，大家没意见就这么定",
        "乐乐妈|OK",
        "小宇妈|收到",
    )
    by = _by(n, "贺卡")
    assert "乐乐妈" in by  # asked for objections, the OK answers it
    assert "家委会-陈妈妈" in by
