"""Round 54 (d15c54, issue 15): situations a fresh tester found led by a section that only shares a word with them.
Questions written for these tests (钓鱼、茶友、烘焙、吉他 groups and the like), not copied from an eval file.

- a quiet group (冷清, 没人聊天) is answered by rescuing the silence, not by cooling a quarrel (that section also says
  "把氛围拉回来"; its first step mutes everyone); a quiet group after a quarrel is still the quarrel;
- newcomers who never speak are answered by the newcomers' first days, not by the entry threshold;
- one member who keeps posting negativity is answered by how to speak to a member (私聊优先, 给台阶), not by
  birthday greetings or the complaint steps; a product complaint stays with the complaint steps;
- a check-in challenge people drop out of is answered by the check-in example, not by growth or removing members.
"""

from __future__ import annotations

from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import stated_situations


def _names(question: str) -> list[str]:
    return [s.name for s in stated_situations().told(question)]


def _lead(answer) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    return answer.sections[0].source, answer.sections[0].section


def _toward(name: str) -> set[tuple[str, str]]:
    situation = next(s for s in stated_situations().situations if s.name == name)
    return {tuple(t) for t in situation.toward}


def test_situations_are_told_by_what_happens_not_by_one_word() -> None:
    assert "quiet_group" in _names("钓鱼群最近冷清得很，一天都没人说话")
    assert "quiet_group" not in _names("钓鱼群两个人吵完架，现在没人说话了")  # a quarrel: ranked as it is
    assert _names("茶友群新进来的人都不说话，只看不说")[0] == "newcomers_silent"
    assert "newcomers_silent" not in _names("新人进群要不要设门槛，不说话的人会不会多")
    assert "negative_member" in _names("烘焙群有个成员天天抱怨，负能量满满")
    assert "negative_member" not in _names("烘焙群有人抱怨我们的产品质量，负面情绪很大")
    assert "negative_member" not in _names("群友总是负能量，是不是抑郁了，要不要劝他去医院")
    assert _names("吉他练琴打卡，打着打着一半人掉队了")[0] == "checkin_dropoff"


def test_a_quiet_group_is_not_answered_by_cooling_a_quarrel(offline, kb_index: KnowledgeIndex) -> None:  # type: ignore[no-untyped-def]
    for q in ["钓鱼群最近冷冷清清，没人聊天，怎么把气氛找回来", "我哋個釣魚群成日冇人傾偈，點先可以熱鬧返啲"]:
        a = answer_question(q, kb_index, offline)
        assert a.covered and a.sections[0].source in {"daily-topics", "activity-resonance", "lifecycle"}, q
        assert all(s.section not in {"成员争吵怎么降温", "成員爭吵怎麼降溫"} for s in a.sections), q


def test_silent_newcomers_are_answered_by_their_first_days(offline, kb_index: KnowledgeIndex) -> None:  # type: ignore[no-untyped-def]
    a = answer_question("茶友群新进来的人都不说话，怎么让他们开口聊两句", kb_index, offline)
    assert a.covered and _lead(a) in _toward("newcomers_silent")
    assert all(s.source != "threshold" for s in a.sections)


def test_a_member_posting_negativity_gets_how_to_talk_to_him(offline, kb_index: KnowledgeIndex) -> None:  # type: ignore[no-untyped-def]
    a = answer_question("烘焙群有个成员天天在群里发负能量，别人都被影响了，又怕说他他会退群", kb_index, offline)
    assert a.covered and _lead(a) == ("moderation-offtopic", "管理话术的原则")
    assert all(s.section != "生日、节日与日常关怀" for s in a.sections)


def test_a_checkin_drop_off_is_answered_by_the_checkin_example(offline, kb_index: KnowledgeIndex) -> None:  # type: ignore[no-untyped-def]
    a = answer_question("吉他群搞了个30天练琴打卡，第二周就一堆人掉队了，怎么留住大家", kb_index, offline)
    assert a.covered and a.sections[0].source == "activity-resonance"
    assert all(s.section not in {"先把内容做好再拉新", "定期清理成员"} for s in a.sections)
