"""Round 56 (d13d56): plans told at the start and rain plans are no decisions; fact checks are no agreement.

- an organiser who first names the matter ("各位，元宵灯会的事跟大家说一下") and then tells the plan ("灯会定在2月12日
  晚上7点，在滨江公园东门") gives a notice: the opener put nothing up, so the plan is still the first word on it;
  a plan after members talked over its place is still a decision;
- a change that holds only under a condition ("下雨就挪到社区活动室", "雨天顺延到下周六") is a contingency, not a
  decision; a plain change ("改到下周六") still is one;
- a yes/no check of a fact after a greeting ("大家好 新人报到 请问模考是这周六吗") and a how-to question
  ("饭盒怎么弄") put nothing up: their askers are no 同意人.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import exported_notes

START = datetime(2031, 1, 6, 20, 0)  # a Monday evening
_notes = partial(exported_notes, start=START)


def test_a_plan_told_after_the_organisers_opener_is_a_notice():
    n = _notes(
        "会长老钱|各位会员，元宵灯会的事跟大家说一下",
        "会长老钱|灯会定在2月12日晚上7点，在滨江公园东门集合，我们扎五盏兔子灯",
        "小林|收到",
        "阿芬|兔子灯的材料谁来买？",
        "小林|我来吧，周五前买齐",
    )
    assert not any("2月12日" in d.text for d in n.decisions), [d.text for d in n.decisions]
    assert any("2月12日" in a.text for a in n.announcements), [a.text for a in n.announcements]


def test_a_plan_after_members_talked_over_the_place_is_still_a_decision():
    n = _notes(
        "会长老钱|各位会员，元宵灯会在哪集合，滨江公园东门还是西门？",
        "小林|东门吧，停车方便",
        "阿芬|东门好",
        "会长老钱|好，灯会定在2月12日晚上7点，滨江公园东门集合",
    )
    assert any("东门" in d.text for d in n.decisions), [d.text for d in n.decisions]


def test_a_rain_plan_is_no_decision():
    n = _notes(
        "领队阿伟|各位，周六骑行的事说一下",
        "领队阿伟|周六早上7点半在体育中心北门集合，骑到湖边再回来",
        "领队阿伟|下雨就挪到下周六，到时候群里通知",
        "小周|收到",
        "阿珍|午饭吃什么？湖边农家乐还是自带？",
        "小周|自带吧",
        "领队阿伟|好，那午饭就自带",
    )
    texts = [d.text for d in n.decisions]
    assert not any("下雨" in t for t in texts), texts
    assert any("自带" in t for t in texts), texts


def test_a_plain_move_is_still_a_decision():
    n = _notes(
        "领队阿伟|周六骑行人太少了，要不改到下周六？",
        "小周|可以",
        "阿珍|同意",
        "领队阿伟|好，骑行改到下周六早上7点半，体育中心北门集合",
    )
    assert any("下周六" in d.text for d in n.decisions), [d.text for d in n.decisions]


def test_a_newcomers_fact_check_after_a_greeting_is_no_agreement():
    n = _notes(
        "班长阿雅|各位，模考报名费每人30，要不要统一从班费里出？",
        "小林同学|好啊，省得一个个转",
        "糖糖|大家好 新人报到 请问模考是这周六吗",
        "团子|同意从班费出",
        "班长阿雅|好，那模考报名费就从班费里出",
    )
    found = [d for d in n.decisions if "班费" in d.text]
    assert found, [d.text for d in n.decisions]
    assert "糖糖" not in found[0].by, found[0].by
    assert {"小林同学", "团子"} <= set(found[0].by), found[0].by


def test_asking_how_to_sign_up_is_no_agreement():
    n = _notes(
        "家委会-林妈妈|春游午饭是学校统一订还是自己带？",
        "乐乐妈妈|自己带吧，孩子口味不一样",
        "朵朵爸爸|午饭自己带的话饭盒怎么弄",
        "豆豆妈妈|赞成自己带",
        "家委会-林妈妈|好，那午饭就各自带，记得带水",
    )
    found = [d for d in n.decisions if "各自带" in d.text]
    assert found, [d.text for d in n.decisions]
    assert "朵朵爸爸" not in found[0].by, found[0].by
    assert "豆豆妈妈" in found[0].by, found[0].by
