"""Issue 13, round 78 (d13c78): Q&A pairs take the answer that settles the question.

A bystander saying they do not know ("不清楚，等群主说吧", "我唔知喎，上次係九點", "唔清楚，等隊長講啦", "我也不太清楚";
cue reply.knows_not) answers nothing: the question stays open and the next line still counts as just after it
(pairing._knows_not, _just_asked). Hearsay and hedges are guesses too ("听说…", "似乎是七点吧"; cue reply.guess), which
a later notice of the one running the chat replaces (pairing._notice_answers). The asker holding up what they had
heard right after the answer ("不是说八点半吗？"; cue question.challenge) goes on with their question, and the line that
settles it is the answer (pairing._challenges). A question put to a named member is not taken by a bystander's line
only for coming next. A talk speaker's next line in the Q&A goes on with their answer. Hard negatives that must not
change: a rhetorical question, a question nobody answers (also when someone only says they do not know), a guess
left standing when nobody else answers, and a new question of the asker's that only opens with 不是.

The chats are written by hand for this test.
"""

from __future__ import annotations

import pytest

from copilot.notes.model import Notes, QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.pairing import _knows_not, find_qa
from copilot.notes.parse import parse_text

HEAD = [("读书会-林姐", "这周六上午在区图书馆三楼活动室读《额尔古纳河右岸》，大家记得带书")]


