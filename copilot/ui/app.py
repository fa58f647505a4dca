"""The Gradio app and the ASGI server that hosts it together with the moderation hooks.

One process serves the operator UI at ``/`` and the bot hooks (``/v1/moderate``, ``/onebot/v11``)
beside it, so a small team runs a single service. Nothing is fetched from the internet: analytics
are off and the theme uses system fonts instead of Google Fonts. Layout only lives here; every
callback is a plain function in ``copilot.ui.<tab>`` with its own unit tests.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial
from typing import Any

import gradio as gr
import yaml
from fastapi import FastAPI

from copilot.config import Settings, get_settings
from copilot.llm import OFFLINE, engine_label
from copilot.paths import ROOT, load_resource
from copilot.profile_form import FORM_FIELDS, PLATFORM_CHOICES, PRODUCT_COLUMNS, TYPE_CHOICES
from copilot.server import bind_problem, create_app
from copilot.ui import drafting, evals, moderation, notes, profiles
from copilot.ui.chat import chat_respond

THEME_FONTS = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "system-ui", "sans-serif"]


def make_theme() -> gr.themes.Base:
    """System fonts only: the default theme would fetch Google Fonts from the internet."""
    return gr.themes.Default(font=THEME_FONTS, font_mono=["ui-monospace", "monospace"])


def seed_example_profiles(settings: Settings) -> None:
    """On first start, copy the example profiles so an operator has something to try."""
    store = profiles.store(settings)
    if store.names():
        return
    for path in sorted((ROOT / "examples" / "profiles").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        try:
            store.save(example_label(text, path.stem), text)
        except Exception:  # an example that no longer validates is simply not offered
            continue


def example_label(text: str, fallback: str) -> str:
    """What the picker shows for an example: its group name, else the title in its first comment.

    Operators pick groups by their Chinese names, not by the example files' ASCII stems; the
    examples without a name (they are for trying ``draft name``) carry a title comment.
    """
    try:
        name = str((yaml.safe_load(text) or {}).get("name") or "").strip()
    except (yaml.YAMLError, AttributeError):
        name = ""
    if not name and text.startswith("#"):
        name = text.splitlines()[0].lstrip("# ").rsplit("：", 1)[-1].strip()
    return name or fallback


def _chat_tab(settings: Settings) -> None:
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="方法论问答", height=480, elem_id="chatbot")
            question = gr.Textbox(label="问题", placeholder="例如：群里老有人发广告怎么办？", elem_id="chat-input")
            ask = gr.Button("提问", variant="primary", elem_id="chat-send")
        with gr.Column(scale=2):
            sources = gr.Markdown("引用的方法论片段会显示在这里。", elem_id="chat-sources")
    respond = partial(chat_respond, settings=settings)
    for trigger in (ask.click, question.submit):
        trigger(respond, [question, chatbot], [chatbot, sources, question])


def _profiles_tab(settings: Settings, picker: gr.Dropdown, head: gr.Markdown, header: str,
                  remembered: gr.BrowserState) -> tuple[Callable[[str | None], dict[Any, Any]], list[Any]]:
    """The profile editor; returns ``show(choice)``, the updates that put a profile in the editor, and
    the components that tell whether it holds unsaved edits (loaded, mode, editor, form...)."""
    text0, status0 = profiles.load_profile_text(picker.value, settings)
    with gr.Row():
        name = gr.Textbox(label="档案名", value=picker.value or "", elem_id="profile-name")
        new = gr.Button("新建", elem_id="profile-new")
    mode = gr.Textbox("form", visible=False)  # which view holds the operator's latest edits
    loaded = gr.Textbox(picker.value or "", visible=False)  # the saved profile the editor shows ("" for a new one)
    with gr.Tabs():
        with gr.Tab("表单（常用字段）", id="profile-form") as form_tab:
            form = _profile_form(profiles.form_list(text0))
        with gr.Tab("YAML（全部字段）", id="profile-yaml") as yaml_tab:
            editor = gr.Code(label="群档案（YAML）", language="yaml", value=text0, elem_id="profile-editor")
    with gr.Row():
        validate = gr.Button("校验", elem_id="profile-validate")
        save = gr.Button("保存", variant="primary", elem_id="profile-save")
        delete = gr.Button("删除", variant="stop", elem_id="profile-delete")
    with gr.Row(visible=False, elem_id="profile-confirm-row") as confirm_row:
        question = gr.Markdown(elem_id="profile-question")
        pending = gr.Textbox(visible=False)  # "save" or "delete": what 确认 carries out
        yes = gr.Button("确认", variant="stop", elem_id="profile-confirm")
        no = gr.Button("取消", elem_id="profile-cancel")
    status = gr.Markdown(status0, elem_id="profile-status")
    outputs = [status, picker, head, name, editor, *form, mode, loaded, confirm_row, question, pending, remembered]

    def show(choice: str | None, message: str | None = None) -> dict[Any, Any]:
        text, msg = profiles.load_profile_text(choice, settings)
        return {name: choice or "", loaded: choice or "", editor: text, status: message or msg, remembered: choice,
                confirm_row: gr.update(visible=False), **dict(zip(form, profiles.form_list(text), strict=True))}

    def current(m: str, text: str, values: list[Any]) -> tuple[str, str | None]:
        return profiles.text_from_form(text, values) if m == "form" else (text, None)

    def on_save(n: str, m: str, text: str, loaded: str | None, *values: Any, overwrite: bool = False):  # type: ignore[no-untyped-def]
        text, problem = current(m, text, list(values))
        if problem:
            return {status: problem}
        out = profiles.save_profile(n, text, settings, loaded=loaded, overwrite=overwrite)
        if out.question:
            return {question: out.question, pending: "save", confirm_row: gr.update(visible=True), status: ""}
        if not out.saved:  # nothing saved: the operator's current choice stays as it is
            return {status: out.message, picker: gr.update(choices=out.names), confirm_row: gr.update(visible=False)}
        return {**show(n.strip(), out.message), picker: gr.update(choices=out.names, value=n.strip()),
                head: header_line(header, len(out.names))}

    def on_delete(n: str):  # type: ignore[no-untyped-def]
        ask = profiles.delete_question(n, settings)  # None: nothing to delete, so nothing to confirm
        return {question: ask or "", pending: "delete", confirm_row: gr.update(visible=ask is not None),
                status: "" if ask else "没有可删除的档案。"}

    def on_pick(choice: str | None, m: str, text: str, loaded_: str | None, *values: Any):  # type: ignore[no-untyped-def]
        if not profiles.unsaved_edits(loaded_, m, text, list(values), settings):
            return show(choice)
        # the picker goes back until the operator says the edits may go
        return {picker: gr.update(value=loaded_ or None), question: profiles.switch_question(loaded_, choice),
                pending: "switch:" + (choice or ""), confirm_row: gr.update(visible=True), status: ""}

    def on_confirm(what: str, n: str, m: str, text: str, loaded: str | None, *values: Any):  # type: ignore[no-untyped-def]
        if what.startswith("switch:"):
            choice = what.removeprefix("switch:") or None
            return {**show(choice), picker: gr.update(value=choice)}
        if what == "save":
            return on_save(n, m, text, loaded, *values, overwrite=True)
        before = profiles.profile_names(settings)
        msg, names = profiles.delete_profile(n, settings)
        choice = profiles.pick_after_delete(n.strip(), before, names)
        return {**show(choice, msg), picker: gr.update(choices=names, value=choice),
                head: header_line(header, len(names))}

    def to_yaml(text: str, *values: Any):  # type: ignore[no-untyped-def]
        text, problem = profiles.text_from_form(text, list(values))
        return {editor: text, mode: "yaml", status: problem or gr.update()}

    editing = [name, mode, editor, loaded, *form]
    # .input (user picks), not .change: saving updates the picker and must not overwrite its own status
    picker.input(on_pick, [picker, mode, editor, loaded, *form], outputs)
    new.click(lambda: {**show(None), remembered: gr.update()}, None, outputs)
    def to_form(text: str, *shown: Any):  # type: ignore[no-untyped-def]
        values, problem = profiles.form_for(text, list(shown))
        return {mode: "form", **dict(zip(form, values, strict=True)), status: problem or gr.update()}

    form_tab.select(to_form, [editor, *form], outputs)
    yaml_tab.select(to_yaml, [editor, *form], outputs)
    validate.click(lambda m, text, *values: profiles.validate_profile_text(current(m, text, list(values))[0]),
                   [mode, editor, *form], [status])
    save.click(on_save, editing, outputs)
    delete.click(on_delete, [name], outputs)
    yes.click(on_confirm, [pending, *editing], outputs)
    # the name box goes back to the profile the editor holds (a cancelled overwrite typed another name)
    no.click(lambda shown: {confirm_row: gr.update(visible=False), status: "已取消，没有改动。", name: shown},
             [loaded], outputs)
    return show, [loaded, mode, editor, *form]


def _profile_form(values: list[Any]) -> list[gr.components.Component]:
    """The form's inputs in :data:`copilot.ui.profiles.FORM_KEYS` order."""
    initial = dict(zip(profiles.FORM_KEYS, values, strict=True))
    labels = dict(FORM_FIELDS)
    boxes: dict[str, gr.components.Component] = {}
    with gr.Row():
        boxes["name"] = gr.Textbox(label=labels["name"], value=initial["name"], elem_id="pf-name")
        boxes["type"] = gr.Dropdown(TYPE_CHOICES, value=initial["type"], label=labels["type"], elem_id="pf-type")
        boxes["platform"] = gr.Dropdown(PLATFORM_CHOICES, value=initial["platform"], label=labels["platform"],
                                        elem_id="pf-platform")
    boxes["positioning"] = gr.Textbox(label=labels["positioning"], value=initial["positioning"], lines=2,
                                      elem_id="pf-positioning")
    boxes["topics"] = gr.Textbox(label=labels["topics"], value=initial["topics"], elem_id="pf-topics")
    with gr.Row():
        for key in ("audience", "threshold", "tone"):
            boxes[key] = gr.Textbox(label=labels[key], value=initial[key], elem_id=f"pf-{key}")
    boxes["goals"] = gr.Textbox(label=labels["goals"], value=initial["goals"], lines=2, elem_id="pf-goals")
    boxes["products"] = gr.Dataframe(value=initial["products"] or None, headers=PRODUCT_COLUMNS, type="array",
                                     column_count=len(PRODUCT_COLUMNS), interactive=True, elem_id="pf-products",
                                     label="商品/活动（写促销文案时用；没有可不填）")
    gr.Markdown("固定活动（events）、违禁词、付费等其他字段在“YAML”页编辑；两页的内容互相同步。")
    return [boxes[k] for k in profiles.FORM_KEYS]


