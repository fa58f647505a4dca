"""Free calendar topics fit the group: each pattern is filled only with the kind of word it declares,
brand groups are not sent to other brands, a two-sided question is the only one that asks to pick a
side, times follow the group's rhythm, and a bank that runs dry is reported, not padded."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from copilot.agents import draft
from copilot.agents.facts import topic_classes, verb_fill
from copilot.agents.topics import domains, topic_bank
from copilot.knowledge.checks import failures, skeleton_clauses
from copilot.profile import profile_from_data

D = dt.date


@pytest.mark.parametrize(("word", "fits"), [
    ("产品经理", set()), ("团购", set()), ("宝妈", set()),
    ("跑步", {"subject", "practice", "gear", "learn"}), ("需求分析", {"subject", "learn"}),
    ("面霜", {"subject", "product"}), ("水果", {"subject", "product"}), ("手冲", {"subject", "practice", "gear", "learn"}),
    # what the word is decides what may be said of it: a concern, a place, an exam, a duty, a matter
    ("睡眠", {"concern"}), ("城市绿道", {"place"}), ("中考", {"exam"}), ("社区义诊服务", {"duty"}), ("落户手续", {"matter"}),
    ("打疫苗", {"routine"}), ("老街坊", set()),
    # a word of no known kind fills no pattern (a shorter calendar beats 练敏感肌)
    ("敏感肌", set()), ("星穹铁道", set()),
])
def test_topic_words_are_classed_by_what_can_be_said_of_them(word, fits):
    assert topic_classes(word) == fits


SLOTS = {"subject", "practice", "gear", "learn", "product", "routine", "service", "exam", "duty", "matter", "concern", "place"}


def _slot_list(sk):
    return sk["slot"] if isinstance(sk["slot"], list) else [sk["slot"]]


def test_every_pattern_declares_a_slot_and_only_two_sided_questions_ask_to_pick_a_side():
    bank = topic_bank()
    for family, patterns in bank["families"].items():
        for sk in patterns:
            assert set(_slot_list(sk)) <= SLOTS, (family, sk["title"])
            steps = sk.get("steps") or bank["types"][sk["type"]]["steps"]
            if "选一边" in steps:
                assert "还是" in sk["text"] or "哪边" in sk["text"] or "哪一样" in sk["text"], sk["text"]
    assert "选一边" not in bank["types"]["观点"]["steps"]
    for name, domain in bank["domains"].items():
        assert domain["cues"], name
        for sk in domain["skeletons"]:
            assert set(_slot_list(sk)) <= SLOTS and "{t}" in sk["text"], (name, sk["title"])
            steps = sk.get("steps") or bank["types"][sk["type"]]["steps"]
            if "选一边" in steps:
                assert "还是" in sk["text"], sk["text"]


# groups of one domain each, written for this test: a folk-song choir, a phone-game team, a Japanese
# conversation club, a dog-walking group, a home-workout camp
DOMAIN_GROUPS = {
    "music": {"name": "江湾民歌合唱队", "positioning": "杭州江湾一带喜欢唱民歌的人每周合唱", "topics": ["合唱", "民歌"], "type": "兴趣型",
              "events": [{"title": "周四排练", "kind": "课程", "cadence": "每周四", "time": "19:00", "place": "江湾社区活动室",
                          "details": "练两首民歌，带谱子"}]},
    "game": {"name": "", "positioning": "手游王者峡谷五排车队，晚上一起开黑上分", "topics": ["五排", "段位", "英雄攻略"], "type": "兴趣型",
             "platform": "qq"},
    "language": {"name": "日语会话角", "positioning": "在上海工作的人练日语会话，每周线上聊一次", "topics": ["日语", "会话"], "type": "知识型"},
    "pets": {"name": "滨湖遛狗群", "positioning": "合肥滨湖的狗主人周末一起遛狗，交流养狗经验", "topics": ["养狗", "遛狗", "宠物医院"],
             "type": "兴趣型"},
    "fitness": {"name": "午休十五分钟健身", "positioning": "上班族午休在工位旁练十五分钟，减脂和改善体态", "topics": ["健身", "体态", "拉伸"],
                "type": "知识型"},
    "reading": {"name": "", "positioning": "社区图书馆的书友每月共读一本小说，线上聊读后感", "topics": ["小说", "读后感"], "type": "兴趣型",
                "platform": "qq"},
}


@pytest.mark.parametrize("domain", sorted(DOMAIN_GROUPS))
def test_a_group_gets_its_own_domains_questions_and_every_variant_passes(offline, domain, monkeypatch):
    from copilot.agents import events as events_mod

    profile = profile_from_data(DOMAIN_GROUPS[domain])
    own = {sk["title"] for sk in topic_bank()["domains"][domain]["skeletons"]}
    for i in range(3):  # every interchangeable phrase: the i-th option of each [甲|乙]
        monkeypatch.setattr(events_mod, "pick", lambda opts, p, slot, i=i: opts[i % len(opts)] if opts else "")
        result = draft("topics", profile, offline, days=7, start=D(2026, 12, 7))
        assert not failures(result.checks), [c.reason for c in failures(result.checks)]
        free = _free(result)
        titles = {v.replace("{t}", "") for sk_title in own for v in _variants(sk_title)}
        # one topic word fills at most four posts a week (topics.yaml word_cap): a one-word group gets four
        assert sum(any(t and t in e["title"] for t in titles) for e in free) >= min(4, len(free)), [e["title"] for e in free]
        assert all("[" not in e["opening"] and "|" not in e["opening"] for e in free)
    # the domain comes from the group's own words: a woodwork group with the same fields gets none of it
    assert [d["skeletons"] for d in domains(profile)] == [topic_bank()["domains"][domain]["skeletons"]]
    assert not domains(profile_from_data({**DOMAIN_GROUPS[domain], "topics": ["木工"], "positioning": "周末一起做小板凳、木勺"}))


PM = profile_from_data({
    "name": "产品进阶会", "positioning": "给工作三年以上的产品经理交流", "topics": ["产品经理", "增长", "用户研究"], "type": "知识型",
    "events": [{"title": "周四案例直播", "kind": "直播", "cadence": "每周四", "time": "20:30", "place": "视频号", "details": "讲一个增长案例"}],
})
SKIN = profile_from_data({
    "name": "青禾护肤会员群", "brand": "青禾", "positioning": "青禾护肤老顾客交流", "topics": ["护肤", "面霜", "敏感肌"], "type": "品牌型",
    "events": [{"title": "会员日", "kind": "会员日", "cadence": "每月15号", "time": "10:00", "details": "全场9折"}],
})
GAMERS = profile_from_data({
    "name": "原神深渊攻略组", "positioning": "原神玩家一起研究深渊配队", "topics": ["配队", "深渊", "抽卡"], "type": "兴趣型", "platform": "qq",
    "events": [{"title": "周五深渊车队", "kind": "其他", "cadence": "每周五", "time": "21:00", "details": "按段位组队"}],
})


def _free(result):
    return [e for e in result.drafts if not e["event"]]


def test_role_and_form_words_never_fill_a_pattern(offline):
    free = _free(draft("topics", PM, offline, days=14, start=D(2026, 12, 7)))
    assert free and not any("产品经理" in e["opening"] for e in free)


def test_brand_groups_are_not_sent_to_other_brands_and_products_fill_product_patterns(offline):
    free = _free(draft("topics", SKIN, offline, days=14, start=D(2026, 12, 7)))
    text = "\n".join(e["opening"] for e in free)
    assert "推荐一款护肤" not in text and "敏感肌用法" not in text and "想找靠谱的" not in text
    for e in free:
        if "推荐一款" in e["opening"]:
            assert "青禾" in e["opening"]


def test_evening_group_gets_no_morning_filler_and_weekend_plans_come_before_the_weekend(offline):
    result = draft("topics", GAMERS, offline, days=14, start=D(2026, 12, 7))
    assert all(e["time"] >= "12:00" for e in result.drafts)
    for e in result.drafts:
        if "周末" in e["opening"]:
            assert e["weekday"] in ("周四", "周五")
    assert not any("装备" in e["opening"] for e in _free(result))  # 配队/深渊/抽卡 are not gear
    assert not failures(result.checks, include_warn=False)


def test_a_dry_bank_is_reported_not_padded(offline):
    result = draft("topics", SKIN, offline, days=40, start=D(2026, 12, 7))
    openings = [e["opening"] for e in _free(result)]
    assert len(openings) == len(set(openings))
    assert "已经用完" in (result.notice or "") and "没有排内容" in (result.notice or "")


def test_a_daily_evening_routine_still_leaves_room_for_one_topic_and_reads_differently_each_day(offline):
    p = profile_from_data({
        "name": "晚间背单词", "positioning": "上班族晚上一起背单词", "topics": ["英语", "单词"], "type": "知识型",
        "events": [{"title": "单词打卡", "kind": "打卡", "cadence": "每天", "time": "21:30", "details": "发背单词截图"},
                   {"title": "周六线下自习", "kind": "线下活动", "cadence": "每周六", "time": "14:00", "place": "市图书馆",
                    "details": "带电脑"}]})
    result = draft("topics", p, offline, days=7, start=D(2026, 12, 7))
    checkins = [e["opening"] for e in result.drafts if e["event"] == "单词打卡"]
    assert len(checkins) == 7 and len(set(checkins)) >= 4
    free = _free(result)  # one a day (the group meets in person), in the day slot, all at the same time
    assert len(free) >= 5 and len({e["time"] for e in free}) == 1 and free[0]["time"] < "17:00"


def test_a_brand_name_that_does_not_say_the_topic_gets_the_topic_in_every_name(offline):
    tea = profile_from_data({"name": "", "brand": "云栖", "positioning": "云栖老茶客的会员群", "topics": ["绿茶", "冲泡"],
                             "type": "品牌型"})
    result = draft("name", tea, offline, n=5)
    names = [d["name"] for d in result.drafts]
    assert names and all("云栖" in n and any(w in n for w in ("绿茶", "冲泡", "茶")) for n in names), names  # never 云栖会员群
    assert not failures(result.checks, include_warn=False)


def _variants(text: str) -> list[str]:
    parts = re.split(r"(\[[^\[\]]*\])", text)
    options = [p[1:-1].split("|") if p.startswith("[") and "|" in p else [p] for p in parts]
    return ["".join(x) for x in itertools.product(*options)]


def test_no_two_patterns_that_can_meet_in_one_calendar_share_a_sentence():
    # a calendar draws on the group's domains, its type's family and the common patterns: any two of
    # those, in any of their interchangeable phrasings, must not share a clause (topics.distinct_skeletons)
    bank = topic_bank()
    sources = [(f"domain:{d}", sk) for d, v in bank["domains"].items() for sk in v["skeletons"]]
    sources += [(f"family:{f}", sk) for f, v in bank["families"].items() for sk in v]
    sources += [(f"domain:{b}", sk) for b, v in bank["businesses"].items() for sk in v]  # a business bank is a domain
    clauses = {}
    for src, sk in sources:
        filled = [v.format(t="乒乓球", brand="某牌", opts="A. 球拍 B. 球鞋", **verb_fill("乒乓球")) for v in _variants(sk["text"])]
        clauses[(src, sk["title"])] = {c for v in filled for c, _ in skeleton_clauses(v, ["乒乓球", "某牌", "球拍", "球鞋"], 6)}
    clashes = [(a, b, clauses[a] & clauses[b]) for a, b in itertools.combinations(clauses, 2)
               if (a[0] == b[0] or "domain" in a[0] + b[0] or "common" in a[0] + b[0]) and clauses[a] & clauses[b]]
    assert not clashes, clashes


# written for this test: a group of parents whose topics are a counselling subject and an exam — neither is
# something one "学"s or "练"s as a hobby
def test_verbs_before_a_topic_only_for_topics_one_does(offline):
    exam = profile_from_data({"name": "实验中学初三家长群", "positioning": "初三家长交流中考复习节奏、孩子情绪和择校信息",
                              "type": "知识型", "topics": ["中考", "择校", "情绪疏导", "睡眠"],
                              "audience": "孩子在读初三的家长，多数第一次陪考"})
    text = "\n".join(f"{d['title']} {d['opening']}" for d in draft("topics", exam, offline, days=14, start="2027-03-01").drafts)
    for bad in [v + t for v in "学练玩" for t in ("情绪疏导", "中考", "择校", "睡眠")]:
        assert bad not in text, (bad, text)
    assert "中考" in text or "情绪疏导" in text, text  # the free slots still talk about the group's topics
