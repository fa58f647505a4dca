"""Issue 13, round 30 (dev13i): titles, summaries and key points come from what the talk states, not
from raw lines (the stated subject is the title; the speaker's self-intro, thanks and plan, sign-offs,
warnings about a removed ad and short replies are no key point and never open the summary); a tip of
the talk is a key point, not a notice; questions put as "A还是B" without a question form are paired
only when a reply picks a side; a reply that repeats what a yes/no question asks answers it; one
member's opinion contested by another is no settled answer. Every chat here is written for these tests."""

from __future__ import annotations

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import summarize_text
from copilot.notes.model import Notes


def _notes(text: str, name: str = "chat.txt") -> Notes:
    settings = Settings(llm_provider="offline")
    return summarize_text(text, name, settings, get_engine(settings, prefer="offline")).notes


def _points(notes: Notes) -> list[str]:
    return [k.text for k in notes.key_points]


# a voice-to-text talk in a yoga group: no punctuation, a greeting run into the stated subject, an ad
# with a member's warning after it, a closing tip and a sign-off
YOGA = """2026-12-03 06:29 群主小林
今天请静姐给大家讲讲呼吸
2026-12-03 06:30 静姐
大家早上好今天跟大家讲一下瑜伽的腹式呼吸大家先坐好
2026-12-03 06:31 静姐
第一个就是吸气的时候肚子鼓起来肩膀不要动每次吸四秒
2026-12-03 06:32 静姐
第二个就是呼气要比吸气长一点呼六秒慢慢吐干净
2026-12-03 06:33 静姐
第三个就是每天早晚各练五分钟坚持两周就有感觉
2026-12-03 06:34 小雯
静姐我颈椎不好能练吗
2026-12-03 06:35 静姐
小雯颈椎不好的话躺着练就行头下面垫个薄枕头
2026-12-03 06:35 阿梅
静姐练的时候要闭眼吗
2026-12-03 06:36 静姐
可以闭眼，也可以看着前方一个点
2026-12-03 06:36 小雯
我上周跟着练了三次，晚上睡得踏实多了
2026-12-03 06:36 瘦身达人Lucy
减肥茶一个月瘦二十斤加微信lucy8899包邮
2026-12-03 06:37 阿梅
这个是骗人的大家别加
2026-12-03 06:38 静姐
最后提醒一下，饭后一个小时内不要练，容易胃胀
2026-12-03 06:39 静姐
好今天就到这大家回去多喝温水
"""


def test_a_voice_talk_is_titled_by_its_stated_subject_not_a_mid_talk_sentence() -> None:
    notes = _notes(YOGA)
    assert notes.session_type == "主讲分享" and notes.title.startswith("瑜伽的腹式呼吸")
    assert "第二个" not in notes.title and "大家先坐好" not in notes.title


def test_greeting_sign_off_and_warning_after_a_removed_ad_are_no_key_points() -> None:
    notes = _notes(YOGA)
    points = _points(notes)
    assert not any("早上好" in p or "今天就到这" in p or "骗人" in p or "多喝温水" in p for p in points)
    assert "早上好" not in notes.summary and "骗人" not in notes.summary and "今天就到这" not in notes.summary
    assert any("呼六秒" in p for p in points)  # the talk's own points stay


def test_a_closing_tip_of_the_talk_is_a_key_point_not_a_notice() -> None:
    notes = _notes(YOGA)
    assert not any("饭后" in a.text for a in notes.announcements)
    assert any("饭后一个小时内不要练" in p for p in _points(notes))


# a Cantonese baking talk: the host names the subject, the speaker opens with thanks and the plan,
# a member asks "A定B" with no question mark, the speaker promises the notes in a short reply
CHIFFON = """2026-12-05 20:00:00 烘焙阿May
各位晚上好，今晚請咗Karen老師同大家講下戚風蛋糕，歡迎Karen
2026-12-05 20:01:00 Karen老師
多謝阿May，今日主要講三樣：打發、拌勻、烘焙
2026-12-05 20:02:00 Karen老師
第一，蛋白要打到企身，大約中速打4分鐘，糖分三次落
2026-12-05 20:03:00 Karen老師
第二，蛋黃糊同蛋白霜要用切拌，唔好打圈，一打圈就會消泡
2026-12-05 20:04:00 阿樂
老師用低筋定中筋粉好
2026-12-05 20:05:00 Karen老師
@阿樂 用低筋，筋度低啲先會鬆軟，中筋會韌
2026-12-05 20:06:00 Karen老師
第三，焗爐150度焗50分鐘，出爐即刻倒扣放涼
2026-12-05 20:08:00 阿欣
老師今晚啲筆記可唔可以放上群組
2026-12-05 20:09:00 Karen老師
係，禮拜五前我整好放上嚟
2026-12-05 20:10:00 烘焙阿May
多謝Karen老師，大家下次見
"""


