"""纪要 tab: upload one or many chat exports, get notes previewed and downloadable (Markdown or zip)."""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from copilot.config import Settings
from copilot.llm import get_engine
from copilot.notes import NotesParseError, render_markdown, summarize_file
from copilot.notes.render import requested_script

Progress = Callable[..., object]


def summarize_uploads(paths: list[str] | None, settings: Settings,
                      progress: Progress | None = None) -> tuple[str, list[str], str]:
    """Summarise uploaded exports: (preview markdown, files to download, status).

    Each file is processed on its own: a file that cannot be parsed is reported and the others go on.
    """

    paths = [p for p in (paths or []) if p]
    if not paths:
        return "", [], "请先上传聊天记录导出文件（.txt / .json / .jsonl / .csv，UTF-8 或 GBK 均可）。"
    engine = get_engine(settings)
    out_dir = Path(tempfile.mkdtemp(prefix="copilot-notes-"))
    previews: list[str] = []
    outputs: list[Path] = []
    problems: list[str] = []
    for i, raw in enumerate(paths):
        path = Path(raw)
        if progress:
            progress((i, len(paths)), desc=f"整理 {path.name}")
        try:
            result = summarize_file(path, settings, engine)
        except NotesParseError as exc:
            problems.append(f"❌ {path.name}：{exc}")
            continue
        except Exception as exc:  # one bad file never stops the batch or shows a traceback
            problems.append(f"❌ {path.name}：处理失败（{type(exc).__name__}）")
            continue
        # notes follow the transcript's own script unless the operator configured one
        md = render_markdown(result.notes, requested_script(settings), engine=result.engine, notice=result.notice)
        target = out_dir / f"{path.stem}.md"
        target.write_text(md, encoding="utf-8")
        outputs.append(target)
        previews.append(md)
        if result.warnings:
            problems.append(f"⚠️ {path.name}：{len(result.warnings)} 行无法解析，已跳过（例如：{result.warnings[0]}）")
    files = [str(p) for p in outputs]
    if len(outputs) > 1:
        bundle = out_dir / "notes.zip"
        with zipfile.ZipFile(bundle, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in outputs:
                zf.write(p, p.name)
        files.append(str(bundle))
    status = f"完成 {len(outputs)}/{len(paths)} 个文件。"
    if problems:
        status += "\n\n" + "\n\n".join(problems)
    preview = "\n\n---\n\n".join(previews) if previews else ""
    return preview, files, status
