"""Round 59 (d13c59): who agreed, stale venues, and other platforms' noise.

- a vote call that labels its options with letters or 甲乙 ("A 桂花糕 B 绿豆糕") turns a later "A", "我也A", "我都係A"
  into a vote for that option: those who picked the settled one agreed, the one who picked the other did not;
- a yes that opens by addressing another member ("回阿青：…就行") answers that member, not the decision just made;
- a venue change that names the old venue ("文化宫那天被借走了，地点改到…") marks the earlier notice's venue
  with 「（已改：…）」;
- WhatsApp's placeholders and recalls (<Media omitted>, <媒體已略去>, This message was deleted, 你刪除咗此訊息) and
  emoji shortcodes (":+1:") are dropped with their reason; a question about how to pay ("报名费是转账还是给现金")
  is kept, while red-packet chatter is still dropped.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, decision_with, exported_notes

from copilot.notes.noise import noise_reason

START = datetime(2031, 9, 8, 19, 30)  # a Monday evening
_notes = partial(exported_notes, start=START)


def test_lettered_options_turn_a_bare_letter_into_a_vote():
    n = _notes(
        "社长-阿梅|中秋茶话会的点心两个方案：A 桂花糕 B 绿豆糕，大家投个票",
        "小叶|A",
        "老周|我也A",
        "阿丰|B 绿豆糕清爽一点",
        "细妹|A+1",
        "社长-阿梅|投票结果：A 3票、B 1票，点心就定桂花糕，小叶负责订",
        step=5,
    )
    d = decision_with(n, "桂花糕")
    assert {"小叶", "老周", "细妹"} <= set(d.by), d.by
    assert "阿丰" not in d.by


def test_jia_yi_options_count_as_labels():
    n = _notes(
        "书友会-林姐|十月共读两本候选：甲《围城》 乙《边城》，投票到周三",
        "阿豪|甲",
        "小米|乙吧，短一点",
        "大壮|我也选甲",
        "书友会-林姐|截止了：甲两票，乙一票，十月就定读《围城》",
        step=10,
    )
    d = decision_with(n, "围城")
    assert {"阿豪", "大壮"} <= set(d.by), d.by
    assert "小米" not in d.by


def test_a_yes_addressed_to_another_member_is_no_agreement():
    n = _notes(
        "领队-老郑|周六徒步路线投票：A 凤凰山 B 梧桐山",
        "阿青|A",
        "小谢|A",
        "阿青|水要带几瓶",
        "领队-老郑|投票结果：A 2票，定了走凤凰山，早上7点地铁站集合",
        "后勤-阿芳|回阿青：水带两瓶就行",
        step=5,
    )
    d = decision_with(n, "凤凰山")
    assert "后勤-阿芳" not in d.by, d.by
    assert "阿青" in d.by and "小谢" in d.by


def test_a_venue_change_marks_the_earlier_notice():
    n = _notes(
        "团长-小温|各位，10月18日（周六）下午3点汇报演出，地点文化宫二楼排练厅，请提前半小时到",
        "阿珂|收到",
        "阿珂|要穿演出服吗",
        "团长-小温|穿，统一黑色",
        "团长-小温|重要变更：文化宫那天被借走了，地点改到青少年活动中心一楼，时间不变",
        step=30,
    )
    notices = [a.text for a in n.announcements if "文化宫二楼" in a.text]
    assert notices, [a.text for a in n.announcements]
    assert all("（已改：青少年活动中心" in t for t in notices), notices


def test_whatsapp_placeholders_recalls_and_shortcodes_are_dropped_with_a_reason():
    said = ["<Media omitted>", "<媒體已略去>", "<貼圖已略去>", "This message was deleted", "You deleted this message",
            "你刪除咗此訊息", ":+1:", ":thumbsup: :heart:"]
    messages = chat_lines(*(f"阿Ken|{s}" for s in said), start=START)
    reasons = [noise_reason(m) for m in messages]
    assert reasons == ["平台占位消息", "平台占位消息", "平台占位消息", "系统消息", "系统消息", "系统消息",
                       "图片/表情占位", "图片/表情占位"], reasons


def test_a_question_about_how_to_pay_is_kept_but_red_packet_chatter_is_not():
    kept, answer, chatter, grab = chat_lines(
        "大鹏|报名费是转账还是给现金", "领队-老郑|转账现金都行，转账备注名字", "小谢|红包谁发的我没抢到", "阿青|手气最佳哈哈",
        start=START)
    assert noise_reason(kept) is None
    assert noise_reason(answer) is None
    assert noise_reason(chatter) == "红包/转账"
    assert noise_reason(grab) == "红包/转账"


def test_a_one_off_change_leaves_the_standing_schedule():
    n = _notes(
        "教练-阿斌|这学期固定训练：每周二、四晚上7点半到9点半，区体育馆三楼，别迟到",
        "小龙|收到",
        "阿雯|新人要带什么",
        "教练-阿斌|带拖鞋和水就行",
        "教练-阿斌|这周四体育馆要检修，训练改到周五（9月12日）晚上7点半，就这一次",
        step=60,
    )
    text = " ".join([*(a.text for a in n.announcements), *(k.text for k in n.key_points)])
    assert "每周二、四" in text, text
    assert any("改到周五" in k.text for k in [*n.key_points, *n.decisions]), text


def test_a_red_packet_emoji_line_is_red_packet_noise():
    (line,) = chat_lines("阿明|🧧恭喜發財", start=START)
    assert noise_reason(line) == "红包/转账"
