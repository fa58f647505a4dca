"""Section-aware chunking with a tiktoken budget and sentence overlap.

Chunks follow the author's structure (Markdown headings, or 一、/第X章 style headings in plain
text) so a hit can be cited as "card › section". A section longer than the budget is split on
sentence boundaries, each piece repeating the last sentences of the previous one (the overlap) so
an answer that straddles the cut is still found whole in one chunk.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from copilot.textnorm import split_sentences
from copilot.tokens import count_tokens, truncate_to_tokens

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_TXT_HEADING = re.compile(
    r"^\s*(第[一二三四五六七八九十百零\d]+[章节部分篇]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．])\s*\S.{0,28}$"
)


@dataclass
class Section:
    heading: str
    text: str
    start: int
    end: int


@dataclass
class Chunk:
    """A retrievable passage with enough metadata to cite it."""

    text: str
    source: str
    title: str
    section: str
    start: int
    end: int
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def id(self) -> str:
        """Content hash: unchanged text keeps its id, so re-indexing skips it.

        A card chunk's provenance (资料 or 经验建议, and what it cites) is part of its identity, so
        re-marking a passage re-indexes it even when its words stay the same.
        """
        key = f"{self.source}\x00{self.section}\x00{self.text}"
        if self.meta.get("basis"):
            key += f"\x00{self.meta['basis']}\x00{self.meta.get('cites', '')}\x00{self.meta.get('cite_spans', '')}"
        return hashlib.sha256(key.encode()).hexdigest()[:24]

    def embed_text(self) -> str:
        """What is embedded and BM25-indexed: title and section give short passages their topic."""
        head = " › ".join(p for p in (self.title, self.section) if p)
        return f"{head}\n{self.text}" if head else self.text


def split_sections(text: str) -> list[Section]:
    """Split a document on Markdown or plain-text headings, keeping character offsets."""
    sections: list[Section] = []
    heading = ""
    pos = 0
    body_start = 0
    lines = text.split("\n")
    offsets = []
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1

    def flush(end: int) -> None:
        body = text[body_start:end].strip()
        if body:
            sections.append(Section(heading, body, body_start, end))

    for line, off in zip(lines, offsets):
        m = _MD_HEADING.match(line)
        title = None
        if m:
            title = m.group(2).strip()
        elif _TXT_HEADING.match(line) and not line.strip().endswith(("。", "；", "，")):
            title = line.strip()
        if title is None:
            continue
        flush(off)
        heading = title
        body_start = off + len(line) + 1
    flush(len(text))
    return sections


def _pieces(sentences: list[str], max_tokens: int, overlap_tokens: int) -> list[list[str]]:
    pieces: list[list[str]] = []
    current: list[str] = []
    used = 0
    for sent in sentences:
        n = count_tokens(sent)
        if n > max_tokens:  # a single run-on "sentence": hard cut
            sent = truncate_to_tokens(sent, max_tokens)
            n = max_tokens
        if current and used + n > max_tokens:
            pieces.append(current)
            tail: list[str] = []
            tail_tokens = 0
            for prev in reversed(current):
                t = count_tokens(prev)
                if tail_tokens + t > overlap_tokens:
                    break
                tail.insert(0, prev)
                tail_tokens += t
            current, used = tail, tail_tokens
        current.append(sent)
        used += n
    if current:
        pieces.append(current)
    return pieces


def chunk_text(
    text: str,
    *,
    source: str,
    title: str = "",
    meta: dict[str, object] | None = None,
    max_tokens: int = 320,
    overlap_tokens: int = 48,
) -> list[Chunk]:
    """Chunk one document's clean text by section within ``max_tokens`` (tiktoken) per chunk."""
    if overlap_tokens >= max_tokens:
        raise ValueError("overlap_tokens must be smaller than max_tokens")
    chunks: list[Chunk] = []
    for sec in split_sections(text):
        chunks += chunk_section(text, sec, source=source, title=title, meta=meta,
                                max_tokens=max_tokens, overlap_tokens=overlap_tokens)
    return chunks


def chunk_section(
    text: str,
    sec: Section,
    *,
    source: str,
    title: str = "",
    meta: dict[str, object] | None = None,
    max_tokens: int = 320,
    overlap_tokens: int = 48,
) -> list[Chunk]:
    """Chunk one section (``sec`` spans ``text[sec.start:sec.end]``) within ``max_tokens`` per chunk."""
    if overlap_tokens >= max_tokens:
        raise ValueError("overlap_tokens must be smaller than max_tokens")
    if count_tokens(sec.text) <= max_tokens:
        return [Chunk(sec.text, source, title, sec.heading, sec.start, sec.end, dict(meta or {}))]
    chunks: list[Chunk] = []
    cursor = sec.start
    for piece in _pieces(split_sentences(sec.text), max_tokens, overlap_tokens):
        body = "".join(piece) if all(re.search(r"[\u4e00-\u9fff]", s) for s in piece) else " ".join(piece)
        start = text.find(piece[0], cursor if cursor < sec.end else sec.start)
        start = start if start >= 0 else sec.start
        end_anchor = text.find(piece[-1], start)
        end = end_anchor + len(piece[-1]) if end_anchor >= 0 else sec.end
        chunks.append(Chunk(body, source, title, sec.heading, start, end, dict(meta or {})))
        cursor = start + 1
    return chunks
