"""Round 84 (d13c84, issue 13): to-dos with the right owner, non-tasks kept out — the fresh tester qa13r70's defects,
on chats written for these tests.

- a host's "这个是谣言，别转了" to a member who forwarded a rumour is housekeeping: neither the forward nor the
  call-out is a point, a notice or anyone's to-do (it shamed the member in the notes);
- an English word said in passing ("Sorry 补充：…") is no owner;
- one message giving each part to an @-named member ("女高@A 女中@B 男声@C") is one to-do per member, not 大家's
  with the names cut out;
- a member whose nickname puts a role after the name (小马会计, 阿芳出纳) is called by the name ("小马你去签");
- a thing a member offers to bring that another member then forbids ("我带孔明灯" — "孔明灯不能带") is no to-do,
  while what they offer instead stays.
"""

from __future__ import annotations

from pathlib import Path

from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes.model import Notes
from copilot.notes.render import render_markdown
from copilot.notes.summarize import summarize_file


def _notes(tmp_path: Path, day: str, lines: list[tuple[str, str, str]]) -> Notes:
    """The offline notes of a WeChat one-line export (time, speaker, text) on ``day``."""
    chat = "".join(f"[{day} {t}] {who}: {text}\n" for t, who, text in lines)
    path = tmp_path / "chat.txt"
    path.write_text(chat, encoding="utf-8")
    settings = get_settings()
    return summarize_file(path, settings, get_engine(settings, prefer="offline")).notes


def test_rumour_call_out_is_nobodys_todo_nor_a_point(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-09", [
        ("08:00", "站长-老蔡", "各位志愿者早 周六上午9点在社区服务站门口集合 给独居老人送年货"),
        ("08:01", "小董", "收到"),
        ("08:03", "秀兰阿姨", "【转发】震惊！自来水明天起全市停水三天，赶紧转发给家人囤水！"),
        ("08:05", "站长-老蔡", "@秀兰阿姨 阿姨这个是谣言，别转了"),
        ("08:06", "秀兰阿姨", "哦哦 好的"),
        ("08:08", "站长-老蔡", "小董周五前把送货名单打印出来"),
        ("08:09", "小董", "好的站长"),
    ])
    md = render_markdown(notes, appendix=False)
    assert "谣言" not in md and "停水" not in md
    assert not [a for a in notes.actions if a.owner == "秀兰阿姨"]
    assert any(a.owner == "小董" and "名单" in a.task for a in notes.actions)
    # a member's statement answered "是谣言" in a talk (no forward, no "别转") stays
    talk = _notes(tmp_path, "2026-12-09", [
        ("20:00", "营养师-林老师", "今晚聊聊冬天的饮食误区"),
        ("20:02", "阿梅", "我婆婆说隔夜的青菜吃了会致癌"),
        ("20:03", "营养师-林老师", "那个说法是谣言 冷藏好了第二天吃没问题"),
        ("20:05", "阿梅", "那我放心了"),
    ])
    assert "冷藏" in render_markdown(talk, appendix=False)


def test_english_word_in_passing_is_no_owner(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-09", [
        ("20:00", "教练-阿伦", "各位家长 周日的比赛改到早上9点开始"),
        ("20:01", "小宇妈妈", "收到"),
        ("20:03", "教练-阿伦", "Sorry 补充：每个小朋友要带一张保险卡复印件 周六前交给我"),
        ("20:04", "小宇妈妈", "好的"),
    ])
    owners = {a.owner for a in notes.actions if "保险卡" in a.task}
    assert owners == {"大家"}, notes.actions


def test_each_part_to_its_at_named_member(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-02", [
        ("10:00", "团长-刘老师", "元旦演出定在12月30日下午2点 文化宫"),
        ("10:01", "张秀英", "收到"),
        ("10:03", "团长-刘老师", "声部长周五前带各声部把第一首唱熟，女高@张秀英 女中@夕阳红-王姐 男声@老李头"),
        ("10:04", "夕阳红-王姐", "好的"),
        ("10:05", "老李头", "没问题"),
    ])
    parts = {a.owner: a for a in notes.actions if "唱熟" in a.task}
    assert set(parts) == {"张秀英", "夕阳红-王姐", "老李头"}, notes.actions
    assert all(a.deadline == "2026-12-04" for a in parts.values())
    assert "女中" in parts["夕阳红-王姐"].task and "大家" not in parts


def test_two_at_names_with_no_parts_are_not_split_by_part(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-02", [
        ("10:00", "队长-阿峰", "周六的比赛 球衣要洗一下"),
        ("10:02", "队长-阿峰", "球衣周五前洗好 @阿杰 @小蒙"),
        ("10:03", "阿杰", "好"),
    ])
    assert not [a for a in notes.actions if "：" in a.task and a.task.endswith(("阿杰", "小蒙"))]


def test_forbidden_offer_is_no_todo_but_the_new_offer_is(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-10", [
        ("21:00", "领队-大飞", "元旦露营定了 12月31日早上7点 北门出发"),
        ("21:02", "阿坤", "我带孔明灯 跨年的时候放"),
        ("21:03", "领队-大飞", "孔明灯不能带 林区防火 抓到罚款"),
        ("21:04", "阿坤", "好吧 那我带两个保温壶"),
        ("21:06", "小敏", "我带一箱橘子"),
        ("21:07", "领队-大飞", "好 橘子分着吃"),
    ])
    his = [a for a in notes.actions if a.owner == "阿坤"]
    assert his and not any("孔明灯" in a.task for a in his) and any("保温壶" in a.task for a in his), notes.actions
    assert all(a.sources == [4] for a in his)  # the forbidden offer's line is no source of it
    assert any(a.owner == "小敏" and "橘子" in a.task for a in notes.actions)


def test_member_called_by_the_name_before_their_role(tmp_path: Path) -> None:
    notes = _notes(tmp_path, "2026-12-04", [
        ("15:00", "马社长", "苹果一半进冷库 一半卖给王老板 就这么定了"),
        ("15:02", "小何会计", "好的 我记账的时候分开记"),
        ("15:04", "马社长", "冷库的合同小何你去签 下礼拜一之前签完拍照发群里"),
        ("15:05", "小何会计", "行"),
    ])
    contract = [a for a in notes.actions if "合同" in a.task]
    assert [a.owner for a in contract] == ["小何会计"], notes.actions
    from copilot.notes.reading import aliases
    assert "小何" in aliases("小何会计") and "阿芳" in aliases("阿芳出纳") and "张" not in aliases("张会计")
