"""Round 59 (d13d59): what a fresh QA found — one change line moving two fields ("开打时间从8:00改到9:30，报到时间改成
8:30") must mark each old value with its own field's new value; a far answer that names the asker and says it takes up
their question ("小雅 你刚才问补考的事：…") answers it and is not the asker's to-do; a line saying the work is done
("阿斌来过了 打印机修好了") is no open to-do, and it closes the request it reports on.

Every chat below was written for these tests (a badminton club, a team outing, a driving school, a dormitory, an
office); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2029, 10, 10, 20, 0)


def _rendered(notes) -> str:  # every line the notes show, to find a marked value wherever it is put
    parts = [k.text for k in notes.key_points] + [a.text for a in notes.announcements] + [a.task for a in notes.actions]
    return "\n".join(parts)


def test_the_changed_mark_takes_the_new_value_of_the_same_field() -> None:
    notes = chat_notes("社長阿豪|各位志工晚安，10月20日（六）校際羽球賽，報到時間早上7:00，地點體育館側門",
                       "小芳|收到",
                       "阿傑|要帶什麼嗎",
                       "社長阿豪|穿社服就好，水我們準備",
                       "社長阿豪|重要通知：因為場館要先消毒，比賽開打時間從早上8:00改到9:30，報到時間改成8:30，大家不用7:00到了",
                       start=START)
    shown = _rendered(notes)
    assert "報到時間早上7:00（已改：8:30）" in shown
    assert "（已改：9:30）" not in shown


def test_two_fields_in_simplified_chinese_each_keep_their_own_value() -> None:
    notes = chat_notes("行政-Lily|各位同事，周六团建去千岛湖，集合时间早上7:30，地点公司楼下东门",
                       "阿峰|收到",
                       "小何|午饭包吗",
                       "行政-Lily|包午饭，晚饭自理",
                       "行政-Lily|更新一下：大巴公司那边调车，出发时间从8:00改到9:15，集合时间改成8:45，早上不用那么赶了",
                       start=START)
    shown = _rendered(notes)
    assert "（已改：9:15）" not in shown
    assert "7:30（已改：8:45）" in shown


def test_a_far_answer_naming_the_asker_answers_their_question_and_is_not_their_todo() -> None:
    notes = chat_notes("教练-老郑|各位学员晚上好，科目二考试定在11月28日上午，考场在北郊驾考中心",
                       "小雅|补考的话要另外交钱吗",
                       "教练-老郑|那就这么定了：周六周日两天集中练倒库，每人练满4小时",
                       "阿强|收到",
                       "阿强|练车要自己带水吗",
                       "教练-老郑|车上有矿泉水",
                       "大鹏|我周日上午有事，能改下午吗",
                       "教练-老郑|可以，大鹏排周日下午",
                       "阿强|我周六刚好轮休",
                       "教练-老郑|小雅 你刚才问补考的事：第一次补考免费，第二次起每次交50元",
                       "小雅|好的谢谢教练",
                       start=START)
    pair = next(p for p in notes.qa if "补考" in p.question)
    assert pair.asker == "小雅" and "第一次补考免费" in pair.answer and "倒库" not in pair.answer
    assert not any("补考" in a.task for a in notes.actions)


def test_another_members_report_is_no_answer_to_a_question_answered_later_by_name() -> None:
    notes = chat_notes("组长-书虫|这个月读《额尔古纳河右岸》，4月27日周六下午2点在城西图书馆二楼分享",
                       "阿敏|要提前在图书馆预约座位吗",
                       "老周|我上次借的书还没还 逾期罚了5块",
                       "小蓝|我已经看到一半了",
                       "老周|哈哈",
                       "小蓝|这本写得真好",
                       "组长-书虫|阿敏，关于你说的预约：不用预约，二楼活动室我已经订好了",
                       start=START)
    pair = next(p for p in notes.qa if "预约" in p.question)
    assert "不用预约" in pair.answer and "罚" not in pair.answer
    assert not any("预约" in a.task for a in notes.actions)


def test_a_line_saying_the_repair_is_done_is_no_todo_and_closes_the_request() -> None:
    notes = chat_notes("行政-阿May|各位早，今天下午3点消防演练，听到铃声从安全通道下楼",
                       "财务-小陈|三楼打印机又卡纸了 打不出来",
                       "行政-阿May|@财务-小陈 已经报给IT部的阿斌了，中午12点前过去看",
                       "财务-小陈|好的 谢谢",
                       "行政-阿May|@设计-老吴 会议室的投影幕布明天下班前收好放回仓库",
                       "设计-老吴|好 明天下班前收",
                       "财务-小陈|阿斌来过了 打印机修好了 换了个搓纸轮",
                       start=START)
    assert not any("修好" in a.task or "过去看" in a.task for a in notes.actions)
    assert any("幕布" in a.task for a in notes.actions)  # the work still to do stays


def test_a_repair_given_to_the_group_closes_when_the_one_who_asked_says_it_is_fixed() -> None:
    notes = chat_notes("宿管-周阿姨|各位同学早，本周六上午9点到11点宿舍楼停电检修，冰箱里的东西提前处理一下",
                       "503-小林|我们宿舍空调不制冷好几天了 报修单号BX-1107",
                       "宿管-周阿姨|@503-小林 已经派给后勤的王师傅了，今天下午4点前过去",
                       "503-小林|好的 谢谢阿姨",
                       "宿管-周阿姨|@211-大刘 楼道的消防通道别再放自行车了，明天中午前挪走",
                       "211-大刘|好 明天中午前挪",
                       "503-小林|王师傅来过了 修好了 加了点氟收了60块",
                       start=START)
    assert not any("王师傅" in a.task for a in notes.actions)
    assert any("自行车" in a.task for a in notes.actions)


def test_a_promise_to_fix_is_still_open() -> None:
    notes = chat_notes("宿管-周阿姨|@503-小林 已经派给后勤的王师傅了，今天下午4点前过去",
                       "503-小林|好的 谢谢阿姨",
                       "503-小林|王师傅说零件没带 明天再来修",
                       start=START)
    assert any("王师傅" in a.task for a in notes.actions)
