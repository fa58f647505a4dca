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


def requested_script(settings: object) -> str | None:
    """The output script the operator explicitly configured (``COPILOT_SCRIPT``), else None so the
    notes follow the transcript's own script."""
    fields_set = getattr(settings, "model_fields_set", set())
    return getattr(settings, "script", None) if "script" in fields_set else None


def render_markdown(notes: Notes, script: str | None = None, *, engine: str | None = None,
                    notice: str | None = None) -> str:
    """The write-up as Markdown in ``script`` (``zh-Hans``/``zh-Hant``); None = the transcript's own.

    Our labels are converted to the target script; the notes' content (names, quotes, points) is
    left exactly as the transcript wrote it unless a different script is explicitly asked for.
    """
    target = script or notes.script
    convert = target != notes.script

    def L(text: str) -> str:  # our own wording
        return to_script(text, target)

    def C(text: str) -> str:  # content taken from the transcript
        return to_script(text, target) if convert and text else text

    lines: list[str] = [f"# {C(notes.title)}", ""]
    meta: list[str] = []
    if notes.date:
        meta.append(f"- {L('日期')}：{notes.date}")
    if notes.group:
        meta.append(f"- {L('群')}：{C(notes.group)}")
    meta.append(f"- {L('形式')}：{L(notes.session_type)}")
    if notes.speakers:
        label = "主讲" if notes.session_type == "主讲分享" else "主要发言"
        meta.append(f"- {L(label)}：{'、'.join(C(s) for s in notes.speakers)}")
    if notes.host:
        meta.append(f"- {L('主持' if notes.session_type == '主讲分享' else '发起')}：{C(notes.host)}")
    lines += meta + [""]
    if notes.summary:
        lines += [f"## {L('摘要')}", "", C(notes.summary) + _cite(notes.summary_sources), ""]
    if notes.key_points:
        lines += [f"## {L('要点')}", ""]
        for i, p in enumerate(notes.key_points, 1):
            who = f"**{C(p.speaker)}**：" if p.speaker and notes.session_type == "话题讨论" else ""
            lines.append(f"{i}. {who}{C(p.text)}{_cite(p.sources, p.time)}")
        lines.append("")
    if notes.qa:
        lines += [f"## {L('问答')}", ""]
        for i, q in enumerate(notes.qa, 1):
            lines.append(f"**{L('问')}{i}**{f'（{C(q.asker)}）' if q.asker else ''}：{C(q.question)}")
            answer = C(q.answer) if q.answer else L("（暂无回答）")
            lines.append(f"**{L('答')}**{f'（{C(q.answerer)}）' if q.answerer else ''}：{answer}{_cite(q.sources)}")
            lines.append("")
    if notes.decisions:
        lines += [f"## {L('决定')}", ""] + [f"- {C(d.text)}{_cite(d.sources)}" for d in notes.decisions] + [""]
    if notes.actions:
        lines += [f"## {L('待办')}", ""]
        for a in notes.actions:
            owner = f"**{C(a.owner)}**：" if a.owner else ""
            due = f"（{L('截止')}：{C(a.deadline)}）" if a.deadline else ""
            lines.append(f"- [ ] {owner}{C(a.task)}{due}{_cite(a.sources)}")
        lines.append("")
    if notes.announcements:
        lines += [f"## {L('公告')}", ""] + [f"- 【{L(a.kind)}】{C(a.text)}{_cite(a.sources)}"
                                            for a in notes.announcements] + [""]
    if notes.quotes:
        lines += [f"## {L('金句')}", ""]
        for q in notes.quotes:
            lines.append(f"> {C(q.text)}{f' ——{C(q.speaker)}' if q.speaker else ''}{_cite(q.sources)}")
            lines.append("")
    footer = f"共 {notes.message_count} 条有效消息"
    if notes.dropped_count:
        footer += f"，已过滤 {notes.dropped_count} 条系统消息/表情图片/广告"
    if engine:
        footer += f"；生成引擎：{engine}"
    lines += ["---", "", L(f"*本整理稿由社群运营 Copilot 生成，括号内为来源消息编号；{footer}。*")]
    if notice:
        lines += ["", f"> {L('注意')}：{L(notice)}"]
    return "\n".join(lines).rstrip() + "\n"
