"""The UI's download files live in one folder per process, pruned to the newest requests (no temp folder per click)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from copilot.config import Settings
from copilot.ui import downloads as dl
from copilot.ui import drafting, notes
from copilot.ui.app import seed_example_profiles

FIXTURES = Path(__file__).parent / "fixtures" / "notes"


@pytest.fixture
def shelf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dl.Downloads:
    made = dl.Downloads(tmp_path / "ui-downloads", keep=3)
    monkeypatch.setattr(dl, "_process", made)
    return made


def test_only_the_newest_request_folders_stay(tmp_path: Path) -> None:
    shelf = dl.Downloads(tmp_path / "d", keep=3)
    made = []
    for i in range(5):
        folder = shelf.folder("notes")
        (folder / f"第{i}份纪要.md").write_text("# 纪要\n", encoding="utf-8")
        made.append(folder)
    left = sorted(p for p in shelf.root.iterdir())
    assert left == made[2:]  # the two oldest went, in the order they were made
    assert all(not p.exists() for p in made[:2])
    assert (made[-1] / "第4份纪要.md").read_text(encoding="utf-8") == "# 纪要\n"
    shelf.clear()
    assert not shelf.root.exists()


def test_keep_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        dl.Downloads(tmp_path, keep=0)


def test_concurrent_requests_get_their_own_folders(tmp_path: Path) -> None:
    shelf = dl.Downloads(tmp_path / "d", keep=100)
    got: list[Path] = []
    lock = threading.Lock()

    def one() -> None:
        folder = shelf.folder("draft")
        with lock:
            got.append(folder)

    threads = [threading.Thread(target=one) for _ in range(24)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(got)) == 24 and all(p.is_dir() for p in got)


def test_one_process_folder_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dl, "_process", None)
    first = dl.downloads()
    assert dl.downloads() is first and first.root.name.startswith("copilot-ui-")


def test_notes_tab_writes_into_the_shelf_and_a_failed_batch_leaves_nothing(settings: Settings, shelf: dl.Downloads,
                                                                            tmp_path: Path) -> None:
    junk = tmp_path / "乱码导出.txt"
    junk.write_bytes(b"\x00\xff\x10" * 40)
    _, files, status = notes.summarize_uploads([str(junk)], settings)
    assert files == [] and "完成 0/1" in status
    assert not shelf.root.exists() or not any(shelf.root.iterdir())
    _, files, status = notes.summarize_uploads(
        [str(FIXTURES / "wechat_discussion.txt"), str(FIXTURES / "qq_share.txt")], settings)
    assert "完成 2/2" in status
    folders = list(shelf.root.iterdir())
    assert len(folders) == 1 and {Path(f).parent for f in files} == {folders[0]}
    assert sorted(Path(f).suffix for f in files) == [".md", ".md", ".zip"]


def test_many_drafts_do_not_pile_up(settings: Settings, shelf: dl.Downloads) -> None:
    seed_example_profiles(settings)
    paths = [drafting.run_draft("6月龄+宝宝辅食交流群", "群名", 3, 7, "活动通知", settings)[2] for _ in range(5)]
    assert all(p for p in paths)
    assert Path(paths[-1]).read_text(encoding="utf-8").startswith("# 6月龄+宝宝辅食交流群")
    assert len(list(shelf.root.iterdir())) == 3 and not Path(paths[0]).exists()
