"""Issue 13, round 30 (dev13j): an event told after a talk (what, when, where, limit, sign-up) is a 通知
even with no notice word, and no answer to a question it has nothing to do with; a speaker who counts
out their points (第一…第四) gives a talk even when a host's admin follows, while an organiser's
numbered to-dos stay a discussion; in a pasted chat a line with no nickname that is an ad is nobody's
message, never the member's above. Every chat here is written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes
from copilot.notes.pairing import event_notice
from copilot.notes.parse import UNSIGNED, parse_text
from copilot.notes.reading import enumerated_points
from copilot.notes.structure import analyze
from copilot.textnorm import fold


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


# a QQ export: a talk on star photography, a question nobody answers, then the host's event notice
STARS = """消息记录（此消息记录为文本格式，不支持重新导入）

================================================================
消息对象:星空摄影交流群
================================================================

2026-12-08 20:00:05 阿光(100201)
今晚请小北老师讲「银河拍摄入门」，大家有问题可以随时问

2026-12-08 20:00:40 小北(100202)
第一，拍银河要找光污染少的地方，城市周边50公里以外，月亮落山以后最好

2026-12-08 20:01:30 小北(100202)
第二，参数先记住一个起点：光圈开到最大，快门20秒，ISO 3200，对焦用无穷远再往回拧一点

2026-12-08 20:02:20 小北(100202)
第三，一定要带三脚架和快门线，手按快门会抖，20秒的曝光一点点晃动都能看出来

2026-12-08 20:03:10 小北(100202)
第四，后期先拉白平衡到3800K左右，再压暗角，别把噪点当星星

2026-12-08 20:04:00 星星点灯(100203)
长曝光的时候镜头防抖要不要关

2026-12-08 20:05:10 阿光(100201)
谢谢小北老师！顺便说一下，本周日12月13号晚上7点的观星活动，集合点在森林公园北门停车场

2026-12-08 20:05:50 阿光(100201)
人数限15人，报名请在周五前私我

2026-12-08 20:06:30 追光者(100204)
我报名，带我爱人一起

2026-12-08 20:07:10 老K(100205)
12月20号我自己要去内蒙古拍一趟，有人一起吗
"""


def test_an_event_after_a_talk_is_a_notice_with_its_limit_and_sign_up() -> None:
    notes = _notes(STARS)
    notices = [a for a in notes.announcements if "观星活动" in a.text]
    assert len(notices) == 1, notes.announcements
    text = notices[0].text
    for fact in ("12月13号", "晚上7点", "森林公园北门", "15人", "周五前"):
        assert fact in text
    assert notices[0].kind == "通知"


def test_a_notice_answers_no_question_it_has_nothing_to_do_with() -> None:
    notes = _notes(STARS)
    assert not any("观星" in p.answer or "15人" in p.answer for p in notes.qa), notes.qa


def test_a_members_own_dated_trip_is_no_notice() -> None:
    notes = _notes(STARS)
    assert not any("内蒙古" in a.text for a in notes.announcements)


@pytest.mark.parametrize("sentence", [
    "顺便说下周六11月28号早上7点半的湿地活动，集合点在公园东门",
    "另外提醒 12月12号周六下午的线下交流会在星光书店 记得带上自己的读书笔记",
    "冬訓由12月6號開始，逢星期日朝早7點喺赤柱正灘集合",  # Traditional / Cantonese
    "1月9号周五晚上7点半年会，地点在公司3楼多功能厅",
])
def test_event_notices(sentence: str) -> None:
    assert event_notice(sentence)


@pytest.mark.parametrize("sentence", [
    "12月5号我自己要去崇明拍一趟",            # one's own plan
    "周六的活动几点集合啊",                     # a question
    "排练我建议每周二四晚上7点到9点半",         # a proposal put to the group
    "活动报名周四前截止",                       # a deadline, no day for the event
    "今天天气真好",
    "",
    "活动",
])
def test_not_event_notices(sentence: str) -> None:
    assert not event_notice(sentence)


def test_a_notice_still_answers_a_question_about_its_time_or_place() -> None:
    chat = """小区羽毛球群
