"""Round 23 of issue 13: side questions between two members kept out of the Q&A, "这周" as a deadline
only when a task follows it, a name on its own (a vocative in voice-to-text) never an owner. Every
input is written for this test (not taken from an eval chat)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import render_markdown, summarize_text
from copilot.notes.dates import find_deadline
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze
from copilot.notes.todos import find_actions

SAID = datetime(2027, 4, 14, 20, 0)  # a Wednesday evening


def test_this_week_is_a_deadline_only_when_a_task_follows_it() -> None:
    d = find_deadline("报销单我这周就交上去", SAID)
    assert (d.text, d.day, d.marked) == ("这周", date(2027, 4, 18), False)
    assert find_deadline("下星期把照片整理好", SAID).day == date(2027, 4, 25)
    assert find_deadline("这周都在外地出差", SAID) is None  # when, not by when
    assert find_deadline("这周内交", SAID).marked  # the marked form is unchanged


def _chat(lines: list[tuple[str, str]], day: str = "2027-04-14") -> str:
    return "\n".join(f"[{day} 20:{i:02d}] {who}: {text}" for i, (who, text) in enumerate(lines))


def test_a_name_on_its_own_addresses_and_owns_nothing() -> None:
    text = _chat([("业主-老彭", "师傅们周末能进场吗"),
                  ("木工-小蒋", "彭哥 柜子的板材我周五之前拉到楼下 到了给你打电话"),
                  ("业主-老彭", "好的辛苦")])
    actions, _, _ = find_actions(parse_text(text).messages)
    assert [(a.owner, a.deadline) for a in actions] == [("木工-小蒋", "2027-04-16")]
    assert "板材" in actions[0].task


SIDE = [("站长-罗姐", "本周六的植树活动在滨江公园东门集合，早上8点签到，一共报了40人"),
        ("志愿者-阿诚", "收到"),
        ("站长-罗姐", "手套和铁锹站里准备，水自己带"),
        ("志愿者-小蔓", "@志愿者-阿诚 你家狗狗上次做完手术恢复得怎么样"),
        ("志愿者-阿诚", "好多了，现在能跑能跳，就是还不让洗澡"),
        ("志愿者-小蔓", "那就好"),
        ("志愿者-大卫", "站长，下雨的话还去吗"),
        ("站长-罗姐", "小雨照常，大雨改到下周六，前一天晚上群里通知"),
        ("志愿者-小蔓", "要穿长袖吗"),
        ("站长-罗姐", "最好长袖长裤，公园里蚊子多"),
        ("志愿者-大卫", "好的"),
        ("站长-罗姐", "签到表我周五晚上发群里，大家别迟到"),
        ("志愿者-阿诚", "明白")]


def test_a_side_question_to_a_peer_is_no_question_and_answer() -> None:
    st = analyze(parse_text(_chat(SIDE)))
    asked = [p.question for p in st.qa]
    assert not any("狗狗" in q for q in asked)
    # the group's own questions are still there, each with its answer
    assert any("下雨" in p.question and "大雨" in p.answer for p in st.qa)
    assert any("长袖" in p.question and "长裤" in p.answer for p in st.qa)


def test_a_peer_question_on_the_chat_s_business_stays() -> None:
    lines = [*SIDE[:3], ("志愿者-小蔓", "@志愿者-阿诚 你上次植树用的铁锹还在站里吗"),
             ("志愿者-阿诚", "在的，放在仓库铁锹架上"), *SIDE[6:]]
    st = analyze(parse_text(_chat(lines)))
    assert any("铁锹" in p.question for p in st.qa)


def _actions(lines: list[tuple[str, str]]) -> list[tuple[str | None, str, str | None]]:
    actions, _, _ = find_actions(parse_text(_chat(lines)).messages)
    return [(a.owner, a.task, a.deadline) for a in actions]


def test_a_condition_on_who_gives_the_group_the_task() -> None:
    got = _actions([("社长-老童", "五一骑行去千岛湖，两天一夜"),
                    ("社长-老童", "谁要是想去，这周五之前在群里接龙，名额20个"),
                    ("社长-老童", "哪位有车的话周六早上顺路带两个人")])
    assert [(o, d) for o, _, d in got] == [("大家", "2027-04-16"), ("大家", "2027-04-17")]
    assert "接龙" in got[0][1]
    # asking who will is a question, not a task; the question is not read as one either
    assert _actions([("社长-老童", "谁有空周六帮忙搬帐篷？")]) == []
    st = analyze(parse_text(_chat([("社长-老童", "谁要是想去，这周五之前在群里接龙"), ("队员-阿芝", "我去")])))
    assert st.qa == []


def test_one_person_asked_to_hand_something_over_owes_it() -> None:
    got = _actions([("仓管-老茅", "@队员-阿芝 明天把仓库钥匙给我"), ("队员-阿芝", "好")])
    assert [(o, d) for o, _, d in got] == [("队员-阿芝", "2027-04-15")]
    # money said to the group with no day stays a reminder
    assert _actions([("仓管-老茅", "押金交给我")]) == []



def test_an_open_question_nobody_takes_up_stays_out_of_the_summary(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline")
    lines = [*SIDE[:3], ("志愿者-大卫", "站长，下雨的话还去吗"), ("站长-罗姐", "小雨照常，大雨改到下周六"),
             ("志愿者-小蔓", "好久没去看电影了，这周末有人一起吗"), ("志愿者-阿诚", "我我我"),
             ("志愿者-小蔓", "要穿长袖吗"), ("站长-罗姐", "最好长袖长裤，公园里蚊子多"),
             ("站长-罗姐", "签到表我周五晚上发群里，大家别迟到"), ("志愿者-大卫", "好的"), ("志愿者-阿诚", "明白")]
    notes = summarize_text(_chat(lines), "chat.txt", settings, get_engine(settings)).notes
    told = render_markdown(notes, appendix=False).split("## 问答")[0]  # the summary and the key points
    assert "电影" not in told
    assert "滨江公园" in told and "签到表" in told


def test_an_invitation_that_asks_who_is_no_one_s_task() -> None:
    assert _actions([("队员-阿芝", "好久没吃火锅了，周末谁约")]) == []  # 好久 opens no "好，…" reply
    assert [(o, d) for o, _, d in _actions([("队员-阿芝", "好，周五前把表交上来")])] == [("队员-阿芝", "2027-04-16")]


def test_a_request_put_as_a_question_gives_the_one_asked_the_work() -> None:
    got = _actions([("团长-阿兰", "取货点今天人太多了，小罗你下午能帮我去仓库搬两箱吗"), ("小罗", "可以")])
    assert [o for o, _, _ in got] == ["小罗"]
    assert _actions([("团长-阿兰", "小罗你下午有空吗")]) == []  # asking about someone is no request


def test_a_condition_the_group_is_told_to_act_on_is_its_to_do() -> None:
    got = _actions([("班主任-周老师", "秋游方案发群文件了 各位家长看过没意见的话周五之前在群里回个收到")])
    assert [(o, d) for o, _, d in got] == [("大家", "2027-04-16")]
    assert _actions([("班主任-周老师", "如果下雨的话，我们改到室内")]) == []


def test_possession_hand_offs_and_payments_name_the_right_person() -> None:
    # the one who has the thing hands it over; the one it goes to owes nothing
    got = _actions([("社长-老童", "音箱谁拿着呢"), ("队员-阿芝", "音箱在我这儿，周六带去活动室给小满")])
    assert [(o, d) for o, _, d in got] == [("队员-阿芝", "2027-04-17")]
    # money handed to someone named is owed by the payers, however sure the owner model is of the payee
    got = _actions([("社长-老童", "车费交给会计阿蓉，一人40，周五之前")])
    assert [(o, d) for o, _, d in got] == [("大家", "2027-04-16")]


def test_a_verb_inside_a_word_is_no_whoever_clause() -> None:
    # 运动会的横幅: "会…的" inside 运动会 is not "whoever will"; the person asked does it
    got = _actions([("班主任-周老师", "@家委-李爸爸 运动会的横幅麻烦您联系一下打印店，周四前要")])
    assert [(o, d) for o, _, d in got] == [("家委-李爸爸", "2027-04-15")]


def test_what_is_done_then_what_is_promised() -> None:
    got = _actions([("队员-阿芝", "旧衣服我昨天收了三十多件，周六之前分好类")])
    assert [(o, d) for o, _, d in got] == [("队员-阿芝", "2027-04-17")]
    assert _actions([("队员-阿芝", "我报了500")]) == []  # the past alone promises nothing


def test_yes_no_questions_take_their_yes_or_no() -> None:
    lines = [("教练-老温", "周六上午的游泳课8点开始，在体育中心二楼泳池"),
             ("家长-小满妈", "上次的泳帽还要带吗"),
             ("家长-阿朵爸", "@家长-小满妈 你家小满报暑假的集训了吗"),
             ("家长-小满妈", "报了，七月那期"),
             ("教练-老温", "不用带了，这期统一发新的"),
             ("家长-奶奶", "我不会扫码，能交现金吗"),
             ("教练-老温", "可以的，上课前交给我就行")]
    st = analyze(parse_text(_chat(lines)))
    pairs = {(p.asker, p.answerer): p for p in st.qa}
    # the @-question to the asker about something else opens its own question, not an answer
    assert "不用带" in pairs[("家长-小满妈", "教练-老温")].answer
    assert "可以的" in pairs[("家长-奶奶", "教练-老温")].answer


def test_from_now_on_i_will_and_whoever_it_does_not_fit() -> None:
    got = _actions([("社长-老童", "借书登记本谁来管"), ("队员-阿芝", "好，借阅登记以后我来管")])
    assert [o for o, _, _ in got] == ["队员-阿芝"]
    assert _actions([("队员-阿芝", "以后都是我做饭")]) == []  # a habit told, not a task
    got = _actions([("社长-老童", "队旗只剩3面，尺寸不合适的周五前私信我")])
    assert [(o, d) for o, _, d in got] == [("大家", "2027-04-16")]
