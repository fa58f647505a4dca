"""A JSON/JSONL export's own quote field — WeCom's ``"quote": {"sender": …}``, a bot's ``"reply_to"`` naming the
quoted message's id or its sender — says whom a reply answers, as a copied quote in the text does (round 62, d13d62)."""

import json

from copilot.notes.pairing import find_qa
from copilot.notes.parse import parse_text


def _json(records: list[dict]) -> str:
    return json.dumps({"group": "社区团购-团长群", "messages": records}, ensure_ascii=False)


def _rec(who: str, minute: int, text: str, **extra) -> dict:
    return {"sender": who, "time": f"2027-04-02 19:{minute:02d}:00", "content": text, **extra}


def test_wecom_quote_object_names_the_asker() -> None:
    t = parse_text(_json([
        _rec("团长阿玲", 0, "这周的草莓到货了，周六下午在3号楼门口分"),
        _rec("小雨妈妈", 1, "草莓多少钱一盒？"),
        _rec("老郑", 2, "周六几点开始分？"),
        _rec("团长阿玲", 3, "下午两点开始", quote={"sender": "老郑", "content": "周六几点开始分？"}),
        _rec("团长阿玲", 4, "三十五一盒", quote={"sender": {"nickname": "小雨妈妈"}, "content": "草莓多少钱一盒？"}),
    ]), suffix=".json")
    assert [(m.speaker, m.reply_to) for m in t.messages if m.reply_to] == [("团长阿玲", "老郑"), ("团长阿玲", "小雨妈妈")]
    pairs = {p.asker: p.answer for p in find_qa(t.messages, "话题讨论", ["团长阿玲", "小雨妈妈", "老郑"], "团长阿玲")}
    assert "两点" in pairs["老郑"]
    assert "三十五" in pairs["小雨妈妈"]


def test_jsonl_reply_to_by_message_id_or_by_name() -> None:
    lines = [
        {"msgid": "a1", "from": "阿彤", "content": "明天的读书会谁带投影仪？", "time": "2027-04-02T20:00:00+08:00"},
        {"msgid": "a2", "from": "Kevin", "content": "我下班晚，可能要迟到半小时", "time": "2027-04-02T20:01:00+08:00"},
        {"msgid": "a3", "from": "小芸", "content": "我带，家里有一台", "reply_to": "a1", "time": "2027-04-02T20:02:00+08:00"},
        {"msgid": "a4", "from": "阿彤", "content": "没事，慢慢来", "reply_to": "Kevin", "time": "2027-04-02T20:03:00+08:00"},
        {"msgid": "a5", "from": "阿彤", "content": "好的", "reply_to": "不在群里的人", "time": "2027-04-02T20:04:00+08:00"},
    ]
    t = parse_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), suffix=".jsonl")
    assert [m.reply_to for m in t.messages] == [None, None, "阿彤", "Kevin", None]


def test_a_copied_quote_in_the_text_still_wins_over_no_field() -> None:
    t = parse_text(_json([
        _rec("小雨妈妈", 1, "草莓多少钱一盒？"),
        _rec("团长阿玲", 3, "「小雨妈妈：草莓多少钱一盒？」\n- - - - - - - - - - - - - - -\n三十五一盒"),
    ]), suffix=".json")
    assert (t.messages[-1].reply_to, t.messages[-1].text) == ("小雨妈妈", "三十五一盒")