2026-11-02 19:00 阿敏：下周的友谊赛在哪里比
2026-11-02 19:01 组织者-老黄：11月8号周日下午2点，在体育馆二楼3号场，每人带一桶球
2026-11-02 19:02 阿敏：收到
"""
    notes = _notes(chat)
    pairs = [p for p in notes.qa if "在哪里" in p.question]
    assert pairs and "体育馆二楼" in pairs[0].answer


# a CSV of a cycling club: the coach counts out four points, then the captain does the admin at length
CYCLING = """时间,发送人,内容
2026-12-03 20:00:00,教练老杨,今晚讲讲冬季骑行要注意的几件事，有问题随时问
2026-12-03 20:01:00,教练老杨,第一，气温低于5度一定要戴长指手套和护膝，膝盖受凉最容易伤
2026-12-03 20:02:00,教练老杨,第二，冬天胎压比夏天低10%左右，路面湿滑抓地更好
2026-12-03 20:03:00,教练老杨,第三，踏频保持在每分钟85转以上，别用大齿比硬蹬
2026-12-03 20:04:00,教练老杨,第四，出发前热身10分钟，骑完马上换干衣服
2026-12-03 20:05:00,小鱼,护膝要买那种带护垫的吗
2026-12-03 20:05:40,教练老杨,@小鱼 带薄护垫的就行，太厚蹬不动
2026-12-03 20:06:30,队长阿伟,谢谢教练！我来说几件队里的事
2026-12-03 20:07:00,队长阿伟,今年的队费每人300元，包含保险和两件骑行服，月底前转给我
2026-12-03 20:07:40,队长阿伟,骑行服要统计尺码，谁来帮忙统计一下？
2026-12-03 20:08:10,大刘,我来统计
2026-12-03 20:08:50,队长阿伟,好的大刘，尺码周三前收齐发我，我统一跟厂家下单，厂家说要提前两周
2026-12-03 20:09:30,队长阿伟,还有年底聚餐的事，大家看去火锅还是烧烤，下周一前在群里投票
2026-12-03 20:10:00,小鱼,火锅火锅
2026-12-03 20:10:20,大刘,火锅+1
2026-12-03 20:11:00,队长阿伟,那就定火锅，具体哪家店我再找找，先这样，大家早点休息
"""


def test_counted_out_points_then_admin_is_still_a_talk_by_the_coach() -> None:
    notes = _notes(CYCLING, "cycling.csv")
    assert notes.session_type == "主讲分享"
    assert notes.speakers[:1] == ["教练老杨"]
    points = " ".join(p.text for p in notes.key_points)
    for fact in ("长指手套", "胎压", "85转", "热身10分钟"):
        assert fact in points, points


def test_the_talks_summary_is_not_built_from_the_admin() -> None:
    notes = _notes(CYCLING, "cycling.csv")
    assert "队费" not in notes.summary and "尺码" not in notes.summary, notes.summary
    assert "胎压" in notes.summary or "长指手套" in notes.summary


# the same shape, but the organiser's numbered points hand out work: a planning discussion
FAIR = """2026-12-05 19:00:00 社区-周主任
各位楼长，元旦游园会的事今晚说一下
2026-12-05 19:01:00 社区-周主任
第一，各楼长周三前把本楼参加的人数报给我
2026-12-05 19:02:00 社区-周主任
第二，游戏摊位由3栋王姐负责，道具周五前买齐
2026-12-05 19:03:00 社区-周主任
第三，小李你去联系物业借桌椅和音响，下周一前落实
2026-12-05 19:04:00 社区-周主任
第四，奖品预算500元，发票统一交给我报销
2026-12-05 19:05:00 3栋王姐
摊位需要几张桌子
2026-12-05 19:06:00 社区-周主任
先按6张准备
2026-12-05 19:07:00 小李
好的我明天就去问物业
2026-12-05 19:08:00 5栋老陈
人数是算大人还是小孩
2026-12-05 19:09:00 社区-周主任
大人小孩都算
"""


def test_an_organisers_numbered_to_dos_stay_a_discussion() -> None:
    transcript = parse_text(FAIR, "fair.txt")
    assert enumerated_points(transcript.messages, "社区-周主任") == 0  # to-dos, not a talk's points
    assert analyze(transcript).session_type == "话题讨论"


def test_counted_out_telling_points_count() -> None:
    transcript = parse_text(CYCLING, "cycling.csv", suffix=".csv")
    assert enumerated_points(transcript.messages, "教练老杨") == 4
    assert enumerated_points(transcript.messages, "队长阿伟") == 0


# a WeChat chat copied as 昵称：内容 lines, with an ad pasted in on a line of its own
DRAMA = """小林导演：下周的排练时间大家看一下
阿伟：周三晚上我可以
婷婷：我也周三
小林导演：好 那就周三晚上7点 老地方
阿伟：明白
【限时特惠】演出服租赁 全城最低价 加微信 yanchufu888 咨询
婷婷：道具谁来准备
小林导演：道具阿伟负责
小林导演：注意事项：
带好剧本，提前十分钟到
"""


def test_an_unsigned_ad_line_is_nobodys_message() -> None:
    transcript = parse_text(DRAMA, "drama.txt")
    by_speaker = {m.speaker: m.text for m in transcript.messages}
    assert "yanchufu888" not in by_speaker["阿伟"] and "加微信" not in " ".join(
        m.text for m in transcript.messages if m.speaker == "阿伟")
    ads = [d for d in transcript.dropped if "yanchufu888" in d.text]
    assert ads and all(d.speaker == UNSIGNED for d in ads), transcript.dropped
    # a plain line with no nickname still goes on with the message above
    notice = [m for m in transcript.messages if m.text.startswith("注意事项")]
    assert notice and "提前十分钟到" in notice[0].text


def test_the_appendix_does_not_blame_a_member_for_the_ad() -> None:
    from copilot.notes import render_markdown

    md = render_markdown(_notes(DRAMA))
    ad_line = next(line for line in md.splitlines() if "广告" in line)
    assert "阿伟" not in ad_line and fold(UNSIGNED) in fold(ad_line)
