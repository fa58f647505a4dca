"""Round 64 (d13e64): a line labelled 公告 is an announcement.

"另外公告：1月10日…有线下外拍，报名费120元，想去的私信我报名" after a talk's homework line was nowhere in the notes
(not in 公告, 待办 or 附录): "公告：" is the same explicit label as "通知：", so the line is a notice, in Simplified and
in Traditional chats alike.

Every chat below was written for these tests (a night-photography talk, a pottery club); none is a dev or eval chat.
"""

from __future__ import annotations

from datetime import datetime

from chat_lines import chat_notes

START = datetime(2031, 12, 6, 19, 30)

PHOTO = ("阿青|大家晚上好，今晚的分享开始啦",
         "阿青|欢迎老周来讲「手机夜景拍摄」，先听讲，最后统一提问",
         "老周|夜景最重要的是稳，手机一定要靠在栏杆或者用三脚架",
         "老周|第一，关掉闪光灯，开夜景模式，曝光时间让手机自己算",
         "老周|第二，对焦点点在亮处，再把曝光往下拉一点，灯才不会糊成一团",
         "老周|差不多就这些，大家可以提问了",
         "小鹿|没有三脚架怎么办？",
         "老周|把手机放在包上或者地上，用两秒自拍定时，按快门的抖动就没了",
         "阿青|作业：每人本周日前拍一张夜景发到群相册，老周会挑几张点评",
         "阿青|另外公告：1月10日在西湖断桥有线下外拍，报名费120元，想去的私信我报名",
         "小鹿|我要报名",
         "阿青|今天就到这里，谢谢老周，晚安")


def test_a_notice_labelled_gonggao_after_homework_is_an_announcement() -> None:
    notes = chat_notes(*PHOTO, start=START)
    notices = [a for a in notes.announcements if "断桥" in a.text]
    assert len(notices) == 1
    assert "报名费120元" in notices[0].text and notices[0].kind == "通知"
    assert any(a.kind == "作业" and "夜景" in a.text for a in notes.announcements)  # the homework stays too


def test_a_traditional_gonggao_line_is_an_announcement() -> None:
    notes = chat_notes("陶藝社-阿珊|各位晚安，這週的拉坯練習辛苦了",
                       "陶藝社-阿珊|公告：1月18日下午兩點在工作室有釉藥體驗課，材料費600元，要參加的私訊我",
                       "阿凱|我要參加",
                       "小晴|+1",
                       start=START)
    notices = [a for a in notes.announcements if "釉藥" in a.text]
    assert len(notices) == 1 and "600元" in notices[0].text
    assert not any("釉藥" in a.task for a in notes.actions)  # told to the group, nobody's to-do
