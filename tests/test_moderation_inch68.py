"""A size in 吋 (the inch character of Taiwan and Hong Kong listings, 英吋) is a measure like 寸 and 英寸, not a number
the ad classifier reads as a price or a count (round 68: a member's own 23 吋 ukulele with one price, independent6)."""

from __future__ import annotations

import pytest

from copilot.moderation.normalise import normalise
from copilot.moderation.signals import said_prices, without_measures


@pytest.mark.parametrize(("text", "size"), [
    ("自用的23吋烏克麗麗割愛，琴況很好，5000元可小議", "23"),
    ("家里那台27英吋显示器出掉，600元自提", "27"),
    ("24 吋行李箱一个，九成新，150块", "24"),
])
def test_a_size_in_inches_is_taken_out_before_the_classifier_reads_the_figures(text: str, size: str) -> None:
    plain = without_measures(normalise(text).folded)
    assert size not in plain
    assert "吋" in plain  # the unit stays: only the measured figure goes


def test_the_price_beside_the_size_is_still_the_one_price() -> None:
    folded = normalise("32吋电视1200块，要的私我").folded
    assert said_prices(folded) == ["1200块"]
    assert "1200" in without_measures(folded)
