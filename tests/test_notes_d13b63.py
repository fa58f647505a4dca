"""Round 63 (d13b63): questions that were never read as questions, and answers read as questions.

- a tag 是吧/对吧 after a statement asks to have it confirmed ("押金退回来是吧"); a give-in ("那就是吧") does not ask.
- a choice after the copula 是 whose first option starts with 统 ("报名是统一报还是各自报") asks; 系统 is still no copula.
- 仲未/还未 closing a clause is the answer "still not" ("仲未，听日先交"), not a question ending in 未.
- 但係唔係 / 但是不是 is "but not", told: no A-not-A question.
- a member the host hands a question to by @ ("@馆员小郑 您帮忙看下呢") answers for the chat: another member's @-question
  to them, and their answer, is listed as Q&A, not dropped as an aside between members.

Every chat below was written for these tests (a badminton club, a Cantonese dance class, a reading club); none is a
dev or eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

from copilot.notes.reading import is_question

START = datetime(2031, 4, 7, 20, 0)


def test_tag_question_asks_and_a_guess_does_not() -> None:
    assert is_question("场地押金活动完了退回来是吧")
    assert is_question("球拍可以借俱乐部的对吧")
    assert not is_question("行，就这样吧，那就是吧")
    assert not is_question("那就是吧")


def test_a_tag_in_the_middle_of_a_long_turn_is_a_filler() -> None:
    # a speaker who goes on after 对吧/是吧 is not waiting for an answer; at the close of the turn it still asks
    assert not is_question("这批物料先要定下来对吧，然后我们再把预算往下压一压，最后交给小吴去下单")
    assert not is_question("上个月的活动大家反馈都不错是吧，所以这次还按那个流程走")
    assert is_question("这批物料先要定下来，然后再压预算对吧")
    assert is_question("報名表週五前交給阿玲是吧")


def test_choice_after_copula_with_tong() -> None:
    assert is_question("比赛报名是统一报还是各自报")
    assert not is_question("这个系统还是老样子")


def test_still_not_and_but_not_are_told() -> None:
    assert not is_question("仲未，听日先交俾我")
    assert not is_question("有位泊车，但係唔係日日都有")
    assert is_question("舞鞋買咗未")


def test_tag_question_is_paired_with_its_answer() -> None:
    notes = chat_notes("羽毛球队-阿斌|周六下午3点体育馆5号场，打完一起吃饭",
                       "小芸|羽毛球是俱乐部出的是吧",
                       "羽毛球队-阿斌|俱乐部出，每人交场地费25元",
                       "小芸|好的",
                       start=START)
    pairs = [(q.asker, q.question, q.answerer, q.answer) for q in notes.qa]
    assert any(a == "小芸" and "俱乐部出的" in qq and b == "羽毛球队-阿斌" and "25元" in ans for a, qq, b, ans in pairs)


def test_cantonese_still_not_answer_pairs_with_the_question() -> None:
    notes = chat_notes("舞蹈班-May姐|下個禮拜六練習照舊，兩點喺社區中心",
                       "阿欣|表演服訂咗未",
                       "舞蹈班-May姐|仲未，禮拜三前大家報尺碼俾我",
                       "阿欣|收到",
                       start=START)
    pairs = [(q.asker, q.question, q.answerer, q.answer) for q in notes.qa]
    assert any(a == "阿欣" and "表演服" in qq and b == "舞蹈班-May姐" and "仲未" in ans for a, qq, b, ans in pairs)


def test_a_question_to_the_member_the_host_handed_questions_to_is_listed() -> None:
    notes = chat_notes("读书会-阿兰|本周日下午两点读书会照常，在社区图书馆三楼",
                       "小蔡|这次读的那本书我还没借到，图书馆还有吗",
                       "读书会-阿兰|@馆员小郑 您帮忙看下呢",
                       "馆员小郑|还有两本，我给你留一本",
                       "老宋|@馆员小郑 借书证过期了怎么续，要带身份证原件吗",
                       "馆员小郑|带身份证到一楼服务台就能续，五分钟",
                       "小蔡|谢谢",
                       start=START)
    pairs = [(q.asker, q.question, q.answerer, q.answer) for q in notes.qa]
    assert any(a == "老宋" and "借书证" in qq and b == "馆员小郑" and "身份证" in ans for a, qq, b, ans in pairs)
