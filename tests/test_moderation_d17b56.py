"""Round 56, d17b56 (issue 17): sarcasm said as praise — a praise phrase and, in another clause of the same message, a
put-down of the one praised (好厉害 + 还会迷路, 好犀利 + 佩服佩服) — is labelled abuse for a person to decide; praise alone,
a member's praise of themselves and praise beside warmth are not. Messages written for these tests, for groups not
used before: a Cantonese five-a-side football group and a Taiwan quilting group."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.moderation.labels import Action, Label
from copilot.moderation.pipeline import Moderator
from copilot.moderation.signals import in_mandarin
from copilot.moderation.veiled import sarcasm
from copilot.profile import parse_profile_text

FUTSAL = """name: 荃灣星期五五人足球
positioning: 荃灣一班街坊每個星期五晚踢五人足球，隊長阿豪訂場分隊；傾波技、波鞋、受傷護理
topics: [五人足球, 踢波, 分隊, 波鞋]
type: 兴趣型
events:
  - {title: 星期五五人足球, kind: 线下活动, cadence: 每周五, time: "21:00", place: 荃灣體育館, host: 隊長阿豪}
"""
QUILT = """name: 高雄拼布小教室
positioning: 高雄喜歡拼布的同好，每週二跟老師上課，分享作品、布料和配色
topics: [拼布, 配色, 布料, 壓線]
type: 兴趣型
"""
_T = itertools.count()


def _mod(profile: str, tmp_path: Path) -> Moderator:
    return Moderator(Settings(data_dir=tmp_path / f"d{next(_T)}", llm_provider="offline"), parse_profile_text(profile),
                     audit=None)


@pytest.mark.parametrize(("profile", "text"), [
    (FUTSAL, "阿明你真係好犀利，成場射咗八腳冇一腳中，佩服佩服"),
    (QUILT, "好厲害喔，學了兩年還是縫不直，要不要頒個獎給你"),
    (QUILT, "淑惠真厲害，一塊布剪歪三次，佩服佩服"),
])
def test_praise_with_a_put_down_of_the_one_praised_is_abuse_for_review(tmp_path: Path, profile: str, text: str) -> None:
    v = _mod(profile, tmp_path).moderate({"id": "s1", "user": "阿傑", "text": text})
    assert v.label == Label.ABUSE
    # the form alone is for review; with the abuse model agreeing (two layers) a warning at most — never deleted or muted
    assert v.action in (Action.REVIEW, Action.WARN)
    assert "反讽" in v.reason or "反諷" in v.reason


@pytest.mark.parametrize(("profile", "text"), [
    (FUTSAL, "阿豪你真係好犀利，一個人扭過三個，下次教下我"),
    (QUILT, "好厲害喔，第一次做就這麼整齊，配色也好看"),
    (QUILT, "我真厲害，一塊布剪歪三次，佩服佩服我自己哈哈"),
    (QUILT, "好厲害喔，學了兩年還是縫不直也沒關係，加油，我陪你練"),
])
def test_praise_alone_self_mockery_and_warm_teasing_are_not_sarcasm(tmp_path: Path, profile: str, text: str) -> None:
    v = _mod(profile, tmp_path).moderate({"id": "s2", "user": "阿傑", "text": text})
    assert v.label != Label.ABUSE
    assert sarcasm(in_mandarin(text)) == []
