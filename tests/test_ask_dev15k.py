"""Round 33 (dev15k): a question that asks several things is cut into its asks (question marks, 另外/以及, 还有/顺便
at a clause start, a 要不要/会不会 clause after an asking one); each ask is searched on its own (a later ask with the
situation told before it), its section joins the answer, and the answer ends ask by ask: which section answers it,
or plainly that the material has none. A list's lead-in is never left without its list ("几个例子：" whose
examples were left out). Questions and groups (魔方, 街舞, 古琴, 插花, 风筝, 篆刻) are written for these tests."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

import copilot
from copilot.config import Settings
from copilot.knowledge import ask as ask_module
from copilot.knowledge.ask import (
    AskAnswer,
    _no_dangling,
    _trim_header,
    answer_question,
    ask_map,
    ask_words,
    asks_lines,
    decline_texts,
    question_asks,
    with_asks,
)
from copilot.knowledge.ranking import SectionHit, SectionRanking, parts_cues
from copilot.llm import get_engine
from copilot.textnorm import to_script


@pytest.fixture(autouse=True)
def _ask_list_on(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The ask-by-ask list is off by default (parts.yaml ask_map.most: 0, round 33's fresh QA found 6 of its 9 lists
    pointing at the wrong section); these tests exercise it switched on, as an operator would set most: 3."""
    monkeypatch.setattr(parts_cues().ask_map, "most", 3)


