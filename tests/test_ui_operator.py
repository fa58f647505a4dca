"""The operator UI's callbacks after the newcomer walk-through (issue 16): safe profile editing, readable
results, progress, pasted notes, counts that match, charts. The layout is driven in test_e2e_browser."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from copilot.config import Settings
from copilot.evals.assertions import Assertion
from copilot.evals.report import _confusion_md, check_label, confusion_cells, metric_label, render_markdown
from copilot.llm import engine_label
from copilot.moderation import Moderator
from copilot.paths import ROOT
from copilot.profile import PROFILE_TEMPLATE, ProfileError, parse_profile_text
from copilot.profile_form import form_values, text_with_form
from copilot.server.onebot import message_of
from copilot.ui import drafting, evals, moderation, notes, profiles
from copilot.ui.app import missing_translations, seed_example_profiles

READING = "name: 周末读书会\npositioning: 每周共读一本非虚构好书，为爱读书的上班族提供讨论的地方\ntopics: [读书, 共读]\n"
LATIN_OR = re.compile(r"'[^']*'|\bor\b|Input should|Field required")


# --- profiles: the form, the YAML view and what is said when something is wrong ------------------------
def test_the_form_edits_common_fields_and_keeps_everything_else() -> None:
    values = form_values(PROFILE_TEMPLATE)
    assert values["type"] == "兴趣型" and "跑步" in values["topics"] and values["products"]
    assert values["goals"].count("\n") == 1 and values["tone"]  # the template now shows goals and tone
    values.update(name="西湖晨跑团", topics="跑步，晨跑、 配速", tone="", goals="每月一次10公里\n\n",
                  products=[["冬季跑鞋团购", "599", "459", "双", ""], ["", "1", "", "", ""], ["能量胶", "十元", "", "", ""]])
    text = text_with_form(PROFILE_TEMPLATE, values)
    data = yaml.safe_load(text)
    assert data["name"] == "西湖晨跑团" and data["topics"] == ["跑步", "晨跑", "配速"]
    assert "tone" not in data and data["goals"] == ["每月一次10公里"]
    assert [e["title"] for e in data["events"]] == ["晨跑打卡", "训练答疑", "周六西湖约跑"]  # not in the form, kept
    assert data["events"][0]["time"] == "07:00"  # stays a time, not YAML's base-60 number
    assert data["products"][0] == {"name": "冬季跑鞋团购", "price": 599, "promo_price": 459, "unit": "双"}
    # a price that is not a number is not dropped: validation names it, in Chinese
    with pytest.raises(ProfileError) as err:
        parse_profile_text(text)
    assert "products.1.price" in str(err.value) and "应为数字" in str(err.value)


def test_form_values_survive_yaml_special_characters() -> None:
    hostile = {"name": "#1 群: [测试] {x} & *y", "positioning": "为 \"新手\" 跑者：每日 - 打卡 | 复盘", "topics": "跑步",
               "platform": "qq", "type": ""}
    again = form_values(text_with_form("", hostile))
    assert again["name"] == hostile["name"] and again["positioning"] == hostile["positioning"]
    assert again["platform"] == "qq" and again["type"] == ""


def test_a_new_profile_takes_nothing_from_the_example() -> None:
    values = profiles.form_list(profiles.NEW_PROFILE)
    assert values[profiles.FORM_KEYS.index("positioning")] == "" and values[-1] == []
    # an untouched form leaves the text (and its comments) as it is
    assert profiles.text_from_form(profiles.NEW_PROFILE, values) == (profiles.NEW_PROFILE, None)
    values[profiles.FORM_KEYS.index("positioning")] = "每周共读一本书，为上班族提供讨论的地方"
    values[profiles.FORM_KEYS.index("topics")] = "读书"
    text, _ = profiles.text_from_form(profiles.NEW_PROFILE, values)
    data = yaml.safe_load(text)
    assert set(data) == {"name", "positioning", "topics", "platform"} and "跑步" not in text


def test_a_broken_yaml_is_left_alone_by_the_form() -> None:
    broken = "name: 读书会\ntopics: [读书, 共读\n"
    text, problem = profiles.text_from_form(broken, profiles.form_list(READING))
    assert text == broken and problem.startswith("❌") and "第 2 行第 9 列" in problem
    assert profiles.form_list(broken)[0] == ""  # an empty form, not a crash


@pytest.mark.parametrize("text, where", [
    ("name: a\npositioning: 为新手跑者提供训练计划\ntopics: [跑步, 打卡\ntone: 亲切\n", "第 3 行第 9 列的“[”没有配对的“]”"),
    ("\n\n# 注释\npositioning: 为新手跑者提供训练计划\ntopics: [跑步]\n  extra: 1\n", "第 6 行第 3 列"),
    ("positioning: \"为新手跑者提供训练计划\ntopics: [跑步]\n", "第 1 行第 14 列的引号没有配对"),
    ("positioning: 为新手跑者提供训练计划\ntopics:\n\t- 跑步\n", "制表符"),
    ("\ufeffevents: [{title: 晨跑, kind: 打卡\n", "第 1 行第 10 列的“{”没有配对的“}”"),
    ("name: \"a[b\"  # 注释 [\ntopics: [跑步, {x: 1}, \"c]\"\n", "第 2 行第 9 列的“[”没有配对的“]”"),  # file ends inside
])
def test_yaml_errors_point_at_the_operators_line_and_column(text: str, where: str) -> None:
    with pytest.raises(ProfileError) as err:
        parse_profile_text(text)
    assert where in str(err.value)


def test_every_validation_message_is_chinese() -> None:
    text = ("positioning: 短\ntopics: []\ntype: 运动电商型\nplatform: 抖音\nscript: 火星文\nproducts: [{name: 橙子, price: 贵}]\n"
            "events: [{title: 晨跑, kind: 随便, cadence: 每周八}]\nunknown_key: 1\n")
    message = profiles.validate_profile_text(text)
    assert message.startswith("❌")
    assert not LATIN_OR.search(message), message
    for key in ("positioning", "topics", "type", "platform", "script", "products.0.price", "events.0.cadence", "unknown_key"):
        assert key in message


def test_a_valid_profile_lists_how_loose_fields_were_read() -> None:
    # a kind outside the list or a cadence without a day is accepted, and the editor says how it was read
    text = ("positioning: 退休老人结伴自驾出游\ntopics: [自驾, 路线]\n"
            "events: [{title: 长线自驾, kind: 长途自驾, cadence: 每月一次}, {title: 城郊游, kind: 出游, cadence: 每周二, time: 8点}]\n")
    message = profiles.validate_profile_text(text)
    assert message.startswith("✅") and "请核对这些读法" in message
    assert "“长途自驾”不在可选类型里，按“其他”处理" in message and "每月一次：没有固定日期" in message
    assert "“8点”按 08:00 排" in message
    plain = profiles.validate_profile_text("positioning: 退休老人结伴自驾出游\ntopics: [自驾, 路线]\n")
    assert "请核对" not in plain


def test_saving_over_another_profile_asks_first(settings: Settings) -> None:
    assert profiles.save_profile("读书会", READING, settings).saved
    other = READING.replace("周末读书会", "夜读会")
    asked = profiles.save_profile("读书会", other, settings, loaded="跑团")
    assert asked.question and "覆盖" in asked.question and not asked.saved
    assert "周末读书会" in profiles.store(settings).text("读书会")  # nothing written yet
    done = profiles.save_profile("读书会", other, settings, loaded="跑团", overwrite=True)
    assert done.saved and "夜读会" in profiles.store(settings).text("读书会")
    # editing the profile that is open just saves
    again = profiles.save_profile("读书会", READING, settings, loaded="读书会")
    assert again.saved and again.question is None


def test_delete_asks_and_the_editor_moves_to_a_neighbour(settings: Settings) -> None:
    for name in ("a读书会", "b跑团", "c摄影"):
        profiles.save_profile(name, READING, settings)
    assert "不能恢复" in profiles.delete_question("b跑团", settings)
    assert profiles.delete_question("没有这个", settings) is None
    assert profiles.delete_question("", settings) is None
    before = profiles.profile_names(settings)
    _, after = profiles.delete_profile("b跑团", settings)
    assert profiles.pick_after_delete("b跑团", before, after) == "c摄影"
    assert profiles.pick_after_delete("c摄影", ["a读书会", "c摄影"], ["a读书会"]) == "a读书会"
    assert profiles.pick_after_delete("a读书会", ["a读书会"], []) is None


def test_the_browser_remembers_the_selected_profile() -> None:
    names = ["考研英语每日打卡营", "周末读书会"]
    assert profiles.remembered_choice("周末读书会", "考研英语每日打卡营", names) == "周末读书会"
    assert profiles.remembered_choice("已删除的群", "考研英语每日打卡营", names) == "考研英语每日打卡营"
    assert profiles.remembered_choice(None, None, names) == "考研英语每日打卡营"
    assert profiles.remembered_choice("x", None, []) is None


# --- 审核: a table that fits, no None, no server paths, clear mapping messages --------------------------
def test_verdicts_fit_the_page_and_are_escaped(settings: Settings) -> None:
    seed_example_profiles(settings)
    long_ad = "路人甲：加 v 信 ab12345678 领取内部资料，兼职日结，" + "每天只要两小时在家就能做，" * 6
    rows, _ = moderation.test_messages("考研英语每日打卡营", "小李：<script>alert(1)</script>今天的阅读真题讲得真好\n" + long_ad,
                                       settings)
    page = moderation.verdicts_html(rows)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert page.count("<details>") == 1 and "每天只要两小时" in page  # the long message folds, nothing is lost
    assert "<th>原因</th>" in page and rows[1][6] in page.replace("&quot;", '"')  # the reason is shown in full
    assert moderation.verdicts_html([]) == ""


def test_mapping_messages_and_missing_profile_files(settings: Settings) -> None:
    seed_example_profiles(settings)
    rows, status = moderation.save_group_mapping("", "考研英语每日打卡营", settings)
    assert "请先填写群号" in status
    rows, status = moderation.save_group_mapping("12 34", "考研英语每日打卡营", settings)
    assert status.startswith("❌") and "12 34" in status and "空格" in status and "群档案有" not in status
    # what the message allows is exactly what is accepted: no Chinese, no full-width digits
    for bad in ("abc群", "１２３４５", "群123"):
        rows, status = moderation.save_group_mapping(bad, "考研英语每日打卡营", settings)
        assert status.startswith("❌") and "不能有空格或中文" in status, bad
    rows, status = moderation.save_group_mapping("21345678901@chatroom", "考研英语每日打卡营", settings)
    assert status.startswith("✅")
    moderation.remove_group_mapping("21345678901@chatroom", settings)
    rows, status = moderation.save_group_mapping("778899", "考研英语每日打卡营", settings)
    assert status.startswith("✅") and rows[0][3].startswith("✅")
    profiles.delete_profile("考研英语每日打卡营", settings)
    rows, note = moderation.group_map_rows(settings)
    assert rows[0][:3] == ["778899", "考研英语每日打卡营", "界面"] and "找不到" in rows[0][3]
    assert "1 个群的档案文件不存在" in note
    assert "请先填写" in moderation.remove_group_mapping("  ", settings)[1]


def test_retrain_failure_names_no_server_path(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(_settings):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(settings.data_dir / "models" / "g.joblib"))

    monkeypatch.setattr(moderation, "retrain_groups", broken)
    message = moderation.retrain(settings)
    assert message.startswith("❌") and str(settings.data_dir) not in message and "/" not in message


def test_figures_without_data_are_a_dash() -> None:
    assert moderation.figure(None) == "—" and moderation.figure(0.5) == "0.50"


# --- 纪要: pasted text, each problem names its file once -----------------------------------------------
PASTED = ("2026-05-10 20:00:05 主持人小林\n欢迎大家，今晚请王老师分享《家庭收纳入门》\n"
          "2026-05-10 20:01:10 王老师\n收纳先做减法，一年没用过的东西先拿出来。\n"
          "2026-05-10 20:03:40 王老师\n衣柜按使用频率分三层，常穿的放在伸手就能拿到的高度。\n"
          "2026-05-10 20:05:12 阿青\n请问小户型怎么放换季被子？\n"
          "2026-05-10 20:05:50 王老师\n用真空压缩袋，放床底的收纳箱里。\n")


def test_notes_from_pasted_text_and_files_together(settings: Settings, tmp_path: Path) -> None:
    empty = tmp_path / "空文件.txt"
    empty.write_bytes(b"")
    preview, files, status = notes.summarize_uploads([str(empty)], settings, pasted=PASTED)
    assert "完成 1/2" in status and "王老师" in preview and len(files) == 1
    assert status.count("空文件.txt") == 1 and "文件为空" in status and str(tmp_path) not in status
    _, _, status = notes.summarize_uploads(None, settings, pasted="  \n ")
    assert "粘贴" in status and "上传" in status


# --- 起草: the check counts what is shown ---------------------------------------------------------------
def test_regenerated_names_are_counted_as_shown(settings: Settings) -> None:
    seed_example_profiles(settings)
    text, checks, _ = drafting.run_draft("考研英语每日打卡营", "群名", 3, 7, "活动通知", settings, round_=1)
    shown = [line for line in text.splitlines() if line.strip()]
    counts = {int(a) for a, b in re.findall(r"(\d+)/(\d+) 条", checks)} | {int(b) for a, b in re.findall(r"(\d+)/(\d+) 条", checks)}
    assert shown and counts == {len(shown)}, (shown, checks)
    # each rule id sits beside its own Chinese statement
    assert re.search(r"群名[^|]*<br>`name\.max_16_chars`", checks)


# --- 评测: per-suite progress, the last report after a reload, charts, Chinese names --------------------
def test_eval_names_are_chinese() -> None:
    assert metric_label("ad.precision") == "广告·精确率" and metric_label("recall_at_5") == "前5条召回率"
    assert metric_label("tuning.todos_with_owner") == "调参集·待办带负责人"
    assert check_label("label_equals") == "判定与标注一致" and check_label("name.says_what") == "name.says_what"
    # every suite has a Chinese title in the picker (no "profiles（profiles）")
    assert all(not label.startswith(f"{key}（") for label, key in evals.SUITE_CHOICES if key != evals.ALL)
    # what a check looks at is said in Chinese
    described = Assertion.parse({"contains_all": ["加1元换购", "套装价"]}).describe()
    assert "joined" not in described and "全部文本" in described
    # confusion-matrix headers are the Chinese label names, in the Markdown and in the HTML
    conf = {"labels": ["ok", "ad"], "matrix": [[5, 1], [0, 3]]}
    md = "\n".join(_confusion_md(conf))
    assert "正常" in md and "广告" in md and "| ok" not in md and "**ad**" not in md
    assert confusion_cells(conf)["labels"] == ["正常", "广告"]
    # the engine is named in Chinese beside its code, by the one helper
    assert engine_label("offline").startswith("离线引擎（offline")
    assert "离线引擎（offline" in render_markdown([], [], engine="offline")


def test_gates_chart_marks_threshold_and_result() -> None:
    meta = {"time": "2026-11-29 10:00:00", "gates": {"moderation": [
        {"metric": "ad.precision", "op": ">=", "threshold": 0.95, "value": 0.9, "passed": False},
        {"metric": "evasions.lookalikes_acted_on", "op": "<=", "threshold": 3, "value": 1, "passed": True},
        {"metric": "spam.f1", "op": ">=", "threshold": 0.75, "value": None, "passed": False}]}}
    chart = evals.gates_chart(meta)
    assert "审核" in chart and "广告·精确率" in chart and chart.count("gate-row") == 3
    assert "0.9（要求 &gt;= 0.95）❌" in chart or "0.9（要求 >= 0.95）❌" in chart
    assert "缺失" in chart and "width:0.0%" in chart
    assert "left:95.0%" in chart  # the threshold line of a 0–1 metric sits at its value
    assert evals.gates_chart({}) == ""


def test_eval_report_survives_a_reload_and_shows_progress(settings: Settings) -> None:
    assert evals.latest_report(settings) == evals.NO_REPORT
    seen: list[tuple[tuple[int, int], str]] = []

    class Tracker:  # like gr.Progress: falsy while it tracks no iterable, and still to be called
        def __len__(self) -> int:
            return 0

        def __call__(self, where: tuple[int, int], desc: str, unit: str) -> None:
            seen.append((where, desc))

    report = evals.run_offline_eval(settings, Tracker(), suites=evals.suites_for("drafts"))
    assert seen[0] == ((0, 1), "准备评测") and any("起草" in d for _, d in seen)
    assert "门槛图" in report and "规则通过率" in report and "# 评测报告" in report
    assert evals.latest_report(settings) == report  # a new page load reads the same report from disk
    meta = json.loads((evals.report_dir(settings) / "metrics.json").read_text(encoding="utf-8"))
    assert list(meta["suites"]) == ["drafts"]
    assert evals.suites_for(evals.ALL) == tuple(s for _, s in evals.SUITE_CHOICES[1:])


def test_gradio_keys_missing_from_its_translations_are_supplied() -> None:
    table = missing_translations().translations_dict
    assert table["zh-CN"]["common"]["complete"] == "完成" and table["en"]["common"]["complete"]
    assert table["zh-CN"]["chatbot"]["copy_message"] == "复制这条消息"  # the chat's copy button


# --- progress outside the UI: the first index build counts its cards ----------------------------------
def test_index_build_shows_a_progress_bar_with_counts(monkeypatch: pytest.MonkeyPatch, fresh_settings: Settings) -> None:
    from typer.testing import CliRunner

    from copilot.cli import app
    from copilot.knowledge.cards import load_cards

    monkeypatch.setenv("COPILOT_DATA_DIR", str(fresh_settings.data_dir))
    result = CliRunner().invoke(app, ["index"])
    assert result.exit_code == 0, result.output
    total = len(load_cards(fresh_settings.knowledge_dir))
    assert f"{total}/{total}" in result.output and "建立方法论索引" in result.output
    assert "新增 " in result.output and "索引完成" in result.output


# --- unsaved edits are never lost silently (qa16 items 4, 14, 15) ----------------------------------------
def test_unsaved_edits_are_noticed_in_the_form_and_in_the_yaml(settings: Settings) -> None:
    profiles.save_profile("读书会", READING, settings)
    saved = profiles.store(settings).text("读书会")
    values = profiles.form_list(saved)
    assert not profiles.unsaved_edits("读书会", "form", saved, values, settings)
    # a comment or a layout change is not an edit; a changed tone is
    assert not profiles.unsaved_edits("读书会", "yaml", "# 我的备注\n" + saved, values, settings)
    edited = list(values)
    edited[profiles.FORM_KEYS.index("tone")] = "活泼、爱用表情"
    assert profiles.unsaved_edits("读书会", "form", saved, edited, settings)
    assert profiles.unsaved_edits("读书会", "yaml", saved.replace("周末读书会", "夜读会"), values, settings)
    assert profiles.unsaved_edits("读书会", "yaml", saved + "topics: [读书, 共读\n", values, settings)  # broken counts
    # an untouched new profile has nothing to lose
    assert not profiles.unsaved_edits("", "form", profiles.NEW_PROFILE, profiles.form_list(profiles.NEW_PROFILE), settings)
    ask = profiles.switch_question("读书会", "跑团")
    assert "读书会" in ask and "跑团" in ask and "未保存" in ask
    assert "已保存的版本" in profiles.unsaved_draft_note("读书会")


def test_broken_yaml_keeps_the_last_good_form_values() -> None:
    good = profiles.form_list(READING)
    values, problem = profiles.form_for("name: 读书会\ntopics: [读书, 共读\n", good)
    assert values == good and problem.startswith("⚠️") and "第 2 行第 9 列" in problem
    values, problem = profiles.form_for(READING.replace("周末读书会", "夜读会"), good)
    assert problem is None and "夜读会" in values


def test_readme_counts_the_seeded_examples() -> None:
    n = len(list((ROOT / "examples" / "profiles").glob("*.yaml")))
    english = ["Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Eleven", "Twelve"]
    assert f"{english[n]} examples are in" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_audit_log_names_the_member_the_bot_named(settings: Settings) -> None:
    event = {"post_type": "message", "message_type": "group", "group_id": 20002, "user_id": 115, "message_id": 7,
             "sender": {"user_id": 115, "nickname": "喵星人阿花", "card": "  ", "role": "member"},
             "message": [{"type": "text", "data": {"text": "周六领养日几点开始？"}}]}
    msg = message_of(event)
    assert msg is not None and msg.nickname == "喵星人阿花"  # an empty group card falls back to the nickname
    event["sender"]["card"] = "阿花-徐汇"
    msg = message_of(event)
    Moderator(settings, None, group="20002").moderate(msg.model_dump())
    no_name = {**event, "user_id": 116, "message_id": 8, "sender": {}}
    Moderator(settings, None, group="20002").moderate(message_of(no_name).model_dump())
    rows, _ = moderation.audit_rows(settings, "20002", "", "", 7)
    who = {r[moderation.LOG_COLUMNS.index("用户")] for r in rows}
    assert who == {"阿花-徐汇（115）", "116"}
