"""Moderation that learns each group (issue 17): importing a group's labelled history, per-group models
with cross-validated figures and refusal, per-group feedback, dry runs, the group → profile mapping the
hooks use, and trust by history (new members judged strictly)."""

from __future__ import annotations

import csv
import io
import itertools
import json
import random
import sqlite3
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from copilot.cli import app as cli_app
from copilot.config import Settings
from copilot.moderation.audit import AuditLog
from copilot.moderation.classifier import group_model_path, load_group_model
from copilot.moderation.importing import HistoryFileError, read_labelled
from copilot.moderation.message import Message
from copilot.moderation.pipeline import Moderator
from copilot.moderation.training import train_group
from copilot.profile import GroupMap, ProfileError, ProfileStore, parse_profile_text
from copilot.server import create_app
from copilot.ui import moderation as ui_moderation

LOCAL = "http://127.0.0.1"
GAME = """\
name: 方块大陆生存服玩家群
group_id: blockland
positioning: 方块大陆生存服务器的玩家交流：建筑、红石、活动和服规
topics: [生存, 建筑, 红石, 服务器活动]
"""
KNITTING = """\
name: 周末编织小组
positioning: 一起学钩针和棒针编织，分享作品和毛线心得
topics: [编织, 钩针, 棒针, 毛线]
"""
CYCLING = """\
name: 城西骑行约骑群
positioning: 城西骑友周末约骑、交流路线和装备保养
topics: [骑行, 约骑, 路线, 装备]
events:
  - {title: 周六环湖骑, kind: 线下活动, cadence: 每周六, time: "07:30", place: 西湖断桥, details: 下雨取消}
"""

# A game server's own "ads": short offers of and requests for cheats, accounts and bypass tools, which
# are ads in that community only. Written for this test.
_CHEATS = ["飞行端", "透视材质包", "自动钓鱼脚本", "刷物品的科技", "无限耐久模组", "加速挂", "秒破方块的端", "矿透光影"]
_AD_FORMS = ["有没有人出{x}", "求一个{x}，能用就行", "谁有{x}啊", "出{x}，要的来", "收{x}，价格好说", "{x}有人要吗"]
_CHAT = ["今晚一起打末影龙吗", "附魔台旁边要放几个书架", "红石中继器怎么调延迟", "主城的喷泉谁建的，太好看了",
         "新人求带，在出生点等", "刚挖到三颗钻石", "村民交易所建在哪比较好", "下界要塞坐标有人知道吗",
         "服规说不能拆别人的房子对吧", "周末的建筑比赛报名了吗", "我的地狱门连不上了", "铁傀儡刷怪塔要多大",
         "谁借我一把钻石镐", "海底神殿好难打", "红石音乐盒做好了，来听", "今天服务器有点卡",
         "鞘翅修好了吗", "苦力怕炸了我的仓库", "有人一起去找林地府邸吗", "活动奖励发了吗"]
_CHAT_TAILS = ["", "，我在线", "！", "，急", "？"]


def game_history() -> list[tuple[str, str]]:
    ads = [f.format(x=x) for f, x in itertools.product(_AD_FORMS, _CHEATS)]
    chat = [c + t for c, t in itertools.product(_CHAT, _CHAT_TAILS)]
    rows = [(t, "1") for t in ads] + [(t, "0") for t in chat]
    random.Random(5).shuffle(rows)
    return rows


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("COPILOT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COPILOT_LLM_PROVIDER", "offline")
    for name, text in (("game", GAME), ("knitting", KNITTING), ("cycling", CYCLING)):
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    return Settings(data_dir=tmp_path / "data", llm_provider="offline")


def _run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli_app, list(args), input=stdin)


# --- reading history files ------------------------------------------------------------------------
def test_eq_lines_with_bad_lines_reported_by_number(tmp_path: Path) -> None:
    f = tmp_path / "history.txt"
    f.write_text("出飞行端，要的来==1\n今晚一起打末影龙吗==0\n没有标签的一行\n\n==1\n红石中继器怎么调==2\n", encoding="utf-8")
    data = read_labelled(f)
    assert data.format == "eq"
    assert [(t, lab.value) for t, lab in data.examples] == [("出飞行端，要的来", "ad"), ("今晚一起打末影龙吗", "ok")]
    assert [n for n, _ in data.skipped] == [3, 5, 6]
    assert "没有“==标签”" in data.skipped[0][1] and "为空" in data.skipped[1][1] and "'2'" in data.skipped[2][1]


