"""Round 55 (d13d55): 「…我来签到」 is work, not the speaker's attendance; 「@X 书架…前弄好」 that X answers with 「好的」 is X's."""
from copilot.notes.handovers import _told_then_taken
from copilot.notes.model import ActionItem
from copilot.notes.parse import parse_text
from copilot.notes.reading import People
from copilot.notes.structure import analyze


def _analysed(lines: list[str]):
    return analyze(parse_text("\n".join(lines) + "\n", suffix=".txt")).actions


def test_signing_people_in_on_the_event_day_is_a_to_do():
    acts = _analysed([
        "[2028-04-10 12:00] 班主任-王老师: 4月22日周六校园开放日，家长志愿者请留意",
        "[2028-04-10 12:06] 家长-乐乐爸: 开放日当天早上7点半我来签到",
    ])
    sign = [a for a in acts if "签到" in a.task]
    assert sign and sign[0].owner == "家长-乐乐爸"
    assert sign[0].deadline and sign[0].deadline.startswith("2028-04-22")


def test_work_told_to_the_member_an_at_opens_with_is_theirs_once_they_say_yes():
    acts = _analysed([
        "[2028-09-12 19:20] 农场-林叔: 通知：9月23日周六秋收，早上7点在农场门口集合",
        "[2028-09-12 19:23] 农场-林叔: @会员-阿玲 麻袋秋收前两天送到仓库",
        "[2028-09-12 19:24] 会员-阿玲: 没问题",
    ])
    sacks = [a for a in acts if "麻袋" in a.task]
    assert sacks and sacks[0].owner == "会员-阿玲"
    assert sacks[0].deadline == "2028-09-21"


def test_an_at_answering_that_members_own_question_stays_a_reply():
    msgs = parse_text("\n".join([
        "[2028-09-12 19:20] 农场-林叔: 通知：9月23日周六秋收，早上7点在农场门口集合",
        "[2028-09-12 19:22] 会员-阿玲: 麻袋要什么时候送？",
        "[2028-09-12 19:23] 农场-林叔: @会员-阿玲 麻袋秋收前两天送到仓库",
        "[2028-09-12 19:24] 会员-阿玲: 好的",
    ]) + "\n", suffix=".txt").messages
    told = msgs[2]
    act = ActionItem(task="麻袋秋收前两天送到仓库", owner="农场-林叔", deadline="2028-09-21", deadline_text="秋收前两天",
                     sources=[told.id])
    _told_then_taken([act], msgs, People.of(msgs))
    assert act.owner == "农场-林叔"
    # without the question before it, the same @ and yes hand the work on
    _told_then_taken([act], [msgs[0], msgs[2], msgs[3]], People.of(msgs))
    assert act.owner == "会员-阿玲"
