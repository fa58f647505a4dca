"""Round 39 (d13b): a title is never left hanging on the words that say a matter is to be talked over.

"聖誕聯歡嘅事要傾下" (Cantonese 倾 = 商量) titles the notes 聖誕聯歡, not "聖誕聯歡嘅事要傾下"; the cue is read in the
folded form, so a Traditional chat's "講一下" / "定一下" cut its title as the Simplified ones do.

The chats below were written for these tests (an estate's Christmas party, a Taiwan hiking club); none is a
QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.cues import cue
from copilot.notes.model import Transcript
from copilot.notes.offline import summarize_offline

_msgs = partial(chat_lines, start=datetime(2026, 12, 1, 20, 0))


def _title(*lines: str) -> str:
    return summarize_offline(Transcript(name="t.txt", messages=_msgs(*lines), format="wechat")).title


def test_a_cantonese_matter_to_talk_over_is_cut_from_the_title() -> None:
    title = _title("會長阿威|各位街坊，聖誕聯歡嘅事要傾下",
                   "會長阿威|日子定咗12月20號星期日晏晝兩點，喺屋邨會堂，每人夾錢80蚊",
                   "阿玲|食物邊個負責",
                   "會長阿威|食物阿玲你負責，12月15號前報個菜單俾我",
                   "肥仔明|聖誕聯歡要唔要抽獎",
                   "會長阿威|要，聖誕聯歡抽獎禮物預算500蚊，肥仔明你去買")
    # the matter opens the title (a settled discussion adds what was settled after a colon; since round 54 the
    # chair's first word on the date is a notice, so the discussion is titled by its kind: 话题讨论：聖誕聯歡), never
    # the talk-over words
    parts = title.split("：")
    assert parts[0] == "聖誕聯歡" or (parts[0] == "话题讨论" and parts[1] == "聖誕聯歡")
    assert "傾" not in title


def test_a_traditional_matter_told_is_cut_as_a_simplified_one() -> None:
    title = _title("山社-阿德|年底登山健行的事跟大家講一下",
                   "山社-阿德|12月27日禮拜六早上7點在捷運站集合，走七星山主峰",
                   "小芸|要帶午餐嗎",
                   "山社-阿德|要，山上沒有賣吃的，年底登山健行記得帶兩公升水")
    assert title.endswith("年底登山健行")


def test_a_title_is_never_cut_inside_a_time() -> None:
    title = _title("领队阿海|周日上午9:30北门集合",
                   "领队阿海|周日上午走摩星岭，中午在山顶吃自带午饭",
                   "小棠|周日上午要带登山杖吗",
                   "领队阿海|台阶多，膝盖不好的带上")
    assert not title.endswith("9") and "9:30" in title


def test_a_hosts_closing_wishes_are_no_key_point() -> None:
    sign_off = cue("summary", "sign_off")
    assert sign_off.match("今天先这样，有问题私聊我，大家周末愉快")
    assert sign_off.match("今天就先这样，大家假期快乐！")
    assert not sign_off.match("先这样，周六上午9点别迟到")


def test_the_closing_line_stays_out_of_the_notes() -> None:
    from copilot.notes.render import render_markdown  # noqa: PLC0415 - rendering only here

    notes = summarize_offline(Transcript(name="t.txt", format="wechat", messages=_msgs(
        "棋社-唐老师|本月少儿围棋升级赛定在12月13号周日上午9点，地点少年宫三楼",
        "童童妈妈|报名费多少",
        "棋社-唐老师|报名费每人50元，12月10号前交给班长",
        "阳阳爸爸|要带棋具吗",
        "棋社-唐老师|不用，棋具少年宫统一准备",
        "棋社-唐老师|今天先这样，有问题私聊我，大家周末愉快")))
    assert "周末愉快" not in render_markdown(notes, appendix=False)
