"""Issue 13, round 79 (d13c79): a speaker's own correction that names no old value is read, and the line it sets
right keeps its words with the new value beside it.

- A message opening with its speaker owning the slip in a few words is a correction (cue ``correction``): 「刚才说错了，
  应该是下午两点半开始」, 「不好意思，时间打错了，是早上七点半集合」, 「我剛剛寫錯了」, Cantonese 「頭先講錯咗，係七點半集合」.
- Such a correction naming no new subject is a bare fix (corrections._bare_fix): the old line keeps its place and topic
  with 「（已改：两点半）」; a clause naming what the old line says already (「是早上七点半集合」 of 「…七点在南门集合」)
  still counts, and finds the line as far back as a correction does.
- The old line stays a key point with the mark (offline._stale_by_bare_fix) unless another later line changes it too.

Not read as the speaker's own correction: 「你说错了吧」 (another member's doubt), 「打錯字哈哈」, a yes owning the slip after
the value (「对，35元，我打错了」 — another member's correction taken up, unchanged), a member's suggestion nobody takes
(「我觉得四点更合适」, 「那就改到十点吧」), another event's time (「另外周日上午十点还有一场」). The chats are written by
hand for this test.
"""

from __future__ import annotations

from copilot.evals.notes import shown_as_current
from copilot.notes.corrections import restated_figures
from copilot.notes.cues import cue, folded
from copilot.notes.model import Message, Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text
from copilot.notes.render import render_markdown

HOST = "读书会-陈老师"
HEAD = [(HOST, "各位书友，本周六下午三点在市图书馆二楼读书分享，这次读《额尔古纳河右岸》"), ("小林", "收到"), ("阿杰", "好的，我报名")]