def test_jsonl_accepts_labels_names_and_numbers(tmp_path: Path) -> None:
    f = tmp_path / "history.jsonl"
    lines = [json.dumps({"text": "加我微信领资料", "label": "ad"}, ensure_ascii=False),
             json.dumps({"text": "今晚的直播几点开始", "label": 0}, ensure_ascii=False),
             json.dumps({"text": "你是不是傻", "label": "人身攻击"}, ensure_ascii=False),
             json.dumps({"text": "转发十个群好运连连", "label": "spam"}, ensure_ascii=False),
             '{"text": "缺了右括号", "label": "ok"',
             json.dumps({"text": "", "label": "ok"}),
             json.dumps(["不是对象"]),
             json.dumps({"text": "标签不对", "label": "maybe"}, ensure_ascii=False)]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = read_labelled(f)
    assert [lab.value for _, lab in data.examples] == ["ad", "ok", "abuse", "spam"]
    assert [n for n, _ in data.skipped] == [5, 6, 7, 8]
    assert "JSON" in data.skipped[0][1]


def test_csv_in_gbk_with_chinese_headers_and_quoted_commas(tmp_path: Path) -> None:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["时间", "内容", "标签"])
    w.writerow(["2026-05-01", "出透视材质包，便宜，要的私", "1"])
    w.writerow(["2026-05-01", "附魔台，书架，要放几个？", "0"])
    w.writerow(["2026-05-02", "只有一列"])
    f = tmp_path / "export.csv"
    f.write_bytes(buf.getvalue().encode("gbk"))
    data = read_labelled(f)
    assert data.format == "csv"
    assert [t for t, _ in data.examples] == ["出透视材质包，便宜，要的私", "附魔台，书架，要放几个？"]
    assert data.skipped == [(4, "只有 2 列")]


def test_an_unclosed_quote_in_a_csv_loses_its_own_line_only(tmp_path: Path) -> None:
    # a stray " opens a quoted cell that runs on through the next lines: the reader must not swallow them
    text = ("text,label\n二手镜头多少钱收的,0\n\"转让自用防潮箱 50出,0\n周六扫街几点集合,0\n"
            "代购相机 私聊 15800001111,1\n快门线在哪买的,0\n\"第一行\n第二行\",0\n加V看主页 内部价,1\n")
    f = tmp_path / "history.csv"
    f.write_bytes(text.encode("gbk"))
    data = read_labelled(f)
    assert [t for t, _ in data.examples] == ["二手镜头多少钱收的", "周六扫街几点集合", "代购相机 私聊 15800001111",
                                           "快门线在哪买的", "第一行\n第二行", "加V看主页 内部价"]
    assert [(n, why[:6]) for n, why in data.skipped] == [(3, "引号没有闭合")] and "从第 4 行起" in data.skipped[0][1]


def test_unusable_history_files_are_refused_clearly(tmp_path: Path) -> None:
    no_cols = tmp_path / "a.csv"
    no_cols.write_text("消息,备注\n你好,无\n", encoding="utf-8")
    with pytest.raises(HistoryFileError, match="text 和 label"):
        read_labelled(no_cols)
    empty = tmp_path / "b.txt"
    empty.write_bytes(b"")
    with pytest.raises(HistoryFileError, match="为空"):
        read_labelled(empty)
    with pytest.raises(HistoryFileError, match="找不到"):
        read_labelled(tmp_path / "missing.txt")


