"""Moments and promotion read right for their reader: no rules wording in a public post, parents or
peer sellers are not addressed as learners, an invitation-only group is not recruited publicly
without a warning, a group-buy promises nothing the operator did not say, and the group's own
member-day offer is used in the operator's words."""

from __future__ import annotations

import datetime as dt

from copilot.agents import draft
from copilot.profile import profile_from_data

# written for this test: parents of a music-exam class (members do not sit the exam), a ceramics
# studio with a member day and a glaze class
PARENTS = profile_from_data({
    "name": "琴韵考级家长群", "type": "知识型", "positioning": "琴韵琴行钢琴考级班的家长群，发考级安排、练琴打卡和家长经验",
    "topics": ["钢琴考级", "练琴", "乐理"], "audience": "在琴韵琴行上考级班的孩子的家长", "threshold": "本班学员家长，由老师拉进群",
    "events": [{"title": "周六回课", "kind": "课程", "cadence": "每周六", "time": "10:00", "place": "琴韵琴行2号琴房"}],
})
STUDIO = profile_from_data({
    "name": "泥巴陶艺会员群", "brand": "泥巴陶艺", "type": "品牌型", "positioning": "泥巴陶艺工作室的会员群，发课程、开窑作品和会员日优惠",
    "topics": ["陶艺", "拉坯", "釉色"], "audience": "在工作室上过课的会员", "purchase_path": "小程序「泥巴陶艺」预约",
    "products": [{"name": "拉坯体验课", "price": 198}, {"name": "手作马克杯", "price": 88}, {"name": "釉料小样", "price": 15}],
    "events": [{"title": "会员日", "kind": "会员日", "cadence": "每月8号", "details": "体验课立减30元，成品杯8折。"}],
})
OPEN = profile_from_data({
    "name": "西湖夜跑团", "type": "兴趣型", "positioning": "杭州西湖边下班后一起夜跑，配速不限",
    "topics": ["夜跑", "配速"], "audience": "在杭州上班、喜欢跑步的年轻人，新手老手都有",
    "events": [{"title": "周三夜跑", "kind": "线下活动", "cadence": "每周三", "time": "19:30", "place": "断桥"}],
})


def _texts(result):
    return [d["text"] for d in result.drafts]


def test_moments_carry_no_rules_wording_and_frame_the_audience(offline):
    full, short = _texts(draft("copy", OPEN, offline, kind="moments"))
    for text in (full, short):
        assert "群规" not in text and "再发言" not in text
        assert "这个群是在杭州上班" not in text
    assert "在杭州上班、喜欢跑步的年轻人" in full


def test_parents_are_not_addressed_as_the_learners_and_a_closed_group_gets_a_warning(offline):
    result = draft("copy", PARENTS, offline, kind="moments")
    full, short = _texts(result)
    assert "学钢琴考级" not in short and "在学" not in short and "一起学" not in short
    assert "私信我核对" in full or "核对" in full
    assert "公开" in (result.notice or "")


def test_a_group_buy_promises_no_progress_updates_and_asks_for_its_rules(offline):
    result = draft("copy", STUDIO, offline, kind="promotion", n=5, start=dt.date(2026, 12, 1))
    for d in result.drafts:
        assert "成团进度" not in d["text"] and "在群里更新" not in d["text"]
        if "拼团" in d["title"]:
            assert any("拼团规则" in n for n in d["needs"])


def test_the_member_day_offer_is_written_in_the_operators_words_and_ends_that_day(offline):
    result = draft("copy", STUDIO, offline, kind="promotion", n=5, start=dt.date(2026, 12, 1))
    day = next(d for d in result.drafts if d["title"].startswith("会员日"))
    assert "体验课立减30元，成品杯8折" in day["text"] and "12月8日" in day["text"]
    assert "小程序「泥巴陶艺」预约" in day["text"]
    assert "折扣" not in day["text"] and "套路" not in day["text"]


def test_a_member_day_without_a_readable_offer_is_left_to_the_notice(offline):
    # "积分翻倍，送书签" names no discount a member can read as one: no member-day promotion is made of
    # it, and what is made passes its own checks
    shop = profile_from_data({
        "name": "拾光书店会员群", "brand": "拾光书店", "type": "品牌型", "positioning": "拾光书店的会员群，发新书、读书会和会员日",
        "topics": ["新书", "读书会"], "products": [{"name": "帆布袋", "price": 39}, {"name": "手账本", "price": 29}],
        "events": [{"title": "会员日", "kind": "会员日", "cadence": "每月10号", "details": "积分翻倍，到店送书签。"}],
    })
    result = draft("copy", shop, offline, kind="promotion", n=5, start=dt.date(2026, 12, 1))
    assert not any(d["title"].startswith("会员日") for d in result.drafts)
    assert not [c for c in result.checks if c.passed is False]


def test_a_group_only_for_a_class_or_a_buildings_residents_gets_a_private_invitation_not_a_public_post():
    import datetime as dt

    from copilot.agents import draft
    from copilot.config import Settings
    from copilot.llm import get_engine
    from copilot.profile import profile_from_data
    engine = get_engine(Settings(llm_provider="offline"), prefer="offline")
    ward = {"name": "骨科病区康复随访群", "type": "其他", "positioning": "骨科出院病人的康复随访，护士答疑、提醒复查", "topics": ["康复训练", "复查"],
            "audience": "骨科术后出院的病人和家属", "threshold": "出院时由护士邀请",
            "events": [{"title": "周二护士答疑", "kind": "答疑", "cadence": "每周二", "time": "15:00", "place": "群内"}]}
    res = draft("copy", profile_from_data(ward), engine, kind="moments", start=dt.date(2026, 12, 7))
    text = " ".join(d["text"] + d["title"] for d in res.drafts)
    assert "招新" not in text and "不发朋友圈" in text, text
    assert "骨科术后出院的病人和家属" in text  # the invitation names whom it is for, as the operator wrote it
    assert "私发" in (res.notice or ""), res.notice
    open_group = {**ward, "name": "康复训练交流群", "audience": "想做康复训练的朋友", "threshold": "", "positioning": "交流康复训练的经验"}
    text = " ".join(d["text"] for d in draft("copy", profile_from_data(open_group), engine, kind="moments", start=dt.date(2026, 12, 7)).drafts)
    assert "私发" not in text


def test_a_moments_post_does_not_call_a_car_owners_club_a_members_group():
    from copilot.agents import draft
    from copilot.config import Settings
    from copilot.llm import get_engine
    from copilot.profile import profile_from_data
    engine = get_engine(Settings(llm_provider="offline"), prefer="offline")
    owners = {"name": "远航汽车车主群", "brand": "远航汽车", "type": "品牌型", "positioning": "在远航门店提车的车主交流用车和保养",
              "topics": ["用车", "保养"], "audience": "在门店提车的车主"}
    text = " ".join(d["text"] for d in draft("copy", profile_from_data(owners), engine, kind="moments").drafts)
    assert "会员群" not in text, text
    members = {**owners, "name": "远航汽车会员群", "audience": "办了远航会员卡的车主"}
    assert draft("copy", profile_from_data(members), engine, kind="moments").drafts
