"""Issue 13, round 33 (dev13s): who agreed is not who owns a task. A clause that reports agreement
("阿梅同老陈都同意", "小雨和阿峰都说好", "Kiki也同意了") names agreers of the decision, never owners of a
to-do; such a line is itself a decision; a member who only asked for a fact ("场地费多少") is no agreer;
"行，X你下周一前把…" gives X the work, not the speaker. Every chat here is written for these tests
(a community choir, a Hong Kong board-game club in Cantonese/Traditional, a cycling club)."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.cues import folded
from copilot.notes.deciding import agreement_spans
from copilot.notes.model import Notes

CHOIR = """\
[2026-12-03 20:00] 团长秋姐: 各位团员，元旦汇演的事今晚定一下：曲目、服装、排练时间
[2026-12-03 20:01] 阿梅: 我觉得唱《茉莉花》和《送别》两首
[2026-12-03 20:02] 老陈: 同意，这两首大家都熟
[2026-12-03 20:03] 小丁: 服装租一套多少钱
[2026-12-03 20:04] 团长秋姐: 租的话一套60，自己买要150
[2026-12-03 20:05] 团长秋姐: 就这么定：唱《茉莉花》和《送别》，阿梅同老陈都同意。阿梅你负责整理两首的谱子，周五前发群里
[2026-12-03 20:06] 阿梅: 好的
[2026-12-03 20:07] 团长秋姐: 那服装就租，白衬衫黑裙子，小丁阿芳都同意，一套60块
[2026-12-03 20:08] 小丁: 排练场地还是社区活动室吗
[2026-12-03 20:09] 团长秋姐: 对，每周六下午3点
[2026-12-03 20:10] 阿芳: 活动室的钥匙我可以去拿，我就住楼下
[2026-12-03 20:11] 团长秋姐: 行，阿芳你下周一前把12月的活动室都登记好，记得写上人数
[2026-12-03 20:12] 阿芳: OK
[2026-12-03 20:13] 团长秋姐: 好，今天就到这，晚安
"""

BOARDGAME = """\
[2026-12-05 21:00] 阿Lok(版主): 各位，聖誕桌遊夜我哋訂咗場，今晚傾下玩咩同點分工
[2026-12-05 21:01] Kiki: 場租幾錢？
[2026-12-05 21:02] 阿Lok(版主): 場租$600，八個人每人$75
[2026-12-05 21:03] 肥仔明: 我提議玩狼人殺同卡坦島
[2026-12-05 21:04] 阿詩: 好呀
[2026-12-05 21:04] 大頭: +1
[2026-12-05 21:05] 阿Lok(版主): 好，就咁決定：玩狼人殺同卡坦島，肥仔明同阿詩都同意。肥仔明你負責帶卡坦島，下個禮拜五之前話我知齊唔齊件
[2026-12-05 21:06] 肥仔明: 冇問題
[2026-12-05 21:07] 阿Lok(版主): 零食方面，大家夾錢買，Kiki也同意了。Kiki你負責收錢，聽晚之前收齊
[2026-12-05 21:08] Kiki: 收到
[2026-12-05 21:09] 阿Lok(版主): 咁今晚傾到呢度，早抖
"""

CYCLING = """\
[2026-12-06 19:00] 车队长大鹏: 下周日骑行路线定一下，环湖还是上山
[2026-12-06 19:01] 风之子: 环湖吧，上山太冷
[2026-12-06 19:02] 铁腿老吴: 我都同意，听队长的
[2026-12-06 19:03] 小雨: 大家都说好就行
[2026-12-06 19:04] 车队长大鹏: 我看看天气再说
"""


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _owners_of(notes: Notes, word: str) -> list[str | None]:
    return [a.owner for a in notes.actions if word in a.task]


def test_agreement_clause_is_found_and_a_task_clause_is_not() -> None:
    f = folded("就这么定：唱两首，阿梅同老陈都同意。阿梅你负责整理谱子，周五前发群里")
    spans = agreement_spans(f)
    assert [f[s:e] for s, e in spans] == ["阿梅同老陈都同意"]
    assert agreement_spans(folded("阿梅你负责整理谱子，周五前发群里")) == ()
    assert agreement_spans("") == ()


def test_names_in_an_agreement_clause_are_agreers_not_owners() -> None:
    notes = _notes(CHOIR)
    assert _owners_of(notes, "谱子") == ["阿梅"]  # not "阿梅同老陈"
    songs = next(d for d in notes.decisions if "茉莉花" in d.text)
    assert "老陈" in songs.by and "阿梅" in songs.by


def test_a_line_reporting_named_agreement_is_a_decision_and_no_task() -> None:
    notes = _notes(CHOIR)
    clothes = [d for d in notes.decisions if "服装" in d.text]
    assert clothes, [d.text for d in notes.decisions]
    assert set(clothes[0].by) >= {"小丁", "阿芳"}
    # 小丁 and 阿芳 agreed to the clothes; neither has a to-do made of that line
    assert not [a for a in notes.actions if "白衬衫" in a.task]


def test_a_fact_question_asker_is_no_agreer() -> None:
    notes = _notes(CHOIR)
    songs = next(d for d in notes.decisions if "茉莉花" in d.text)
    assert "小丁" not in songs.by  # 小丁 only asked what the clothes cost


def test_name_then_you_after_an_acceptance_gives_that_person_the_work() -> None:
    notes = _notes(CHOIR)
    assert _owners_of(notes, "活动室") == ["阿芳"]  # said by 团长秋姐, but the work is 阿芳's
    booked = next(a for a in notes.actions if "活动室" in a.task)
    assert booked.deadline == "2026-12-07"


def test_cantonese_reported_agreement_names_the_agreers_and_the_owner_alone() -> None:
    notes = _notes(BOARDGAME)
    assert _owners_of(notes, "卡坦島") == ["肥仔明"]  # not "肥仔明同阿詩"
    games = next(d for d in notes.decisions if "狼人殺" in d.text)
    assert set(games.by) >= {"肥仔明", "阿詩", "大頭"}  # 大頭's +1 counts though the line names only two
    assert "Kiki" not in games.by  # Kiki only asked the fee
    snacks = next(d for d in notes.decisions if "零食" in d.text or "夾錢" in d.text)
    assert "Kiki" in snacks.by
    assert _owners_of(notes, "收錢") == ["Kiki"]


def test_agreement_naming_nobody_makes_no_decision() -> None:
    # "我都同意" / "大家都说好" name no one; the leader defers: nothing is settled
    notes = _notes(CYCLING)
    assert notes.decisions == []
    assert not [a for a in notes.actions if a.owner in ("铁腿老吴", "小雨")]
