"""Issue 13 item 4, round 37 (dev13ag): platform noise never reaches the notes.

Today's QQ (NT/PC/mobile), WeChat (copy-paste, merge-forward, 拍一拍, 撤回, 红包/转账/收款, cards,
位置共享, cancelled calls), WeCom's chat archive (msgtype records) and sticker/greeting lines in
Simplified and Traditional are dropped with their reason; a member's note about their own slip
(语音按错了, 发错群了, 誤傳 請忽略) is dropped too and takes back the message it is about; 接龙 and
群公告 cards that carry facts are kept; a forwarded "聊天记录" block and a quote-reply's quoted part
count once. Every chat and line here is written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from chat_lines import owned_by

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import render_markdown, summarize_text
from copilot.notes.model import Message
from copilot.notes.noise import noise_reason
from copilot.notes.parse import parse_text
from copilot.textnorm import fold


@pytest.fixture()
def offline(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _reason(text: str, speaker: str = "周阿姨") -> str | None:
    return noise_reason(Message(id=1, time=None, speaker=speaker, text=text))


# 70 lines the platforms write (or members post with nothing in them), each with the reason it must get
NOISE = {
    "系统消息": [
        "\"阿杰\"撤回了一条消息", "你撤回了一条消息 重新编辑", "小明撤回了一条成员消息", "管理员已撤回了一条成员消息",
        "對方已撤回一條訊息", "阿May已收回訊息", "這則訊息已收回", "该消息已被群主撤回", "已撤回", "该消息已超过可撤回时间",
        "\"小王\" 拍了拍 \"老陈\" 的肩膀", "\"阿梅\"拍了拍自己", "小雨 戳了戳 老李",
        "\"张三\"邀请\"李四\"加入了群聊", "李四通过扫描二维码加入群聊", "阿强 退出了群聊", "阿强 被管理员移出了本群",
        "\"赵六\"与群里其他人都不是朋友关系，请注意隐私安全", "群主已启用\"群聊邀请确认\"，群成员需群主确认才能邀请朋友进群。",
        "\"老陈\"修改群名为\"周末徒步群\"", "—— 以下为历史消息 ——", "以下是新消息", "消息过期或已被清理",
        "发起了位置共享", "位置共享已结束", "语音通话 已取消", "[视频通话]对方已取消", "群主将你设为管理员", "群公告",
        "同意了会话内容存档", "分享了一个链接",
    ],
    "红包/转账": [
        "[红包]恭喜发财，大吉大利", "你领取了王姐的红包", "[转账]向你转账50.00元",
        "已收款 ¥100.00", "收款到账88.00元", "阿玲 向 你 轉帳 $100", "[紅包] 恭喜發財", "[轉帳]", "[口令红包]",
    ],
    "平台占位消息": [
        "[QQ红包]请使用新版手机QQ查收红包。", "[位置]深圳市南山区科技园", "[名片]王医生", "[个人名片]张三", "[小程序]接龙管家", "[QQ小程序]腾讯文档",
        "[公众号] 社区服务", "[位置共享]", "[窗口抖动]", "[闪照]请使用新版手机QQ查看闪照。", "[该消息类型暂不支持展示]",
        "[群投票] 周六去哪里",
    ],
    "图片/表情占位": [
        "[动画表情]", "[图片]", "[超级表情]", "[贴纸]", "[貼圖]", "[語音訊息]", "[視訊]", "[玫瑰][玫瑰]", "[旺柴]",
        "/:rose", "[卡片消息]", "[群待办]", "[接龙]",
    ],
    "问候/告别/客套": ["早上好🌞", "大家早晨", "早唞", "多謝老闆", "谢谢老板[抱拳]", "各位晚安"],
    "误发/撤回说明": [
        "语音按错了", "不好意思发错群了", "发错了 不好意思", "刚才那条发错了，大家别理", "呀我按错了刚才那个语音不要听",
        "哎呀 語音按錯了", "唔好意思 發錯群", "誤傳 請忽略", "不好意思刚才手滑", "撤回一下",
    ],
}


@pytest.mark.parametrize(("reason", "line"), [(r, x) for r, lines in NOISE.items() for x in lines])
def test_every_platform_and_slip_line_is_dropped_with_its_reason(reason: str, line: str) -> None:
    assert _reason(line) == reason


def test_the_noise_bank_is_large_and_varied() -> None:
    assert sum(len(v) for v in NOISE.values()) >= 60


@pytest.mark.parametrize("line", [
    "打错了，是周六不是周日",                      # a correction keeps its fact
    "我发错了地址，正确的是科技园3号门",
    "请大家忽略上一条，集合改到8点",
    "别看了 下雨取消",
    "我不要听你的 周六必须去",
    "手滑点了报名，能帮我取消吗",
    "大家向阿玲转账180元",                        # an instruction, not the platform's transfer line
    "报名信息已经收回，不再接受报名了",
    "[接龙] 周六羽毛球 南山体育馆 下午3点\n1. 阿强\n2. 小李",
    "[群公告] 本周六上午9点在东门集合，迟到不等",
    "收到", "+1",                                # acknowledgements and votes stay for the structure pass
])
def test_content_that_looks_like_noise_is_kept(line: str) -> None:
    assert _reason(line) is None


# a Tai Chi team's QQ export, full of noise around its real facts
TAICHI = """\
2026-11-30 08:01:12 太极队周教练(10086123)
各位早上好🌞
2026-11-30 08:02:40 系统消息(10000)
"老胡"通过扫描二维码加入群聊
2026-11-30 08:03:05 太极队周教练(10086123)
[群公告] 本周六上午8点半在滨江公园南门集合，练24式，穿统一白色练功服
2026-11-30 08:04:11 老胡(22233344)
[图片]
2026-11-30 08:04:30 老胡(22233344)
呀我按错了刚才那个语音不要听
2026-11-30 08:05:02 王阿姨(33344455)
[QQ红包]请使用新版手机QQ查收红包。
2026-11-30 08:05:40 李大爷(44455566)
[转账]向你转账50.00元
2026-11-30 08:06:00 王阿姨(33344455)
周教练，练功服在哪里买，多少钱
2026-11-30 08:07:12 太极队周教练(10086123)
在体育用品店买，一套120元，李大爷统一订，周四前把尺码报给李大爷
2026-11-30 08:07:30 李大爷(44455566)
好的 我来订，周四晚上8点前把尺码发我
2026-11-30 08:08:01 小张(55566677)
周末去钓鱼的有吗
2026-11-30 08:08:20 小张(55566677)
不好意思发错群了
2026-11-30 08:09:00 李大爷(44455566)
"王阿姨" 拍了拍 "太极队周教练"
2026-11-30 08:09:30 王阿姨(33344455)
[接龙] 周六练功服尺码接龙\n1. 王阿姨 L\n2. 老胡 XL
2026-11-30 08:10:00 老胡(22233344)
该消息已超过可撤回时间
2026-11-30 08:11:00 太极队周教练(10086123)
就这样 大家早点休息
"""

TAICHI_NOISE = ["各位早上好", "扫描二维码", "我按错了", "语音不要听", "QQ红包", "查收红包", "向你转账", "发错群",
                "周末去钓鱼", "拍了拍", "可撤回时间", "早点休息"]


def test_noisy_qq_chat_drops_each_noise_line_and_keeps_its_facts(offline: Settings) -> None:
    chat = TAICHI.replace("\\n", "\n")
    t = parse_text(chat, "taichi.txt")
    reasons = {fold(d.text): d.reason for d in t.dropped}
    assert any("按错了" in k for k in reasons) and "误发/撤回说明" in reasons.values()
    # the slip note takes back the message it names: 小张's fishing question is not this group's
    assert any("钓鱼" in k and r == "误发/撤回说明" for k, r in reasons.items())
    assert all(m.text.strip() for m in t.messages)
    notes = summarize_text(chat, "taichi.txt", offline, get_engine(offline)).notes
    md = fold(render_markdown(notes, appendix=False))
    for noise in TAICHI_NOISE:
        assert fold(noise) not in md, noise
    assert any("尺码接龙" in m.text and "老胡 XL" in m.text for m in t.messages)  # the 接龙 card's words are kept
    for fact in ["滨江公园南门", "8点半", "120元"]:
        assert fact in md, fact
    assert owned_by(notes.actions, "李大爷")


# a community clinic's WeChat paste: a quote-reply, then a merge-forward of the same three lines
CLINIC = """\
2026-11-28 19:02:11 阿珍
这周六社区义诊，上午8点半在活动中心门口排队，带身份证和医保卡
2026-11-28 19:05:02 小美
「阿珍：这周六社区义诊，上午8点半在活动中心门口排队，带身份证和医保卡」
- - - - - - - - - - - - - - -
需要空腹吗
2026-11-28 19:06:30 阿珍
要空腹，抽血在9点前结束
2026-11-28 20:10:00 社区李主任
群聊的聊天记录
阿珍: 这周六社区义诊，上午8点半在活动中心门口排队，带身份证和医保卡
小美: 需要空腹吗
阿珍: 要空腹，抽血在9点前结束
刘医生: 高血压的老人早上的药照常吃
2026-11-28 20:11:00 社区李主任
转发给大家看一下，另外志愿者周六7点半到
"""


def test_a_forwarded_chat_counts_once_and_credits_who_said_it(offline: Settings) -> None:
    t = parse_text(CLINIC, "clinic.txt")
    kept = [(m.speaker, m.text) for m in t.messages]
    assert sum("医保卡" in text for _, text in kept) == 1
    assert sum(text == "需要空腹吗" for _, text in kept) == 1
    assert ("刘医生", "高血压的老人早上的药照常吃") in kept  # a forwarded line said nowhere else stays, as 刘医生's
    assert any(d.text == "群聊的聊天记录" and d.reason == "系统消息" for d in t.dropped)
    assert sum(d.reason.startswith("重复") for d in t.dropped) == 3
    assert [m.id for m in t.messages] == sorted({m.id for m in t.messages})
    notes = summarize_text(CLINIC, "clinic.txt", offline, get_engine(offline)).notes
    md = render_markdown(notes, appendix=False)
    assert "聊天记录" not in md
    assert not any(a.owner == "社区李主任" and "医保卡" in a.task for a in notes.actions)


@pytest.mark.parametrize("body", [
    "[回复 阿珍: 这周六社区义诊，上午8点半在活动中心门口排队]\n需要空腹吗",             # QQ
    "需要空腹吗\n「阿珍：这周六社区义诊，上午8点半在活动中心门口排队」",               # WeChat mobile
    "「阿珍：这周六社区义诊，上午8点半在活动中心门口排队」\n- - - - - - - - -\n需要空腹吗",  # WeChat PC
    "引用 阿珍 的消息：这周六社区义诊，上午8点半在活动中心门口排队\n需要空腹吗",         # 引用…的消息
    "回复 @阿珍：需要空腹吗",                                                       # QQ NT
])
def test_a_quote_reply_keeps_only_the_reply_in_every_client_form(body: str) -> None:
    chat = f"2026-11-28 19:02:11 阿珍\n这周六社区义诊，上午8点半在活动中心门口排队\n2026-11-28 19:05:02 小美\n{body}\n"
    t = parse_text(chat, "q.txt")
    reply = t.messages[-1]
    assert (reply.speaker, reply.reply_to, reply.text) == ("小美", "阿珍", "需要空腹吗")
    assert sum("活动中心" in m.text for m in t.messages) == 1


def _archive(*records: dict) -> str:
    base = {"action": "send", "msgtime": 1764460800000}
    return json.dumps({"chatdata": [base | {"msgid": str(n)} | r for n, r in enumerate(records, 1)]}, ensure_ascii=False)


def test_wecom_archive_kinds_are_dropped_with_reasons_not_skipped_as_textless() -> None:
    text = _archive(
        {"from": "wmA", "from_name": "店长阿May", "msgtype": "text", "text": {"content": "周五晚上7点盘点，全员到店"}},
        {"from": "wmB", "from_name": "小欧", "msgtype": "image", "image": {"md5sum": "x"}},
        {"from": "wmB", "from_name": "小欧", "msgtype": "revoke", "revoke": {"pre_msgid": "2"}},
        {"from": "wmC", "from_name": "阿杰", "msgtype": "emotion", "emotion": {"type": 1}},
        {"from": "wmC", "from_name": "阿杰", "msgtype": "redpacket", "redpacket": {"wish": "恭喜发财", "totalamount": 500}},
        {"from": "wmD", "from_name": "小欧", "msgtype": "agree", "agree": {"userid": "wmD"}},
        {"from": "wmA", "from_name": "店长阿May", "msgtype": "todo",
         "todo": {"title": "盘点前准备", "content": "周五下午5点前把二号仓的纸箱清空"}},
        {"from": "wmB", "from_name": "小欧", "msgtype": "text", "text": {"content": "收到，我周五6点到"}},
    )
    t = parse_text(text, "wecom.json")
    assert t.warnings == []
    assert sorted(d.reason for d in t.dropped) == sorted(
        ["图片/表情占位", "系统消息", "图片/表情占位", "红包/转账", "系统消息"])
    assert any("二号仓的纸箱" in m.text and m.speaker == "店长阿May" for m in t.messages)
    assert not any("恭喜发财" in m.text for m in t.messages)


def test_an_unknown_archive_kind_without_words_is_still_reported() -> None:
    text = _archive({"from": "wmA", "from_name": "店长阿May", "msgtype": "text", "text": {"content": "周五盘点"}},
                    {"from": "wmB", "from_name": "小欧", "msgtype": "hologram", "hologram": {"size": 3}})
    t = parse_text(text, "wecom.json")
    assert len(t.messages) == 1 and len(t.warnings) == 1


def test_a_slip_note_takes_back_only_its_own_speakers_short_message() -> None:
    chat = ("[2026-11-30 09:00] 阿珍: 周六义诊8点半开始\n"
            "[2026-11-30 09:01] 小美: 今晚吃火锅不\n"
            "[2026-11-30 09:01] 阿珍: 记得带医保卡\n"
            "[2026-11-30 09:02] 小美: 发错群了 sorry\n")
    t = parse_text(chat, "s.txt")
    kept = [m.text for m in t.messages]
    assert kept == ["周六义诊8点半开始", "记得带医保卡"]
    assert [d.reason for d in t.dropped] == ["误发/撤回说明", "误发/撤回说明"]


@pytest.mark.parametrize(("text", "left"), [
    ("有咩问题打俾我 9876 5432 今晚就咁多 早唞", "有咩问题打俾我 9876 5432"),  # a Cantonese sign-off is cut off
    ("今日就咁多 多谢大家", ""),
    ("今天就这么多，大家晚安", ""),
])
def test_a_sign_off_saying_that_is_all_is_cut(text: str, left: str) -> None:
    from copilot.notes.noise import cut_closing

    assert cut_closing(text) == (left, True)


@pytest.mark.parametrize("text", ["报名费就咁多", "我今天就这么多钱了"])
def test_that_is_all_inside_a_fact_is_no_sign_off(text: str) -> None:
    from copilot.notes.noise import cut_closing

    assert cut_closing(text) is None
