"""Notes → Markdown ready to paste into a group or a 公众号 draft, in Simplified or Traditional.

Every item keeps its message ids (``#12``) so a reader can check it against the log, which is what
makes a write-up trustworthy enough to pass on.
"""

from __future__ import annotations

import re

from copilot.llm import engine_label
from copilot.notes.model import Notes, Omitted
from copilot.textnorm import to_script

MAX_LISTED = 20  # ids or warnings listed per line of the appendix
_QUOTED_LINE = re.compile(r"(「[^」]*」|（[^（）]*）$)")  # a transcript line a parse warning quotes
# reasons that are a judgement call (an ad, a greeting, a forward, a repeat): listed with who posted them,
# so the operator can check the call by id (the JSON output's "dropped" keeps the text); never the text itself —
# notes that are posted back to the group must not repost the ad, the rumour or the stickers they left out.
# Platform lines and stickers by id only
_SHOWN_REASONS = frozenset({"广告/垃圾消息", "问候/告别/客套", "转发的谣言/标题党", "重复"})


def _cite(sources: list[int], time: str | None = None) -> str:
    refs = " ".join(f"#{s}" for s in sources)
    bits = [b for b in (time, refs) if b]
    return f"（{'，'.join(bits)}）" if bits else ""


def _unlabelled(text: str, kind: str) -> str:
    """The announcement without the label we print before it: "【通知】本周六…" or "下期预告：…" under 【通知】 /
    【下期预告】 read "【通知】【通知】…" (qa13c)."""
    k = re.escape(kind)
    label = rf"(?:【{k}】|\[{k}\]|{k}[:：])\s*"  # 通知一下：… keeps its words
    rest = re.sub(rf"^{label}", "", text)
    return rest if len(rest) >= 4 else text


def requested_script(settings: object) -> str | None:
    """The output script the operator explicitly configured (``COPILOT_SCRIPT``), else None so the
    notes follow the transcript's own script."""
    fields_set = getattr(settings, "model_fields_set", set())
    return getattr(settings, "script", None) if "script" in fields_set else None


def _member_names(notes: Notes) -> set[str]:
    """Every member's name the notes carry (speakers, host, askers, owners, deciders, posters, omitted lines'
    senders), each also split at 、 for a list of owners; two characters or more."""
    names = [*notes.speakers, notes.host, *(p.speaker for p in notes.key_points),
             *(n for q in notes.qa for n in (q.asker, q.answerer)), *(d.decider for d in notes.decisions),
             *(b for d in notes.decisions for b in d.by), *(a.owner for a in notes.actions),
             *(a.speaker for a in notes.announcements), *(q.speaker for q in notes.quotes),
             *(o.speaker for o in notes.omitted)]
    out = {n for n in names if n}
    return {p for n in out for p in (n, *n.split("、")) if len(p) >= 2}


