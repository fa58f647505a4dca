"""Round 78 (d15a78, issue 15): an expansion phrase of ``knowledge/synonyms.yaml`` is matched in one piece of the
folded question, not as a bag of its jieba words found anywhere (不说话 must not read 说话一点不客气 as lurkers, nor
自己人 read 我自己一个人 as core members). Two spread forms still count, by rule: a verb-object phrase with only the
table's ``glue`` (了/过/numerals/measure words) between verb and object (拉了一堆人, 搞了一次活动), and the object put
first by 把 (把群屏蔽了). Only the phrases listed under ``apart`` keep the bag match. Questions written for these
tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.knowledge.expansion import Expander, SynonymError, SynonymTable, load_expander


@pytest.mark.parametrize(("question", "phrase"), [
    ("群里有个老会员说话特别冲，别人晒作品他就说人家不懂行，新人都不敢发了", "不说话"),
    ("群里有人说话不客气骂了我，我能报警吗", "不说话"),
    ("我自己一个人管着三个宝妈群，通知、答疑全是我，怎么发展管理员", "自己人"),
    ("有个达人在群里天天推自己的课，我该不该管", "自己人"),
    ("群成员的数据到底分几类来看？老板要我做月报", "分群"),
    ("群里讨论一聊就被人把话题拉到房价上，怎么温和地拉回来", "拉人"),
    ("微信群最多能拉多少人？超过两百人以后还能扫码进吗", "拉人"),
    ("一下子清掉一批人，会不会被说势利", "掉人"),  # 掉 is part of the word 清掉, not the verb of 掉人
    ("群里活动和活动之间空档期太长怎么搞", "搞活动"),
])
def test_words_said_apart_do_not_fire(question: str, phrase: str, settings: Settings) -> None:
    assert phrase not in load_expander(settings.knowledge_dir).expand(question).matched


@pytest.mark.parametrize(("question", "phrase", "term"), [
    ("我们烘焙群上周搞抽奖一口气拉了三百多人进来，下次拉新该注意什么", "拉人", "拉新"),
    ("老板让我一口气拉两百个人进群，靠谱吗", "拉人", "拉新"),
    ("想把公司里爱跑步的同事拉进来，先把这些人拉进来再说", "拉人", "拉新"),
    ("上個月拉了一百多個人進群，大家都在問這群是幹嘛的", "拉人", "拉新"),  # Traditional: folded first
    ("去年群里搞了两次活动，来的都是那几个熟面孔", "搞活动", "活跃玩法"),
    ("好多邻居都把群屏蔽了，现在发什么都没人看", "屏蔽群", "成员屏蔽"),
    ("門檻設太高會不會把人擋在外面", "挡人", "筛选"),
    ("房车群快五百人了，打算分两个群", "分群", "群满了怎么扩"),
    ("想每天早上在群里丢一个话题，可我不知道丢啥", "丢话题", "每日话题"),
])
def test_a_verb_object_phrase_said_spread_still_fires(question: str, phrase: str, term: str,
                                                      settings: Settings) -> None:
    expansion = load_expander(settings.knowledge_dir).expand(question)
    assert phrase in expansion.matched
    assert term in expansion.terms or term in question


@pytest.mark.parametrize("question", [
    "群里两百人，大部分都不说话，怎么让他们冒个泡",
    "新人進群後都不太說話，歡迎語要怎麼寫",
    "群里三百人，大部分人一句话都不说",
])
def test_lurking_said_in_one_piece_still_fires(question: str, settings: Settings) -> None:
    assert "潜水成员" in load_expander(settings.knowledge_dir).expand(question).terms


def test_a_root_said_as_a_whole_word_still_fires(settings: Settings) -> None:
    assert "成员争吵" in load_expander(settings.knowledge_dir).expand("两个群友一言不合就开撕，我咋办").terms


def _table(**extra: object) -> Expander:
    groups = [{"say": ["拉人"], "means": ["拉新"]}, {"say": ["自己人"], "means": ["核心成员"]},
              {"say": ["群名字"], "means": ["群名"]}]
    return Expander(SynonymTable.model_validate({"groups": groups, **extra}))


def test_glue_and_fronts_come_from_the_table() -> None:
    bare = _table()
    glued = _table(glue=["了", "一", "堆"], fronts=["把"])
    assert bare.expand("拉了一堆人进群").terms == ()
    assert glued.expand("拉了一堆人进群").terms == ("拉新",)
    assert glued.expand("先把人拉进来").terms == ("拉新",)
    # a word between verb and object that is not glue: no match
    assert glued.expand("拉了一堆老同学的人").terms == ()
    # 自己人 is pronoun + noun, not verb + object: glue between its words does not make it
    assert glued.expand("我自己一个人建的群").terms == ()


def test_only_a_phrase_listed_apart_matches_by_its_words() -> None:
    question = "这个群的名字大家都记不住，我自己一个人想了好几个"
    assert _table(apart=["群名字"]).expand(question).terms == ("群名",)
    assert _table().expand(question).terms == ()
    assert _table().expand("这个群名字叫啥好，自己人都说土").matched == ("自己人", "群名字")


def test_an_apart_phrase_must_be_one_the_table_says(tmp_path: Path) -> None:
    (tmp_path / "synonyms.yaml").write_text(
        "groups:\n  - say: [群名字]\n    means: [群名]\napart: [搞活动]\n", encoding="utf-8")
    with pytest.raises(SynonymError, match="搞活动"):
        load_expander(tmp_path)