# --- import, per-group model, refusal -------------------------------------------------------------
def test_import_trains_a_better_group_model_used_for_that_group_only(env: Settings, tmp_path: Path) -> None:
    f = tmp_path / "blockland.txt"
    f.write_text("\n".join(f"{t}=={y}" for t, y in game_history()) + "\n坏行没有标签\n", encoding="utf-8")
    res = _run("moderation-import", str(f), "-p", str(tmp_path / "game.yaml"))
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["group"] == "blockland" and out["imported"] == len(game_history())
    assert out["skipped"] == [{"line": len(game_history()) + 1, "why": "没有“==标签”"}]
    cv = out["model"]["cv"]
    assert out["model"]["enabled"] and cv["group"]["f1"] > cv["shared"]["f1"]
    assert "交叉验证" in res.stderr and "群模型 P" in res.stderr
    assert group_model_path(env.data_dir, "blockland").exists()

    new_offer = "出个矿透材质包，要的来"  # not in the history
    game = Moderator(env, parse_profile_text(GAME), audit=None, profile_key="blockland")
    other = Moderator(env, parse_profile_text(KNITTING), audit=None, profile_key="knitting")
    assert game.classifier is load_group_model(env.data_dir, "blockland")
    assert game.analyse(new_offer).label == "ad"
    assert other.classifier.score(new_offer) < game.classifier.score(new_offer)
    assert other.analyse("钩针新手求推荐一本入门书").label == "ok"  # the other group is untouched
    # the CLI and the hook use it through the profile
    res = _run("moderate", "-p", str(tmp_path / "game.yaml"), "--no-audit",
               stdin=json.dumps({"id": "1", "user": "u", "text": new_offer}, ensure_ascii=False))
    assert json.loads(res.stdout)["label"] == "ad" and json.loads(res.stdout)["profile_key"] == "blockland"


def test_a_group_model_no_better_than_the_shared_one_is_refused(env: Settings) -> None:
    audit = AuditLog.from_settings(env)
    rng = random.Random(3)
    texts = [c + t for c, t in itertools.product(_CHAT, _CHAT_TAILS)]
    # labels with no relation to the text: nothing a group model can learn
    audit.import_examples("noisy", [(t, rng.choice(["ad", "ok", "ok"])) for t in texts])
    earlier = group_model_path(env.data_dir, "noisy")
    earlier.parent.mkdir(parents=True)
    earlier.write_text('{"bias": 0, "weights": {}, "meta": {"group": "noisy"}}', encoding="utf-8")
    out = train_group(env, "noisy", audit)
    assert not out["enabled"] and "不启用" in out["message"]
    assert "不比共享模型好" in out["message"] or "没有学到规律" in out["message"]
    assert "已停用之前的群模型" in out["message"]
    n = out["examples"]  # after de-duplication
    # a refusal also says what more labels are needed when the history is short of the enabling minimum
    assert ("还差" in out["message"]) == (n < 100 or out["ads"] < 20 or n - out["ads"] < 20)
    assert not group_model_path(env.data_dir, "noisy").exists()
    assert load_group_model(env.data_dir, "noisy") is None


def test_too_little_history_keeps_the_shared_model(env: Settings) -> None:
    audit = AuditLog.from_settings(env)
    audit.import_examples("tiny", [("出飞行端", "ad"), ("今晚打末影龙吗", "ok")])
    out = train_group(env, "tiny", audit)
    assert not out["enabled"] and "至少需要" in out["message"]


def test_a_group_model_in_use_goes_when_too_few_labels_are_left(env: Settings) -> None:
    # round 78 (d17b78's finding): the one refusal path that said 继续使用共享模型 but left the old model in use
    audit = AuditLog.from_settings(env)
    audit.import_examples("relabelled", [("出飞行端", "ok"), ("今晚打末影龙吗", "ok"), ("求一个加速挂", "ok")])
    earlier = group_model_path(env.data_dir, "relabelled")
    earlier.parent.mkdir(parents=True)
    earlier.write_text('{"bias": 0, "weights": {}, "meta": {"group": "relabelled"}}', encoding="utf-8")
    out = train_group(env, "relabelled", audit)
    assert not out["enabled"] and "至少需要" in out["message"] and "已停用之前的群模型" in out["message"]
    assert not earlier.exists() and load_group_model(env.data_dir, "relabelled") is None
    # with no model before, nothing is said to be stopped
    again = train_group(env, "relabelled", audit)
    assert "已停用" not in again["message"]


def test_a_history_that_would_win_on_cross_validation_but_is_too_small_is_not_enabled(env: Settings) -> None:
    # a third of the learnable game history: enough rows to cross-validate, too few to trust
    rows = game_history()[:45]
    audit = AuditLog.from_settings(env)
    audit.import_examples("smallgame", [(t, "ad" if y == "1" else "ok") for t, y in rows])
    out = train_group(env, "smallgame", audit)
    n, ads = out["examples"], out["ads"]  # as stored: the history repeats a few texts
    assert ads >= 8 and n - ads >= 8  # cross-validation itself runs
    assert not out["enabled"] and "cv" in out, out
    msg = out["message"]
    assert "启用专属模型至少需要 100 条" in msg and f"标注还差 {100 - n} 条" in msg, msg
    assert ("广告还差" in msg) == (ads < 20) and "继续使用共享模型" in msg
    assert not group_model_path(env.data_dir, "smallgame").exists()


