"""Issue 13, round 34 (dev13t): to-dos missed and false, fixed by method. A request closed by a tag
question ("…可以吗", Cantonese "…得唔得") gives the work to the one named; a question the speaker will
go and ask someone else ("我聽日打電話問…有冇位") is a promise, not a question to the group; "我有" with
a bringing verb after "谁家有…/邊個屋企有…" makes the volunteer the owner; a member's own trip or errand
("我下周去北京出差", "我明天带娃去打疫苗") is no group to-do. Every chat here is written for these tests
(a community vegetable garden, a stray-cat rescue group, a Hong Kong neighbourhood volunteer team in
Cantonese/Traditional)."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.reading import asks, is_question

GARDEN = """\
[2026-12-07 19:00] 园长老杨: 各位菜友，冬季菜园的事说一下
[2026-12-07 19:01] 园长老杨: 阿琳你周五前把要买的菜苗清单发群里可以吗
[2026-12-07 19:02] 阿琳: 可以的
[2026-12-07 19:03] 大壮: 我下周去北京出差，浇水的事得找人替一下
[2026-12-07 19:04] 小周妈妈: 我明天带娃去打疫苗，上午来不了
[2026-12-07 19:05] 园长老杨: 没事，大壮那块地我来浇
[2026-12-07 19:06] 大壮: 谢谢园长
[2026-12-07 19:07] 园长老杨: 谁家有旧的泡沫箱？育苗要用
[2026-12-07 19:08] 小周妈妈: 我家有，周六拿过来
[2026-12-07 19:09] 园长老杨: 好，今天就这些
"""

CATS = """\
[2026-12-08 20:00] 喵喵站长: 这周救助的事安排一下
[2026-12-08 20:01] 橘子: 我想问一下周六有没有领养日
[2026-12-08 20:02] 喵喵站长: 有的，周六下午2点在宠物医院门口
[2026-12-08 20:03] 喵喵站长: 谁有经验？小黑要喂药
[2026-12-08 20:04] 橘子: 我有
[2026-12-08 20:05] 喵喵站长: 阿布你明天把猫粮的账对一下好吗
[2026-12-08 20:06] 阿布: 好的
"""

VOLUNTEERS = """\
[2026-12-09 20:00] 義工隊長阿明: 各位街坊，下個禮拜六屋苑嘅舊衣回收日要準備吓
[2026-12-09 20:01] 義工隊長阿明: 邊個屋企有手推車？搬衣服要用
[2026-12-09 20:02] 阿芬: 我有，聽日攞嚟
[2026-12-09 20:03] 陳生: 要唔要喺大堂擺枱
[2026-12-09 20:04] 義工隊長阿明: 要，不過要問管理處
[2026-12-09 20:05] 陳生: 我聽日打電話問管理處大堂有冇位
[2026-12-09 20:06] 義工隊長阿明: 阿珊你禮拜五之前整好張海報得唔得
[2026-12-09 20:07] 阿珊: 得
[2026-12-09 20:08] Ricky: 我下個禮拜三去台灣，會去一個星期，回收日嗰日返到
[2026-12-09 20:09] 義工隊長阿明: 好，辛苦晒大家
"""


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _todos(notes: Notes, owner: str) -> list:
    return [a for a in notes.actions if a.owner == owner]


def test_request_closed_by_a_tag_question_is_the_named_members_todo() -> None:
    notes = _notes(GARDEN)
    lin = _todos(notes, "阿琳")
    assert len(lin) == 1 and "菜苗清单" in lin[0].task
    assert lin[0].deadline and lin[0].deadline.startswith("2026-12-11")  # 周五前, said on Monday 12-07
    assert not _todos(notes, "园长老杨") or all("菜苗" not in a.task for a in _todos(notes, "园长老杨"))


def test_tag_question_request_in_simplified_with_hao_ma() -> None:
    notes = _notes(CATS)
    bu = _todos(notes, "阿布")
    assert len(bu) == 1 and "猫粮" in bu[0].task and (bu[0].deadline or "").startswith("2026-12-09")


def test_own_trip_and_own_errand_are_no_group_todos() -> None:
    notes = _notes(GARDEN)
    tasks = " ".join(a.task for a in notes.actions)
    assert "出差" not in tasks and "打疫苗" not in tasks
    assert not _todos(notes, "大壮")
    # the same member's work for the group in the same chat is still listed
    mom = _todos(notes, "小周妈妈")
    assert len(mom) == 1 and "泡沫箱" in mom[0].task


def test_cantonese_trip_away_for_a_week_is_no_todo() -> None:
    notes = _notes(VOLUNTEERS)
    assert not _todos(notes, "Ricky")
    assert all("台灣" not in a.task for a in notes.actions)


def test_cantonese_volunteer_who_has_it_owns_bringing_it() -> None:
    notes = _notes(VOLUNTEERS)
    fen = _todos(notes, "阿芬")
    assert len(fen) == 1 and "手推車" in fen[0].task


def test_cantonese_first_person_future_ask_elsewhere_is_a_dated_todo() -> None:
    notes = _notes(VOLUNTEERS)
    chan = _todos(notes, "陳生")
    assert len(chan) == 1 and "管理處" in chan[0].task
    assert (chan[0].deadline or "").startswith("2026-12-10")  # 聽日
    # and it is not filed as an unanswered question to the group
    assert all("大堂有冇位" not in q.question for q in notes.qa)


def test_cantonese_tag_question_de_m_de() -> None:
    notes = _notes(VOLUNTEERS)
    shan = _todos(notes, "阿珊")
    assert len(shan) == 1 and "海報" in shan[0].task and (shan[0].deadline or "").startswith("2026-12-11")


def test_asking_the_group_stays_a_question_and_a_bare_i_have_offers_nothing() -> None:
    assert asks("我想问一下周六有没有领养日") and is_question("我想问一下周六有没有领养日")
    assert asks("你打电话问问他们有没有空？")
    assert not asks("我明天打电话问物业有没有车位")
    notes = _notes(CATS)
    assert not _todos(notes, "橘子")  # "谁有经验？" — "我有": says what they know, takes nothing on


ADOPTION = """\
[2026-12-07 19:00] 喵喵站长: 领养日的事分一下工
[2026-12-07 19:01] 喵喵站长: 小林你周五前能把展板做好吗
[2026-12-07 19:02] 小林: 周日吧，周五来不及
[2026-12-07 19:03] 喵喵站长: 行
[2026-12-07 19:04] 喵喵站长: @阿布 那12月19号领养日也麻烦你准备一下猫咪档案，可以吗
[2026-12-07 19:05] 阿布: 没问题，下周一前我先把档案模板发给你
[2026-12-07 19:06] 喵喵站长: 感谢！几个事情说一下：1. 这周的任务：每人转发一次领养海报，周四晚上9点前截图发群里 2. 12月19日下午2点第三期领养日，在宠物医院门口
"""


def test_the_answer_not_the_question_sets_the_deadline() -> None:
    notes = _notes(ADOPTION)
    lin = _todos(notes, "小林")
    assert len(lin) == 1 and "展板" in lin[0].task
    assert (lin[0].deadline or "").startswith("2026-12-13")  # 周日, not the question's 周五前 (12-11)
    bu = _todos(notes, "阿布")
    assert len(bu) == 1 and "档案" in bu[0].task
    assert (bu[0].deadline or "").startswith("2026-12-14")  # 下周一前, not the event's 12月19号


def test_a_numbered_notice_keeps_its_second_item() -> None:
    notes = _notes(ADOPTION)
    texts = [a.text for a in notes.announcements]
    assert any("第三期领养日" in t for t in texts)
    assert any("转发一次领养海报" in t for t in texts)


PHOTOS = """\
[2026-12-09 20:00] 義工隊長阿明: 今日回收嘅相邊個有？
[2026-12-09 20:01] 阿芬: 我影咗好多，我遲啲send俾大家
[2026-12-09 20:02] 義工隊長阿明: 唔該晒
[2026-12-09 20:03] 陳生: 我可能遲啲到，塞緊車
[2026-12-09 20:04] 義工隊長阿明: 回收嘅數我會整理一下發上群，有問題打我電話61234567
"""


def test_cantonese_later_promise_and_a_contact_remark_glued_to_a_promise() -> None:
    notes = _notes(PHOTOS)
    fen = _todos(notes, "阿芬")
    assert len(fen) == 1 and "send" in fen[0].task
    assert not _todos(notes, "陳生")  # "我可能遲啲到" is coming late, not a promise
    ming = _todos(notes, "義工隊長阿明")
    assert len(ming) == 1 and "回收嘅數" in ming[0].task
