"""Round 79 (lead), from the fresh tester qa17r22 (a Hong Kong valve-amp DIY group and others). Messages and the
profile are written for this test (a Kowloon turntable-repair group):

- Cantonese 你個 is "your": 你個唱頭用咗幾耐？ asks about the member's own thing, the group's subject — it is not the
  rough address 你個衰人, and it was deleted with a public warning;
- a hoax chain letter that promises forwarding keeps a paid app free is spam like one that threatens;
- the Cantonese 小心啲 after knowing where someone lives is the threat 小心点 is;
- 有意請inbox is a private-contact ask as inbox我 is;
- a dry run's every verdict says so, also an ``ok`` one sent to a person (a member's own thought of dying).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from moderation_say import judged_alone

from copilot.config import get_settings
from copilot.moderation import Action, Label, Moderator
from copilot.profile import GroupProfile

TURNTABLE = {
    "name": "九龍黑膠唱盤維修會",
    "positioning": "交流黑膠唱盤、唱頭同擴音機嘅維修保養經驗，成員可以轉讓自己嘅閒置零件",
    "topics": ["唱盤", "唱頭", "唱針", "擴音機", "皮帶", "馬達", "焊接"],
    "audience": "香港黑膠發燒友",
    "type": "兴趣型",
    "script": "zh-Hant",
}


@pytest.fixture(scope="module")
def mod() -> Moderator:
    return Moderator(get_settings(), GroupProfile.model_validate(TURNTABLE), audit=None)


_judge = judged_alone


@pytest.mark.parametrize("text", [
    "你個唱頭用咗幾耐？唱針磨損咗就會有沙聲",
    "你個馬達係咪轉速唔穩？試下換條新皮帶先",
    "你个唱盘是哪一年的型号？我那台也是日本产的",
])
def test_your_thing_of_the_groups_subject_is_no_rude_address(mod: Moderator, text: str) -> None:
    label, action, reason = _judge(mod, text)
    assert label == Label.OK and action == Action.NONE, reason


def test_your_thing_never_gets_a_public_warning(mod: Moderator) -> None:
    label, action, reason = _judge(mod, "你個擴音機幾多瓦？接嗰對喇叭夠唔夠力")
    assert action in (Action.NONE, Action.REVIEW), reason
    assert "粗魯用語" not in reason


@pytest.mark.parametrize("text, acted", [
    ("你個廢柴，成日喺度亂講嘢", True),  # a rough name, not a thing: still warned
    ("你个蠢货，懂不懂就在这瞎说", True),
    ("你個衰人，再亂講我就唔客氣", False),  # the bare address with an unknown name: still a rude word, for a person
])
def test_the_rough_address_still_counts(mod: Moderator, text: str, acted: bool) -> None:
    label, action, reason = _judge(mod, text)
    assert label == Label.ABUSE, reason
    assert (action in (Action.WARN, Action.DELETE, Action.MUTE)) is acted, reason


@pytest.mark.parametrize("text", [
    "緊急！！LINE下個月起要收費，轉發俾8個朋友就可以一世免費",
    "重要通知：微信下月起收费，转发给12个好友即可永久免费使用",
])
def test_a_chain_letter_promising_a_free_app_is_spam(mod: Moderator, text: str) -> None:
    label, action, reason = _judge(mod, text)
    assert label == Label.SPAM and action == Action.DELETE, reason


def test_an_organisers_free_entry_with_no_counted_audience_is_no_chain_letter(mod: Moderator) -> None:
    label, _, reason = _judge(mod, "週六嘅唱盤保養工作坊永久免費，歡迎轉發俾有興趣嘅朋友")
    assert label != Label.SPAM, reason


def test_knowing_where_someone_lives_with_a_cantonese_warning_is_a_threat(mod: Moderator) -> None:
    label, action, reason = _judge(mod, "你再喺群度抹黑我，我知你住邊度，你小心啲")
    assert label == Label.ABUSE and action in (Action.WARN, Action.DELETE, Action.MUTE), reason
    assert "威" in reason  # 威脅/恐嚇 named


def test_knowing_where_someone_lives_to_bring_something_is_no_threat(mod: Moderator) -> None:
    label, _, reason = _judge(mod, "我知你住邊，聽日順路攞埋本書俾你")
    assert label != Label.ABUSE, reason


def test_inbox_ask_with_a_paid_writing_service_is_an_ad(mod: Moderator) -> None:
    label, action, reason = _judge(mod, "代寫論文、畢業設計，包過，有意請inbox")
    assert label == Label.AD and action == Action.DELETE, reason


def test_every_dry_run_verdict_says_it_was_a_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from copilot.cli import app as cli_app

    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    prof = tmp_path / "turntable.yaml"
    prof.write_text(yaml.safe_dump(TURNTABLE, allow_unicode=True), encoding="utf-8")
    lines = [{"id": "1", "user": "u1", "text": "唱盤皮帶幾耐換一次？"},
             {"id": "2", "user": "u2", "text": "鋪頭執咗，啲貨全部蝕晒，我真係唔想活了"},
             {"id": "3", "user": "u3", "text": "加我微信 abc12345 日结三百"}]
    res = CliRunner().invoke(cli_app, ["moderate", "-p", str(prof), "--engine", "offline", "--dry-run"],
                             input="\n".join(json.dumps(m, ensure_ascii=False) for m in lines) + "\n")
    assert res.exit_code == 0, res.output
    verdicts = [json.loads(x) for x in res.stdout.splitlines()]
    assert [v["action"] for v in verdicts] == ["none", "review", "delete"]
    for v in verdicts:
        assert v["dry_run"] is True
        assert "試運行：未執行" in v["reason"] or "试运行：未执行" in v["reason"], v["reason"]
