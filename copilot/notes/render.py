"""Notes → Markdown ready to paste into a group or a 公众号 draft, in Simplified or Traditional.

Every item keeps its message ids (``#12``) so a reader can check it against the log, which is what
makes a write-up trustworthy enough to pass on.
"""

from __future__ import annotations

from copilot.notes.model import Notes
from copilot.textnorm import to_script


def _cite(sources: list[int], time: str | None = None) -> str:
    refs = " ".join(f"#{s}" for s in sources)
    bits = [b for b in (time, refs) if b]
    return f"（{'，'.join(bits)}）" if bits else ""


def render_markdown(notes: Notes, script: str = "zh-Hans", *, engine: str | None = None,
                    notice: str | None = None) -> str:
    """The write-up as Markdown. ``script`` is ``zh-Hans`` (default) or ``zh-Hant``."""
    lines: list[str] = [f"# {notes.title}", ""]
    meta: list[str] = []
    if notes.date:
        meta.append(f"- 日期：{notes.date}")
    if notes.group:
        meta.append(f"- 群：{notes.group}")
    meta.append(f"- 形式：{notes.session_type}")
    if notes.speakers:
        label = "主讲" if notes.session_type == "主讲分享" else "主要发言"
        meta.append(f"- {label}：{'、'.join(notes.speakers)}")
    if notes.host:
        meta.append(f"- {'主持' if notes.session_type == '主讲分享' else '发起'}：{notes.host}")
    lines += meta + [""]
    if notes.summary:
        lines += ["## 摘要", "", notes.summary + _cite(notes.summary_sources), ""]
    if notes.key_points:
        lines += ["## 要点", ""]
        for i, p in enumerate(notes.key_points, 1):
            who = f"**{p.speaker}**：" if p.speaker and notes.session_type == "话题讨论" else ""
            lines.append(f"{i}. {who}{p.text}{_cite(p.sources, p.time)}")
        lines.append("")
    if notes.qa:
        lines += ["## 问答", ""]
        for i, q in enumerate(notes.qa, 1):
            lines.append(f"**问{i}**{f'（{q.asker}）' if q.asker else ''}：{q.question}")
            answer = q.answer or "（暂无回答）"
            lines.append(f"**答**{f'（{q.answerer}）' if q.answerer else ''}：{answer}{_cite(q.sources)}")
            lines.append("")
    if notes.decisions:
        lines += ["## 决定", ""] + [f"- {d.text}{_cite(d.sources)}" for d in notes.decisions] + [""]
    if notes.actions:
        lines += ["## 待办", ""]
        for a in notes.actions:
            owner = f"**{a.owner}**：" if a.owner else ""
            due = f"（截止：{a.deadline}）" if a.deadline else ""
            lines.append(f"- [ ] {owner}{a.task}{due}{_cite(a.sources)}")
        lines.append("")
    if notes.announcements:
        lines += ["## 公告", ""] + [f"- 【{a.kind}】{a.text}{_cite(a.sources)}" for a in notes.announcements] + [""]
    if notes.quotes:
        lines += ["## 金句", ""]
        for q in notes.quotes:
            lines.append(f"> {q.text}{f' ——{q.speaker}' if q.speaker else ''}{_cite(q.sources)}")
            lines.append("")
    footer = f"共 {notes.message_count} 条有效消息"
    if notes.dropped_count:
        footer += f"，已过滤 {notes.dropped_count} 条系统消息/表情图片/广告"
    if engine:
        footer += f"；生成引擎：{engine}"
    lines += ["---", "", f"*本整理稿由社群运营 Copilot 生成，括号内为来源消息编号；{footer}。*"]
    if notice:
        lines += ["", f"> 注意：{notice}"]
    return to_script("\n".join(lines).rstrip() + "\n", script)