def test_a_hosts_named_subject_is_the_title_and_thanks_or_plan_never_open_the_summary() -> None:
    notes = _notes(CHIFFON)
    assert notes.title.startswith("戚風蛋糕")
    body = notes.summary.split("主要講了：", 1)[-1]
    assert not body.startswith(("多謝", "今日主要講"))
    assert not any(p.startswith(("多謝", "今日主要講")) for p in _points(notes))


def test_a_short_yes_to_someone_is_no_key_point() -> None:
    notes = _notes(CHIFFON)
    assert not any(p.startswith("係") or "整好放上嚟" in p for p in _points(notes))


def test_a_choice_without_a_question_mark_is_paired_when_the_reply_picks_a_side() -> None:
    qa = _notes(CHIFFON).qa
    flour = [p for p in qa if "低筋定中筋" in p.question]
    assert len(flour) == 1 and flour[0].asker == "阿樂" and flour[0].answerer == "Karen老師"
    assert "用低筋" in flour[0].answer


# a hiking club planning a trip: a refund question answered a few messages later, a "谁走过" question
# answered by someone repeating its verb, a yes/no question two members answer with opposite opinions
HIKING = """2026-12-08 21:00 领队阿峰
大家好，元旦麦理浩径二段的安排今晚商量一下
2026-12-08 21:01 领队阿峰
集合时间1月1日早上7点半，西贡市中心巴士站
2026-12-08 21:02 小柠
定金能退吗
2026-12-08 21:02 Rex
你们谁走过二段
2026-12-08 21:03 大熊猫
走过 上坡有点长但风景好
2026-12-08 21:04 领队阿峰
12月28号前取消全退，之后不退
2026-12-08 21:05 Rex
要不要每人买份户外保险
2026-12-08 21:06 大熊猫
我觉得买保险没必要，路线不算难
2026-12-08 21:07 小柠
买保险还是稳妥点吧
2026-12-08 21:08 领队阿峰
保险的事下次再说，小柠你周五前把报名名单发群里
2026-12-08 21:09 小柠
好的
"""


def test_a_yes_no_question_is_paired_with_the_reply_that_repeats_its_verb() -> None:
    qa = _notes(HIKING).qa
    refund = [p for p in qa if "定金能退" in p.question]
    assert len(refund) == 1 and refund[0].answerer == "领队阿峰" and "全退" in refund[0].answer
    walked = [p for p in qa if "谁走过" in p.question]
    assert len(walked) == 1 and walked[0].answerer == "大熊猫" and walked[0].answer.startswith("走过")


def test_one_members_opinion_contested_by_another_is_no_settled_answer() -> None:
    qa = _notes(HIKING).qa
    assert not any("保险" in p.question for p in qa)
    assert not any("没必要" in p.answer for p in qa)


def test_an_opinion_with_haishi_is_no_question_of_its_own() -> None:
    qa = _notes(HIKING).qa
    assert not any("稳妥" in p.question for p in qa)


# a choice nobody picks a side of, and one a reply takes up without picking: no Q&A either way
UNPICKED = """2026-12-10 19:00 店长阿敏
下周的团购选品今晚说一下
2026-12-10 19:01 小米粒
这次拿砂糖橘还是沃柑
2026-12-10 19:02 阿敏妈妈
我家楼下超市今天打折
2026-12-10 19:03 店长阿敏
上次团购的款已经退完了
"""


def test_a_choice_no_reply_picks_a_side_of_is_no_question_and_answer() -> None:
    qa = _notes(UNPICKED).qa
    assert not any("砂糖橘还是沃柑" in p.question for p in qa)


def test_bad_input_with_only_a_choice_gives_no_pair() -> None:
    notes = _notes("2026-12-10 19:00 小米粒\n周六去还是周日去好\n")
    assert notes.qa == []


def test_a_bare_opinion_is_no_key_point_but_a_position_with_content_stays() -> None:
    points = _points(_notes(HIKING))
    assert not any("稳妥点吧" in p for p in points)
    assert any("1月1日早上7点半" in p for p in points)


# a residents' group weighing a fee: the first reply is one member's opinion, others vote the other way
PARKING = """2026-12-12 20:00 业委会老陈
小区临时停车收费的事今晚商量一下
2026-12-12 20:01 业委会老陈
外来车辆现在每天大概30辆，物业说要收点费管一管
2026-12-12 20:02 阿强
停车费怎么收 按月还是按次
2026-12-12 20:03 小周妈妈
按次吧，很多访客一个月就来一两次
2026-12-12 20:04 Tina
我觉得按月，算起来简单
2026-12-12 20:05 老吴
同意按次+1
2026-12-12 20:06 业委会老陈
那就按次收，每次5元，下周一开始
"""


def test_an_opinion_among_other_votes_is_not_the_answer() -> None:
    qa = _notes(PARKING).qa
    assert not any("算起来简单" in p.answer for p in qa)
