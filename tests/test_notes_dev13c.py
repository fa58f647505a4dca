"""Issue 13, round 3 of the QA13 fixes: a decision says what was settled (a sign-off or an agenda line is
no decision; a bare "就这么定了" takes its content from the line it agrees to), Cantonese settling words,
and personal plans or attendance are no to-dos. Every chat here is written for these tests."""

from __future__ import annotations

from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.offline import candidate_sentences
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze

PICNIC = """2026-05-06 20:00:00 阿雯
各位晚上好，周日野餐的事今晚定下来，地点、吃的、分工
2026-05-06 20:02:10 阿雯
两个地方：滨江公园草坪，免费；植物园，门票15元一人
2026-05-06 20:03:30 大刘
滨江近，我投滨江
2026-05-06 20:04:02 小苏
同意滨江
2026-05-06 20:05:20 阿雯
那地点就定滨江公园草坪，周日上午10点东门见
2026-05-06 20:07:45 大刘
野餐垫我带两张
2026-05-06 20:09:00 小苏
水果我周六去买
2026-05-06 20:10:30 阿雯
那就这样，周日见！
"""


def _notes(text: str) -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, "chat.txt", settings, get_engine(settings, prefer="offline")).notes


def test_a_sign_off_and_an_agenda_are_no_decision_the_settled_place_is() -> None:
    st = analyze(parse_text(PICNIC))
    texts = [d.text for d in st.decisions]
    assert any("滨江公园草坪" in t for t in texts)
    assert not any("周日见" in t or "今晚定下来" in t for t in texts)
    notes = _notes(PICNIC)
    # the agenda line names the topic (round 29, dev13f: a decision is never the title)
    assert "周日见" not in notes.title and "野餐" in notes.title
    assert "最后决定：那就这样" not in notes.summary and "滨江公园草坪" in notes.summary


CARPOOL = """2026-09-01 21:00:00 豆妈
周末接送排班，我们三家轮流
2026-09-01 21:02:00 豆妈
周六我家开，周日果果爸开
2026-09-01 21:04:00 果果爸
周日我要加班，那周日换成小米妈开，下周六我补上
2026-09-01 21:05:00 豆妈
行，那就这么定了
"""


def test_a_bare_yes_takes_its_content_from_the_line_it_agrees_to() -> None:
    st = analyze(parse_text(CARPOOL))
    assert [d.text for d in st.decisions if "就这么定了" in d.text] == []
    agreed = [d for d in st.decisions if "小米妈" in d.text]
    assert agreed and len(agreed[0].sources) == 2 and "就这么定了" not in agreed[0].text
    assert "豆妈" in agreed[0].by


HIKE_HK = """2026-11-02 20:00:00 阿峰
今晚傾下星期六去邊度行
2026-11-02 20:01:00 阿峰
一係行獅子山，一係行大帽山
2026-11-02 20:03:00 美儀
獅子山近啲，我揀獅子山
2026-11-02 20:05:00 阿峰
咁就定咗獅子山，星期六朝早9點黃大仙站B2出口等
2026-11-02 20:09:00 阿峰
就咁定，星期六見！
"""


def test_cantonese_settling_words_and_sign_off() -> None:
    st = analyze(parse_text(HIKE_HK))
    texts = [d.text for d in st.decisions]
    assert any("獅子山" in t and "9點" in t for t in texts)
    assert not any("星期六見" in t for t in texts)


BOOK_CLUB = """2026-06-03 20:00:00 主持人小安
各位晚上好，今晚聊《活着》，先说说读后感
2026-06-03 20:03:00 阿树
福贵一家一个个走掉，读到有庆那段我哭了
2026-06-03 20:05:00 主持人小安
下期预告：6月17日周三晚8点，老周带大家读《平凡的世界》
2026-06-03 20:06:00 小禾
下期我来不了，要出差
2026-06-03 20:07:00 阿树
我下个月换工作啦，去做会计
2026-06-03 20:07:30 小禾
恭喜恭喜
2026-06-03 20:08:00 主持人小安
阿树你周五前把今晚的摘录整理一下发群里
2026-06-03 20:09:00 阿树
好的，周五前发
2026-06-03 20:10:00 大鹏
收到，我下期会来
"""


def test_attendance_and_life_news_are_no_todo_preview_or_point() -> None:
    notes = _notes(BOOK_CLUB)
    tasks = [(a.owner, a.task) for a in notes.actions]
    assert any(owner == "阿树" and "摘录" in task for owner, task in tasks)
    assert not any("换工作" in task or "来不了" in task or "会来" in task for _, task in tasks)
    assert [a.text for a in notes.announcements if "来不了" in a.text] == []
    assert any("平凡的世界" in a.text for a in notes.announcements)
    told = notes.summary + "".join(p.text for p in notes.key_points)
    assert "换工作" not in told and "来不了" not in told and "恭喜恭喜" not in told


