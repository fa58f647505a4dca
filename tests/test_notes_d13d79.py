"""Round 79 (d13d79, issue 13): a list of shares that goes on across the sentences of one message.

A host's message often gives out work sentence by sentence, set apart by 「；」 or 「。」 or numbered items
("分工一下：路线图我来画，周五前发群里；阿杰你负责订返程的大巴…；小雨准备急救包…；老钱带一个对讲机"). Each
sentence is read on its own, and a short one ("老孙搬桌子", "淑芬開車載音響") is too short for the owner model: it
used to give no one that work. Now a sentence that opens with a member is that member's share when an earlier
sentence of the same message opened with the member it gave work to. Hard negatives: sentences that open with
names but tell what someone did or said ("小雨说那条路有点滑", "老孙说他腰不好") give no work, with or without a
share before them; a reminder to everyone ("大家注意安全") and a question about work already done stay no to-do.
"""

from pathlib import Path

from copilot.notes.parse import parse_text
from copilot.notes.todos import find_actions


def _actions(lines: list[str], name: str = "chat.txt") -> list[tuple[str | None, str]]:
    chat = "\n".join(lines) + "\n"
    return [(a.owner, a.task) for a in find_actions(parse_text(chat, name).messages)[0]]


def _owner_of(actions: list[tuple[str | None, str]], word: str) -> list[str | None]:
    return [owner for owner, task in actions if word in task]


HIKE = [
    "[2031-12-16 20:00] 领队-老贺: 各位，周日去爬七星岭，早上七点半在地铁站B口集合",
    "[2031-12-16 20:02] 阿杰: 收到",
    "[2031-12-16 20:03] 小雨: 收到，这次走哪条线？",
    "[2031-12-16 20:04] 老钱: 我上个月走过，石阶还行",
]


def test_the_last_short_share_after_semicolons_is_its_member_s() -> None:
    acts = _actions([*HIKE, "[2031-12-16 20:12] 领队-老贺: 分工一下：路线图我来画，周五前发群里；阿杰你负责订返程的大巴，"
                            "周四前把车牌发我；小雨准备急救包，出发前一天清点好；老钱搬桌子"])
    assert _owner_of(acts, "搬桌子") == ["老钱"]
    assert _owner_of(acts, "急救包") == ["小雨"]
    assert _owner_of(acts, "大巴") == ["阿杰"]


def test_shares_set_apart_by_full_stops_in_a_json_export() -> None:
    chat = ('{"group": "社区义卖志愿者群", "messages": ['
            '{"time": "2031-12-19 19:00:00", "sender": "站长-周姐", "text": "各位志愿者，圣诞义卖定在12月27日周六"},'
            '{"time": "2031-12-19 19:01:30", "sender": "阿琳", "text": "收到"},'
            '{"time": "2031-12-19 19:02:00", "sender": "老孙", "text": "收到"},'
            '{"time": "2031-12-19 19:06:00", "sender": "站长-周姐", "text": "分工定一下。小周负责收款码，周三前做好。'
            '阿琳做价签，周五前做好。老孙搬桌子"}]}')
    acts = [(a.owner, a.task) for a in find_actions(parse_text(chat, "sale.json").messages)[0]]
    assert _owner_of(acts, "搬桌子") == ["老孙"]
    assert _owner_of(acts, "价签") == ["阿琳"]


def test_traditional_line_export_share_list() -> None:
    acts = _actions(["[LINE] 福德宮義工群的聊天記錄", "儲存日期：2031/12/18 22:00", "", "2031/12/18（四）",
                     "20:00\t主委-阿國\t各位義工，下個月初二土地公生日，廟口要辦祝壽活動",
                     "20:02\t美玲\t收到", "20:03\t阿輝\t要準備什麼？", "20:04\t淑芬\t收到",
                     "20:06\t主委-阿國\t分工：供品我來買；阿輝負責搬桌子和板凳，禮拜六前搬到廟口；美玲寫紅紙，禮拜五前貼好；"
                     "淑芬開車載音響"], "temple.txt")
    assert _owner_of(acts, "音響") == ["淑芬"]
    assert _owner_of(acts, "紅紙") == ["美玲"]


def test_a_remark_opening_with_a_name_after_a_share_is_no_work() -> None:
    # hard negative: the second sentence opens with a member but says what he said, not what he is to do
    acts = _actions([*HIKE, "[2031-12-16 20:12] 领队-老贺: 阿杰负责横幅，周四前挂好。老钱说他腰不好"])
    assert _owner_of(acts, "横幅") == ["阿杰"]
    assert not _owner_of(acts, "腰不好")


