"""QA round 14c on drafts: cue words match whole words (not a syllable inside another word), the
operator's own fields beat words in the description, impossible clock times are refused and an all-day
event gets no invented start time. Profiles are written inline for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from copilot.agents import compose as C
from copilot.agents import draft
from copilot.agents.events import compose_notice
from copilot.agents.topics import _SkeletonGuard, domains
from copilot.knowledge.checks import failures
from copilot.knowledge.rules import load_rules
from copilot.paths import KNOWLEDGE_DIR
from copilot.profile import ProfileError, profile_from_data
from copilot.textnorm import has_word


def _profile(**over):
    data = {"name": "测试群", "type": "兴趣型", "positioning": "周末一起做点喜欢的事，交流心得",
            "audience": "附近的上班族", "topics": ["交流"]}
    data.update(over)
    return profile_from_data(data)


@pytest.mark.parametrize(("text", "word", "hit"), [
    ("小区拼团本地土鸡蛋", "团本", False),      # 拼团 | 本地
    ("魔兽团本开荒", "团本", True),
    ("长沙二手车行互通车源", "二手", False),     # 二手车 is one word
    ("二手闲置转让", "二手", True),
    ("ＷＯＷ团本", "wow", True),                 # compared after fold (width, case)
    ("", "团本", False),
    ("团本", "", False),
])
def test_has_word_matches_whole_words_only(text, word, hit):
    assert has_word(text, word) is hit


def test_a_syllable_inside_another_word_does_not_pick_a_game_domain():
    veg = _profile(type="消费型", positioning="小区拼团本地土鸡蛋和时令青菜，每天接龙", topics=["鸡蛋", "青菜"])
    game = _profile(positioning="魔兽世界公会，每周团本开荒", topics=["团本", "配装"])
    assert not any("团本" in d["cues"] for d in domains(veg))
    assert any("团本" in d["cues"] for d in domains(game))
    names = " ".join(f for f, _ in C.domain_forms(veg))
    assert "公会" not in names and "开荒" not in names


def test_a_used_car_trade_is_not_a_flea_market():
    cars = _profile(type="其他", positioning="长沙二手车行互通车源、调剂库存", topics=["二手车", "车源"])
    flea = _profile(positioning="小区二手闲置转让，用不上的东西换个主人", topics=["闲置", "转让"])
    assert not {f for f, _ in C.domain_forms(cars)} & {"闲置群", "跳蚤市场", "换物群"}
    assert {f for f, _ in C.domain_forms(flea)} & {"闲置群", "跳蚤市场", "换物群"}


def test_audience_field_beats_words_in_the_positioning():
    carers = _profile(positioning="照顾失智老人的家属互相打气", audience="四十到五十岁、白天上班的子女")
    seniors = _profile(positioning="社区里的退休老人一起唱歌", audience="")
    assert "senior" not in C.audience_classes(carers)
    assert "senior" in C.audience_classes(seniors)


def test_an_impossible_clock_time_is_a_chinese_error():
    ev = {"title": "夜读", "kind": "讨论", "cadence": "每周三"}
    for bad in ("25:00", "19:75"):
        with pytest.raises(ProfileError) as err:
            _profile(events=[{**ev, "time": bad}])
        assert "不存在" in str(err.value) and bad in str(err.value)
    assert _profile(events=[{**ev, "time": "２１：３０"}]).all_events()[0].time == "21:30"


@pytest.mark.parametrize("event", [
    {"title": "茶友日", "kind": "会员日", "cadence": "每月9号", "details": "会员当天茶饮买一送一"},
    {"title": "开放日", "kind": "其他", "cadence": "每月9号", "time": "全天"},
    {"title": "開放日", "kind": "其他", "cadence": "每月9号", "time": "全天"},
])
def test_an_all_day_event_has_no_invented_start_time(event):
    p = _profile(events=[event])
    ev = p.all_events()[0]
    assert ev.all_day and ev.time is None
    n = compose_notice(p, ev, dt.date(2026, 12, 9), load_rules(KNOWLEDGE_DIR))
    assert "全天" in n.text and "到点" not in n.text
    assert not any("开始时间" in x for x in n.needs)


def test_a_timed_event_without_time_still_asks_for_it():
    p = _profile(events=[{"title": "夜读", "kind": "讨论", "cadence": "每周三"}])
    ev = p.all_events()[0]
    assert not ev.all_day
    assert "开始时间" in compose_notice(p, ev, dt.date(2026, 12, 9), load_rules(KNOWLEDGE_DIR)).needs


def _all_text(result) -> str:
    return "\n".join(str(v) for d in result.drafts for v in d.values())


def test_quiet_hours_need_the_operator_to_ask_for_them(offline):
    talk = {"title": "照护答疑", "kind": "答疑", "cadence": "每周四", "time": "20:00", "place": "群内",
            "details": "答家属最头疼的事：半夜起来找东西、夜里不肯睡、白天打瞌睡。"}
    carers = _profile(type="其他", positioning="照顾中风后的家人的家属互相支招、交换照护经验",
                      audience="白天上班、晚上照顾家人的子女", topics=["照护经验", "康复训练"], events=[talk])
    asked = carers.model_copy(update={"threshold": "大家都很累，晚上11点以后免打扰"})
    quiet = ("23:00", "深夜", "夜里尽量")
    assert not any(q in _all_text(draft("rules", carers, offline)) for q in quiet)
    assert any(q in _all_text(draft("rules", asked, offline)) for q in quiet)


def test_hype_filter_keeps_the_fact_around_the_hype_phrase(offline):
    p = _profile(type="消费型", positioning="小区邻居一起订本地农家货，每周接龙", audience="小区住户",
                 topics=["农家货"], events=[{"title": "年货截单", "kind": "接龙", "cadence": "2026-12-30", "time": "20:00",
                                             "place": "群内", "details": "年货腊味、土鸡预订最后一天，赶紧下单！名额有限。"}])
    text = _all_text(draft("copy", p, offline, kind="activity", n=1, start=dt.date(2026, 12, 28)))
    assert "年货腊味" in text and "土鸡预订" in text
    assert not any(w in text for w in ("最后一天", "赶紧", "名额有限"))


def test_a_live_stream_promises_a_replay_only_when_the_profile_offers_one():
    live = {"title": "选茶直播", "kind": "直播", "cadence": "每周五", "time": "20:00", "place": "视频号"}
    plain = _profile(events=[live])
    replay = _profile(events=[{**live, "details": "讲冬天喝什么茶；有回放，第二天发群里"}])
    days = [dt.date(2026, 12, 4) + dt.timedelta(days=7 * i) for i in range(12)]

    def texts(p):
        return " ".join(compose_notice(p, p.all_events()[0], d, load_rules(KNOWLEDGE_DIR), slot=d.isoformat()).text
                        for d in days)
    assert "回放" not in texts(plain)
    assert "等回放通知" in texts(replay)


def test_a_member_day_that_names_no_price_does_not_become_a_products_deadline(offline):
    day = {"title": "会员日", "kind": "会员日", "cadence": "每月18号", "details": "会员当天饮品9折。"}
    base = dict(type="品牌型", positioning="棋语咖啡的会员群，约局下棋、聊棋谱", audience="棋语咖啡的会员", topics=["围棋"],
                purchase_path="小程序「棋语咖啡」",
                products=[{"name": "围棋体验课", "price": 120, "unit": "节"},
                          {"name": "挂耳咖啡", "price": 45, "promo_price": 39, "unit": "盒", "description": "10包装"}])
    unlinked = _profile(**base, events=[day])
    linked = _profile(**base, events=[{**day, "details": "全场会员价"}])
    start = dt.date(2026, 12, 14)
    result = draft("copy", unlinked, offline, kind="promotion", start=start)
    # the day's own offer ("饮品9折") is a promotion of its own, ending that day; the products' prices are not tied to it
    own = [d for d in result.drafts if d["title"].startswith("会员日")]
    assert len(own) == 1 and "会员当天饮品9折" in own[0]["text"] and "12月18日" in own[0]["text"]
    others = "\n".join(d["text"] + " ".join(d.get("needs") or []) for d in result.drafts if d not in own)
    assert "12月18日" not in others and "会员日当天" not in others
    assert "12月18日" in _all_text(draft("copy", linked, offline, kind="promotion", start=start))


def test_skeleton_guard_refuses_a_second_topic_on_the_same_template():
    p = _profile(topics=["康复训练", "情绪疏导"])
    guard = _SkeletonGuard(p, load_rules(KNOWLEDGE_DIR))
    assert guard.take("康复训练想听什么", "关于康复训练，大家接下来最想一起聊聊哪一块？")
    assert not guard.take("情绪疏导想听什么", "关于情绪疏导，大家接下来最想一起聊聊哪一块？")
    assert guard.take("情绪疏导小经验", "情绪疏导上，你有没有一个自己常用的小办法？")


@pytest.mark.parametrize("over", [
    dict(type="其他", positioning="照顾中风家人的子女互相支招、倾诉", audience="白天上班的子女",
         topics=["康复训练", "情绪疏导", "喂药", "翻身护理", "陪诊"]),
    dict(type="兴趣型", positioning="周末一起溯溪、露营的户外爱好者", audience="二三十岁的上班族",
         topics=["溯溪", "露营", "装备", "路线"]),
    dict(type="消费型", positioning="小区邻居团本地水果和蔬菜", audience="小区住户", topics=["水果", "蔬菜", "鸡蛋"]),
])
def test_a_long_calendar_passes_its_own_distinct_skeleton_check(offline, over):
    p = _profile(**over)
    r = draft("topics", p, offline, start=dt.date(2026, 12, 21), days=28)
    assert "topics.distinct_skeletons" not in {c.rule_id for c in failures(r.checks, include_warn=True)}


def test_wholesale_traders_are_sellers_not_group_buy_neighbours():
    stalls = _profile(type="消费型", positioning="成都水果批发市场的同行互相调货、通报行情",
                      audience="做水果批发的档口老板和经销商", topics=["水果", "行情", "调货"])
    shoppers = _profile(type="消费型", positioning="小区邻居一起团购新鲜水果", audience="小区里的住户", topics=["水果"])
    assert "seller" in C.audience_classes(stalls) and C.gtype(stalls) == "其他"
    assert "seller" not in C.audience_classes(shoppers) and C.gtype(shoppers) == "消费型"
