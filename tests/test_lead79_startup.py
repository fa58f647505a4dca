"""Round 79 (lead): the notes path does not load the audit log's database layer; the package's public names resolve."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _run(code: str) -> str:
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=240, check=True)
    return proc.stdout.strip()


CHAT = """2026-12-05 19:02:11 阿梅
周六上午九点在社区中心门口集合，记得带身份证
2026-12-05 19:03:40 老何
[红包]恭喜发财，大吉大利
2026-12-05 19:04:02 小周
停车场在哪边？
2026-12-05 19:04:30 阿梅
后门那边有停车场，免费的
2026-12-05 19:05:12 小周
好的，名单我明晚前发群里
"""


def test_notes_of_a_chat_do_not_import_the_audit_database_layer() -> None:
    out = _run(
        "import sys\n"
        "from copilot.config import get_settings\n"
        "from copilot.llm import get_engine\n"
        "from copilot.notes import render_markdown\n"
        "from copilot.notes.summarize import summarize_text\n"
        "from copilot.moderation import quick_label\n"
        f"r = summarize_text({CHAT!r}, 'chat.txt', get_settings(), get_engine(get_settings(), prefer='offline'))\n"
        "print(quick_label('加V信 ab12345 日结300 私聊').value, 'sqlalchemy' in sys.modules)\n"
        "print(render_markdown(r.notes, 'zh-Hans', engine=r.engine))\n"
    )
    first, notes = out.split("\n", 1)
    label, loaded = first.split()
    assert (label, loaded) == ("ad", "False")
    assert "停车场" in notes and "恭喜发财" not in notes and "红包/转账（1）" in notes  # made; the red packet dropped


@pytest.mark.parametrize("name", ["AuditLog", "AuditError", "train_group", "retrain_groups"])
def test_log_and_trainer_names_still_import_from_the_package(name: str) -> None:
    import copilot.moderation as mod

    obj = getattr(mod, name)
    assert obj.__module__ in {"copilot.moderation.audit", "copilot.moderation.training"}
    assert name in mod.__all__


def test_unknown_package_name_is_an_attribute_error() -> None:
    import copilot.moderation as mod

    with pytest.raises(AttributeError, match="no attribute 'AuditLogs'"):
        mod.AuditLogs  # noqa: B018


def test_fingerprint_is_one_function_for_log_and_flood() -> None:
    from copilot.moderation import audit, normalise

    assert audit.fingerprint is normalise.fingerprint
    # width, zero-width and case do not make a repeat look new
    assert normalise.fingerprint("加ＶＸ\u200b：ＡＢ１２３") == normalise.fingerprint("加vx：ab123")
    assert normalise.fingerprint("") == ""
