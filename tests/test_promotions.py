"""Promotions built from the profile's own products and events: no deals on the core paid product or
what it includes, small add-ons only, deadlines on the sale event's real date, prices in sale notices."""

from __future__ import annotations

import datetime as dt

import pytest

from copilot.agents import DraftError, draft
from copilot.knowledge.checks import failures
from copilot.profile import profile_from_data

D = dt.date
CIRCLE = {
    "name": "运营人进阶圈", "positioning": "给3年以上的新媒体运营做进阶交流", "topics": ["新媒体运营", "增长"], "type": "知识型",
    "paid": {"price": 1599, "term": "年"}, "purchase_path": "小程序「进阶圈」",
    "products": [{"name": "年度会员", "price": 1599, "promo_price": 1299, "unit": "年", "description": "含全年直播、案例库和线下沙龙"},
                 {"name": "沙龙门票", "price": 129, "unit": "张", "description": "非会员单次参加"}],
}
SHOP = {
    "name": "云栖茶友会员群", "brand": "云栖", "positioning": "云栖茶叶老客户的会员群", "topics": ["绿茶", "冲泡"], "type": "品牌型",
    "purchase_path": "小程序「云栖茶」",
    "events": [{"title": "会员日", "kind": "会员日", "cadence": "每月18号", "time": "10:00", "details": "全场会员价"},
               {"title": "周五茶具秒杀", "kind": "秒杀", "cadence": "每周五", "time": "20:00", "details": "玻璃公道杯，每人限1个"}],
    "products": [{"name": "明前龙井", "price": 368, "promo_price": 318, "unit": "罐"},
                 {"name": "碧螺春", "price": 268, "unit": "罐"},
                 {"name": "玻璃公道杯", "price": 59, "promo_price": 39, "unit": "个"},
                 {"name": "茶巾", "price": 15, "unit": "条"}],
}


def test_core_membership_and_what_it_includes_get_no_deals(offline):
    result = draft("copy", profile_from_data(CIRCLE), offline, kind="promotion", n=5, start=D(2026, 12, 7))
    assert [d["tactic"] for d in result.drafts] == ["折扣"]  # only the operator's own promo price
    assert "沙龙门票" not in "\n".join(d["text"] for d in result.drafts)
    assert "核心付费产品" in (result.notice or "")
    only_core = {**CIRCLE, "products": [{"name": "年度会员", "price": 1599}]}
    with pytest.raises(DraftError, match="核心付费产品"):
        draft("copy", profile_from_data(only_core), offline, kind="promotion", n=3)


def test_add_on_is_a_small_item_and_sale_deadline_is_the_event_day(offline):
    result = draft("copy", profile_from_data(SHOP), offline, kind="promotion", n=5, start=D(2026, 12, 7))
    assert not failures(result.checks, include_warn=False)
    by = {d["tactic"]: d for d in result.drafts}
    addon = by["加价换购（比例偏见）"]
    assert "茶巾" in addon["text"] and "碧螺春" not in addon["text"].split("加1元换购")[1]  # 268 元 is no add-on
    discount = by["折扣"]
    assert "【会员日·12月18日】" in discount["text"] and "截止：12月18日（周五）会员日当天" in discount["text"]
    assert "明前龙井" not in by["拼团"]["title"]  # the discounted product gets no second deal


def test_sale_notice_takes_the_price_from_the_products(offline):
    result = draft("copy", profile_from_data(SHOP), offline, kind="activity", n=2, start=D(2026, 12, 7))
    sale = next(d for d in result.drafts if d["event"] == "周五茶具秒杀")
    assert "玻璃公道杯：39元（原价59元）" in sale["text"]
    assert not any("价格" in n for n in sale["needs"])
    assert sale["text"].count("。") >= 3 and all(line.endswith(("。", "：")) for line in sale["text"].splitlines())


def test_a_deadline_the_profile_never_gave_is_not_invented(offline):
    # an English corner selling a coaching card and drink vouchers, with no sale event and no end date:
    # members are not told an end date; the operator is asked for one (needs) instead
    club = profile_from_data({
        "name": "前海英语角", "positioning": "让前海上班的人每周说一次英语，外教和会员轮换搭档", "topics": ["英语口语", "语言交换"],
        "type": "兴趣型", "products": [{"name": "口语陪练次卡", "price": 260, "promo_price": 219, "unit": "张"},
                                      {"name": "饮品券", "price": 32, "promo_price": 26, "unit": "张"}],
        "events": [{"title": "周六英语角", "kind": "线下活动", "cadence": "每周六", "time": "15:00", "place": "前海咖啡馆"}]})
    result = draft("copy", club, offline, kind="promotion", n=3, start=D(2026, 12, 7))
    assert result.drafts
    for d in result.drafts:
        assert "截止" not in d["text"] and "12月13日" not in d["text"] and "22:00" not in d["text"]
        assert any("截止" in n for n in d["needs"])
    assert not failures(result.checks)
    # a sale event still gives its own day as the deadline, and then nothing is asked for
    shop = profile_from_data(SHOP)
    sale = draft("copy", shop, offline, kind="promotion", n=3, start=D(2026, 12, 7))
    dated = [d for d in sale.drafts if "截止" in d["text"]]
    assert dated and all("12月18日" in d["text"] and not d["needs"] for d in dated)


