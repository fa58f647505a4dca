"""The deterministic rule checker: every check kind on good and bad Chinese drafts."""

from __future__ import annotations

import pytest

import copilot.notes.checks  # noqa: F401 - registers the notes rule kinds (grounded_entities, cites_sources)
from copilot.knowledge.checks import check_rule, failures, price_problems, register_check, run_checks, unknown_kinds
from copilot.knowledge.rules import Check, Rule, RulesError, load_rules
from copilot.paths import KNOWLEDGE_DIR
from copilot.profile import Event, profile_from_data


@pytest.fixture(scope="module")
def book():
    return load_rules(KNOWLEDGE_DIR)


@pytest.fixture(scope="module")
def runner_profile():
    return profile_from_data(
        {
            "name": "杭州新手跑者训练营",
            "positioning": "杭州的跑步新手一起从5公里练到半马",
            "topics": ["跑步", "约跑", "半马训练"],
            "type": "兴趣型",
            "banned": ["代跑"],
            "products": [
                {"name": "速干T恤", "price": 89, "promo_price": 69, "unit": "件"},
                {"name": "运动袜", "price": 19, "unit": "双"},
            ],
        }
    )


def one(book, rule_id, drafts, profile, target=None, context=None):
    rule = book.get(rule_id)
    return check_rule(rule, book, target or rule.applies_to[0], drafts, profile, context)


# -- names ----------------------------------------------------------------------------------
def test_name_must_mention_topic_even_in_traditional_or_fullwidth(book, runner_profile):
    assert one(book, "name.says_what", [{"name": "杭州跑步打卡群"}], runner_profile).passed
    # Traditional script and full-width letters are folded before matching
    assert one(book, "name.says_what", [{"name": "杭州約跑俱樂部"}], runner_profile).passed
    bad = one(book, "name.says_what", [{"name": "相亲相爱一家人"}, {"name": "跑步群"}], runner_profile)
    assert bad.passed is False and "相亲相爱一家人" in bad.reason


def test_name_length_limit_comes_from_rule_params(book, runner_profile):
    ok = one(book, "name.max_16_chars", [{"name": "杭州新手跑者半马训练营"}], runner_profile)
    assert ok.passed
    long = "杭州西湖边新手跑者从五公里到半程马拉松训练营"
    res = one(book, "name.max_16_chars", [{"name": long}], runner_profile)
    assert res.passed is False and f"{len(long)}字" in res.reason


def test_hype_lexicon_and_profile_banned_words(book, runner_profile):
    res = one(book, "name.no_hype", [{"name": "史上最强跑步群"}], runner_profile)
    assert res.passed is False and "最强" in res.reason and "史上" in res.reason
    # profile.banned words are appended to the lexicons
    res = one(book, "name.no_hype", [{"name": "跑步代跑互助群"}], runner_profile)
    assert res.passed is False and "代跑" in res.reason
    # full-width digits/percent are folded: "１００％" is the lexicon's "100%"
    res = one(book, "copy.no_hype_urgency", ["跑步训练计划，１００％有效"], runner_profile)
    assert res.passed is False and "100%" in res.reason
    assert one(book, "name.no_hype", [{"name": "杭州跑步新手营"}], runner_profile).passed


def test_distinct_flags_one_character_variants(book, runner_profile):
    res = one(book, "name.distinct_candidates", [{"name": "杭州跑步训练营"}, {"name": "杭州跑步训练群"}], runner_profile)
    assert res.passed is False and "相似度" in res.reason
    ok = one(book, "name.distinct_candidates", [{"name": "杭州跑步训练营"}, {"name": "半马约跑同好群"}], runner_profile)
    assert ok.passed


# -- intro / rules / welcome ------------------------------------------------------------------
def test_has_sections_reports_each_missing_section(book, runner_profile):
    text = "入群条件：跑过5公里。发言规范：围绕跑步。禁止广告。"
    res = one(book, "rules.required_sections", [text], runner_profile)
    assert res.passed is False and "违规处理" in res.reason and "入群条件" not in res.reason
    res = one(book, "rules.escalating_penalty", ["第一次私聊提醒，第二次禁言24小时，第三次移出群"], runner_profile)
    assert res.passed
    res = one(book, "rules.escalating_penalty", ["违规直接移出"], runner_profile)
    assert res.passed is False and "禁言" in res.reason


