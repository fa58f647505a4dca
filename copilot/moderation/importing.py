"""Reading a group's labelled history: what its admins deleted and kept, in the files they have.

Three formats, chosen by extension or sniffed from the first line:

* ``text==label`` lines (``.txt``), label 1 (deleted as an ad) or 0 (kept) — the format of public QQ-group ad sets;
* JSON Lines ``{"text": …, "label": …}`` with ok/off_topic/ad/spam/abuse, their Chinese names, or 1/0;
* CSV with ``text`` and ``label`` columns (or 文本/内容 and 标签/标注), UTF-8 or GBK.

A bad line never stops the import: it is reported with its line number and why, and skipped.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from copilot.files import UnreadableFile, decode_lines
from copilot.moderation.labels import Label, label_from_zh

FORMATS: tuple[str, ...] = ("auto", "eq", "jsonl", "csv")
MAX_TEXT = 4000
_TEXT_COLUMNS = ("text", "文本", "内容", "消息")
_LABEL_COLUMNS = ("label", "标签", "标注", "类别")


class HistoryFileError(ValueError):
    """The file as a whole cannot be read (missing, binary, no text/label columns …)."""


@dataclass
class Labelled:
    """The examples read from a file, and the lines that were skipped (line number, why)."""

    examples: list[tuple[str, Label]] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    format: str = ""

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for _, lab in self.examples:
            out[lab.value] = out.get(lab.value, 0) + 1
        return out


def parse_label(raw: object) -> Label | None:
    """1/0 (deleted/kept), a label value or its Chinese name; None when it is none of those."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int | float) and raw in (0, 1):
        return Label.AD if raw == 1 else Label.OK
    if not isinstance(raw, str):
        return None
    value = raw.strip().lower()
    if value in ("1", "0"):
        return Label.AD if value == "1" else Label.OK
    return label_from_zh(value)


def _check_text(text: object) -> str | None:
    """Why this text cannot be a training example, or None."""
    if not isinstance(text, str):
        return "text 不是字符串"
    if not text.strip():
        return "text 为空"
    if len(text) > MAX_TEXT:
        return f"text 超过 {MAX_TEXT} 字"
    return None


def _add(out: Labelled, lineno: int, text: object, raw_label: object) -> None:
    problem = _check_text(text)
    if problem:
        out.skipped.append((lineno, problem))
        return
    label = parse_label(raw_label)
    if label is None:
        out.skipped.append((lineno, f"标签 {raw_label!r} 看不懂（可用 1/0 或 ok/off_topic/ad/spam/abuse）"))
        return
    out.examples.append((str(text).strip(), label))


def _read_eq(text: str, out: Labelled) -> None:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        body, sep, label = line.strip().rpartition("==")
        if not sep:
            out.skipped.append((lineno, "没有“==标签”"))
            continue
        _add(out, lineno, body, label)


def _read_jsonl(text: str, out: Labelled) -> None:
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            out.skipped.append((lineno, f"不是合法 JSON（第 {exc.colno} 列）"))
            continue
        if not isinstance(obj, dict) or "text" not in obj or "label" not in obj:
            out.skipped.append((lineno, "需要 {\"text\": …, \"label\": …} 对象"))
            continue
        _add(out, lineno, obj["text"], obj["label"])


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    folded = [h.strip().lstrip("\ufeff").lower() for h in header]
    return next((folded.index(n) for n in names if n in folded), None)


def _read_csv(text: str, out: Labelled) -> None:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise HistoryFileError(f"CSV 读不出表头：{exc}") from None
    ti, li = _column(header, _TEXT_COLUMNS), _column(header, _LABEL_COLUMNS)
    if ti is None or li is None:
        raise HistoryFileError(f"CSV 表头需要 text 和 label 两列（或 文本/标签），实际是：{'、'.join(header)[:120]}")
    _read_csv_rows(text.split("\n"), reader.line_num, (ti, li), out)


def _read_csv_rows(lines: list[str], skip: int, columns: tuple[int, int], out: Labelled) -> None:
    """The data rows after the first ``skip`` physical lines. A quoted cell that is never closed swallows
    the lines after it into one row; such a row is reported and reading starts again on the next line,
    so one stray quote loses one line, not the rest of the file."""
    restart: int | None = skip
    while restart is not None:
        restart = _read_csv_from(lines, restart, columns, out)


def _read_csv_from(lines: list[str], skip: int, columns: tuple[int, int], out: Labelled) -> int | None:
    """Rows after line ``skip`` until the end (None) or a row with an unclosed quote (the line to restart at)."""
    ti, li = columns
    reader = csv.reader(io.StringIO("\n".join(lines[skip:])))
    while True:
        start = skip + reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return None
        except csv.Error as exc:
            out.skipped.append((start, f"CSV 格式错误：{exc}"))
            continue
        end = skip + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if end > start and (len(row) <= max(ti, li) or parse_label(row[li]) is None):
            out.skipped.append((start, f"引号没有闭合（一直读到第 {end} 行）；这一行跳过，从第 {start + 1} 行起重新读"))
            return start
        if len(row) <= max(ti, li):
            out.skipped.append((start, f"只有 {len(row)} 列"))
            continue
        _add(out, start, row[ti], row[li])


def _sniff(text: str) -> str:
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    if first.startswith("{"):
        return "jsonl"
    if "==" in first:
        return "eq"
    return "csv"


def read_labelled(path: Path, fmt: str = "auto") -> Labelled:
    """Every example in ``path``; bad lines go to ``skipped``. Raises :class:`HistoryFileError` when the
    file itself is unusable."""
    if fmt not in FORMATS:
        raise HistoryFileError(f"格式 {fmt!r} 不支持，可选：{' / '.join(FORMATS)}")
    if not path.is_file():
        raise HistoryFileError(f"找不到文件 {path}")
    try:
        text = "\n".join(decode_lines(path.read_bytes(), str(path)))  # per line: UTF-8 / BOM / UTF-16 / GBK
    except UnreadableFile as exc:
        raise HistoryFileError(str(exc)) from None
    if fmt == "auto":
        ext = path.suffix.lower()
        fmt = {".jsonl": "jsonl", ".json": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "eq"}.get(ext) or _sniff(text)
    out = Labelled(format=fmt)
    {"eq": _read_eq, "jsonl": _read_jsonl, "csv": _read_csv}[fmt](text, out)
    return out