def test_sentences_that_open_with_names_but_report_give_no_work() -> None:
    # hard negative: no sentence gives anyone work, so none is read as a share
    acts = _actions([*HIKE, "[2031-12-16 20:07] 阿杰: 我昨天去东坡看过了。小雨说那条路有点滑。老钱觉得问题不大"])
    assert not _owner_of(acts, "有点滑")
    assert not _owner_of(acts, "问题不大")


def test_a_reminder_to_everyone_and_a_question_about_done_work_stay_no_to_do() -> None:
    acts = _actions([*HIKE, "[2031-12-16 20:12] 领队-老贺: 分工一下：阿杰你负责订返程的大巴；老钱带一个对讲机",
                     "[2031-12-16 20:14] 小雨: 大巴是不是已经订好了？",
                     "[2031-12-16 20:15] 领队-老贺: 大家注意安全，下山别跑"])
    assert _owner_of(acts, "对讲机") == ["老钱"]
    assert not _owner_of(acts, "注意安全")
    assert not _owner_of(acts, "已经订好")


def test_the_dev_chats_of_this_round_parse() -> None:
    dev = Path(__file__).resolve().parent.parent / "evals" / "notes" / "dev"
    assert len(sorted(dev.glob("dev79[p-t]_*"))) == 5


# -- a volunteer's reply that names what it takes on ----------------------------------------------------------------

HOTPOT = [
    "[2031-12-20 19:00] 會長-阿詩: 各位，聖誕打邊爐定咗喺24號晚上七點，喺旺角嗰間",
    "[2031-12-20 19:02] 阿明: 收到",
    "[2031-12-20 19:03] 大熊: 收到",
    "[2031-12-20 19:04] Kelly: 收到",
]


def test_the_thing_a_volunteer_names_in_the_reply_is_in_the_to_do() -> None:
    acts = _actions([*HOTPOT, "[2031-12-20 19:10] 會長-阿詩: 飲品邊個帶？",
                     "[2031-12-20 19:11] 大熊: 我帶兩支紅酒，上次剩低嘅"])
    assert _owner_of(acts, "紅酒") == ["大熊"]
    assert _owner_of(acts, "飲品") == ["大熊"]


def test_a_bare_offer_keeps_the_call_as_the_to_do() -> None:
    # hard negative: "我嚟啦" names nothing; the to-do is the call's, with nothing added
    acts = _actions([*HOTPOT, "[2031-12-20 19:13] 會長-阿詩: 邊個得閒早啲去霸位？", "[2031-12-20 19:14] Kelly: 我嚟啦"])
    assert acts == [("Kelly", "邊個得閒早啲去霸位？")]


def test_simplified_reply_naming_its_own_thing_after_a_call() -> None:
    acts = _actions([*HIKE, "[2031-12-16 20:18] 领队-老贺: 球谁带？", "[2031-12-16 20:19] 小雨: 我带两筒，上周刚买的"])
    assert _owner_of(acts, "两筒") == ["小雨"]


# -- a notice telling everyone what to bring to a coming day ---------------------------------------------------------

CLASS = ["[2026-12-11 20:00] 班长-阿明: 各位好", "[2026-12-11 20:01] 小红: 收到", "[2026-12-11 20:02] 小刚: 收到"]


def test_what_everyone_brings_to_a_coming_day_is_their_to_do_on_that_day() -> None:
    acts = _actions([*CLASS, "[2026-12-11 20:05] 班长-阿明: 12月19日上午9点到11点在3号楼抽签，大家带上身份证和购房合同复印件"])
    assert _owner_of(acts, "身份证") == ["大家"]
    assert find_actions(parse_text("\n".join([*CLASS, "[2026-12-11 20:05] 班长-阿明: 12月19日上午9点在3号楼抽签，"
                                              "大家帶齊身份證"]) + "\n", "c.txt").messages)[0][0].deadline \
        == "2026-12-19 09:00"


def test_a_same_day_talk_s_notebook_and_a_safety_reminder_stay_no_to_do() -> None:
    # hard negatives: tonight is no coming day (the talk's listeners are told, not given work); no bring word at all
    acts = _actions([*CLASS, "[2026-12-11 20:05] 班长-阿明: 今晚8点请小林老师分享，大家准备好小本本",
                     "[2026-12-11 20:06] 班长-阿明: 下周六上午9点在东门集合，大家注意安全"])
    assert acts == []