def test_bringing_something_over_is_still_work() -> None:
    chat = """2026-06-03 20:00:00 阿凯
周六烧烤，炭和烤架谁带
2026-06-03 20:02:00 大熊
烤架我周六带过去
"""
    st = analyze(parse_text(chat))
    assert any(a.owner == "大熊" and "烤架" in a.task for a in st.actions)


PARKING = """2026-07-08 20:00:00 3栋老陈
地下车位重新划线的事，物业报价一共1.2万，按户分摊
2026-07-08 20:02:00 1单元张奶奶
我家没车也要出钱吗
2026-07-08 20:03:00 3栋老陈
@1单元张奶奶 没车的不用出，有车位的每户大概300，您家以后停电动车也方便
2026-07-08 20:05:00 小郑
分摊的钱转给谁
2026-07-08 20:06:00 3栋老陈
转给我就行，下周一前转齐，我微信号就是手机号
2026-07-08 20:08:00 小郑
血压高要不要紧，我早上量的150
2026-07-08 20:09:00 3栋老陈
@小郑 建议你连续量一周记下来，周五前拿给社区医生看
"""


def test_an_answer_is_no_work_for_the_asker_and_the_payee_owes_nothing() -> None:
    st = analyze(parse_text(PARKING))
    owners = {(a.owner, a.task[:6]) for a in st.actions}
    assert not any(owner == "1单元张奶奶" for owner, _ in owners)  # an answer with figures tells, asks nothing
    paid = [a for a in st.actions if "转齐" in a.task]
    assert paid and paid[0].owner == "大家"  # everyone pays; the one paid and the one who asked do not own it
    # advice that tells the asker what to do is still their to-do
    assert any(a.owner == "小郑" and "连续量" in a.task for a in st.actions)


TEA_TALK = """2026-08-12 20:00:00 主持人阿青
各位茶友晚上好，今晚有请林老师分享《白茶的存放与冲泡》，有问题随时提
2026-08-12 20:01:00 林老师
谢谢阿青。先说存放：白茶怕潮怕异味，密封避光，湿度控制在60%以下
2026-08-12 20:02:00 林老师
家里存茶不要放厨房和卫生间，纸箱加铝箔袋就够，不用买专门的茶仓
2026-08-12 20:02:30 林老师
每年梅雨季过后打开看一次，有霉味的单独拿出来
2026-08-12 20:03:00 小桔
老白茶和新白茶差在哪，喝得出来吗
2026-08-12 20:04:00 林老师
喝得出来，老白茶有枣香药香，汤色偏红，新茶是毫香清鲜
2026-08-12 20:05:00 林老师
再说冲泡。水温90度左右，前三泡快出汤，5秒以内
2026-08-12 20:06:00 阿木
饼茶撬不开怎么办
2026-08-12 20:07:00 林老师
用茶针从侧面斜着插进去，顺着层次撬，别从正面硬撬
2026-08-12 20:08:00 林老师
还有一点，煮茶只适合三年以上的老白茶，新茶煮了会苦
"""


def test_an_answer_ends_where_the_speaker_moves_on_to_the_next_point() -> None:
    notes = _notes(TEA_TALK)
    answers = {p.question[:4]: p.answer for p in notes.qa}
    old_new = next(a for q, a in answers.items() if q.startswith("老白茶"))
    assert "枣香" in old_new and "冲泡" not in old_new and "90度" not in old_new
    cake = next(a for q, a in answers.items() if q.startswith("饼茶"))
    assert "茶针" in cake and "煮茶" not in cake


HIKE_QA = """2026-11-02 20:00:00 阿峰
今晚傾下星期六行獅子山嘅安排
2026-11-02 20:01:00 美儀
我下個月搬屋啦
2026-11-02 20:01:30 阿豪
恭喜！搬去邊？
2026-11-02 20:02:00 美儀
搬去沙田
2026-11-02 20:03:00 阿豪
如果落雨點算
2026-11-02 20:04:00 阿峰
@阿豪 紅雨或者八號風球就取消，前一晚9點通知
2026-11-02 20:05:00 阿峰
星期六朝早9點黃大仙站B2出口等
"""


def test_a_cantonese_question_without_a_mark_takes_the_answer_to_it() -> None:
    notes = _notes(HIKE_QA)
    rain = [p for p in notes.qa if "取消" in p.answer]
    assert rain and "落雨" in rain[0].question


PLANT_TALK = """2026-09-05 20:00:00 主持人小绿
各位晚上好，今晚有请阿松老师分享《多肉度夏》，有问题随时提
2026-09-05 20:01:00 阿松老师
谢谢小绿。今天讲三块：浇水、遮阳、常见问题
2026-09-05 20:02:00 阿松老师
第一，夏天怎么浇水。气温超过35度就断水，每月只沿盆边给一次小水，傍晚浇
2026-09-05 20:04:00 阿松老师
第二，遮阳。用50%的遮阳网，中午11点到下午3点一定要遮，不然叶子会晒伤
2026-09-05 20:05:00 阿松老师
第三，通风。闷热不通风最容易黑腐，不管是哪个品种，都要放在风能吹到的地方
2026-09-05 20:06:00 小叶
叶子发软是缺水吗
2026-09-05 20:07:00 阿松老师
@小叶 夏天叶子软多半是根出了问题，先别急着浇水，脱盆看看根
2026-09-05 20:08:00 阿松老师
今天就到这儿，大家回去先把遮阳网挂上，有问题可以在群里问我
"""


