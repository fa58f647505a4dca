"""Issue 13, round 31 (dev13l): decisions, who agreed, and whose words. A line that closes a proposal the
members agreed to (行，/好，/那就/咁 + what is done, then work given out) is a decision and a to-do; agree
lists count one-token votes by their choice, never a voter for another option, a yes that only took on
work, nor the decider as agreeing with themself; the summary's 接下来 names an assignee as the owner,
never as the speaker of the assigner's words; a recurring session time is no deadline. Every chat here is
written for these tests."""

from __future__ import annotations

from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import render_markdown, summarize_text
from copilot.notes.model import Message, Notes
from copilot.notes.noise import noise_reason


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _decision(notes: Notes, *words: str):
    found = [d for d in notes.decisions if all(w in d.text for w in words)]
    assert found, [d.text for d in notes.decisions]
    return found[0]


# -- 1. a decision made in the line that gives the work -------------------------------------------------
CHOIR = """2026-12-01 20:00:00 团长阿梅
元旦音乐会的曲目基本定了，再商量一下服装
2026-12-01 20:01:00 小林
我提议加一个童声合唱，好多团员家里有小朋友
2026-12-01 20:02:00 老郑
同意
2026-12-01 20:02:30 Vivian
好啊
2026-12-01 20:03:00 阿豪
+1
2026-12-01 20:04:00 团长阿梅
行，加童声合唱，小林你提的你来负责排练和报名表，下周三前给我
"""


def test_an_agreed_proposal_closed_with_an_assignment_gives_a_decision_and_the_to_do() -> None:
    notes = _notes(CHOIR)
    d = _decision(notes, "童声合唱")
    assert "你来负责" not in d.text  # the decided content, not the work given
    assert d.decider == "团长阿梅"
    assert {"小林", "老郑", "Vivian", "阿豪"} <= set(d.by)
    todo = [a for a in notes.actions if "报名表" in a.task]
    assert len(todo) == 1 and todo[0].owner == "小林" and todo[0].deadline == "2026-12-09"


CSV_TRIP = """时间,发送人,内容
2026-12-02 21:00,领队老K,还有个事，保险要不要统一买，各买各的太乱
2026-12-02 21:01,铁锤,同意统一买
2026-12-02 21:01,胖虎,同意
2026-12-02 21:02,小雨,赞成
2026-12-02 21:03,领队老K,好，保险统一买，我来办，明晚把名单和身份证号收齐
"""


def test_a_csv_export_decision_where_the_decider_takes_the_work_himself() -> None:
    notes = _notes(CSV_TRIP, "trip.csv")
    d = _decision(notes, "保险统一买")
    assert "我来办" not in d.text
    assert {"铁锤", "胖虎", "小雨"} <= set(d.by)
    todo = [a for a in notes.actions if "名单" in a.task]
    assert todo and todo[0].owner == "领队老K" and todo[0].deadline == "2026-12-03"


CANTONESE = """[2026-12-03 19:00] 芬姐: 做完騷之後大家一齊食餐飯好唔好
[2026-12-03 19:01] 阿Ken: 好呀
[2026-12-03 19:01] 靚姨: 贊成
[2026-12-03 19:02] 阿玲: 冇問題
[2026-12-03 19:03] 芬姐: 咁做完騷之後去附近嘅茶樓食飯，AA，我訂枱
"""


def test_a_cantonese_decision_stays_traditional_and_keeps_the_to_do() -> None:
    notes = _notes(CANTONESE)
    d = _decision(notes, "茶樓食飯")
    assert "AA" in d.text and "我訂枱" not in d.text
    assert {"阿Ken", "靚姨", "阿玲"} <= set(d.by)
    assert any(a.owner == "芬姐" and "訂枱" in a.task for a in notes.actions)
    md = render_markdown(notes)
    # the decider is shown as the one who settled it, not among those who agreed
    line = next(x for x in md.splitlines() if "茶樓食飯" in x and x.startswith("- "))
    agreed = line.split("同意：", 1)[1]
    assert "芬姐" not in agreed and "阿Ken" in agreed


VOICE = """陈队长：这周六去敬老院 给老人带点什么大家觉得呢
王阿姨：买点水果吧
小刘：水果好 要软一点的
老赵：同意
陈队长：那就买水果礼盒预算三百以内用活动经费王阿姨你周六早上顺路买一下
"""


def test_an_unpunctuated_voice_line_splits_at_the_named_owner() -> None:
    notes = _notes(VOICE)
    d = _decision(notes, "水果礼盒", "三百以内")
    assert "王阿姨" not in d.text and "顺路" not in d.text
    assert "王阿姨" in d.by  # she suggested the fruit when the matter was put up as a question
    assert any(a.owner == "王阿姨" and "顺路买" in a.task for a in notes.actions)


def test_an_acceptance_head_with_no_agreement_before_it_is_no_decision() -> None:
    chat = """2026-12-04 10:00:00 阿青
周六的义卖场地还没订
2026-12-04 10:01:00 阿青
行，我明天上午去居委会订场地
"""
    notes = _notes(chat)
    assert not notes.decisions
    assert owned_by(notes.actions, "阿青")
    # a yes to something else is no agreement to what the line says
    chat2 = """2026-12-04 10:00:00 阿青
今天天气真好
2026-12-04 10:01:00 豆豆
是啊可以
2026-12-04 10:02:00 阿青
好，周六义卖的横幅豆豆你来印
"""
    assert not _notes(chat2).decisions


# -- 2. agree lists ---------------------------------------------------------------------------------------
VOTE = """2026-12-05 20:00:00 老K
元旦自驾两条线：A线走318去新都桥，B线走丹巴，大家投个票
2026-12-05 20:01:00 阿May
我投B，B线人少
2026-12-05 20:01:30 大胖
A
2026-12-05 20:02:00 铁柱
A线
2026-12-05 20:02:30 小雨
同意A
2026-12-05 20:03:00 老K
那就定A线
"""