def test_welcome_placeholder_and_flooding(book, runner_profile):
    good = "欢迎 @{昵称} 加入！请把群名片改成“城市-跑龄-昵称”，做个自我介绍，群规在群公告。"
    assert one(book, "welcome.placeholder", [good], runner_profile).passed
    assert one(book, "welcome.placeholder", ["欢迎新朋友加入！"], runner_profile).passed is False
    flood = "欢迎欢迎！！！热烈欢迎@{昵称}🎉🎉🎉🎉🎉🎉🎉快来玩！！"
    res = one(book, "welcome.no_flooding", [flood], runner_profile)
    assert res.passed is False and "感叹号" in res.reason and "表情" in res.reason
    too_long = "欢迎 @{昵称}，" + "这里是杭州跑步新手的大本营，" * 12
    res = one(book, "welcome.no_flooding", [too_long], runner_profile)
    assert res.passed is False and "上限 120" in res.reason


# -- topics -----------------------------------------------------------------------------------
def _entry(day, time, type_, steps=("发一句话",)):
    return {"day": day, "time": time, "type": type_, "title": "跑步话题", "opening": "聊聊跑步", "steps": list(steps)}


def test_fixed_rhythm_free_topics_at_fixed_times_events_at_their_own(book, runner_profile):
    good = [_entry(1, "07:00", "打卡"), _entry(1, "20:30", "求助"), _entry(2, "07:00", "打卡"), _entry(2, "20:30", "投票"),
            dict(_entry(3, "07:45", "线下活动"), event="周六约跑"), dict(_entry(3, "19:00", "答疑"), event="训练答疑")]
    res = one(book, "topics.fixed_rhythm", good, runner_profile)
    assert res.passed and "07:00、20:30" in res.reason  # the events' own times do not count against the rhythm
    scattered = [_entry(1, "07:00", "打卡"), _entry(2, "12:15", "打卡"), _entry(3, "22:40", "打卡")]
    res = one(book, "topics.fixed_rhythm", scattered, runner_profile)
    assert res.passed is False and "节奏太散" in res.reason
    res = one(book, "topics.fixed_rhythm", [_entry(1, "晚上八点", "打卡")], runner_profile)
    assert res.passed is False and "HH:MM" in res.reason


def test_varied_types_and_simple_activities(book, runner_profile):
    same = [_entry(d, "07:00", "打卡") for d in range(1, 8)]
    res = one(book, "topics.varied_types", same, runner_profile)
    assert res.passed is False and "1 种" in res.reason
    mixed = same[:5] + [_entry(6, "20:30", "接龙"), _entry(7, "20:30", "投票")]
    assert one(book, "topics.varied_types", mixed, runner_profile).passed
    hard = [_entry(1, "20:30", "挑战", steps=("报名", "下载App", "绑定手环", "跑满10公里", "截图"))]
    res = one(book, "topics.activity_simple", hard, runner_profile)
    assert res.passed is False and "5 步" in res.reason


def test_on_topic_names_the_offending_entry(book, runner_profile):
    entries = [_entry(1, "07:00", "打卡"), {"day": 1, "time": "20:30", "type": "话题讨论", "title": "今晚追剧", "opening": "大家最近在看什么电视剧？"}]
    res = one(book, "topics.on_topic", entries, runner_profile)
    assert res.passed is False and "追剧" in res.reason


