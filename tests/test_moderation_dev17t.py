"""Round 34, dev17t (issue 17): members' own words are not off-topic or ads. A group's own vocabulary is learned from
the messages it kept (per group, rebuilt by moderation-retrain) and widened by the kind of group (domains.yaml); a
member's shop or video link in their own words is sharing; a member's life worry is off-topic (for review, never a
public reminder); common-noun destinations are places; a resale markup counts only on the thing the rule names.
Groups and messages written for these tests (kinds of group not in dev15, dev14 or earlier dev sets)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation import Verdict
from copilot.moderation.audit import AuditLog
from copilot.moderation.group_vocab import group_vocab_path, learn_vocab, load_vocab
from copilot.moderation.offtopic import OffTopicDetector
from copilot.moderation.pipeline import Moderator
from copilot.moderation.training import retrain_groups, train_group
from copilot.profile import parse_profile_text

OCARINA = """
name: 山茶陶笛吹奏群
positioning: 业余陶笛爱好者交流吹奏技巧和曲谱，每周日晚上线上合奏
topics: [陶笛, 吹奏, 曲谱, 合奏]
audience: 上班族和退休的陶笛爱好者
"""

DRAMA = """
name: 城南话剧观演群
positioning: 话剧爱好者交流剧目、观后感和演出信息，临时去不了的可以原价转让自己的票
topics: [话剧, 剧目, 观后感, 演出]
audience: 本地话剧观众
banned: [倒卖演出票]
"""

CROSS_STITCH = """
name: 小确幸十字绣交流群
positioning: 十字绣爱好者晒进度、交流图纸和绣法
topics: [十字绣, 图纸, 进度, 绣法]
audience: 喜欢十字绣的宝妈和学生
"""

TABLE_TENNIS = """
name: 厂区乒乓球协会
positioning: 厂区职工业余乒乓球交流，每周四下班后活动室练球
topics: [乒乓球, 练球, 比赛, 技术]
audience: 厂区职工
"""

KAOYAN = """
name: 二六届考研互助群
positioning: 二六届考研的同学互相监督、交流复习资料和经验
topics: [考研, 复习, 资料, 经验]
audience: 准备考研的大学生
"""

HIKING = """
name: 周末徒步召集群
positioning: 周末一起徒步、爬山，分享路线
topics: [徒步, 爬山, 路线]
audience: 喜欢户外的上班族
"""


# -- a resale markup is the banned trade only on the thing the rule names -------------------------------------------
def test_a_markup_on_the_banned_thing_is_the_banned_trade(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(DRAMA, "周六晚场话剧票两张 原价280 现在380转 要的私我")
    assert v.label == "ad" and v.action == "delete", v.reason
    assert "倒卖演出票" in v.reason


@pytest.mark.parametrize("text", [
    "自用的观剧望远镜 原价200 现在260出 私聊",        # a markup on a member's own thing, not a ticket
    "剧院门口买的纪念册 原价60 加10块给你 包邮",      # an added sum for a souvenir
])
def test_a_markup_on_another_thing_does_not_cite_the_resale_rule(judge: Callable[[str, str], Verdict],
                                                                text: str) -> None:
    v = judge(DRAMA, text)
    assert "倒卖演出票" not in v.reason and v.action != "delete", v.reason


def test_a_ticket_passed_on_at_face_value_stays_ok(judge: Callable[[str, str], Verdict]) -> None:
    v = judge(DRAMA, "临时加班去不了 周五的票原价转 280")
    assert v.action == "none", v.reason


# -- a member's shop or video link in their own words is sharing ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "这个陶笛收纳包在这买的 挺好用 防摔 https://m.tb.cn/h.Oc12Ab",
    "分享一个陶笛气息的教学视频 讲得很细 https://v.douyin.com/iAbC12/",
    "刷到一个合奏的小视频 很清楚 http://xhslink.com/a/Oc77Kq",
])
def test_a_members_own_link_is_not_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(OCARINA, text)
    assert v.label != "ad" and v.action == "none", v.reason


@pytest.mark.parametrize("text", [
    "陶笛批发 全网最低 https://m.tb.cn/h.Xx99Zz 加微信 tao1234 拿货价",     # a handle and a dealer's words
    "陶笛限时秒杀 仅剩3个 手慢无 https://v.douyin.com/iZZ9k/ 快抢",         # urgency and a pitch beside a video link
])
def test_a_sellers_link_is_still_an_ad(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(OCARINA, text)
    assert v.label == "ad", v.reason


def test_a_bare_video_link_without_a_sharers_words_is_not_cleared(judge: Callable[[str, str], Verdict]) -> None:
    # a short link with nothing of the member's own around it still hides where it goes: a person decides
    v = judge(OCARINA, "https://v.douyin.com/iQw8Er/ 点进去")
    assert v.label != "ok" or v.action == "none"
    assert v.action != "delete", v.reason


# -- the kind of group widens the group's words (domains.yaml) ---------------------------------------------------------
@pytest.mark.parametrize(("profile", "text"), [
    (CROSS_STITCH, "绣绷老是松 绷布一会儿就皱了 怎么办"),
    (CROSS_STITCH, "水溶笔画的线洗不掉 是不是我水温不够"),
    (TABLE_TENNIS, "底板是五夹还是七夹适合我 拉弧圈总下网"),
    (TABLE_TENNIS, "胶皮粘性没了 要不要换套胶"),
])
def test_a_word_of_the_groups_kind_is_on_topic(judge: Callable[[str, str], Verdict], profile: str, text: str) -> None:
    v = judge(profile, text)
    assert v.label == "ok" and v.action == "none", v.reason


def test_a_domain_word_does_not_clear_chatter_in_another_kind_of_group(judge: Callable[[str, str], Verdict]) -> None:
    # 胶皮 belongs to table tennis; in a cross-stitch group a stock tip is still chatter
    v = judge(CROSS_STITCH, "明天股票会不会涨 我买的那只被套了 好多人都亏了")
    assert v.label == "off_topic", v.reason


# -- a group's own words, learned from what it kept -------------------------------------------------------------------
KEPT = ["新买的AC调 吹口有点大 嘴型要调", "十二孔的高音总是吹不响 气息要稳", "六孔先学还是十二孔先学",
        "吹口离嘴太近声音发闷", "我的六孔音色挺好听", "气息稳了以后高音就出来了", "今天换了个AC调的 指法还没记熟"]
DELETED = [("陶笛批发 加微信 tao888 吹口包换", "ad"), ("今晚吃火锅去不去 高音喇叭那家", "off_topic")]
PROBE = "新的AC调 吹口太大了 好难受"  # the chatter model, not knowing 吹口, leans to chatter (0.63, d17e53)


@pytest.fixture
def data(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def test_kept_messages_teach_the_group_its_words(data: Settings) -> None:
    words = learn_vocab([(t, "ok") for t in KEPT] + DELETED)
    assert {"吹口", "六孔", "气息"} <= set(words)
    assert "吹口" in words  # an ad's words stay the group's (ads are often about the group's own things)
    assert "高音" not in words  # also in an off-topic message: not the group's own
    assert "火锅" not in words and "今天" not in words  # chatter and everyday words never count


def test_learned_words_move_that_group_only(data: Settings) -> None:
    audit = AuditLog.from_settings(data)
    ocarina = Moderator(data, parse_profile_text(OCARINA), audit=None, profile_key="ocarina")
    stitch = Moderator(data, parse_profile_text(CROSS_STITCH), audit=None, profile_key="stitch")
    assert ocarina.analyse(PROBE).label == "off_topic"  # the chatter model does not know 吹口
    before_other = stitch.analyse(PROBE)
    audit.import_examples("ocarina", [(t, "ok") for t in KEPT] + DELETED)
    out = train_group(data, "ocarina", audit)
    assert out["topic_words"] >= 3 and not out["enabled"]  # too little history for a model, enough for words
    assert group_vocab_path(data.data_dir, "ocarina").exists()
    after = ocarina.analyse(PROBE)
    assert after.label == "ok", after.reasons
    assert "本群留下的消息" in after.checks["offtopic"]["detail"]
    other = stitch.analyse(PROBE)  # another group's verdict does not move
    assert (other.label, other.score) == (before_other.label, before_other.score)


def test_retrain_rebuilds_the_words_and_an_empty_history_leaves_none(data: Settings) -> None:
    audit = AuditLog.from_settings(data)
    audit.import_examples("ocarina", [(t, "ok") for t in KEPT])
    retrain_groups(data, audit)
    path = group_vocab_path(data.data_dir, "ocarina")
    first = json.loads(path.read_text(encoding="utf-8"))["words"]
    audit.import_examples("ocarina", [("合奏的时候指法表放哪里看", "ok"), ("指法表我打印了一份 合奏用", "ok")])
    retrain_groups(data, audit)
    assert set(json.loads(path.read_text(encoding="utf-8"))["words"]) >= set(first) | {"指法"}
    # a group whose kept messages share no word has no list, and the loader says so
    audit.import_examples("lonely", [("你好", "ok"), ("出陶笛 加微信 tt999", "ad")])
    train_group(data, "lonely", audit)
    assert not group_vocab_path(data.data_dir, "lonely").exists() and load_vocab(data.data_dir, "lonely") is None
    assert load_vocab(data.data_dir, "") is None


def test_a_broken_vocab_file_is_ignored(data: Settings) -> None:
    path = group_vocab_path(data.data_dir, "ocarina")
    path.parent.mkdir(parents=True)
    path.write_text("{不是json", encoding="utf-8")
    assert load_vocab(data.data_dir, "ocarina") is None
    mod = Moderator(data, parse_profile_text(OCARINA), audit=None, profile_key="ocarina")
    assert mod.analyse(PROBE).label == "off_topic"


# -- a member's own life worry is off-topic, for a person, never a public reminder ------------------------------------
@pytest.mark.parametrize("text", ["考研还有30天 好焦虑 天天睡不着", "房贷压力好大 这个月又要还八千", "考公笔试下周 慌得不行 好慌"])
def test_a_members_life_worry_is_off_topic_for_review(judge: Callable[[str, str], Verdict], text: str) -> None:
    v = judge(OCARINA, text)
    assert v.label == "off_topic" and v.action == "review", v.reason


def test_a_worry_about_the_groups_own_subject_is_on_topic(judge: Callable[[str, str], Verdict]) -> None:
    assert judge(KAOYAN, "考研还有30天 好焦虑 数学还没刷完").label == "ok"
    assert judge(OCARINA, "周日合奏我的高音还是吹不响 好焦虑").label == "ok"


# -- common-noun destinations are places ------------------------------------------------------------------------------
def test_common_noun_destinations_are_places_unless_the_group_goes_places() -> None:
    stitch = OffTopicDetector(parse_profile_text(CROSS_STITCH))
    hikers = OffTopicDetector(parse_profile_text(HIKING))
    for text, place in (("周六一起去海边吗", "海边"), ("明天有人一起去故宫", "故宫"), ("有人去动物园吗", "动物园")):
        assert place in stitch._outing_places(text)
        assert hikers._outing_places(text) == []
    assert stitch._outing_places("周六一起去十字绣店看看") == []  # the group's own doing
