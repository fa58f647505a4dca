"""Issue 13, round 77 (d13d77): family, village and co-op chats, where a relative or another member — not the one
running the chat — answers a question, often two questions asked in one line and put to the host by name
("大伯，那天要不要穿黑衣服？小孩子也要去吗？" — 三姑: "穿素色就行…；小孩子都带上"). Once one half is answered, a
later line that hands work out ("分一下工：二房负责订酒席…") or settles things ("定了：…") takes the other half not at
all, and any other line only on its words or in its form (pairing._half_answer, _takes_half, _left_to_answer): the
half goes back into its answered sibling. Not changed: an @-reply by the host still replaces a member's answer; a half
answered in pieces by another member keeps its own answer; a question answered only by the host's decision keeps it.

The chats are written by hand for this test.
"""

from __future__ import annotations

from copilot.notes.model import Notes, QAPair
from copilot.notes.offline import summarize_offline
from copilot.notes.parse import parse_text


def _notes(lines: list[tuple[str, str]]) -> Notes:
    chat = "".join(f"[2027-03-02 20:{i:02d}] {who}: {text}\n" for i, (who, text) in enumerate(lines))
    return summarize_offline(parse_text(chat, "chat.txt"))


def _pairs(qa: list[QAPair], asked: str) -> list[QAPair]:
    return [q for q in qa if asked in q.question]


MEMORIAL = [
    ("大伯", "各位家人，爷爷三周年的祭拜定在3月14日上午九点，在老家祠堂，中午在村口福满楼吃饭"),
    ("二婶", "大伯，那天要不要穿黑衣服？小孩子也要去吗？"),
    ("三姑", "穿素色就行，不用全黑；小孩子都带上，爷爷生前最疼孙子辈"),
    ("二婶", "好的"),
    ("大伯", "分一下工：二房负责订福满楼的酒席，十桌，3月7日前把定金交了；三房负责买香烛纸钱和鞭炮"),
    ("二叔", "收到，酒席我们家来订"),
    ("阿嫲", "供品我来做，发糕我自己蒸，你们不用买"),
    ("大伯", "阿嫲别太累了"),
]


def test_a_relatives_answer_to_both_halves_stands_against_the_hosts_work_list() -> None:
    notes = _notes(MEMORIAL)
    black, kids = _pairs(notes.qa, "黑衣服"), _pairs(notes.qa, "小孩子")
    assert black and all(q.answerer == "三姑" and "穿素色" in q.answer for q in black), notes.qa
    assert kids and all(q.answerer == "三姑" and "小孩子都带上" in q.answer for q in kids), notes.qa
    assert not any("分一下工" in q.answer or "别太累" in q.answer for q in notes.qa), notes.qa


def test_the_hosts_decision_line_does_not_replace_a_members_answer() -> None:
    chat = "".join(f"2027-08-16 18:{i:02d}:00,{who},{text}\n" for i, (who, text) in enumerate([
        ("社长-老郑", "各位社员，台风预计周四晚上登陆，这周三下午之前所有船都要回港"),
        ("阿海", "社长，网箱要不要先起上来？鱼苗怎么办？"),
        ("林婶", "网箱不用起，加固缆绳就行；鱼苗先转到东边的池塘"),
        ("阿海", "明白"),
        ("社长-老郑", "定了：周三下午所有船回港，续保每条船1200元合作社先垫")]))
    qa = summarize_offline(parse_text("时间,发送人,内容\n" + chat, "chat.csv")).qa
    cages, fry = _pairs(qa, "网箱"), _pairs(qa, "鱼苗")
    assert cages and all(q.answerer == "林婶" for q in cages), qa
    assert fry and all(q.answerer == "林婶" and "东边的池塘" in q.answer for q in fry), qa


def test_an_unrelated_line_takes_no_half_already_answered_by_the_same_reply() -> None:
    notes = _notes([
        ("大伯", "爷爷三周年的祭拜定在3月14日，中午在村口福满楼吃饭"),
        ("小表妹", "份子钱怎么算？每家出多少？"),
        ("三姑", "按老规矩，每家出2000，不够的从基金里补"),
        ("大表哥", "我在深圳，14号一早开车回，可以顺路接小姨一家")])
    assert not any(q.answerer == "大表哥" for q in notes.qa), notes.qa


def test_a_half_answered_in_pieces_by_two_members_keeps_both_answers() -> None:
    notes = _notes([
        ("领队-阿May", "周六去农场摘草莓，早上八点半在地铁站集合"),
        ("小林", "费用多少？小孩要带什么？"),
        ("阿芳", "大人120元，小孩80元"),
        ("老周", "小孩带水壶和帽子，田里很晒")])
    fee, kids = _pairs(notes.qa, "费用"), _pairs(notes.qa, "带什么")
    assert fee and fee[0].answerer == "阿芳", notes.qa
    assert kids and kids[0].answerer == "老周" and "水壶" in kids[0].answer, notes.qa


def test_an_at_reply_by_the_host_still_replaces_a_members_guess() -> None:
    notes = _notes([
        ("队长大熊", "这周六骑青山湖环湖，往返68公里"),
        ("小雨", "我是新手，A线我能跟得上吗"),
        ("胖虎", "A吧，青山湖风景好，路也平"),
        ("队长大熊", "@小雨 放心，均速控制在22左右，中间设3个补给点，有人收尾，不会把你丢下")])
    keep = _pairs(notes.qa, "跟得上")
    assert keep and keep[0].answerer == "队长大熊" and "补给点" in keep[0].answer, notes.qa


def test_a_question_put_to_the_host_is_still_answered_by_the_hosts_decision() -> None:
    notes = _notes([
        ("群主-老林", "下次聚餐大家看看周六还是周日方便"),
        ("阿娟", "群主，那定周六还是周日？几点开始？"),
        ("群主-老林", "定了，周六晚上六点，还是福满楼")])
    got = _pairs(notes.qa, "周六还是周日")
    assert got and got[0].answerer == "群主-老林" and "六点" in got[0].answer, notes.qa