def test_retrain_per_group_from_accumulated_feedback(env: Settings, tmp_path: Path) -> None:
    f = tmp_path / "h.jsonl"
    f.write_text("\n".join(json.dumps({"text": t, "label": int(y)}, ensure_ascii=False) for t, y in game_history()),
                 encoding="utf-8")
    assert _run("moderation-import", str(f), "-p", str(tmp_path / "game.yaml")).exit_code == 0
    group_model_path(env.data_dir, "blockland").unlink()
    res = _run("moderation-retrain")
    out = json.loads(res.stdout)
    assert [g["group"] for g in out["groups"]] == ["blockland"] and out["groups"][0]["enabled"]
    assert group_model_path(env.data_dir, "blockland").exists()


def test_import_without_a_usable_profile_or_file_fails_clearly(env: Settings, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("positioning: 短\ntopics: []\n", encoding="utf-8")
    f = tmp_path / "h.txt"
    f.write_text("出飞行端==1\n", encoding="utf-8")
    res = _run("moderation-import", str(f), "-p", str(bad))
    assert res.exit_code == 2 and "问题" in res.stderr
    only_bad = tmp_path / "junk.txt"
    only_bad.write_text("没有标签\n也没有\n", encoding="utf-8")
    res = _run("moderation-import", str(only_bad), "-p", str(tmp_path / "game.yaml"))
    assert res.exit_code == 2 and "没有可用的标注" in res.stderr


# --- feedback is per group ------------------------------------------------------------------------
def test_feedback_marking_a_text_ok_applies_to_that_group_only(env: Settings) -> None:
    text = "有没有人出自动钓鱼脚本"
    game = Moderator(env, parse_profile_text(GAME), profile_key="blockland")
    knit = Moderator(env, parse_profile_text(KNITTING), profile_key="knitting")
    v = knit.moderate({"id": "1", "user": "a", "group": "k1", "text": text})
    knit.record_feedback(v.verdict_id, "ad")
    assert knit.moderate({"id": "2", "user": "b", "group": "k1", "text": text}).label == "ad"
    again = game.moderate({"id": "3", "user": "c", "group": "g1", "text": text})
    assert again.checks["feedback"] is None  # the knitting group's correction does not reach the game server


# --- dry runs write nothing -----------------------------------------------------------------------
def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("verdicts", "strikes", "members", "deliveries", "feedback")}


def test_cli_dry_run_writes_no_verdict_strike_or_member(env: Settings, tmp_path: Path) -> None:
    ad = "加微信 abc123456 兼职日结，手机就能做"
    lines = "\n".join(json.dumps({"id": str(i), "user": "u1", "group": "g", "text": ad}, ensure_ascii=False)
                      for i in range(3))
    res = _run("moderate", "-p", str(tmp_path / "knitting.yaml"), "--dry-run", stdin=lines)
    verdicts = [json.loads(x) for x in res.stdout.splitlines()]
    assert all(v["dry_run"] and "试运行" in v["reason"] for v in verdicts)
    assert {v["action"] for v in verdicts} == {"delete"}  # no strikes counted: every one is a first offence
    # the first dry run does not even create the audit database (nothing to read, nothing to write)
    assert not (env.data_dir / "moderation.sqlite").exists()
    # a real run afterwards starts from a clean record
    res = _run("moderate", "-p", str(tmp_path / "knitting.yaml"), stdin=lines)
    assert [json.loads(x)["action"] for x in res.stdout.splitlines()] == ["delete", "mute", "kick"]


def test_cli_dry_run_on_an_existing_log_reads_strikes_and_writes_nothing(env: Settings, tmp_path: Path) -> None:
    ad = "兼职日结，手机就能做，加微信 dd_8899321"
    live = json.dumps({"id": "1", "user": "u2", "group": "g", "text": ad}, ensure_ascii=False)
    assert json.loads(_run("moderate", "-p", str(tmp_path / "knitting.yaml"), stdin=live).stdout)["action"] == "delete"
    before = _counts(env.data_dir / "moderation.sqlite")
    test = json.dumps({"id": "2", "user": "u2", "group": "g", "text": ad}, ensure_ascii=False)
    dry = json.loads(_run("moderate", "-p", str(tmp_path / "knitting.yaml"), "--dry-run", stdin=test).stdout)
    assert dry["action"] == "mute" and dry["dry_run"]  # the live strike is read: the ladder shows right
    assert _counts(env.data_dir / "moderation.sqlite") == before


