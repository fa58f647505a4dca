"""Round 39 (d13b): who agreed to a decision, and work handed on as a decision.

(1) a yes right after a proposal put to the group as a question ("我的想法是…，大家同意吗" — "同意") agrees to
it, even when the proposal names the one saying yes; (2) work handed from one member to another ("本来安排…，
改给小北做") is a decision of its speaker, agreed by the new owner when they take it on; a date changed
("本来周六，改成周日") or a handing-on asked and not taken on is none of this kind.

Every chat below was written for these tests (a community radio club, a bakery class, a rowing club);
none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.model import Transcript
from copilot.notes.structure import analyze

START = datetime(2026, 3, 10, 20, 0)

_msgs = partial(chat_lines, start=START)


def _analyze(*lines: str):
    return analyze(Transcript(name="t.txt", messages=_msgs(*lines), format="wechat"))


def test_a_yes_to_a_proposal_put_to_all_is_agreement_even_when_it_names_the_speaker() -> None:
    found = _analyze("站长阿岚|下个月的社区电台节目要排一下主持",
                     "老冯|主持的人定了吗",
                     "站长阿岚|我的想法是上半月小曼主持，下半月老冯主持，大家同意吗",
                     "小曼|同意",
                     "老冯|同意，没问题",
                     "阿杜|+1",
                     "站长阿岚|好，那就这么定了：上半月小曼，下半月老冯")
    agreed = [d for d in found.decisions if "那就这么定了" in d.text]
    assert agreed and {"小曼", "老冯", "阿杜"} <= set(agreed[0].by)


def test_work_handed_on_is_a_decision_agreed_by_the_new_owner() -> None:
    told = _analyze("教练老韩|周六的划艇体验课，救生衣本来安排小北去借，小北周六要加班，这个改给阿宁去借",
                    "阿宁|好的，我去借",
                    "教练老韩|集合时间早上8点，码头见")
    handed = [d for d in told.decisions if "改给阿宁" in d.text]
    assert handed and handed[0].by[:2] == ["教练老韩", "阿宁"]
    asked = _analyze("烘焙班-周老师|下周的面包课，海报本来想给小苏做，但她要忙报名表，海报改给阿琪可以吗",
                     "阿琪|可以 我做 周五前给初稿")
    assert any("海报改给阿琪" in d.text and "阿琪" in d.by for d in asked.decisions)


def test_a_changed_date_or_a_handing_on_not_taken_up_is_no_such_decision() -> None:
    moved = _analyze("教练老韩|体验课本来周六，改成周日上午9点，码头集合", "阿宁|收到")
    assert not any("改成周日" in d.text and "阿宁" in d.by and len(d.sources) == 2 for d in moved.decisions)
    unanswered = _analyze("烘焙班-周老师|海报本来想给小苏做，但她要忙报名表，海报改给阿琪可以吗",
                          "小苏|我这周确实忙不过来")
    assert not any("海报改给阿琪" in d.text for d in unanswered.decisions)


def test_a_decision_far_off_does_not_keep_an_aside_sharing_its_word_from_the_chatter_pass() -> None:
    lines = ["团长老莫|下周六的排练在少年宫三楼，下午2点开始",
             "小葵|好的",
             "团长老莫|那就定了，下周六排练，每人带自己的谱架",
             "阿岳|收到",
             "小葵|收到",
             "团长老莫|演出服周三前统一去取",
             "小葵|周三可以",
             "阿岳|好",
             "团长老莫|门票每人两张，周五发",
             "小葵|话说今天排练室楼下那家牛肉面超好吃，排队排了半小时"]
    found = _analyze(*lines)
    assert 9 in found.chatter