def _drafting_tab(settings: Settings, picker: gr.Dropdown, editing: list[Any]) -> None:
    """``editing``: the profile editor's (loaded, mode, editor, form...), to say when it holds unsaved edits."""
    with gr.Row():
        kind = gr.Radio(list(drafting.KINDS), value="群名", label="起草什么", elem_id="draft-kind")
    with gr.Row():
        n = gr.Slider(1, 10, value=5, step=1, label="候选个数（群名/欢迎语/文案）")
        days = gr.Slider(1, 31, value=7, step=1, label="话题日历天数")
        copy_kind = gr.Radio(list(drafting.COPY_KINDS), value="活动通知", label="文案类型")
    with gr.Row():
        run = gr.Button("生成", variant="primary", elem_id="draft-run")
        again = gr.Button("重新生成")
    output = gr.Textbox(label="草稿（可直接编辑、复制）", lines=14, buttons=["copy"], elem_id="draft-output")
    checks = gr.Markdown(elem_id="draft-checks")
    export = gr.File(label="导出 Markdown", elem_id="draft-export")
    # “重新生成” presses since the last “生成”; a hidden Number because with gr.State here the page
    # never finished loading under Gradio 6.31 (seen in the browser test)
    rounds = gr.Number(0, visible=False, precision=0)

    def noted(p, result, editor_state):  # type: ignore[no-untyped-def]
        text, checks_md, path = result
        loaded, mode, yaml_text, *values = editor_state
        if p and loaded == p and profiles.unsaved_edits(loaded, mode, yaml_text, values, settings):
            checks_md = profiles.unsaved_draft_note(p) + "\n\n" + checks_md
        return text, checks_md, path

    def first(p, k, n_, d, c, *editor_state):  # type: ignore[no-untyped-def]
        return (*noted(p, drafting.run_draft(p, k, n_, d, c, settings), editor_state), 0)

    def regenerate(p, k, n_, d, c, r, *editor_state):  # type: ignore[no-untyped-def]
        r = int(r or 0) + 1
        return (*noted(p, drafting.run_draft(p, k, n_, d, c, settings, round_=r), editor_state), r)

    run.click(first, [picker, kind, n, days, copy_kind, *editing], [output, checks, export, rounds])
    again.click(regenerate, [picker, kind, n, days, copy_kind, rounds, *editing], [output, checks, export, rounds])


