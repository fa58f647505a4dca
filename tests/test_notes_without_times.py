"""dates.without_times: the one place a text's time expressions are cut out (structure.py cut them in five loops)."""

from __future__ import annotations

from copilot.notes.dates import time_spans, without_times
from copilot.textnorm import fold


def test_every_time_expression_goes_and_the_rest_stays_in_order() -> None:
    f = fold("明天下午3点开会，后天再对一下稿子")
    assert len(time_spans(f)) == 2
    assert without_times(f) == fold("开会，再对一下稿子")


def test_fill_stands_where_each_time_was() -> None:
    f = fold("报名表下周三之前交给班长")
    assert without_times(f, " ") == "报名表 交给班长"
    assert without_times(fold("群公告我来改一下")) == fold("群公告我来改一下")  # no time: nothing cut
