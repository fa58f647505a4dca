"""Reading user documents into clean text: encodings, formats, web boilerplate and mojibake.

Operators paste in web copies and chat exports from Windows machines, so GBK/GB18030 files, BOMs,
site navigation lines and pinyin glosses such as ``運(yùn)營`` are normal input, not exceptions.
Every failure is an :class:`IngestError` with a Chinese message naming the file; callers skip the
file and carry on.
"""

from __future__ import annotations

import html
import logging
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from copilot.files import UnreadableFile, read_text_file
from copilot.paths import load_resource
from copilot.textnorm import cjk_ratio, fold

SUPPORTED_SUFFIXES = {".md", ".markdown", ".txt", ".docx", ".pdf"}
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024  # any one file, as stored
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # a .docx's parts once decompressed (a zip bomb stops here)
MAX_PACK_RATIO = 120  # a part that decompresses to over 120× its stored size is not a document
MAX_PDF_PAGES = 1000
MAX_TEXT_CHARS = 5_000_000  # text extracted from one PDF, before cleaning (extraction stops here)
MAX_DOCUMENT_CHARS = 200_000  # clean text of one document of any format (indexing runs ~500 chars/s on 2 cores)


class IngestError(UnreadableFile):
    """A file that cannot be ingested; the message says which file and why, in Chinese."""


@dataclass
class Document:
    """Clean text of one source plus where it came from."""

    text: str
    source: str
    title: str = ""
    meta: dict[str, object] = field(default_factory=dict)


# -- cleaning ---------------------------------------------------------------------------------
_PINYIN_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（]\s*[a-zA-Züǖǘǚǜāáǎàēéěèīíǐìōóǒòūúǔù]{1,7}\s*[)）]"
)
_HTML_TAG = re.compile(r"<[^>\n]{1,200}>")
_MOJIBAKE = re.compile("[ÃÂâ€][\x80-\xbf€™œ]|ï»¿|锟斤拷|�")
# PDF text extraction often yields Kangxi radicals (⼋ U+2F0B) instead of the ideographs (八).
_RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")


def fix_mojibake(text: str) -> str:
    """Remove pinyin glosses after characters and repair UTF-8 read as Latin-1 where possible."""
    text = _PINYIN_GLOSS.sub("", text)
    text = _RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), text)
    if _MOJIBAKE.search(text):
        try:
            repaired = text.encode("latin-1").decode("utf-8")
            if cjk_ratio(repaired) > cjk_ratio(text):
                text = repaired
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
        text = text.replace("锟斤拷", "").replace("\ufffd", "")
    return text


CHROME_LINE_CHARS = 40  # only a line this short can be a page's button, counter, breadcrumb or footer


@dataclass(frozen=True)
class _Chrome:
    opens: tuple[str, ...]
    anywhere: tuple[str, ...]
    home: re.Pattern[str]
    buttons: re.Pattern[str]
    counters: re.Pattern[str]
    residue_chars: int


@lru_cache(maxsize=1)
def _chrome() -> _Chrome:
    """``resources/retrieval/web_chrome.yaml``, folded as the lines it is matched against are."""
    spec = load_resource("retrieval/web_chrome.yaml")

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(fold(w)) for w in sorted(words, key=len, reverse=True))

    return _Chrome(
        opens=tuple(fold(w) for w in spec["opens"]),
        anywhere=tuple(fold(w) for w in spec["anywhere"]),
        home=re.compile(rf"^(?:{alternation(spec['home'])})\s*[{re.escape(spec['breadcrumb_marks'])}]"),
        buttons=re.compile(alternation(spec["buttons"])),
        counters=re.compile(alternation(spec["counters"])),
        residue_chars=int(spec["residue_chars"]),
    )


