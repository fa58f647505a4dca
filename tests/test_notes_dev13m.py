"""Issue 13, round 31 (dev13m): questions put without "？" (A还是B / A定B, short asks ending 吧 or 有啥) with
their answers; an organiser's plain event facts in the notes; personal plans and self-intros kept out of
a discussion's key points; one reading of an event told with no notice word (filed under 公告 and kept
from answering questions alike); a title from the opening line that states the occasion. Every chat here
is written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import offline, summarize_text
from copilot.notes.model import Notes
from copilot.notes.pairing import event_notice, notice
from copilot.notes.parse import parse_text
from copilot.notes.reading import asks, is_question
from copilot.notes.structure import analyze
from copilot.textnorm import fold

SENT = datetime(2026, 11, 26, 20, 30)


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


# -- one reading of an event told without a notice word --------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "第一件事，12月20号周六馆内羽毛球友谊赛，报名费50元，目前报了23人，上限40人",  # a named match + terms
    "下周四日语角主题是买车票，地点还是文化馆二楼",  # a language corner + where
    "顺便说下周日12月6号早上8点的湿地观鸟活动，集合点在南门",  # an event + a clock time + where
])
def test_event_told_with_where_clock_or_terms_is_a_notice_whatever_the_day(sentence: str) -> None:
    assert event_notice(sentence) and event_notice(sentence, SENT) and notice(sentence, SENT)


@pytest.mark.parametrize("sentence", [
    "下个月8号去敬老院探访，一共去15个人",  # time.yaml's 探访, now in the one vocabulary
    "下周六区里有个太极比赛，我们队出12个人",
])
def test_event_with_a_date_ahead_and_a_figure_needs_the_message_time(sentence: str) -> None:
    # the date-and-figure reading counts the date from the message: with no time it cannot tell "ahead"
    assert not event_notice(sentence)
    assert event_notice(sentence, SENT) and notice(sentence, SENT)


@pytest.mark.parametrize("sentence", [
    "我下个月8号要去看演唱会，票价680",  # the speaker's own plan
    "下个月8号的演出大家觉得怎么样",  # a question
    "排练我建议每周二四晚上7点在活动室",  # a proposal put to the group
    "我明天去比赛场地看看，大概3个小时",  # a day counted from the message, and 我
    "12月13号的比赛",  # too short to tell anything
])
def test_not_event_notices_by_either_reading(sentence: str) -> None:
    assert not event_notice(sentence) and not event_notice(sentence, SENT) and not notice(sentence, SENT)


# a WeChat copy-paste: a choir's organiser tells a concert with a date and a figure, no notice word
CHOIR = """2026-11-20 19:30 合唱团-林老师
各位团员晚上好，今天说下个月的安排
2026-11-20 19:31 阿秋
老师好
2026-11-20 19:32 合唱团-林老师
下个月13号区文化馆的新年音乐会我们唱两首，一共要去28个人
2026-11-20 19:33 阿秋
收到
2026-11-20 19:34 小周
好的老师
"""


def test_date_and_figure_event_is_filed_under_notices() -> None:
    notes = _notes(CHOIR)
    assert any("新年音乐会" in a.text and a.kind == "通知" for a in notes.announcements)


# -- questions put without "？" ---------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "尤克里里还是吉他好上手",  # parallel options closing the clause, an evaluative tail
    "那基础差的话先练音阶还是先练曲子",  # options opening alike (先练/先练)
    "年会是穿正装还是自己随便穿",  # a copula before the first option
    "集訓係朝早定夜晚",  # Cantonese A定B after 係
    "門票係網上買定現場買",
    "头盔必须自己带吧",  # a presumption put to be confirmed
    "比赛奖品有啥",  # the interrogative object closes the clause
    "报名要准备些什么",
])
def test_questions_without_a_question_mark(text: str) -> None:
    assert asks(text) and is_question(text)


@pytest.mark.parametrize("text", [
    "地点还是社区活动室二楼",  # 还是 = still
    "月费还是120，老会员不涨",
    "问题是场地还是太小",  # 还是 + a degree
    "这个是馆长定的大家理解下",  # 定 = decided
    "那就租大巴吧 但是价钱一定要谈",  # 一定, and a settling line
    "我们还是去湿地公园吧",  # an opinion
    "那就必须提前一周订吧",  # a settling line, not a presumption asked
    "带什么都行",
])
def test_statements_with_the_same_words_do_not_ask(text: str) -> None:
    assert not asks(text)


# a WeChat copy-paste: a ukulele club, a choice asked with no "？", its answer from the teacher
UKULELE = """2026-11-24 20:00 尤克里里社-小雅老师
大家晚上好，今晚说下零基础班的事，12月6号开课，每周六下午3点，在文化宫302
2026-11-24 20:01 阿诚
老师好
2026-11-24 20:02 阿诚
二十三寸还是二十六寸好点
2026-11-24 20:03 尤克里里社-小雅老师
手小的选二十三寸，男生一般二十六寸，价格都在300左右
2026-11-24 20:04 桃子
那零基础先学和弦还是先学指弹
2026-11-24 20:05 尤克里里社-小雅老师
先学四个基础和弦，C、Am、F、G，两周就能弹第一首歌
2026-11-24 20:06 阿诚
调音器必须买吧
2026-11-24 20:07 尤克里里社-小雅老师
不用买，手机装个调音APP就行
2026-11-24 20:08 桃子
好的谢谢老师
2026-11-24 20:09 尤克里里社-小雅老师
报名的同学周五前把名字发我
"""


def test_choice_and_presumption_questions_are_paired_with_their_answers() -> None:
    notes = _notes(UKULELE)
    pairs = {(fold(p.question), fold(p.answer)) for p in notes.qa}
    assert any("二十六寸" in q and "手小" in a for q, a in pairs)
    assert any("先学和弦" in q and "四个基础和弦" in a for q, a in pairs)
    assert any("调音器" in q and "调音app" in a for q, a in pairs)
    # no question is filed as another one's answer, and an answer is no key point or quote of its own
    assert not any("还是" in a for _, a in pairs)
    assert not any("手小的选" in k.text for k in notes.key_points)
    assert not any("手小的选" in q.text for q in notes.quotes)


# an inline-timestamp chat in Cantonese: a lion-dance troupe, two A定B questions
LION = """[2026-12-02 21:00] 龍獅隊-強哥: 各位晚上好，講下元旦醒獅表演嘅安排
[2026-12-02 21:01] 阿杰: 收到
[2026-12-02 21:01] 龍獅隊-強哥: 元旦日朝早10點喺荃灣廣場表演，一共三場，每場20分鐘
[2026-12-02 21:02] 阿杰: 集訓係逢星期二定星期四
[2026-12-02 21:03] 龍獅隊-強哥: @阿杰 星期四夜晚8點，12月10號、17號、24號
[2026-12-02 21:04] 細佬: 獅頭係借定自己買
[2026-12-02 21:05] 龍獅隊-強哥: @細佬 借，總會有兩個新獅頭，按金500
[2026-12-02 21:06] 細佬: 明白
[2026-12-02 21:07] 龍獅隊-強哥: 鑼鼓邊個負責搬？
[2026-12-02 21:08] 阿杰: 我嚟，星期四之前搬去會館
"""


def test_cantonese_a_ding_b_questions_are_answered_and_never_answers() -> None:
    notes = _notes(LION)
    assert notes.script == "zh-Hant"
    by_q = {p.question: p for p in notes.qa}
    ding = [p for q, p in by_q.items() if "定" in q]
    assert len(ding) == 2
    assert any("星期四夜晚" in p.answer for p in ding) and any("按金500" in p.answer for p in ding)
    # the volunteer's "我嚟" answers who carries the drums, never a choice question
    assert not any("定" in p.answer for p in notes.qa)
    assert any(a.owner == "阿杰" and "鑼鼓" in a.task for a in notes.actions)


# -- an organiser's plain event facts ----------------------------------------------------------------------
# a CSV export: a chess club plans its year-end tournament; the organiser states facts with no notice word
CHESS = """时间,发送人,内容
2026-11-27 20:00:00,棋社-老周,各位棋友晚上好，年底比赛的事今天商量一下
2026-11-27 20:00:30,小马,来了
2026-11-27 20:01:00,棋社-老周,12月19号周六棋院快棋积分赛，报名费30元，目前报了18人，上限32人
2026-11-27 20:01:40,小马,奖品有啥
2026-11-27 20:02:10,棋社-老周,冠军奖杯加500，亚军300，季军150
2026-11-27 20:02:50,阿文,比赛在哪下
2026-11-27 20:03:20,棋社-老周,@阿文 棋院二楼大厅
2026-11-27 20:04:00,阿文,我上周去杭州看了场围棋比赛，人超多
2026-11-27 20:04:30,小马,哈哈
2026-11-27 20:05:00,棋社-老周,用时每方15分钟，每步加5秒，一共7轮，首轮按等级分配对
2026-11-27 20:05:40,阿文,裁判谁来
2026-11-27 20:06:10,老秦,我来当裁判，我有二级裁判证
2026-11-27 20:06:40,棋社-老周,好，老秦你周三前把对阵表排出来
2026-11-27 20:07:00,老秦,收到
2026-11-27 20:07:30,棋社-老周,下周四晚上7点在棋院开个赛前会，地点还是二楼小会议室
2026-11-27 20:08:00,阿文,好的
"""


def test_organiser_event_facts_reach_the_notices_and_the_key_points() -> None:
    notes = _notes(CHESS, "chess.csv")
    notices = " ".join(a.text for a in notes.announcements)
    assert "积分赛" in notices and "上限32人" in notices  # a named match with its terms: a 通知
    assert "赛前会" in notices and "小会议室" in notices
    # the prize list answers the short question that asked it
    assert any("奖品" in q.question and "亚军300" in q.answer for q in notes.qa)
    # the organiser's fact-dense rules are part of the matter
    assert any("每步加5秒" in k.text for k in notes.key_points) or "每步加5秒" in notes.summary


def test_organiser_fact_dense_sentence_is_on_the_matter_whatever_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(offline, "SHORT_CHAT", 0)  # read as a long chat: by its words, not by its side remarks
    transcript = parse_text(CHESS, "chess.csv")
    st = analyze(transcript)
    st.topic, st.topic_words, st.chatter = None, frozenset({"裁判"}), frozenset()  # words the rules line does not use
    by_text = {s.text: s for s in offline.candidate_sentences(transcript, st)}
    rules = next(s for t, s in by_text.items() if "每步加5秒" in t)
    aside = next(s for t, s in by_text.items() if "杭州" in t)  # a member's aside with no figures
    assert rules.topical and not aside.topical


# -- personal lines in a discussion ----------------------------------------------------------------------
# a WeChat copy-paste: a hiking group plans a trip; a newcomer introduces himself, members tell their own
# errands and past trips, and one member takes on a purchase for the group
HIKE = """2026-12-03 20:00 徒步群-阿峰
各位晚上好，下周六去梧桐山徒步的事今晚定一下
2026-12-03 20:01 Leo
hi all 我是Leo，刚从北京搬来深圳，平时周末爬爬山，体力一般
2026-12-03 20:01 徒步群-阿峰
欢迎Leo！这次路线走泰山涧上山，全程12公里，爬升900米，早上7点半在梧桐山村口集合
2026-12-03 20:02 小雯
我下周三要去医院复查，12月8号还要去4S店保养车
2026-12-03 20:03 大鹏
我上次在山顶那个小卖部买水一瓶10块，太贵了
2026-12-03 20:04 徒步群-阿峰
午饭各自带干粮，登山杖建议带上
2026-12-03 20:05 小雯
那我周五去超市买10箱矿泉水给大家带上
2026-12-03 20:06 徒步群-阿峰
好的，小雯辛苦，钱从活动经费出
2026-12-03 20:07 大鹏
收到
"""


def test_self_intros_and_own_errands_stay_out_of_the_points_but_work_stays() -> None:
    notes = _notes(HIKE)
    told = notes.summary + " ".join(k.text for k in notes.key_points) + " ".join(q.text for q in notes.quotes)
    assert "刚从北京搬来" not in told and "4S店" not in told and "小卖部" not in told
    assert "泰山涧" in told or any("泰山涧" in a.text for a in notes.announcements)
    assert any(a.owner == "小雯" and "矿泉水" in a.task for a in notes.actions)


# -- a title from the opening line that states the occasion -------------------------------------------------
# pasted "昵称：内容", voice-to-text with no punctuation: a food-bank team's briefing and a few questions
FOODBANK = """周姐：各位义工晚上好我简单讲一下下周日去城南食物银行分拣物资的安排大家先听我说
周姐：这次一共去十个人早上八点半在食物银行后门集合九点开始分拣十二点结束
周姐：第一个是把捐来的米面油按保质期分开过期的一律不要这个最花时间
周姐：第二个是打包家庭包每包一袋米一桶油两包挂面要装得整齐不要超重
周姐：还有大家注意仓库里不能拍照特别是受助家庭的名单上次有人发朋友圈被投诉了
阿Ken：周姐请问要自己带手套吗
周姐：不用那边有一次性手套和围裙
小林：停车方便吗
周姐：后门能停十几台车不过周日上午人多建议坐地铁三号线
阿Ken：好的
小林：收到
"""


def test_title_is_the_occasion_the_opener_states_not_a_truncated_sentence() -> None:
    notes = _notes(FOODBANK)
    assert "下周日去城南食物银行分拣物资的安排" in notes.title
    assert "…" not in notes.title
