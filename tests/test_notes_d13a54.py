"""Round 54 (d13a54): a plan told as the first word on its matter is a notice, not a decision.

- "各位团员晚上好，新年音乐会定在12月31日晚上7点半…" opens the matter: nothing was put up, asked or voted on before
  it, so it is told to the group (an announcement), not settled by it;
- the same wording after the matter was discussed ("那年会就定点都德") is still a decision;
- a poll's result, a recap and a line that changes an earlier plan still settle on their first word.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2029, 11, 5, 20, 0)  # a Monday evening


def _structure(*lines: str):
    return chat_structure(*lines, start=START)


def test_an_event_told_first_is_a_notice_not_a_decision():
    s = _structure(
        "团长老许|各位团员晚上好，新年音乐会定在12月31日晚上7点半，在区文化馆小剧场，我们唱三首歌",
        "小芳|收到",
        "阿龙|收到，到时候穿什么？",
        "团长老许|统一穿黑色演出服",
    )
    assert not any("小剧场" in d.text for d in s.decisions), [d.text for d in s.decisions]
    assert any("小剧场" in a.text for a in s.announcements), [a.text for a in s.announcements]


def test_a_traditional_opening_notice_is_no_decision_either():
    s = _structure(
        "社長小瑜|各位社員晚安～期末成果發表會確定在6月6日週六晚上7點，學生活動中心演藝廳",
        "阿哲|好的",
        "小米|收到",
    )
    assert not any("演藝廳" in d.text for d in s.decisions), [d.text for d in s.decisions]


def test_settled_after_the_matter_was_discussed_stays_a_decision():
    s = _structure(
        "护士长陈姐|年底聚餐大家想去哪，海底捞还是点都德？",
        "小林|点都德",
        "阿May|点都德+1",
        "护士长陈姐|那聚餐就定点都德，1月15号晚上6点半",
    )
    assert any("点都德" in d.text for d in s.decisions), [d.text for d in s.decisions]


def test_a_poll_result_told_first_is_still_a_decision():
    s = _structure(
        "里长林伯|投票结果：12月8日18票，12月15日7票，大扫除就定在12月8日早上8点",
        "阿美姐|好的",
    )
    assert any("12月8日" in d.text for d in s.decisions), [d.text for d in s.decisions]


def test_a_change_of_an_earlier_plan_is_still_a_decision():
    s = _structure(
        "群主阿蓝|下个月的分享会改到晚上7点半，定了，大家记一下",
        "老胡|好的",
    )
    assert any("7点半" in d.text for d in s.decisions), [d.text for d in s.decisions]


def test_a_members_yes_with_a_comment_before_the_organisers_close_is_no_decision():
    s = _structure(
        "会长阿毅|年度影展我的想法是放在市图书馆一楼展厅，免费，人流也大，大家同意吗",
        "理事老郑|同意",
        "理事Kiki|没问题，图书馆挺好",
        "会长阿毅|好，那影展就定在市图书馆一楼展厅",
    )
    texts = [d.text for d in s.decisions]
    assert not any(t.startswith("图书馆挺好") for t in texts), texts
    close = next(d for d in s.decisions if "一楼展厅" in d.text)
    assert {"理事老郑", "理事Kiki"} <= set(close.by), close.by
