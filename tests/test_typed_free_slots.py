"""Typed free slots: a topic word goes only into a question written for its kind (a place is not
练-ed, an exam is not a child's 作品, a duty has no 预算), a word of unknown kind goes into none, groups
whose words fill few questions get questions written for their members instead, free posts keep
clear of the group's own events, and the eval's collocation check sees what a reader sees."""

from __future__ import annotations

import datetime as dt

import pytest

from copilot.agents import draft
from copilot.agents.compose import business_classes, gtype
from copilot.agents.facts import audience_noun, word_kind
from copilot.agents.topics import poll_options, topic_bank
from copilot.evals.fit import checker_scores, free_slot_misfits, misfits
from copilot.knowledge.checks import failures
from copilot.profile import profile_from_data

D = dt.date


# groups written for this test: a hospice volunteers' rota, parents of children sitting the 中考, a
# harbour-side walking club that names its places, a group of delivery riders
HOSPICE = profile_from_data({
    "name": "安宁病房陪伴志愿者群", "type": "其他", "platform": "wechat",
    "positioning": "市三院安宁病房的陪伴志愿者排班、交接和互相打气",
    "topics": ["陪伴服务", "排班", "家属沟通", "心理疏导"],
    "audience": "医院招募的陪伴志愿者，多是退休教师和大学生",
    "events": [{"title": "周三病房陪伴", "kind": "线下活动", "cadence": "每周三", "time": "15:00", "place": "市三院住院部7楼",
                "details": "陪病人聊天、读报，不喂食、不搬动病人。"}],
})
ZHONGKAO = profile_from_data({
    "name": "育才初三家长群", "type": "知识型", "platform": "wechat",
    "positioning": "育才中学初三家长交流中考备考、作息和孩子情绪",
    "topics": ["中考", "作息", "心理疏导", "体育中考"],
    "audience": "育才中学初三学生的家长",
    "events": [{"title": "周日家长答疑", "kind": "答疑", "cadence": "每周日", "time": "20:00", "place": "群内", "host": "班主任"}],
})
HARBOUR = profile_from_data({
    "name": "海港城散步会", "type": "兴趣型", "platform": "wechat", "locality": "青岛·市南区",
    "positioning": "青岛市南区的街坊傍晚沿海边散步，认识新朋友",
    "topics": ["散步", "栈桥", "八大关", "老街坊"],
    "audience": "住在市南区的街坊，退休的和上班的都有",
    "events": [{"title": "周六海边走", "kind": "线下活动", "cadence": "每周六", "time": "16:30", "place": "栈桥入口",
                "details": "走一个半小时，下雨不走。"}],
})
RIDERS = profile_from_data({
    "name": "", "type": "其他", "platform": "wechat",
    "positioning": "城西片区外卖骑手交流接单、电动车充电和顾客投诉的处理",
    "topics": ["接单", "换电站", "顾客投诉", "交通安全"],
    "audience": "在城西跑外卖的全职和兼职骑手",
})


@pytest.mark.parametrize(("word", "kind"), [
    ("郊野公园", "place"), ("栈桥", "place"), ("八大关", "place"), ("星穹铁道", "unknown"), ("湿地公园", "place"), ("志愿服务", "duty"), ("垃圾分类", "duty"),
    ("作息", "matter"), ("签证", "matter"), ("高考", "exam"), ("体育中考", "exam"), ("心理疏导", "concern"),
    ("街坊", "people"), ("同行老板", "people"), ("选品", "field"), ("瑜伽", "activity"), ("咖啡豆", "product"),
    ("汉服租赁", "service"), ("", "unknown"), ("   ", "unknown"),
])
def test_topic_words_are_typed_by_their_head(word, kind):
    assert word_kind(word) == kind


def test_a_product_the_group_sells_is_a_product_even_when_the_lexicon_does_not_know_it():
    assert word_kind("云雾毛尖") == "unknown"
    assert word_kind("云雾毛尖", ("明前云雾毛尖 250g",)) == "product"


