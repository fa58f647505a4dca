"""Knowledge cards: our distilled methodology, one Markdown file per topic, honest about provenance.

A card says two kinds of things and keeps them apart:

- **资料** — what one of the methodology sources says, in our own words, each paragraph or list item
  ending with a citation marker such as ``〔A〕`` that names a source listed in the front matter
  (``sources``: ``ref``, ``seed`` file, ``section`` heading in that seed, optional ``about``);
- **经验建议** — our own practical figures, steps and examples, written under a ``### 经验建议``
  heading inside the section they belong to, with no citation markers.

The body is parsed into :class:`Part` s (one per section and kind), so the index can keep the flag per
chunk and answers can say "资料：… / 经验建议：…". A marker cites the text before it (back to the previous
marker or the start of the line), so each chunk — and each sentence of it — carries only the sources
its own markers name (:class:`Segment`). Sources are shown to readers by the seed's title from
``knowledge/seeds.yaml`` (:func:`seed_titles`), not by file name. :func:`provenance_problems` lists
what breaks these conventions (an uncited 资料 statement, a marker naming no source, a listed source
never cited); the test suite requires it to be empty for every card.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import frontmatter
import yaml
from pydantic import BaseModel, Field, ValidationError, model_validator

from copilot.knowledge.chunking import Chunk, Section, chunk_section
from copilot.paths import load_yaml
from copilot.textnorm import split_sentences
from copilot.validation import zh_problems

Basis = Literal["source", "experience"]
BASIS_LABELS: dict[str, str] = {"source": "资料", "experience": "经验建议", "document": "导入文档",
                                "unmarked": "未标注出处"}
EXPERIENCE_HEADING = "经验建议"

_MARKER = re.compile(r"〔([^〔〕\n]*)〕")
_REF_SPLIT = re.compile(r"[\s,，、;；]+")
_H2 = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_H3 = re.compile(r"^###\s+(.+?)\s*#*\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.、)）])\s+")
_MARKER_RUN = re.compile(r"(?:〔[^〔〕\n]*〕)+")
# closing punctuation right after a marker ("…效果更好〔A〕。") still belongs to the cited text
_TRAILING_PUNCT = re.compile(r"^[。；;，,、！!？?：:）)」』”’]+")


class CardSource(BaseModel):
    """One methodology source of a card: a seed file and a heading in it (a path ``A › B`` is allowed)."""

    ref: str = Field(pattern=r"^[A-Z][A-Z0-9]?$")
    seed: str = Field(pattern=r"^\d{3}_[0-9a-f]+\.txt$")
    section: str = Field(min_length=2)
    about: str = ""

    def locator(self) -> str:
        """``seed § section``: where a maintainer finds the passage (file name and heading)."""
        return f"{self.seed} § {self.section}"

    def cite(self, titles: dict[str, str] | None = None) -> str:
        """How the source is shown to an operator: the seed's title, its heading in 「」 (so our own
        words never read as the heading) and what part of it the card draws on, set apart after "·"."""
        title = (titles or {}).get(self.seed)
        where = f"《{title}》" if title else self.seed
        return f"{where}「{self.section}」" + (f" · 涉及：{self.about}" if self.about else "")


@dataclass(frozen=True)
class Segment:
    """A run of a 资料 part's text (offsets in :attr:`Part.text`) and the refs of the marker that closes it."""

    start: int
    end: int
    refs: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """One section's 资料 or 经验建议 text (citation markers removed) and the sources it cites."""

    section: str
    basis: Basis
    text: str
    refs: tuple[str, ...]
    start: int
    segments: tuple[Segment, ...] = ()

    def refs_between(self, start: int, end: int) -> tuple[str, ...]:
        """The refs of the markers whose cited text overlaps ``text[start:end]``, in order."""
        return tuple(dict.fromkeys(r for g in self.segments if g.start < end and g.end > start for r in g.refs))


