"""Round 78 (d13f78, issue 13): a single chat's notes start fast, with the same notes and the same moderation verdicts.

The noise step asks the moderation layers about a few messages; they used to compile every lexicon list at load
(~440 patterns, a chat needs ~40) and import jieba's POS tagger with the moderation package. The lists now compile at
their first look-up (``signals.PatternsOnUse``) and the off-topic layer loads the tagger at its first cut. These tests
check the behaviour, never a time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.moderation import Label, offtopic, quick_analysis, signals
from copilot.notes.summarize import summarize_file
from copilot.textnorm import word_class

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "evals" / "notes" / "dev"
TENNIS = DEV / "dev78f_wechat_tennis_club_ad_dropped.txt"
BADMINTON = DEV / "dev78f_whatsapp_trad_hk_badminton_contact.txt"


def _fresh(code: str) -> str:
    """``code`` run in a new interpreter with this tree first on the path: what a command sees at start-up."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "HF_HUB_OFFLINE": "1",
                              "ANONYMIZED_TELEMETRY": "False", "HOME": str(Path.home())})
    return out.stdout.strip()


# -- the lexicon lists compiled on use ------------------------------------------------------------------------------

def test_lexicon_lists_read_as_the_alternation_of_their_words() -> None:
    lex = signals.lexicons()
    lists = signals._word_lists(signals.lexicon_data())
    for key in ("ad.strong", "spam.chain", "chatter", "question"):
        assert key in lex.words
        assert lex.words[key].pattern == signals.alternation(signals.script_forms(lists[key])).pattern
    assert lex.words["ad.strong"] is lex.words["ad.strong"]  # compiled once, then kept
    assert "no.such.list" not in lex.words and lex.words.get("no.such.list") is None
    with pytest.raises(KeyError):
        lex.words["no.such.list"]
    assert len(lex.words) == len(list(lex.words)) == len(dict(lex.words.items()))


def test_joined_lists_are_built_whole_and_gated() -> None:
    # lists joined to patterns.yaml (a reply code: 回复888) are built at load, behind their literal gate as before
    rx = signals.lexicons().words["ad.reply_call"]
    assert rx.search("回复888领取") is not None
    assert rx.search("收到，谢谢老师") is None


def test_patterns_on_use_compiles_only_what_is_asked() -> None:
    made: list[str] = []

    def maker(key: str, words: list[str]):  # noqa: ANN202
        def make():  # noqa: ANN202
            made.append(key)
            return signals.alternation(words)
        return make

    words = signals.PatternsOnUse(["a", "b", "c"], {"a": signals.alternation(["加微信"])},
                                  {"b": maker("b", ["私聊"]), "c": maker("c", ["代购"])})
    assert list(words) == ["a", "b", "c"] and "c" in words and made == []
    assert words["b"].search("有需要私聊我") is not None
    assert words["b"].search("周六打球") is None
    assert made == ["b"]
    words["b"]
    assert made == ["b"]  # kept after its first use
    words["c"] = signals.alternation(["团购"])  # a stand-in, as a test's monkeypatch.setitem puts it
    assert words["c"].search("团购链接") is not None and made == ["b"]
    del words["a"]
    assert list(words) == ["b", "c"] and "a" not in words


def test_a_chat_compiles_a_few_lists_in_a_fresh_process() -> None:
    out = _fresh(
        "from copilot.moderation import quick_analysis, signals\n"
        "quick_analysis('专业网球陪练，一对一私教课限时特价，加微信tennis8866咨询')\n"
        "quick_analysis('周六下午两点在江滨网球场打双打，场地费每人25元')\n"
        "w = signals.lexicons().words\n"
        "print(dict.__len__(w), len(w))\n")
    made, total = map(int, out.split())
    assert 0 < made < total // 2


# -- the same verdicts on realistic messages ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "专业网球陪练，一对一私教课限时特价，前十名报名送护腕，加微信tennis8866咨询，名额有限速来",
    "專業羽毛球私人教練，限時優惠首堂半價，WhatsApp 6677 8899 報名，名額有限",
])
def test_coaching_ads_stay_ads(text: str) -> None:
    analysis = quick_analysis(text)
    assert analysis is not None and analysis.label in (Label.AD, Label.SPAM)


@pytest.mark.parametrize("text", [
    "转给小何，他周五前统一订场",
    "我第一次嚟，有咩事可以打我電話 9123 4567 搵我",  # a newcomer's own number: no ad
    "下雨就改到室内馆，我周五晚上在群里通知",
])
def test_hard_negatives_stay_ok(text: str) -> None:
    analysis = quick_analysis(text)
    assert analysis is not None and analysis.label not in (Label.AD, Label.SPAM)


# -- the POS tagger loaded at its first cut ---------------------------------------------------------------------------

def test_offtopic_cuts_with_the_tagger_when_asked() -> None:
    cut = offtopic._pos_cut("周六下午在江滨网球场打双打")
    assert "".join(x.word for x in cut) == "周六下午在江滨网球场打双打"
    assert all(x.flag for x in cut)
    assert offtopic.new_word_class("网球场") == offtopic.new_word_class("网球场")  # cached, same answer


def test_word_class_of_dictionary_and_domain_words() -> None:
    assert word_class("我们") == "r"
    assert word_class("社群运营") == "n"  # our userdict_zh.txt word, tagged there
    assert word_class("江滨网球场不存在的词") is None


def test_notes_import_loads_no_tagger() -> None:
    assert _fresh("import sys, copilot.cli, copilot.notes.summarize\nprint('jieba.posseg' in sys.modules)") == "False"


# -- the notes themselves ---------------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine():  # noqa: ANN201
    return get_engine(get_settings(), prefer="offline")


def test_tennis_chat_drops_the_ad_and_keeps_the_booking(engine) -> None:  # noqa: ANN001
    result = summarize_file(TENNIS, get_settings(), engine)
    dropped = {d.reason for d in result.dropped if "tennis8866" in d.text}
    assert dropped == {"广告/垃圾消息"}
    tasks = " ".join(a.task for a in result.notes.actions)
    assert "订场" in tasks and "场地费" in tasks


def test_badminton_chat_keeps_the_newcomers_number(engine) -> None:  # noqa: ANN001
    result = summarize_file(BADMINTON, get_settings(), engine)
    reasons = {d.speaker: d.reason for d in result.dropped}
    assert reasons.get("羽毛球教練Sam") == "广告/垃圾消息"
    assert "Jason" not in reasons
