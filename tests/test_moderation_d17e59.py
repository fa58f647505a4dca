"""Round 59 d17e59: prices written without 元 — after a count and a counter (一份30, 两杯48) or the goods' condition
(9成新 900) — are read as prices; a time, size or count after the sum is not one."""

from copilot.moderation.normalise import normalise
from copilot.moderation.signals import said_prices


def _prices(text: str) -> list[str]:
    return said_prices(normalise(text).folded)


def test_counted_and_condition_sums_are_prices() -> None:
    assert _prices("拆卡直播，拼盒一份30，要的私我") == ["30"]
    assert _prices("拿铁两杯48，报群名送贝果") == ["48"]
    assert _prices("每份28，三份80") == ["28", "80"]
    assert _prices("升级换了新头灯，旧的那个自用一年多，9成新 120") == ["120"]
    assert _prices("出一台9成新的跑步机，900，自提") == ["900"]


def test_times_sizes_and_counts_after_a_counter_are_not_prices() -> None:
    assert _prices("一份30分钟的练习，大家跟着做") == []
    assert _prices("今天拉花终于成功了，两杯48秒萃取") == []
    assert _prices("这套书两本300页，周末读完了") == []
    assert _prices("外套九成新，2019年买的，还很暖和") == []
    assert _prices("下午3点集合，两人一组，12楼会议室") == []
