"""Prompt files: versioned Markdown in ``prompts/`` with a YAML header saying what they need and return.

A prompt file looks like::

    ---
    name: ask
    version: 1
    needs: [question, passages]
    returns: AskAnswer JSON
    ---
    [system]
    ...Jinja2 template...
    [user]
    ...Jinja2 template...

Keeping prompts as files lets operators tune wording without touching code, and the eval suite
records the prompt version with every result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import frontmatter
from jinja2 import Environment, StrictUndefined

from copilot.paths import PROMPTS_DIR

if TYPE_CHECKING:
    from langchain_core.messages import BaseMessage

_SECTION = re.compile(r"^\[(system|user)\]\s*$", re.MULTILINE)
_env = Environment(undefined=StrictUndefined, keep_trailing_newline=False, autoescape=False)


class PromptError(ValueError):
    """A prompt file is missing, malformed, or was rendered without a variable it needs."""


@dataclass(frozen=True)
class Prompt:
    name: str
    version: int
    needs: tuple[str, ...]
    returns: str
    system: str
    user: str

    @property
    def ref(self) -> str:
        return f"{self.name}@v{self.version}"

    def render(self, **variables: Any) -> list[BaseMessage]:
        missing = [n for n in self.needs if n not in variables]
        if missing:
            raise PromptError(f"提示词 {self.ref} 缺少变量：{', '.join(missing)}")
        try:
            system = _env.from_string(self.system).render(**variables).strip()
            user = _env.from_string(self.user).render(**variables).strip()
        except Exception as exc:  # jinja2 errors carry no prompt name
            raise PromptError(f"提示词 {self.ref} 渲染失败：{exc}") from exc
        # LangChain's message types (≈1 s to import) only when a prompt is rendered for a model
        from langchain_core.messages import HumanMessage, SystemMessage  # noqa: PLC0415

        return [SystemMessage(content=system), HumanMessage(content=user)]


def parse_prompt(text: str, *, origin: str = "<string>") -> Prompt:
    post = frontmatter.loads(text)
    meta = post.metadata
    for key in ("name", "version", "needs", "returns"):
        if key not in meta:
            raise PromptError(f"提示词文件 {origin} 的文件头缺少 {key}")
    parts = _SECTION.split(post.content)
    sections = dict(zip(parts[1::2], parts[2::2]))
    if "system" not in sections or "user" not in sections:
        raise PromptError(f"提示词文件 {origin} 需要 [system] 和 [user] 两段")
    return Prompt(
        name=str(meta["name"]),
        version=int(meta["version"]),
        needs=tuple(meta["needs"] or ()),
        returns=str(meta["returns"]),
        system=sections["system"].strip(),
        user=sections["user"].strip(),
    )


@lru_cache(maxsize=64)
def _load(path: Path, mtime: float) -> Prompt:
    return parse_prompt(path.read_text(encoding="utf-8"), origin=str(path))


def load_prompt(name: str, prompts_dir: Path | None = None) -> Prompt:
    path = (prompts_dir or PROMPTS_DIR) / f"{name}.md"
    if not path.exists():
        raise PromptError(f"找不到提示词文件：{path}")
    return _load(path, path.stat().st_mtime)