def _chat(lines: list[tuple[str, str]], head: list[tuple[str, str]]) -> str:
    return "".join(f"[2031-12-16 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))


def _notes(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> Notes:
    return summarize_offline(parse_text(_chat(lines, head), "chat.txt"))


def _current(value: str, md: str) -> bool:
    return shown_as_current(folded(value), folded(md))


def _fixes(lines: list[tuple[str, str]]) -> dict[int, tuple[int, bool]]:
    """Message id → (id of the message that set it right, whether as a bare fix)."""
    ms = [Message(i + 1, None, who, text) for i, (who, text) in enumerate(lines)]
    return {i: (fix.by.id, fix.bare) for i, fix in restated_figures(ms).items()}


# -- the cue ----------------------------------------------------------------------------------------------------------
def test_a_message_opening_with_the_speakers_own_slip_is_a_correction() -> None:
    for text in ("刚才说错了，应该是下午两点半开始", "不好意思，时间打错了，是早上七点半集合", "我剛剛寫錯了，是早上七點半集合",
                 "頭先講錯咗，係七點半集合", "我说错了，家长会是上午八点半开始", "講錯咗，係兩點半開始"):
        assert cue("correction").search(folded(text)), text


def test_another_members_doubt_a_typo_joke_and_a_yes_owning_the_slip_are_no_own_correction() -> None:
    for text in ("你说错了吧，是三点", "是不是记错了", "打錯字哈哈", "对，35元，我打错了", "对对，七点半，我记错了",
                 "八點半，上面打錯了"):
        assert not cue("correction").search(folded(text)), text


# -- the line it sets right -------------------------------------------------------------------------------------------
def test_just_now_said_wrong_marks_the_old_time_and_keeps_the_place() -> None:
    md = render_markdown(_notes([("小雨", "我觉得四点更合适，中午可以多休息一会"),
                                 (HOST, "刚才说错了，应该是下午两点半开始，图书馆五点闭馆"),
                                 (HOST, "另外周日上午十点还有一场亲子绘本会，有孩子的家长可以带孩子来")]), appendix=False)
    assert not _current("下午三点在市图书馆", md), md
    assert "本周六下午三点在市图书馆二楼读书分享（已改：两点半）" in md, md
    # (another event's time and a suggestion nobody takes stay as they were said)
    assert _current("周日上午十点还有一场亲子绘本会", md), md
    assert "（已改：四点" not in md and "（已改：十点" not in md, md


def test_a_slip_naming_the_kind_of_value_five_lines_later_is_read() -> None:
    head = [("队长-老胡", "周六早上七点在地铁南门站B口集合，爬凤凰山"), ("阿峰", "收到"), ("小美", "要带午饭吗？"),
            ("队长-老胡", "带点干粮和两瓶水"), ("阿峰", "我那双登山鞋底都磨平了"), ("小美", "迪卡侬在打折")]
    fixes = _fixes([*head, ("队长-老胡", "不好意思，时间打错了，是早上七点半集合，地铁首班车六点五十才到")])
    assert fixes == {1: (7, True)}
    md = render_markdown(_notes([("队长-老胡", "不好意思，时间打错了，是早上七点半集合，地铁首班车六点五十才到")], head),
                         appendix=False)
    assert not _current("早上七点在地铁", md), md
    assert "地铁南门站B口集合（已改：七点半）" in md, md


def test_cantonese_slip_marks_the_old_time() -> None:
    head = [("行山隊-阿輝", "各位，星期日朝早八點喺大埔墟站A出口集合，行八仙嶺"), ("阿詩", "收到"), ("阿詩", "八點好早喎，不如九點？")]
    md = render_markdown(_notes([("行山隊-阿輝", "頭先講錯咗，係七點半集合，八仙嶺要行成日")], head), appendix=False)
    assert not _current("朝早八點喺大埔墟", md), md
    assert "大埔墟站A出口集合（已改：七點半）" in md, md


def test_a_clause_naming_a_subject_the_old_line_lacks_is_no_bare_fix() -> None:
    # (「另外七点还有一场」 names its own thing; the old line's three o'clock stands)
    assert _fixes([*HEAD, (HOST, "另外七点还有一场电影沙龙")]) == {}
    # (a correction naming words the old line never says is left to the other readings: no bare fix of line 1)
    assert all(not bare for _, bare in _fixes([*HEAD, (HOST, "说错了，电影沙龙是七点")]).values())


def test_a_members_change_nobody_takes_changes_nothing() -> None:
    head = [("班主任-林老师", "各位家长，下周一上午九点在学校礼堂开家长会"), ("果果妈妈", "收到")]
    assert _fixes([*head, ("乐乐爸爸", "九点要送孩子上学来不及，那就改到十点吧"), ("果果妈妈", "礼堂停车方便吗？")]) == {}


def test_a_line_another_later_message_changes_too_is_no_key_point() -> None:
    head = [("合唱团-周老师", "各位团员，本周三晚上六点半排练，地点在社区活动中心一楼大厅，每人交50元服装费"), ("小敏", "收到")]
    notes = _notes([("合唱团-周老师", "更正一下，排练改到七点，六点半一楼还有人用"), ("小敏", "好的"),
                    ("合唱团-周老师", "地点也换成二楼多功能室，一楼大厅那天被借走了")], head)
    points = "\n".join(kp.text for kp in notes.key_points)
    assert "社区活动中心一楼大厅" not in points, points


# -- another member's change the old value's speaker takes up -------------------------------------------------------
FEE = [("队长-老胡", "保险费每人10元，周五前转给阿峰"), ("小美", "收到")]


def test_a_members_change_taken_up_after_a_third_members_plus_one_marks_the_to_do() -> None:
    lines = [("阿峰", "保险公司今年涨价了，改成12元吧"), ("小美", "+1"), ("队长-老胡", "行")]
    assert _fixes([*FEE, *lines]) == {1: (3, True)}
    notes = _notes(lines, FEE)
    md = render_markdown(notes, appendix=False)
    assert not _current("保险费每人10元", md), md
    assert any("（已改：12元）" in a.task for a in notes.actions), md


def test_a_proposal_asked_and_taken_up_or_its_value_said_again_changes_the_line() -> None:
    old = [("队长-老周", "周六上午9点在体育公园东门集合，骑行去水库"), ("a", "收到")]
    assert _fixes([*old, ("小王", "要不改到10点？"), ("队长-老周", "好")]) == {1: (3, True)}
    assert _fixes([*old, ("小王", "改到10点吧"), ("队长-老周", "就10点吧")]) == {1: (3, True)}


def test_a_proposal_refused_or_about_another_event_changes_nothing() -> None:
    old = [("队长-老周", "周六上午9点在体育公园东门集合，骑行去水库"), ("a", "收到")]
    assert _fixes([*old, ("小王", "要不改到10点？"), ("队长-老周", "不行，9点")]) == {}
    assert _fixes([*old, ("小王", "是不是改到10点了？"), ("队长-老周", "没有，还是9点")]) == {}
    assert _fixes([*old, ("小王", "周日的烧烤改到10点吧"), ("队长-老周", "好")]) == {}
    # (nobody takes it up: the organiser's nine o'clock stands)
    assert _fixes([*old, ("小王", "改到10点吧"), ("小李", "+1")]) == {}


# -- a length said in Cantonese hours or Latin minutes ----------------------------------------------------------------
def test_a_correction_of_a_cantonese_length_in_hours_restates_the_line() -> None:
    head = [("行山隊-阿輝", "今次行八仙嶺，全程大概5個鐘，記得帶夠水"), ("阿詩", "收到")]
    assert _fixes([*head, ("行山隊-阿輝", "更正：全程要6個鐘，路線加咗一段")]) == {1: (3, True)}
    assert _fixes([("主持-小林", "每人分享5min，之后自由讨论"), ("阿杰", "收到"), ("主持-小林", "更正：每人分享8min")]) \
        == {1: (3, True)}
    # (a clock time with 钟 is no length; another event's hours are left alone)
    assert _fixes([*head, ("行山隊-阿輝", "另外星期六三點鐘仲有一團去龍脊")]) == {}