def test_the_ask_list_is_off_by_default(kb_index, settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Shipped config: a question asking two things gets no ask-by-ask list and no sections added for it (an answer
    naming a wrong section for an ask misleads more than none)."""
    shipped = yaml.safe_load((Path(copilot.__file__).parent / "resources/retrieval/parts.yaml")
                             .read_text(encoding="utf-8"))["ask_map"]["most"]
    assert shipped == 0
    monkeypatch.setattr(parts_cues().ask_map, "most", shipped)
    q = "木工群周末体验课要不要收材料费？第一次来的人怎么带"
    assert question_asks(q) == []
    answer = answer_question(q, kb_index, get_engine(settings))
    assert answer.covered
    assert decline_texts().asks_head not in answer.answer


def _hit(source: str, title: str, section: str, fit: float, score: float = 0.5) -> SectionHit:
    return SectionHit(source=source, title=title, section=section, score=score, fit=fit, sentence=0.9, lexical=2.0)


SHARE_AFTER = _hit("sharing", "群分享的组织与整理", "分享后：整理成文字版", 0.8)
SHARE_BEFORE = _hit("sharing", "群分享的组织与整理", "分享前：选题、排期与预热", 0.9)
COLD = _hit("content", "内容规划与每日话题", "冷场了怎么救", 0.7)


# --- cutting a question into its asks ---------------------------------------------------------------------------

def test_two_question_marks_are_two_asks() -> None:
    q = "魔方群里新人总问公式，老玩家都懒得回了，怎么让老玩家愿意带新人？比赛要不要收报名费"
    assert question_asks(q) == ["魔方群里新人总问公式，老玩家都懒得回了，怎么让老玩家愿意带新人？", "比赛要不要收报名费"]


def test_a_clause_joiner_starts_an_ask_only_at_a_clause_start() -> None:
    q = "街舞群每周日排练总有人迟到，怎么定规矩比较好，还有排练视频要不要发到群里"
    asks = question_asks(q)
    assert len(asks) == 2 and asks[1] == "还有排练视频要不要发到群里"
    # 还有 inside a clause ("还有啥办法") does not cut
    assert question_asks("古琴群除了线下雅集还有啥办法让大家多交流") == []


def test_a_yes_no_clause_after_an_asking_clause_is_its_own_ask() -> None:
    q = "插花群想找两个管理员，管理员之间怎么分工 要不要每月给点花材当补贴"
    assert [ask_words(a) for a in question_asks(q)] == ["管理员之间怎么分工", "要不要每月给点花材当补贴"]


def test_a_short_piece_goes_back_to_the_piece_before_it() -> None:
    # "还有救吗" is too short to be an ask of its own: it stays with the situation it follows
    q = "风筝群三个月没人说话了 还有救吗？要重新拉起来的话第一步做什么"
    asks = question_asks(q)
    assert len(asks) == 2
    assert asks[0].endswith("还有救吗？") and asks[0].startswith("风筝群")


@pytest.mark.parametrize("question", [
    "",
    "？？？",
    "篆刻群的群规怎么写",  # one ask
    "篆刻群的群规怎么写？我们群一百来人，都是刻印的老师傅",  # the piece after the mark tells, it does not ask
    "街舞群新人进来不说话，老成员也不太理，感觉很尴尬",  # nothing asked
])
def test_one_ask_or_none_is_no_list(question: str) -> None:
    assert question_asks(question) == []


def test_the_ask_is_named_without_the_situation() -> None:
    ask = "古琴群最近好多人退群 一天走三四个 也不知道为啥 我是不是该私聊问问原因？"
    assert ask_words(ask) == "我是不是该私聊问问原因"


def test_the_list_can_be_switched_off(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(parts_cues().ask_map, "most", 0)
    assert question_asks("魔方群比赛要不要收报名费？奖品怎么定") == []


def test_at_most_three_asks() -> None:
    q = "风筝群的群名怎么起？群规怎么写？欢迎语怎么写？第一次活动怎么办"
    assert len(question_asks(q)) == parts_cues().ask_map.most == 3


# --- each ask and its section -----------------------------------------------------------------------------------

def _index(by_query: dict[str, SectionRanking]) -> SimpleNamespace:
    def search(q: str, k: int = 3) -> SectionRanking:
        return by_query.get(q, SectionRanking(q, [], 0.0, 0.1, 0.05))
    return SimpleNamespace(search_sections=search)


OPENING = _hit("growth", "引流拉新与裂变", "开群节奏与冷启动", 0.85)


def _ranked(*sections: SectionHit, confidence: float = 0.9) -> SectionRanking:
    return SectionRanking("q", list(sections), confidence, 0.1, 0.05)


def test_the_ask_the_situation_and_the_whole_question_vote() -> None:
    q = "古琴群想办一场线下雅集，请老琴友讲讲，大概三十人，活动前在群里怎么预热？办完之后要做什么才能让大家下次还来"
    situation = "古琴群想办一场线下雅集，请老琴友讲讲，大概三十人"
    before, after = "活动前在群里怎么预热", "办完之后要做什么才能让大家下次还来"
    index = _index({
        # alone, the warm-up ask is sure of the group's opening warm-up; the situation and the whole question agree
        # on the share session's
        before: _ranked(OPENING, _hit("sharing", "群分享的组织与整理", "分享前：选题、排期与预热", 0.3)),
        f"{situation}，{before}": _ranked(SHARE_BEFORE, OPENING),
        # alone, the aftermath ask is not covered: only the situation tells it was a share session
        after: _ranked(COLD, confidence=0.01),
        f"{situation}，{after}": _ranked(SHARE_AFTER),
    })
    whole = _ranked(SHARE_BEFORE, SHARE_AFTER)
    asks = ask_map(q, index, whole)  # type: ignore[arg-type]
    assert [a.words for a in asks] == [before, after]
    assert [a.best for a in asks] == [SHARE_BEFORE, SHARE_AFTER]


def test_an_ask_no_search_fits_has_no_section() -> None:
    q = "魔方群比赛要不要收报名费？收了的钱要不要开收据"
    loose = _hit("content", "内容规划与每日话题", "冷场了怎么救", 0.05)
    index = _index({"魔方群比赛要不要收报名费": _ranked(COLD, confidence=0.02),  # not covered
                    "收了的钱要不要开收据": _ranked(loose)})  # covered, but fits below the scorer's second
    asks = ask_map(q, index, _ranked(loose))  # type: ignore[arg-type]
    assert [a.best for a in asks] == [None, None]
    assert asks_lines(asks, [loose])[1:] == [decline_texts().ask_missing.format(part=a.words) for a in asks]


def test_each_asks_section_joins_once_after_the_answer() -> None:
    asks = [AskAnswer("活动前怎么预热", SHARE_BEFORE), AskAnswer("办完之后做什么", SHARE_AFTER), AskAnswer("x", None)]
    assert with_asks([SHARE_BEFORE], asks) == [SHARE_BEFORE, SHARE_AFTER]
    assert with_asks([COLD], []) == [COLD]


def test_the_closing_lines_name_each_asks_section_or_say_it_is_not_covered() -> None:
    asks = [AskAnswer("活动前怎么预热", SHARE_BEFORE), AskAnswer("要不要收报名费", None)]
    lines = asks_lines(asks, [SHARE_BEFORE, COLD])
    texts = decline_texts()
    assert lines[0] == texts.asks_head
    assert "「活动前怎么预热」" in lines[1] and SHARE_BEFORE.label in lines[1]
    assert lines[2] == texts.ask_missing.format(part="要不要收报名费")
    assert asks_lines([], [COLD]) == [] and asks_lines(asks, []) == []


# --- a lead-in never ends without its list ----------------------------------------------------------------------

def test_an_example_lead_in_keeps_only_its_method_clause() -> None:
    assert _trim_header("我们的做法是顺着对方的话头接回主题，几个例子： [3]") == "我们的做法是顺着对方的话头接回主题。 [3]"
    assert _trim_header("几个例子： [3]") == ""


def test_a_section_never_ends_on_a_colon() -> None:
    lines = ["先分清是哪种情况。 [1]", "常见的做法有： [1]"]
    assert _no_dangling(lines) == ["先分清是哪种情况。 [1]"]
    kept = ["下面是我们的做法： [2]", "1. 先私聊提醒； [2]"]
    assert _no_dangling(kept) == kept
    assert _no_dangling([]) == []


def test_an_extra_sections_example_lead_in_without_its_examples_is_trimmed() -> None:
    rows = [("“巧妙转移”我们的做法是顺着对方的话头接回主题，几个例子：", 3), ("\0跑步群的例子", 3),
            ("也可以抛出一个相关的新问题。", 3)]
    assert ask_module._led_off(rows, 0) and not ask_module._led_off(rows, 2)


# --- end to end -------------------------------------------------------------------------------------------------

def _named(answer) -> list[str]:  # type: ignore[no-untyped-def]
    """The sections the closing lines send each ask to."""
    return re.findall(r"：看「([^」]+)」", answer.answer)


def test_a_two_ask_question_says_where_each_ask_is_answered(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    q = "魔方群想办一场线下比赛，大概四十人，比赛前在群里怎么预热？比完之后要做什么才能让大家下次还愿意来"
    answer = answer_question(q, kb_index, get_engine(settings))
    assert answer.covered
    lines = answer.answer.splitlines()
    head = lines.index(decline_texts().asks_head)
    asks = lines[head + 1:]
    assert len(asks) == 2
    assert "「比赛前在群里怎么预热」" in asks[0] and "「比完之后要做什么才能让大家下次还愿意来」" in asks[1]
    labels = {s.label for s in answer.sections}
    assert set(_named(answer)) <= labels  # every section it names is in the answer
    missing = decline_texts().ask_missing.split("」", 1)[1]
    assert all(line.endswith(missing) or "：看「" in line for line in asks)


def test_a_traditional_two_ask_question_lists_its_asks_in_traditional(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    q = "街舞群每週日排練總有人遲到，怎麼定規矩比較好？還有排練影片要不要發到群裡"
    answer = answer_question(q, kb_index, get_engine(settings))
    assert answer.covered and answer.script == "zh-Hant"
    assert to_script(decline_texts().asks_head, "zh-Hant") in answer.answer
    assert decline_texts().asks_head not in answer.answer
    assert set(_named(answer)) <= {s.label for s in answer.sections}


def test_a_one_ask_question_has_no_list_and_no_note(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    q = "古琴群新人进来都不说话，老琴友聊得很专业，新人插不上话，我们该怎么带新人"
    answer = answer_question(q, kb_index, get_engine(settings))
    assert answer.covered
    assert decline_texts().asks_head not in answer.answer
    assert "没有找到正讲这一点" not in answer.answer  # the single-ask note is off (its curve: dev15k report)


def test_no_answer_line_ends_on_a_colon(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    for q in ("篆刻群聊天老是跑题，一会儿聊股票一会儿聊孩子，怎么把话题拉回来又不伤气氛",
              "插花群的群介绍怎么写，要写哪些内容",
              "篆刻群裡聊天經常跑題，一會兒炒股一會兒聊孩子上學，正經的展訊、約課信息被刷下去找不到了，怎麼管歪樓又不把氣氛搞僵啊"):
        answer = answer_question(q, kb_index, get_engine(settings))
        lines = answer.answer.splitlines()
        heads = ("资料", "经验建议", "依据", "你导入", "（", "資料", "經驗建議", "依據")
        dangling = [line for i, line in enumerate(lines) if not line.startswith(heads)
                    and re.sub(r" \[\d+\]$", "", line).endswith(("：", ":"))
                    and (i + 1 == len(lines) or lines[i + 1].startswith(heads))]
        assert not dangling, q
        # an example's lead-in ("几个例子：") is followed by its examples, or it was cut back to its method clause
        led = [i for i, line in enumerate(lines) if re.search(r"例子[：:] \[\d+\]$", line)]
        assert all(re.match(r"\s*(\d+[.、]|[-*•] )", lines[i + 1]) for i in led), q


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")