def test_one_token_votes_count_by_their_choice_and_a_voter_for_b_agrees_to_nothing() -> None:
    notes = _notes(VOTE)
    d = _decision(notes, "A线")
    assert {"大胖", "铁柱", "小雨"} <= set(d.by)
    assert "阿May" not in d.by


def test_a_lone_option_letter_is_a_vote_not_a_sticker() -> None:
    assert noise_reason(Message(id=1, speaker="大胖", text="A", time=None)) is None
    assert noise_reason(Message(id=1, speaker="大胖", text="b！", time=None)) is None
    # a kaomoji of letters is still one
    assert noise_reason(Message(id=1, speaker="大胖", text="T_T", time=None)) is not None


ENGLISH_CORNER = """2026-11-20 19:00:00 Lily
Sunny你帮忙把下次的签到表打印一下
2026-11-20 19:01:00 Sunny
没问题
2026-11-20 19:03:00 Lily
另外从12月起每周二晚上再加一场线上场
2026-11-20 19:04:00 Tom
好啊
2026-11-20 19:04:30 阿强
支持
2026-11-20 19:05:00 Lily
那就定了，从12月1日起每周二晚8点加一场腾讯会议线上场，会议号我来发
"""


def test_a_yes_that_took_on_earlier_work_is_no_agreement_with_the_later_proposal() -> None:
    notes = _notes(ENGLISH_CORNER)
    d = _decision(notes, "线上场")
    assert {"Tom", "阿强"} <= set(d.by)
    assert "Sunny" not in d.by


# -- 3. whose words the summary's 接下来 gives ----------------------------------------------------------
ROUTE = """2026-12-06 20:00:00 领队老K
元旦自驾大家商量一下 路线定哪条
2026-12-06 20:01:00 铁柱
我觉得走318，风景好路况也还行
2026-12-06 20:02:00 小雨
318可以，我第一次去川西
2026-12-06 20:03:00 领队老K
那就定了走318。几件事分一下：路书和每天行程铁柱你来做，周五前发群里
2026-12-06 20:04:00 铁柱
收到
"""


def test_the_next_step_names_the_assignee_as_owner_not_as_the_speaker() -> None:
    notes = _notes(ROUTE)
    assert "铁柱负责" in notes.summary
    assert "铁柱：路书" not in notes.summary and "铁柱你来做" not in notes.summary.split("接下来", 1)[-1]


# -- 4. deadlines from the right time word ----------------------------------------------------------------
def test_a_recurring_session_time_is_no_deadline() -> None:
    notes = _notes(ENGLISH_CORNER)
    code = [a for a in notes.actions if "会议号" in a.task]
    assert code and code[0].owner == "Lily"
    # not the Tuesday before the sessions start (11-24 20:00): at the earliest when they start
    assert code[0].deadline is None or code[0].deadline >= "2026-12-01"
    assert "周二晚8点" not in (code[0].deadline_text or "")


# -- an instruction is no decision -------------------------------------------------------------------------
CONVOY = """2026-12-07 20:00:00 领队老K
说正事，几件事分一下：路书和每天行程铁柱你来做
2026-12-07 20:01:00 铁柱
没问题
2026-12-07 20:02:00 领队老K
对讲机，频道统一用409.750，每台车自己带
2026-12-07 20:03:00 领队老K
急救包小雨你来准备，周五前买好
2026-12-07 20:04:00 小雨
收到
"""


def test_an_instruction_nobody_put_up_or_agreed_to_is_no_decision() -> None:
    notes = _notes(CONVOY)
    assert not any("409.750" in d.text for d in notes.decisions), notes.decisions
    # the same words settle something once members asked about it and agreed
    asked = """2026-12-07 20:00:00 铁柱
对讲机频道统一用哪个？
2026-12-07 20:01:00 小雨
用409.750吧，上次就是这个
2026-12-07 20:01:30 铁柱
同意
2026-12-07 20:02:00 领队老K
对讲机，频道统一用409.750，每台车自己带
"""
    assert any("409.750" in d.text for d in _notes(asked).decisions)


def test_the_week_of_the_event_dates_work_for_it_at_the_event_not_after() -> None:
    chat = """2026-11-19 19:00:00 Lily
下周四英语角主题是“点餐”，地点还是图书馆三楼
2026-11-19 19:01:00 Lily
另外下周点餐场景要准备菜单道具，Sunny你打印一下菜单，10份
2026-11-19 19:02:00 Sunny
好的
"""
    menu = [a for a in _notes(chat).actions if "菜单" in a.task]
    assert menu and menu[0].owner == "Sunny"
    assert menu[0].deadline is None or menu[0].deadline <= "2026-11-26"
    # a week word saying when someone acts is still the week's end, event or not
    acts = _notes("""2026-11-19 19:00:00 Lily
下周四英语角主题是“点餐”，地点还是图书馆三楼
2026-11-19 19:01:00 Sunny
那报销单我下周就交
""")
    assert [a.deadline for a in acts.actions if "报销单" in a.task] == ["2026-11-29"]


def test_work_done_every_week_keeps_its_words_and_no_one_date() -> None:
    chat = """2026-11-03 17:00:00 护士长
这个月的值班表改成阿琳负责，每周三把值班表交给我
2026-11-03 17:01:00 阿琳
好的
"""
    duty = [a for a in _notes(chat).actions if "值班表" in a.task]
    assert duty and duty[0].owner == "阿琳"
    assert duty[0].deadline is None and "周三" in (duty[0].deadline_text or "")
