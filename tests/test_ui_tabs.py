"""Callbacks behind the 起草 / 审核 / 纪要 / 评测 tabs (the layout itself is driven in test_e2e_browser)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from copilot.config import Settings
from copilot.moderation import Moderator
from copilot.paths import ROOT
from copilot.profile import profile_key
from copilot.ui import drafting, moderation, notes, profiles
from copilot.ui.app import build_ui, seed_example_profiles
from copilot.ui.profiles import store

LOCAL = "http://127.0.0.1"  # the hook answers only to its own host names (DNS rebinding)

FIXTURES = Path(__file__).parent / "fixtures" / "notes"


def _with_profiles(settings: Settings) -> Settings:
    seed_example_profiles(settings)
    return settings


def test_example_profiles_are_seeded_once(settings: Settings) -> None:
    seed_example_profiles(settings)
    names = profiles.profile_names(settings)
    assert len(names) >= 6 and "6月龄+宝宝辅食交流群" in names
    profiles.delete_profile("6月龄+宝宝辅食交流群", settings)
    seed_example_profiles(settings)  # not re-seeded: the operator deleted it on purpose
    assert "6月龄+宝宝辅食交流群" not in profiles.profile_names(settings)


def test_draft_names_for_a_profile(settings: Settings) -> None:
    s = _with_profiles(settings)
    text, checks, export = drafting.run_draft("6月龄+宝宝辅食交流群", "群名", 4, 7, "活动通知", s)
    assert text.count("\n") >= 3 and "辅食" in text
    assert "name.says_what" in checks and "✓ 通过" in checks and "离线引擎" in checks
    # a rule that does not apply (no brand in this profile) is not counted as passed
    brand_row = next(line for line in checks.splitlines() if "name.carries_brand" in line)
    assert "— 不适用" in brand_row and "✓ 通过" not in brand_row
    # cited cards by their titles, not their file names
    cited = checks.split("**引用卡片：**")[1].splitlines()[0]
    assert "《" in cited and not re.search(r"[a-z]+-[a-z]+", cited)
    assert export and Path(export).read_text(encoding="utf-8").startswith("# 6月龄+宝宝辅食交流群 · 群名")


def test_draft_errors_are_shown_not_raised(settings: Settings) -> None:
    s = _with_profiles(settings)
    text, checks, export = drafting.run_draft(None, "群名", 5, 7, "活动通知", s)
    assert text == "" and "请先" in checks and export is None
    # promotion copy needs products with prices: a clear Chinese message, not a traceback
    text, checks, export = drafting.run_draft("杭州新手跑者训练营", "文案", 3, 7, "促销", s)
    assert text == "" and checks.startswith("❌") and export is None
    profiles.save_profile("broken", "positioning: 为新手跑者提供训练计划\ntopics: [跑步]\n", s)
    (s.data_dir / "profiles" / "broken.yaml").write_text("topics: [\n", encoding="utf-8")
    text, checks, _ = drafting.run_draft("broken", "群规", 5, 7, "活动通知", s)
    assert text == "" and "YAML" in checks


def test_topics_calendar_in_traditional(settings: Settings) -> None:
    s = _with_profiles(settings.model_copy(update={"script": "zh-Hant"}))
    text, checks, _ = drafting.run_draft("考研英语每日打卡营", "每日话题日历", 5, 3, "活动通知", s)
    assert "週一" in text and "週三" in text and "真题精讲" in text  # dated messages, in Traditional
    assert "開場" not in text and "為什麼" not in text and "待補" not in text  # the copy box is what members read
    assert "给运营" in checks and "正文" in checks  # what the operator must fill in sits beside it


def test_promotion_copy_box_holds_only_member_text(settings: Settings) -> None:
    s = _with_profiles(settings)
    text, checks, path = drafting.run_draft("阳光花园水果团购2群", "文案", 3, 7, "促销", s)
    assert "加1元换购" in text
    # the example's 会员日 names no price: no end date is borrowed from it; the operator is asked for one
    assert "截止" not in text and "截止时间" in checks
    for leak in ("比例偏见", "套路", "=", "建议方案", "给运营"):
        assert leak not in text, leak
    assert "比例偏见" in checks and "给运营（不要发到群里）" in checks
    exported = Path(path).read_text(encoding="utf-8")
    member, _, rest = exported.partition("## 给运营（不要发到群里）")
    assert "比例偏见" not in member and "比例偏见" in rest


def test_moderation_tab_flags_an_ad_and_takes_feedback(settings: Settings) -> None:
    s = _with_profiles(settings)
    sample = "小王：宝宝八个月了，蛋黄可以整个吃吗？\n路人甲：加 v 信 ab12345678 领取内部辅食资料，兼职日结"
    rows, status = moderation.test_messages("6月龄+宝宝辅食交流群", sample, s)
    assert len(rows) == 2 and "已审核 2 条" in status and "试运行" in status
    assert rows[0][3] == "正常"
    assert rows[1][3] == "广告" and rows[1][4] in {"删除", "警告"}
    # a test writes nothing: no verdicts, no strikes, no stats
    assert moderation.audit_rows(s, "", "", "", 7)[0] == []
    assert "共 0 条" in moderation.stats(s, None)[0]
    rows_again, _ = moderation.test_messages("6月龄+宝宝辅食交流群", sample, s)
    assert rows_again[1][4] == rows[1][4]  # no strike was counted by the first test
    # the bot's real verdicts are in the log and can be corrected from the tab
    profile = store(s).load("6月龄+宝宝辅食交流群")
    key = profile_key(store(s).path("6月龄+宝宝辅食交流群"), profile)
    bot = Moderator(s, profile, group="20001", profile_key=key)
    real = [bot.moderate({"id": str(i), "user": u, "group": "20001", "text": t})
            for i, (u, t) in enumerate([("小王", "宝宝八个月了，蛋黄可以整个吃吗？"),
                                        ("路人甲", "加 v 信 ab12345678 领取内部辅食资料，兼职日结")])]
    log, log_status = moderation.audit_rows(s, "", "广告", "", 7)
    assert len(log) == 1 and log[0][0] == real[1].verdict_id and "共 1 条" in log_status
    reason = moderation.LOG_COLUMNS.index("原因")
    assert real[1].reason and log[0][reason] == real[1].reason  # the 原因 is in the log table
    assert moderation.verdict_id_of_row(log[0]) == real[1].verdict_id  # a clicked row fills 审核编号
    assert moderation.verdict_id_of_row(None) == ""
    message = moderation.give_feedback(real[0].verdict_id, "闲聊跑题", s)
    # the truth about retraining: one label is far from what a group's own model needs
    assert message.startswith("✅") and "只有 1 条标注" in message and "至少需要 100 条" in message
    assert "广告还差 20 条" in message  # says what is missing
    log, _ = moderation.audit_rows(s, "", "", "", 7)
    fixed = moderation.LOG_COLUMNS.index("纠正")
    assert any(r[0] == real[0].verdict_id and r[fixed] == "闲聊跑题" for r in log)
    # an id from the test panel above is a dry run: said so, not "找不到审核记录"
    dry = moderation.give_feedback(rows[1][0], "广告", s)
    assert "试运行" in dry and "无法纠正" in dry and "找不到" not in dry
    assert moderation.give_feedback("", "广告", s).startswith("❌")
    assert moderation.give_feedback("no-such-id", "广告", s).startswith("❌")
    summary, per_day, actions, quality = moderation.stats(s, None)
    assert "共 2 条" in summary and set(per_day["判定"]) == {"正常", "广告"}
    assert "None" not in summary and "—" in summary  # a label with no feedback for one side shows a dash
    assert actions["条数"].sum() == 2 and set(actions["处置"]) <= set(moderation.ACTION_NAMES.values())
    # one correction (正常 → 闲聊跑题): this week's figures, as numbers between 0 and 1
    assert len(quality) >= 1 and quality["值"].between(0, 1).all() and quality["周"].str.contains("-W").all()


def test_moderation_tab_handles_empty_input(settings: Settings) -> None:
    rows, status = moderation.test_messages(None, "   \n", settings)
    assert rows == [] and "请粘贴" in status


def test_notes_tab_summarises_uploads_and_reports_bad_files(settings: Settings, tmp_path: Path) -> None:
    gbk = tmp_path / "gbk_export.txt"
    gbk.write_bytes((FIXTURES / "qq_share.txt").read_text(encoding="utf-8").encode("gb18030"))
    bad = tmp_path / "garbage.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    preview, files, status = notes.summarize_uploads(
        [str(FIXTURES / "wechat_discussion.txt"), str(gbk), str(bad)], settings)
    assert "完成 2/3" in status and status.count("garbage.txt") == 1  # the file is named once
    assert preview.count("\n# ") + preview.startswith("# ") == 2
    md_files = [f for f in files if f.endswith(".md")]
    assert len(md_files) == 2
    bundle = [f for f in files if f.endswith(".zip")][0]
    assert sorted(zipfile.ZipFile(bundle).namelist()) == sorted(Path(f).name for f in md_files)
    preview, files, status = notes.summarize_uploads([], settings)
    assert files == [] and "请先上传" in status


def test_the_whole_page_builds(settings: Settings) -> None:
    demo = build_ui(settings)
    labels = {getattr(b, "label", None) for b in demo.blocks.values()}
    for tab in ("问答", "群档案", "起草", "审核", "纪要", "评测"):
        assert tab in labels
    assert (ROOT / "examples" / "profiles").is_dir()


def test_optional_login_protects_the_ui(settings: Settings) -> None:
    from fastapi.testclient import TestClient

    from copilot.ui.app import create_server

    client = TestClient(create_server(settings.model_copy(update={"ui_auth": "ops:s3cret-pass"})), base_url=LOCAL)
    assert client.get("/config").status_code == 401
    assert client.post("/login", data={"username": "ops", "password": "wrong"}).status_code == 400
    assert client.post("/login", data={"username": "ops", "password": "s3cret-pass"}).status_code == 200
    assert client.get("/config").status_code == 200
    # without COPILOT_UI_AUTH the page is open (localhost default)
    assert TestClient(create_server(settings), base_url=LOCAL).get("/config").status_code == 200


def test_traditional_profile_keeps_its_own_name_and_hides_checks_from_the_draft(settings: Settings) -> None:
    s = _with_profiles(settings)
    profiles.save_profile("taipei", "name: 台北咖啡同好會\npositioning: 台北的咖啡愛好者交流手沖與烘焙\n"
                                    "topics: [咖啡, 手沖, 烘焙]\ntype: 興趣型\nscript: zh-Hant\n", s)
    text, checks, _ = drafting.run_draft("taipei", "群介绍/公告", 1, 7, "活动通知", s)
    assert "台北咖啡同好會" in text and "臺北咖啡同好會" not in text
    assert "規則檢查" not in text and "规则检查" not in text  # checks live in their own table
    assert "intro." in checks


def test_notes_tab_keeps_a_traditional_transcript_traditional(settings: Settings, tmp_path: Path) -> None:
    export = tmp_path / "tea.txt"
    export.write_text(
        "2024-06-01 20:00:05 主持人阿明\n歡迎大家，今晚請陳老師分享《高山茶入門》\n"
        "2024-06-01 20:01:10 陳老師\n高山茶要看海拔，一千公尺以上的茶園，香氣比較清雅。\n"
        "2024-06-01 20:03:40 陳老師\n沖泡時水溫九十度左右，第一泡四十秒就出湯。\n"
        "2024-06-01 20:05:12 小華\n請問冷泡可以嗎？\n"
        "2024-06-01 20:05:50 陳老師\n可以，冷泡放冰箱六小時，口感比較甜。\n", encoding="utf-8")
    preview, files, status = notes.summarize_uploads([str(export)], settings)
    assert "完成 1/1" in status
    assert "陳老師" in preview and "陈老师" not in preview


def test_regenerate_offline_shows_new_candidates_then_says_when_there_are_none(settings: Settings) -> None:
    s = _with_profiles(settings)
    first, _, _ = drafting.run_draft("6月龄+宝宝辅食交流群", "群名", 4, 7, "活动通知", s)
    again, checks, _ = drafting.run_draft("6月龄+宝宝辅食交流群", "群名", 4, 7, "活动通知", s, round_=1)
    names_first = {line for line in first.splitlines() if line.strip()}  # the copy box: one name a line
    names_again = {line for line in again.splitlines() if line.strip()}
    assert names_again and not names_first & names_again
    _, checks, _ = drafting.run_draft("6月龄+宝宝辅食交流群", "群规", 4, 7, "活动通知", s, round_=1)
    assert "配置模型接口" in checks


def test_examples_are_listed_by_their_chinese_names(settings: Settings) -> None:
    seed_example_profiles(settings)
    names = profiles.profile_names(settings)
    assert {"考研英语每日打卡营", "山谷咖啡会员俱乐部", "手机摄影同好群", "6月龄+宝宝辅食交流群"} <= set(names)
    assert not [n for n in names if n.isascii()]  # no file stems like kaoyan-english
    assert "考研英语" in profiles.load_profile_text("考研英语每日打卡营", settings)[0]


def test_moderation_tab_lists_the_selected_groups_least_sure_messages(settings: Settings) -> None:
    s = _with_profiles(settings)
    name = "6月龄+宝宝辅食交流群"
    assert moderation.uncertain_rows(s, None)[0] == [] and "请先" in moderation.uncertain_rows(s, None)[1]
    assert moderation.uncertain_rows(s, name)[0] == []  # nothing judged live yet
    moderation.test_messages(name, "路人甲：出几盒自家宝宝吃不完的米粉，便宜", s)  # a test run is never asked about
    assert moderation.uncertain_rows(s, name)[0] == []
    profile = store(s).load(name)
    bot = Moderator(s, profile, group="20001", profile_key=profile_key(store(s).path(name), profile))
    texts = ["出几盒自家宝宝吃不完的米粉，便宜", "宝宝八个月了，蛋黄可以整个吃吗？", "加 v 信 ab12345678 领取内部辅食资料"]
    real = [bot.moderate({"id": str(i), "user": f"u{i}", "group": "20001", "text": t}) for i, t in enumerate(texts)]
    rows, status = moderation.uncertain_rows(s, name, 2)
    assert len(rows) == 2 and "最拿不准的 2 条" in status
    assert {r[0] for r in rows} <= {v.verdict_id for v in real}
    # answering one from the table removes it from the next list
    assert moderation.give_feedback(rows[0][0], "广告", s).startswith("✅")
    assert rows[0][0] not in {r[0] for r in moderation.uncertain_rows(s, name, 10)[0]}