class Card(BaseModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=2)
    tags: list[str] = Field(default_factory=list)
    sources: list[CardSource] = Field(min_length=1)
    # headings this card used to have → the heading now (eval labels written before a rename still resolve)
    section_aliases: dict[str, str] = Field(default_factory=dict)
    body: str = Field(min_length=20)
    path: str = ""

    @model_validator(mode="after")
    def _unique_refs(self) -> Card:
        refs = [s.ref for s in self.sources]
        dupes = sorted({r for r in refs if refs.count(r) > 1})
        if dupes:
            raise ValueError(f"sources 里的 ref 重复：{'、'.join(dupes)}")
        return self

    def source(self, ref: str) -> CardSource | None:
        return next((s for s in self.sources if s.ref == ref), None)

    def parts(self) -> list[Part]:
        return list(_parse_body(self.body))

    def resolve_section(self, heading: str) -> str | None:
        """The current ``##`` heading for ``heading`` (itself, or the heading it was renamed to)."""
        heading = self.section_aliases.get(heading, heading)
        return heading if heading in self.sections() else None

    def sections(self) -> dict[str, set[str]]:
        """Each ``##`` heading → the kinds of text it holds (``source`` and/or ``experience``)."""
        out: dict[str, set[str]] = {}
        for p in self.parts():
            out.setdefault(p.section, set()).add(p.basis)
        return out

    def chunks(self, *, titles: dict[str, str] | None = None, max_tokens: int = 320,
               overlap_tokens: int = 48) -> list[Chunk]:
        """Retrievable chunks, one or more per part, each flagged 资料 or 经验建议.

        A chunk cites only the sources whose markers close text inside it (``cites``, shown with the
        seed ``titles``), and ``cite_spans`` records each of its sentences with the citations of
        that sentence alone, so an answer quoting one sentence can cite just its source.
        """
        chunks: list[Chunk] = []
        for part in self.parts():
            sec = Section(part.section, part.text, 0, len(part.text))
            base = {"card_id": self.id, "tags": ",".join(self.tags), "kind": "card", "basis": part.basis}
            for c in chunk_section(part.text, sec, source=self.id, title=self.title, meta=base,
                                   max_tokens=max_tokens, overlap_tokens=overlap_tokens):
                spans = self._sentence_refs(part, c)
                refs = tuple(dict.fromkeys(r for _, rs in spans for r in rs)) or part.refs_between(c.start, c.end)
                cites = [s.cite(titles) for r in refs if (s := self.source(r))]
                c.meta["cites"] = json.dumps(cites, ensure_ascii=False)
                c.meta["cite_spans"] = json.dumps(
                    [[sent, [refs.index(r) for r in rs]] for sent, rs in spans if rs], ensure_ascii=False)
                c.start, c.end = c.start + part.start, c.end + part.start
                chunks.append(c)
        return chunks

    @staticmethod
    def _sentence_refs(part: Part, chunk: Chunk) -> list[tuple[str, tuple[str, ...]]]:
        """Each sentence of ``chunk`` with the refs of the markers that cite it (found in ``part.text``
        from the chunk's start, so a sentence repeated elsewhere in the part is not confused)."""
        out, cursor = [], chunk.start
        for sent in split_sentences(chunk.text):
            at = part.text.find(sent, cursor)
            if at < 0:
                out.append((sent, ()))
                continue
            out.append((sent, part.refs_between(at, at + len(sent))))
            cursor = at + len(sent)
        return out


def strip_markers(text: str) -> str:
    """Text as a reader sees it: citation markers such as ``〔A〕`` removed."""
    return _MARKER.sub("", text)


def marker_refs(text: str) -> list[str]:
    """The refs named by the citation markers in ``text``, in order (``〔A、C〕`` → A, C)."""
    return [r for m in _MARKER.findall(text) for r in _REF_SPLIT.split(m.strip()) if r]


@dataclass(frozen=True)
class _RawPart:
    section: str
    basis: Basis
    raw: str  # with citation markers
    start: int
    stray_headings: tuple[str, ...]  # ### headings other than 经验建议 (not allowed)