def test_moderators_without_a_group_count_strikes_per_profile(env: Settings) -> None:
    # as the HTTP hook and the UI make them: no group for the moderator, none in the messages
    audit = AuditLog.from_settings(env)
    knit = Moderator(env, parse_profile_text(KNITTING), audit=audit, profile_key="knitting")
    game = Moderator(env, parse_profile_text(GAME), audit=audit, profile_key="blockland")
    ad = "兼职日结，手机就能做，加微信 kz_77881234"
    assert knit.moderate({"id": "k1", "user": "u9", "text": ad}).action == "delete"
    assert game.moderate({"id": "g1", "user": "u9", "text": ad}).action == "delete"  # a first offence here too
    assert knit.moderate({"id": "k2", "user": "u9", "text": ad}).action == "mute"
    # the audit log names the profile's group for messages that carried none
    assert {r["group_id"] for r in audit.query(limit=10)["items"]} == {"profile:knitting", "profile:blockland"}
    # a message with its own group id is counted under it, whatever the profile
    assert knit.moderate({"id": "k3", "user": "u9", "group": "30001", "text": ad}).action == "delete"
    # with no profile at all there is no key to tell groups apart: the empty group, as before
    assert Moderator(env, None, audit=audit)._group_of(Message(text="x")) == ""


def test_cli_runs_without_a_group_count_strikes_per_profile(env: Settings, tmp_path: Path) -> None:
    # the same member posts the same kind of ad in two groups, each run with its own profile and no --group
    ad = "兼职日结 加微信 abc123456，手机就能做"
    def run(name: str, msg_id: str) -> dict:
        line = json.dumps({"id": msg_id, "user": "u7", "text": ad}, ensure_ascii=False)
        return json.loads(_run("moderate", "-p", str(tmp_path / f"{name}.yaml"), stdin=line).stdout)

    first, other = run("knitting", "1"), run("cycling", "2")
    assert first["action"] == other["action"] == "delete", (first, other)  # a first offence in each group
    assert run("knitting", "3")["action"] == "mute"  # the second one in the same group escalates


def test_a_dry_run_judges_afresh_what_a_live_run_already_judged(env: Settings, tmp_path: Path) -> None:
    line = json.dumps({"id": "9", "user": "u8", "group": "g2", "text": "兼职日结 加微信 abc123456"}, ensure_ascii=False)
    live = json.loads(_run("moderate", "-p", str(tmp_path / "knitting.yaml"), stdin=line).stdout)
    test = json.loads(_run("moderate", "-p", str(tmp_path / "knitting.yaml"), "--dry-run", stdin=line).stdout)
    assert live["dry_run"] is False and test["dry_run"] is True and "试运行" in test["reason"]
    assert not test.get("replayed"), test  # not the stored verdict of the live run


# --- the UI's mapping reaches the hook ------------------------------------------------------------
def test_a_mapping_saved_in_the_ui_reaches_a_running_hook(env: Settings) -> None:
    client = TestClient(create_app(env), base_url=LOCAL)
    chatter = {"id": "1", "user": "u", "group": "778899", "text": "昨晚那部宫斗剧大结局你们看了吗，太虐了"}
    before = client.post("/v1/moderate", json=chatter).json()
    assert before["label"] == "ok" and before["profile_key"] == ""  # no profile yet: never off-topic
    ProfileStore(env.data_dir).save("城西骑行", CYCLING)
    rows, status = ui_moderation.save_group_mapping("778899", "城西骑行", env)
    assert status.startswith("✅") and ["778899", "城西骑行", "界面", "✅ 有"] in rows
    after = client.post("/v1/moderate", json={**chatter, "id": "2"}).json()
    assert after["label"] == "off_topic" and after["profile_key"] == "城西骑行"
    rain = client.post("/v1/moderate", json={"id": "3", "user": "v", "group": "778899",
                                              "text": "明天要是下雨，周六环湖骑还去吗？"}).json()
    assert rain["label"] == "ok"
    # the mapping shows which groups use which profile, and a bad group id is refused
    assert ui_moderation.save_group_mapping("有空格 的群", "城西骑行", env)[1].startswith("❌")
    assert ui_moderation.remove_group_mapping("778899", env)[1].startswith("✅")
    assert client.post("/v1/moderate", json={**chatter, "id": "4"}).json()["profile_key"] == ""


