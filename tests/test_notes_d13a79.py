"""Issue 13, round 79 (d13a79): questions whose answer went missing.

A line that answers first and then hands out work by a later @ ("桌子够不够？" — "还差一张，@阿强 你周五前从三楼搬一张
下来") is read as its unaddressed lead, which may answer the question just asked, and the @-line, which stays a to-do
for the one named (pairing._led_parts). Hard negatives that must not change: a line opening with its @, a lead that
is itself a question, a line with two @s, and a volunteer's "我带" said to a notice (no question: no pair).

The one running the chat answering a member's question in the very next line is taken at their word: a later
member's line on the question's words ("垃圾好多喔上次撿了十幾袋") does not replace it (pairing._host_at_word). Hard
negatives: the host's own later line still sets their first right, and a host's line that may answer an earlier
question still waiting ("两岁的要买票吗" "晕车的怎么办" — "三岁以下免费") leaves the later one open for the member who knows.

A question answered in the very next line by someone else's to-do line of their own work on its words ("翻地的锄头够用吗"
— "锄头我明天去五金店再买两把") is kept as Q&A as well as the to-do (pairing._takes_on_asked). Hard negatives: a member's
"谁…" call (left to the taken-call reading), the asker's own line, a line that is not the next one, a line that is no
to-do, one handing the work to someone else, and one not on the question's words.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Message, Notes, QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.pairing import _led_parts, _Open, _takes_on_asked
from copilot.notes.parse import parse_text
from copilot.notes.reading import People

HEAD = [("馆员老周", "各位书友，本周六上午九点社区图书馆二楼办换书会，每人最多带五本书来换")]


def _chat(lines: list[tuple[str, str]], head: list[tuple[str, str]]) -> str:
    return "".join(f"[2031-12-15 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))


def _notes(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> Notes:
    return summarize_offline(parse_text(_chat(lines, head), "chat.txt"))


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


def _msgs(lines: list[tuple[str, str]]) -> list[Message]:
    return parse_text(_chat(lines, []), "chat.txt").messages


def test_answer_then_work_by_a_later_at_keeps_pair_and_todo() -> None:
    notes = _notes([("阿强", "好久没换书了，期待"), ("小林", "签到台的桌子够不够？"),
                    ("馆员老周", "还差一张，@阿强 你周五前从三楼搬一张下来"), ("阿强", "好的没问题")])
    pair = _pair(notes.qa, "桌子够不够")
    assert pair is not None and pair.answerer == "馆员老周" and "还差一张" in pair.answer, notes.qa
    assert "@阿强" not in pair.answer, pair
    assert any(a.owner == "阿强" and "搬" in a.task for a in notes.actions), notes.actions


def test_simplified_church_drinks() -> None:
    head = [("团契-恩慈姐", "平安夜晚上七点教会一楼团契聚餐，大概四十个人")]
    notes = _notes([("约书亚", "饮料够不够？"), ("团契-恩慈姐", "不太够，@以利亚 你周二前去超市再买两箱"), ("以利亚", "好")], head)
    pair = _pair(notes.qa, "饮料够不够")
    assert pair is not None and pair.answerer == "团契-恩慈姐" and "不太够" in pair.answer, notes.qa
    assert any(a.owner == "以利亚" for a in notes.actions), notes.actions


def test_traditional_lead_answer_then_at() -> None:
    head = [("隊長-阿德", "各位志工，週日早上八點白沙灣淨灘，在遊客中心前面集合")]
    notes = _notes([("小琪", "夾子夠不夠？"), ("隊長-阿德", "還少十支，@阿輝 你週五前去倉庫拿一箱"), ("阿輝", "好")], head)
    pair = _pair(notes.qa, "夾子夠不夠")
    assert pair is not None and pair.answerer == "隊長-阿德" and "還少十支" in pair.answer, notes.qa


def _waiting(lines: list[tuple[str, str]]) -> tuple[list[Message], People, list[_Open]]:
    msgs = _msgs(lines)
    return msgs, People.of(msgs), [_Open(msgs[0], 0, msgs[0].text, set())]


def test_led_parts_splits_only_a_lead_before_one_at() -> None:
    msgs, people, opened = _waiting([("小林", "签到台的桌子够不够？"), ("馆员老周", "还差一张，@阿强 你周五前搬一张下来"),
                                     ("阿强", "好")])
    parts = _led_parts(msgs[1], people, opened, 1, 3)
    assert [p.text for p in parts] == ["还差一张", "@阿强 你周五前搬一张下来"]
    assert all(p.id == msgs[1].id for p in parts)


def test_led_parts_leaves_other_lines_whole() -> None:
    lines = [("小林", "签到台的桌子够不够？"), ("馆员老周", "@阿强 你周五前搬一张下来"),
             ("馆员老周", "谁有空？@阿强 你周五前搬一张"), ("馆员老周", "还差一张，@阿强 @小林 你们周五前搬"),
             ("阿强", "好")]
    msgs, people, opened = _waiting(lines)
    for i in (1, 2, 3):
        assert _led_parts(msgs[i], people, opened, i, 5) == [], msgs[i].text
    # (nothing waits: an answered question takes no lead)
    opened[0].answer.append(msgs[4])
    msgs2, people2, _ = _waiting([("小林", "签到台的桌子够不够？"), ("馆员老周", "还差一张，@阿强 你周五前搬一张下来")])
    assert _led_parts(msgs2[1], people2, opened, 1, 3) == []


def test_led_parts_not_for_a_question_put_by_the_one_named() -> None:
    msgs, people, opened = _waiting([("阿强", "签到台的桌子够不够？"), ("馆员老周", "还差一张，@阿强 你周五前搬一张下来")])
    assert _led_parts(msgs[1], people, opened, 1, 3) == []


def test_volunteer_to_a_notice_is_no_pair() -> None:
    notes = _notes([("小美", "我带"), ("阿强", "好久没换书了，期待"), ("小林", "周六谁能带投影仪？"), ("阿强", "我带，家里正好有一台")])
    assert not any("换书会" in q.question for q in notes.qa), notes.qa
    pair = _pair(notes.qa, "投影仪")
    assert pair is not None and pair.answerer == "阿强", notes.qa


BEACH = [("隊長-阿德", "各位志工，週日早上八點白沙灣淨灘，在遊客中心前面集合")]


def test_host_answer_right_after_is_not_replaced_by_a_member_remark() -> None:
    notes = _notes([("阿輝", "垃圾最後載去哪裡？"), ("隊長-阿德", "清潔隊的車十一點來載，我會在現場跟他們交接"),
                    ("美惠", "垃圾好多喔上次撿了十幾袋"), ("小琪", "謝謝隊長")], BEACH)
    pair = _pair(notes.qa, "垃圾")
    assert pair is not None and pair.answerer == "隊長-阿德" and "十一點" in pair.answer, notes.qa


def test_host_may_still_set_their_own_answer_right() -> None:
    head = [("车队-老郑", "周六自驾去千岛湖，七点半在高速入口的加油站集合")]
    notes = _notes([("大鹏", "一辆车坐几个人？"), ("车队-老郑", "五个"), ("大鹏", "不是说每车坐四个吗？上次群里说的四个"),
                    ("车队-老郑", "对，每车四个人，后备箱要放行李，我说错了")], head)
    pair = _pair(notes.qa, "坐几个人")
    assert pair is not None and "四个" in pair.answer, notes.qa


def test_host_line_with_an_earlier_question_waiting_leaves_the_later_one_open() -> None:
    head = [("钟姐", "各位家长，12月20号周六的亲子农场活动报名开始了，大巴8点在小区南门发车")]
    notes = _notes([("豆豆爸", "两岁的要买票吗"), ("乐乐妈", "晕车的怎么办"), ("钟姐", "三岁以下免费不占座"),
                    ("周老师", "我会带晕车药，上车前半小时吃")], head)
    pair = _pair(notes.qa, "晕车")
    assert pair is not None and pair.answerer == "周老师" and "晕车药" in pair.answer, notes.qa


def _asked_and_answered(lines: list[tuple[str, str]]) -> tuple[list[Message], _Open]:
    msgs = _msgs(lines)
    q = _Open(msgs[0], 0, msgs[0].text, set())
    q.answer.append(msgs[-1])
    return msgs, q


def test_takes_on_asked_keeps_own_work_on_the_question() -> None:
    msgs, q = _asked_and_answered([("小满", "翻地的锄头够用吗"), ("阿福", "锄头我明天去五金店再买两把，周六前拿到菜园")])
    assert _takes_on_asked(q, frozenset({msgs[1].id}), "园长-老许")
    msgs, q = _asked_and_answered([("阿芬", "報名表交去邊度？"), ("阿明", "報名表我聽日朝早喺會所收")])
    assert _takes_on_asked(q, frozenset({msgs[1].id}), "會長")


def test_takes_on_asked_hard_negatives() -> None:
    msgs, q = _asked_and_answered([("小满", "翻地的锄头够用吗"), ("阿福", "锄头我明天去五金店再买两把")])
    assert not _takes_on_asked(q, frozenset(), "园长-老许")  # no to-do line
    msgs, q = _asked_and_answered([("芳姐", "有机肥谁去拉？"), ("大志", "有机肥我周五开车去拉")])
    assert not _takes_on_asked(q, frozenset({msgs[1].id}), "园长-老许")  # a member's 谁 call
    assert _takes_on_asked(q, frozenset({msgs[1].id}), "芳姐")  # …put by the one running the chat
    msgs, q = _asked_and_answered([("小满", "翻地的锄头够用吗"), ("小满", "锄头我明天去五金店再买两把")])
    assert not _takes_on_asked(q, frozenset({msgs[1].id}), "园长-老许")  # the asker's own line
    msgs, q = _asked_and_answered([("小满", "翻地的锄头够用吗"), ("芳姐", "好冷"), ("阿福", "锄头我明天去五金店再买两把")])
    assert not _takes_on_asked(q, frozenset({msgs[2].id}), "园长-老许")  # not the next line
    msgs, q = _asked_and_answered([("小满", "翻地的锄头够用吗"), ("园长-老许", "锄头阿福你明天去五金店再买两把")])
    assert not _takes_on_asked(q, frozenset({msgs[1].id}), "园长-老许")  # work handed to someone else
    msgs, q = _asked_and_answered([("小满", "翻地的锄头够用吗"), ("阿福", "我明天去开会")])
    assert not _takes_on_asked(q, frozenset({msgs[1].id}), "园长-老许")  # not on the question's words
