"""Round 67, d17a67 (issue 17): the why-split of moderation errors (copilot/evals/moderation_why.py) — each ad false
positive, ad miss, off-topic error and legitimate message acted on is counted by the deciding layer of its verdict and
text-free traits, never by its text.
Groups and messages written for these tests (a cycling club, a home-brewing group)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest
from moderation_say import say

from copilot.config import Settings
from copilot.evals.moderation_why import WhySplit, classes_of, deciding, traits
from copilot.moderation import Moderator
from copilot.moderation.labels import Label
from copilot.profile import parse_profile_text

CYCLING = """
name: 周末骑行俱乐部
positioning: 同城骑友约周末骑行路线、交流单车保养和装备
topics: [骑行, 单车, 路线, 爬坡, 变速, 轮胎, 头盔]
audience: 同城骑友
type: 兴趣型
"""

say = partial(say, gap=90)


def _mod(profile: str, tmp_path: Path) -> Moderator:
    """An offline moderator with its own data directory (no verdict of another run is replayed)."""
    return Moderator(Settings(data_dir=tmp_path / "data", llm_provider="offline"), parse_profile_text(profile))


def test_an_ad_gold_called_ok_is_counted_as_an_ad_false_positive_by_its_contact_signal(tmp_path: Path) -> None:
    mod = _mod(CYCLING, tmp_path)
    text = "碳纤维公路车批发，全网最低价，加微信 bike88990 详聊，电话 13912345678"
    v = say(mod, text, n=1)
    assert v.label == Label.AD
    row = {"profile": "cycling", "user": "m1", "text": text, "label": "ok"}
    assert classes_of(row, v) == ["ad_fp", "legit_acted"]
    key = deciding("ad_fp", v)
    assert key.startswith("top=contact ") and "contact" in key.split()[1]
    assert {"digits", "contact", "first_message"} <= set(traits(row, v, first=True))


def test_a_missed_ad_is_keyed_by_the_label_it_got_and_no_text_reaches_the_counts(tmp_path: Path) -> None:
    mod = _mod(CYCLING, tmp_path)
    rows = [{"profile": "cycling", "user": "a", "text": "周日早上七点东湖绿道集合，骑六十公里，记得带头盔", "label": "ok"},
            {"profile": "cycling", "user": "b", "text": "今天爬坡变速老是掉链，是不是后拨要调一下", "label": "ad"},
            {"profile": "cycling", "user": "c", "text": "骑行服工厂直销，全网最低价，加微信 ride7788 看款，电话 13812345678",
             "label": "ad"}]
    why = WhySplit()
    for n, row in enumerate(rows):
        why.observe(row, say(mod, row["text"], n=n, user=row["user"]))
    assert why.n == 3 and why.total["ad_fn"] == 1 and why.total["ad_fp"] == 0 and why.total["ad_tp"] == 1
    (right,) = why.by["ad_tp"]["deciding"]
    assert right.startswith("top=contact ")
    (key,) = why.by["ad_fn"]["deciding"]
    assert key.startswith("got=ok top=none p")
    out = "\n".join(why.lines())
    assert "ad_fn=1" in out and "ad_tp=1" in out
    assert all(row["text"] not in out and row["text"][:6] not in out for row in rows)


ORCHIDS = """
name: 兰花养护交流群
positioning: 养兰的花友交流换盆、浇水、病虫害和开花，互相分株
topics: [兰花, 换盆, 植料, 浇水, 分株, 开花, 叶片, 根系]
audience: 养兰的花友
type: 兴趣型
"""

OWN_OFFER = "我家春兰今年分了三苗，品相不错，一苗八十，要的打我电话 139 1234 5678"


def test_a_known_members_own_priced_offer_with_a_phone_is_not_an_ad_but_a_person_looks(tmp_path: Path) -> None:
    mod = _mod(ORCHIDS, tmp_path)
    say(mod, "今天给春兰换了盆，植料用的是松树皮加一点陶粒", n=0, user="lan")
    say(mod, "叶片发黄是不是浇水太勤了，我现在一周浇一次", n=1, user="lan")
    v = say(mod, OWN_OFFER, n=2, user="lan")
    assert v.label == Label.OK and v.action == "review"
    assert v.checks["belongs"]["record"] and v.checks["belongs"]["offer"]["for_money"] and v.checks["belongs"]["own_sale"]
    assert "不算广告" in v.reason


def test_the_same_offer_from_a_member_with_no_record_stays_an_ad(tmp_path: Path) -> None:
    v = say(_mod(ORCHIDS, tmp_path), OWN_OFFER, n=0, user="stranger")
    assert v.label == Label.AD
    assert "belongs" not in v.checks


@pytest.mark.parametrize("text", [
    "我家春兰分了几苗，一苗八十，蕙兰120一盆，建兰60，要的打我电话 139 1234 5678",   # a price list
    "我家春兰今年分了三苗，一苗80，要的打我电话 139 1234 5678 或者加微信 lanhua_zhou88",  # two ways to reach a seller
])
def test_a_known_member_past_a_one_off_sales_terms_stays_an_ad(tmp_path: Path, text: str) -> None:
    mod = _mod(ORCHIDS, tmp_path)
    say(mod, "今天给春兰换了盆，植料用的是松树皮加一点陶粒", n=0, user="lan")
    say(mod, "叶片发黄是不是浇水太勤了，我现在一周浇一次", n=1, user="lan")
    v = say(mod, text, n=2, user="lan")
    assert v.label == Label.AD, v.reason
    assert "不算广告" not in v.reason
