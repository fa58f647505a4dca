"""Shared fixtures: isolated settings, a knowledge index built once per session, a fake LLM server."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from copilot.config import Settings, get_settings
from copilot.devtools.fake_openai import FakeOpenAI
from copilot.llm import get_engine
from copilot.moderation import Moderator, Verdict
from copilot.profile import parse_profile_text

_ENV_PREFIXES = ("COPILOT_", "OPENAI_")


@pytest.fixture(scope="session")
def _empty_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One empty copilot.toml for the session (nothing writes a config file): a test that does not ask for
    ``tmp_path`` gets no directory of its own."""
    empty = tmp_path_factory.mktemp("config") / "empty-copilot.toml"
    empty.write_text("", encoding="utf-8")
    return empty


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, _empty_config: Path) -> Iterator[None]:
    """No test sees the developer's keys, endpoints or copilot.toml (``COPILOT_CONFIG`` names an empty file; a
    missing one is an error)."""
    import os

    for key in list(os.environ):
        if key.startswith(_ENV_PREFIXES):
            monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("COPILOT_CONFIG", str(_empty_config))
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def group_settings(tmp_path: Path) -> Callable[..., Settings]:
    """``make(profile_yaml, group, **overrides)``: offline settings for the hooks with one group mapped
    to a profile written from ``profile_yaml`` (``<tmp_path>/group-<group>.yaml``)."""

    def make(profile: str, group: str, **overrides: Any) -> Settings:
        path = tmp_path / f"group-{group}.yaml"
        path.write_text(profile, encoding="utf-8")
        values = {"data_dir": tmp_path / "data", "llm_provider": "offline", "groups": {group: str(path)}}
        return Settings(**{**values, **overrides})

    return make


@pytest.fixture
def profile_moderator(tmp_path: Path) -> Callable[[str], Moderator]:
    """``make(profile_yaml)``: an offline Moderator for a profile written as YAML, with no audit log."""
    settings = Settings(data_dir=tmp_path / "data", llm_provider="offline")

    def make(profile: str) -> Moderator:
        return Moderator(settings, parse_profile_text(profile), audit=None)

    return make


@pytest.fixture
def judge(profile_moderator: Callable[[str], Moderator]) -> Callable[[str, str], Verdict]:
    """``judge(profile_yaml, text)``: the offline verdict on ``text`` in that group, each call by a different
    member a minute after the last (no flood or repeat layer ties one case to another)."""
    ids = count()

    def run(profile: str, text: str) -> Verdict:
        i = next(ids)
        return profile_moderator(profile).moderate({"id": f"m{i}", "user": f"u{i}", "text": text,
                                                    "ts": 1_767_225_600.0 + 60 * i})

    return run


@pytest.fixture(scope="session")
def shared_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir whose index is built once for the whole session (embedding takes ~20 s)."""
    from copilot.knowledge.index import KnowledgeIndex

    data = tmp_path_factory.mktemp("shared-data")
    KnowledgeIndex(Settings(data_dir=data, llm_provider="offline")).build()
    return data


@pytest.fixture
def fresh_settings(tmp_path: Path, shared_data_dir: Path) -> Settings:
    """Offline settings with a private data dir and an empty index (for tests that change the index).

    The session's embedding cache is copied in, so building the index here embeds nothing.
    """
    data = tmp_path / "data"
    (data / "cache").mkdir(parents=True)
    # sqlite backup (not a file copy): the cache runs in WAL mode and recent rows live in the -wal file.
    src = sqlite3.connect(shared_data_dir / "cache" / "embeddings.sqlite")
    dst = sqlite3.connect(data / "cache" / "embeddings.sqlite")
    # a throwaway copy: no fsync (the default FULL sync waits for the disk on each of ~180 tests' 5 MB copies)
    dst.execute("PRAGMA synchronous=OFF")
    with dst:
        src.backup(dst)
    src.close()
    dst.close()
    return Settings(data_dir=data, llm_provider="offline")


@pytest.fixture
def settings(fresh_settings: Settings, shared_data_dir: Path) -> Settings:
    """Offline settings with a private data dir whose (read-only) index is the session's built one."""
    (fresh_settings.data_dir / "index").symlink_to(shared_data_dir / "index", target_is_directory=True)
    return fresh_settings


@pytest.fixture(scope="session")
def kb_index(shared_data_dir: Path):  # type: ignore[no-untyped-def]
    """The built knowledge index (read-only use)."""
    from copilot.knowledge.index import KnowledgeIndex

    return KnowledgeIndex(Settings(data_dir=shared_data_dir, llm_provider="offline"))


@pytest.fixture
def ask_words_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """The asking clause's words weighted in the first-stage signals (``parts.yaml``'s ``ask_words_weight`` at 1.0; it
    ships at 0): the ask-clause tests of rounds 36–37 measure the weight's effect with it on."""
    from copilot.knowledge.ranking import parts_cues

    monkeypatch.setattr(parts_cues(), "ask_words_weight", 1.0)


@pytest.fixture(scope="session")
def offline():  # type: ignore[no-untyped-def]
    """The offline engine (drafting and checks need no data dir). The notes tests override this name with
    offline Settings of their own data dir."""
    return get_engine(Settings(llm_provider="offline"), prefer="offline")


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def llm_settings(fake_llm: FakeOpenAI, settings: Settings) -> Settings:
    """Settings pointing at the fake OpenAI-compatible server, with short timeouts for tests."""
    return settings.model_copy(
        update={
            "llm_provider": "openai",
            "llm_base_url": fake_llm.url,
            "llm_model": "fake-model",
            "llm_timeout": 1.5,
            "llm_max_retries": 1,
        }
    )


@pytest.fixture(scope="session")
def postgres_base_url() -> Iterator[str]:
    """A throwaway PostgreSQL server for the whole session (see tests/pg_server.py).

    Skipped only outside CI when the server binaries are missing; in CI (``CI`` set) a missing
    server is a failure, so the PostgreSQL tests cannot silently stop running.
    """
    import os

    from pg_server import find_bin, postgres_server

    if not find_bin("initdb") and not os.environ.get("CI"):
        pytest.skip("PostgreSQL server binaries not installed (scripts/test-deps.sh installs them)")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def audit_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty audit database on each supported backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'audit.sqlite'}"
    from pg_server import new_database

    return new_database(request.getfixturevalue("postgres_base_url"))