def _chat(lines: list[tuple[str, str]], head: list[tuple[str, str]]) -> str:
    return "".join(f"[2031-12-12 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(head + lines))


def _notes(lines: list[tuple[str, str]], head: list[tuple[str, str]] = HEAD) -> Notes:
    return summarize_offline(parse_text(_chat(lines, head), "chat.txt"))


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


@pytest.mark.parametrize(("line", "knows"), [
    ("不清楚，等群主说吧", True), ("我唔知喎，上次係九點", True), ("唔清楚，等隊長講啦", True), ("我也不太清楚", True),
    ("不确定欸，我再看看", True), ("冇印象", True),
    ("不用带，文化中心有", False), ("清楚了，谢谢", False), ("知道了", False), ("我知道，在三楼", False),
])
def test_knows_not_reads_the_opening(line: str, knows: bool) -> None:
    assert _knows_not(line) is knows


def test_the_one_who_knows_answers_after_a_bystander_who_does_not() -> None:
    notes = _notes([("美玲", "活动室里有投影吗？"), ("老吴", "不清楚，等群主说吧"), ("美玲", "好"),
                    ("读书会-林姐", "有投影，也有白板，想放图片的提前发我")])
    pair = _pair(notes.qa, "投影")
    assert pair is not None and pair.answerer == "读书会-林姐" and "有投影" in pair.answer, notes.qa


def test_cantonese_i_dont_know_then_the_leader() -> None:
    head = [("行山隊-阿Sam", "各位，禮拜日行麥理浩徑第二段，北潭涌巴士站集合")]
    notes = _notes([("阿芳", "幾點集合呀？"), ("Kelvin", "我唔知喎，上次係九點"), ("行山隊-阿Sam", "八點半集合，九點準時起步"),
                    ("阿芳", "收到"), ("阿Ben", "使唔使帶行山杖？"), ("阿芳", "唔清楚，等隊長講啦"),
                    ("行山隊-阿Sam", "最好帶，落山好多石級")], head)
    gather = _pair(notes.qa, "幾點集合")
    assert gather is not None and gather.answerer == "行山隊-阿Sam" and "八點半" in gather.answer, notes.qa
    poles = _pair(notes.qa, "行山杖")
    assert poles is not None and poles.answerer == "行山隊-阿Sam" and "最好帶" in poles.answer, notes.qa


def test_a_member_who_knows_answers_after_i_am_not_sure_either() -> None:
    head = [("合唱团-王老师", "下周六下午社区文化中心新年音乐会，我们唱两首")]
    notes = _notes([("阿梅", "演出服要自己带吗？"), ("小丽", "我也不太清楚"),
                    ("团长-老赵", "演出服统一放在文化中心，不用自己带，黑皮鞋自备"), ("阿梅", "收到")], head)
    pair = _pair(notes.qa, "演出服")
    assert pair is not None and pair.answerer == "团长-老赵" and "不用自己带" in pair.answer, notes.qa


def test_only_i_dont_know_leaves_the_question_unanswered() -> None:
    notes = _notes([("老吴", "有人知道图书馆几点关门吗？"), ("小周", "不清楚"), ("美玲", "哈哈今天好冷")])
    assert _pair(notes.qa, "关门") is None, notes.qa


def test_a_rhetorical_question_stays_unpaired() -> None:
    notes = _notes([("阿华", "这么好的书谁读了不感动呢？"), ("小周", "是啊")])
    assert _pair(notes.qa, "感动") is None, notes.qa


DRIVE = [("车队-老郑", "元旦自驾去千岛湖，两天一夜，1月1号早上出发")]


def test_hearsay_and_hedges_give_way_to_the_organiser() -> None:
    notes = _notes([("小敏", "住的地方包早餐吗？"), ("阿伟", "听说那家民宿是包早餐的"),
                    ("车队-老郑", "民宿不包早餐，楼下有早点铺，十块钱能吃饱"), ("小敏", "好的"),
                    ("阿伟", "几点在哪集合？"), ("小敏", "似乎是七点吧"), ("车队-老郑", "七点半在高速入口的加油站集合"),
                    ("阿伟", "收到")], DRIVE)
    breakfast = _pair(notes.qa, "早餐")
    assert breakfast is not None and breakfast.answerer == "车队-老郑" and "不包早餐" in breakfast.answer, notes.qa
    gather = _pair(notes.qa, "集合")
    assert gather is not None and gather.answerer == "车队-老郑" and "加油站" in gather.answer, notes.qa


def test_a_guess_nobody_replaces_still_answers() -> None:
    notes = _notes([("大鹏", "过路费怎么算？"), ("阿伟", "应该是每车平摊，上次就是这样平摊的"), ("大鹏", "明白")], DRIVE)
    pair = _pair(notes.qa, "过路费")
    assert pair is not None and pair.answerer == "阿伟", notes.qa


BADMINTON = [("羽协-阿强", "周日上午区体育馆打比赛，每人交三十块场地费")]


def test_the_askers_challenge_goes_on_and_the_settling_line_answers() -> None:
    notes = _notes([("小美", "几点集合？"), ("羽协-阿强", "九点"), ("小美", "不是说八点半吗？群公告写的八点半"),
                    ("羽协-阿强", "哦对，是八点半，我记错了")], BADMINTON)
    pair = _pair(notes.qa, "几点集合")
    assert pair is not None and pair.answerer == "羽协-阿强" and "八点半" in pair.answer, notes.qa
    assert len([q for q in notes.qa if "八点半吗" in q.question and "几点集合" not in q.question]) == 0, notes.qa


def test_a_new_question_opening_with_bu_shi_is_its_own() -> None:
    notes = _notes([("小美", "几点集合？"), ("羽协-阿强", "八点半在体育馆门口集合"), ("小美", "不是会员可以带朋友来吗？"),
                    ("羽协-阿强", "可以，朋友也交三十")], BADMINTON)
    gather = _pair(notes.qa, "几点集合")
    assert gather is not None and "八点半" in gather.answer and "会员" not in gather.question, notes.qa
    member = _pair(notes.qa, "会员")
    assert member is not None and "朋友也交" in member.answer, notes.qa


def test_a_bystanders_next_line_does_not_take_a_question_put_to_someone() -> None:
    head = [("行山隊-阿Sam", "各位，禮拜日行麥理浩徑第二段，北潭涌巴士站集合")]
    chat = _chat([("Kelvin", "@阿芬 你哋西貢嗰邊幾點出發？"), ("阿Ben", "今日好凍呀"), ("阿芳", "係呀，記得著多件衫"),
                  ("阿芬", "我哋七點半喺西貢碼頭等，一齊搭的士過去")], head)
    messages = parse_text(chat, "chat.txt").messages
    pairs = find_qa(messages, "活动筹备", [], "行山隊-阿Sam")
    pair = _pair(pairs, "西貢")
    assert pair is not None and pair.answerer == "阿芬" and "七點半" in pair.answer, pairs


TALK = [("群管-豆豆", "今晚请到了做了十年阳台菜园的郑老师，分享冬天阳台种菜的三件事，讲完统一提问"),
        ("郑老师", "第一，冬天选耐寒的，菠菜、小油菜、蒜苗最好种，番茄辣椒冬天别种。"),
        ("郑老师", "第二，保温。夜里低于5度就给花盆套一层塑料袋，白天拿掉透气。"),
        ("郑老师", "我就讲到这，大家可以提问了。")]


def test_a_talk_speakers_answer_over_two_lines() -> None:
    notes = _notes([("小葱", "老师，北面阳台没太阳能种什么"), ("郑老师", "北阳台光照少，叶菜还能种"),
                    ("郑老师", "推荐生菜和豌豆苗，十天就能吃"), ("番茄妈", "谢谢老师")], TALK)
    pair = _pair(notes.qa, "北面阳台")
    assert pair is not None and pair.answerer == "郑老师" and "生菜" in pair.answer and "叶菜" in pair.answer, notes.qa


def test_a_talk_speakers_next_line_answers_the_next_open_question() -> None:
    notes = _notes([("小葱", "老师，北面阳台没太阳能种什么"), ("番茄妈", "蒜苗用超市买的蒜能种吗"),
                    ("郑老师", "北阳台光照少，叶菜还能种"), ("郑老师", "超市的蒜可以种，挑发芽的那种")], TALK)
    north = _pair(notes.qa, "北面阳台")
    garlic = _pair(notes.qa, "蒜苗")
    assert north is not None and "发芽" not in north.answer, notes.qa
    assert garlic is not None and "发芽" in garlic.answer, notes.qa