def _moderation_tab(settings: Settings, picker: gr.Dropdown) -> None:
    gr.Markdown("每行一条消息，可写成“昵称：内容”。判定使用页面顶部选中的群档案。")
    messages = gr.Textbox(label="测试消息", lines=6, elem_id="mod-input",
                          placeholder="小王：今天的分享太有用了\n路人甲：加 v 信 x1234567 领取内部资料")
    run = gr.Button("审核", variant="primary", elem_id="mod-run")
    status = gr.Markdown(elem_id="mod-status")
    table = gr.HTML(elem_id="mod-results")

    def test(profile: str | None, text: str) -> tuple[str, str]:
        rows, message = moderation.test_messages(profile, text, settings)
        return moderation.verdicts_html(rows), message

    run.click(test, [picker, messages], [table, status])

    with gr.Accordion("审核日志与纠正", open=False):
        with gr.Row():
            group = gr.Textbox(label="群", scale=1)
            label = gr.Dropdown([""] + list(moderation.LABEL_NAMES.values()), value="", label="判定")
            action = gr.Dropdown([""] + list(moderation.ACTION_NAMES.values()), value="", label="处置")
            days = gr.Number(value=7, label="最近几天", precision=0)
            query = gr.Button("查询", elem_id="log-query")
        log_status = gr.Markdown()
        log = gr.Dataframe(headers=moderation.LOG_COLUMNS, interactive=False, wrap=True, elem_id="mod-log")
        query.click(partial(moderation.audit_rows, settings), [group, label, action, days], [log, log_status])
        # the confirm-uncertain loop: the selected group's least-sure messages in the same table
        unsure = gr.Button("列出本群最拿不准的消息", elem_id="log-uncertain")
        unsure.click(partial(moderation.uncertain_rows, settings), [picker], [log, log_status])
        with gr.Row():
            verdict_id = gr.Textbox(label="审核编号", elem_id="fb-id")
            correct = gr.Dropdown(list(moderation.LABEL_NAMES.values()), label="正确的判定", elem_id="fb-label")
            mark = gr.Button("记录纠正", elem_id="fb-send")
            retrain = gr.Button("用反馈重新训练")
        fb_status = gr.Markdown(elem_id="fb-status")
        mark.click(partial(moderation.give_feedback, settings=settings), [verdict_id, correct], [fb_status])
        # clicking a row of the log fills its 审核编号 (a 16-character id is not copied by hand)
        def pick_row(evt: gr.SelectData) -> str:
            return moderation.verdict_id_of_row(evt.row_value)

        log.select(pick_row, None, [verdict_id])
        retrain.click(partial(moderation.retrain, settings), None, [fb_status])

    with gr.Accordion("机器人：群号 → 群档案", open=False):
        gr.Markdown("审核钩子（HTTP / OneBot）按群号选择群档案。这里设置的映射保存后立即生效；copilot.toml 里的映射优先。")
        rows, note = moderation.group_map_rows(settings)
        mapping = gr.Dataframe(value=rows, headers=moderation.MAP_COLUMNS, interactive=False, elem_id="map-table")
        with gr.Row():
            map_group = gr.Textbox(label="群号", elem_id="map-group")
            map_save = gr.Button("用页面顶部选中的群档案", elem_id="map-save")
            map_remove = gr.Button("取消映射", elem_id="map-remove")
        map_status = gr.Markdown(note, elem_id="map-status")
        map_save.click(partial(moderation.save_group_mapping, settings=settings), [map_group, picker],
                       [mapping, map_status])
        map_remove.click(partial(moderation.remove_group_mapping, settings=settings), [map_group], [mapping, map_status])

    with gr.Accordion("统计", open=False):
        refresh = gr.Button("刷新统计")
        summary = gr.Markdown()
        # no fixed heights: a fixed box clipped the legends under the charts (each chart sizes to its content)
        with gr.Row():
            per_day = gr.BarPlot(x="日期", y="条数", color="判定", label="每日判定（按类别）", elem_id="stats-per-day")
            actions = gr.BarPlot(x="处置", y="条数", label="采取的处置", elem_id="stats-actions")
        # points, not lines: Gradio's native line chart marks its points on hover only, so a first week of
        # feedback (one point per series) would draw nothing at all
        quality = gr.ScatterPlot(x="周", y="值", color="指标", label="人工复核得出的精确率 / 召回率（按周）",
                                 y_lim=[-0.05, 1.05], elem_id="stats-quality")

        def refresh_stats(g: str):  # type: ignore[no-untyped-def]
            summary_md, days, taken, figures = moderation.stats(settings, g)
            # bars start at zero (the chart's own default starts at the smallest count)
            top = max([1, *taken["条数"]]) * 1.1
            return summary_md, days, gr.update(value=taken, y_lim=[0, top]), figures

        refresh.click(refresh_stats, [group], [summary, per_day, actions, quality])


