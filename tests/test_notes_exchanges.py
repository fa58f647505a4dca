"""Round 40 (d13a40): side chatter between two members is kept out of the decisions, Q&A, to-dos and agreement.

An exchange (a question and its replies, a run of replies between the same people) is an aside when only members
who do not run the chat talk in it, it names a peer or reads as small talk, and the chat's matter (the words of the
exchanges the organiser takes part in) hardly uses its words. Every chat below was written for these tests (a
bird-watching club, a community volunteer clean-up, a cycling club); none is a QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines

from copilot.notes.exchanges import Line, asides, exchanges, threads
from copilot.notes.model import Transcript
from copilot.notes.structure import analyze

START = datetime(2026, 5, 6, 20, 0)  # a Wednesday evening

_msgs = partial(chat_lines, start=START)

_BIRDS = (
    "领队阿鹭|各位鸟友，周六去湿地看鸻鹬的事定一下",
    "领队阿鹭|两个时间：A 早上6点到观鸟屋，B 下午3点，大家选一个",
    "老宋|A 早上鸟多",
    "小禾|A",
    "青青|小禾你晚饭吃的啥 我在纠结吃酸菜鱼还是烤肉",
    "小禾|酸菜鱼吧 隔壁那家辣得刚好",
    "青青|行 那就酸菜鱼了 就这么定了",
    "领队阿鹭|那就定A，周六早上6点在观鸟屋门口集合",
    "老宋|要带三脚架吗",
    "领队阿鹭|@老宋 要带，单筒望远镜得架稳，没有的我借一台给你",
    "青青|@小禾 你上次那件冲锋衣哪买的",
    "小禾|商场打折 两百多 挺暖和",
    "领队阿鹭|小禾你负责做鸟种记录表，周五晚上前发群里",
    "小禾|好的",
    "领队阿鹭|今天先到这",
)


def _birds() -> Transcript:
    return Transcript(name="birds.txt", messages=_msgs(*_BIRDS))


def test_an_aside_dinner_settled_is_no_decision_and_its_question_no_qa() -> None:
    s = analyze(_birds())
    texts = [d.text for d in s.decisions]
    assert any("定A" in t for t in texts)
    assert not any("酸菜鱼" in t for t in texts)
    assert not any("冲锋衣" in q.question or "酸菜鱼" in q.question for q in s.qa)
    assert any("三脚架" in q.question for q in s.qa)  # a member's question the organiser answers stays


def test_the_lines_of_an_aside_are_told_as_chatter_and_the_matter_is_not() -> None:
    s = analyze(_birds())
    by_text = {m.text: m.id for m in _msgs(*_BIRDS)}
    assert by_text["酸菜鱼吧 隔壁那家辣得刚好"] in s.chatter
    assert by_text["要带三脚架吗"] not in s.chatter
    assert by_text["那就定A，周六早上6点在观鸟屋门口集合"] not in s.chatter


def test_a_yes_that_names_the_option_still_agrees_after_an_aside() -> None:
    s = analyze(_birds())
    decided = next(d for d in s.decisions if "定A" in d.text)
    assert decided.decider == "领队阿鹭"
    assert "青青" not in decided.by  # she settled her dinner, not the outing


_CLEANUP = (
    "志愿队长老秦|各位志愿者，周日河边捡垃圾的安排说一下",
    "志愿队长老秦|早上8点在东桥下集合，手套和夹子队里发，垃圾袋每人两个",
    "志愿队长老秦|我建议分两组：东岸组阿涛带，西岸组大米带，大家看行不行",
    "大米|可以",
    "阿涛|行",
    "阿涛|@大米 周六晚上去不去唱K 我订了包厢",
    "大米|去 几点",
    "阿涛|8点 老地方 要来的报名",
    "小满|好的 我报",
    "志愿队长老秦|那分组就按这个定了",
    "小满|要自己带水吗",
    "志愿队长老秦|@小满 队里准备了矿泉水，在集合点领",
)


def test_an_unrelated_yes_in_an_aside_does_not_agree_to_the_decision() -> None:
    s = analyze(Transcript(name="cleanup.txt", messages=_msgs(*_CLEANUP)))
    grouping = next(d for d in s.decisions if "分组" in d.text)
    assert {"志愿队长老秦", "大米", "阿涛"} <= set(grouping.by)
    assert "小满" not in grouping.by  # "好的 我报" answered the karaoke call


_RIDE = (
    "车队长阿峰|各位车友，周末环湖骑行的安排说一下",
    "车队长阿峰|周日早上7点在南门广场出发，全程60公里，中途在渔村补给",
    "小柯|头盔必须戴吗",
    "车队长阿峰|@小柯 必须戴，没戴的不能出发",
    "阿伟|那午饭在哪吃",
    "车队长阿峰|中午在渔村农家乐，一桌十个人，费用AA",
    "老鲁|好的",
    "阿伟|行，那就这么定了 渔村农家乐AA",
    "老鲁|小柯 明天帮我去快递站拿个件",
    "小柯|好的 我帮你拿",
)


def test_a_member_who_sums_up_does_not_settle_what_the_organiser_put_and_a_favour_is_no_todo() -> None:
    s = analyze(Transcript(name="ride.txt", messages=_msgs(*_RIDE)))
    lunch = next(d for d in s.decisions if "农家乐" in d.text)
    assert lunch.decider == "车队长阿峰"
    assert not any("快递" in a.task for a in s.actions)


def test_threads_link_replies_and_open_new_exchanges() -> None:
    lines = [
        Line(id=1, speaker="队长", words=frozenset({"集合", "广场"})),
        Line(id=2, speaker="甲", to=("乙",), words=frozenset({"电影"}), asks=True),
        Line(id=3, speaker="乙", words=frozenset({"好看"})),
        Line(id=4, speaker="丙", words=frozenset({"头盔"}), asks=True),
        Line(id=5, speaker="队长", to=("丙",), words=frozenset({"头盔", "必须"})),
    ]
    assert threads(lines) == [None, None, 1, None, 3]
    found = exchanges(lines, {"队长"})
    aside = next(e for e in found if 1 in e.lines)
    assert aside.aside and aside.matter == 0.0
    assert asides(lines, {"队长"}).lines == frozenset({2, 3})
    assert not next(e for e in found if 3 in e.lines).aside  # the organiser answers it


def test_small_talk_nobody_is_named_in_needs_the_chatter_model() -> None:
    lines = [
        Line(id=1, speaker="队长", words=frozenset({"集合", "广场"})),
        Line(id=2, speaker="甲", words=frozenset({"下雨", "衣服"}), text="今天又下雨了 衣服都晾不干"),
        Line(id=3, speaker="乙", words=frozenset({"阳台"}), reacts=True, text="哈哈 我家阳台也是"),
    ]
    assert not asides(lines, {"队长"}).lines
    assert asides(lines, {"队长"}, chatter=lambda text: 0.9).lines == frozenset({2, 3})


_CONCERT = (
    "团长老魏|各位，元旦音乐会的安排说一下",
    "团长老魏|12月31号晚上7点在社区礼堂演出，6点到后台化妆",
    "小杜|演出服是统一发吗",
    "团长老魏|@小杜 统一发，周四排练的时候领",
    "副团长阿琼|周四排练记得带谱子",
    "指挥老范|阿梅你负责联系钢琴伴奏，演出前一天跟她确认一下到场时间",
    "阿梅|好的范老师",
)


def test_dated_work_one_member_gives_another_on_the_matter_stays_a_todo() -> None:
    s = analyze(Transcript(name="concert.txt", messages=_msgs(*_CONCERT)))
    assert any(a.owner == "阿梅" and "钢琴伴奏" in a.task for a in s.actions)
