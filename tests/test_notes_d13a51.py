"""Round 51 (d13a51): Q&A pairs and owners on chats like the blind sets.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.exchanges import Line, threads
from copilot.notes.render import render_markdown

START = datetime(2027, 9, 7, 19, 30)  # a Tuesday evening

# a member sells to members in private inside a yoga class's planning talk
YOGA = (
    "领队小敏|下周六户外瑜伽，早上7点湿地公园南门集合，瑜伽垫自带",
    "阿青|下雨怎么办",
    "领队小敏|下雨就改到社区活动室，时间不变",
    "阿青|好的",
    "老潘|我家自己腌的咸鸭蛋出油了，要的私信我",
    "阿青|几块钱一个",
    "老潘|三块五一个，十个起",
    "阿青|给我留十个",
    "领队小敏|这次要交场地费吗",
    "阿雯|不用，公园免费",
    "领队小敏|阿雯周五前把报名名单统计好发群里",
    "阿雯|收到",
)


def test_a_question_right_after_an_offer_in_private_goes_on_the_offer():
    lines = [Line(id=0, speaker="老潘", words=frozenset({"咸鸭蛋"}), deals=True),
             Line(id=1, speaker="阿青", asks=True),
             Line(id=2, speaker="老潘", words=frozenset({"十个"}))]
    assert threads(lines) == [None, 0, 1]


def test_a_question_after_a_plain_remark_opens_its_own_exchange():
    # bad input for the rule: without an offer to deal in private the question asks the group
    lines = [Line(id=0, speaker="老潘", words=frozenset({"咸鸭蛋"})),
             Line(id=1, speaker="阿青", asks=True),
             Line(id=2, speaker="老潘", words=frozenset({"十个"}))]
    assert threads(lines)[1] is None


def test_a_members_sale_is_no_qa_pair_no_to_do_and_stays_out_of_the_notes():
    notes = chat_notes(*YOGA, start=START)
    assert not any("几块钱" in q.question for q in notes.qa)
    assert not any("十个" in a.task for a in notes.actions)
    md = render_markdown(notes, appendix=False)
    assert "三块五" not in md and "咸鸭蛋" not in md
    # the chat's own business stays
    assert any("下雨" in q.question and "活动室" in q.answer for q in notes.qa)
    assert any(a.owner == "阿雯" and "名单" in a.task for a in notes.actions)


# the one collecting money promises the list of who has paid; a Cantonese promise said with 將 (把)
DUES = (
    "会长老冯|今年的会费每人60元，周五前交齐",
    "出纳阿梅|好的，大家转我微信备注姓名，周六晚上我把交了钱的名单发群里",
    "阿强|我交了的钱要不要截图",
    "出纳阿梅|不用，我这边看得到",
    "小谭|我上周交了",
)

DUES_HK = (
    "會長Ben|今年會費每人$120，月尾前交齊",
    "司庫Fiona|收到，大家轉數快俾我就得，聽日我將收據相片放上嚟",
    "阿傑|我交咗喇",
)


def test_a_thing_described_with_le_is_no_past_deed_of_the_speaker():
    notes = chat_notes(*DUES, start=START)
    mine = [a for a in notes.actions if a.owner == "出纳阿梅" and "名单" in a.task]
    assert len(mine) == 1 and mine[0].deadline == "2027-09-11"
    # the speaker's own past stays no promise ("我上周交了")
    assert not any(a.owner == "小谭" for a in notes.actions)


def test_a_promise_said_with_jiang_is_the_speakers():
    notes = chat_notes(*DUES_HK, start=START)
    mine = [a for a in notes.actions if a.owner == "司庫Fiona" and "收據" in a.task]
    assert len(mine) == 1 and mine[0].deadline == "2027-09-08"
    assert not any(a.owner == "阿傑" for a in notes.actions)


# work shared by two members joined by 跟 / 同: one form of owner, the names as written joined by 和
SHARED = (
    "站长老韦|周六上午的义诊，桌椅麻烦小葵跟阿龙，早上7点半前摆好",
    "小葵|好",
    "阿龙|没问题",
    "站长老韦|血压计我跟卫生院说一下，让他们带过来",
)


def test_two_owners_joined_by_gen_are_written_with_he():
    notes = chat_notes(*SHARED, start=START)
    desks = [a for a in notes.actions if "桌椅" in a.task]
    assert [a.owner for a in desks] == ["小葵和阿龙"]
    # bad input for the rule: the one the speaker will tell is no co-owner ("我跟卫生院说一下")
    assert not any("卫生院" in (a.owner or "") for a in notes.actions)


# work taken, then given on: "…做不完了 / …统计不过来了" is a "cannot" like "…做不了了"
HANDED = (
    "社长阿宽|下周日读诗会，宣传海报小雪你来做，周四前发群里",
    "小雪|好的",
    "社长阿宽|报名名单老屈你统计一下，周五前给我",
    "老屈|收到",
    "小雪|这周加班太多，海报我做不完了，阿珂你帮我做一下吧",
    "阿珂|行，周四前我发群里",
    "老屈|我家橘子太多吃不完了，周日带一袋来",
)


def test_work_its_owner_cannot_finish_goes_to_the_one_who_takes_it():
    notes = chat_notes(*HANDED, start=START)
    assert not any(a.owner == "小雪" for a in notes.actions)
    assert [a.deadline for a in notes.actions if a.owner == "阿珂"] == ["2027-09-09"]
    # bad input for the rule: "吃不完了" of another matter takes no work from its speaker
    assert any(a.owner == "老屈" and "名单" in a.task for a in notes.actions)


# a size asked by 几 + a unit, with no question mark
SIZES = (
    "木工坊老葛|这周六做小书架，上午9点开始，材料费每人80元",
    "阿琪|隔板之间留几公分的空",
    "木工坊老葛|留25公分，放得下杂志",
    "小范|我上次做的那个十几米长的篱笆还在院子里",
    "木工坊老葛|大家周五前在群里报名",
)


def test_a_size_asked_with_ji_and_a_unit_is_a_question():
    notes = chat_notes(*SIZES, start=START)
    assert any(q.asker == "阿琪" and "几公分" in q.question and "25公分" in q.answer for q in notes.qa)
    # bad input for the rule: "十几米" counts, it asks nothing
    assert not any("十几米" in q.question for q in notes.qa)


# a yes said with a particle, or echoing the question's verb, then the reason
YES = (
    "领队阿岚|周日早上7点水库大坝集合，走环湖步道，全程12公里",
    "老钱|我上周去过那边，风景很好",
    "小麦|要自己带午饭吗",
    "阿豪|要带，沿途没有小卖部",
    "小麦|需要提前报名吗",
    "阿豪|要啦 领队要买保险，名额只有二十个",
    "小麦|雨衣带不带",
    "老钱|带个屁 哈哈 天气预报说晴天",
)


def test_a_yes_with_a_particle_or_the_questions_verb_answers_it():
    notes = chat_notes(*YES, start=START)
    assert any(q.asker == "小麦" and "午饭" in q.question and q.answerer == "阿豪" and "小卖部" in q.answer
               for q in notes.qa)
    assert any(q.asker == "小麦" and "报名" in q.question and q.answerer == "阿豪" and "保险" in q.answer
               for q in notes.qa)


def test_an_opening_word_that_only_starts_like_a_yes_is_none():
    from copilot.notes.pairing import _yes_no_word

    assert _yes_no_word("要带", "要自己带午饭吗") and _yes_no_word("要啦", "需要提前报名吗")
    # bad input: 要命 is no yes ("命" is not the question's verb), 带个 is no yes word at all
    assert not _yes_no_word("要命", "要自己带午饭吗") and not _yes_no_word("带个", "雨衣带不带")