def _raw_parts(body: str) -> list[_RawPart]:
    """Split a card body at ``##`` headings and at each section's ``### 经验建议`` heading."""
    out: list[_RawPart] = []
    section, basis, lines, stray, start, pos = "", "source", [], [], 0, 0
    for line in body.split("\n"):
        h2, h3 = _H2.match(line), _H3.match(line)
        if h2 or (h3 and h3.group(1).strip() == EXPERIENCE_HEADING):
            out.append(_RawPart(section, basis, "\n".join(lines), start, tuple(stray)))  # type: ignore[arg-type]
            section, basis = (h2.group(1).strip(), "source") if h2 else (section, "experience")
            lines, stray, start = [], [], pos + len(line) + 1
        else:
            if h3:
                stray.append(h3.group(1).strip())
            lines.append(line)
        pos += len(line) + 1
    out.append(_RawPart(section, basis, "\n".join(lines), start, tuple(stray)))  # type: ignore[arg-type]
    return [p for p in out if p.raw.strip() or p.stray_headings]


def _parse_body(body: str) -> list[Part]:
    """The parts of a card body, citation markers removed and the refs they named kept."""
    parts = []
    for rp in _raw_parts(body):
        text = re.sub(r"[ \t]+\n", "\n", strip_markers(rp.raw)).strip()
        if text:
            parts.append(Part(rp.section, rp.basis, text, tuple(dict.fromkeys(marker_refs(rp.raw))), rp.start,
                              _segments(rp.raw, text)))
    return parts


def _cited_runs(raw: str) -> list[tuple[str, tuple[str, ...]]]:
    """``raw`` 资料 text as (text, refs) runs: a marker cites the text before it, back to the previous
    marker on the same line or to the line's start; text no marker closes has no refs."""
    runs: list[tuple[str, tuple[str, ...]]] = []
    for line in raw.split("\n"):
        pos = 0
        for m in _MARKER_RUN.finditer(line):
            text = line[pos:m.start()]
            lead = _TRAILING_PUNCT.match(text)
            if lead and runs and pos:  # "〔A〕。" — the full stop ends the text the marker cited
                runs[-1] = (runs[-1][0] + lead.group(0), runs[-1][1])
                text = text[lead.end():]
            runs.append((text, tuple(marker_refs(m.group(0)))))
            pos = m.end()
        tail = line[pos:]
        lead = _TRAILING_PUNCT.match(tail)
        if lead and pos and runs:
            runs[-1] = (runs[-1][0] + lead.group(0), runs[-1][1])
            tail = tail[lead.end():]
        runs.append((tail, ()))
    return runs


def _segments(raw: str, text: str) -> tuple[Segment, ...]:
    """Where each cited run of ``raw`` lies in ``text`` (the part's text, markers removed)."""
    out, cursor = [], 0
    for run, refs in _cited_runs(raw):
        run = run.strip()
        if not run or not refs:
            continue
        at = text.find(run, cursor)
        if at >= 0:
            out.append(Segment(at, at + len(run), refs))
            cursor = at + len(run)
    return tuple(out)


