"""Drafts as readable Chinese text: what ``copilot draft`` prints and the UI's draft box shows."""

from __future__ import annotations

from copilot.agents.base import DraftResult, convert_script


def label(text: str, result: DraftResult) -> str:
    """A fixed label in the result's output script (labels are written in Simplified)."""
    return convert_script(text, result.script or "zh-Hans")


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
            lines.append(f"{L('第')}{d['day']}{L('天')} {d.get('weekday', '')} {d['time']}【{d['type']}】{d['title']}")
            lines.append(f"    {L('开场')}：{d['opening']}")
            if d.get("steps"):
                lines.append(f"    {L('步骤')}：" + " → ".join(d["steps"]))
            if d.get("why"):
                lines.append(f"    {L('为什么')}：{d['why']}")
        else:
            head = f"—— {L('草稿')} {i}" + (f"：{d['title']}" if d.get("title") else "") + (f"（{L('套路')}：{d['tactic']}）" if d.get("tactic") else "")
            lines.append(head)
            lines.append(d["text"])
            if d.get("arithmetic"):
                lines.append(L("算式：") + "；".join(d["arithmetic"]))
            if d.get("note"):
                lines.append(L("给运营（不要发到群里）：") + d["note"])
        if result.target not in ("name", "topics"):
            lines.append("")
    if result.notice:
        lines.append(L("注意：") + result.notice)
    if not include_checks:
        return "\n".join(lines).rstrip()
    lines.append("\n" + L("规则检查："))
    marks = {True: L("✓ 通过"), False: L("✗ 未通过"), None: L("… 待评")}
    for c in result.checks:
        lines.append(f"  {marks[c.passed]}  {c.rule_id}{L(c.basis_tag())}：{c.reason}")
    lines.append(L("引用卡片：") + "、".join(result.citations))
    if result.passages:
        lines.append(L("依据小节：") + "；".join(f"{p.card} › {L(p.section)}（{L(p.label)}）" for p in result.passages))
    lines.append(L("（生成引擎：") + f"{result.engine}）")
    return "\n".join(lines)
