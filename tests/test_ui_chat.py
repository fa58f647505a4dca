"""问答 tab callbacks (the browser end-to-end test lives with the full UI)."""

from __future__ import annotations

from pathlib import Path

from copilot.config import Settings
from copilot.knowledge.ask import Answer, SectionRef
from copilot.llm import OFFLINE
from copilot.ui.chat import chat_respond, format_sources


def _run(message: str, settings: Settings, history=None):  # type: ignore[no-untyped-def]
    return list(chat_respond(message, history, settings))


def test_chat_answers_with_sources_and_engine(shared_data_dir: Path) -> None:
    settings = Settings(data_dir=shared_data_dir, llm_provider="offline")
    updates = _run("新群怎么设置入群门槛？", settings)
    history, sources, cleared = updates[-1]
    assert cleared == ""
    assert history[0] == {"role": "user", "content": "新群怎么设置入群门槛？"}
    assert history[1]["role"] == "assistant" and "[1]" in history[1]["content"]
    assert "生成引擎：** 离线引擎" in sources and "**依据：**" in sources
    assert "threshold" in sources and "[1]" in sources
    # each passage says what it is: a source's teaching (with its seed section) or our own advice
    assert "资料：" in sources and "出处：《" in sources and ".txt" not in sources
    # the answer keeps its own sources under it, collapsed
    kept = history[2]
    assert kept["role"] == "assistant" and kept["metadata"]["status"] == "done"
    assert kept["metadata"]["title"].startswith("📚 来源") and kept["content"] == sources


def test_every_answer_keeps_its_own_sources(shared_data_dir: Path) -> None:
    settings = Settings(data_dir=shared_data_dir, llm_provider="offline")
    history, first_sources, _ = _run("群里有人吵起来了，管理员先做什么", settings)[-1]
    history2, second_sources, _ = _run("团购的三人拼团价格怎么定", settings, history)[-1]
    assert history2[:3] == history[:3]  # the first answer and its sources are untouched
    kept = [m for m in history2 if m.get("metadata")]
    assert [m["content"] for m in kept] == [first_sources, second_sources] and first_sources != second_sources
    # a question the cards do not cover says so, and its sources message says so too
    history3, panel, _ = _run("帮我订一张明天去上海的高铁票", settings, history2)[-1]
    assert history3[-2]["content"].startswith("方法论资料没有覆盖这个问题")
    assert "资料未覆盖" in history3[-1]["metadata"]["title"] and "资料未覆盖这个问题" in panel


def test_chat_rejects_empty_and_huge_questions(shared_data_dir: Path) -> None:
    settings = Settings(data_dir=shared_data_dir, llm_provider="offline")
    history, message, _ = _run("   ", settings)[-1]
    assert history == [] and "请输入问题" in message
    history, message, kept = _run("问" * 3000, settings)[-1]
    assert history == [] and "太长" in message and kept == "问" * 3000


def test_profile_tab_callbacks(settings: Settings) -> None:
    from copilot.ui import profiles as ui

    new, status = ui.load_profile_text(None, settings)
    assert "# positioning" in new and "新档案" in status  # the example is there to read, commented out
    assert ui.validate_profile_text(new).startswith("❌")  # nothing of it would be saved by accident
    text = ui.PROFILE_TEMPLATE
    assert ui.validate_profile_text(text).startswith("✅")
    bad = ui.validate_profile_text("positioning: 短\ntopics: []\n")
    assert bad.startswith("❌") and "positioning" in bad and "topics" in bad
    out = ui.save_profile("", text, settings)
    assert "档案名" in out.message and out.names == [] and not out.saved
    out = ui.save_profile("跑团", "topics: [\n", settings)
    assert out.message.startswith("❌ 未保存") and out.names == [] and "第 1 行第 9 列" in out.message
    out = ui.save_profile("跑团", text, settings)
    assert out.message.startswith("✅") and out.names == ["跑团"] and out.saved
    loaded, status = ui.load_profile_text("跑团", settings)
    assert loaded.strip() == text.strip() and "已载入" in status
    status, names = ui.delete_profile("跑团", settings)
    assert names == [] and "已删除" in status


def test_a_hedged_answer_names_its_sections_as_the_nearest_not_as_the_basis() -> None:
    ref = SectionRef(source="daily-topics", title="内容规划与每日话题", section="冷场了怎么救")
    common = {"question": "群里连着两周没人说话，作业也没人交", "answer": "…", "citations": [], "engine": OFFLINE,
              "sections": [ref], "confidence": 0.6, "threshold": 0.13}
    loose = format_sources([], OFFLINE, answer=Answer(**common, direct=False))
    assert "最接近的内容" in loose and "**依据：**" not in loose and "冷场了怎么救" in loose
    sure = format_sources([], OFFLINE, answer=Answer(**common))
    assert "**依据：** 内容规划与每日话题 › 冷场了怎么救" in sure and "最接近" not in sure


def test_the_safety_reply_is_named_as_such_under_its_answer_not_as_the_nearest_content() -> None:
    """The fixed reply to a member at risk is no retrieval result: the UI says so and names the crisis steps it points
    at, instead of "最接近的内容（资料里没有完全对应的）"."""
    ref = SectionRef(source="crisis", title="社群危机预案", section="通用响应流程")
    safe = Answer(question="群里有个成员这几天一直说不想活了，我该怎么办", answer="…", citations=[], engine=OFFLINE,
                  sections=[ref], confidence=0.0, threshold=0.0, direct=False, safety="self_harm")
    out = format_sources([], OFFLINE, answer=safe)
    assert "固定的安全提示" in out and "通用响应流程" in out and "最接近的内容" not in out
