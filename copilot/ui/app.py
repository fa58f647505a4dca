"""The Gradio app and the ASGI server that hosts it together with the moderation hooks.

One process serves the operator UI at ``/`` and the bot hooks (``/v1/moderate``, ``/onebot/v11``)
beside it, so a small team runs a single service. Nothing is fetched from the internet: analytics
are off and the theme uses system fonts instead of Google Fonts. Layout only lives here; every
callback is a plain function in ``copilot.ui.<tab>`` with its own unit tests.
"""

from __future__ import annotations

import os
from functools import partial

import gradio as gr
import yaml
from fastapi import FastAPI

from copilot.config import Settings, get_settings
from copilot.llm import OFFLINE, engine_label
from copilot.paths import ROOT
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


def _profiles_tab(settings: Settings, picker: gr.Dropdown, head: gr.Markdown, header: str) -> None:
    text0, status0 = profiles.load_profile_text(picker.value, settings)
    with gr.Row():
        name = gr.Textbox(label="档案名", value=picker.value or "", elem_id="profile-name")
        new = gr.Button("新建（载入模板）", elem_id="profile-new")
    editor = gr.Code(label="群档案（YAML）", language="yaml", value=text0, elem_id="profile-editor")
    with gr.Row():
        validate = gr.Button("校验", elem_id="profile-validate")
        save = gr.Button("保存", variant="primary", elem_id="profile-save")
        delete = gr.Button("删除", variant="stop", elem_id="profile-delete")
    status = gr.Markdown(status0, elem_id="profile-status")

    def on_pick(choice: str | None) -> tuple[str, str, str]:
        text, msg = profiles.load_profile_text(choice, settings)
        return choice or "", text, msg

    def on_save(n: str, text: str):  # type: ignore[no-untyped-def]
        msg, names = profiles.save_profile(n, text, settings)
        if not msg.startswith("✅"):  # nothing saved: the operator's current choice stays as it is
            return msg, gr.update(choices=names), gr.update()
        return msg, gr.update(choices=names, value=n.strip()), header_line(header, len(names))

    def on_delete(n: str):  # type: ignore[no-untyped-def]
        msg, names = profiles.delete_profile(n, settings)
        return msg, gr.update(choices=names, value=names[0] if names else None), header_line(header, len(names))

    # .input (user picks), not .change: saving updates the picker and must not overwrite its own status
    picker.input(on_pick, [picker], [name, editor, status])
    new.click(lambda: ("", profiles.PROFILE_TEMPLATE, "新档案：填写档案名和内容后点“保存”。"), None, [name, editor, status])
    validate.click(profiles.validate_profile_text, [editor], [status])
    save.click(on_save, [name, editor], [status, picker, head])
    delete.click(on_delete, [name], [status, picker, head])


def _drafting_tab(settings: Settings, picker: gr.Dropdown) -> None:
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

    def first(p, k, n_, d, c):  # type: ignore[no-untyped-def]
        return (*drafting.run_draft(p, k, n_, d, c, settings), 0)

    def regenerate(p, k, n_, d, c, r):  # type: ignore[no-untyped-def]
        r = int(r or 0) + 1
        return (*drafting.run_draft(p, k, n_, d, c, settings, round_=r), r)

    run.click(first, [picker, kind, n, days, copy_kind], [output, checks, export, rounds])
    again.click(regenerate, [picker, kind, n, days, copy_kind, rounds], [output, checks, export, rounds])


def _moderation_tab(settings: Settings, picker: gr.Dropdown) -> None:
    gr.Markdown("每行一条消息，可写成“昵称：内容”。判定使用页面顶部选中的群档案。")
    messages = gr.Textbox(label="测试消息", lines=6, elem_id="mod-input",
                          placeholder="小王：今天的分享太有用了\n路人甲：加 v 信 x1234567 领取内部资料")
    run = gr.Button("审核", variant="primary", elem_id="mod-run")
    status = gr.Markdown(elem_id="mod-status")
    table = gr.Dataframe(headers=moderation.VERDICT_COLUMNS, interactive=False, wrap=True, elem_id="mod-results")
    run.click(partial(moderation.test_messages, settings=settings), [picker, messages], [table, status])

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
        with gr.Row():
            verdict_id = gr.Textbox(label="审核编号", elem_id="fb-id")
            correct = gr.Dropdown(list(moderation.LABEL_NAMES.values()), label="正确的判定", elem_id="fb-label")
            mark = gr.Button("记录纠正", elem_id="fb-send")
            retrain = gr.Button("用反馈重新训练")
        fb_status = gr.Markdown(elem_id="fb-status")
        mark.click(partial(moderation.give_feedback, settings=settings), [verdict_id, correct], [fb_status])
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
        chart = gr.BarPlot(x="日期", y="条数", color="判定", label="每日判定", height=280)
        refresh.click(lambda g: moderation.stats(settings, g), [group], [summary, chart])


