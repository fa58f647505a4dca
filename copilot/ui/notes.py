"""纪要 tab: upload one or many chat exports (or paste one), get notes previewed and downloadable (Markdown or zip)."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import NotesParseError, NotesResult, render_markdown, summarize_file, summarize_text
from copilot.notes.render import requested_script
from copilot.ui.downloads import downloads

Progress = Callable[..., object]


PASTED_NAME = "粘贴的聊天记录"


def _why(exc: Exception, path: Path) -> str:
    """The parser's message without the file name it starts with (the status line names the file once)."""
    text = str(exc)
    for prefix in (f"{path}：", f"{path.name}："):
        text = text.removeprefix(prefix)
    return text


def summarize_uploads(paths: list[str] | None, settings: Settings, progress: Progress | None = None,
                      pasted: str | None = None) -> tuple[str, list[str], str]:
    """Summarise uploaded exports and/or pasted chat text: (preview markdown, files to download, status).

    Each transcript is processed on its own: one that cannot be parsed is reported and the others go on.
    """

    sources: list[tuple[str, Callable[[], NotesResult]]] = []
    engine = get_engine(settings)
    if (pasted or "").strip():
        sources.append((PASTED_NAME, lambda: summarize_text(pasted or "", PASTED_NAME, settings, engine)))
    for raw in (p for p in (paths or []) if p):
        path = Path(raw)
        sources.append((path.name, lambda path=path: summarize_file(path, settings, engine)))
    if not sources:
        return "", [], "请先上传聊天记录导出文件（.txt / .json / .jsonl / .csv，UTF-8 或 GBK 均可），或把聊天记录粘贴进来。"
    out_dir: Path | None = None  # made at the first note written: a batch that fails whole leaves nothing behind
    previews: list[str] = []
    outputs: list[Path] = []
    problems: list[str] = []
    for i, (name, run) in enumerate(sources):
        if progress is not None:  # gr.Progress has __len__: an idle tracker is falsy
            progress((i, len(sources)), desc=f"整理 {name}")
        try:
            result = run()
        except NotesParseError as exc:
            problems.append(f"❌ {name}：{_why(exc, Path(name))}")
            continue
        except Exception as exc:  # one bad file never stops the batch or shows a traceback
            problems.append(f"❌ {name}：处理失败（{type(exc).__name__}）")
            continue
        # notes follow the transcript's own script unless the operator configured one
        md = render_markdown(result.notes, requested_script(settings), engine=result.engine, notice=result.notice)
        out_dir = out_dir or downloads().folder("notes")
        target = out_dir / f"{Path(name).stem}.md"
        target.write_text(md, encoding="utf-8")
        outputs.append(target)
        previews.append(md)
        if result.warnings:
            problems.append(f"⚠️ {name}：{len(result.warnings)} 行无法解析，已跳过（例如：{result.warnings[0]}）")
    files = [str(p) for p in outputs]
    if out_dir is not None and len(outputs) > 1:
        bundle = out_dir / "notes.zip"
        with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in outputs:
                zf.write(p, p.name)
        files.append(str(bundle))
    status = f"完成 {len(outputs)}/{len(sources)} 个。"
    if problems:
        status += "\n\n" + "\n\n".join(problems)
    preview = "\n\n---\n\n".join(previews) if previews else ""
    return preview, files, status