# -- what a source teaches, made checkable: slogans, core value, next activity, promotion cap, talks --
def test_intro_slogans_fail_only_when_nothing_specific_is_said(book, runner_profile):
    vague = "【跑团群介绍】\n定位：共同学习、共同进步，资源共享。\n你能得到：答疑。"
    res = one(book, "intro.no_vague_slogan", [vague], runner_profile)
    assert res.passed is False and "共同学习" in res.reason
    res = one(book, "intro.no_vague_slogan", ["定位：共同學習、共同進步！"], runner_profile)  # Traditional
    assert res.passed is False
    specific = "【跑团群介绍】\n定位：杭州的跑步新手一起从5公里练到半马，大家共同进步。\n你能得到：每周约跑。"
    assert one(book, "intro.no_vague_slogan", [specific], runner_profile).passed
    # a profile that is itself a slogan: its slogan words do not make a sentence specific
    slogan_profile = profile_from_data({"name": "学习群", "positioning": "共同学习共同进步", "topics": ["学习"]})
    assert one(book, "intro.no_vague_slogan", ["定位：共同学习，共同进步。"], slogan_profile).passed is False


def test_welcome_must_say_what_members_get_beyond_the_group_name(book, runner_profile):
    named_only = "欢迎 @{昵称} 加入杭州新手跑者训练营！请改群名片，做个自我介绍，群规在群公告。"
    res = one(book, "welcome.core_value", [named_only], runner_profile)
    assert res.passed is False and "核心价值" in res.reason
    empty_promise = "欢迎 @{昵称}，这里福利多多，大家一起加油！群规在群公告。"
    assert one(book, "welcome.core_value", [empty_promise], runner_profile).passed is False
    good = "欢迎 @{昵称}！在这里能得到每周一份半马训练计划，周六一起约跑。请改群名片，群规在群公告。"
    assert one(book, "welcome.core_value", [good], runner_profile).passed
    assert one(book, "welcome.core_value", ["歡迎 @{昵称}！在這裡能得到每週一份半馬訓練計劃。"], runner_profile).passed


def test_welcome_announces_the_next_activity(book, runner_profile):
    kaoyan = profile_from_data({"name": "考研英语打卡营", "positioning": "帮在职备考的上班族坚持背单词", "topics": ["考研英语"],
                                "schedule": ["每天 07:30 单词晨报", "每周三 21:00 真题精讲"]})
    by_time = "欢迎 @{昵称}！明早 7:30 有单词晨报，先改群名片。"
    by_name = "欢迎 @{昵称}！周三晚上的真题精讲别错过，先改群名片。"
    assert one(book, "welcome.next_event", [by_time, by_name], kaoyan).passed
    res = one(book, "welcome.next_event", ["欢迎 @{昵称}，请改群名片，群规在群公告。"], kaoyan)
    assert res.passed is False and "活动" in res.reason
    # a time alone is not an announcement: 21:00 beside a rule reminder names no activity
    assert one(book, "welcome.next_event", ["欢迎 @{昵称}，21:00 以后请勿刷屏。"], kaoyan).passed is False
    # a profile without any event has nothing to announce: the rule does not apply (no invented activity)
    res = one(book, "welcome.next_event", ["欢迎 @{昵称}，请改群名片，群规在群公告。"], runner_profile)
    assert res.passed and "不适用" in res.reason
    # a one-off event already past on the day of the welcome is not announced either
    once = profile_from_data({"name": "骑行队", "positioning": "成都骑友周末约骑，从绿道慢骑开始", "topics": ["骑行"],
                              "events": [{"title": "元旦绿道骑行", "kind": "线下活动", "cadence": "2026-01-01", "time": "08:00"}]})
    plain = ["欢迎 @{昵称}，改好群名片，群规在群公告。"]
    assert one(book, "welcome.next_event", plain, once, context={"today": "2026-03-01"}).passed
    assert one(book, "welcome.next_event", plain, once, context={"today": "2025-12-20"}).passed is False
    assert one(book, "welcome.next_event", ["欢迎！1月1日 08:00 元旦绿道骑行见。"], once,
               context={"today": "2025-12-20"}).passed


