"""Round 48, d17a48 (issue 17): veiled abuse read by a model, not by named forms, and members' own outgrown gear.

The veiled-abuse model (resources/moderation/veiled_abuse.jsonl → veiled_classifier.json, scripts/build_veiled_corpus.py
and scripts/train_corpus_model.py veiled) labels for review a message no other abuse layer labelled: sarcastic praise,
mock agreement, pleas to stop — never beside warmth, a warning to the group or another violation, and never acted on.
Groups and messages written for these tests (a Hangzhou rowing club, a Guangzhou Cantonese cooking class, a Tainan
kite club in Taiwan Mandarin, a Shenzhen choir that bans trade)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from functools import partial

import pytest
from moderation_say import say

from copilot.moderation import Moderator
from copilot.moderation.classifier import VEILED_MODEL, load_veiled_model
from copilot.moderation.pipeline import VEILED_MODEL_SURE
from copilot.moderation.signals import lexicons
from copilot.paths import RESOURCES_DIR

ROWING = """
name: 西湖赛艇晨练群
positioning: 杭州西湖一带划赛艇的成年人约晨练、交流桨法和体能，每周二四早上六点在北山街码头下水；队友之间可以转让自己用过的桨、划船服，商家不要发
topics: [赛艇, 划桨, 桨法, 晨练, 体能, 码头, 测功仪, 划船服, 比赛]
platform: wechat
"""

KITES = """
name: 安平風箏同好會
positioning: 台南安平喜歡放風箏的大人小孩交流做風箏、放風箏，每週六下午在安平觀夕平台放；團員自己用過的風箏和線輪可以轉讓
topics: [風箏, 線輪, 骨架, 放飛, 做風箏, 比賽, 風向]
platform: line
script: zh-Hant
"""

CHOIR = """
name: 南山社区合唱团
positioning: 深圳南山社区的合唱爱好者每周三晚排练、交流发声，群内不做任何买卖，门票周边都不要在群里转
topics: [合唱, 排练, 发声, 声部, 乐谱, 演出]
platform: wechat
banned: [禁止买卖, 转票]
"""

_say = partial(say, t0=1_767_400_000, gap=120)
CORPUS = RESOURCES_DIR / "moderation" / "veiled_abuse.jsonl"


# --- the corpus and the model ---------------------------------------------------------------------------------------

def _rows() -> list[dict]:
    return [json.loads(x) for x in CORPUS.read_text(encoding="utf-8").splitlines() if x.strip()]


def test_the_corpus_has_both_labels_three_ways_of_writing_and_a_split_by_whole_frames() -> None:
    rows = _rows()
    assert len(rows) >= 600
    assert {r["label"] for r in rows} == {"abuse", "ok"}
    assert Counter(r["script"] for r in rows).keys() == {"zh", "yue", "tw"}
    frames = {(r["frame"], r["split"]) for r in rows}
    locked = {f for f, s in frames if s == "locked"}
    assert locked and not locked & {f for f, s in frames if s == "train"}  # a held-out frame is never trained on
    assert {"abuse", "ok"} == {r["label"] for r in rows if r["split"] == "locked"}
    assert len({r["text"] for r in rows}) == len(rows)


def test_the_model_records_its_held_out_frames_and_the_corpora_it_learned_from() -> None:
    meta = json.loads(VEILED_MODEL.read_text(encoding="utf-8"))["meta"]
    held = sum(r["split"] == "locked" for r in _rows())
    assert meta["heldout"]["n"] == held
    assert 0 < meta["heldout"]["precision"] <= 1 and 0 < meta["heldout"]["recall"] <= 1
    assert {"veiled_abuse.jsonl", "abuse.jsonl", "chatter.jsonl", "corpus.jsonl"} <= set(meta["trained_on"])


@pytest.mark.parametrize("text, sure", [
    ("小吴你这桨划得真有个性，全船就你一个节奏，建议单独给你配条船", True),
    ("好好好你最专业，整个西湖就你会划赛艇", True),
    ("我今天又把桨拍进水里了，我真是手残本人🤦", False),       # of oneself
    ("小吴今天节奏稳得一批，什么时候偷偷练的", False),          # sincere praise
    ("我不同意把晨练改到五点半，上班族根本起不来", False),       # civil disagreement
])
def test_the_model_tells_a_sneer_from_self_mockery_praise_and_disagreement(text: str, sure: bool) -> None:
    assert (load_veiled_model().score(text) >= VEILED_MODEL_SURE) is sure


# --- the layer in the pipeline --------------------------------------------------------------------------------------

@pytest.mark.parametrize("profile, text", [
    (ROWING, "小吴你这桨划得真有个性，全船就你一个节奏，建议单独给你配条船"),
    (ROWING, "好好好你最专业，整个西湖就你会划赛艇"),
    (KITES, "好啦好啦你最厲害，全台南就你會放風箏，我們都是來陪你的"),
])
def test_a_sneer_with_no_rude_word_is_labelled_abuse_for_a_person_to_decide(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="u9")
    assert v.label == "abuse" and v.action == "review", v.reason  # labelled, never deleted on the model alone
    assert v.checks["veiled_model"] >= VEILED_MODEL_SURE
    assert "辱骂模型" in v.reason or "辱罵模型" in v.reason, v.reason


@pytest.mark.parametrize("profile, text", [
    (ROWING, "哈哈小吴你今天那一桨溅了我一身水😂 下次我陪你练"),          # warmth: banter
    (ROWING, "提醒大家，最近有人冒充教练收定金，都是骗子，别转钱"),          # a warning to the group
    (ROWING, "我今天又把桨拍进水里了，我真是手残本人🤦"),
    (KITES, "阿翔今天那隻蜈蚣風箏放得好高，什麼時候教教我"),
])
def test_banter_warnings_self_mockery_and_praise_are_not_abuse(
        profile_moderator: Callable[[str], Moderator], profile: str, text: str) -> None:
    v = _say(profile_moderator(profile), text, user="u8")
    assert v.label != "abuse", v.reason
    assert v.checks.get("veiled_model", 0.0) < VEILED_MODEL_SURE, v.checks


def test_a_warning_or_banter_is_not_even_scored(profile_moderator: Callable[[str], Moderator]) -> None:
    mod = profile_moderator(ROWING)
    assert "veiled_model" not in _say(mod, "提醒大家，最近有人冒充教练收定金，都是骗子，别转钱", n=1).checks
    assert "veiled_model" not in _say(mod, "哈哈小吴你今天那一桨溅了我一身水😂 下次我陪你练", n=2).checks


def test_a_rude_word_is_left_to_the_lexicon_and_the_abuse_model(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(ROWING), "你是不是脑子有病，桨都拿反了还在那嚷嚷", user="u7")
    assert v.label == "abuse" and v.action != "review", v.reason
    assert "veiled_model" not in v.checks  # already labelled: the veiled layer adds nothing


# --- members' own gear, and 私下 ------------------------------------------------------------------------------------

def test_outgrown_or_replaced_gear_reads_as_the_senders_own() -> None:
    words = lexicons().words
    for said in ("孩子长大了", "升级了新线轮", "换下来的旧桨"):
        assert words["resale.own"].search(said) and words["resale.used"].search(said), said


def test_a_members_outgrown_kite_is_left_where_members_pass_things_on(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(KITES), "孩子長大換大風箏了，舊的小風箏加一個線輪，300元帶走，要的私訊", user="u6")
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_rule_notice_that_says_sort_it_out_privately_is_not_deleted(
        profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(CHOIR), "提醒大家，群里不要买卖东西，转票也不行，有需要私下解决", user="u5")
    assert v.action in ("none", "review"), v.reason
    assert "需要私" not in v.reason, v.reason


def test_private_still_invites_when_it_says_contact_me(profile_moderator: Callable[[str], Moderator]) -> None:
    v = _say(profile_moderator(CHOIR), "周六音乐会的票还有两张，需要私我", user="u4")
    assert "需要私" in v.reason, v.reason  # 需要私 before 我 is still the invitation (a signal, named)
