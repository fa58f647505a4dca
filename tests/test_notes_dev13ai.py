"""Round 38 (dev13ai): classes qa13r18 found, each with chats written for these tests (a choir, a hiking club, a
parents' committee, a Hong Kong church youth group, a photography society, a bakery group-buy, a Taiwan book club).

(1) a 👍 / 👌 / [强] posted alone right after a decision agrees to it only when the line asked for a yes (round 55;
    noise cleaning drops it as a sticker);
(2) an hour with no day of its own goes with the day named before it in the same message ("周六…大家9点前到"),
    also when the to-do is read from its own clause;
(3) an answer to a question for a fact is no to-do of the one answering ("出发前会安排两次线上试讲");
(4) Cantonese doing words (帮手, 执嘢/执拾) make a named member's line with a day a to-do;
(5) a discussion's title is its opener's matter, not whom the opener addresses ("各位义工，…") nor the telling
    ("…的事跟大家说一下");
(6) a newcomer's self-introduction answers no notice or question put to the group.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.dates import find_deadline
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze


def _analyze(text: str):
    return analyze(parse_text(text))


# --- (1) reactions alone are yeses ---

def test_thumbs_up_and_ok_after_a_decision_agree_to_nothing() -> None:
    # (round 55: a 👍/👌 under a decision nobody was asked about takes note of it, like 收到; 小吴 said yes)
    s = _analyze(
        "[2026-12-01 20:00] 合唱团-老周: 新年演出的曲目大家说说\n"
        "[2026-12-01 20:01] 阿芬: 我想唱茉莉花\n"
        "[2026-12-01 20:02] 小吴: 茉莉花挺好，大家都会\n"
        "[2026-12-01 20:03] 合唱团-老周: 那就定了，新年演出唱茉莉花\n"
        "[2026-12-01 20:03] 老马: 👍🏻\n"
        "[2026-12-01 20:04] 阿芬: 👌\n"
        "[2026-12-01 20:05] 合唱团-老周: 下周二晚上第一次排练\n")
    found = [d for d in s.decisions if "茉莉花" in d.text]
    assert found and {"小吴", "合唱团-老周"} <= set(found[0].by) and "老马" not in found[0].by, found


def test_a_sticker_after_a_decision_is_no_yes() -> None:
    # (round 55: [强] under the result took note of it; nobody asked for a yes)
    s = _analyze(
        "[2026-12-01 20:00] 徒步队长阿坤: 周日的线路投个票，A 九溪 B 宝石山\n"
        "[2026-12-01 20:01] 阿坤: 那就走九溪，早上8点集合\n"
        "[2026-12-01 20:02] 大白: [强]\n"
        "[2026-12-01 20:02] 小雨: [捂脸]\n"
        "[2026-12-01 20:03] 阿坤: 记得带水\n")
    found = [d for d in s.decisions if "九溪" in d.text]
    assert found and "大白" not in found[0].by and "小雨" not in found[0].by, found


def test_a_reaction_after_the_decider_moves_on_agrees_to_nothing() -> None:
    # bad input for the rule: the thumbs-up comes after the decider's next, unrelated line
    s = _analyze(
        "[2026-12-01 20:00] 家委会-林妈妈: 毕业礼物大家有什么想法\n"
        "[2026-12-01 20:01] 豆豆妈: 送相册吧\n"
        "[2026-12-01 20:02] 家委会-林妈妈: 那就定了，毕业礼物做班级相册\n"
        "[2026-12-01 20:03] 家委会-林妈妈: 另外下周三家长会别忘了\n"
        "[2026-12-01 20:04] 果果爸: 👍\n")
    found = [d for d in s.decisions if "相册" in d.text]
    assert found and "果果爸" not in found[0].by, found


def test_thumbs_up_from_the_member_given_work_takes_the_work_not_a_vote() -> None:
    s = _analyze(
        "[2026-12-01 20:00] 摄影社-大伟: 年展放哪里，图书馆大厅还是咖啡馆\n"
        "[2026-12-01 20:01] 阿琪: 图书馆大厅人多\n"
        "[2026-12-01 20:02] 摄影社-大伟: 那就定图书馆大厅，小方你周五前去借展架\n"
        "[2026-12-01 20:02] 小方: 👍\n"
        "[2026-12-01 20:03] 老鲍: 👌\n")
    found = [d for d in s.decisions if "图书馆" in d.text]
    # (round 55: 老鲍's 👌 took note too — no yes asked for — and 小方's takes the work)
    assert found and "老鲍" not in found[0].by and "小方" not in found[0].by, found


# --- (2) an hour goes with the day named before it ---

SAID = datetime(2026, 12, 1, 20, 30)  # a Tuesday evening


def test_hour_after_a_weekday_in_the_same_message_is_that_days() -> None:
    message = "周六在滨江公园烘焙市集摆摊，大家9点前到摊位"
    d = find_deadline(message, SAID)
    assert d is not None and d.iso == "2026-12-05 09:00"
    # read from the to-do's own clause, the message still names the day
    d = find_deadline("大家9点前到摊位", SAID, message)
    assert d is not None and d.iso == "2026-12-05 09:00"


def test_cantonese_weekday_then_hour_is_that_morning() -> None:
    message = "禮拜六喺教會禮堂搞聖誕聯歡，大家10點前到幫手佈置"
    d = find_deadline("大家10點前到幫手佈置", SAID, message)
    assert d is not None and d.iso == "2026-12-05 10:00"


def test_evening_named_with_the_day_keeps_the_hour_in_the_evening() -> None:
    message = "這週六晚上讀書會聚餐，大家7點前到"
    d = find_deadline("大家7點前到", SAID, message)
    assert d is not None and d.iso == "2026-12-05 19:00"


def test_hour_with_no_day_named_is_still_tonight() -> None:
    # bad input for the rule: nothing names a day, so "10点前" said at 20:30 is tonight
    message = "群相册大家10点前把照片传上去"
    d = find_deadline("大家10点前把照片传上去", SAID, message)
    assert d is not None and d.iso == "2026-12-01 22:00"


def test_hour_in_a_later_sentence_does_not_borrow_the_day() -> None:
    # a full stop ends the sentence that named Saturday: the hour after it is today's
    d = find_deadline("周六去采摘。大家今晚10点前接龙", SAID)
    assert d is not None and d.iso == "2026-12-01 22:00"


def test_saturday_arrival_reaches_the_todo() -> None:
    s = _analyze(
        "[2026-12-01 20:30] 团购群主-蓉姐: 周六在小区东门分货，大家9点前到东门取货\n"
        "[2026-12-01 20:31] 阿敏: 收到\n")
    got = owned_by(s.actions, "大家")
    assert got and got[0].deadline == "2026-12-05 09:00", s.actions


# --- (3) an answer to a question for a fact is no to-do ---

def test_answer_telling_what_will_happen_before_a_trip_is_no_todo() -> None:
    s = _analyze(
        "[2026-12-01 20:00] 研学营-唐老师: 寒假研学1月20日出发，去西安看兵马俑\n"
        "[2026-12-01 20:01] 果果妈: 出发前还开家长会吗\n"
        "[2026-12-01 20:02] 研学营-唐老师: @果果妈 出发前会开一次线上家长会，链接之后发群里\n")
    assert not [a for a in s.actions if "家长会" in a.task], s.actions
    assert any("家长会" in p.answer and p.asker == "果果妈" for p in s.qa), s.qa


def test_reply_taking_on_what_was_asked_of_the_speaker_stays_a_todo() -> None:
    # bad input for the rule: the question asks the one answering for work, and the answer opens with a yes
    s = _analyze(
        "[2026-12-01 20:00] 阿凯: 横幅你能帮忙在周五前印好吗\n"
        "[2026-12-01 20:01] 广告店-老许: 可以，周五前印好\n")
    assert [a.owner for a in s.actions if "印好" in a.task] == ["广告店-老许"], s.actions


def test_subjectless_promise_to_a_request_stays_the_speakers() -> None:
    s = _analyze(
        "[2026-12-01 20:00] 业主-小钱: 物业能不能帮忙把北门的路灯修一下\n"
        "[2026-12-01 20:01] 物业-刘经理: 收到，这周五之前修好\n")
    assert [a.owner for a in s.actions] == ["物业-刘经理"], s.actions


# --- (4) Cantonese doing words ---

def test_cantonese_named_helper_with_a_day_is_their_todo() -> None:
    s = _analyze(
        "[2026-12-08 21:00] 教會青年團-Joanne: 聖誕聯歡會嘅嘢差唔多準備好\n"
        "[2026-12-08 21:01] 教會青年團-Joanne: 阿Ben你19號下晝過嚟幫手執拾禮堂\n"
        "[2026-12-08 21:02] 阿Ben: 冇問題\n")
    got = [a for a in s.actions if "禮堂" in a.task]
    assert got and got[0].owner == "阿Ben" and got[0].deadline == "2026-12-19", s.actions


def test_cantonese_carry_job_tomorrow_is_the_named_members() -> None:
    s = _analyze(
        "[2026-12-08 21:00] 街坊會-Ivy: 聽日早上派飯\n"
        "[2026-12-08 21:01] 街坊會-Ivy: 阿雄你聽日早上過嚟幫手搬枱\n")
    got = [a for a in s.actions if "搬枱" in a.task]
    assert got and got[0].owner == "阿雄" and got[0].deadline == "2026-12-09", s.actions


def test_cantonese_move_news_is_no_todo() -> None:
    # bad input for the rule: 搬 in a member's own news is no work for the group
    s = _analyze(
        "[2026-12-08 21:00] 街坊會-Ivy: 下個月嘅活動遲啲再講\n"
        "[2026-12-08 21:01] 阿芳: 我哋屋企上個月搬咗去沙田\n")
    assert not s.actions, s.actions


# --- (5) titles ---

def _title(text: str) -> str:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, "chat.txt", settings, get_engine(settings, prefer="offline")).notes.title


def test_title_skips_whom_the_opener_addresses() -> None:
    title = _title(
        "[2026-12-08 21:00] 社区图书角-阿秀: 各位书友，寒假亲子共读活动的安排讲一下\n"
        "[2026-12-08 21:01] 社区图书角-阿秀: 共读活动1月10日开始，每周六上午10点在图书角，一次读一本绘本\n"
        "[2026-12-08 21:02] 小米妈: 亲子共读要报名吗\n"
        "[2026-12-08 21:03] 社区图书角-阿秀: @小米妈 要，周五前在群里接龙报名\n"
        "[2026-12-08 21:04] 乐乐爸: 绘本要自己带吗\n"
        "[2026-12-08 21:05] 社区图书角-阿秀: @乐乐爸 不用，图书角有，共读完可以借回家\n")
    assert "书友" not in title and "各位" not in title, title
    assert "寒假亲子共读" in title and "讲一下" not in title, title


def test_title_cuts_the_telling_after_the_matter() -> None:
    title = _title(
        "[2026-12-02 21:00] 车友会-老韩: 元旦自驾去千岛湖的事跟大家说一下\n"
        "[2026-12-02 21:01] 车友会-老韩: 1月1日早上7点在体育馆停车场集合，自驾去千岛湖，住一晚\n"
        "[2026-12-02 21:02] 阿强: 千岛湖住哪里\n"
        "[2026-12-02 21:03] 车友会-老韩: @阿强 住湖边的民宿，一间380\n"
        "[2026-12-02 21:04] 小叶: 自驾的油费怎么算\n"
        "[2026-12-02 21:05] 车友会-老韩: @小叶 油费按车AA\n")
    assert "千岛湖" in title and "说一下" not in title and "跟大家" not in title, title


def test_title_keeps_a_short_opener_that_is_only_an_address_and_words() -> None:
    # bad input for the rule: nothing but the address is left before the comma; the matter after it is the title
    title = _title(
        "[2026-12-02 21:00] 合唱团-老周: 各位，新年演出的曲目今晚定一下\n"
        "[2026-12-02 21:01] 阿芬: 新年演出唱茉莉花吧\n"
        "[2026-12-02 21:02] 小吴: 茉莉花好，演出大家都会唱\n"
        "[2026-12-02 21:03] 合唱团-老周: 那就定了，演出唱茉莉花\n")
    assert title != "话题讨论：各位" and "演出" in title, title


# --- (6) a self-introduction is no answer ---

def test_self_introduction_after_a_call_to_come_is_no_answer() -> None:
    s = _analyze(
        "[2026-12-03 19:30] 支教队-阿芸: 这周日下午两点在图书馆门口集合，一起去买物资，能来的吗\n"
        "[2026-12-03 19:31] 小林: 大家好我是小林，新来的，请多关照\n"
        "[2026-12-03 19:32] 阿明: 我能来\n")
    assert not [p for p in s.qa if "小林" in p.answer], s.qa


def test_an_at_reply_introducing_oneself_to_who_asked_still_answers() -> None:
    # bad input for the rule: the question asks who the newcomer is, and the reply is addressed to the asker
    s = _analyze(
        "[2026-12-03 19:30] 支教队-阿芸: 下周六开行前会，地点在学生活动中心203\n"
        "[2026-12-03 19:31] 阿明: @小林 你是哪个学院的呀\n"
        "[2026-12-03 19:32] 小林: @阿明 我是小林，数学学院大二的，请多关照\n")
    assert any(p.asker == "阿明" and "数学学院" in p.answer for p in s.qa), s.qa


# --- (7) carrying something over on a day is work, not the speaker's own trip ---

def test_carrying_something_over_on_a_day_is_a_todo() -> None:
    s = _analyze(
        "[2026-12-08 21:00] 街坊會-Ivy: 禮拜六派米要用兩架手推車\n"
        "[2026-12-08 21:01] 阿強: 我禮拜五把手推車帶過去會堂\n")
    got = [a for a in s.actions if "手推車" in a.task]
    assert got and got[0].owner == "阿強" and got[0].deadline == "2026-12-11", s.actions


def test_going_somewhere_on_a_day_stays_the_speakers_own_trip() -> None:
    # bad input for the rule: no carrying verb, the speaker only goes somewhere
    s = _analyze(
        "[2026-12-08 21:00] 街坊會-Ivy: 禮拜六派米要用兩架手推車\n"
        "[2026-12-08 21:01] 阿強: 我禮拜五要去醫院覆診\n")
    assert not s.actions, s.actions