@pytest.mark.parametrize(("audience", "noun"), [
    ("育才中学初三学生的家长", "家长"), ("枫叶小区的业主和租户", "业主"), ("大学生和上班族志愿者", "志愿者"),
    ("住在市南区的街坊，退休的和上班的都有", "街坊"), ("喜欢拍照的上班族和学生", ""), ("", ""),
    ("社区里70岁以上的老人", ""),  # “各位老人” is no way to address them
])
def test_the_members_are_named_by_the_head_of_the_audience(audience, noun):
    data = {"name": "x", "positioning": "周末一起在海边散步聊天", "topics": ["散步"], "audience": audience}
    assert audience_noun(profile_from_data(data)) == noun


def _free(result):
    return [e for e in result.drafts if not e["event"]]


@pytest.mark.parametrize("profile", [HOSPICE, ZHONGKAO, HARBOUR, RIDERS], ids=["hospice", "zhongkao", "harbour", "riders"])
def test_free_slots_only_take_words_of_the_kind_they_read_with(offline, profile):
    result = draft("topics", profile, offline, days=14, start=D(2026, 12, 7))
    assert not failures(result.checks), [c.reason for c in failures(result.checks)]
    free = _free(result)
    text = "\n".join(e["title"] + e["opening"] for e in free)
    assert free_slot_misfits(profile, result.drafts) == []
    for bad in ("练栈桥", "玩八大关", "学中考", "学心理疏导", "心理疏导作品", "老街坊上", "关于老街坊", "换电站上"):
        assert bad not in text
    # no buying phrasing for what is not bought
    assert "预算" not in text and "用途" not in text
    # two weeks are filled: at most the weekend of a weekday-only group may stay empty
    days = {e["day"] for e in result.drafts}
    assert len(days) >= 13, sorted(set(range(1, 15)) - days)


def test_words_of_no_known_kind_fill_nothing_and_the_members_are_asked_instead(offline):
    result = draft("topics", RIDERS, offline, days=14, start=D(2026, 12, 7))
    text = "\n".join(e["opening"] for e in _free(result))
    assert "骑手" in text  # questions written for who the members are (各位骑手 / 这周干活碰到的事)
    assert "我们去问问货源" not in text and "团" not in text


def test_a_free_post_keeps_clear_of_the_groups_own_event_that_day(offline):
    result = draft("topics", HOSPICE, offline, days=14, start=D(2026, 12, 7))
    for e in _free(result):
        if e["weekday"] == "周三":
            h, m = map(int, e["time"].split(":"))
            assert abs(h * 60 + m - 15 * 60) >= 120, e


def test_parents_of_an_exam_year_are_asked_about_their_home_not_about_learning_the_exam(offline):
    free = _free(draft("topics", ZHONGKAO, offline, days=14, start=D(2026, 12, 7)))
    text = "\n".join(e["opening"] for e in free)
    assert "家长" in text or "你家" in text
    assert "你是怎么开始" not in text


def test_topic_polls_need_two_words_of_one_kind_and_a_talk_to_choose_for():
    # 中考 and 体育中考 are both exams and the group has a Q&A: a vote between them means something
    assert poll_options(ZHONGKAO)["topics"] == ["中考", "体育中考"]
    # a walk between places and an activity has no talk to vote for
    assert poll_options(HARBOUR)["topics"] == []
    assert poll_options(RIDERS)["topics"] == []  # no event at all


def test_questions_without_a_topic_word_never_carry_one():
    for sk in topic_bank()["open"]:
        assert sk["slot"] == "none" and "{t}" not in sk["text"] + sk["title"], sk["title"]


# -- the eval's collocation check ---------------------------------------------------------------
@pytest.mark.parametrize(("text", "topics", "bad"), [
    ("您是哪一年开始练湿地公园的？", ["湿地公园"], True),
    ("上次去湿地公园的路上，拍到什么了？", ["湿地公园"], False),
    ("孩子最近做的心理疏导作品里，你最喜欢哪一个？", ["心理疏导"], True),
    ("关于心理疏导，你最想听听别的家长怎么做？", ["心理疏导"], False),
    ("在找合适的志愿服务？说说你的用途和预算。", ["志愿服务"], True),
    ("咖啡豆拿不准买哪种？把预算发出来。", ["咖啡豆"], False),
    ("关于老街坊，你最想告诉一年前的自己哪句话？", ["老街坊"], True),
    ("排班上，你觉得分工定死好，还是轮着来好？", ["排班"], False),
    ("作息上，你觉得分工定死好，还是轮着来好？", ["作息"], True),
    ("各位家长，这周你最想弄明白的一件事是什么？", ["中考"], False),
])
def test_the_collocation_check_reads_the_words_around_a_topic(text, topics, bad):
    assert bool(misfits(text, topics)) is bad


