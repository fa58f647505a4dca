"""Issue 13, round 77 (d13e77): a value its speaker sets right without naming the subject again ("说错了，是七点",
"改到七点吧", "那再改一下，定三点半") or by naming the wrong value beside the right one ("不是50是60", Cantonese
"唔係三點，係四點") is never shown as current: the old line keeps its words with the new value beside it
("…六点半…（已改：七点）", corrections._bare_fix). A line changed twice shows the latest value. Not read as a change:
an addition ("另外七点还有一场"), a figure of speech ("不是我说"), another member's refusal ("四点我接孩子，来不了"), and
a change another member makes of a line that is not theirs.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.evals.notes import shown_as_current
from copilot.notes.corrections import restated_figures
from copilot.notes.cues import folded
from copilot.notes.model import Notes
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text
from copilot.notes.render import render_markdown

HEAD = [("合唱团-周老师", "本周三晚上六点半在活动中心排练，每人交50元服装费"), ("小敏", "收到")]


def _chat(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> str:
    return "".join(f"[2031-12-01 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))


def _notes(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> Notes:
    return summarize_offline(parse_text(_chat(lines, head), "chat.txt"))


def _current(value: str, notes: Notes) -> bool:
    """Whether the write-up shows ``value`` as it stands (not followed by a change's mark in its clause)."""
    return shown_as_current(folded(value), folded(render_markdown(notes, appendix=False)))


def test_said_wrong_then_the_right_time_alone_marks_the_old_time() -> None:
    notes = _notes([("合唱团-周老师", "说错了，是七点"), ("老杨", "好的")])
    md = render_markdown(notes, appendix=False)
    assert not _current("六点半", notes), md
    assert "六点半在活动中心排练（已改：七点）" in md, md


def test_a_bare_change_of_the_speakers_own_time_marks_it() -> None:
    notes = _notes([("合唱团-周老师", "改到七点吧"), ("老杨", "好的")])
    assert not _current("六点半", notes), render_markdown(notes, appendix=False)


def test_not_fifty_but_sixty_puts_the_unit_beside_the_new_amount() -> None:
    notes = _notes([("老杨", "服装是统一订的吗"), ("合唱团-周老师", "对，统一订"), ("合唱团-周老师", "更正：不是50是60")])
    md = render_markdown(notes, appendix=False)
    assert not _current("50元", notes), md
    assert "50元服装费（已改：60元）" in md, md


def test_cantonese_not_three_but_four() -> None:
    head = [("醒獅隊-Ken", "各位，星期六下晝三點喺屯門體育館練獅，記得著波鞋"), ("阿明", "收到")]
    notes = _notes([("醒獅隊-Ken", "唔好意思，唔係三點，係四點，三點個場仲有人用"), ("阿欣", "四點OK")], head)
    md = render_markdown(notes, appendix=False)
    assert not _current("下晝三點", notes), md
    assert "（已改：四點）" in md, md


def test_a_time_changed_twice_shows_the_latest_value() -> None:
    head = [("球队-阿强", "这周六下午两点在体育馆3号场打球，场地费每人25元"), ("大飞", "收到")]
    notes = _notes([("球队-阿强", "两点的场被人订走了，改到四点"), ("小雪", "四点我接孩子，来不了"),
                    ("球队-阿强", "那再改一下，定三点半，3号场不变"), ("大飞", "三点半可以")], head)
    md = render_markdown(notes, appendix=False)
    assert not _current("下午两点", notes), md
    assert not _current("改到四点", notes), md
    assert "（已改：四点）" not in md, md  # (the first line's value is the latest one, not the one in between)


def test_an_added_session_and_a_figure_of_speech_change_nothing() -> None:
    head = [("家委会-刘妈妈", "各位家长，下周日下午五点在学校礼堂有新年汇演，每家请准备一个节目"), ("果果妈妈", "收到")]
    lines = [("家委会-刘妈妈", "另外七点还有一场，是初中部的，想看的家长也可以留下"), ("乐乐爸爸", "停车场开放吗"),
             ("家委会-刘妈妈", "开放，从东门进"), ("家委会-刘妈妈", "不是我说，上次汇演好多家长迟到，这次五点准时开始")]
    transcript = parse_text(_chat(lines, head), "chat.txt")
    assert restated_figures(transcript.messages) == {}
    md = render_markdown(summarize_offline(transcript), appendix=False)
    assert "已改" not in md, md


def test_another_members_refusal_or_bare_change_leaves_the_organisers_time() -> None:
    transcript = parse_text(_chat([("老杨", "六点半我下不了班，改到七点吧"), ("小敏", "我也觉得七点好")]), "chat.txt")
    assert restated_figures(transcript.messages) == {}


def test_a_change_naming_one_of_two_events_leaves_the_other() -> None:
    head = [("淨灘隊-雅婷", "週六早上八點旗津海灘淨灘，手套跟夾子我會帶"), ("淨灘隊-雅婷", "週日晚上六點在海港餐廳辦年終聚餐，每人400元")]
    transcript = parse_text(_chat([("志明", "收到"), ("淨灘隊-雅婷", "聚餐改到晚上七點，淨灘時間不變")], head), "chat.txt")
    fixes = restated_figures(transcript.messages)
    beach, dinner = transcript.messages[0].id, transcript.messages[1].id
    assert beach not in fixes and dinner in fixes, fixes
    md = render_markdown(summarize_offline(transcript), appendix=False)
    assert not _current("晚上六點在海港", md_notes := summarize_offline(transcript)), md
    assert "八點旗津海灘淨灘（已改" not in render_markdown(md_notes, appendix=False), md


PARENTS = [("家委会-刘妈妈", "各位家长，下周日下午五点在学校礼堂有新年汇演，每家请准备一个节目"), ("果果妈妈", "收到"),
           ("乐乐爸爸", "停车场开放吗"), ("家委会-刘妈妈", "开放，从东门进，车位有限")]


def test_two_members_small_talk_about_one_of_their_own_is_no_group_qa() -> None:
    notes = _notes([("乐乐爸爸", "果果妈妈，你家果果的钢琴是在哪学的"), ("果果妈妈", "在少年宫，王老师教的"),
                    ("乐乐爸爸", "好的谢谢")], PARENTS)
    assert not any("钢琴" in q.question for q in notes.qa), notes.qa
    assert any("停车场" in q.question for q in notes.qa), notes.qa


def test_the_organiser_asking_about_a_members_own_lead_stays_qa() -> None:
    notes = _notes([("家委会-刘妈妈", "果果妈妈，你上次说的那家道具店在哪"), ("果果妈妈", "在少年宫对面，叫星星道具")], PARENTS)
    assert any("道具店" in q.question and q.answerer == "果果妈妈" for q in notes.qa), notes.qa


def test_the_organiser_naming_a_members_answer_wrong_marks_that_answer() -> None:
    head = [("老师", "周六去郊游，大家早点集合"), ("小敏", "几点集合？")]
    notes = _notes([("阿强", "大概八点半吧"), ("老师", "不是八点半，是九点，在东门"), ("小敏", "好的")], head)
    answer = next(q.answer for q in notes.qa if "几点集合" in q.question)
    assert answer.startswith("大概八点半吧（已改：九点）"), notes.qa
    assert not shown_as_current(folded("八点半"), folded(answer)), answer  # (the correction is not pasted after it)


def test_a_members_own_late_arrival_said_as_a_swap_sets_nothing_right() -> None:
    head = [("老师", "周六下午三点在东门集合"), ("小敏", "收到")]
    transcript = parse_text(_chat([("阿强", "我不是三点到，是四点到"), ("小敏", "好的")], head), "chat.txt")
    assert restated_figures(transcript.messages) == {}
