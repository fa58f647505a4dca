"""Issue 13, round 80 (d13a80): a member's share lost from a sentence that shares work out.

"分工一下：物业那边我来联系，小芳收钱，老周开车把书架运过去" — the to-do reader took the speaker's and 小芳's parts but
dropped 老周's: its doing word is in no verb list, the owner model is not sure of the name, or the task model reads the
clause alone as no to-do (``todos/no_task_cited``: the message is cited, the task is in no to-do). A sentence whose
clauses each have an owner of their own (a member named in it or the speaker's 我), none asking, shares work out
(todos._share_list); a member's part of it (words beside the name and its times, todos._share_part) is now their
to-do when another member named in the same sentence is given a to-do by it.

Hard negatives that must not change: a message @-addressed to someone else whose clause opens with a word that is also a
member's name ("@阿杰 小雨照常骑，中雨以上取消" — 小雨 is the weather), a group word that is no member ("每个单元…，
各单元这周内把代表名字报给我"), a retelling of another member's past work ("老周说他上次开车运过一回"), a declined
offer ("我本来想去帮忙搬，可惜周六要值班，去不了") and a rule to everyone ("大家注意安全，搬的时候别闪了腰").

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import ActionItem, Message
from copilot.notes.parse import parse_text
from copilot.notes.reading import People
from copilot.notes.todos import _Clause, _share_list, _share_part, find_actions


def _chat(lines: list[tuple[str, str]]) -> str:
    return "".join(f"[2026-12-07 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))


def _msgs(lines: list[tuple[str, str]]) -> list[Message]:
    return parse_text(_chat(lines), "chat.txt").messages


def _actions(lines: list[tuple[str, str]]) -> list[ActionItem]:
    return find_actions(_msgs(lines))[0]


def _has(actions: list[ActionItem], owner: str, word: str) -> bool:
    return any(a.owner == owner and word in a.task for a in actions)


READING = [("楼长-老方", "各位邻居，社区读书角12月19日（周六）上午搬到新活动室，今天把分工定一下"),
           ("小芳", "收到"),
           ("楼长-老方", "分工一下：物业那边我来联系，小芳收钱，老周开车把书架运过去"),
           ("老周", "没问题"),
           ("阿亮", "新活动室的电源插座够不够？"),
           ("楼长-老方", "投影我周六上午去调好，横幅阿亮帮我一起挂"),
           ("小芳", "老周说他上次开车运过一回，书架挺沉的"),
           ("梅姐", "我本来想去帮忙搬，可惜周六要值班，去不了"),
           ("楼长-老方", "大家注意安全，搬的时候别闪了腰")]


def test_every_share_of_a_comma_list_is_a_todo() -> None:
    acts = _actions(READING)
    assert _has(acts, "楼长-老方", "物业"), acts
    assert _has(acts, "小芳", "收钱"), acts
    assert _has(acts, "老周", "书架运过去"), acts  # (no verb of the lists, the task model alone says no)


def test_share_beside_only_the_speakers_own_part_is_theirs_when_the_task_model_is_sure() -> None:
    # (round 83, d13b83: beside the speaker's own 我-part that is a to-do, a member's part is filed when the task model
    # alone is sure of it, task_model.share_beside_own — "横幅阿亮帮我一起挂" is, "阿明还在路上" is not: see
    # test_status_beside_the_speakers_plan_gives_no_share; round 80 left such a part to the reader)
    acts = _actions(READING)
    assert _has(acts, "楼长-老方", "投影"), acts
    assert _has(acts, "阿亮", "横幅"), acts


def test_status_beside_the_speakers_plan_gives_no_share() -> None:
    acts = _actions([("领队-阿峰", "周日早上八点地铁站集合"), ("阿明", "收到"), ("小琪", "好"),
                     ("领队-阿峰", "我已经到停车场了，阿明还在路上")])
    assert not any(a.owner == "阿明" for a in acts), acts


def test_retelling_declined_offer_and_rule_give_no_todo() -> None:
    acts = _actions(READING)
    assert not any("运过一回" in a.task for a in acts), acts
    assert not any("值班" in a.task for a in acts), acts
    assert not any("注意安全" in a.task for a in acts), acts
    assert not any(a.owner == "梅姐" for a in acts), acts


def test_cantonese_and_traditional_shares() -> None:
    canto = _actions([("團長阿Sam", "各位，十二月廿六號禮拜六去西貢露營"), ("阿詩", "好呀"), ("Kelvin", "冇問題"),
                      ("肥仔明", "收到"),
                      ("團長阿Sam", "分一分工：營地我book，阿詩揸車載啲帳篷，Kelvin買食物，肥仔明影相"),
                      ("團長阿Sam", "行程表我禮拜三之前發，燒烤爐Kelvin幫我搬埋"),
                      ("阿詩", "Kelvin話佢上次都買過食物，嗰間超市幾平")])
    assert _has(canto, "阿詩", "帳篷"), canto
    assert not any("上次都買過" in a.task for a in canto), canto
    trad = _actions([("隊長-阿德", "各位志工，12月13日禮拜天早上七點半象山步道淨山"), ("志明", "收到"), ("淑貞", "好"),
                     ("小胖", "OK"), ("隊長-阿德", "分工：里長那邊我來聯絡，志明扛工具，淑貞準備便當，小胖載垃圾袋")])
    assert _has(trad, "志明", "扛工具") and _has(trad, "小胖", "垃圾袋") and _has(trad, "淑貞", "便當"), trad


def test_weather_word_in_an_at_reply_is_no_share() -> None:
    acts = _actions([("队长大熊", "周六骑行路线定了，早上七点集合"), ("小雨", "我是新手，能跟上吗"), ("阿杰", "要是下雨怎么办？"),
                     ("队长大熊", "@阿杰 小雨照常骑，中雨以上取消，周五晚8点我看天气预报在群里通知")])
    assert not any(a.owner == "小雨" for a in acts), acts


def test_group_word_is_no_members_share() -> None:
    acts = _actions([("业委会-陈主任", "加装电梯的事下周开听证会"), ("老吴", "收到"),
                     ("业委会-陈主任", "还有一件事：每个单元要推选一位代表参加10月25日下午的听证会，在街道三楼会议室，"
                                     "各单元这周内把代表名字报给我")])
    assert not any(a.owner == "每个单元" for a in acts), acts


def test_share_list_needs_an_owner_per_clause_and_no_question() -> None:
    people = People.of(_msgs(READING))
    assert people is not None
    both = [_Clause("物业那边我来联系", "楼长-老方", "first_person"), _Clause("小芳收钱", "小芳", "named")]
    assert _share_list(both)
    assert not _share_list(both[:1])  # one clause shares nothing out
    assert not _share_list([*both, _Clause("书架挺沉的", None, "")])  # a remark with no owner
    assert not _share_list([both[0], _Clause("小芳能收钱吗？", "小芳", "named")])  # a question asks, gives nothing
    assert not _share_list([_Clause("小芳收钱", "小芳", "named"), _Clause("小芳记账", "小芳", "named")])  # one member


def test_share_part_needs_words_beside_the_name_and_time() -> None:
    assert _share_part(_Clause("志明扛工具", "志明", "named"))
    assert _share_part(_Clause("大偉開休旅車載板子", "大偉", "named"))
    assert not _share_part(_Clause("小周上午", "小周", "named"))  # a roster's slot: who is on when
    assert not _share_part(_Clause("初七到初九小周和婷婷", "小周和婷婷", "named"))
    assert not _share_part(_Clause("小涵的花器還沒看到", "小涵", "named"))  # the name owns a thing
    assert not _share_part(_Clause("阿凯家里的事先忙", "阿凯", "named"))  # or a matter of their own
    assert not _share_part(_Clause("@小K", "小K", "assigned"))  # nothing but the name (no task at all)
