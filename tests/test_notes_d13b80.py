"""Issue 13, round 80 (d13b80): Q&A pairs lost to a later @-line handing out work, and to side chatter.

A member's question answered by the very next line, someone else's statement ("釉料用哪种？" — "哑光白和天青两种"),
keeps that answer when the one running the chat later @-addresses the asker only to hand them work on another matter
("@小蕾 作品标签你去打印一下"): pairing._answered_next. Hard negatives: a first line that opens on a laugh ("哈哈 谁会在
现场试穿啦") is no answer to keep, and an @-line on the question's own words still replaces a guess.

A member's question answered so far only by coming next, by another member's line that is no plain answer by the
chatter model ("要不要带午饭？" — "我家白菜今年长得可好了哈哈"), is answered by the next statement of the one running the
chat ("中午统一订盒饭，每人15块"): pairing._side_taken. Hard negatives: a side question answered in its own form ("日出
靚唔靚" — "好靚呀") keeps that answer, and a question that is small talk itself is not given the host's notice.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.evals.notes import NOTES_EVAL_DIR
from copilot.files import decode_bytes
from copilot.notes.model import Message, Notes, QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.pairing import _answered_next, _Open, _side_taken
from copilot.notes.parse import parse_text


def _chat(lines: list[tuple[str, str]], day: str = "2031-12-21") -> str:
    return "".join(f"[{day} 19:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))


def _notes(lines: list[tuple[str, str]]) -> Notes:
    return summarize_offline(parse_text(_chat(lines), "chat.txt"))


def _pair(qa: list[QAPair], asked: str) -> QAPair | None:
    return next((q for q in qa if asked in q.question), None)


POTTERY = [("陶艺老师-阿静", "各位学员，下周六下午两点在陶艺工作室办年终作品展，今晚把事情排一下"),
           ("小蕾", "釉料用哪种？"),
           ("陶艺老师-阿静", "哑光白和天青两种，别的颜色这次不上"),
           ("大树", "展台我家有两张折叠桌可以拿来"),
           ("陶艺老师-阿静", "好，大树周五前送过来"),
           ("小蕾", "我家猫昨天把我捏的杯子推下桌了😂"),
           ("阿坤", "哈哈猫主子"),
           ("陶艺老师-阿静", "@小蕾 作品标签你去打印一下，周四前给我"),
           ("小蕾", "好的")]


def test_next_line_answer_stands_against_a_later_work_line() -> None:
    notes = _notes(POTTERY)
    pair = _pair(notes.qa, "釉料")
    assert pair is not None and pair.answerer == "陶艺老师-阿静" and "天青" in pair.answer, notes.qa
    assert "作品标签" not in pair.answer, pair
    assert any(a.owner == "小蕾" and "标签" in a.task for a in notes.actions), notes.actions


def test_member_answer_next_stands_against_the_hosts_work_line() -> None:
    notes = _notes([("会长-老韩", "各位球友，下周日上午九点体育馆三号场打年终友谊赛，八点半签到"),
                    ("小栗", "球用什么牌子的？"),
                    ("阿飞", "往年都是用的红双喜，俱乐部有两桶"),
                    ("阿飞", "昨晚湖人又输了，气死"),
                    ("大鹏", "哈哈 别看了"),
                    ("会长-老韩", "@小栗 你负责签到表，周六前打印好带来"),
                    ("小栗", "收到")])
    pair = _pair(notes.qa, "牌子")
    assert pair is not None and pair.answerer == "阿飞" and "红双喜" in pair.answer, notes.qa


def test_cantonese_traditional_answer_then_work() -> None:
    notes = _notes([("隊長阿Sam", "各位，下個禮拜日行麥理浩徑第二段，朝早八點西貢北潭涌集合"),
                    ("Kelly", "要行幾耐？"),
                    ("隊長阿Sam", "大概五個鐘，中途喺浪茄食午餐"),
                    ("大熊", "琴日睇咗場波，曼聯又輸"),
                    ("阿明", "哈哈唔好再睇啦"),
                    ("隊長阿Sam", "@Kelly 你負責收錢，每人$50保險費，禮拜五前收齊"),
                    ("Kelly", "OK")])
    pair = _pair(notes.qa, "幾耐")
    assert pair is not None and pair.answerer == "隊長阿Sam" and "五個鐘" in pair.answer, notes.qa
    assert any(a.owner == "Kelly" and "收錢" in a.task for a in notes.actions), notes.actions


def test_time_answer_stands_against_a_dated_work_line() -> None:
    notes = _notes([("指挥-林老师", "各位团员，元旦音乐会下周五晚七点半在区文化馆剧场，今晚把分工定一下"),
                    ("小雨", "几点到后台化妆"),
                    ("指挥-林老师", "六点前到，化妆师六点开始"),
                    ("指挥-林老师", "@小雨 你去把节目单再校一遍，周四前发我"),
                    ("小雨", "收到")])
    pair = _pair(notes.qa, "化妆")
    assert pair is not None and "六点前" in pair.answer and "节目单" not in pair.answer, notes.qa


def _open(lines: list[tuple[str, str]]) -> tuple[_Open, Message]:
    """The first line as an open question answered by the second; the third line as the later @-line."""
    msgs = parse_text(_chat(lines), "chat.txt").messages
    return _Open(msgs[0], 0, msgs[0].text, set(), answer=[msgs[1]], loose=True), msgs[2]


def test_negative_a_laugh_first_is_no_answer_to_keep() -> None:
    q, m = _open([("Peter林", "那试衣服要去哪里换"), ("阿哲", "哈哈 谁会在现场试穿啦"),
                  ("里长秘书小君", "@Peter林 用屏风隔一个小空间就好，屏风你负责去借一下")])
    assert not _answered_next(q, m)
    q, m = _open([("Peter林", "那试衣服要去哪里换"), ("阿哲", "活动中心二楼有个小房间可以换"),
                  ("里长秘书小君", "@Peter林 海报你负责去贴一下")])
    assert _answered_next(q, m)


def test_negative_laugh_first_in_the_clothes_swap_chat() -> None:
    path = NOTES_EVAL_DIR / "dev" / "dev50a_line_tw_clothes_swap.txt"
    notes = summarize_offline(parse_text(decode_bytes(path.read_bytes(), path.name), path.name))
    pair = _pair(notes.qa, "試衣服")
    assert pair is not None and pair.answerer == "里長秘書小君" and "屏風" in pair.answer, notes.qa


def test_negative_at_line_on_the_questions_words_still_replaces_a_guess() -> None:
    notes = _notes([("领队-老许", "周六早上八点出发去水库骑行，全程四十公里"),
                    ("小A", "集合地点在哪里？"),
                    ("阿B", "好像是在东门吧"),
                    ("领队-老许", "@小A 集合地点改在南门停车场，你负责带队旗"),
                    ("小A", "好的")])
    pair = _pair(notes.qa, "集合地点")
    assert pair is not None and pair.answerer == "领队-老许" and "南门" in pair.answer, notes.qa


GARDEN = [("园长-老杜", "各位园友，下周六上午九点社区菜园冬季翻地，顺便把新来的堆肥箱装好"),
          ("小钟", "要不要带午饭？"),
          ("阿玲", "我家白菜今年长得可好了哈哈"),
          ("胖虎", "羡慕"),
          ("园长-老杜", "中午统一订盒饭，每人15块，到时候现场交"),
          ("胖虎", "下雨怎么办"),
          ("小钟", "昨天那场球你们看了没"),
          ("阿玲", "看了 太可惜"),
          ("园长-老杜", "雨大就顺延到周日，早上七点我在群里说")]


def test_host_answers_after_side_chatter() -> None:
    notes = _notes(GARDEN)
    lunch = _pair(notes.qa, "午饭")
    assert lunch is not None and lunch.answerer == "园长-老杜" and "盒饭" in lunch.answer, notes.qa
    assert all("白菜" not in q.answer for q in notes.qa), notes.qa


def test_negative_side_question_answered_in_form_keeps_its_answer() -> None:
    notes = _notes([("社長-梁伯", "下個月社慶演出，今晚講下分工"),
                    ("麗芳", "今朝行山見到嘅日出 靚唔靚"),
                    ("鳳姐", "好靚呀"),
                    ("社長-梁伯", "加排改喺禮拜二同禮拜五夜晚7點，喺社址")])
    pair = _pair(notes.qa, "日出")
    assert pair is None or "加排" not in pair.answer, notes.qa


def _taken(asked: tuple[str, str], said: tuple[str, str], host_line: str, to: frozenset[str] = frozenset()) -> bool:
    msgs = parse_text(_chat([asked, said, ("园长-老杜", host_line)]), "chat.txt").messages
    q = _Open(msgs[0], 0, msgs[0].text, set(to), answer=[msgs[1]], loose=True)
    return _side_taken(q, msgs[2], "园长-老杜")


def test_side_taken_reads_the_question_and_the_line_between() -> None:
    assert _taken(("小钟", "要不要带午饭？"), ("阿玲", "我家白菜今年长得可好了哈哈"), "中午统一订盒饭，每人15块")
    # a question turning to its asker's own matter ("对了…我想囤点")
    assert not _taken(("小满", "对了大家最近用什么胶带，我想囤点和纸胶带"), ("阿玲", "我家白菜今年长得可好了哈哈"),
                      "场地费每人20，1月3日前转给小满")
    # a question put to someone by name, and a line between that answers in the question's form
    assert not _taken(("小钟", "阿玲 要不要带午饭？"), ("胖虎", "我家白菜今年长得可好了哈哈"), "中午统一订盒饭，每人15块",
                      frozenset({"阿玲"}))
    assert not _taken(("小钟", "要不要带午饭？"), ("阿玲", "要带，中午那边没有饭店哈哈"), "中午统一订盒饭，每人15块")
    # the host asking back
    assert not _taken(("小钟", "要不要带午饭？"), ("阿玲", "我家白菜今年长得可好了哈哈"), "你们想吃盒饭还是自己带？")


def test_negative_small_talk_question_gets_no_host_line() -> None:
    notes = _notes([("HR-王珊", "下周一有三位新同事入职，入职礼包和工位大家配合准备一下"),
                    ("孙敏", "中午有人一起点奶茶吗，满减活动"),
                    ("小陈", "我最近在减肥哈哈哈"),
                    ("HR-王珊", "工位安排在三楼靠窗那排，电脑周五前到")])
    pair = _pair(notes.qa, "奶茶")
    assert pair is None or "工位" not in pair.answer, notes.qa