def _statements(text: str) -> list[str]:
    """The units a citation must cover: each list item, and each other paragraph (lead-ins ending in
    a colon excepted), in the raw 资料 text of one part."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current: list[str] = []
        for line in block.split("\n"):
            if not line.strip():
                continue
            if _LIST_ITEM.match(line) and current:
                units.append("\n".join(current))
                current = []
            current.append(line)
        if current:
            units.append("\n".join(current))
    return [u for u in units if strip_markers(u).strip() and not strip_markers(u).strip().endswith(("：", ":"))]


def provenance_problems(card: Card) -> list[str]:
    """What breaks the 资料/经验建议 conventions in ``card`` (Chinese, one line each; empty when sound)."""
    problems: list[str] = []
    known = {s.ref for s in card.sources}
    used: set[str] = set()
    for rp in _raw_parts(card.body):
        where = f"{card.id} › {rp.section or '（开头）'}"
        problems += [f"{where}：不认识的三级标题“{h}”（只允许“### {EXPERIENCE_HEADING}”）" for h in rp.stray_headings]
        refs = marker_refs(rp.raw)
        used.update(refs)
        problems += [f"{where}：引用标记〔{r}〕在 sources 里没有对应的 ref" for r in dict.fromkeys(refs) if r not in known]
        if rp.basis == "experience":
            if refs:
                problems.append(f"{where}：经验建议里不应出现资料引用标记（{'、'.join(refs)}）")
            continue
        for unit in _statements(rp.raw):
            if not marker_refs(unit):
                snippet = strip_markers(unit).strip().replace("\n", " ")[:30]
                problems.append(f"{where}：资料陈述没有标注出处：“{snippet}…”")
    headings = card.sections()
    for old_heading, new in card.section_aliases.items():
        if new not in headings:
            problems.append(f"{card.id}：section_aliases 把“{old_heading}”指向不存在的小节“{new}”")
        if old_heading in headings:
            problems.append(f"{card.id}：section_aliases 里的旧标题“{old_heading}”仍是现有小节")
    for src in card.sources:
        if src.ref not in used:
            problems.append(f"{card.id}：sources 里的 {src.ref}（{src.locator()}）在正文里没有被引用")
    if not any(p.basis == "source" for p in card.parts()):
        problems.append(f"{card.id}：没有任何资料内容")
    return problems


class CardError(ValueError):
    pass


def load_card(path: Path) -> Card:
    try:
        post = frontmatter.loads(path.read_text(encoding="utf-8"))
    except Exception as exc:
        raise CardError(f"{path.name}：文件头无法解析（{exc}）") from exc
    try:
        return Card(**post.metadata, body=post.content.strip(), path=str(path))
    except ValidationError as exc:
        key, reason = zh_problems(exc)[0]
        raise CardError(f"{path.name}：{key} {reason}") from exc


@lru_cache(maxsize=4)
def _load_cards(cards_dir: Path, stamp: tuple[tuple[str, float], ...]) -> tuple[Card, ...]:
    cards = [load_card(Path(p)) for p, _ in stamp]
    ids = [c.id for c in cards]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise CardError(f"知识卡片 id 重复：{', '.join(sorted(dupes))}")
    return tuple(cards)


def cards_stamp(knowledge_dir: Path) -> tuple[tuple[str, float], ...]:
    """(path, mtime) of every card file: a cache key that changes when any card changes."""
    return tuple((str(p), p.stat().st_mtime) for p in sorted((knowledge_dir / "cards").glob("*.md")))


def load_cards(knowledge_dir: Path) -> list[Card]:
    """All cards under ``knowledge_dir/cards`` (cached until a file changes)."""
    cards_dir = knowledge_dir / "cards"
    return list(_load_cards(cards_dir, cards_stamp(knowledge_dir)))


def cards_by_id(knowledge_dir: Path) -> dict[str, Card]:
    return {c.id: c for c in load_cards(knowledge_dir)}


@lru_cache(maxsize=4)
def _seed_titles(path: Path, mtime: float) -> dict[str, str]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise CardError(f"{path.name}：无法解析（{exc}）") from exc
    return {str(s["file"]): str(s["title"]) for s in data.get("seeds", []) if s.get("file") and s.get("title")}


def seed_titles(knowledge_dir: Path) -> dict[str, str]:
    """Seed file name → the title readers see (``knowledge/seeds.yaml``); empty when the file is missing,
    and citations then fall back to file names."""
    path = knowledge_dir / "seeds.yaml"
    return dict(_seed_titles(path, path.stat().st_mtime)) if path.exists() else {}


def card_titles(knowledge_dir: Path, ids: list[str]) -> list[str]:
    """The cards' titles for their ids, as an operator reads them (an unknown id stays as written)."""
    cards = cards_by_id(knowledge_dir)
    return [cards[i].title if i in cards else i for i in ids]
