"""Round 36 (dev13z): WeChat copy-paste with "名字 21:02" headers, platform lines without a header, closing
clauses and contact lines, and titles from the announced theme.

Every chat below was written for these tests (a night-fishing club, a community flea market, a Cantonese
calligraphy class, a watercolour class, an amateur astronomy club, a running club, a home-baking group);
none is a QA or eval chat.
"""

from __future__ import annotations

import pytest

from copilot.notes.noise import cut_closing, own_contact, strip_placeholders
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import NotesParseError, parse_text
from copilot.notes.reading import find_topic
from copilot.notes.render import render_markdown

# -- A. name-first WeChat copy-paste -------------------------------------------------------------
FISHING = """老郑 20:01
兄弟们说下周六夜钓的事情 地点定在青龙水库南岸 晚上七点集合 每人交三十块场地费
老郑 20:01
今晚把去的人报一下
阿斌 20:02
我去 我带两根竿
"阿峰"加入了群聊
小马 20:03
水库那边让不让用路亚
老郑 20:04
不让用路亚 只能台钓 违规要罚两百
小马 20:04
收到
[红包]老郑发了一个红包
阿峰 20:05
大家好我是阿峰 刚搬来这边 下个月五号要回老家一趟
老郑 20:06
欢迎欢迎
阿斌 20:07
饵料谁来买
小马 20:07
我来买吧 周五前买好
"""


def test_name_first_paste_is_parsed_with_one_owner_per_header():
    t = parse_text(FISHING, "fishing.txt")
    by_text = {m.text: m.speaker for m in t.messages}
    assert by_text["不让用路亚 只能台钓 违规要罚两百"] == "老郑"
    assert by_text["水库那边让不让用路亚"] == "小马"
    assert by_text["我来买吧 周五前买好"] == "小马"
    assert t.messages[0].time is not None and t.messages[0].time.strftime("%H:%M") == "20:01"


def test_platform_lines_without_a_header_are_split_off_not_glued_to_the_member():
    t = parse_text(FISHING, "fishing.txt")
    # the answer that sat above the join line is kept whole, and the join and red-packet lines are dropped
    assert any(m.text == "不让用路亚 只能台钓 违规要罚两百" for m in t.messages)
    assert not any("加入了群聊" in m.text or "红包" in m.text for m in t.messages)
    dropped = {d.text: d.reason for d in t.dropped}
    assert dropped['"阿峰"加入了群聊'] == "系统消息"
    assert "[红包]老郑发了一个红包" in dropped
    notes = summarize_offline(t)
    qa = {p.question: p.answer for p in notes.qa}
    assert any("路亚" in q and "只能台钓" in a for q, a in qa.items())


def test_name_and_time_body_line_stays_a_body_in_a_dated_export():
    text = """2026-12-05 20:01:00 领跑员老周
周日晨跑集合时间如下
小王 8:30
阿杰 9:00
2026-12-05 20:03:10 小王
收到 我八点半到
"""
    t = parse_text(text, "run.txt")
    assert [m.speaker for m in t.messages] == ["领跑员老周", "小王"]
    assert "小王 8:30" in t.messages[0].text and "阿杰 9:00" in t.messages[0].text


def test_a_single_name_time_line_in_an_inline_export_is_not_a_header():
    text = "[2026-12-05 20:01] 老周: 周日集合\n小王 8:30\n[2026-12-05 20:02] 阿杰: 好\n"
    t = parse_text(text, "inline.txt")
    assert [m.speaker for m in t.messages] == ["老周", "阿杰"]
    assert t.messages[0].text.endswith("小王 8:30")


def test_unreadable_file_names_the_accepted_layouts_with_examples():
    with pytest.raises(NotesParseError) as err:
        parse_text("这是一段会议纪要\n大家讨论了很久\n最后没有结论\n", "memo.txt")
    message = str(err.value)
    assert "memo.txt" in message and "第 1 行" in message
    assert "大飞 21:02" in message  # the name-first copy-paste is named, with an example
    assert "2026-12-01 21:02 大飞" in message and "大飞：内容" in message and "CSV" in message