def _notes_tab(settings: Settings) -> None:
    with gr.Row():
        files = gr.File(label="上传聊天记录导出（可多选）", file_count="multiple",
                        file_types=[".txt", ".json", ".jsonl", ".csv"], elem_id="notes-upload")
        pasted = gr.Textbox(label="或直接粘贴聊天记录", lines=8, elem_id="notes-paste",
                            placeholder="2026-05-10 20:00:05 主持人小林\n欢迎大家，今晚请王老师分享……")
    run = gr.Button("生成纪要", variant="primary", elem_id="notes-run")
    status = gr.Markdown(elem_id="notes-status")
    downloads = gr.File(label="下载（Markdown / zip）", file_count="multiple", elem_id="notes-download")
    preview = gr.Markdown(elem_id="notes-preview")

    def go(paths, text, progress=gr.Progress()):  # type: ignore[no-untyped-def]  # noqa: B008 - Gradio injects progress this way
        return notes.summarize_uploads(paths, settings, progress, pasted=text)

    run.click(go, [files, pasted], [preview, downloads, status])


def _evals_tab(settings: Settings) -> gr.Markdown:
    """The eval tab; returns the report component (refreshed when the page loads)."""
    gr.Markdown("运行离线评测，查看各项指标是否达到门槛（图）、明细与回归（下方报告）。")
    with gr.Row():
        suite = gr.Dropdown(evals.SUITE_CHOICES, value=evals.ALL, label="评测哪一项", elem_id="eval-suite", scale=1)
        run = gr.Button("运行离线评测", variant="primary", elem_id="eval-run", scale=1)
    report = gr.Markdown(evals.latest_report(settings), elem_id="eval-report")

    def go(choice: str, progress=gr.Progress()):  # type: ignore[no-untyped-def]  # noqa: B008 - Gradio injects progress this way
        return evals.run_offline_eval(settings, progress, suites=evals.suites_for(choice))

    # the button stays disabled while a run is going: a second click would start a second run
    run.click(lambda: gr.update(interactive=False, value="评测进行中…"), None, [run]).then(
        go, [suite], [report]).then(lambda: gr.update(interactive=True, value="运行离线评测"), None, [run])
    return report