def test_copilot_toml_mapping_wins_over_the_ui(env: Settings, tmp_path: Path) -> None:
    ProfileStore(env.data_dir).save("城西骑行", CYCLING)
    s = env.model_copy(update={"groups": {"5566": str(tmp_path / "knitting.yaml")}})
    gm = GroupMap(s.data_dir, s.groups)
    gm.set("5566", "城西骑行")
    assert gm.path_for("5566") == str(tmp_path / "knitting.yaml")
    assert ("5566", "城西骑行", "界面（被 copilot.toml 覆盖）") in gm.rows()


# --- trust by history -----------------------------------------------------------------------------
SURE_BUT_ALONE = "价格实惠 需要的来"  # the classifier is sure, no rule evidence of its own (全网最低 is a seller's form since round 83)


def test_new_members_first_ad_like_message_is_acted_on_established_members_is_reviewed(env: Settings) -> None:
    client = TestClient(create_app(env), base_url=LOCAL)
    now = int(time.time())
    for i in range(6):  # an established member with a record of approved messages
        client.post("/onebot/v11", json={"post_type": "message", "message_type": "group", "group_id": 30001,
                                         "user_id": 1, "message_id": 100 + i, "time": now - 3600 + 300 * i,
                                         "message": f"今天第{i}次签到，继续加油", "raw_message": ""})
    with sqlite3.connect(env.data_dir / "moderation.sqlite") as conn:  # that was an hour ago, not a burst now
        conn.execute("update verdicts set ts = ts - 3600")
        conn.execute("update members set first_seen = first_seen - 86400 * 30")
    joined = client.post("/onebot/v11", json={"post_type": "notice", "notice_type": "group_increase",
                                              "group_id": 30001, "user_id": 2, "time": now})
    assert joined.status_code == 204
    event = {"post_type": "message", "message_type": "group", "group_id": 30001, "time": now,
             "message": SURE_BUT_ALONE, "raw_message": SURE_BUT_ALONE}
    old = client.post("/v1/moderate", json={"id": "a", "user": "1", "group": "30001", "text": SURE_BUT_ALONE}).json()
    new = client.post("/v1/moderate", json={"id": "b", "user": "2", "group": "30001", "text": SURE_BUT_ALONE}).json()
    # (the established member's message is only reviewed; its label is 正常 with the reason that a member with a record
    # sells their own thing — main's reading of a classifier-only price line before this test text changed)
    assert old["action"] == "review" and not old["checks"]["trust"]["new_member"]
    assert new["label"] == "ad" and new["action"] == "delete" and new["checks"]["trust"]["new_member"]
    assert "新成员" in new["reason"] and "入群" in new["reason"]
    quick = client.post("/onebot/v11", json={**event, "user_id": 2, "message_id": 900}).json()
    assert quick.get("delete") is True


def test_a_join_notice_stamped_far_from_the_server_clock_counts_as_joining_now(env: Settings) -> None:
    """A bot replaying events, or a phone's clock a year off: the notice still means the member just joined."""
    client = TestClient(create_app(env), base_url=LOCAL)
    year_ago = int(time.time()) - 365 * 86400
    joined = client.post("/onebot/v11", json={"post_type": "notice", "notice_type": "group_increase",
                                              "group_id": 30002, "user_id": 7, "time": year_ago})
    assert joined.status_code == 204
    v = client.post("/v1/moderate", json={"id": "n", "user": "7", "group": "30002", "text": SURE_BUT_ALONE}).json()
    assert v["checks"]["trust"]["new_member"] and "入群 不到 1 小时" in v["reason"]
    assert v["action"] == "delete"


def test_a_bad_join_notice_is_refused(env: Settings) -> None:
    client = TestClient(create_app(env), base_url=LOCAL)
    r = client.post("/onebot/v11", json={"post_type": "notice", "notice_type": "group_increase", "group_id": True})
    assert r.status_code == 400 and "group_id" in r.json()["error"]