def test_calendar_caps_promotions_in_any_seven_days(book, runner_profile):
    kinds = ["话题讨论", "会员日", "投票", "秒杀", "晒图", "会员日", "复盘"]
    week = [_entry(d, "20:30", k) for d, k in zip(range(1, 8), kinds)]
    res = one(book, "topics.promotion_capped", week, runner_profile)
    assert res.passed is False and "3 次" in res.reason and "上限 2" in res.reason
    week[3] = _entry(4, "20:30", "答疑")
    assert one(book, "topics.promotion_capped", week, runner_profile).passed
    # a sale hidden in the title counts too, and the window slides across the week boundary
    sale = {"day": 8, "time": "20:30", "type": "话题讨论", "title": "限时秒杀：速干T恤", "opening": "今晚跑步装备特价"}
    assert one(book, "topics.promotion_capped", [*week, sale], runner_profile).passed is False
    spaced = [_entry(d, "20:30", "会员日") for d in (2, 6, 9, 13)]
    assert one(book, "topics.promotion_capped", spaced, runner_profile).passed


def test_share_announcement_needs_time_speaker_and_what_listeners_get(book, runner_profile):
    ctx = {"kind": "activity"}
    full = {"title": "周三分享：半马配速", "text": "【分享预告】周三 20:30 半马配速怎么定\n主讲：教练阿杰\n听完你能得到：一张适合自己的配速表。"}
    assert one(book, "copy.share_announcement", [full], runner_profile, context=ctx).passed
    thin = {"title": "周三分享", "text": "【分享预告】周三晚上聊聊半马配速，欢迎来听。"}
    res = one(book, "copy.share_announcement", [thin], runner_profile, context=ctx)
    assert res.passed is False and all(w in res.reason for w in ("时间", "主讲人", "听众能得到什么"))
    run = {"title": "周六约跑", "text": "【活动预告】周六 07:00 西湖约跑，群里接龙报名。"}
    res = one(book, "copy.share_announcement", [run], runner_profile, context=ctx)
    assert res.passed and "不是分享预告" in res.reason
    res = one(book, "copy.share_announcement", [thin], runner_profile, context={"kind": "promotion"})
    assert res.passed and "不适用" in res.reason
    # a notice of one of the group's events is judged as a talk only when the operator made it one:
    # a photo post titled "作品分享" announces no speaker; the same title as a 分享 event does
    photos = runner_profile.model_copy(update={"events": [
        Event(title="周日跑姿分享", kind="晒图", cadence="每周日", time="20:00", details="发一段自己的跑姿视频")]})
    post = {"title": "周日跑姿分享", "event": "周日跑姿分享", "text": "周日跑姿分享：12月6日 20:00，发一段自己的跑姿视频。"}
    assert one(book, "copy.share_announcement", [post], photos, context=ctx).passed
    talk = photos.model_copy(update={"events": [photos.events[0].model_copy(update={"kind": "分享"})]})
    assert one(book, "copy.share_announcement", [post], talk, context=ctx).passed is False


# -- prices -----------------------------------------------------------------------------------
def test_price_arithmetic_and_savings_are_verified(book, runner_profile):
    good = "速干T恤原价89元，3人成团每人62元，每人省27元；一团合计 3 × 62 = 186 元。"
    # 算式、省27元、原价89元、团价62 低于现价69
    assert price_problems(good, runner_profile.products) == ([], 4)
    wrong_sum = "速干T恤原价89元 + 运动袜原价19元，合计 89 + 19 = 118 元，套装价99元。"
    problems, _ = price_problems(wrong_sum, runner_profile.products)
    assert any("应为 108" in p for p in problems)
    wrong_save = "速干T恤原价89元，活动价69元，立省30元。"
    problems, _ = price_problems(wrong_save, runner_profile.products)
    assert any("立省30元" in p for p in problems)
    wrong_profile = "速干T恤原价99元，活动价69元，立省30元。"
    problems, _ = price_problems(wrong_profile, runner_profile.products)
    assert any("档案里是 89" in p for p in problems)
    wrong_discount = "运动袜买3送1相当于8折。"
    problems, _ = price_problems(wrong_discount, runner_profile.products)
    assert any("7.5 折" in p for p in problems)


