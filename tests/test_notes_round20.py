"""Issue 13, round 20: platform lines of WeChat / QQ (old and NT) / WeCom and sticker, greeting and
reaction messages are dropped by data (``noise.yaml``) — while votes and acknowledgements stay for the
structure pass; a chat pasted as "昵称：内容" lines with no times is a chat; the eval tells which kind of
noise leaked without showing any text. Every chat here is written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.evals.notes import ChatSpec, aggregate, score_notes, show
from copilot.llm import get_engine
from copilot.moderation.message import split_nickname
from copilot.notes import NotesParseError, summarize_text
from copilot.notes.model import Message
from copilot.notes.noise import leak_class, noise_reason
from copilot.notes.parse import parse_text
from copilot.ui.moderation import parse_lines


@pytest.fixture()
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _reason(text: str, speaker: str = "桂芳") -> str | None:
    return noise_reason(Message(id=1, time=None, speaker=speaker, text=text))


@pytest.mark.parametrize("line", [
    "[口令红包]周末愉快", "[专属红包]给阿杰的红包", "[语音红包]请说出口令", "[利是]恭喜发财",
    "阿杰领取了桂芳的红包", "桂芳的红包已被领完", "红包已过期", "已收款", "转账已被接收",
    "桂芳戳了戳阿杰", "阿杰被管理员移出本群", "阿杰 已经成为群成员", "群主设置阿杰为管理员",
    "桂芳 取消了阿杰的管理员身份", "群主已开启\"群内禁止加好友\"", "桂芳发起了群收款", "语音通话已结束 通话时长 12:03",
    "以下为新消息", "—— 以下是新消息 ——", "此消息已被删除", "你撤回了一条消息 重新编辑", "群聊的聊天记录",
    "2026-05-02 09:30", "昨天 21:03", "[该消息类型暂不能展示]", "[视频号]", "[语音]12\"",
    "[尊嘟假嘟][尊嘟假嘟]", "[斜眼笑]", "T_T", "(^_^)", "orz", "哈哈哈哈哈哈", "hhhh", "6666", "签到", "今日打卡",
    "冒泡", "老师辛苦了👏👏", "中秋快乐！🥮", "大家端午节快乐",
])
def test_platform_lines_stickers_greetings_and_reactions_are_noise(line: str) -> None:
    assert _reason(line) is not None, line


@pytest.mark.parametrize("line", [
    "+1", "1", "同意", "收到", "好的", "20:30", "周六 9:00", "已收款，周五统一发货，单号晚上发群里",
    "[通知] 周日社区义诊改到上午9点，地点不变", "撤回那条的意思是周五不用交了吗？", "ok", "恭喜阿杰考上了市一中",
    "6", "我拍了照片，放在群相册了，大家看看哪张当海报",
])
def test_votes_acks_answers_and_real_content_are_kept(line: str) -> None:
    assert _reason(line) is None, line


def test_a_pasted_chat_without_times_is_read_speaker_by_speaker() -> None:
    chat = ("团长阿梅：周三上午10点到货，3号楼门口自提\n"
            "小雨妈妈: 我订了两箱，能不能放到下午？\n"
            "团长阿梅：可以，下午5点前都在\n"
            "集合时间：周六上午9点\n"
            "地点：3号楼门口\n"
            "老周：我周六来拿\n")
    t = parse_text(chat, "paste.txt")
    assert t.format == "pasted"
    assert [m.speaker for m in t.messages] == ["团长阿梅", "小雨妈妈", "团长阿梅", "老周"]
    assert "地点：3号楼门口" in t.messages[2].text and "集合时间：周六上午9点" in t.messages[2].text
    assert all(m.time is None for m in t.messages)


def test_a_pasted_chat_gets_notes_with_its_question_answered(offline: Settings) -> None:
    chat = ("班长小林：下周六秋游去植物园，门票每人25元\n"
            "阿豪：学生证能打折吗\n"
            "班长小林：学生证半价，12.5元\n"
            "阿豪：好的\n"
            "班长小林：阿豪你负责买门票，周四前把名单发我\n")
    notes = summarize_text(chat, "paste.txt", offline, get_engine(offline)).notes
    assert any("学生证" in q.question and "半价" in q.answer and q.answerer == "班长小林" for q in notes.qa)
    assert any(a.owner == "阿豪" and "门票" in a.task for a in notes.actions)


@pytest.mark.parametrize("text", [
    "这是一段普通的说明文字，没有人名和冒号。\n第二行也是说明。\n",
    "注意：只有一个人这样写\n然后就没有了\n",
])
def test_prose_is_still_not_a_chat(text: str) -> None:
    with pytest.raises(NotesParseError):
        parse_text(text, "plain.txt")


def test_the_moderation_panel_and_the_notes_split_a_nickname_the_same_way() -> None:
    assert split_nickname("阿杰：明天几点集合") == ("阿杰", "明天几点集合")
    assert split_nickname("阿杰: 明天几点集合") == ("阿杰", "明天几点集合")
    assert split_nickname("链接 https://example.com/a") is None
    assert split_nickname("8:30到门口") is None
    assert parse_lines("阿杰：明天几点集合")[0]["user"] == "阿杰"


def test_the_eval_counts_leaks_by_kind_without_their_text() -> None:
    chat = ("[2026-05-02 09:00] 桂芳: 周日包饺子活动，上午9点社区活动室集合\n"
            "[2026-05-02 09:01] 桂芳: [拼手气红包]大吉大利\n"
            "[2026-05-02 09:02] 阿杰: 我家楼下新开了一家麻辣烫，挺好吃\n"
            "[2026-05-02 09:03] 桂芳: 馅料我来准备，周六晚上前买好\n")
    t = parse_text(chat, "c.txt")
    assert leak_class("大吉大利", t) == "红包"
    assert leak_class("麻辣烫", t) == "其他"
    assert leak_class("[图片]", t) == "表情"
    spec = ChatSpec(format="wechat-inline", script="zh-Hans", session_type="话题讨论", must_not=["麻辣烫", "大吉大利"])
    notes = summarize_text(chat, "c.txt", Settings(llm_provider="offline"), get_engine(Settings(llm_provider="offline"))).notes
    notes.summary += "阿杰：我家楼下新开了一家麻辣烫（#3）"  # a leak, put there on purpose
    metrics = aggregate([score_notes(notes, t, spec, "c.txt")])
    assert metrics["leaked_by_class"] == {"其他": 1} and metrics["leaked_noise"] == 1
    assert show(metrics["leaked_by_class"]) == "其他 1" and show({}) == "0"
