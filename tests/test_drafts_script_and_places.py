"""A profile written in Traditional wants Traditional drafts without a ``script`` line; water sports of
any kind get the water-safety rule; a talk held in the group itself says so (and passes its own check)."""

from __future__ import annotations

import datetime as dt
import re

from copilot.agents import draft
from copilot.knowledge.checks import failures
from copilot.profile import profile_from_data
from copilot.textnorm import to_simplified, written_script

# a Taipei kayak club, written in Traditional, with no script line
KAYAK = {
    "name": "淡水河輕艇社", "positioning": "在淡水河練習輕艇與划艇，週末一起下水，新手有教練帶",
    "topics": ["划艇", "輕艇", "體能"], "locality": "新北·淡水",
    "events": [{"title": "週日晨划", "kind": "线下活动", "cadence": "每周日", "time": "07:30", "place": "淡水漁人碼頭"}],
}
# a Simplified dragon-boat team whose captain's name has one Traditional character
DRAGON = {
    "name": "东湖龙舟队", "positioning": "武汉东湖的业余龙舟队，周末训练，队长陳师傅带新人", "topics": ["龙舟", "划桨", "体能"],
    "events": [{"title": "周六水上训练", "kind": "线下活动", "cadence": "每周六", "time": "08:00", "place": "东湖听涛码头"}],
}
# an online talk series held in the group itself
STARGAZE = {
    "name": "南区观星社", "positioning": "大学天文社的新人群，每周群里讲一个星座，晴天一起看星", "topics": ["天文", "观星", "星座"],
    "events": [{"title": "周二星座课", "kind": "分享", "cadence": "每周二", "time": "21:00", "place": "群内",
                "details": "每次讲一个星座的故事和找法"}],
}


def test_the_script_a_profile_is_written_in_is_the_script_of_its_drafts(offline):
    tw = profile_from_data(KAYAK)
    assert tw.script == "zh-Hant"
    rules = draft("rules", tw, offline).drafts[0]["text"]
    assert written_script(rules) == "zh-Hant" and "群规" not in rules
    # one Traditional name in a Simplified profile does not switch it; an explicit script always wins
    assert profile_from_data(DRAGON).script is None
    assert profile_from_data({**KAYAK, "script": "zh-Hans"}).script == "zh-Hans"
    rules = draft("rules", profile_from_data(DRAGON), offline).drafts[0]["text"].replace("陳", "")
    assert to_simplified(rules) == rules  # no character that only Traditional script uses


def test_every_water_sport_gets_the_water_safety_rule(offline):
    for data in (DRAGON, KAYAK):
        text = draft("rules", profile_from_data(data), offline).drafts[0]["text"]
        assert "救生衣" in text, text


def test_a_talk_in_the_group_says_where_to_listen_and_passes_its_check(offline):
    r = draft("copy", profile_from_data(STARGAZE), offline, kind="activity", n=1, start=dt.date(2026, 12, 7))
    text = r.drafts[0]["text"]
    assert "群内" in text, text
    assert "topics.event_facts" not in {c.rule_id for c in failures(r.checks)}


def test_welcomes_lead_into_the_groups_value_with_a_whole_sentence(offline):
    # "本群猫狗健康：…" / "龙舟这件事，本群：…" glued a topic word onto the lead-in; every lead-in is a phrase
    for data in (DRAGON, STARGAZE, {**DRAGON, "name": "海珠猫狗健康群", "topics": ["猫狗健康", "疫苗", "驱虫"],
                                    "positioning": "医生答疑常见病、提醒疫苗驱虫时间"}):
        for d in draft("welcome", profile_from_data(data), offline, n=3, today=dt.date(2026, 12, 1)).drafts:
            text = d["text"] if isinstance(d, dict) else str(d)
            assert "这件事，本群" not in text and not re.search("本群[^：，。 ]{1,8}：", text), text


def test_a_renewal_target_is_no_refund_term_for_members(offline):
    # a paid circle whose goals speak of renewals (续费率) still has told members nothing about refunds
    circle = {"name": "后端架构年费圈", "positioning": "后端工程师付费交流架构设计和故障复盘", "topics": ["后端", "架构", "复盘"],
              "type": "知识型", "paid": {"price": 299, "term": "年"}, "goals": ["续费率六成", "每月两次直播"]}
    assert "退费" in (draft("rules", profile_from_data(circle), offline).notice or "")
    told = {**circle, "threshold": "入圈7天内可全额退费"}
    assert "退费和有效期" not in (draft("rules", profile_from_data(told), offline).notice or "")