def test_first_seen_counts_only_once_the_log_is_old_enough(env: Settings) -> None:
    """On a fresh log everyone looks new; a quiet old member must not be judged as a newcomer."""
    mod = Moderator(env, parse_profile_text(KNITTING))
    v = mod.moderate({"id": "1", "user": "quiet", "group": "g2", "text": SURE_BUT_ALONE})
    assert v.action == "review" and not v.checks["trust"]["new_member"]


# --- what an old log looks like ---------------------------------------------------------------------
def test_an_old_audit_log_gets_the_new_columns(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite"
    with sqlite3.connect(db) as conn:
        conn.execute("create table feedback (verdict_id varchar(64) primary key, ts float not null, predicted "
                     "varchar(16) not null, correct varchar(16) not null, group_id varchar(128) not null default '', "
                     "text text not null, fingerprint varchar(256) not null default '')")
        conn.execute("insert into feedback values ('v1', 1.0, 'ok', 'ad', 'g', '出飞行端', '出飞行端')")
    log = AuditLog(f"sqlite:///{db}")
    assert log.feedback_samples() == [("出飞行端", "ad")] and log.feedback_samples("blockland") == []
    assert log.feedback_label("出飞行端") == "ad"  # old feedback belongs to the profile-less scope


# --- what a first real user ran into (QA round) -----------------------------------------------------
def test_cq_code_strings_are_read_like_message_arrays(env: Settings) -> None:
    """go-cqhttp with message_format: string sends "[CQ:at,qq=…]": an @mention is not a QQ number to ban."""
    client = TestClient(create_app(env), base_url=LOCAL)
    base = {"post_type": "message", "message_type": "group", "group_id": 40001, "time": int(time.time())}
    for i, raw in enumerate(["[CQ:at,qq=1234567890] 团长，我的鸡蛋少了一盒",
                             "[CQ:reply,id=-2147]][CQ:at,qq=1234567890] 好的，明天驿站见",
                             "[CQ:image,file=a.jpg,url=https://gchat.qpic.cn/gchatpic_new/1/2] 看看这个颜色"]):
        out = client.post("/onebot/v11", json={**base, "user_id": 10 + i, "message_id": i, "message": raw,
                                               "raw_message": raw}).json()
        assert not out.get("delete") and not out.get("ban"), (raw, out)
    ad = "加我[CQ:face,id=14]微信 abc12345678 兼职日结"
    out = client.post("/onebot/v11", json={**base, "user_id": 99, "message_id": 9, "message": ad,
                                           "raw_message": ad}).json()
    assert out.get("delete") is True


def test_a_sign_up_list_with_room_numbers_and_prices_is_not_an_ad(env: Settings) -> None:
    group_buy = parse_profile_text("name: 幸福里社区团购群\npositioning: 幸福里小区居民团购蔬菜水果鸡蛋\n"
                                   "topics: [团购, 蔬菜, 水果, 鸡蛋]\n")
    mod = Moderator(env, group_buy, audit=None)
    roster = "#接龙 散养土鸡蛋30枚 团购价26元\n1. 5-302 两份\n2. 8-1101 一份\n3. 王姐 一份"
    v = mod.moderate({"id": "1", "user": "a", "text": roster})
    assert v.label == "ok", v.reason
    v = mod.moderate({"id": "2", "user": "b", "text": "西红柿4.5元一斤，29.9元一箱，要的接龙"})
    assert "29.9元" in json.dumps(v.checks, ensure_ascii=False) or v.label == "ok"


def test_an_imported_history_trains_but_is_not_replayed_text_by_text(env: Settings, tmp_path: Path) -> None:
    rng = random.Random(11)
    noisy = [(c + t, rng.choice(["1", "0"])) for c, t in itertools.product(_CHAT, _CHAT_TAILS)]
    f = tmp_path / "noisy.txt"
    f.write_text("\n".join(f"{t}=={y}" for t, y in noisy), encoding="utf-8")
    res = _run("moderation-import", str(f), "-p", str(tmp_path / "game.yaml"))
    imported = json.loads(res.stdout)
    assert res.exit_code == 0 and not imported["model"]["enabled"]
    mod = Moderator(env, parse_profile_text(GAME), profile_key="blockland")
    labelled_ad = next(t for t, y in noisy if y == "1")
    v = mod.moderate({"id": "1", "user": "m", "group": "g", "text": labelled_ad})
    assert v.checks["feedback"] is None and v.label != "ad"  # a refused history is not an operator's say-so
    res = _run("moderation-unimport", "-p", str(tmp_path / "game.yaml"))
    assert json.loads(res.stdout)["removed"] == imported["added"] > 50  # one row per distinct normalised text
    assert AuditLog.from_settings(env).feedback_samples("blockland") == []


def test_a_running_hook_sees_corrections_made_by_another_process(env: Settings,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("copilot.moderation.audit.FEEDBACK_REFRESH_S", 0.0)
    text = "出闲置的毛线一大包，要的私我"
    mod = Moderator(env, parse_profile_text(KNITTING), profile_key="knitting")
    first = mod.moderate({"id": "1", "user": "a", "group": "k", "text": text})
    assert first.checks["feedback"] is None
    other = AuditLog(f"sqlite:///{env.data_dir / 'moderation.sqlite'}")  # `copilot feedback` in another process
    other.record_feedback(first.verdict_id, "ok")
    again = mod.moderate({"id": "2", "user": "b", "group": "k", "text": text})
    assert again.checks["feedback"] == "ok" and again.label == "ok"


def test_a_backlog_delivered_after_a_reconnect_is_not_a_flood(env: Settings) -> None:
    client = TestClient(create_app(env), base_url=LOCAL)
    now = int(time.time())
    base = {"post_type": "message", "message_type": "group", "group_id": 50001, "user_id": 7}
    for i in range(8):  # sent over the last hour, delivered now in one go
        text = f"第{i}件事：周六的场地我来订"
        client.post("/onebot/v11", json={**base, "message_id": i, "time": now - 3600 + i * 400,
                                         "message": text, "raw_message": text})
    live = client.post("/onebot/v11", json={**base, "message_id": 99, "time": now,
                                            "message": "好的我明天下午去拿", "raw_message": "好的我明天下午去拿"}).json()
    assert not live.get("reply"), live


def test_an_abuse_verdict_always_says_why(env: Settings) -> None:
    mod = Moderator(env, parse_profile_text(GAME), audit=None)
    v = mod.moderate({"id": "1", "user": "x", "text": "你这水平也好意思来打团？回去再练两年吧"})
    if v.label == "abuse":
        assert v.reason.split("：", 1)[1].split("→")[0].strip(), v.reason


def test_common_names_for_a_group_type_are_understood() -> None:
    for raw, want in (("学习型", "知识型"), ("電商型", "消费型"), ("粉丝型", "品牌型")):
        assert parse_profile_text(f"positioning: 一起备考注会\ntopics: [注会]\ntype: {raw}\n").type == want
    # a name mixing two types is refused with the five values *and* the other names that work; a name with no type's
    # stem at all (随缘型) is read as 其他 and the operator told (round 58)
    with pytest.raises(ProfileError) as err:
        parse_profile_text("positioning: 一起备考注会\ntopics: [注会]\ntype: 学习电商型\n")
    assert "学习电商型" in str(err.value) and "知识型" in str(err.value) and "学习型" in str(err.value)
    told = parse_profile_text("positioning: 一起备考注会\ntopics: [注会]\ntype: 随缘型\n")
    assert told.type == "其他" and "随缘型" in told.kind_notes()[0]


def test_hard_review_answers_train_the_group_model_but_only_the_imported_history_is_scored(env: Settings) -> None:
    audit = AuditLog.from_settings(env)
    audit.import_examples("blockland", [(t, "ad" if y == "1" else "ok") for t, y in game_history()])
    alone = train_group(env, "blockland", audit)
    mod = Moderator(env, parse_profile_text(GAME), audit=audit, profile_key="blockland")
    # the admin confirms borderline messages (some say "ad" of what reads like chat, and back)
    borderline = ["有无好用的材质包推荐", "谁有矿透，私我", "今晚服务器几点维护", "出个附魔书，便宜", "新人求带下矿"]
    for i, text in enumerate(borderline):
        v = mod.moderate({"id": f"b{i}", "user": f"u{i}", "text": text})
        audit.record_feedback(v.verdict_id, "ad" if i % 2 else "ok")
    mixed = train_group(env, "blockland", audit)
    assert mixed["examples"] == alone["examples"] + len(borderline)
    assert mixed["cv"]["scored"] == alone["cv"]["scored"] == alone["examples"]  # the imported rows only
    assert "只用来训练" in mixed["message"] and "只用来训练" not in alone["message"]
