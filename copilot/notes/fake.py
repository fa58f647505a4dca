"""A FakeOpenAI responder that answers the notes prompts from the transcript it is sent.

Tests, the batch benchmark and the eval suite use it to drive the real LLM code path (HTTP client,
structured parsing, validation, map-reduce, faithfulness) without a model. It is extractive — it
cites the ``[#id 时间] 昵称：文本`` lines of the request — so a correct pipeline yields grounded notes;
``invent=True`` adds a made-up name and figure so the faithfulness check has something to catch.
"""

from __future__ import annotations

import json
import re
from typing import Any

_LINE = re.compile(r"^\[#(\d+) [^\]]*\] ([^：]+)：(.+)$", re.MULTILINE)


def notes_responder(invent: bool = False):  # type: ignore[no-untyped-def]
    def respond(body: dict[str, Any]) -> str:
        user = "\n".join(str(m.get("content", "")) for m in body["messages"] if m.get("role") == "user")
        if "分段草稿" in user:  # reduce: merge the drafts it was given
            drafts = json.loads(user.split("分段草稿：", 1)[1].strip().split("\n上一次输出", 1)[0])
            merged: dict[str, list[Any]] = {}
            for d in drafts:
                for key, value in d.items():
                    if isinstance(value, list):
                        merged.setdefault(key, []).extend(value)
            first = drafts[0] if drafts else {}
            return json.dumps({"title": first.get("title", "整理稿"), "summary": first.get("summary", ""),
                               **{k: v[:7] if k == "key_points" else v for k, v in merged.items()}},
                              ensure_ascii=False)
        lines = [(int(i), who, text) for i, who, text in _LINE.findall(user)]
        long = sorted(lines, key=lambda x: -len(x[2]))[:3]
        points = [{"text": text[:80], "sources": [i], "speaker": who} for i, who, text in sorted(long)]
        if invent and lines:
            points.append({"text": "张伟老师说复购率提升了87%", "sources": [lines[0][0]], "speaker": "张伟"})
        summary = "".join(text[:40] for _, _, text in sorted(long)[:2])
        return json.dumps({"title": "分享整理", "summary": summary, "key_points": points},
                          ensure_ascii=False)

    return respond