# -- B. closing clauses and contact lines -------------------------------------------------------
def test_closing_clause_is_cut_and_a_bare_one_is_a_farewell():
    assert cut_closing("今日講到呢度，多謝各位") == ("", True)
    assert cut_closing("有咩問題WhatsApp我 6789 0123，今晚到此為止，早唞") == ("有咩問題WhatsApp我 6789 0123", True)
    rest, farewell = cut_closing("有事打我电话一三九零零一三九零零零好了今天就这样大家早点睡")
    assert rest == "有事打我电话一三九零零一三九零零零" and farewell  # every 零 kept
    # content ending in the same characters is no closing
    assert cut_closing("车停到这里") is None
    assert cut_closing("报名费就这些") is None
    assert cut_closing("那就这样吧") == ("", False)  # left to the decision pass: not a farewell by itself


CALLIGRAPHY = """[2026-12-06 19:30] 梁sir: 今晚同大家講下楷書嘅起筆同收筆
[2026-12-06 19:31] 梁sir: 起筆要藏鋒，筆尖逆住方向入紙，再轉返頭寫
[2026-12-06 19:33] 梁sir: 收筆要回鋒，唔好一拖就走，橫畫收筆停半秒
[2026-12-06 19:35] 阿玲: 梁sir，用狼毫定羊毫好啲？
[2026-12-06 19:36] 梁sir: 初學用兼毫，軟硬適中
[2026-12-06 19:40] 梁sir: 今日講到呢度，多謝各位
[2026-12-06 19:41] 阿玲: 多謝梁sir
[2026-12-06 19:42] 梁sir: 有咩問題WhatsApp我 6789 0123，今晚到此為止，早唞
"""


def test_calligraphy_sign_offs_are_no_key_point_and_no_todo():
    t = parse_text(CALLIGRAPHY, "calligraphy.txt")
    assert any(d.text == "今日講到呢度，多謝各位" for d in t.dropped)
    notes = summarize_offline(t)
    assert not notes.actions  # "今晚到此為止" is no deadline and the contact line no task
    md = render_markdown(notes)
    assert "到此為止" not in md and "早唞" not in md and "講到呢度" not in md
    assert "藏鋒" in md  # the talk itself is kept, in Traditional


def test_own_contact_is_told_from_an_ad():
    assert own_contact("有事私聊我，电话13812345678")
    assert not own_contact("全新烘焙模具批发价，加微信bake8888下单，兼职代理月入过万")


# -- C. titles ----------------------------------------------------------------------------------
WATERCOLOUR = """2026-12-04 19:30:00 群主阿宁
各位晚上好，今晚7点半请李老师给大家讲水彩风景的湿画法，讲完有问答
2026-12-04 19:31:00 李老师
大家好，今天讲三件事：打湿纸面、调色比例、留白
2026-12-04 19:33:00 李老师
纸面要刷两遍清水，等水光刚消失再下色
2026-12-04 19:35:00 李老师
上周大家临摹的《春晓》插图，天空就是用这个方法画的
2026-12-04 19:37:00 小鹿
李老师，留白用留白液还是直接空出来
2026-12-04 19:38:00 李老师
大面积用留白液，小的高光直接空出来
"""


def test_title_is_the_hosts_announced_theme_not_a_practice_piece_or_a_time_word():
    notes = summarize_offline(parse_text(WATERCOLOUR, "watercolour.txt"))
    assert "水彩风景的湿画法" in notes.title
    assert "春晓" not in notes.title and not notes.title.startswith("今天")


def test_voice_to_text_greeting_glued_to_the_matter_is_not_the_title():
    messages = parse_text(
        "2026-12-01 09:00:00 社区小何\n大家早上好这周日社区跳蚤市场的事情我们今天定一下\n"
        "2026-12-01 09:01:00 社区小何\n摊位在小区中心广场一共二十个摊位\n"
        "2026-12-01 09:02:00 阿梅\n我报一个摊卖旧童书\n", "flea.txt").messages
    topic = find_topic(messages)
    assert topic == "这周日社区跳蚤市场"


def test_discussion_opened_with_xiang_taolun_takes_its_matter_as_the_title():
    messages = parse_text(
        "小周：各位 今天想讨论一下冬天面包发酵慢的事 最近好几个人都说发不起来\n"
        "阿圆：我放烤箱里加一碗热水 四十分钟就好\n"
        "小周：那酵母要不要多放 还是延长时间就行\n", "bake.txt").messages
    assert find_topic(messages) == "冬天面包发酵慢"


def test_traditional_text_with_an_emoji_keeps_its_script_when_placeholders_are_cut():
    kept = strip_placeholders("各位晚安！今晚請咗陳老師分享「點樣影銀河」🌌️[表情]")
    assert "點樣影銀河" in kept and "[表情]" not in kept and "点样" not in kept
