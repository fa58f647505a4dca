"""Round 45 (d15a45, issue 15): more things a question can ask about that the cards do not teach, whatever group
words dress it (``scope.yaml``'s ``object``): the group topic's own measures, a game's rules, caring for or repairing
a thing, the asker's own money and family, something to buy, a poem or code written for a member. Such a question is
declined when its leading section fits it below ``object_floor``; the group's own money, activities and rules name
no such object. Questions written for this test."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question, decline_reason
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit, SectionRanking, scene_cues
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "kind"), [
    ("烘焙群想统一一下，戚风蛋糕烤箱要开多少度合适", "measure"),
    ("钓鱼群新人问，路亚竿配几磅的线比较好", "measure"),
    ("篮球群周末打野球，三秒区站多久算犯规", "play"),
    ("足球群踢五人制，越位到底算不算", "play"),
    ("绿萝群好多人的绿萝黄叶了，是不是浇多了", "care"),
    ("電動車群有人問，剎車皮磨沒了自己換難不難", "care"),  # Traditional folds to the same words
    ("车友群的老哥问我，手上二十万是提前还贷还是拿去理财", "money"),
    ("我管书法群管得太投入，老公说我整天抱着手机，怎么跟他好好谈", "own_life"),
    ("想把摄影群做成全职，可家里人反对，该不该辞", "own_life"),
    ("钓鱼群搞比赛，我自己的渔轮纺车轮和水滴轮买哪种", "buy"),
    ("书法群有位老师过生日，帮我写一首藏头诗", "compose"),
    ("读书会有成员问 Excel 公式，帮我写段代码", "compose"),
    ("老年大学群的阿姨问，华为手机字体调大在哪里", "device"),
    ("茶叶群想卖自己炒的茶，要办什么证", "law"),
    ("高血压病友群有人问降压药一天吃几片", "body"),
])
def test_the_object_of_a_question(question: str, kind: str) -> None:
    assert scene_cues().object_of(question) == kind


@pytest.mark.parametrize("question", [
    "群费还剩八百块，怎么在群里公开账目大家才放心",  # the group's own money is running the group
    "篮球群每周打球有人老迟到，群规里怎么写",
    "绿萝群想办个晒图打卡，怎么设计才有人参加",
    "管理员说要辞职不管群了，群里的事怎么重新分工",  # a co-admin leaving is the group's business
    "帮我写一段新人进群的欢迎语",  # writing group material is operations
    "书法群想请老师做一次线上分享，分享前要预热吗",
    "分享会的语音怎么转成文字整理好发到群里",  # turning a talk into text is the share-sessions card's own advice
    "签证互助群新人进来，欢迎语怎么写",  # a visa group is a kind of group, not a visa question
    "家电维修志愿群想再招几个师傅，招募公告怎么写",  # a repair trade is a kind of group, not a repair question
])
def test_running_the_group_names_no_object(question: str) -> None:
    assert scene_cues().object_of(question) == ""


def _ranking(question: str, fit: float) -> SectionRanking:
    sec = SectionHit(source="lifecycle", title="社群生命周期", section="延长寿命的办法", score=0.3, fit=fit)
    return SectionRanking(question, [sec], 0.9, 0.1, 0.05)


@pytest.mark.parametrize("question", ["兰花群里好几盆兰花烂根了，浇水太多怎么补救", "帮我给群里的老大哥写一段祝寿词"])
def test_a_new_object_question_needs_a_section_that_fits_it_well(question: str) -> None:
    floor = scene_cues().object_floor
    low, high = _ranking(question, floor - 0.01), _ranking(question, floor + 0.01)
    assert not low.covered and low.declined_by == "object"
    assert high.covered


@pytest.mark.parametrize("question", [
    "轮滑群要发通知提醒大家，轮子的硬度一般选多少度合适，我好写进通知",
    "羽毛球群群主想问：我自己攒了八万，放大额存单还是买国债",
    "書法群有位老會員八十大壽，幫我寫一段祝壽詞發在群裡",
])
def test_object_questions_dressed_as_operations_are_declined(kb_index: KnowledgeIndex, settings: Settings,
                                                             question: str) -> None:
    answer = answer_question(question, kb_index, get_engine(settings))
    assert not answer.covered and answer.citations == []
    assert decline_reason(answer)


def test_a_money_rule_for_the_group_is_still_answered(kb_index: KnowledgeIndex, settings: Settings) -> None:
    question = "徒步群想在群规里写明：AA 的车费谁来收、几天内转清"
    assert scene_cues().object_of(question) == ""
    answer = answer_question(question, kb_index, get_engine(settings))
    assert answer.covered and any(s.source == "group-rules" for s in answer.sections)