def _notes_tab(settings: Settings) -> None:
    files = gr.File(label="上传聊天记录导出（可多选）", file_count="multiple",
                    file_types=[".txt", ".json", ".jsonl", ".csv"], elem_id="notes-upload")
    run = gr.Button("生成纪要", variant="primary", elem_id="notes-run")
    status = gr.Markdown(elem_id="notes-status")
    downloads = gr.File(label="下载（Markdown / zip）", file_count="multiple", elem_id="notes-download")
    preview = gr.Markdown(elem_id="notes-preview")

    def go(paths, progress=gr.Progress()):  # type: ignore[no-untyped-def]  # noqa: B008 - Gradio injects progress this way
        return notes.summarize_uploads(paths, settings, progress)

    run.click(go, [files], [preview, downloads, status])


def _evals_tab(settings: Settings) -> None:
    gr.Markdown("运行离线评测（检索、起草、审核、纪要），查看各项指标和回归。")
    run = gr.Button("运行离线评测", variant="primary", elem_id="eval-run")
    report = gr.Markdown(evals.latest_report(settings), elem_id="eval-report")

    def go(progress=gr.Progress()):  # type: ignore[no-untyped-def]  # noqa: B008 - Gradio injects progress this way
        return evals.run_offline_eval(settings, progress)

    run.click(go, None, [report])


def header_line(header: str, n_profiles: int) -> str:
    return f"{header} · 已载入 {n_profiles} 个群档案"


def build_ui(settings: Settings) -> gr.Blocks:
    seed_example_profiles(settings)
    names = profiles.profile_names(settings)
    with gr.Blocks(title="社群运营 Copilot", analytics_enabled=False) as demo:
        engine = engine_label(settings.llm_model if settings.llm_enabled else OFFLINE)
        header = f"## 社群运营 Copilot\n当前引擎：**{engine}**"
        with gr.Row():
            head = gr.Markdown(header, elem_id="app-header")
            picker = gr.Dropdown(names, value=names[0] if names else None, label="当前群档案",
                                 elem_id="profile-picker", scale=1)
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                _chat_tab(settings)
            with gr.Tab("群档案", id="profiles"):
                _profiles_tab(settings, picker, head, header)
            with gr.Tab("起草", id="drafting"):
                _drafting_tab(settings, picker)
            with gr.Tab("审核", id="moderation"):
                _moderation_tab(settings, picker)
            with gr.Tab("纪要", id="notes"):
                _notes_tab(settings)
            with gr.Tab("评测", id="evals"):
                _evals_tab(settings)

        def refresh_profiles(current: str | None):  # type: ignore[no-untyped-def]
            # Profiles saved from another tab/session since the page was built. The header line
            # changes last, so it also tells the operator (and the browser test) the page is live.
            names = profiles.profile_names(settings)
            value = current if current in names else (names[0] if names else None)
            return gr.update(choices=names, value=value), header_line(header, len(names))

        demo.load(refresh_profiles, [picker], [picker, head])
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
                               theme=make_theme())


def main() -> None:
    import uvicorn  # noqa: PLC0415 - the ASGI server only when the app is started

    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    settings = get_settings().model_copy(update={"host": host})
    if (problem := bind_problem(host, settings, ui=True)) is not None:
        raise SystemExit(f"错误：{problem}")
    print(f"社群运营 Copilot 界面：http://{host}:{port}/ （审核接口：/v1/moderate，/onebot/v11）")
    uvicorn.run(create_server(settings), host=host, port=port, log_level="warning")
