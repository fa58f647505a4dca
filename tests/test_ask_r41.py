"""Round 41 (issue 15): the "你还问了" note only for a second real ask. Questions and groups written for these tests."""

from __future__ import annotations

from copilot.knowledge.ask import SecondPart, decline_texts, part_left_out, second_part
from copilot.knowledge.expansion import load_expander
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ranking import SectionHit
from copilot.knowledge.typos import MAX_CHARS, correct, homophones

NOTE_HEAD = decline_texts().part_not_covered.split("「")[0]
COLD = SectionHit(source="daily-topics", title="内容规划与每日话题", section="冷场了怎么救", score=0.5, fit=0.8,
                  position=6, sentence=0.92, lexical=3.0)
VOCAB = {"冷清": 1, "冷场": 8, "说话": 14, "群规": 6, "相当": 3, "活跃": 9}
TERMS = frozenset({"冷冷清清", "没人说话", "活跃度"})


# --- the second-part note -------------------------------------------------------------------------------------

def test_a_second_part_after_a_first_that_only_tells_gets_no_note() -> None:
    told = SecondPart("怎么帮新会员融进来", None, (("threshold", "常见门槛形式"),), first_asks=False)
    asked = told._replace(first_asks=True)
    assert part_left_out([COLD], told) == ""
    assert part_left_out([COLD], asked).startswith(NOTE_HEAD)


def test_the_first_part_is_read_for_whether_it_asks(kb_index: KnowledgeIndex) -> None:
    told = second_part("桥牌俱乐部的老会员彼此都很熟，另外我们只在周三晚上活动，新会员总说融不进去，怎么帮他们融入", kb_index)
    asked = second_part("桥牌俱乐部周三晚上的活动要不要收报名费，另外新会员融不进去怎么办", kb_index)
    # a first part the asker closed with a question mark asks, even without an ask word (…还是…？)
    marked = second_part("龙舟队的群是拉新人进大群还是另开个训练群？另外训练群的群规该写哪些", kb_index)
    assert told.text and not told.first_asks
    assert asked.text and asked.first_asks
    assert marked.text and marked.first_asks


# --- typos in a long question -----------------------------------------------------------------------------------

def _long(clause: str) -> str:
    question = f"{clause}，以前周末大家天天在群里约着一起出去，现在发个通知半天都没人回"
    assert len(question) > MAX_CHARS
    return question


def test_a_short_clause_of_a_long_question_gets_its_typo_read() -> None:
    typed = _long("我们车友会的群最近冷请得很")
    assert correct(typed, VOCAB, {}, homophones(), TERMS) == _long("我们车友会的群最近冷清得很")
    # without the synonym table's phrases a long question is read only for the typo table, as before
    assert correct(typed, VOCAB, {}, homophones()) == typed


def test_a_clause_is_read_only_as_a_word_of_the_synonym_table() -> None:
    # 想当 → 相当 is a homophone word of the cards, but no operator's phrase holds it: the clause stays as typed
    question = _long("有个老会员想当管理员")
    assert correct(question, VOCAB, {}, homophones(), TERMS) == question


def test_a_clause_longer_than_a_short_question_is_left_as_typed() -> None:
    clause = "我们车友会的群从今年开春以来到现在一直都冷请得很"
    assert len(clause) > MAX_CHARS
    question = f"{clause}，怎么办"
    assert correct(question, VOCAB, {}, homophones(), TERMS) == question


def test_the_shipped_table_lets_a_long_question_find_what_it_meant(kb_index: KnowledgeIndex) -> None:
    table = load_expander(kb_index.settings.knowledge_dir)
    assert any("冷清" in t for t in table.terms)
    typed = kb_index.search_sections("茶友群最近冷请得很，老板发新茶也没人问，周末品鉴会只来了三个人，该怎么办", k=3)
    plain = kb_index.search_sections("茶友群最近冷清得很，老板发新茶也没人问，周末品鉴会只来了三个人，该怎么办", k=3)
    assert [s.section for s in typed.sections] == [s.section for s in plain.sections]
