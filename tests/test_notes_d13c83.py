"""Round 83 (d13c83, issue 13): the fresh tester qa13r69's defects in deadline reading, corrections, sign-up lists,
titles, cut numbers and names under --script.

- a month's 尾/末/中 keeps its month ("1月尾之前" is 31 January, "2月中之前" 15 February; "12月中山路" is no time);
- "到时候" takes the day its own sentence named ("我周六去拿，钱到时候交给阿珍" is due Saturday, not today);
- a bare "出发前" takes the day the chat tells for the departure, not a later arrival day it also names;
- a time its own clause turns down ("元旦前做不完 … 最快1月15号") is no deadline while another is named;
- an organiser's own slip ("对不起我打错了 是12月15日前交给我") re-times the to-do it corrects — one to-do, with the
  change mark — and never marks the other dated line it did not touch;
- a one-line 接龙 copied and grown is one list: its latest copy kept, the older ones dropped;
- a chat opened by relaying a notice is titled by the notice's subject, not by the greeting that relays it;
- a label's colon keeps its value ("FPS號碼：9123 5566" is never cut after the colon);
- members' names keep their own script when the notes are converted (岩温 never 巖溫).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes.dates import anchored_events, event_days, find_deadline
from copilot.notes.model import Notes
from copilot.notes.render import render_markdown
from copilot.notes.summarize import summarize_file


def _notes(tmp_path: Path, day: str, lines: list[tuple[str, str, str]]) -> Notes:
    """The offline notes of a WeChat export (time, speaker, text) on ``day``."""
    chat = "\n\n".join(f"{day} {t} {who}\n{text}" for t, who, text in lines) + "\n"
    path = tmp_path / "chat.txt"
    path.write_text(chat, encoding="utf-8")
    settings = get_settings()
    return summarize_file(path, settings, get_engine(settings, prefer="offline")).notes


def _iso(text: str, when: datetime) -> str | None:
    found = find_deadline(text, when)
    return found.iso if found is not None else None


def test_month_end_and_middle_keep_their_month() -> None:
    said = datetime(2026, 12, 3, 20, 0)
    assert _iso("场刊我嚟整 1月尾之前出初稿", said) == "2027-01-31"
    assert _iso("新人我2月中之前教识佢哋", said) == "2027-02-15"
    assert _iso("账目1月底之前对好", said) == "2027-01-31"  # as before
    assert _iso("报名表月中前交给我", said) == "2026-12-15"  # this month's, as before
    assert _iso("海报下个月中前贴出来", said) == "2027-01-15"
    # a street named after a month's middle is no time at all
    assert find_deadline("12月中山路那家店关门了", said) is None


def test_same_day_word_takes_the_day_its_sentence_named() -> None:
    said = datetime(2026, 12, 8, 15, 9)
    assert _iso("我周五去拿，钱到时候交给阿珍，她帮我记账", said) == "2026-12-11"
    # with no day in the sentence, the rest of the message still names it
    found = find_deadline("钱到时候交给阿珍", said, context="周六上午在菜市场门口集合")
    assert found is not None and found.iso == "2026-12-12"


def test_departure_eve_work_is_due_on_the_told_departure_day() -> None:
    day = datetime(2026, 12, 3, 9, 0)
    texts = [("明天上午十点在体育馆东门集合十点半准时出发晚上住张北县城", day),
             ("正常开六号晚上就能回到市里七号上班没问题", day.replace(minute=5)),
             ("六号晚上到了以后大家自己回家", day.replace(minute=6)),
             ("轮胎一定要检查所以每台车出发前把胎压拍一下发群里", day.replace(minute=10))]
    events = anchored_events(texts, event_days(texts))
    assert str(events[-1]) == "2026-12-04"
    found = find_deadline(texts[-1][0], texts[-1][1], event=events[-1])
    assert found is not None and found.iso == "2026-12-04"


def test_a_time_turned_down_is_no_deadline() -> None:
    said = datetime(2026, 12, 6, 19, 6)
    assert _iso("元旦前做不完 竹子还要晒 最快1月15号", said) == "2027-01-15"
    assert _iso("周五前肯定来不及了，12月16日前给你", said) == "2026-12-16"
    # a time nobody turns down stays, and one turned down with nothing else named keeps its words
    assert _iso("龙衣的布12月20日前买回来", said) == "2026-12-20"
    assert _iso("元旦前做不完", said) == "2027-01-01"


def test_own_typo_re_times_the_to_do_it_corrects(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-02", [
        ("20:00:00", "理事长-阿德", "各位理事晚上好，县里的老屋修缮补助今年12月20日截止申请"),
        ("20:01:00", "理事长-阿德", "有要申请的，请把房屋产权证明复印件元旦前交给我"),
        ("20:02:00", "秀琴", "收到"),
        ("20:03:00", "阿凯", "请问一户最多可以补助多少"),
        ("20:04:00", "理事长-阿德", "一户最多补助三十万，自己要出两成"),
        ("20:06:00", "理事长-阿德", "对不起我打错了 是12月15日前交给我 我16号要统一送件"),
        ("20:08:00", "阿凯", "屋顶漏水也可以申请吗"),
        ("20:09:00", "理事长-阿德", "可以 屋顶跟外墙都算"),
    ])
    copies = [a for a in notes.actions if "复印件" in a.task]
    assert len(copies) == 1, [a.task for a in notes.actions]
    assert copies[0].deadline == "2026-12-15" and "已改：12月15日前" in copies[0].task
    # the correction is no second to-do of its own, and the application deadline it never touched is not marked
    assert not any(a.task.startswith("是12月15日前") for a in notes.actions)
    assert not any("12月20日" in a.task and "已改" in a.task for a in notes.actions)


def test_one_line_signup_keeps_its_latest_copy(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-09", [
        ("20:00:00", "群主-大刘", "这周六上午订了两片羽毛球场地，四个小时一共640，来打的人平摊，报名接龙"),
        ("20:02:00", "小马", "接龙：1. 小马 2. 阿静"),
        ("20:04:00", "阿静", "球谁带"),
        ("20:05:00", "群主-大刘", "我带一桶新球"),
        ("20:07:00", "老胡", "接龙：1. 小马 2. 阿静 3. 老胡 4. 老胡老婆"),
        ("20:09:00", "小周", "接龙：1. 小马 2. 阿静 3. 老胡 4. 老胡老婆 5. 小周 6. 阿斌同事"),
        ("20:12:00", "群主-大刘", "场地费周五晚上前转给我"),
    ])
    lists = [a.text for a in notes.announcements if "接龙" in a.text]
    assert len(lists) == 1 and "阿斌同事" in lists[0], lists
    dropped = {o.id for o in notes.omitted}
    assert {2, 5} <= dropped and 6 not in dropped


def test_relayed_notice_titles_by_its_subject(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-08", [
        ("15:01:00", "阿强(卖猪肉)", "各位老板 下午好 市场办刚发了个通知 我转一下 大家看看"),
        ("15:01:30", "阿强(卖猪肉)", "【东风菜市场计量通知】自2027年1月1日起：1. 所有摊位电子秤须经年度检定；2. 检定费每台60元；"
                                   "3. 请于12月25日前到市场办登记摊位号"),
        ("15:03:00", "卖豆腐的兰姐", "又要交钱啊"),
        ("15:05:00", "老陈鱼档", "我那台秤用了八年了 检定能过吗"),
        ("15:06:00", "阿强(卖猪肉)", "太旧的可能过不了 过不了的要换新秤 新秤一台135"),
        ("15:07:00", "老陈鱼档", "那我换一台新的"),
    ])
    assert "电子秤" in notes.title and "下午好" not in notes.title and "转一下" not in notes.title


def test_label_colon_keeps_its_value() -> None:
    from copilot.notes.offline import _pieces

    line = ("会费今年都系每人$250，包埋表演完嗰餐晚饭同埋租狮被，12月20号之前过数俾Mandy，有咩问题私聊佢，"
            "FPS號碼：9123 5566（Mandy Wong）")
    pieces = _pieces(line)
    assert not any(p.rstrip().endswith("號碼：") for p in pieces), pieces
    assert any("FPS號碼：9123 5566" in p for p in pieces)


def test_names_keep_their_script_when_converted(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-05", [
        ("20:00:00", "岩温", "今晚商量今年咖啡鲜果卖给谁，大家说说"),
        ("20:02:00", "玉香", "晒棚要买多少遮阳网啊"),
        ("20:03:00", "老罗", "两百米左右"),
        ("20:05:00", "岩温", "那就定了，七成卖给收购商，三成自己做日晒"),
        ("20:06:00", "玉香", "同意"),
        ("20:07:00", "岩温", "岩温下周三前去跟收购商谈价格，老罗周一前把晒棚搭好"),
    ])
    hant = render_markdown(notes, "zh-Hant")
    assert "岩温" in hant and "巖溫" not in hant
    assert "遮陽網" in hant  # the rest of the content is converted
