"""Keep a transcript's own script (简体/繁體) in its notes, with names and quotes exactly as written.

The structure rules and the summariser match Simplified patterns, so a Traditional transcript is
analysed through a *shadow*: a copy converted to Simplified one character for one character (so every
offset in the shadow is the same offset in the original). Notes built from the shadow are then
*restored*: a piece of text found in the shadow of its source messages is replaced by the original
slice (so 陳老師, 小華, 發群裡 come back exactly, including variant forms like 裡/裏 or 台/臺 that a
Simplified→Traditional round trip would change); other text (our own labels, joined sentences) is
mapped character by character using how the transcript itself writes each character, and only
characters the transcript never uses go through OpenCC.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from copilot.notes.model import Notes, Transcript
from copilot.textnorm import opencc_plain, t2s_char, to_simplified, to_traditional, written_script


def shadow_text(text: str) -> str:
    """Simplified form of ``text`` with exactly the same length (phrase conversion when it keeps the
    length, else character by character)."""
    if not text:
        return text
    whole = to_simplified(text)
    if len(whole) == len(text):
        return whole
    return "".join(t2s_char(c) for c in text)


def detect_script(transcript: Transcript) -> str:
    """The script the chat is written in (:func:`copilot.textnorm.written_script` over its first 400
    messages): a Simplified chat quoting one Traditional name (陳) stays ``zh-Hans``."""
    return written_script("\n".join(m.text for m in transcript.messages[:400]))


def make_shadow(transcript: Transcript) -> Transcript:
    """The transcript with texts and names in Simplified, same ids and offsets."""
    msgs = [replace(m, text=shadow_text(m.text), speaker=shadow_text(m.speaker)) for m in transcript.messages]
    return Transcript(name=transcript.name, messages=msgs, format=transcript.format, encoding=transcript.encoding,
                      group=transcript.group, warnings=transcript.warnings, dropped=transcript.dropped)


def _same_word(a: str, b: str) -> bool:
    """Whether two Traditional characters are glyph variants of one word (裡/裏, 台/臺, 群/羣) by OpenCC's
    variant tables, not two words that share a Simplified form (闆/板, 髮/發)."""
    if a == b:
        return True
    return b in _variants(a) or a in _variants(b)


def _variants(ch: str) -> set[str]:
    return {opencc_plain(ch, config) for config in ("t2tw", "tw2t", "t2hk", "hk2t")}


class Restorer:
    """Maps Simplified note text back to the way ``original`` writes it."""

    def __init__(self, original: Transcript) -> None:
        self.orig = {m.id: m.text for m in original.messages}
        self.shadow = {m.id: shadow_text(m.text) for m in original.messages}
        # every message's shadow and original end to end (same offsets; a NUL between messages, which no note text
        # holds, so no piece runs across two): the pieces of a joined note text are looked up here
        self._all = ("\0".join(self.shadow.values()), "\0".join(self.orig.values()))
        self.names = {shadow_text(m.speaker): m.speaker for m in original.messages}
        counts: dict[str, Counter[str]] = {}
        for m in original.messages:
            for src in (m.text, m.speaker):
                for a, b in zip(src, shadow_text(src)):
                    counts.setdefault(b, Counter())[a] += 1
        self.chars = {b: c.most_common(1)[0][0] for b, c in counts.items()}
        # names the shadow spells otherwise (阿傑 → 阿杰), longest first, so a name inside another yields to it
        self._spelled = sorted(((k, v) for k, v in self.names.items() if k != v and len(k) == len(v) and len(k) >= 2),
                               key=lambda kv: -len(kv[0]))

    def name(self, s: str | None) -> str | None:
        if not s:
            return s
        return self.names.get(s) or self.names.get(shadow_text(s)) or self.text(s)

    def _named(self, key: str) -> dict[int, str]:
        """Each offset of the Simplified ``key`` inside a member's name as the chat writes it (阿傑 — OpenCC would
        leave 杰 as 杰, and a name is never another word): offset → the name's own character there."""
        fixed: dict[int, str] = {}
        for shadow, name in self._spelled:
            start = key.find(shadow)
            while start >= 0:
                for i, c in enumerate(name):
                    fixed.setdefault(start + i, c)
                start = key.find(shadow, start + len(shadow))
        return fixed

    def text(self, s: str, sources: list[int] | None = None) -> str:
        if not s:
            return s
        key = shadow_text(s)
        for i in sources or []:
            sh = self.shadow.get(i)
            if sh is not None and (pos := sh.find(key)) >= 0:
                return self.orig[i][pos : pos + len(key)]
        return "".join(self._piecewise(s, key))

    def _piecewise(self, s: str, key: str) -> list[str]:
        """``s`` (Simplified ``key``) as the chat writes it, piece by piece: each run starting with two word characters
        that the chat says somewhere (its cited lines joined with our own words: "阿Ken介绍" + "讲错咗，JCCAC场租系$600") comes
        back as the chat's own slice (場租係, 修錶 — a word OpenCC would spell 系 / 表), the rest by :meth:`_mapped`."""
        shadow, orig = self._all
        named = self._named(key)  # a member's name comes back as the chat spells it, wherever a piece would start
        out: list[str] = []
        gap = 0  # start of the text between pieces
        at = 0
        while at < len(key):
            if at in named:
                if gap < at:
                    out.append(self._mapped(s[gap:at], key[gap:at]))
                out.append(named[at])
                gap = at = at + 1
                continue
            pos = shadow.find(key[at : at + 2]) if at + 1 < len(key) and at + 1 not in named \
                and key[at].isalnum() and key[at + 1].isalnum() else -1
            if pos < 0:  # (a piece starts with two word characters: "板，" in 老闆，十人枱 says nothing of 拍板)
                at += 1
                continue
            end = at + 2  # grow the piece while the chat still says it (first where it says the longer run)
            while end < len(key) and end not in named:
                if shadow.startswith(key[at : end + 1], pos):
                    end += 1
                elif (nxt := shadow.find(key[at : end + 1])) >= 0:
                    pos, end = nxt, end + 1
                else:
                    break
            if gap < at:
                out.append(self._mapped(s[gap:at], key[gap:at]))
            out.append(orig[pos : pos + end - at])
            gap = at = end
        if gap < len(key):
            out.append(self._mapped(s[gap:], key[gap:]))
        return out

    def _mapped(self, s: str, key: str) -> str:
        """Our own wording ``s`` (Simplified ``key``) character by character, as the chat writes each character (a gap
        of :meth:`_piecewise`, which has placed every member's name already)."""
        out: list[str] = []
        run: list[str] = []  # characters the transcript never uses: our own wording
        whole = to_traditional(s)
        phrase = whole if len(whole) == len(s) else None
        for at, (ch, k) in enumerate(zip(s, key)):
            mapped = self.chars.get(k) or (self.chars.get(ch) if ch != k else None)
            if mapped and mapped != k and phrase and not _same_word(mapped, phrase[at]):
                # 拍板 stays 拍板 in a chat that writes 老闆: another word, not another glyph (a character the chat
                # writes in its Simplified form, in a chat mixing both, stays as the chat writes it)
                mapped = phrase[at]
            if ch in ",.:" and 0 < at < len(s) - 1 and s[at - 1].isdigit() and s[at + 1].isdigit():
                mapped = ch  # the comma of 1,500 or the colon of 6:30 is no pause to write in the chat's script
            if mapped is None:
                run.append(ch)
                continue
            if run:
                out.append(to_traditional("".join(run)))
                run = []
            out.append(mapped)
        if run:
            out.append(to_traditional("".join(run)))
        return "".join(out)