@pytest.mark.parametrize("text", ["", "   ", "练" * 20000, "关于\x00\ufeff，", "練郊野公園"])
def test_the_collocation_check_takes_bad_input(text):
    out = misfits(text, ["郊野公园", "", "  "])
    assert isinstance(out, list)
    if "郊野公園" in text:
        assert out  # Traditional text is folded before it is read


def test_the_collocation_check_is_scored_on_hand_labels(tmp_path):
    scores = checker_scores()
    assert scores["n"] >= 40 and scores["precision"] >= 0.9 and scores["recall"] >= 0.85
    # a check that flags nothing finds no misfit: its recall is 0, not a pass
    labels = tmp_path / "labels.yaml"
    labels.write_text("sentences:\n  - {topics: [栈道], fits: false, text: 今天天气好}\n", encoding="utf-8")
    assert checker_scores(labels) == {"n": 1, "precision": 0.0, "recall": 0.0}


def test_a_calendar_with_days_off_still_keeps_most_posts_on_the_group(offline):
    # colleagues get no weekend posts: a two-month calendar has fewer posts than days, and the posts
    # naming neither the topics nor the members must still leave topics.on_topic satisfied
    club = profile_from_data({
        "name": "蓝鲸科技羽毛球群", "type": "其他", "positioning": "蓝鲸科技同事下班后约羽毛球", "topics": ["羽毛球", "球拍"],
        "audience": "蓝鲸科技的同事",
        "events": [{"title": "周四约球", "kind": "线下活动", "cadence": "每周四", "time": "19:00", "place": "公司旁体育馆"}],
    })
    result = draft("topics", club, offline, days=63, start=D(2026, 11, 30))
    assert not [c for c in result.checks if c.passed is False and c.rule_id == "topics.on_topic"]
    assert not any(D.fromisoformat(e["date"]).weekday() >= 5 for e in _free(result))


# ---- after the fresh QA of round 23 (qa14g): a non-food shop, a privacy ban, an evening report ----

SWIM = profile_from_data({
    "name": "浪花少儿游泳班家长群", "type": "消费型", "platform": "wechat", "brand": "浪花游泳",
    "positioning": "浪花游泳馆少儿班的家长约课、看进度、问考级",
    "topics": ["蛙泳", "自由泳", "游泳考级", "约课"],
    "audience": "孩子在浪花游泳馆上课的家长",
    "banned": ["在群里发孩子泳衣照片", "私下找教练加课"],
    "products": [{"name": "蛙泳提高课10节", "price": 1200}, {"name": "游泳考级陪练", "price": 150}],
    "events": [{"title": "今日课程小结", "kind": "晨报", "cadence": "每天", "time": "18:30", "place": "群内"},
               {"title": "周六考级模拟", "kind": "线下活动", "cadence": "每周六", "time": "09:00", "place": "浪花游泳馆深水区"}],
})


@pytest.mark.parametrize(("word", "products", "kind"), [
    ("科目二", ("科目二加练课时",), "exam"), ("科目三", (), "exam"), ("模拟考", (), "exam"),
    ("蛙泳", ("蛙泳提高课10节",), "activity"),  # the course is about 蛙泳; 蛙泳 is not what is sold
    ("云雾毛尖", ("明前云雾毛尖 250g",), "product"), ("凤凰单丛", ("凤凰单丛",), "product"),
])
def test_a_word_a_product_name_starts_with_is_its_subject_not_the_product(word, products, kind):
    assert word_kind(word, products) == kind


def test_a_shop_that_sells_no_food_never_asks_how_members_eat_it(offline):
    text = "\n".join(e["title"] + e["opening"] for e in _free(draft("topics", SWIM, offline, days=14, start=D(2026, 12, 7))))
    assert text and not any(w in text for w in ("怎么吃", "吃法", "上桌", "口味", "吃不完", "爱吃"))


