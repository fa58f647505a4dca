"""Round 50 (issue 13): a reply that opens with the yes or no a member's question asks for and goes on with why or
what ("要，木刺多", "不用，工坊有三把") answers it whoever gives it and whatever words it shares with the question;
a yes to a question about the ones asked, to a question turning aside, or to a question on someone's side remark is
no answer of note. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_structure

START = datetime(2027, 3, 10, 19, 0)  # a Wednesday

# long enough that a reply which only comes next must be on the chat's subject to count (short chats are all on it)
_OPEN = ("坊主老魏|各位，周日旧家具改造工作坊的事今晚定一下，地点在社区活动室，上午9点开始",
         "坊主老魏|每人带一件想改的旧家具，材料费30元，砂纸和清漆统一买",
         "小葵|收到", "阿豪|旧家具我带个小板凳",
         "小葵|我家有个旧书架，太大了搬不动",
         "坊主老魏|书架可以拆开带，活动室有推车",
         "阿豪|清漆买水性的吧，味道小",
         "坊主老魏|行，清漆买水性的，砂纸买80目和240目两种",
         "小葵|旧家具改完能带回家吗",
         "坊主老魏|能，改完自己带走",
         "阿豪|活动室几点能进",
         "坊主老魏|8点半开门，早到的帮忙摆桌子",
         "小葵|好的，我8点半到活动室",
         "阿豪|砂纸的钱从材料费里出吧",
         "坊主老魏|对，砂纸清漆都从材料费里出",
         "小葵|旧家具改造的照片谁来拍",
         "阿豪|我来拍，改造前后各拍一张",
         "坊主老魏|好，照片阿豪负责",
         "小葵|那清漆干透要多久",
         "坊主老魏|水性清漆两个小时就干",
         "阿豪|那当天就能刷两遍清漆",
         "坊主老魏|对，上午打磨下午刷清漆",
         "小葵|收到",
         "阿豪|期待周日")


def _pairs(*lines: str) -> list[tuple[str, str, str, str]]:
    return [(q.asker, q.question, q.answerer, q.answer) for q in chat_structure(*_OPEN, *lines, start=START).qa]


def test_a_yes_with_its_reason_from_a_member_answers_the_question_before_it():
    pairs = _pairs("小葵|需要自己带手套吗", "阿豪|要，旧木头毛刺多", "坊主老魏|砂纸我来买")
    assert ("小葵", "需要自己带手套吗", "阿豪", "要，旧木头毛刺多") in pairs


def test_a_no_with_what_there_is_answers_an_a_not_a_question():
    pairs = _pairs("阿豪|要不要自己带电钻", "小葵|不用，活动室有三把", "坊主老魏|对")
    assert ("阿豪", "要不要自己带电钻", "小葵", "不用，活动室有三把") in pairs


def test_the_yes_stands_when_someone_later_speaks_to_the_asker_about_another_matter():
    pairs = _pairs("小葵|旧椅子能带两把吗", "阿豪|能，只要搬得动", "坊主老魏|@小葵 你家楼下的快递柜修好了吗")
    assert ("小葵", "旧椅子能带两把吗", "阿豪", "能，只要搬得动") in pairs
    assert not any(answer.startswith("你家楼下") for *_, answer in pairs)


def test_a_yes_about_the_ones_asked_is_side_chat():
    pairs = _pairs("小葵|你们昨晚看那场球了吗", "阿豪|有，最后一分钟绝杀", "坊主老魏|好，别的没事了")
    assert not any("绝杀" in answer for *_, answer in pairs)


def test_a_yes_to_a_question_turning_aside_is_side_chat():
    pairs = _pairs("阿豪|话说东门那家牛肉面还有开吗", "小葵|有，上周刚去吃过", "坊主老魏|好，别的没事了")
    assert not any("刚去吃过" in answer for *_, answer in pairs)


def test_a_line_opening_with_another_word_is_no_yes():
    # "对了，…" turns to something else: no yes to "要戴口罩吗", and it shares no word with it
    pairs = _pairs("小葵|上清漆的时候要戴口罩吗", "阿豪|对了，周日我晚点到", "坊主老魏|好，别的没事了")
    assert not any(answer.startswith("对了") for *_, answer in pairs)


def test_a_yes_to_a_question_on_a_side_remark_is_side_chat():
    pairs = _pairs("阿豪|我家狗昨晚又把拖鞋咬烂了 气死", "小葵|要不要给它买个磨牙棒", "阿豪|要，不然家里没一样完整的",
                   "坊主老魏|好，别的没事了")
    assert not any("没一样完整" in answer for *_, answer in pairs)
