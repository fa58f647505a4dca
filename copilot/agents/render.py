"""Drafts as readable Chinese text: what ``copilot draft`` prints and the UI's draft box shows."""

from __future__ import annotations

from copilot.agents.base import DraftResult, convert_script
from copilot.llm import engine_label


def label(text: str, result: DraftResult) -> str:
    """A fixed label in the result's output script (labels are written in Simplified)."""
    return convert_script(text, result.script or "zh-Hans")


def operator_note(draft: dict) -> str:
    """Everything about a copy draft that only the operator reads: tactic, arithmetic, note, needs."""
    parts = []
    note = str(draft.get("operator_note") or "")
    if draft.get("tactic") and draft["tactic"] not in note:
        parts.append(f"套路：{draft['tactic']}")
    if draft.get("arithmetic") and not all(a in note for a in draft["arithmetic"]):
        parts.append("算式：" + "；".join(draft["arithmetic"]))
    if note:
        parts.append(note)
    needs = [n for n in draft.get("needs") or [] if n not in note]
    if needs:
        parts.append("待补：" + "；".join(needs))
    return " ".join(parts)


def member_text(result: DraftResult) -> str:
    """Only what members read — for the UI's copy box: names, document texts, calendar messages with
    their date and time, copy's ``text``; never operator notes, arithmetic, needs or checks."""
    blocks = []
    for d in result.drafts:
        if result.target == "name":
            blocks.append(d["name"])
        elif result.target == "topics":
            blocks.append(f"{d.get('date', '')} {d.get('weekday', '')} {d['time']}\n{d['opening']}".strip())
        else:
            blocks.append(d["text"])
    sep = "\n" if result.target == "name" else "\n\n————\n\n"
    return sep.join(blocks)


def render_text(result: DraftResult, *, include_checks: bool = True) -> str:
    """Readable Chinese rendering of a DraftResult, labels in the result's script.

    The text is already in the output script, with the operator's own strings kept as written; do
    not run ``to_script`` over it again. ``include_checks=False`` gives only the drafts (+ notice),
    for pages that show the checks separately."""
    L = lambda t: label(t, result)  # noqa: E731
    lines: list[str] = []
    failed = [c for c in result.checks if c.passed is False]
    if failed:
        blocking = [c.rule_id for c in failed if c.severity == "error"]
        head = "⚠ 有规则未通过，请修改后再发：" if blocking else "⚠ 有提醒项未通过，发出前请看一眼："
        lines.append(L(head) + "、".join(c.rule_id for c in failed))
        lines.append("")
    for i, d in enumerate(result.drafts, 1):
        if result.target == "name":
            lines.append(f"{i}. {d['name']}  —— {d.get('rationale', '')}")
        elif result.target == "topics":
            date = f"{d['date']} " if d.get("date") else ""
            post = f"（{L('提醒')} {L(d['post_at'])} {L('发')}）" if d.get("post_at") else ""
            lines.append(f"{L('第')}{d['day']}{L('天')} {date}{d.get('weekday', '')} {d['time']}【{d['type']}】{d['title']}{post}")
            lines.append(f"    {L('开场')}：" + str(d["opening"]).replace("\n", "\n      "))
            if d.get("steps"):
                lines.append(f"    {L('步骤')}：" + " → ".join(d["steps"]))
            if d.get("why"):
                lines.append(f"    {L('为什么')}：{d['why']}")
            if d.get("needs"):
                lines.append(f"    {L('待补（给运营）')}：" + "；".join(d["needs"]))
        else:
            head = f"—— {L('草稿')} {i}" + (f"：{d['title']}" if d.get("title") else "")
            lines.append(head)
            lines.append(d["text"])
            note = operator_note(d)
            if note:
                lines.append(L("〔给运营，不要发到群里〕") + note)
        if result.target not in ("name", "topics"):
            lines.append("")
    if result.notice:
        lines.append(L("注意：") + result.notice)
    if not include_checks:
        return "\n".join(lines).rstrip()
    lines.append("\n" + L("规则检查："))
    for c in result.checks:
        lines.append(f"  {L(c.mark())}  {c.rule_id}{L(c.basis_tag())}：{c.reason}")
    lines.append(L("引用卡片：") + "、".join(result.citations))
    if result.passages:
        lines.append(L("依据小节：") + "；".join(f"{p.card} › {L(p.section)}（{L(p.label)}）" for p in result.passages))
    lines.append(L(f"（生成引擎：{engine_label(result.engine)}）"))
    return "\n".join(lines)