def is_web_chrome(line: str) -> bool:
    """Whether a short line of a copied web page is the page's, not the article's: a line opening with a chrome word
    (上一篇、版权声明、当前位置), a footer (©), a breadcrumb (首页 > 干货), or a line made of buttons and counters only
    (点击查看更多>>、返回 下载 相关 举报、赞 3) — where a toolbar's word alone is a word of the text (「评论」 stays)."""
    chrome = _chrome()
    text = fold(line).strip()
    body = text.lstrip("#>-*·•|:：、 \t")
    if body.startswith(chrome.opens) or any(w in text for w in chrome.anywhere) or chrome.home.match(body):
        return True
    buttons = len(chrome.buttons.findall(text))
    rest, counters = chrome.counters.subn("", chrome.buttons.sub("", text))
    residue = re.sub(r"[\W\d_]+", "", re.sub(r"\d+(?:\.\d+)?[万千kw]?", "", rest))
    if len(residue) > chrome.residue_chars or not (buttons or counters):
        return False
    return bool(buttons) or counters >= 2 or bool(re.search(r"\d", text))


def clean_text(text: str) -> str:
    """Strip HTML remnants, short boilerplate lines and mojibake; normalise line breaks."""
    text = html.unescape(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _HTML_TAG.sub("", text)
    text = fix_mojibake(text)
    lines = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and len(stripped) <= CHROME_LINE_CHARS and is_web_chrome(stripped):
            continue
        lines.append(line.rstrip())
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return cleaned.strip()


# -- formats ----------------------------------------------------------------------------------
def _check_zip(path: Path) -> None:
    """Refuse a .docx whose parts would decompress to a bomb, before any XML parser sees them."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise IngestError(f"{path}：不是有效的 .docx 文件（{type(exc).__name__}）") from exc
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED_BYTES:
        raise IngestError(f"{path}：解压后有 {total // 1024 // 1024} MB（上限 {MAX_UNPACKED_BYTES // 1024 // 1024} MB），"
                          "不像是普通文档，已跳过")
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > MAX_PACK_RATIO * max(i.compress_size, 1):
            raise IngestError(f"{path}：其中的 {i.filename} 压缩比异常（{i.file_size // max(i.compress_size, 1)} 倍），"
                              "疑似压缩炸弹，已跳过")


def _read_docx(path: Path) -> str:
    import docx  # noqa: PLC0415 - python-docx (lxml) only when a .docx is added

    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several types for corrupt files
        raise IngestError(f"{path}：不是有效的 .docx 文件（{type(exc).__name__}）") from exc
    out = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name or "").lower() if para.style is not None else ""
        if style.startswith("heading") or style.startswith("标题"):
            level = re.findall(r"\d", style)
            out.append("#" * (int(level[0]) + 1 if level else 2) + " " + text)
        else:
            out.append(text)
    return "\n\n".join(out)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader  # noqa: PLC0415 - pypdf only when a .pdf is added
    from pypdf.errors import PdfReadError  # noqa: PLC0415 - as above

    # pypdf logs its own English warnings for broken files; our IngestError already says what happened
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    try:
        reader = PdfReader(str(path))
        if len(reader.pages) > MAX_PDF_PAGES:
            raise IngestError(f"{path}：有 {len(reader.pages)} 页（上限 {MAX_PDF_PAGES} 页），请拆分后再加入")
        pages: list[str] = []
        used = 0
        for page in reader.pages:  # pypdf caps what one compressed stream may inflate to
            text = page.extract_text() or ""
            used += len(text)
            if used > MAX_TEXT_CHARS:
                raise IngestError(f"{path}：提取出的文字超过 {MAX_TEXT_CHARS // 10000} 万字，已跳过")
            pages.append(text)
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise IngestError(f"{path}：无法解析 PDF（{type(exc).__name__}）") from exc
    return "\n\n".join(pages)


def _walk(p: Path, skipped: list[str]) -> list[tuple[Path, str]]:
    """The supported files under folder ``p`` with their source ids (path relative to ``p``)."""
    root = p.resolve()
    found: list[tuple[Path, str]] = []

    def unreadable(exc: OSError) -> None:
        skipped.append(f"{exc.filename}：目录无法读取（{exc.strerror or exc}），已跳过")

    for folder, dirs, names in os.walk(p, onerror=unreadable, followlinks=False):
        dirs.sort()
        for d in [d for d in dirs if os.path.islink(os.path.join(folder, d))]:
            skipped.append(f"{os.path.join(folder, d)}：是指向其他目录的链接，不跟随")
        for name in sorted(names):
            f = Path(folder, name)
            if f.suffix.lower() not in SUPPORTED_SUFFIXES or name.startswith("."):
                continue
            if f.is_symlink():
                try:
                    target = f.resolve(strict=True)
                except (OSError, RuntimeError):  # a loop (a → b → a) or a dangling link
                    skipped.append(f"{f}：链接循环或指向不存在的文件，已跳过")
                    continue
                if not target.is_relative_to(root):
                    skipped.append(f"{f}：链接指向目录之外（{target}），不跟随")
                    continue
            found.append((f, f.relative_to(p).as_posix()))
    return found


def find_documents(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[str]]:
    """The documents to ingest under ``paths`` (files, or folders walked recursively) with their source
    ids, and why others were passed over.

    A folder walk never leaves the folder: symbolic links that point outside it (a link to
    /etc/passwd among the notes) are skipped, linked folders are not entered and link loops are
    reported (no loops). Folders that cannot be read are reported, not silently missed. A file in a
    folder is known by its path inside the folder (``2024/notes.md`` and ``2025/notes.md`` are two
    sources), a loose file by its name; a file reached twice (a link to a file in the same folder)
    is indexed once, as the real file.
    """
    found: list[tuple[Path, str]] = []
    skipped: list[str] = []
    for p in map(Path, paths):
        found += _walk(p, skipped) if p.is_dir() else [(p, p.name)]
    files: list[tuple[Path, str]] = []
    seen: dict[Path, Path] = {}
    for f, source in sorted(found, key=lambda fs: fs[0].is_symlink()):  # real files before links to them
        try:
            real = f.resolve()
        except (OSError, RuntimeError):
            real = f
        if real in seen:
            skipped.append(f"{f}：与 {seen[real]} 是同一个文件，只索引一次")
            continue
        seen[real] = f
        files.append((f, source))
    return files, skipped


def load_document(path: str | Path, source: str | None = None) -> Document:
    """Read ``.md/.txt/.docx/.pdf`` into a cleaned :class:`Document`, or raise :class:`IngestError`.

    ``source``: the id its passages are stored under (default: the file name)."""
    p = Path(path)
    if not p.is_file():
        raise IngestError(f"{p}：文件不存在")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise IngestError(f"{p}：无法读取（{exc.strerror or exc}）") from exc
    if size > MAX_DOCUMENT_BYTES:
        raise IngestError(f"{p}：文件过大（{size // 1024 // 1024} MB，上限 {MAX_DOCUMENT_BYTES // 1024 // 1024} MB）")
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(f"{p}：不支持的文件类型 {suffix or '(无后缀)'}，支持 .md/.txt/.docx/.pdf")
    if suffix == ".docx":
        raw = _read_docx(p)
    elif suffix == ".pdf":
        raw = _read_pdf(p)
    else:
        try:
            raw = read_text_file(p)
        except UnreadableFile as exc:
            raise IngestError(str(exc)) from None
    text = clean_text(raw)
    if len(text) > MAX_DOCUMENT_CHARS:
        raise IngestError(f"{p}：正文 {len(text) // 10000} 万字，超过单个文件上限 {MAX_DOCUMENT_CHARS // 10000} 万字"
                          "（建索引太慢），请拆分成几个文件再加入")
    if len(text) < 10:
        raise IngestError(f"{p}：清洗后没有可用正文")
    if cjk_ratio(text) < 0.05 and len(re.findall(r"[A-Za-z]{2,}", text)) < 20:
        raise IngestError(f"{p}：内容看起来是乱码或非文本")
    title = p.stem
    m = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    if m:
        title = m.group(1).strip()
    return Document(text=text, source=source or p.name, title=title, meta={"path": str(p.resolve())})