def test_bundle_or_group_price_must_beat_current_promo_prices(book, runner_profile):
    # 套装价 98 < 原价合计 108, but the T恤's promo price makes buying separately 69 + 19 = 88
    dear = "速干T恤（原价89元，活动价69元）+ 运动袜（原价19元）一起买，套装价98元。"
    problems, _ = price_problems(dear, runner_profile.products)
    assert any("不低于单买现价合计 88 元" in p for p in problems), problems
    res = one(book, "copy.price_consistent", [dear], runner_profile)
    assert res.passed is False and "88" in res.reason
    assert price_problems("速干T恤 + 运动袜一起买，套装价79元。", runner_profile.products)[0] == []
    # a group price equal to the promo price everyone already gets is no deal
    same = "速干T恤活动价69元，三人拼团每人69元。"
    problems, _ = price_problems(same, runner_profile.products)
    assert any("团价 69 元不低于现价 69 元" in p for p in problems), problems
    # Traditional text is folded before matching
    problems, _ = price_problems("速乾T恤 + 運動襪一起買，套裝價90元。".replace("速乾", "速干"), runner_profile.products)
    assert any("套装价 90 元" in p for p in problems), problems


def test_price_rule_passes_when_there_is_nothing_to_verify(book, runner_profile):
    res = one(book, "copy.price_consistent", ["周六早上西湖约跑，七点断桥集合。"], runner_profile)
    assert res.passed and "没有需要核对" in res.reason


def test_tactic_rule_only_applies_to_promotion(book, runner_profile):
    text = "周六早上西湖约跑，七点断桥集合，跑完一起吃早饭。"
    res = one(book, "copy.names_tactic", [text], runner_profile, context={"kind": "activity"})
    assert res.passed and "不适用" in res.reason
    res = one(book, "copy.names_tactic", [text], runner_profile, context={"kind": "promotion"})
    assert res.passed is False


# -- judge, policy, notes -----------------------------------------------------------------------
def test_judge_rules_are_reported_not_guessed(book, runner_profile):
    results = run_checks(book, "name", [{"name": "杭州跑步新手营"}], runner_profile)
    judge = [r for r in results if r.rule_id == "name.memorable"]
    assert judge and judge[0].passed is None and "LLM" in judge[0].reason
    assert not failures(results)


def test_policy_rules_are_not_draft_checks(book, runner_profile):
    results = run_checks(book, "moderation", ["任意文本"], runner_profile)
    assert results == [] or all(r.passed is None for r in results)
    assert all(book.get(r.rule_id).check.kind != "policy" for r in results)


def test_every_target_has_its_rules_checked(book, runner_profile):
    for target in ("name", "intro", "rules", "welcome", "topics", "copy"):
        ids = {r.rule_id for r in run_checks(book, target, ["跑步"], runner_profile)}
        assert ids == {r.id for r in book.for_target(target)}


def test_notes_checks_delegate_to_faithfulness(book, runner_profile):
    notes = {
        "title": "半马训练分享",
        "key_points": [
            {"text": "老周建议每周跑量增加不超过10%", "sources": [2]},
            {"text": "配速先跑6分半", "sources": []},
        ],
    }
    transcript = "[#1] 小林：大家好\n[#2] 老周：每周跑量增加不超过10%，配速6分半起步"
    res = one(book, "notes.cites_sources", [notes], runner_profile, target="notes", context={"transcript": transcript})
    assert res.passed is False and "要点 2" in res.reason
    no_source = one(book, "notes.grounded", [notes], runner_profile, target="notes")
    assert no_source.passed is None and "原始聊天记录" in no_source.reason
    invented = {"title": "分享", "key_points": [{"text": "老周说每周跑量增加35%", "sources": [2]}]}
    res = one(book, "notes.grounded", [invented], runner_profile, target="notes", context={"transcript": transcript})
    assert res.passed is False and "35" in res.reason


def test_price_formats_yuan_kuai_and_currency_sign(runner_profile):
    ok = "速干T恤原价¥89，现在￥69，立省20块。"
    assert price_problems(ok, runner_profile.products)[0] == []
    bad = "速干T恤原价89块，现在69块，立省25块。"
    problems, _ = price_problems(bad, runner_profile.products)
    assert any("立省25块" in p for p in problems)


