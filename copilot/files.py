"""Files as operators hand them to us, and files we write so nobody ever sees half of one.

Reading: chat exports, profiles, documents and request bodies come from Windows machines and old bot
frameworks, so GBK/GB18030, BOMs and UTF-16 are normal; :func:`decode_bytes` is the one decoder and
raises :class:`UnreadableFile` with a Chinese message naming the file. Writing: :func:`atomic_write`
is the one way the copilot replaces a file (notes, profiles, manifests, models, reports, registries):
a uniquely named temp file in the same directory, fsynced, then ``os.replace``, so two processes
writing at once never clobber each other's temp file and readers see the old file or the new one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from charset_normalizer import from_bytes

from copilot.textnorm import cjk_ratio

MAX_TEXT_FILE_BYTES = 20 * 1024 * 1024
# C0 control bytes other than tab, line feed and carriage return: a text export holds almost none; a binary file
# (image, archive, Office document) has them in about one byte in eight
_CONTROLS = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D))
_CONTROL_CHARS = {b: "\ufffd" for b in _CONTROLS}
BINARY_SHARE = 0.02  # more control bytes than this share of the first 8 KB: a binary file, not a damaged text
# a text with some damaged bytes (a stray byte, a few junk bytes in the middle) is read with U+FFFD in their place when
# its encoding still reads the rest: UTF-8 when its well-formed non-ASCII characters outnumber the bad bytes this many
# times over (GBK read as UTF-8 gives about one readable character to four bad bytes), GB18030 when at most this share
# of its characters (or this many, in a short file) are bad
UTF8_READABLE_PER_BAD = 2
GB_BAD_SHARE = 0.01
GB_BAD_MIN = 4
# a text that decodes as GB18030 with fewer common characters than this share is tried as Big5-HKSCS, which is taken
# when it reads this much better (see _big5_instead; real text ~0.9–1.0 either way, the wrong codec ~0.3–0.5)
USUAL_SHARE_MIN = 0.8
BIG5_BETTER_BY = 0.25


class UnreadableFile(ValueError):
    """A file or body that cannot be read as text; the Chinese message says which and why."""


def decode_bytes(data: bytes, name: str = "") -> str:
    """Decode bytes of unknown encoding (UTF-8, UTF-8-BOM, UTF-16 with BOM, GBK/GB18030, Big5…)."""
    return decode_labelled(data, name)[0]


def decode_labelled(data: bytes, name: str = "") -> tuple[str, str]:
    """:func:`decode_bytes` and the name of the encoding it read the bytes in (utf-8, gb18030, big5hkscs…)."""
    label = name or "输入"
    if not data.strip():
        raise UnreadableFile(f"{label}：文件为空")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, label), "utf-16"
    if looks_binary(data):
        raise UnreadableFile(f"{label}：看起来是二进制文件，不是文本")
    utf8 = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        return _without_controls(data.decode("utf-8-sig")), utf8
    except UnicodeDecodeError:
        pass
    # a UTF-8 export with a stray byte stays UTF-8 (read as GB18030 it would decode, as nonsense)
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, utf8
    # GB18030 is a superset of GBK/GB2312 and the usual encoding of Windows Chinese exports:
    # try it before asking the detector, which can confuse short GBK text with other code pages.
    try:
        text = data.decode("gb18030")
        if cjk_ratio(text) > 0.2:
            return _big5_instead(data, text)
    except UnicodeDecodeError:
        text = data.decode("gb18030", "replace")  # a GBK export with a few damaged bytes
        if damaged_chars(text) <= max(GB_BAD_MIN, GB_BAD_SHARE * len(text)) and cjk_ratio(text) > 0.2:
            return _big5_instead(data, text)
    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile(f"{label}：无法识别文件编码（不是 UTF-8/GBK/GB18030 文本？）")
    return _without_controls(str(best)), best.encoding


def _big5_instead(data: bytes, gb_text: str) -> tuple[str, str]:
    """A Big5/Big5-HKSCS export (Taiwan, Hong Kong: LINE, old QQ) mostly decodes as GB18030 too, as nonsense — kana,
    Greek letters, box-drawing pieces and rare characters ("ぃ砏﹚┮Τ"). When the GB18030 reading has few of the
    characters Chinese text is made of (:func:`usual_share`) and the Big5-HKSCS reading has many more, that one is
    the file; a GBK text read as Big5 is the same kind of nonsense, so real GBK keeps its reading."""
    gb = usual_share(gb_text)
    if gb < USUAL_SHARE_MIN:
        big5 = data.decode("big5hkscs", "replace")
        if damaged_chars(big5) <= max(GB_BAD_MIN, GB_BAD_SHARE * len(big5)) and usual_share(big5) >= gb + BIG5_BETTER_BY:
            return _without_controls(big5), "big5hkscs"
    return _without_controls(gb_text), "gb18030"


def usual_share(text: str, sample: int = 8000) -> float:
    """Of the first ``sample`` characters of ``text`` that are not ASCII, the share Chinese text is mostly made of: the
    common characters of either script (GB2312 level 1, Big5 level 1) and CJK/full-width punctuation. Real text in
    either script reads ~0.9–1.0; a file decoded with the wrong one of GB18030 and Big5 reads ~0.3–0.5."""
    seen = usual = 0
    for c in text[:sample]:
        if c.isascii():
            continue
        seen += 1
        usual += _usual_char(c)
    return usual / seen if seen else 1.0


def _usual_char(c: str) -> bool:
    o = ord(c)
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E or c in "“”‘’…—·":
        return True
    for codec, low, high in (("gb2312", 0xB0A1, 0xD7FE), ("big5", 0xA440, 0xC67E)):
        try:
            b = c.encode(codec)
        except UnicodeEncodeError:
            continue
        if len(b) == 2 and low <= (b[0] << 8 | b[1]) <= high:
            return True
    return False


def looks_binary(data: bytes) -> bool:
    """More control bytes in the first 8 KB than :data:`BINARY_SHARE` of them (a NUL or a few junk bytes in a text
    export are damage, not a binary file)."""
    head = data[:8192]
    return len(head) - len(head.translate(None, _CONTROLS)) > BINARY_SHARE * len(head)


def _without_controls(text: str) -> str:
    """Control characters (a damaged export's junk bytes) as U+FFFD, which the readers report as unreadable."""
    return text.translate(_CONTROL_CHARS)


def _lenient_utf8(data: bytes, codec: str = "utf-8") -> tuple[str, int, int]:
    """``data`` read as UTF-8 with U+FFFD for its bad bytes, how many bad bytes, and how many well-formed non-ASCII
    characters: what tells a damaged UTF-8 text from one written in GBK (read as UTF-8, nearly all bad bytes)."""
    text = data.decode(codec, "replace")
    bad = damaged_chars(text)
    return text, bad, sum(1 for c in text if not c.isascii()) - bad


def _damaged_utf8(data: bytes) -> str | None:
    """``data`` read as UTF-8 with U+FFFD for its bad bytes, when its well-formed non-ASCII characters outnumber them
    :data:`UTF8_READABLE_PER_BAD` times over; else None."""
    text, bad, readable = _lenient_utf8(data, "utf-8-sig")
    return _without_controls(text) if readable >= UTF8_READABLE_PER_BAD * bad else None


def damaged_chars(text: str) -> int:
    """How many characters of a decoded text stand for bytes that could not be read (U+FFFD)."""
    return text.count("\ufffd")


def _decode_utf16(data: bytes, label: str) -> str:
    """A file that starts with a UTF-16 byte-order mark (Windows Notepad's "Unicode"): a truncated or
    binary file behind the mark is refused with the file named, never a traceback."""
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(
            f"{label}：以 UTF-16 标记开头，但第 {exc.start} 字节处内容不完整或不是文本（文件被截断或不是聊天记录？）"
        ) from exc


def decode_record(line: bytes) -> str:
    """One record (a line of a file, a hook's request body) that declares no encoding: a damaged UTF-8 line (a truncated
    nickname, one stray byte) keeps its readable characters, with U+FFFD for the bad bytes; a line
    with no more readable UTF-8 than bad bytes was written in GBK/GB18030."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient, bad, readable = _lenient_utf8(line)
    return lenient if readable >= bad else line.decode("gb18030", "replace")


def decode_lines(data: bytes, name: str = "") -> list[str]:
    """The records of a line-based file (JSON Lines, ``text==1`` lines), each decoded on its own.

    One invalid byte must not re-decode the whole file in another encoding (an ad written in UTF-8
    would come out as mojibake and pass). Records are split on ``\n`` only, never on U+2028, U+0085 or
    other characters that ``str.splitlines`` treats as line ends and JSON allows inside strings; a
    trailing ``\r`` is dropped.
    """
    label = name or "输入"
    if not data.strip():
        raise UnreadableFile(f"{label}：文件为空")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        lines = _decode_utf16(data, label).split("\n")
    elif looks_binary(data):
        raise UnreadableFile(f"{label}：看起来是二进制文件，不是文本")
    else:
        lines = [decode_record(raw) for raw in data.removeprefix(b"\xef\xbb\xbf").split(b"\n")]
    return [line.removesuffix("\r") for line in lines]


def read_text_file(path: Path, *, max_bytes: int = MAX_TEXT_FILE_BYTES) -> str:
    """Read a text file of unknown encoding, with size, permission and binary checks."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise UnreadableFile(f"{path}：文件过大（{size // 1024 // 1024} MB，上限 {max_bytes // 1024 // 1024} MB）")
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"{path}：无法读取（{exc.strerror or exc}）") from exc
    return decode_bytes(data, str(path))


def _umask() -> int:
    """The process umask, read without changing it where /proc allows (os.umask is racy in threads)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write ``data`` so readers see the old file or the whole new one, never a partial one.

    The temp file is ``.<name>.<random>.tmp`` beside the target (same file system, so ``os.replace``
    is atomic; hidden, so a crash never leaves a visible half-written file). ``mkstemp`` creates
    0600 files; the result gets the mode an ordinary ``open`` would give (0666 minus the umask), or
    keeps the mode of the file it replaces, so outputs stay shareable.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def modified_at(path: Path | str) -> float | None:
    """The file's modification time, or None when there is no such file: one ``stat``, for loaders that
    cache by (path, mtime) so a file rewritten since the last call is read again at once."""
    try:
        return os.stat(path).st_mtime
    except (FileNotFoundError, NotADirectoryError):
        return None
