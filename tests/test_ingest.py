"""Ingestion: encodings, formats, boilerplate, mojibake, bad files skipped with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from copilot.files import UnreadableFile, decode_bytes, decode_lines
from copilot.knowledge.chunking import chunk_text, split_sections
from copilot.knowledge.ingest import IngestError, clean_text, fix_mojibake, is_web_chrome, load_document
from copilot.tokens import count_tokens

ARTICLE = """# 读书会怎么做分享

## 分享前
主讲人提前三天把提纲发给主持人，主持人在群里预告时间和主题。

## 分享中
主持人开场介绍嘉宾，分享过程中请大家不要插话，有问题先记下来，最后统一提问。

## 分享后
当晚整理文字版，标注主讲人和时间，发到群里和公众号，方便没赶上的人回看。
"""


def test_decode_utf8_bom_gbk_and_utf16() -> None:
    text = "群規：禁止发广告，违者移出群聊。"
    assert decode_bytes(("\ufeff" + text).encode("utf-8")) == text
    assert decode_bytes(text.encode("gb18030")) == text
    assert decode_bytes(text.encode("utf-16")) == text


def test_decode_rejects_empty_and_binary() -> None:
    with pytest.raises(UnreadableFile, match="为空"):
        decode_bytes(b"   \n", "a.txt")
    with pytest.raises(UnreadableFile, match="二进制"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "b.txt")


def test_a_truncated_or_binary_file_behind_a_utf16_mark_is_refused_by_name() -> None:
    # Notepad's "Unicode" export cut off mid-character, and a binary blob that happens to start with FF FE.
    cut = "群主：今晚八点开会".encode("utf-16")[:-1]
    blob = b"\xff\xfe\x00\x01binary\x00"
    for data in (cut, blob):
        with pytest.raises(UnreadableFile, match="导出.txt：以 UTF-16 标记开头"):
            decode_bytes(data, "导出.txt")
        with pytest.raises(UnreadableFile, match="消息.jsonl：以 UTF-16 标记开头"):
            decode_lines(data, "消息.jsonl")
    assert decode_lines('{"text": "早"}\n{"text": "好"}'.encode("utf-16"), "消息.jsonl") == ['{"text": "早"}', '{"text": "好"}']


def test_pinyin_mojibake_and_boilerplate_are_removed() -> None:
    assert fix_mojibake("社群運(yùn)營(yíng)要有定位") == "社群運營要有定位"
    raw = "首页 > 干货\n点击上方蓝字关注我们\n社群要先想清楚为谁服务。\n版权声明：转载请注明出处\n<p>群名要短</p>"
    cleaned = clean_text(raw)
    assert "社群要先想清楚为谁服务。" in cleaned
    assert "群名要短" in cleaned and "<p>" not in cleaned
    assert "点击" not in cleaned and "版权" not in cleaned and "首页" not in cleaned


def test_web_chrome_lines_go_and_the_article_s_own_short_lines_stay() -> None:
    # a page copied from a WeChat article or a forum: its toolbar, counters, breadcrumb, footer and "read next" lines
    chrome = ["返回 下载 相关 举报", "点击查看更多>>", "展开阅读全文", "当前位置：首页 > 运营干货 > 社群",
              "首页 » 社群运营", "点击上方蓝字关注我们", "赞 3", "评论 128", "阅读 1.2万", "上一篇：群冷启动的三个步骤",
              "猜你喜欢", "推薦閱讀：", "版權聲明：本文為原創，轉載請註明出處", "Copyright © 2024 运营笔记", "2023 © 某某社区"]
    # the article's own short lines that share a word with the page's buttons: kept (the old filter dropped the
    # first nine, since 举报 / 注册 / 点击 / 扫一扫 / 登录 / 收藏 / 关注公众号 / 评论 / 赞 anywhere in a short line was chrome)
    article = ["发现广告及时举报给管理员", "新人注册后先看群规", "点击群名称进入群公告可以改群名", "让新人扫一扫群二维码入群",
               "登录后台看上周数据", "收藏率是内容质量的信号之一", "引导成员关注公众号", "每周评选最佳评论送小礼物",
               "这条朋友圈有28个赞", "發現廣告請及時舉報", "- 点赞数", "评论"]
    for line in chrome:
        assert is_web_chrome(line), line
    for line in article:
        assert not is_web_chrome(line), line
    cleaned = clean_text("\n".join(["# 群规怎么定", *chrome, *article, "群规要短，三到五条就够。"]))
    assert cleaned.split("\n") == ["# 群规怎么定", *article, "群规要短，三到五条就够。"]


def test_a_long_line_is_never_taken_for_chrome() -> None:
    # a whole paragraph that happens to start like a footer or a "read next" line is the article's
    line = "相关阅读材料我们放在群文件里：新人入群后先看群规，再看往期分享的整理稿，有问题在群里@管理员，不要私聊群主。"
    assert len(line) > 40 and clean_text(line) == line


def test_load_gbk_text_file(tmp_path: Path) -> None:
    p = tmp_path / "gbk.txt"
    p.write_bytes(ARTICLE.encode("gbk"))
    doc = load_document(p)
    assert doc.title == "读书会怎么做分享"
    assert "当晚整理文字版" in doc.text


def test_load_docx(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("社群活跃玩法", level=1)
    d.add_paragraph("每天早上八点发晨报，晚上九点做分享，形成固定节奏。")
    d.add_heading("打卡", level=2)
    d.add_paragraph("打卡任务要简单，一句话加一张图就能完成。")
    p = tmp_path / "play.docx"
    d.save(str(p))
    doc = load_document(p)
    assert "## 社群活跃玩法" in doc.text and "### 打卡" in doc.text
    assert "一句话加一张图" in doc.text


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.md", b"", "为空"),
        ("blob.txt", b"\x00\x01\x02\x03" * 100, "二进制"),
        ("fake.pdf", b"this is not a pdf at all", "PDF"),
        ("fake.docx", b"PK\x03\x04 broken zip", "docx"),
        ("image.png", b"\x89PNG", "不支持"),
    ],
)
def test_bad_files_raise_clear_errors(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(IngestError) as info:
        load_document(p)
    assert message in str(info.value)
    assert name in str(info.value)


def test_sections_keep_headings_and_offsets() -> None:
    sections = split_sections(ARTICLE)
    assert [s.heading for s in sections] == ["分享前", "分享中", "分享后"]
    for s in sections:
        assert ARTICLE[s.start : s.end].strip() == s.text


def test_plain_text_headings_are_detected() -> None:
    text = "一、定位\n先想清楚社群为谁服务，提供什么价值。\n二、群名\n群名要让人一眼看懂。"
    assert [s.heading for s in split_sections(text)] == ["一、定位", "二、群名"]


def test_long_sections_are_split_within_budget_with_overlap() -> None:
    sentences = [f"第{i}条建议：每周复盘一次群活跃度，记录发言人数和消息数，对比上周变化。" for i in range(40)]
    text = "## 复盘\n" + "".join(sentences)
    chunks = chunk_text(text, source="doc", max_tokens=120, overlap_tokens=40)
    assert len(chunks) > 3
    assert all(count_tokens(c.text) <= 120 for c in chunks)
    # consecutive chunks share at least one sentence (the overlap)
    for a, b in zip(chunks, chunks[1:]):
        assert any(s in a.text for s in sentences if s in b.text)
    assert all(c.section == "复盘" for c in chunks)
    # every sentence survives chunking
    joined = "".join(c.text for c in chunks)
    assert all(s in joined for s in sentences)


def test_chunk_ids_are_content_hashes() -> None:
    a = chunk_text(ARTICLE, source="x")
    b = chunk_text(ARTICLE, source="x")
    c = chunk_text(ARTICLE.replace("三天", "五天"), source="x")
    assert [x.id for x in a] == [x.id for x in b]
    assert a[0].id != c[0].id and a[1].id == c[1].id


def test_load_real_pdf_printed_by_chromium(tmp_path: Path) -> None:
    """A real PDF with Chinese text (printed by the test suite's Chromium), radicals repaired."""
    import shutil
    import subprocess

    page = tmp_path / "play.html"
    page.write_text('<html><head><meta charset="utf-8"></head><body><h1>社群活跃玩法</h1>'
                    "<p>每天早上八点发晨报，晚上九点做分享，形成固定节奏。</p></body></html>", encoding="utf-8")
    pdf = tmp_path / "play.pdf"
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    doc = load_document(pdf)
    assert "每天早上八点发晨报" in doc.text  # not the Kangxi radical ⼋ that pypdf extracts
    assert "社群活跃玩法" in doc.text


# --- hostile and broken inputs (issue 11) ---------------------------------------------------------------------
def _docx_bomb(path: Path, inflated_mb: int) -> None:
    """A zip named .docx whose one part inflates from a few KB to ``inflated_mb`` MB of zeros."""
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as part:
            block = b"\0" * (1024 * 1024)
            for _ in range(inflated_mb):
                part.write(block)


def test_a_docx_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    bomb = tmp_path / "社群运营手册.docx"
    _docx_bomb(bomb, 12)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(IngestError, match="压缩"):
        load_document(bomb)


def test_folders_are_walked_without_leaving_them(tmp_path: Path) -> None:
    from copilot.knowledge.ingest import find_documents

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("服务器密码清单", encoding="utf-8")
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "活动复盘.md").write_text("# 复盘\n每次活动后三天内写复盘，记录参与人数。", encoding="utf-8")
    (docs / "sub" / "群规.txt").write_text("群规：不发广告，不刷屏，友善交流。", encoding="utf-8")
    (docs / "link.txt").symlink_to(outside / "secret.txt")
    (docs / "sub" / "loop").symlink_to(docs, target_is_directory=True)
    files, skipped = find_documents([docs])
    assert sorted(f.name for f, _ in files) == ["活动复盘.md", "群规.txt"]
    assert any("link.txt" in s and "之外" in s for s in skipped)
    assert any("loop" in s and "不跟随" in s for s in skipped)