def header_line(header: str, n_profiles: int) -> str:
    return f"{header} · 已载入 {n_profiles} 个群档案"


def build_ui(settings: Settings) -> gr.Blocks:
    seed_example_profiles(settings)
    names = profiles.profile_names(settings)
    with gr.Blocks(title="社群运营 Copilot", analytics_enabled=False) as demo:
        engine = engine_label(settings.llm_model if settings.llm_enabled else OFFLINE)
        header = f"## 社群运营 Copilot\n当前引擎：**{engine}**"
        remembered = gr.BrowserState(None, storage_key="copilot-current-profile")
        with gr.Row():
            head = gr.Markdown(header, elem_id="app-header")
            picker = gr.Dropdown(names, value=names[0] if names else None, label="当前群档案",
                                 elem_id="profile-picker", scale=1)
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                _chat_tab(settings)
            with gr.Tab("群档案", id="profiles"):
                show_profile, editing = _profiles_tab(settings, picker, head, header, remembered)
            with gr.Tab("起草", id="drafting"):
                _drafting_tab(settings, picker, editing)
            with gr.Tab("审核", id="moderation"):
                _moderation_tab(settings, picker)
            with gr.Tab("纪要", id="notes"):
                _notes_tab(settings)
            with gr.Tab("评测", id="evals"):
                eval_report = _evals_tab(settings)

        def on_load(current: str | None, stored: str | None):  # type: ignore[no-untyped-def]
            # Profiles saved from another tab/session since the page was built, and the profile this
            # browser had selected before a reload. The header line changes last, so it also tells the
            # operator (and the browser test) the page is live.
            names = profiles.profile_names(settings)
            choice = profiles.remembered_choice(stored, current, names)
            return {**show_profile(choice), picker: gr.update(choices=names, value=choice),
                    eval_report: evals.latest_report(settings), head: header_line(header, len(names))}

        demo.load(on_load, [picker, remembered], list(show_profile(None)) + [picker, head, eval_report])
    return demo


def create_server(settings: Settings | None = None) -> FastAPI:
    """FastAPI app with the moderation hooks (when installed) and the Gradio UI mounted at ``/``."""
    settings = settings or get_settings()
    api = create_app(settings)
    auth = None
    if settings.ui_auth and ":" in settings.ui_auth:
        user, password = settings.ui_auth.split(":", 1)
        auth = (user, password)
    return gr.mount_gradio_app(api, build_ui(settings), path="/", auth=auth, footer_links=[], ssr_mode=False,
                               theme=make_theme(), i18n=missing_translations())


def missing_translations() -> gr.I18n:
    """Gradio's own strings its bundled translations lack, so the page never shows a raw key."""
    data = load_resource("ui/gradio_i18n.yaml")
    return gr.I18n(**data)


def main() -> None:
    import uvicorn  # noqa: PLC0415 - the ASGI server only when the app is started

    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    settings = get_settings().model_copy(update={"host": host})
    if (problem := bind_problem(host, settings, ui=True)) is not None:
        raise SystemExit(f"错误：{problem}")
    print(f"社群运营 Copilot 界面：http://{host}:{port}/ （审核接口：/v1/moderate，/onebot/v11）")
    uvicorn.run(create_server(settings), host=host, port=port, log_level="warning")
