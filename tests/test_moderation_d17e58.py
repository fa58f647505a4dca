"""Round 58, d17e58 (issue 17): a member's referral with 私我, the engine named in the reason, the group's field words.

* a member naming a third person of a trade they used (推荐一个做防水的…师傅, 我家是找的…师傅) with only the helper's
  price and a bare 私我 to pass the number on is a referral, not an ad (patterns.yaml third_party,
  pipeline._plain_referral); the writer's own trade (我是做防水的, 我在教) or a call to buy (立减, 名额有限) stays an ad;
* every verdict's reason names the engine once at its end (（离线引擎判定）), in the group's script;
* a football group's field words (domains.yaml football: 门将, 试训, 首发) are its own business.
Messages written for these tests, for groups not used before: a new estate's renovation group, a children's piano
parents' group and a Sunday amateur football team."""

from __future__ import annotations

import itertools
from pathlib import Path

from copilot.config import Settings
from copilot.moderation.labels import Label
from copilot.moderation.pipeline import ACTED, Moderator
from copilot.profile import parse_profile_text

RENO = """name: 桂语江南业主装修群
positioning: 桂语江南业主交流装修进度、找靠谱师傅、材料和验收，业主之间可以推荐自己用过的师傅；装修公司和建材商家不要发广告
topics: [装修, 水电, 瓷砖, 防水, 验收, 师傅]
type: 社区型
"""
PIANO = """name: 小星星琴童家长群
positioning: 孩子学钢琴的家长交流练琴、考级和选老师；琴行和培训机构不要发广告
topics: [钢琴, 练琴, 考级, 老师]
type: 亲子型
"""
FOOTBALL = """name: 周日飞虎业余足球队
positioning: 飞虎队队员群，队长发周日训练和友谊赛安排，队员交流踢球、装备和伤病
topics: [足球, 训练, 友谊赛, 踢球]
type: 兴趣型
"""
PIANO_TW = """name: 高雄琴童家長群
positioning: 高雄學鋼琴孩子的家長交流練琴、檢定和找老師；琴行不要打廣告
topics: [鋼琴, 練琴, 檢定, 老師]
type: 亲子型
script: zh-Hant
"""

_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     dry_run=True)


def test_third_person_referral_with_bare_private_ask_is_sharing(tmp_path: Path) -> None:
    reno = _mod(RENO, tmp_path)
    for text in ("推荐一个做防水的老周师傅，我家两个卫生间都是他做的，三年没漏过，需要的私我",
                 "我家厨房是找的王师傅贴的砖，活很细，人也实在，需要电话的私我",
                 "给大家推荐一位水电师傅，他干活很仔细，价格也公道，一天400，需要的私我"):
        v = reno.moderate({"user": f"m{next(_T)}", "text": text})
        assert v.label == Label.OK and v.action not in ACTED, (text, v.reason)
    v = _mod(PIANO, tmp_path).moderate({"user": "lin", "text": "推荐一个陪练的张老师，我女儿跟她练了一年，很有耐心，需要的私我"})
    assert v.label == Label.OK, v.reason


def test_own_trade_or_call_to_buy_stays_an_ad(tmp_path: Path) -> None:
    reno = _mod(RENO, tmp_path)
    v = reno.moderate({"user": "x1", "text": "推荐一个装修公司，现在签约立减五千，名额有限，需要的私我"})
    assert v.label == Label.AD and v.action in ACTED, v.reason
    v = reno.moderate({"user": "x2", "text": "我是做防水的，十年经验，价格实惠，需要的私我"})
    assert v.label == Label.AD, v.reason
    v = _mod(PIANO, tmp_path).moderate({"user": "x3", "text": "我在教钢琴，一节课150，需要的私我"})
    assert v.label == Label.AD and v.action in ACTED, v.reason


def test_reason_names_the_engine_once(tmp_path: Path) -> None:
    reno = _mod(RENO, tmp_path)
    for text in ("请问卫生间闭水试验要做多久？", "工厂直发瓷砖，比建材市场便宜三成，量大从优，加微信 zc88661234"):
        v = reno.moderate({"user": f"e{next(_T)}", "text": text})
        assert v.engine == "offline" and v.reason.count("离线引擎") == 1 and v.reason.endswith("（离线引擎判定）"), v.reason
    assert reno.moderate({"text": "  "}).reason == "空消息，不处理"
    v = _mod(PIANO_TW, tmp_path).moderate({"user": "t1", "text": "孩子練琴手腕老是塌下去，大家有什麼方法嗎"})
    assert v.reason.endswith("（離線引擎判定）"), v.reason


def test_football_field_words_are_the_teams_business(tmp_path: Path) -> None:
    fb = _mod(FOOTBALL, tmp_path)
    for text in ("我们队这周缺一个门将，谁有认识会守门的朋友可以叫来试训", "后卫老黄膝盖伤了，这周首发是不是要换人"):
        v = fb.moderate({"user": f"f{next(_T)}", "text": text})
        assert v.label == Label.OK and v.action not in ACTED, (text, v.reason)
    v = fb.moderate({"user": "f9", "text": "周末有人一起去打麻将吗，三缺一"})
    assert v.label == Label.OFF_TOPIC, v.reason


def test_own_matters_reads_the_field_words(tmp_path: Path) -> None:
    fb = _mod(FOOTBALL, tmp_path)
    assert "门将" in fb._own_matters("门将老王下周结婚，大家周末一起去喝喜酒")
    assert fb._own_matters("周末有人一起去唱歌吗") == []
    assert "门将" not in _mod(PIANO, tmp_path)._own_matters("门将老王下周结婚")  # no football cue in a piano group