def test_hype_in_event_and_product_wording_is_not_quoted_to_members(offline):
    # the operator's own "名额有限，先到先得 / 赶紧报名" in an event and a product: the notice and the
    # promotion keep the facts and drop those clauses (the notice tells the operator), so they pass their rules
    club = profile_from_data({
        "name": "静安读书会", "positioning": "在静安上班的人每月读一本书，线下聊", "topics": ["读书", "小说"], "type": "兴趣型",
        "banned": ["推销"],
        "products": [{"name": "年度读书卡", "price": 199, "promo_price": 159, "unit": "张", "description": "全年12次活动，名额有限"}],
        "events": [{"title": "月度读书分享会", "kind": "分享", "cadence": "每月第一个周六", "time": "14:00", "place": "静安图书馆二楼",
                    "host": "书友阿青", "signup": "群接龙，名额有限，先到先得",
                    "details": "本月读《长安的荔枝》，赶紧报名；会上不推销任何课程。"}]})
    for kind in ("activity", "promotion"):
        result = draft("copy", club, offline, kind=kind, n=1, start=D(2026, 12, 1))
        text = result.drafts[0]["text"]
        assert not failures(result.checks), [c.reason for c in failures(result.checks)]
        assert "名额有限" not in text and "赶紧" not in text and "名额有限" in (result.notice or "")
    notice = draft("copy", club, offline, kind="activity", n=1, start=D(2026, 12, 1)).drafts[0]["text"]
    assert "长安的荔枝" in notice and "书友阿青" in notice and "不推销任何课程" in notice


def test_no_buy_n_for_a_sample_and_no_add_on_deal_for_a_service():
    from copilot.agents import draft
    from copilot.config import Settings
    from copilot.llm import get_engine
    from copilot.profile import profile_from_data
    engine = get_engine(Settings(llm_provider="offline"), prefer="offline")
    shop = {"name": "岩韵茶舍老客群", "brand": "岩韵茶舍", "type": "消费型", "positioning": "岩韵茶舍老客户买茶、品茶", "topics": ["岩茶", "红茶"],
            "purchase_path": "小程序「岩韵茶舍」",
            "products": [{"name": "岩茶品鉴小样", "price": 39, "unit": "盒"}, {"name": "大红袍", "price": 268, "unit": "罐"}]}
    texts = " ".join(d["text"] for d in draft("copy", profile_from_data(shop), engine, kind="promotion").drafts)
    assert "买3送1" not in texts, texts
    garage = {"name": "驰远汽修老客群", "brand": "驰远汽修", "type": "消费型", "positioning": "驰远汽修的老客户保养预约", "topics": ["保养", "轮胎"],
              "purchase_path": "电话预约",
              "products": [{"name": "雨刮片", "price": 600, "unit": "对"}, {"name": "空调清洗保养", "price": 199, "unit": "次"}]}
    texts = " ".join(d["text"] for d in draft("copy", profile_from_data(garage), engine, kind="promotion").drafts)
    assert "换购空调清洗保养" not in texts, texts


def test_suggested_prices_are_ones_a_shop_would_print(offline):
    # a candle shop written for this test: 138 + 109 = 247, 9折 222.3 → 222 元; a cheap pair stays to the fen
    candles = {"name": "松间香氛会员群", "brand": "松间", "positioning": "松间香氛老客户的会员群", "topics": ["香薰", "蜡烛"],
               "type": "品牌型", "purchase_path": "小程序「松间香氛」",
               "products": [{"name": "雪松香薰蜡烛", "price": 168, "promo_price": 138, "unit": "个"},
                            {"name": "白茶扩香", "price": 129, "promo_price": 109, "unit": "瓶"}]}
    by = {d["tactic"]: d for d in draft("copy", profile_from_data(candles), offline, kind="promotion", n=5,
                                         start=D(2026, 12, 7)).drafts}
    bundle = by["组合套装"]
    assert "套装价222元" in bundle["text"] and "222.3" not in bundle["text"], bundle["text"]
    assert "247 × 0.9 = 222.3" in bundle["operator_note"] and "取整为 222 元" in bundle["operator_note"]
    assert "247 - 222 = 25 元" in bundle["operator_note"]
    cheap = {**candles, "products": [{"name": "火柴", "price": 6.5, "unit": "盒"}, {"name": "灭烛罩", "price": 8, "unit": "个"}]}
    drafts = draft("copy", profile_from_data(cheap), offline, kind="promotion", n=5, start=D(2026, 12, 7)).drafts
    bundles = [d for d in drafts if d["tactic"] == "组合套装"]
    assert bundles and "套装价13.05元" in bundles[0]["text"], [d["text"] for d in drafts]


def test_a_product_that_includes_the_groups_own_events_is_its_core_product(offline):
    # an online cohort (no ``paid`` field) selling itself: its weekly live class is what members joined for
    cohort = {"name": "零基础剪辑共学营", "type": "知识型", "positioning": "六周学会用剪映剪短视频", "topics": ["剪辑", "短视频"],
              "events": [{"title": "周四直播带练", "kind": "课程", "cadence": "每周四", "time": "20:00", "place": "腾讯会议"}],
              "products": [{"name": "六周剪辑共学", "price": 299, "unit": "期", "description": "含6次直播带练和作业点评"}]}
    with pytest.raises(DraftError, match="核心付费产品"):
        draft("copy", profile_from_data(cohort), offline, kind="promotion", n=3)
    # a product that only shares a word with the events is still an ordinary item to deal on
    extra = {**cohort, "products": [*cohort["products"], {"name": "剪辑素材包", "price": 39, "unit": "份", "description": "转场和字幕模板"}]}
    result = draft("copy", profile_from_data(extra), offline, kind="promotion", n=3, start=D(2026, 12, 7))
    text = "\n".join(d["text"] for d in result.drafts)
    assert "剪辑素材包" in text and "六周剪辑共学" not in text, text