def restore_notes(notes: Notes, original: Transcript) -> Notes:
    """``notes`` (built from the shadow, or by a model) rewritten in ``original``'s own script."""
    r = Restorer(original)
    n = notes.model_copy(deep=True)
    n.title = r.text(n.title)
    n.summary = r.text(n.summary, n.summary_sources)
    n.speakers = [r.name(s) or s for s in n.speakers]
    n.host = r.name(n.host)
    for p in n.key_points:
        p.text, p.speaker = r.text(p.text, p.sources), r.name(p.speaker)
    for q in n.qa:
        q.question, q.answer = r.text(q.question, q.sources), r.text(q.answer, q.sources)
        q.asker, q.answerer = r.name(q.asker), r.name(q.answerer)
    for d in n.decisions:
        d.text, d.by = r.text(d.text, d.sources), [r.name(b) or b for b in d.by]
        d.decider = r.name(d.decider) or d.decider
    for a in n.actions:
        a.task, a.owner = r.text(a.task, a.sources), r.name(a.owner)
        a.deadline_text = r.text(a.deadline_text, a.sources) if a.deadline_text else a.deadline_text
    for an in n.announcements:
        an.text, an.speaker = r.text(an.text, an.sources), r.name(an.speaker)
    for qt in n.quotes:
        qt.text, qt.speaker = r.text(qt.text, qt.sources), r.name(qt.speaker)
    n.script = "zh-Hant"
    return n
