"""Round 81, d17a81 (issue 17): a member's own doings told in everyday words in a kind of group the chatter model had
never read (a kintsugi circle, a shadow-puppet troupe, bartenders) were labelled off-topic for review: the model knew
the talk of 42 kinds of group only. A second chatter model, trained with the members' own doings in 69 more kinds of
group (``chatter_kinds.jsonl``), clears such a remark (no question, no chatter word) when it reads as the group's talk.
Everyday-life chatter, a message with a chatter word, and ads stay as they were.

Groups and messages written for these tests (the groups are those of evals/moderation/dev170.jsonl)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from copilot.moderation import Verdict, offtopic
from copilot.moderation.classifier import load_chatter_model, load_kinds_chatter_model
from copilot.paths import RESOURCES_DIR

KINTSUGI = """
name: 杭州金缮锔瓷交流群
positioning: 杭州喜欢金缮和锔瓷的朋友交流修复碎瓷、大漆、锔钉的手法，晒修好的器物，约周末工作室一起做
topics: [金缮, 锔瓷, 大漆, 修复, 锔钉, 补瓷]
audience: 金缮锔瓷爱好者和手艺人
"""

PIYING = """
name: 西安皮影戏班排练群
positioning: 西安一个业余皮影戏班的成员安排排练和演出，交流雕皮、操签子和唱腔，演出前对台本
topics: [皮影, 排练, 演出, 唱腔, 雕刻, 签子]
audience: 戏班成员和学员
"""

BAR = """
name: 成都调酒师交流群
positioning: 成都酒吧调酒师交流酒单、出品、摇壶和冰的手法，聊吧台上的工作和客人，同行之间互相帮忙顶班
topics: [调酒, 酒单, 出品, 吧台, 基酒, 鸡尾酒]
audience: 成都的调酒师和酒吧从业者
"""

SILKWORM = """
name: 三（2）班养蚕观察家长群
positioning: 三年级科学课布置在家养蚕，家长交流怎么喂桑叶、换盒子、蚕宝宝蜕皮结茧，帮孩子记观察日记
topics: [养蚕, 蚕宝宝, 桑叶, 蜕皮, 结茧, 观察日记]
audience: 三（2）班的家长
"""

HANDPAN = """
name: 香港手碟同好會
positioning: 香港玩手碟同鋼舌鼓嘅朋友交流打法、調音、保養，約週末海邊一齊即興夾奏
topics: [手碟, 鋼舌鼓, 調音, 夾奏, 保養]
audience: 香港嘅手碟愛好者
"""

CRICKET = """
name: 天津秋虫同好群
positioning: 天津玩蛐蛐的老少爷们交流养虫、挑虫、开斗和过冬，聊罐子、虫具和每年秋天的虫市
topics: [蛐蛐, 蟋蟀, 斗虫, 养虫, 虫罐, 虫市]
audience: 天津的秋虫玩家
"""


# -- the members' own doings in everyday words: the group's talk --------------------------------------------------------
def test_own_practice_in_everyday_words_is_the_groups_talk(judge: Callable[[str, str], Verdict]) -> None:
    # a troupe member on practising a sung part at home: no topic word, no chatter word, the first model leans to chatter
    v = judge(PIYING, "那段唱我回家对着镜子又练了十遍，嗓子都哑了")
    assert v.label == "ok" and v.action == "none", v.reason


def test_the_second_model_clears_only_what_it_is_sure_of() -> None:
    first, kinds = load_chatter_model(), load_kinds_chatter_model()
    text = "那段唱我回家对着镜子又练了十遍，嗓子都哑了"
    assert first.score(text) >= offtopic.CHATTER_MIN and kinds.score(text) < offtopic.KINDS_CLEAR
    # a day of life told with the same tiredness (d17b69's hard negative) is not cleared: the threshold sits below it
    assert kinds.score("老婆拉我去逛商场，一天走了两万步，腿都断了") >= offtopic.KINDS_CLEAR


# -- hard negatives: everyday-life chatter stays off-topic ----------------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (KINTSUGI, "有人看了昨晚那集吗，女主最后居然原谅他了"),
    (KINTSUGI, "公司年会抽奖又是什么都没中，年年陪跑"),
    (CRICKET, "今晚五大道那边堵死了，打车半小时没动"),
    (CRICKET, "最近天津的煎饼果子都涨到十块了"),
    (BAR, "春熙路那家火锅排了两个小时，真是服了"),     # a chatter word (火锅): the second model is not asked
    (SILKWORM, "学校门口那家奶茶店又涨价了，一杯二十五"),
    (PIYING, "我儿子谈了个女朋友，过年要带回家"),
    # a question with no chatter word is left to the first model (asking for life's help is chatter's commonest form)
    (HANDPAN, "有冇人知邊間茶記個菠蘿油最好食"),
])
def test_life_chatter_stays_off_topic(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "off_topic", v.reason
    assert v.action in ("review", "remind"), v.reason


# -- hard negatives: ads stay ads -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("group", "text"), [
    (KINTSUGI, "零基础金缮速成班，三天包会，结业发证书，报名私我 V：jinshan_3days"),
    (BAR, "洋酒一手货源，保真，酒吧批发价，加微信 yangjiu_cd666 看报价单"),
    (PIYING, "在家动动手指一天赚三百，宝妈学生都能做，想做的滴滴我"),
])
def test_ads_stay_ads(judge: Callable[[str, str], Verdict], group: str, text: str) -> None:
    v = judge(group, text)
    assert v.label == "ad" and v.action == "delete", v.reason


def test_the_kinds_corpus_is_well_formed_unique_and_apart_from_the_first() -> None:
    def rows(name: str) -> list[dict[str, str]]:
        path = RESOURCES_DIR / "moderation" / name
        return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]

    kinds, first = rows("chatter_kinds.jsonl"), rows("chatter.jsonl")
    assert all(set(r) == {"text", "label", "group", "kind"} and r["label"] in ("chatter", "group") for r in kinds)
    texts = [r["text"] for r in kinds]
    assert len(texts) == len(set(texts)) and not set(texts) & {r["text"] for r in first}
    assert len({r["group"] for r in kinds if r["label"] == "group"}) >= 60
    # class balance: 277 group lines, 183 everyday-life remarks and questions (the first corpus has more chatter than group)
    share = sum(r["label"] == "group" for r in kinds) / len(kinds)
    assert 0.5 <= share <= 0.65
    meta = load_kinds_chatter_model().meta
    assert meta["trained_on"] == {"chatter.jsonl": meta["trained_on"]["chatter.jsonl"], "chatter_kinds.jsonl": len(kinds)}
