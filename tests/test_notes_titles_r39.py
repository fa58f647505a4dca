"""Round 39 (d13c): a title says what happened — a discussion's matter and what it settled, a talk's theme and
speaker — and never cuts a figure short.

Every chat below was written for these tests (a pottery studio, a neighbourhood choir's rehearsal room, a Taiwan
cycling club, a beekeeping talk, a hiking club's route vote, youth badminton trials, a
photography club's sign-up); none is a QA or eval chat.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes

from copilot.evals.notes import cut_figures
from copilot.notes.corrections import superseded
from copilot.notes.model import Transcript
from copilot.notes.offline import summarize_offline
from copilot.notes.reading import stated_topic
from copilot.notes.script import make_shadow, restore_notes
from copilot.notes.structure import analyze

START = datetime(2026, 12, 10, 20, 0)
_msgs = partial(chat_lines, start=START, first_id=1)  # "speaker|text" lines, one a minute


_notes = partial(chat_notes, start=START, first_id=1)


KILN = (
    "陶艺室-阿岚|下个月的拉坯体验课放周六还是周日，今晚定一下",
    "阿岚|周六的话能约到两位老师，周日只有一位",
    "小葵|我周日比较方便",
    "老屈|周六吧，两位老师一人带6个，学员学得快",
    "米米|我也投周六",
    "小葵|那行，周六我也能调",
    "陶艺室-阿岚|好，那就定了：1月9日周六下午2点，每人收费280元含烧制",
    "老屈|同意",
    "米米|+1",
    "陶艺室-阿岚|米米帮忙明天把报名链接发出来",
    "米米|好的",
)


def test_a_discussion_is_titled_by_the_option_it_settled_not_the_one_that_lost() -> None:
    n = _notes(*KILN)
    matter, _, settled = n.title.partition("：")  # the question put ("…放周六还是周日"), then what was settled
    assert "1月9日周六下午2点" in settled and "周日" not in settled and "今晚" not in n.title, n.title
    assert "拉坯体验课" in matter, n.title


ROOM = (
    "合唱团-郑姐|排练室的事说一下，两个选择：社区活动中心二楼免费但只能周二晚上用，琴行的教室每次150元随时能约",
    "老邵|免费的好，周二晚上我们都有空",
    "晓云|琴行有钢琴，活动中心只有电子琴",
    "老邵|电子琴也够用了",
    "合唱团-郑姐|那就定活动中心二楼，每周二晚上7点到9点",
    "晓云|好吧，同意",
    "老邵|同意",
    "合唱团-郑姐|总结一下：场地活动中心；钢琴老邵借；谱子晓云印",
)


def test_a_recap_told_in_pieces_is_not_the_title() -> None:
    n = _notes(*ROOM)
    assert "活动中心二楼" in n.title and "琴行" not in n.title, n.title
    assert not n.title.endswith(("老邵借", "晓云印")), n.title


CYCLING = (
    "車隊長阿豪|各位車友晚安，明年的車隊年費要重新定，目前兩個方案",
    "車隊長阿豪|方案一：每人1,200元不含補給；方案二：每人1,800元含每次出車的補給和保險",
    "小綠|方案二比較划算，補給自己買很麻煩",
    "Kevin|我也選方案二",
    "阿珮|方案二+1",
    "車隊長阿豪|好，那就決定：明年年費每人1,800元，含補給和保險",
    "小綠|讚",
    "Kevin|OK",
)


def test_a_figure_with_a_thousands_comma_stays_whole_in_a_traditional_title() -> None:
    original = Transcript(name="t", messages=_msgs(*CYCLING))
    n = restore_notes(summarize_offline(make_shadow(original)), original)
    assert "1,800元" in n.title and "1,200" not in n.title and "1，800" not in n.title, n.title
    assert not cut_figures(n.title, "\n".join(m.text for m in original.messages))


def test_the_eval_tells_a_figure_cut_from_a_longer_one() -> None:
    chat = "營位費每帳每晚1,200元，停車一台150元"
    assert cut_figures("營位費每帳每晚1", chat) == ["1"]
    assert cut_figures("營位費每帳每晚1,200元", chat) == []
    assert cut_figures("停車一台150元", chat) == []
    assert cut_figures("3月19日植树", chat) == []  # not taken from the chat: not judged


def test_an_aside_in_the_invitation_does_not_hide_the_talks_theme() -> None:
    lines = _msgs("蜂友群-老贺|今晚请到了黄师傅（养蜂二十多年）来讲冬季蜂群管理，有问题最后问",
                  "黄师傅|谢谢老贺，先说保温，气温低于10度就要给蜂箱加保温板")
    assert stated_topic(lines) == "冬季蜂群管理"


ROUTE = (
    "徒步队-老石|周六的徒步今晚把路线定了，东线走水库大坝，西线翻云台岭",
    "阿朵|我投西线，风景好",
    "大伟|西线+1",
    "小敏|东线平，我膝盖不好",
    "徒步队-老石|3票西线1票东线，定西线，全程14公里，早上7点半在北门集合",
    "阿朵|好",
    "大伟|收到",
    "小敏|行，那我慢慢走",
    "徒步队-老石|大伟你周五前把轨迹发群里",
    "大伟|好的",
)


def test_the_outcome_is_the_agreed_choice_not_the_openers_agenda_line() -> None:
    n = _notes(*ROUTE)
    decided = n.summary[n.summary.index("最后决定"):]
    assert "定西线" in decided and "今晚把路线定了" not in decided, n.summary
    assert "定西线" in n.title and "东线走水库大坝" not in n.title.partition("：")[2], n.title


TRIALS = (
    "羽协-卢教练|周六青少年羽毛球选拔赛的安排跟各位家长说一下，早上8点半在市体育馆3号馆签到",
    "羽协-卢教练|比赛分U10和U12两个组，每组取前6名进市队集训，报名费每人60元",
    "羽协-卢教练|孩子要穿白色运动鞋，自带2支球拍，场馆里不能吃东西",
    "果果爸|收到",
    "羽协-卢教练|现在报了28个，还剩4个名额",
    "羽协-卢教练|成绩周一在公众号公布，进集训的孩子下个月开始每周三训练",
)


def test_a_talk_that_names_no_theme_is_titled_by_what_its_speaker_opens_with() -> None:
    transcript = Transcript(name="t", messages=_msgs(*TRIALS))
    st = replace(analyze(transcript), session_type="主讲分享", speakers=["羽协-卢教练"], host=None, topic=None)
    title = summarize_offline(transcript, st).title
    assert title.startswith("周六青少年羽毛球选拔赛") and title.endswith("羽协-卢教练分享整理"), title
    assert "名额" not in title, title  # a head-count told in passing is no theme


SIGNUP = (
    "摄影协会-老纪|周日早上拍荷花，6点在湿地公园南门集合，费用每人30元含门票，限15人",
    "小杜|报名",
    "阿蕾|我也去",
    "摄影协会-老纪|现在13个人了，还剩2个名额",
    "老宋|带上我",
    "Yoyo|我也要",
    "摄影协会-老纪|15个满了，后面的排候补，记得带长焦和三脚架",
)


def test_a_later_head_count_supersedes_an_earlier_one() -> None:
    transcript = Transcript(name="t", messages=_msgs(*SIGNUP))
    assert [m.id for m in transcript.messages if m.id in superseded(transcript.messages)] == [4]
    n = summarize_offline(transcript)
    told = n.summary + "".join(p.text for p in n.key_points) + n.title
    assert "还剩2个名额" not in told and "15个满了" in told, told
    assert "每人30元" in told, told  # the first line counts heads too, but says more: it stays


KAYAK = (
    "皮划艇社-老范|@全体成员 通知：本周日（12月13日）水上救援演练，早上7:45在湖滨码头集合，穿速干衣带哨子",
    "阿宁|下雨还练吗",
    "皮划艇社-老范|小雨照练，雷雨就改到12月20日",
    "阿宁|收到",
    "小柯|教练，救生衣自己带还是社里发",
    "皮划艇社-老范|社里发，每人一件，用完放回架子",
    "皮划艇社-老范|那就定了：雷雨改到12月20日，小雨照常",
    "阿宁|同意",
    "小柯|好的",
)


def test_a_labelled_opener_gives_its_matter_whole_not_cut_at_a_times_colon() -> None:
    # a kayak club's safety drill: the opener is headed 通知：, its first clause ends right before "早上7:45"
    notes = _notes(*KAYAK)
    matter = notes.title.partition("：")[0]
    assert matter == "本周日（12月13日）水上救援演练"  # no 通知 label, no "早上7" cut from 7:45
    assert not cut_figures(notes.title, "\n".join(line.split("|", 1)[1] for line in KAYAK))
