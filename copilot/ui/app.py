"""The Gradio app and the ASGI server that hosts it together with the moderation hooks.

One process serves the operator UI at ``/`` and the bot hooks (``/v1/moderate``, ``/onebot/v11``)
beside it, so a small team runs a single service. Nothing is fetched from the internet: analytics
are off and the theme uses system fonts instead of Google Fonts.
"""

from __future__ import annotations

import os
from functools import partial

import gradio as gr
from fastapi import FastAPI

from copilot.config import Settings, get_settings
from copilot.ui.chat import chat_respond

THEME_FONTS = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "system-ui", "sans-serif"]


def make_theme() -> gr.themes.Base:
    """System fonts only: the default theme would fetch Google Fonts from the internet."""
    return gr.themes.Default(font=THEME_FONTS, font_mono=["ui-monospace", "monospace"])


def build_ui(settings: Settings) -> gr.Blocks:
    with gr.Blocks(title="社群运营 Copilot", analytics_enabled=False) as demo:
        engine = settings.llm_model if settings.llm_enabled else "离线引擎（检索+规则+模板）"
        gr.Markdown(f"## 社群运营 Copilot\n当前引擎：**{engine}**")
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="方法论问答", height=480, elem_id="chatbot")
                        question = gr.Textbox(label="问题", placeholder="例如：群里老有人发广告怎么办？",
                                              elem_id="chat-input")
                        ask = gr.Button("提问", variant="primary", elem_id="chat-send")
                    with gr.Column(scale=2):
                        sources = gr.Markdown("引用的方法论片段会显示在这里。", elem_id="chat-sources")
                respond = partial(chat_respond, settings=settings)
                for trigger in (ask.click, question.submit):
                    trigger(respond, [question, chatbot], [chatbot, sources, question])
    return demo


def create_server(settings: Settings | None = None) -> FastAPI:
    """FastAPI app with the moderation hooks (when installed) and the Gradio UI mounted at ``/``."""
    settings = settings or get_settings()
    try:
        from copilot.server import create_app

        api = create_app(settings)
    except ModuleNotFoundError:
        api = FastAPI(title="社群运营 Copilot")
    auth = None
    if settings.ui_auth and ":" in settings.ui_auth:
        user, password = settings.ui_auth.split(":", 1)
        auth = (user, password)
    return gr.mount_gradio_app(api, build_ui(settings), path="/", auth=auth, footer_links=[], ssr_mode=False, theme=make_theme())


def main() -> None:
    import uvicorn

    settings = get_settings()
    port = int(os.environ.get("GRADIO_SERVER_PORT", "7860"))
    host = os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1")
    print(f"社群运营 Copilot 界面：http://{host}:{port}/ （审核接口：/v1/moderate，/onebot/v11）")
    uvicorn.run(create_server(settings), host=host, port=port, log_level="warning")