def test_stated_discount_must_match_the_two_prices(runner_profile):
    ok = "速干T恤原价89元，活动价69元，约7.8折。"
    assert price_problems(ok, runner_profile.products)[0] == []
    bad = "速干T恤原价89元，活动价69元，相当于5折。"
    problems, _ = price_problems(bad, runner_profile.products)
    assert any("7.8 折" in p for p in problems)


def test_price_rule_flags_promises_the_profile_does_not_make(book, runner_profile):
    res = one(book, "copy.price_consistent", ["速干T恤三人拼团每人62元，24小时内未成团自动退款。"], runner_profile)
    assert res.passed is False and "未成团自动退款" in res.reason
    res = one(book, "copy.price_consistent", ["运动袜买二送一，全场包邮。"], runner_profile)
    assert res.passed is False and "包邮" in res.reason
    backed = runner_profile.model_copy(update={"threshold": "团购满两件包邮"})
    assert one(book, "copy.price_consistent", ["运动袜两双起，包邮。"], backed).passed


@pytest.mark.parametrize("text", ["副业月入过万不是梦，欢迎加入", "限时免费领取资料包", "名额有限，先到先得"])
def test_income_hype_and_false_scarcity_fail_the_copy_rule(text: str) -> None:
    book = load_rules(KNOWLEDGE_DIR)
    profile = profile_from_data({"positioning": "帮上班族一起学理财记账", "topics": ["理财", "记账"]})
    result = check_rule(book.get("copy.no_hype_urgency"), book, "copy", [{"text": text}], profile)
    assert result.passed is False, result.reason


def test_every_rule_kind_in_rules_yaml_is_registered() -> None:
    book = load_rules(KNOWLEDGE_DIR)
    assert unknown_kinds(book) == []
    assert {"grounded_entities", "cites_sources"} <= {r.check.kind for r in book.rules}


def test_a_misspelt_kind_is_a_broken_rule_book_not_a_failed_draft(runner_profile) -> None:
    book = load_rules(KNOWLEDGE_DIR)
    typo = Rule(id="name.typo_kind", statement="拼错的检查类型", applies_to=["name"], check=Check(kind="max_char"),
                basis="guardrail", reason="测试用的产品规则")
    with pytest.raises(RulesError, match="max_char"):
        check_rule(typo, book, "name", ["跑步群"], runner_profile)
    assert unknown_kinds(book.model_copy(update={"rules": [*book.rules, typo]})) == ["name.typo_kind：max_char"]


def test_registering_a_kind_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register_check("max_chars", lambda c: (True, ""))


# -- fit checks ---------------------------------------------------------------------------------
FIT = {
    "name": "云岫茶舍会员群", "positioning": "云岫茶舍的老茶客一起聊冲泡、尝新茶", "topics": ["喝茶", "冲泡"],
    "type": "品牌型", "brand": "云岫茶舍",
    "events": [
        {"title": "月底品鉴会", "kind": "线下活动", "cadence": "每月最后一个周五", "time": "19:30",
         "place": "三坊七巷店二楼", "details": "品三款岩茶；带上自己的杯子。领养格式【编号】【名字】照抄"},
        {"title": "周三茶友投票", "kind": "投票", "cadence": "每周三", "time": "21:00"},
    ],
}


def _fit_profile():
    from copilot.profile import profile_from_data

    return profile_from_data(FIT)


def _cal(date, title, kind, time, **extra):
    return {"day": 1, "date": date, "time": time, "type": kind, "title": title, "opening": f"{title} 喝茶", "event": title,
            "steps": [], **extra}


def test_events_placed_checks_every_date_across_a_month_end(book):
    p = _fit_profile()
    ctx = {"start": "2026-12-21", "days": 14}  # 12-23, 12-30 (周三), 12-25 (last Friday of December)
    good = [_cal("2026-12-23", "周三茶友投票", "投票", "21:00"), _cal("2026-12-30", "周三茶友投票", "投票", "21:00"),
            _cal("2026-12-25", "月底品鉴会", "线下活动", "19:30")]
    assert one(book, "topics.events_placed", good, p, context=ctx).passed
    wrong_day = good[:2] + [_cal("2026-12-26", "月底品鉴会", "线下活动", "19:30")]  # the day after: wrong
    res = one(book, "topics.events_placed", wrong_day, p, context=ctx)
    assert res.passed is False and "2026-12-25 月底品鉴会" in res.reason and "不该有的日期" in res.reason
    wrong_kind = good[:2] + [_cal("2026-12-25", "月底品鉴会", "晨报", "19:30")]
    assert one(book, "topics.events_placed", wrong_kind, p, context=ctx).passed is False


