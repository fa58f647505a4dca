"""Round 84 (d13a84): Q&A pairs in a talk's question round (issue 13).

- the host relaying members' questions ("有朋友私信问：…", "还有一位家长问，…", "有街坊托我問…") asks for them: the
  host's line is a question the speaker's next line answers (cue ``question.relays_ask``, pairing._is_question_msg);
  the host's own call for questions ("大家有问题可以问") is still none;
- a member telling the speaker what they do not know how to handle ("…我不知道该怎么跟他说") asks them
  (cue ``question.unsure_how``, talks only); "用啥X好" closing a clause asks which is best (cue ``question.how_best``);
- the talk's speaker answering an asker by @ supersedes a member's earlier answer, whatever its words
  (pairing._answer_stands), not by handing the asker work;
- the round's opening before the first @ ("好 我一个一个说。@阿琳 …") answers no one (pairing._led_parts);
- questions held for a round are the speaker's to answer once the speaker or the host opens the round
  ("好，大家可以提问了"; cue ``reply.opens_round``, pairing._held_turn);
- a numbered list of questions in one line ("汇总了一下问题：1. … 2. … 3. …") is one question per item, and
  "第一个问题，…。第二个问题，…。第三个，…" answers each in turn (pairing._asked_items, cue ``reply.asked_nth``);
- voice-to-text without stops answering two members, a space between the answers, is read as two answers
  (pairing._answered_parts).

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes, pair_asking

from copilot.notes.cues import has
from copilot.notes.reading import is_question
from copilot.textnorm import fold

START = datetime(2027, 5, 11, 20, 0)  # a Tuesday evening


TALK = (
    "主持-小禾|各位家长晚上好，今晚请到儿童口腔科的苏医生讲《换牙期护理》，讲完留时间提问",
    "苏医生|大家好，我在口腔科工作了9年，今天讲三件事：刷牙、涂氟、窝沟封闭",
    "苏医生|先说刷牙，6岁以前家长一定要帮着刷，早晚各一次，每次两分钟，用含氟牙膏豌豆大小就够",
    "苏医生|涂氟建议每半年一次，社区医院免费，带上疫苗本去预约",
    "苏医生|窝沟封闭在六龄牙长出来以后做，一颗大概150元，能管好几年",
    "苏医生|还有一点，睡前刷完牙就不要再吃东西了，奶瓶也别含着睡，这是蛀牙最多的原因",
    "苏医生|换牙期门牙长歪一点不用急，等侧切牙长出来会慢慢挤正，8岁以后还歪再来看",
    "苏医生|我就先讲这些，大家有问题可以问",
)


def test_the_host_relaying_a_members_question_asks_it_and_the_speaker_answers():
    notes = chat_notes(
        *TALK,
        "主持-小禾|谢谢苏医生！后台有家长私信问：孩子乳牙还没掉恒牙就长出来了怎么办",
        "苏医生|这叫双排牙，乳牙三个月还不松动的话就来医院拔掉，不用太担心",
        "主持-小禾|还有一位家长问，电动牙刷几岁可以用",
        "苏医生|一般3岁以后就可以用儿童款，刷头要软毛的",
        "乐乐妈|学到了",
        start=START)
    q = pair_asking(notes, "恒牙就长出来")
    assert q is not None and q.asker == "主持-小禾" and q.answerer == "苏医生" and "双排牙" in q.answer
    q = pair_asking(notes, "电动牙刷几岁")
    assert q is not None and q.answerer == "苏医生" and "3岁以后" in q.answer
    # bad input: the host's own call for questions relays nothing, and the speaker's next line is the talk
    called = chat_notes(*TALK[:-1], "主持-小禾|大家有问题可以问", "苏医生|另外提醒一下，换牙期少喝碳酸饮料",
                        start=START)
    assert not any("大家有问题" in q.question for q in called.qa)


def test_a_member_telling_what_they_cannot_handle_asks_the_speaker():
    notes = chat_notes(
        *TALK,
        "果果爸|我家果果7岁了，每天晚上刷牙都要哭一场，我不知道该怎么跟他说",
        "苏医生|@果果爸 可以让他自己先刷一遍，家长再补刷，再配个计时沙漏，当游戏来玩",
        start=START)
    q = pair_asking(notes, "不知道该怎么跟他说")
    assert q is not None and q.answerer == "苏医生" and "计时沙漏" in q.answer
    # what happened, told, is not what one cannot handle
    assert not has(fold("昨天不知道怎么回事牙龈出血了"), "question", "unsure_how")
    assert has(fold("就是不知道咋发货"), "question", "unsure_how")


def test_which_one_is_best_closing_a_clause_asks():
    assert is_question("我家孩子牙缝大用啥牙线好")
    assert is_question("儿童牙膏买什么牌子比较好")
    # bad input: "anything is fine" tells, and a bare 好 after a statement asks nothing
    assert not is_question("用什么都好")
    assert not is_question("我们用的这个牌子挺好")


def test_the_speakers_at_reply_supersedes_a_members_answer():
    notes = chat_notes(
        *TALK,
        "小雪妈|苏医生 含氟牙膏和无氟的哪个好",
        "乐乐妈|我两种都用过，个人觉得含氟的刷得干净点，无氟的味道好",
        "苏医生|@小雪妈 会自己吐口水了就选能防蛀的那种，三岁以后都可以",
        start=START)
    q = pair_asking(notes, "哪个好")
    assert q is not None and q.answerer == "苏医生" and "三岁以后" in q.answer
    # bad input: the speaker's @-line handing the asker work does not take the member's answer away
    handed = chat_notes(
        *TALK,
        "小雪妈|苏医生 含氟牙膏和无氟的哪个好",
        "乐乐妈|含氟的好，防蛀效果好很多，我们家一直用",
        "苏医生|@小雪妈 你明天把孩子的疫苗本拍照发我，我帮你约涂氟",
        start=START)
    q = pair_asking(handed, "哪个好")
    assert q is not None and q.answerer == "乐乐妈"


def test_the_rounds_opening_before_the_first_at_answers_no_one():
    notes = chat_notes(
        *TALK,
        "阿琪|涂氟会不会伤牙",
        "小宇爸|窝沟封闭掉了要重新做吗",
        "苏医生|好 我一个一个说。@阿琪 不会伤牙，氟的量很少，涂完半小时别吃东西就行",
        "苏医生|@小宇爸 掉了要补，免费补一次",
        start=START)
    q = pair_asking(notes, "窝沟封闭掉了")
    assert q is not None and "免费补" in q.answer and "一个一个" not in q.answer
    q = pair_asking(notes, "涂氟会不会伤牙")
    assert q is not None and "半小时" in q.answer


def test_held_questions_are_answered_once_the_round_opens():
    notes = chat_notes(
        "主持-小禾|今晚请苏医生讲换牙期护理，大家有问题先记下来，讲完统一问",
        *TALK[1:7],
        "苏医生|好，大家可以提问了",
        "阿琪|牙齿矫正几岁开始比较合适",
        "苏医生|一般换完牙12岁左右，但地包天要早，4岁就可以来看",
        "小宇爸|晚上磨牙要紧吗",
        "苏医生|偶尔磨没关系，天天磨的话要做个牙垫",
        start=START)
    q = pair_asking(notes, "矫正几岁")
    assert q is not None and q.answerer == "苏医生" and "12岁左右" in q.answer
    q = pair_asking(notes, "磨牙要紧吗")
    assert q is not None and "牙垫" in q.answer
    # bad input: with no round opened the speaker's next line still goes on with the talk held
    held = chat_notes(
        "主持-小禾|今晚请苏医生讲换牙期护理，大家有问题先记下来，讲完统一问",
        *TALK[1:6],
        "阿琪|牙齿矫正几岁开始比较合适",
        "苏医生|再说涂氟，建议每半年一次，社区医院免费，带上疫苗本去预约",
        start=START)
    assert pair_asking(held, "矫正几岁") is None


def test_a_numbered_list_of_questions_is_answered_item_by_item():
    notes = chat_notes(
        *TALK,
        "主持-小禾|汇总了一下群里的问题：1. 孩子不肯漱口怎么办 2. 乳牙蛀了要不要补 3. 多久看一次牙医",
        "苏医生|第一个问题，先用温水教他含住再吐，练几次就会了。第二个问题，乳牙蛀了一定要补，不然会影响恒牙。"
        "第三个，半年看一次就可以",
        "乐乐妈|明白了",
        start=START)
    q = pair_asking(notes, "不肯漱口")
    assert q is not None and "温水" in q.answer and "影响恒牙" not in q.answer
    q = pair_asking(notes, "乳牙蛀了")
    assert q is not None and "一定要补" in q.answer and "温水" not in q.answer
    q = pair_asking(notes, "多久看一次")
    assert q is not None and "半年看一次" in q.answer
    # bad input: a numbered list of things told (no item asks) is no list of questions
    told = chat_notes(*TALK, "主持-小禾|今晚三个要点：1. 早晚刷牙 2. 半年涂氟 3. 六龄牙封闭", start=START)
    assert not any("要点" in q.question for q in told.qa)


def test_voice_to_text_answering_two_members_is_two_answers():
    notes = chat_notes(
        "主持-老贺|今晚请种了二十年茶的老曾讲讲春茶采摘 他用语音说 大家先听",
        "老曾|大家好我种茶二十年了今天说说春茶怎么采清明前采的叫明前茶一芽一叶最好",
        "老曾|采的时候用指尖掐不要用指甲掐掐伤了会发红卖不上价",
        "老曾|采回来要摊开晾两个小时再炒不然青味重",
        "老曾|我就说这么多大家有啥问的",
        "阿莲|我家是种绿茶的红茶也能这样采吧 就是不知道咋晾 怕晾坏了",
        "小马|一个人一天能采多少",
        "老曾|红茶一样采晾的时候摊薄一点放在竹匾上通风就坏不了 一天的话熟手能采五六斤新手两三斤",
        start=START)
    q = pair_asking(notes, "不知道咋晾")
    assert q is not None and "竹匾" in q.answer and "五六斤" not in q.answer
    q = pair_asking(notes, "一天能采多少")
    assert q is not None and "五六斤" in q.answer and "竹匾" not in q.answer
