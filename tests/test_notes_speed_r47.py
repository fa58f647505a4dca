"""Round 47 speed work on the Q&A pass (issue 13): the relevance of a reply to a question is read through caches
(the question's content words, each text's 2-character runs, the verdict itself); they must give what the rule
reads without them."""

import pytest

import copilot.notes.reading as reading
from copilot.notes import structure as st

PAIRS = [
    ("周六徒步几点在地铁站集合？", "八点半，B口出来右手边"),
    ("周五晚上有人约火锅吗", "周五前得把场地订了"),
    ("植物园那边停车方便吗", "就在我家那边，挺好喝的"),
    ("@阿梅 团购的土鸡蛋还有吗", "@小周 土鸡蛋还剩两箱，要的私我"),
    ("报名费交给谁", "交给阿琴就行，周四前"),
    ("这周读书会读哪本", "哈哈哈哈哈"),
    ("", "收到"),
]


def _uncached(question: str, reply: str, days: bool) -> bool:
    """The word and 2-character-run tests of :func:`relevant`, spelt out with no cache."""
    asks_time = days or st.has(st._fold(question), "reply", "asks_time")
    q = {t for t in reading.words(question) if len(t) >= 2 and t not in reading._QWORDS
         and reading.word_class(t) not in reading._pronoun_tags() and reading.word_class(t) not in reading._function_tags()
         and (asks_time or reading.word_class(t) != "t")}
    if q & set(reading.words(reply)):
        return True
    runs = reading._content_bigrams.__wrapped__
    return any(g not in reading._shared_stop() and reading.word_class(g) not in reading._pronoun_tags()
               and (asks_time or reading.word_class(g) != "t") for g in runs(question) & runs(reply))


@pytest.mark.parametrize(("question", "reply"), PAIRS)
def test_the_cached_relevance_is_the_rule_read_afresh(question: str, reply: str) -> None:
    for days in (True, False):
        plain = _uncached(question, reply, days)
        # (the word tests decide alone when they find common ground; by_kind=False adds nothing beyond them)
        assert reading.relevant(question, reply, by_kind=False, days=days) == plain
        assert reading.relevant(question, reply, by_kind=False, days=days) == plain  # the second reading, from the cache


def test_a_time_word_in_common_counts_only_when_days_are_asked_for_whichever_is_read_first() -> None:
    q, r = "周五晚上有人约火锅吗", "周五前得把场地订了"
    reading.relevant.cache_clear()
    reading._asked_words.cache_clear()
    assert reading.relevant(q, r, by_kind=False, days=True)
    assert not reading.relevant(q, r, by_kind=False, days=False)
    reading.relevant.cache_clear()
    reading._asked_words.cache_clear()
    assert not reading.relevant(q, r, by_kind=False, days=False)
    assert reading.relevant(q, r, by_kind=False, days=True)


def test_the_cached_runs_cannot_be_changed_by_a_caller() -> None:
    runs = reading._content_bigrams("@阿梅 土鸡蛋还有吗")
    assert isinstance(runs, frozenset) and "土鸡" in runs and "阿梅" not in runs