def test_a_point_with_a_question_for_its_heading_is_a_point_and_the_goodbye_is_not() -> None:
    notes = _notes(PLANT_TALK)
    points = " ".join(p.text for p in notes.key_points)
    assert "35度就断水" in points  # "夏天怎么浇水。" heads the point; it asks nobody
    assert "风能吹到" in points  # "不管是哪个品种" asks nothing either
    assert "今天就到这儿" not in points


def test_the_hosts_dated_notice_is_a_key_point_even_off_the_main_subject() -> None:
    lines = ["2026-07-10 20:00:00 楼长老何", "今晚把3号楼外墙翻新的事商量一下，物业给了两个方案"]
    talk = [("楼长老何", "甲方案：真石漆，总价42万，工期60天"), ("楼长老何", "乙方案：外墙砖，总价55万，工期80天"),
            ("会计小吴", "维修基金能出30万，剩下的按面积分摊"), ("302王姐", "真石漆便宜，我支持甲方案"),
            ("501老林", "外墙砖耐用，不过贵太多了，我也选甲"), ("会计小吴", "甲方案每平米大概摊80元"),
            ("302王姐", "那挺合理的"), ("501老林", "同意"),
            ("201赵叔", "真石漆能保几年，会不会过两年就掉色"), ("楼长老何", "施工方说质保8年，正常10年以上没问题"),
            ("601小陈", "顶楼的防水能一起做吗，我家一下雨墙角就渗"), ("楼长老何", "防水另算，大概每户再加600元"),
            ("401刘姨", "施工的时候窗户要一直关着吗"), ("楼长老何", "喷漆那几天要关，前后大概一周"),
            ("302王姐", "脚手架会不会有小偷爬上来"), ("楼长老何", "物业晚上加一班保安巡逻，脚手架底下装护栏"),
            ("201赵叔", "空调外机要挪吗"), ("会计小吴", "外机不用挪，施工方会套上防护罩"),
            ("501老林", "分摊按建筑面积还是套内面积"), ("会计小吴", "按房产证上的建筑面积算"),
            ("601小陈", "钱什么时候交"), ("会计小吴", "开工前一次交齐，我到时候发收款码"),
            ("401刘姨", "我家90平大概要出多少"), ("会计小吴", "90平的话7200元左右"),
            ("201赵叔", "颜色能选吗，别太花"), ("楼长老何", "施工方给了三个色卡，米白、浅灰、暖黄"),
            ("302王姐", "米白吧，耐看"), ("601小陈", "我也投米白"),
            ("楼长老何", "那就定甲方案，真石漆"),
            ("楼长老何", "周日业主会上午10点在居委会二楼，大家带好身份证和户口本")]
    for n, (who, text) in enumerate(talk, start=1):
        lines += [f"2026-07-10 20:{n:02d}:00 {who}", text]
    transcript = parse_text("\n".join(lines) + "\n")
    st = analyze(transcript)
    assert st.host == "楼长老何"
    notice = [s for s in candidate_sentences(transcript, st) if "居委会二楼" in s.text]
    assert notice and notice[0].topical  # weighed like the matter in hand, not like a side remark


def test_a_message_whose_sender_the_platform_removes_right_after_is_an_ad() -> None:
    chat = """[2026-11-03 20:00:10] 阿傑: 今晚傾下星期日單車遊嘅路線
[2026-11-03 20:01:00] 阿傑: 一係沙田去大埔，一係屯門去元朗
[2026-11-03 20:02:00] 美美: 沙田好啲，單車徑平坦
[2026-11-03 20:03:00] 二手單車行: 全新單車頭盔兩個只售$120，有意 WhatsApp 6123 4567
[2026-11-03 20:03:20] 系統消息: 「二手單車行」已被移出群聊
[2026-11-03 20:04:00] 阿傑: 好，就揀沙田去大埔
"""
    notes = _notes(chat)
    assert any(o.speaker == "二手單車行" and o.reason == "广告/垃圾消息" for o in notes.omitted)


def test_a_report_of_what_is_done_is_no_work_for_the_one_addressed() -> None:
    chat = """2026-04-08 09:00:00 5栋-老赵
5栋的单元门禁又坏了，刷卡没反应，物业能不能管管
2026-04-08 09:10:00 物业-小林
@5栋-老赵 已经报修了，厂家说明天上午10点前到，我明天上午去现场盯着
2026-04-08 09:12:00 5栋-老赵
好的谢谢
"""
    st = analyze(parse_text(chat))
    assert not owned_by(st.actions, "5栋-老赵")
    assert any(a.owner == "物业-小林" and "盯着" in a.task for a in st.actions)