def test_an_unreadable_file_is_reported_and_the_index_stays_consistent(fresh_settings, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from copilot.knowledge.index import KnowledgeIndex

    docs = tmp_path / "docs"
    docs.mkdir()
    good = docs / "拉新.md"
    good.write_text("# 拉新\n老带新要给双方都有的小福利，比如共读一本书的名额。", encoding="utf-8")
    locked = docs / "内部.md"
    locked.write_text("# 内部\n只有管理员能看的运营数据。", encoding="utf-8")
    real_read = Path.read_bytes

    def denied(self: Path) -> bytes:  # the tests run as root, where chmod 000 is no obstacle
        if self.name == "内部.md":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    index = KnowledgeIndex(fresh_settings)
    report = index.add_paths([docs])
    assert any("内部.md" in s and "无法读取" in s for s in report.skipped)
    registry = json.loads((fresh_settings.index_dir / "sources.json").read_text(encoding="utf-8"))
    stored = {m["source"] for m in index.collection.get(where={"kind": "document"}, include=["metadatas"])["metadatas"]}
    assert set(v["source"] for v in registry.values()) == stored == {"拉新.md"}


# --- issue 11 re-test: loops, same names, links inside the folder, huge text --------------------------------
def _notes_folder(tmp_path: Path) -> Path:
    docs = tmp_path / "资料"
    for year, text in (("2024", "# 2024 复盘\n春节活动报名 120 人，到场 80 人，老带新占三成。"),
                       ("2025", "# 2025 复盘\n读书会改到周四晚上，每次只读一章，完读率明显提高。")):
        (docs / year).mkdir(parents=True)
        (docs / year / "notes.md").write_text(text, encoding="utf-8")
    return docs


def test_link_loops_and_links_inside_the_folder(tmp_path: Path) -> None:
    from copilot.knowledge.ingest import find_documents

    docs = _notes_folder(tmp_path)
    (docs / "a.md").symlink_to(docs / "b.md")
    (docs / "b.md").symlink_to(docs / "a.md")  # a → b → a
    (docs / "同一份.md").symlink_to(docs / "2024" / "notes.md")
    files, skipped = find_documents([docs])
    assert [s for _, s in files] == ["2024/notes.md", "2025/notes.md"]
    assert sum("链接循环" in s for s in skipped) == 2
    assert any("同一份.md" in s and "只索引一次" in s for s in skipped)


def test_same_named_files_in_two_folders_stay_apart(fresh_settings, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import json

    from copilot.knowledge.index import KnowledgeIndex

    docs = _notes_folder(tmp_path)
    index = KnowledgeIndex(fresh_settings)
    seen: list[int] = []
    report = index.add_paths([docs], progress=lambda i, n, p: seen.append(i))
    assert report.added == 2 and seen == [1, 2]
    (tmp_path / "另一个" / "2024").mkdir(parents=True)
    (tmp_path / "另一个" / "2024" / "notes.md").write_text("# 另一份\n群公告每周一早上更新一次，置顶三天。", encoding="utf-8")
    index.add_paths([tmp_path / "另一个"])  # another folder with a file of the same relative path
    registry_path = fresh_settings.index_dir / "sources.json"
    before = json.loads(registry_path.read_text(encoding="utf-8"))
    assert sorted(e["source"] for e in before.values()) == ["2024/notes.md", "2025/notes.md", "另一个/2024/notes.md"]
    for _ in range(2):  # a rebuild keeps every file under its own id
        index.build()
        assert json.loads(registry_path.read_text(encoding="utf-8")) == before
        hits = {h.source: h.text for h in index.search("读书会 完读率", k=5)}
        assert "完读率" in hits.get("2025/notes.md", "")


def test_a_huge_text_document_is_refused_with_a_reason(tmp_path: Path) -> None:
    big = tmp_path / "聊天全集.md"
    big.write_text("# 聊天全集\n" + "今天群里聊了新人欢迎和打卡规则。\n" * 16_000, encoding="utf-8")
    with pytest.raises(IngestError, match="拆分"):
        load_document(big)
