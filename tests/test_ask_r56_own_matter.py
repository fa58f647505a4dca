"""Round 56 (d15b56): a question about the asker's own life — a love letter for someone met in the group, a passage to
translate, whether to buy the stock a member tipped or lend a member money — is declined by a signal read from the
sentence (``own_matter.yaml``, :mod:`copilot.knowledge.ownmatter`), not by the scope model's score. Asking how to
handle such talk in a group, or asking for one of the group's own texts, is never that. Questions written for this
test (not copied from any eval file)."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, decline_reason, decline_texts
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ownmatter import own_matter
from copilot.knowledge.ranking import SectionHit, SectionRanking
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "kind"), [
    ("帮我写一封情书，给我在读书群里认识的一个男生", "compose"),
    ("替我写段道歉的话给我老婆，她嫌我天天在群里聊天不理她", "compose"),
    ("帮我把这段话翻译成英文：本群每周三晚上八点共读一本书", "translate"),
    ("把“感谢各位群友的陪伴”翻译成韩语", "translate"),
    ("群里有个大哥说这只股票稳涨，我该不该买一点", "decide"),
    ("群友找我借一万块交房租，我能借给他吗", "decide"),
    ("群里宝妈说这个退烧药好用，我该不该给孩子吃", "decide"),
])
def test_the_askers_own_matter_is_read_from_the_sentence(question: str, kind: str) -> None:
    assert own_matter(question) == kind


@pytest.mark.parametrize("question", [
    # how to handle such talk in the group: an operator's act on members
    "群里有人天天荐股让大家跟着买，群主该怎么管",
    "群友在群里互相借钱闹矛盾了，要不要在群规里禁止",
    "有人在群里问感冒吃什么药，大家乱推荐，要不要制止",
    # the group's own texts: what the product drafts
    "帮我写个群公告，提醒大家周六的线下活动别迟到",
    "帮我写一段欢迎语，给今天新进群的二十个朋友",
    "帮我给过生日的群友写几句祝福，发在群里",
    # a member's act under the group's rules, buying for the group
    "新人能不能在群里发自己店铺的链接",
    "群里能不能卖自己做的烘焙",
    "要不要给活跃的群友买点小礼物当奖励",
    # a word that only contains an own verb
    "要不要借鉴别的读书群的做法",
])
def test_running_the_group_is_never_the_askers_own_matter(question: str) -> None:
    assert own_matter(question) == ""


def test_an_own_matter_declines_whatever_the_confidence() -> None:
    hit = SectionHit("activity-resonance", "活动共振", "用户连接：让成员互相认识", 0.9, fit=0.9)
    ranking = SectionRanking("帮我写一封情书给群里认识的女生", [hit], 0.9, 0.1, 0.05, own="compose")
    assert not ranking.covered and ranking.declined_by == "own"
    assert SectionRanking("q", [hit], 0.9, 0.1, 0.05).covered


def test_the_own_decline_footer_is_plain() -> None:
    from copilot.knowledge.ask import Answer
    reason = decline_reason(Answer(question="q", answer="a", citations=[], engine="offline", confidence=0.9,
                                   threshold=0.1, covered=False, declined_by="own"))
    assert reason == decline_texts().declined_why["own"]
    assert "阈值" not in reason and "你自己的事" in reason


def test_a_love_letter_for_someone_met_in_the_group_is_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("帮我写一封情书给我在跑步群里认识的女生", kb_index, get_engine(settings))
    assert not answer.covered and answer.declined_by in {"own", "scene", "near_miss", "confidence", "object"}
    handled = answer_question("群里有人天天荐股让大家跟着买，群主该怎么管", kb_index, get_engine(settings))
    assert handled.covered