class _Writer:
    """Renders notes in a target script: our labels are converted, the transcript's content only when
    a different script than the transcript's own is asked for."""

    def __init__(self, notes: Notes, script: str | None) -> None:
        self.notes = notes
        self.target = script or notes.script
        self.convert = self.target != notes.script
        names = _member_names(notes) if self.convert else set()
        # (members' names keep their own script wherever they stand: 岩温 is never 巖溫, 陳伯 never 陈伯)
        self._names = re.compile("(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + ")") \
            if names else None

    def L(self, text: str) -> str:  # noqa: N802 - our own wording
        return to_script(text, self.target)

    def C(self, text: str) -> str:  # noqa: N802 - content taken from the transcript
        if not (self.convert and text):
            return text
        if self._names is None:
            return to_script(text, self.target)
        return "".join(p if i % 2 else to_script(p, self.target) for i, p in enumerate(self._names.split(text)) if p)

    def warning(self, w: str) -> str:
        """A parse warning: our wording converted, the transcript's own line it quotes (（…） at its end, 「…」) kept as
        written — qa13r27 saw 台灣 in a skipped header quoted as 臺灣."""
        parts = _QUOTED_LINE.split(w)
        return "".join(self.C(p) if i % 2 else self.L(p) for i, p in enumerate(parts))

    def meta(self) -> list[str]:
        n, L, C = self.notes, self.L, self.C
        lines = [f"- {L('日期')}：{n.date}" + (f" {L('至')} {n.date_end}" if n.date_end else "")] if n.date else []
        if n.group:
            lines.append(f"- {L('群')}：{C(n.group)}")
        lines.append(f"- {L('形式')}：{L(n.session_type)}")
        if n.speakers:
            label = "主讲" if n.session_type == "主讲分享" else "主要发言"
            lines.append(f"- {L(label)}：{'、'.join(C(s) for s in n.speakers)}")
        if n.host:
            lines.append(f"- {L('主持' if n.session_type == '主讲分享' else '发起')}：{C(n.host)}")
        return lines + [""]

    def summary(self) -> list[str]:
        n = self.notes
        return [f"## {self.L('摘要')}", "", self.C(n.summary) + _cite(n.summary_sources), ""] if n.summary else []

    def key_points(self) -> list[str]:
        n, C = self.notes, self.C
        if not n.key_points:
            return []
        lines = [f"## {self.L('要点')}", ""]
        for i, p in enumerate(n.key_points, 1):
            who = f"**{C(p.speaker)}**：" if p.speaker and n.session_type == "话题讨论" else ""
            lines.append(f"{i}. {who}{C(p.text)}{_cite(p.sources, p.time)}")
        return lines + [""]

    def qa(self) -> list[str]:
        L, C = self.L, self.C
        if not self.notes.qa:
            return []
        lines = [f"## {L('问答')}", ""]
        for i, q in enumerate(self.notes.qa, 1):
            lines.append(f"**{L('问')}{i}**{f'（{C(q.asker)}）' if q.asker else ''}：{C(q.question)}")
            answer = C(q.answer) if q.answer else L("（暂无回答）")
            lines.append(f"**{L('答')}**{f'（{C(q.answerer)}）' if q.answerer else ''}：{answer}{_cite(q.sources)}")
            lines.append("")
        return lines

    def decisions(self) -> list[str]:
        if not self.notes.decisions:
            return []
        lines = [f"## {self.L('决定')}", ""]
        for d in self.notes.decisions:
            # who settled it is not listed as agreeing with themself
            others = [b for b in d.by if b != d.decider]
            by = "" if len(d.by) <= 1 or not others else \
                f"（{self.L('拍板')}：{self.C(d.decider)}；{self.L('同意')}：{'、'.join(self.C(b) for b in others)}）" \
                if d.decider else f"（{self.L('同意')}：{'、'.join(self.C(b) for b in others)}）"
            lines.append(f"- {self.C(d.text)}{by}{_cite(d.sources)}")
        return lines + [""]

    def actions(self) -> list[str]:
        L, C = self.L, self.C
        if not self.notes.actions:
            return []
        lines = [f"## {L('待办')}", ""]
        for a in self.notes.actions:
            owner = f"**{C(a.owner)}**：" if a.owner else ""
            when = "，".join(x for x in (C(a.deadline_text or ""), a.deadline or "") if x)
            due = f"（{L('截止')}：{when}）" if when else ""
            lines.append(f"- [ ] {owner}{C(a.task)}{due}{_cite(a.sources)}")
        return lines + [""]

    def announcements(self) -> list[str]:
        if not self.notes.announcements:
            return []
        return [f"## {self.L('公告')}", ""] + [f"- 【{self.L(a.kind)}】{self.C(_unlabelled(a.text, a.kind))}{_cite(a.sources, self.C(a.speaker or ''))}"
                                              for a in self.notes.announcements] + [""]

    def quotes(self) -> list[str]:
        if not self.notes.quotes:
            return []
        lines = [f"## {self.L('金句')}", ""]
        for q in self.notes.quotes:
            lines.append(f"> {self.C(q.text)}{f' ——{self.C(q.speaker)}' if q.speaker else ''}{_cite(q.sources)}")
            lines.append("")
        return lines

    def appendix(self) -> list[str]:
        """What was left out (by reason, with ids; the judgement calls with their text) and the lines
        that could not be read: nothing disappears silently."""
        n, L, C = self.notes, self.L, self.C
        lines: list[str] = []
        if n.omitted:
            lines += [f"## {L('附录')}", "", L(f"已略去 {len(n.omitted)} 条：")]
            by_reason: dict[str, list[Omitted]] = {}
            for o in n.omitted:
                by_reason.setdefault(o.reason.split("（")[0], []).append(o)
            for reason, items in by_reason.items():
                if reason in _SHOWN_REASONS:  # a judgement call: the operator sees what was cut
                    shown = "；".join(f"#{o.id} {C(o.speaker)}" for o in items[:MAX_LISTED])
                else:
                    shown = " ".join(f"#{o.id}" for o in items[:MAX_LISTED])
                more = L(f" 等 {len(items)} 条") if len(items) > MAX_LISTED else ""
                lines.append(f"- {L(reason)}（{len(items)}）：{shown}{more}")
            lines.append("")
        blocks = [(L(f"解析警告 {len(n.warnings)} 条（这些行没有整理进来）："), [self.warning(w) for w in n.warnings]),
                  # the faithfulness check never changes the notes unseen (stderr alone is lost in a batch)
                  (L(f"核实 {len(n.checked)} 处（条目里有所引消息没有的名字或数字）："), [L(c) for c in n.checked])]
        for title, items in blocks:
            if not items:
                continue
            if not lines:
                lines += [f"## {L('附录')}", ""]
            lines.append(title)
            lines += [f"- {item}" for item in items[:MAX_LISTED]]
            if len(items) > MAX_LISTED:
                lines.append(L(f"- ……另有 {len(items) - MAX_LISTED} 条"))
            lines.append("")
        return lines

    def footer(self, engine: str | None, notice: str | None, appendix: bool = True) -> list[str]:
        n = self.notes
        footer = f"共 {n.message_count} 条有效消息"
        if n.omitted:
            footer += f"，略去 {len(n.omitted)} 条" + ("（见附录）" if appendix else "")
        if engine:
            footer += f"；生成引擎：{engine_label(engine)}"
        lines = ["---", "", self.L(f"*本整理稿由社群运营 Copilot 生成，括号内为来源消息编号；{footer}。*")]
        return lines + (["", f"> {self.L('注意')}：{self.L(notice)}"] if notice else [])


def render_markdown(notes: Notes, script: str | None = None, *, engine: str | None = None,
                    notice: str | None = None, appendix: bool = True) -> str:
    """The write-up as Markdown in ``script`` (``zh-Hans``/``zh-Hant``); None = the transcript's own.

    Our labels are converted to the target script; the notes' content (names, quotes, points) is
    left exactly as the transcript wrote it unless a different script is explicitly asked for. The
    appendix lists the messages left out and the parse warnings (``appendix=False``: the notes
    alone, e.g. to check what the notes themselves say).
    """
    w = _Writer(notes, script)
    lines = [f"# {w.C(notes.title)}", ""]
    for section in (w.meta, w.summary, w.key_points, w.qa, w.decisions, w.actions, w.announcements, w.quotes):
        lines += section()
    if appendix:
        lines += w.appendix()
    lines += w.footer(engine, notice, appendix)
    return "\n".join(lines).rstrip() + "\n"
