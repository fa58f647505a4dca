"""Round 32 (dev15j): the section answering what the question finally asks leads the answer (found by ranking the
last asking clause on its own, and kept only when the whole question's ranking agrees); a first section written
for another setting gives the lead to one in the question's setting; sections are only moved or added, never
dropped. Also scripts/calibrate_warn.py's choice of ``warn`` and its missing ``--out``. Questions and groups are
written for these tests."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from copilot.config import Settings
from copilot.devtools.scripts import load_script
from copilot.knowledge.ask import AskPart, answer_question, ask_leads, ask_part
from copilot.knowledge.ranking import SectionHit, SectionRanking, asking_clause, asking_clauses, parts_cues
from copilot.llm import get_engine
from copilot.textnorm import fold


def _hit(source: str, title: str, section: str, fit: float, score: float = 0.5) -> SectionHit:
    return SectionHit(source=source, title=title, section=section, score=score, fit=fit, sentence=0.9, lexical=2.0)


COMPLAINT = _hit("crisis", "社群危机预案", "负面投诉与舆情", 0.6)
QUARREL = _hit("crisis", "社群危机预案", "成员争吵怎么降温", 0.45)
CLEAR = _hit("lifecycle", "社群生命周期与定期清理", "定期清理成员", 0.15)
CONTENT = _hit("content", "内容规划", "内容从哪里来", 0.3)
ADMIN = _hit("roles", "分工", "从成员中发展管理员", 0.25)
NEWBIE = _hit("onboarding", "新人", "新人的头三天", 0.6)
PERSONA = _hit("host", "群主", "群主的人设怎么打造", 0.7)


def _ranking(question: str, *sections: SectionHit, confidence: float = 0.95) -> SectionRanking:
    return SectionRanking(question, list(sections), confidence, 0.1, 0.05)


def _index(by_clause: dict[str, SectionRanking]) -> SimpleNamespace:
    """An index whose search_sections answers each clause from ``by_clause`` (an empty ranking otherwise); every
    clause names what it asks about (content_words), so the last asking clause is searched on its own."""
    return SimpleNamespace(search_sections=lambda q, k=3: by_clause.get(q, _ranking(q)),
                           content_words=lambda text, common=None: [text] if text else [])


# --- the asking clauses ----------------------------------------------------------------------------------------

def test_every_asking_clause_is_found_in_order() -> None:
    q = "象棋群里有个老会员说话很冲，总嘲笑新人下得臭，我该怎么跟他说，要不要让他当管理员带新人"
    assert asking_clauses(q) == [fold("我该怎么跟他说"), fold("要不要让他当管理员带新人")]
    assert asking_clause(q) == fold("我该怎么跟他说")  # the first, as before


@pytest.mark.parametrize("question", [
    "桥牌群的群规怎么写",  # one clause
    "皮划艇群最近没什么人说话，群主也不怎么管",  # two clauses, neither asks
    "",
])
def test_no_asking_clauses(question: str) -> None:
    assert asking_clauses(question) == []


# --- the ask's section leads ------------------------------------------------------------------------------------

Q_CLEAR = "剪纸体验课的学员群有两百人，上完一次课就不说话了，怎么让他们活跃起来，要不要把只来过一次的人清出去"


def test_the_section_answering_the_last_ask_is_added_first() -> None:
    whole = _ranking(Q_CLEAR, CONTENT, _hit("x", "状态", "从成员感受判断群的状态", 0.29), CLEAR)
    own = _ranking(fold("要不要把只来过一次的人清出去"), _hit("lifecycle", "社群生命周期与定期清理", "定期清理成员", 0.8))
    part = ask_part(Q_CLEAR, whole, _index({own.question: own}))
    assert part.best is CLEAR  # the whole question's hit for that section
    sections = ask_leads([CONTENT], part, Q_CLEAR)
    assert [s.section for s in sections] == ["定期清理成员", "内容从哪里来"]


def test_a_section_already_in_the_answer_is_moved_first_not_repeated() -> None:
    part = AskPart("要不要让他当管理员带新人", ADMIN, (("roles", "从成员中发展管理员"),))
    sections = ask_leads([NEWBIE, ADMIN], part)
    assert [s.section for s in sections] == ["从成员中发展管理员", "新人的头三天"]


def test_a_lead_that_answers_an_earlier_ask_keeps_the_lead_and_the_last_asks_section_follows() -> None:
    expand = _hit("scale", "扩群", "群满了怎么扩", 0.6)  # below the scorer's hedge: not firm by itself
    q = "陶笛爱好者群已经满五百人了，想开二群，什么时候该开分群，开了之后要怎么管理比较好"
    whole = _ranking(q, expand, _hit("x", "分群", "总群、分群与核心群", 0.13), ADMIN)
    first = _ranking(fold("什么时候该开分群"), _hit("scale", "扩群", "群满了怎么扩", 0.9))
    last = _ranking(fold("开了之后要怎么管理比较好"), _hit("roles", "分工", "从成员中发展管理员", 0.85))
    part = ask_part(q, whole, _index({first.question: first, last.question: last}))
    assert part.best is ADMIN and part.earlier
    assert [s.section for s in ask_leads([expand], part, q)] == ["群满了怎么扩", "从成员中发展管理员"]
    assert ask_leads([expand, ADMIN], part, q) == [expand, ADMIN]  # already there: left as it is
    # when the earlier ask finds another section, the last ask's section leads
    other = _ranking(fold("什么时候该开分群"), _hit("x", "分群", "总群、分群与核心群", 0.9))
    part = ask_part(q, whole, _index({other.question: other, last.question: last}))
    assert not part.earlier and ask_leads([expand], part, q)[0] is ADMIN


def test_a_lead_that_fits_the_whole_question_firmly_keeps_the_lead() -> None:
    firm = _hit("scale", "扩群", "群满了怎么扩", 0.95)
    q = "陶笛爱好者群满五百人了，开二群之后要怎么管理比较好"
    whole = _ranking(q, firm, ADMIN)
    last = _ranking(fold("开二群之后要怎么管理比较好"), _hit("roles", "分工", "从成员中发展管理员", 0.85))
    part = ask_part(q, whole, _index({last.question: last}))
    assert part.earlier and ask_leads([firm], part, q) == [firm, ADMIN]


def test_a_question_that_asks_two_things_in_turn_keeps_its_order() -> None:
    q = "桥牌群最近很冷清，有没有办法拉起来？另外长期不说话的人要不要清出去"
    whole = _ranking(q, CONTENT, CLEAR)
    last = _ranking(fold("另外长期不说话的人要不要清出去"), _hit("lifecycle", "社群生命周期与定期清理", "定期清理成员", 0.8))
    by_clause = {last.question: last, fold("长期不说话的人要不要清出去"): last}
    part = ask_part(q, whole, _index(by_clause))
    assert part.best is CLEAR and part.earlier
    assert ask_leads([CONTENT], part, q) == [CONTENT, CLEAR]


def test_the_ask_does_not_lead_when_the_whole_question_never_ranks_its_section() -> None:
    # "我作为群主该怎么处理" alone finds the host's persona; the quarrel itself never ranks it
    q = "轮滑队的群里两个队员为了装备钱吵起来了，互相阴阳怪气好几天，我作为群主该怎么处理"
    whole = _ranking(q, QUARREL, COMPLAINT)
    own = _ranking(fold("我作为群主该怎么处理"), PERSONA)
    assert ask_part(q, whole, _index({own.question: own})).best is None


@pytest.mark.parametrize(("own_fit", "confidence", "why"), [
    (0.2, 0.95, "the clause's best section fits it loosely"),
    (0.9, 0.01, "the clause alone is not covered"),
])
def test_no_lead_from_a_clause_nothing_answers(own_fit: float, confidence: float, why: str) -> None:
    whole = _ranking(Q_CLEAR, CONTENT, CLEAR)
    own = _ranking(fold("要不要把只来过一次的人清出去"),
                   _hit("lifecycle", "社群生命周期与定期清理", "定期清理成员", own_fit), confidence=confidence)
    part = ask_part(Q_CLEAR, whole, _index({own.question: own}))
    assert part.best is None, why
    assert part.near == (("lifecycle", "定期清理成员"),)
    assert ask_leads([CONTENT, CLEAR], part, Q_CLEAR) == [CONTENT, CLEAR]


def test_no_ask_part_for_a_one_clause_question_or_an_empty_ranking() -> None:
    assert ask_part("桥牌群的群规怎么写", _ranking("桥牌群的群规怎么写", CONTENT), _index({})) == AskPart()
    assert ask_part(Q_CLEAR, _ranking(Q_CLEAR), _index({})) == AskPart()
    assert ask_leads([], AskPart("x", CLEAR)) == []


def test_the_lead_is_off_when_the_fit_is_zero(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parts_cues().ask_lead, "fit", 0.0)
    own = _ranking(fold("要不要把只来过一次的人清出去"), CLEAR)
    assert ask_part(Q_CLEAR, _ranking(Q_CLEAR, CONTENT, CLEAR), _index({own.question: own})) == AskPart()


# --- a section written for another setting gives up the lead ------------------------------------------------

def test_a_complaint_script_does_not_lead_a_quarrel_between_members() -> None:
    q = "滑板群两个老玩家为了场地费AA吵起来了，我该私聊还是群里说"
    assert ask_leads([COMPLAINT, QUARREL], AskPart(), q) == [QUARREL, COMPLAINT]  # moved, not dropped


def test_a_customers_complaint_keeps_the_complaint_script_first() -> None:
    q = "我们二胡网课的学员在群里说课程质量差要退款，怎么回应"
    assert ask_leads([COMPLAINT, QUARREL], AskPart(), q) == [COMPLAINT, QUARREL]


def test_an_out_of_scene_lead_stays_when_nothing_else_is_in_scene() -> None:
    q = "陶笛群两个人吵架了怎么办"
    assert ask_leads([COMPLAINT], AskPart(), q) == [COMPLAINT]


# --- end to end ------------------------------------------------------------------------------------------------

def test_the_admin_ask_leads_for_a_harsh_veteran(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = answer_question("象棋群里有个老会员棋下得很好，但说话特别冲，总嘲笑新人下得臭，好几个新人都退群了。"
                             "我该怎么跟他沟通，要不要给他个管理员身份让他带新人", kb_index, get_engine(settings))
    assert answer.covered
    assert answer.sections[0].section == "从成员中发展管理员"


def test_a_one_clause_question_is_answered_as_ranked(kb_index, settings: Settings) -> None:
    q = "象棋群的欢迎语怎么写"
    ranking = kb_index.search_sections(q, k=5)
    answer = answer_question(q, kb_index, get_engine(settings))
    assert answer.sections[0].section == ranking.leading().section


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


# --- scripts/calibrate_warn.py -----------------------------------------------------------------------------------

def _calibrate():  # type: ignore[no-untyped-def]
    return load_script("scripts/calibrate_warn.py")


def test_warn_is_the_highest_fit_below_which_most_answers_were_wrong() -> None:
    cal = _calibrate()
    rows = sorted([(0.1, False), (0.2, False), (0.3, True), (0.35, False), (0.4, False), (0.5, True), (0.6, True),
                   (0.7, True), (0.8, True), (0.9, True)])
    # below 0.7 (inclusive) four of eight were right: at most half; adding 0.8 makes five of nine
    assert 0.7 < cal.choose_warn(rows, 0.5) < 0.8
    assert 0.5 < cal.choose_warn(rows, 0.4) < 0.6  # a stricter share warns on fewer
    assert cal.choose_warn([(0.9, True)] * 10, 0.5) == 0.0  # never mostly wrong: no warning
    assert cal.choose_warn([], 0.5) == 0.0


def test_the_curve_names_the_chosen_warn() -> None:
    cal = _calibrate()
    rows = sorted([(0.15, False), (0.25, False), (0.45, True), (0.55, True), (0.95, True)] * 2)
    lines = cal.curve_lines(rows, {"tuning": rows, "tuning_heldout24": rows[:4]}, 0.3)
    assert any(line.startswith("0.1-0.2") and " 2 " in line for line in lines)
    assert any(line.endswith("<- chosen") and line.startswith("0.3000") for line in lines)


def test_a_missing_out_file_is_written_from_the_scorer_in_use(tmp_path: Path) -> None:
    cal = _calibrate()
    out = tmp_path / "new" / "scorer.json"
    out.parent.mkdir()
    cal.write_warn(out, 0.55)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["warn"] == 0.55 and data["features"]  # the scorer's other fields came along
    cal.write_warn(out, 0.6)  # an existing file keeps its own fields and gets the new warn
    assert json.loads(out.read_text(encoding="utf-8"))["warn"] == 0.6


def test_a_warn_of_zero_is_refused_with_the_reason_and_the_warn_kept() -> None:
    cal = _calibrate()
    # every low-fit answer right: the calibration finds no fit to warn below, and writing 0 would hedge nothing
    rows = sorted([(0.1, True), (0.2, True), (0.3, True), (0.5, True), (0.9, True)] * 2)
    warn = cal.choose_warn(rows, 0.5)
    refusal = cal.no_warn_refusal(warn, "warn", 0.5, 0.4102)
    assert warn == 0.0 and refusal is not None
    assert "0.4102" in refusal and "--allow-no-warn" in refusal and "相近" in refusal
    assert cal.no_warn_refusal(0.37, "warn_off_ask", 0.5, 0.62) is None


def test_a_retrained_scorer_keeps_the_warns_of_the_one_it_replaces(tmp_path: Path) -> None:
    train = load_script("scripts/train_section_scorer.py")
    out = tmp_path / "scorer.json"
    out.write_text(json.dumps({"warn": 0.41, "warn_off_ask": 0.62, "coef": [1.0]}), encoding="utf-8")
    assert train.kept_warns(out) == {"warn": 0.41, "warn_off_ask": 0.62}
    kept = train.kept_warns(tmp_path / "missing.json")  # no file yet: the scorer in use
    assert kept["warn"] > 0 and kept["warn_off_ask"] >= kept["warn"]