def test_events_placed_says_which_events_have_no_date_in_the_window(book):
    p = _fit_profile()
    ctx = {"start": "2026-12-01", "days": 7}  # 12-02 (周三) only: the last-Friday tasting falls outside
    res = one(book, "topics.events_placed", [_cal("2026-12-02", "周三茶友投票", "投票", "21:00")], p, context=ctx)
    assert res.passed and "有日期的 1 个固定活动" in res.reason
    assert "月底品鉴会在这 7 天里没有日期" in res.reason and "都按日期排进" in res.reason


def test_event_facts_need_the_fact_or_a_needs_entry(book):
    p = _fit_profile()
    vote = _cal("2026-12-23", "周三茶友投票", "投票", "21:00")
    res = one(book, "topics.event_facts", [vote], p)
    assert res.passed is False and "投票选项" in res.reason and "截止" in res.reason
    said = dict(vote, opening="选哪款？A. 岩茶 B. 白茶，周四21:00截止")
    assert one(book, "topics.event_facts", [said], p).passed
    listed = dict(vote, needs=["投票选项", "投票截止时间"])  # unknown facts go to the operator, not into the text
    assert one(book, "topics.event_facts", [listed], p).passed


def test_placeholders_flagged_unless_the_operator_wrote_them(book):
    p = _fit_profile()
    bad = {"title": "喝茶早报", "opening": "早上好！①【今日要点】②【一个小技巧】", "event": ""}
    res = one(book, "member.no_placeholders", [bad], p)
    assert res.passed is False and "今日要点" in res.reason
    own = {"title": "喝茶", "opening": "按格式发：领养格式【编号】【名字】照抄", "event": ""}
    assert one(book, "member.no_placeholders", [own], p).passed  # the profile's own format is not a placeholder
    assert one(book, "member.no_placeholders", ["欢迎 @{昵称} 来喝茶"], p).passed


def test_tactic_words_and_sums_stay_out_of_member_text(book):
    p = _fit_profile()
    leak = {"text": "【加1元换购】拿39元和1元比，39 ÷ 1 = 39 倍，感受更直观。", "operator_note": ""}
    res = one(book, "member.no_tactic_leak", [leak], p)
    assert res.passed is False and "感受更直观" in res.reason and "39 ÷ 1 = 39" in res.reason
    clean = {"text": "【加1元换购】买武夷肉桂加1元换购试饮装一盒。下单：小程序。截止：12月20日22:00。",
             "operator_note": "套路：加价换购（比例偏见）。算式：39 ÷ 1 = 39"}
    assert one(book, "member.no_tactic_leak", [clean], p).passed


def test_brand_groups_names_carry_the_brand(book):
    p = _fit_profile()
    assert one(book, "name.carries_brand", ["云岫茶舍冲泡会员群", "云岫茶舍福利社"], p).passed
    res = one(book, "name.carries_brand", ["云岫茶舍福利社", "老茶客喝茶会员群"], p)
    assert res.passed is False and "老茶客喝茶会员群" in res.reason


def test_free_topics_may_not_share_a_skeleton(book):
    p = _fit_profile()
    a = {"title": "喝茶卡点", "opening": "在喝茶上，你最近卡住的是哪一步？写一句话说说吧", "event": ""}
    b = {"title": "冲泡卡点", "opening": "在冲泡上，你最近卡住的是哪一步？写一句话说说吧", "event": ""}
    res = one(book, "topics.distinct_skeletons", [a, b], p)
    assert res.passed is False and "同一句式" in res.reason
    c = {"title": "冲泡清单", "opening": "推荐一个冲泡时离不开的小物件，说清它帮你省了什么事", "event": ""}
    assert one(book, "topics.distinct_skeletons", [a, c], p).passed
