"""Round 70 (d13b70): a figure another member corrects later (the treasurer's "更正一下：报名费每人100元" after the
organiser's "报名费每人80元") no longer stands as current anywhere in the notes; a member who corrects their own
line leaves the organiser's line as it is.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import exported_notes

from copilot.evals.notes import shown_as_current
from copilot.notes.render import render_markdown
from copilot.textnorm import fold

START = datetime(2027, 3, 1, 19, 30)  # a Monday evening

# a reading club: the organiser states the fee, the treasurer corrects it
FEE = (
    "社长阿宁|下周六（3月13日）读书会去郊外茶园，车费每人60元，含门票",
    "小唐|我报名",
    "阿秋|我也去，要带什么吗",
    "社长阿宁|带个水杯就行，茶园有茶喝",
    "财务阿梅|更正一下：车费每人75元，司机那边涨价了",
    "小唐|好的",
)

# a choir: the conductor gives the rehearsal time, the deputy corrects it
TIME = (
    "指挥老严|周四晚上7点在文化馆三楼排练，曲目是《茉莉花》",
    "小葛|收到",
    "阿兰|我那天可能晚到一会",
    "副团长阿丽|更正：排练是晚上7点半开始，三楼7点前有舞蹈班",
    "小葛|好的",
)

# a hiking club: a member corrects only their own arrival time; the organiser's meeting time stands
OWN = (
    "队长阿强|周日上午9点在人民公园北门集合，一起去爬山",
    "小李|我9点半能到",
    "阿芳|我带水",
    "小李|更正：我10点到",
)


def _markdown(*lines: str) -> str:
    return fold(render_markdown(exported_notes(*lines, start=START), appendix=False))


def test_a_fee_another_member_corrects_is_not_shown_as_current():
    md = _markdown(*FEE)
    assert not shown_as_current(fold("每人60元"), md)
    assert fold("75元") in md


def test_a_time_another_member_corrects_is_not_shown_as_current():
    md = _markdown(*TIME)
    assert not shown_as_current(fold("晚上7点在"), md)
    assert fold("7点半") in md


def test_a_member_correcting_their_own_line_leaves_the_organisers_time():
    md = _markdown(*OWN)
    assert shown_as_current(fold("上午9点在人民公园"), md)
