"""Round 78 (lead), from the fresh tester qa17r21: ``copilot moderate`` ends a run with one line on stderr counting
the verdicts by label and by action (and says when it was a dry run), so an operator trying it on a group's messages
does not need a tally script; stdout keeps only the verdicts. Messages written for this test (a home mushroom-growing
QQ group)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.cli import app as cli_app
from copilot.moderation.cli import tally
from copilot.moderation.labels import Action, Label

MUSHROOM = """
name: 阳台种菇交流群
positioning: 在家用菌包种平菇、香菇、猴头菇的新手交流，分享出菇经验、湿度温度和病害处理
topics: [菌包, 平菇, 香菇, 出菇, 湿度, 绿霉]
audience: 在家种菇的新手
platform: qq
"""
MESSAGES = [
    {"id": "1", "user": "u1", "text": "菌包开口第五天了，还没冒菇蕾，湿度一直85%，正常吗"},
    {"id": "2", "user": "u2", "text": "正常的，平菇一般七到十天，温度低的话更慢"},
    {"id": "3", "user": "u9", "text": "低价出售各种菌种菌包，批发零售，加微信 mogu 8 8 6 6 9 9 下单，量大从优"},
]


def _run(tmp_path: Path, *extra: str) -> object:
    prof = tmp_path / "mushroom.yaml"
    prof.write_text(MUSHROOM, encoding="utf-8")
    lines = "\n".join(json.dumps(m, ensure_ascii=False) for m in MESSAGES) + "\n"
    return CliRunner().invoke(cli_app, ["moderate", "-p", str(prof), "--engine", "offline", *extra], input=lines)


def test_a_run_ends_with_counts_by_label_and_action_on_stderr(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    res = _run(tmp_path, "--dry-run")
    assert res.exit_code == 0, res.output
    verdicts = [json.loads(x) for x in res.stdout.splitlines()]  # stdout: the verdicts only
    assert [v["label"] for v in verdicts] == ["ok", "ok", "ad"]
    assert "共判定 3 条：正常 2、广告 1；处置：" in res.stderr, res.stderr
    assert "不处理 2" in res.stderr and "试运行" in res.stderr


def test_a_live_run_says_no_dry_run_and_one_message_needs_no_tally(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    res = _run(tmp_path, "--no-audit")
    assert res.exit_code == 0 and "共判定 3 条" in res.stderr and "试运行" not in res.stderr
    one = CliRunner().invoke(cli_app, ["moderate", "--engine", "offline", "--no-audit"],
                             input=json.dumps(MESSAGES[0], ensure_ascii=False) + "\n")
    assert one.exit_code == 0 and "共判定" not in one.stderr


def test_the_tally_names_every_label_and_action_in_the_fixed_order() -> None:
    line = tally([(Label.AD, Action.DELETE), (Label.OK, Action.NONE), (Label.AD, Action.REVIEW),
                  (Label.ABUSE, Action.WARN)], dry_run=False)
    assert line == "共判定 4 条：正常 1、广告 2、人身攻击 1；处置：不处理 1、删除 1、删除并警告 1、转人工复核 1"


# -- a profile that lets members leave a phone or WeChat in posts about the group's business (from qa17r21) ----------
from moderation_say import dry_run_moderator, say  # noqa: E402

from copilot.moderation.permissions import contacts_granted  # noqa: E402

TRADES = """
name: 龙岗装修师傅派活群
positioning: 龙岗一带水电、泥瓦、木工师傅互相派活、找帮手，交流施工工艺；同行发派活找人的信息可以留电话微信
topics: [水电, 泥瓦, 木工, 派活, 找帮手, 防水, 瓷砖]
audience: 龙岗的装修师傅
platform: wechat
"""
NO_CONTACTS = TRADES.replace("同行发派活找人的信息可以留电话微信", "禁止留微信，派活请在群里说")


@pytest.mark.parametrize(("profile", "granted"), [
    ("同行发派活找人的信息可以留电话微信", True),
    ("接活信息允许留联系方式", True),
    ("禁止留微信，派活请在群里说", False),    # a negation before it grants nothing
    ("水电师傅交流施工工艺，不发广告", False),
])
def test_a_profile_grants_contacts_by_its_own_words(profile: str, granted: bool) -> None:
    assert contacts_granted(profile) is granted


@pytest.mark.parametrize("post", [
    "周六坂田有个卫生间要做防水，要两个人，价钱好说，加我微信 tiler_chen88",
    "有没有做吊顶的师傅，明天横岗一个活，电话微信同号 13825561234",
])
def test_an_on_topic_post_with_one_contact_is_reviewed_not_deleted_where_the_profile_allows_it(tmp_path: Path,
                                                                                               post: str) -> None:
    allowed = say(dry_run_moderator(TRADES, tmp_path), post)
    assert allowed.label == "ad" and allowed.action == "review", allowed.reason
    assert "允许成员在本群相关的帖子里留电话微信" in allowed.reason
    # the same post where the profile forbids handles is acted on as before
    assert say(dry_run_moderator(NO_CONTACTS, tmp_path), post).action == "delete"


@pytest.mark.parametrize("ad", [
    "防水涂料厂家直销，全网最低价，加微信 fs88866 领优惠券 http://t.cn/A6xYz",      # a seller with a link
    "低息贷款，当天放款，装修款也能贷，加微信 dk 6 6 8 8 9 9 详聊",                   # off the group's subject, disguised
    "接单刷单日结三百，宝妈学生都可以，加V：sd2026 或者打 13912345678",             # two contacts and an ad word
    "低息贷款，当天放款，加微信 dk668899 详聊",  # about nothing of the group's but the grant's own 微信
])
def test_ads_stay_acted_on_in_a_group_that_allows_contacts(tmp_path: Path, ad: str) -> None:
    v = say(dry_run_moderator(TRADES, tmp_path), ad)
    assert v.label == "ad" and v.action == "delete", v.reason


# -- a hoax aimed at a trade or a neighbourhood is a chain letter (qa17r20 and qa17r21) ------------------------------
@pytest.mark.parametrize("hoax", [
    "这是真的！明年开始装修一律要办施工许可证，没办的一律罚款五千，赶紧转发告诉同行",
    "紧急通知：下个月起工地一律禁止用电动三轮，违者罚款两千，转发告诉工友们",
])
def test_a_hoax_told_to_spread_among_the_trade_is_spam(tmp_path: Path, hoax: str) -> None:
    v = say(dry_run_moderator(TRADES, tmp_path), hoax)
    assert v.label == "spam" and v.action == "delete", v.reason


@pytest.mark.parametrize("notice", [
    "下周六行业交流会，在布吉建材城三楼，欢迎转发给同行",     # an invitation to pass on, no hook
    "转发告诉街坊邻居：明天小区停水，提前接水",               # a real notice with no loss or threat
    "楼下邻居装修被罚款了，因为没报备物业，大家开工前记得报备",  # a fine that happened, nothing to spread
])
def test_passing_on_a_real_notice_to_peers_is_not_a_chain_letter(tmp_path: Path, notice: str) -> None:
    v = say(dry_run_moderator(TRADES, tmp_path), notice)
    assert v.label != "spam" and v.action not in ("delete", "warn", "mute"), v.reason