def test_a_group_that_bans_photos_gets_no_photo_post(offline):
    result = draft("topics", SWIM, offline, days=14, start=D(2026, 12, 7))
    assert _free(result) and not any(e["type"] == "晒图" for e in _free(result))
    bank = topic_bank()
    assert "照片" in bank["photo_ban_words"]


def test_an_evening_report_does_not_open_with_good_morning(offline):
    result = draft("topics", SWIM, offline, days=14, start=D(2026, 12, 7))
    reports = [e["opening"] for e in result.drafts if e["event"] and "课程小结" in e["title"]]
    assert len(reports) == 14
    assert not any(w in o for o in reports for w in ("早上好", "新的一天", "早安"))


def test_a_consumer_group_that_sells_only_a_service_gets_no_shop_clauses(offline):
    assert "service" in business_classes(SWIM) and gtype(SWIM) == "其他"
    bakery = profile_from_data({"name": "麦香烘焙", "type": "消费型", "positioning": "社区面包店的新品、预订和周末烘焙课",
                                "topics": ["面包", "蛋糕", "烘焙课"], "products": [{"name": "周末烘焙课", "price": 98}]})
    assert gtype(bakery) == "消费型"  # goods and a class: still a shop
    for kind in ("intro", "rules"):
        text = "\n".join(d["text"] for d in draft(kind, SWIM, offline).drafts)
        assert text and not any(w in text for w in ("上新", "到货", "订单号", "下单"))


def test_a_daily_reports_standing_description_is_said_once_a_week_not_every_day(offline):
    result = draft("topics", SWIM, offline, days=14, start=D(2026, 12, 7))
    said = [e for e in result.drafts if e["event"] and "课程小结" in e["title"]]
    desc = profile_from_data({**SWIM.model_dump(mode="json", exclude_none=True), "events": [
        {"title": "今日课程小结", "kind": "晨报", "cadence": "每天", "time": "18:30", "place": "群内",
         "details": "教练说一下今天各组练了什么、谁进步了，单个孩子的问题私信家长。"}]})
    again = [e for e in draft("topics", desc, offline, days=14, start=D(2026, 12, 7)).drafts if e["event"]]
    with_desc = [e for e in again if "各组练了什么" in e["opening"]]
    assert said and len(again) == 14 and len(with_desc) == 2  # the two Mondays, when the week's routine is introduced
    assert all(D.fromisoformat(e["date"]).weekday() == 0 for e in with_desc)


@pytest.mark.parametrize(("word", "kind"), [
    ("极限飞盘", "activity"), ("城市骑行", "activity"), ("亲子烘焙", "activity"), ("成人芭蕾舞", "activity"),
    ("夜跑", "activity"), ("郊野公园", "place"), ("星穹铁道", "unknown")])
def test_a_compound_ending_with_a_listed_word_is_of_that_words_kind(word, kind):
    assert word_kind(word) == kind


# a lakeside ultimate club written for this test: its core word is a compound no list names whole
ULTIMATE = profile_from_data({
    "name": "东湖极限飞盘队", "type": "兴趣型", "platform": "wechat", "locality": "武汉·东湖",
    "positioning": "武汉东湖边上班族的极限飞盘俱乐部，每周末训练和比赛",
    "topics": ["极限飞盘", "跑位", "友谊赛"],
    "audience": "在光谷上班的年轻人，新手居多",
    "events": [{"title": "周日草坪训练", "kind": "线下活动", "cadence": "每周日", "time": "09:00", "place": "东湖绿道磨山段草坪"}],
})


def test_the_groups_core_compound_word_carries_its_free_slots(offline):
    result = draft("topics", ULTIMATE, offline, days=14, start=D(2026, 12, 7))
    assert not failures(result.checks), [c.reason for c in failures(result.checks)]
    text = "\n".join(e["title"] + e["opening"] for e in _free(result))
    # the first topic is what the group is about: it leads the free posts, not the side word after it
    assert text.count("极限飞盘") >= 2 and text.count("极限飞盘") >= text.count("友谊赛"), text
