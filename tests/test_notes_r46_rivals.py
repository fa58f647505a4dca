"""Round 46 (d13b46): discussions with rival options, a settler and a change of mind.

(1) a member's "那就…呗" / "那就…囉" / "那就…咯" (Taiwan and colloquial particles as well as 吧) put up before someone
else settles the matter differently is a suggestion, not the decision; the votes cast before it still count as
agreement with the line that settles;
(2) the settler's own change headed "改一下：…" replaces what was settled a few lines before;
(3) what the asker settles after hearing the answers to their own question is the decision, not part of the answer.

Every chat below was written for these tests (a hiking club, a company's annual party, a kite team, a choir in Taiwan,
a village fair); none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_structure

from copilot.notes.deciding import _settled_clause, _suggestion
from copilot.notes.todos import find_actions

START = datetime(2027, 3, 3, 20, 0)  # a Wednesday evening

_msgs = partial(chat_lines, start=START)
_structure = partial(chat_structure, start=START)


# --- (1) a rival suggestion before the settling line ---

def test_a_taiwan_suggestion_ending_lo_before_the_settler_is_no_decision() -> None:
    st = _structure(
        "社長阿德|春季出遊去陽明山、淡水還是九份，大家表個態",
        "阿明|我投淡水，有老街可以逛",
        "小美|+1 淡水",
        "阿華|那就九份囉，比較近",
        "社長阿德|好，那就定淡水，九份下次再去")
    assert len(st.decisions) == 1
    d = st.decisions[0]
    assert "淡水" in d.text and d.decider == "社長阿德"
    assert {"阿明", "小美"} <= set(d.by)  # their votes came before the rival suggestion


def test_votes_before_a_rival_bei_suggestion_agree_with_the_settler() -> None:
    st = _structure(
        "会长老孙|年会在哪办：A 市区酒店，B 郊区农家乐",
        "小王|我投农家乐，能烧烤",
        "小李|+1",
        "小赵|那就酒店呗，下班过去方便",
        "会长老孙|那就定农家乐，酒店太贵了")
    assert [d.decider for d in st.decisions] == ["会长老孙"]
    assert "农家乐" in st.decisions[0].text
    assert {"小王", "小李"} <= set(st.decisions[0].by)
    assert "小赵" not in st.decisions[0].by  # she put up the other place


def test_a_suggestion_with_a_strong_word_is_no_mere_suggestion() -> None:
    assert _suggestion("那就周六咯，人多")
    assert _suggestion("要不去江边吧")
    assert not _suggestion("那就这么定了，周六吧")  # settled, not put up
    assert not _suggestion("周六我不行")


def test_the_settled_clause_is_what_the_line_chose_not_what_it_set_aside() -> None:
    assert "农家乐" in _settled_clause("那就定农家乐，酒店太贵了")
    assert "酒店" not in _settled_clause("那就定农家乐，酒店太贵了")
    assert "烧烤" in _settled_clause("就这么定了，周六去吃烧烤")


def test_a_suggestion_nobody_overrules_stays_what_the_chat_settled() -> None:
    st = _structure(
        "小周|周末爬山去哪",
        "阿杰|那就去白云山咯，近",
        "小周|好")
    assert not any("九份" in d.text for d in st.decisions)  # (no other place was ever settled)
    assert all("白云山" in d.text for d in st.decisions)


# --- (2) the settler's change replaces what was settled ---

def test_the_settler_s_change_replaces_the_place_settled_before() -> None:
    st = _structure(
        "队长阿勇|周六风筝比赛在哪放：江边公园还是体育馆",
        "小钱|我投江边公园，地方大",
        "老冯|+1",
        "队长阿勇|好，那就这么定了：周六上午9点，江边公园",
        "小钱|收到",
        "队长阿勇|刚看了预报，周六江边风太大，线会断",
        "队长阿勇|改一下：还是去体育馆，时间不变",
        "老冯|同意",
        "小钱|行")
    assert len(st.decisions) == 1
    d = st.decisions[0]
    assert "体育馆" in d.text and "江边公园" not in d.text
    assert d.decider == "队长阿勇" and "老冯" in d.by


def test_editing_one_s_own_slides_is_no_change_of_plan() -> None:
    st = _structure(
        "小林|我改一下PPT再发群里",
        "阿芳|好的，辛苦")
    assert st.decisions == []
    _, decisions, _ = find_actions(_msgs("小林|改一下，我把PPT的字体调大"))
    assert decisions == []  # (a change header with nothing settled before it settles nothing)


# --- (3) the asker's own settling line is no part of the answer ---

def test_the_asker_s_settling_line_is_not_appended_to_the_answer() -> None:
    st = _structure(
        "会长老何|村里庙会的展板，借村委会的来得及吗",
        "阿英|来得及，村委会仓库里有六块，周五能搬",
        "会长老何|好，那就定用村委会的展板，不另外做了")
    assert len(st.qa) == 1
    qa = st.qa[0]
    assert qa.answerer == "阿英" and "六块" in qa.answer
    assert "不另外做" not in qa.answer  # the asker's own decision is listed under 决定
    assert any("村委会的展板" in d.text for d in st.decisions)
