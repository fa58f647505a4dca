"""Issue 13, round 32 (dev13p): the notes path's caches give exactly the uncached results (jieba cut per
block, the cut-a-word pre-check, the classifiers' summed weights); discussion titles from the line that
states the occasion (a lead-in cut, a voice line cut after its occasion, the organiser's first line when
a newcomer's question opens the chat); votes, sign-offs and yes-answers are nobody's view or key point;
a warning told to newcomers is a notice. Every chat here is written for these tests."""

from __future__ import annotations

import math
import random

import jieba
import pytest

from copilot import textnorm
from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import offline, summarize_text
from copilot.notes.classify import classifier, features
from copilot.notes.model import Message, Notes
from copilot.notes.pairing import notice_word

LINES = [
    "周六下午两点在社区活动中心二楼做插花体验课，材料费每人35元，名额20人",
    "我家孩子上次去了说老师讲得特别细，西湖人好多但是体验很好",
    "加群主微信拉你进二群，请转发给需要的朋友",
    "报名表我明晚发群里，大家周五中午12:00前填好",
    "ABC-123 的快递单号 SF1234567890 已经寄出，3.5kg",
    "",
    "  ",
    "湖人队今天赢了吗？",
    "\r\n混排 English 文本\t和数字 42%",
]


def _notes(text: str) -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, "chat.txt", settings, get_engine(settings, prefer="offline")).notes


# -- speed: the caches change nothing ----------------------------------------------------------------------
@pytest.mark.parametrize("text", LINES)
def test_block_cached_cut_is_exactly_jiebas(text: str) -> None:
    textnorm.ensure_jieba()
    assert textnorm.cut_words(text) == jieba.lcut(text)
    assert textnorm.cut_words(text, hmm=False) == jieba.lcut(text, HMM=False)
    f = textnorm.fold(text)
    assert textnorm._search_words(textnorm.cut_words(f)) == jieba.lcut_for_search(f)
    assert textnorm.word_spans(text) == tuple((a, b) for _, a, b in jieba.tokenize(text, HMM=False))
    assert textnorm.word_bounds(text) == frozenset({0, len(text)} | {i for _, a, b in jieba.tokenize(text)
                                                                     for i in (a, b)})


def test_a_sentence_is_cut_the_same_alone_and_inside_its_message() -> None:
    message = "活动结束当晚出整理稿。第二天再发就没人看了！"
    alone = textnorm.cut_words("第二天再发就没人看了")
    assert textnorm.cut_words(message)[-len(alone) - 1:-1] == alone


def _cuts_by_segmenting(text: str, start: int, end: int) -> bool:
    return any(((a < start < b < end) or (start < a < end < b))
               and textnorm.word_frequency(text[a:b]) >= textnorm.COMMON_WORD_FREQ
               for a, b in textnorm.word_spans(text))


def test_cuts_word_precheck_gives_the_segmentations_answer() -> None:
    rnd = random.Random(7)
    seen = {True: 0, False: 0}
    for text in [textnorm.fold(x) for x in LINES if len(x.strip()) >= 2]:
        for start in range(len(text) - 1):
            end = min(len(text), start + rnd.choice((1, 2, 3)))
            want = _cuts_by_segmenting(text, start, end)
            assert textnorm.cuts_word(text, start, end) == want, (text, start, end)
            seen[want] += 1
    assert seen[True] and seen[False]  # both answers were exercised
    assert textnorm.cuts_word("今天西湖人好多", 3, 5)  # 湖人 takes the tail of 西湖
    assert not textnorm.cuts_word("湖人队今天赢了", 0, 2)


@pytest.mark.parametrize("text", LINES)
def test_classifier_sums_weights_exactly_as_one_by_one(text: str) -> None:
    model = classifier()
    grams = features(text)
    scores = list(model.bias)
    for gram in grams:
        for i, w in enumerate(model.weights.get(gram, ())):
            scores[i] += w
    exp = [math.exp(s - max(scores)) for s in scores]
    want = {lab: e / sum(exp) for lab, e in zip(model.labels, exp, strict=True)}
    assert model.probabilities_of(grams) == want


def test_bigrams_cached_are_read_only() -> None:
    grams = offline._bigrams("周六下午两点集合")
    assert isinstance(grams, frozenset) and "两点" in grams
    assert offline._bigrams("周六下午两点集合") is grams


# -- titles: the occasion, short and whole --------------------------------------------------------------------
BADMINTON = """[2026-12-01 21:00] 会长大刘: 各位说个事这周日上午九点在体育馆三号场打邀请赛对面是电力局队大家能来的接龙报名
[2026-12-01 21:01] 小周: 我能来
[2026-12-01 21:02] 阿梅: 接龙 阿梅
[2026-12-01 21:03] 会长大刘: 场地费一共三百六十块按十二个人算每人三十周六前转给我
[2026-12-01 21:04] 小周: 球我带一筒
[2026-12-01 21:05] 老孙: 我周日要加班来不了
[2026-12-01 21:06] 会长大刘: 邀请赛穿统一的队服 没有的找我借
[2026-12-01 21:07] 阿梅: 好的
"""


def test_voice_line_title_is_cut_after_its_occasion_without_the_lead_in() -> None:
    notes = _notes(BADMINTON)
    assert notes.title.endswith("这周日上午九点在体育馆三号场打邀请赛")
    assert "说个事" not in notes.title and "…" not in notes.title


