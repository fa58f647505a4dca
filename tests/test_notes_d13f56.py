"""Round 56 (d13f56): the one who sends is the owner, not the one who receives; a numbered answer round hours later
takes the questions it names.

- a clause that hands something TO a member (发给/报给/私讯/發俾 + name or 我) makes the one told (the @-addressed
  member, 你, or the group) its owner — never the recipient;
- a numbered round of answers ("1. 帧率上限：…") matches each item to an open question by the item's head, however
  long ago it was asked, even one a bystander's next line took by coming next;
- "我也是" / "同问" / "+1" never answers a question; a "今晚…统一回答" line holds the questions for the round.

Every chat below was written for these tests; none is an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import exported_notes

START = datetime(2031, 4, 7, 9, 0)  # a Monday morning
_notes = partial(exported_notes, start=START)


def _owner_of(notes, words: str) -> str | None:
    return next((a.owner for a in notes.actions if words in a.task), None)


def _answer_of(notes, words: str) -> str | None:
    return next((q.answer for q in notes.qa if words in q.question), None)


def test_you_report_to_a_named_member_is_yours_not_the_recipients():
    n = _notes("张婶|糯米的事没人回我",
               "周支书|@张婶 糯米合作社统一订，每斤4.5元，你报个数给刘主任",
               "刘主任(合作社)|好")
    assert _owner_of(n, "报个数") == "张婶"


def test_a_co_op_in_a_nickname_is_no_name_of_its_member():
    n = _notes("张婶|糯米的事没人回我",
               "周支书|@张婶 糯米合作社统一订，每斤4.5元，你报个数给刘主任",
               "刘主任(合作社)|好")
    assert all(a.owner != "刘主任(合作社)" for a in n.actions)


def test_send_it_to_me_in_cantonese_is_the_addressed_members():
    n = _notes("阿Ben|隊衫尺碼幾時要俾？",
               "隊長Wing|@阿Ben 隊衫尺碼聽日之內私訊我，阿詩你幫手統計埋啲尺碼好唔好",
               "阿詩|冇問題，我聽晚9點前整理好")
    assert _owner_of(n, "私訊我") == "阿Ben"
    assert _owner_of(n, "統計") == "阿詩"


def test_a_numbered_round_hours_later_answers_the_questions_it_names():
    n = _notes("麦田|新版本钓鱼一拉竿就卡住不动，有人遇到吗",
               "橘子|我也是，苹果手机，重启才好",
               "老咸鱼|手柄能不能用，按键一直没反应",
               "小北极|背包格子上限多少",
               "橘子|仓库界面英文没翻译，截图在上面",
               "麦田|内测到什么时候结束",
               "运营-阿楠|白天的问题都记下来了，晚上8点策划会一起回答，大家先别刷屏",
               "策划-木头|大家晚上好，按收集的顺序回复今天的问题：\n1. 钓鱼卡住：是动画bug，周四上午发热更修\n"
               "2. 手柄支持：下个大版本才加\n3. 背包上限：现在是40格，热更后扩到60格\n4. 内测结束：延长到5月25日",
               step=70)
    assert "动画bug" in (_answer_of(n, "卡住") or "")
    assert "下个大版本" in (_answer_of(n, "手柄") or "")
    assert "40格" in (_answer_of(n, "背包") or "")
    assert "5月25日" in (_answer_of(n, "内测") or "")
    assert all("我也是" not in q.answer for q in n.qa)


def test_same_question_and_plus_one_answer_nothing():
    n = _notes("刘奶奶|体检要空腹吗",
               "周大爷|同问",
               "陈阿姨|+1",
               "黄医生|要空腹，前一天晚上10点后别吃东西")
    assert all(q.answer not in ("同问", "+1") for q in n.qa)
    assert "10点后" in (_answer_of(n, "空腹") or "")