def test_occasion_cut_never_ends_inside_a_word() -> None:
    # 会议 is an event word, but here it is part of 会议室: no cut there
    assert offline._occasion("周六的口语模考我订好会议室了图书馆三楼大家早点到") is None
    assert offline._occasion("这周六晚上七点在老地方聚餐人均一百大家报个名") == "这周六晚上七点在老地方聚餐"


STARGAZING = """[2026-12-02 19:00] 新人小北: 大家好 刚进群 想问下新手买什么望远镜比较好
[2026-12-02 19:01] 老陈: @新人小北 先买个双筒的，七倍五十口径，三百块左右就够
[2026-12-02 19:02] 新人小北: 谢谢老陈
[2026-12-02 19:03] 星空社-阿宁: 说正事：这周六晚上的观星活动，原定去南山顶，但是天气预报说山上有雾
[2026-12-02 19:04] 老陈: 那去北边的水库吧 光污染也小
[2026-12-02 19:05] 小雯: 水库可以 上次去过 停车方便
[2026-12-02 19:06] 星空社-阿宁: 好 那就改到北边水库，时间不变，周六晚上八点水库大坝集合
[2026-12-02 19:07] 老陈: 同意
[2026-12-02 19:08] 小雯: 水库停车场的定位我发群里了，停车费一次10元
[2026-12-02 19:09] 老陈: 另外提醒新人：观星不要开白光手电，要用红光，水库边上不许下水，去年有人掉下去过
[2026-12-02 19:10] 星空社-阿宁: 我周五前把星图和器材清单发群里
"""


def test_title_is_the_organisers_occasion_not_a_late_reply() -> None:
    notes = _notes(STARGAZING)
    assert notes.title.startswith("这周六晚上的观星活动：改到北边水库"), notes.title  # the occasion, then what changed


def test_warning_told_to_newcomers_is_a_notice() -> None:
    notes = _notes(STARGAZING)
    assert any("红光" in a.text and "不许下水" in a.text for a in notes.announcements)
    assert notice_word("另外提醒新人：观星不要开白光手电")
    assert notice_word("提醒各位：进山不要单独走")
    assert not notice_word("我提醒过他好几次了，他就是不听")  # telling about a reminder is no notice


# -- votes, sign-offs and yes-answers are nobody's view ------------------------------------------------------
CHOIR = """[2026-12-03 20:00] 团长老韩: 新年音乐会的演出服今天定一下是选红色还是黑色投个票红色扣一黑色扣二
[2026-12-03 20:01] 阿珍: 1 红色喜庆
[2026-12-03 20:02] 小林: 2 黑色显瘦
[2026-12-03 20:03] 老罗: 1
[2026-12-03 20:04] 阿珍: 演出服租一套一百二十元，三十个人一共三千六，团费里出
[2026-12-03 20:05] 团长老韩: 好那就红色了尺码大家明天中午前报给我我统一去租
[2026-12-03 20:06] 小林: 排练改到每周四晚上七点半在文化馆三楼吗
[2026-12-03 20:07] 团长老韩: 对 还在文化馆
[2026-12-03 20:08] 老罗: 钢琴伴奏我去联系，周日前给大家回复
[2026-12-03 20:09] 团长老韩: 好了就这些大家早点休息周四见
"""


def test_votes_and_sign_offs_are_no_key_points_nor_views() -> None:
    notes = _notes(CHOIR)
    texts = [k.text for k in notes.key_points]
    assert not any(t.startswith(("1 ", "2 ")) or t == "1" for t in texts)
    assert not any("早点休息" in t for t in texts)
    assert "红色喜庆" not in notes.summary and "黑色显瘦" not in notes.summary
    assert "早点休息" not in notes.summary
    assert "一百二十元" in notes.summary or any("一百二十元" in t for t in texts)  # the fee line is kept


def test_vote_shaped_lines_count_only_after_a_vote_is_called() -> None:
    def msgs(*texts: str) -> list[Message]:
        return [Message(id=i + 1, time=None, speaker=f"成员{i}", text=t) for i, t in enumerate(texts)]

    assert offline.votes_and_sign_offs(msgs("1 先把报名表填了", "2 周五前交费")) == set()
    assert offline.votes_and_sign_offs(msgs("方案投个票，a扣1，b扣2", "1 a近一点", "2", "好的收到")) == {2, 3}
    assert offline.votes_and_sign_offs(msgs("行 先这样吧 大家晚安")) == {1}
    assert offline.votes_and_sign_offs(msgs("先这样，周六早上8点南门集合")) == set()  # a fact after it
    assert offline.votes_and_sign_offs(msgs("对了 春游的事下次再说 先这样 大家忙")) == {1}  # closes on a sign-off
    assert offline.votes_and_sign_offs(msgs("周日早上7点东门集合，就这样")) == set()  # a time: it tells
    assert offline.votes_and_sign_offs(msgs("我觉得就这样挺好的")) == set()


def test_yes_answer_without_a_figure_is_skipped_one_with_a_figure_stays() -> None:
    m = [Message(id=1, time=None, speaker="甲", text="对 要带身份证"), Message(id=2, time=None, speaker="乙", text="可以，儿童半价五十元"),
         Message(id=3, time=None, speaker="丙", text="对 要带身份证")]
    assert offline._yes_answers(m, {1, 2}) == {1}
