"""End to end in a real headless Chromium: start ``app.py``, drive each tab, save screenshots.

Chromium is Debian's package (installed by ``scripts/test-deps.sh``), driven by Playwright's Python
client with ``executable_path``; no browser is downloaded. Screenshots go to
``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from copilot.devtools.procs import free_port, wait_for_http
from copilot.paths import ROOT

pytestmark = pytest.mark.e2e

expect.set_options(timeout=30000)  # CI machines can be several times slower than a laptop

SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-quic",
    "--no-first-run", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def app_url(shared_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("e2e-data")
    shutil.copytree(shared_data_dir, data, dirs_exist_ok=True)
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COPILOT_", "OPENAI_"))}
    env.update(COPILOT_DATA_DIR=str(data), GRADIO_SERVER_PORT=str(port), COPILOT_LLM_PROVIDER="offline")
    log = open(data / "app.log", "w")  # noqa: SIM115 - the server process writes it until teardown
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    wait_for_http(url, proc, 90, log=data / "app.log")
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, app_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 950}, accept_downloads=True)
    pg = context.new_page()
    external: list[str] = []
    pg.on("request", lambda r: external.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
    pg.goto(app_url, wait_until="networkidle")
    # the page's load event refreshes the profile picker; acting before it lands would race it
    expect(pg.locator("#app-header")).to_contain_text("个群档案", timeout=60000)
    yield pg
    assert external == [], f"the page fetched from outside: {external}"
    context.close()


def shot(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_ask_a_question_and_see_a_citation(page) -> None:  # type: ignore[no-untyped-def]
    page.fill("#chat-input textarea", "群里老有人发广告怎么办")
    page.click("#chat-send")
    expect(page.locator("#chat-sources")).to_contain_text("生成引擎", timeout=60000)
    sources = page.inner_text("#chat-sources")
    assert "[1]" in sources and "moderation-offtopic" in sources
    assert "离线引擎" in sources
    assert "[1]" in page.inner_text("#chatbot")
    # the answer keeps its own sources under it (a collapsed message), also after a second question
    expect(page.locator("#chatbot")).to_contain_text("📚 来源", timeout=60000)
    page.fill("#chat-input textarea", "明天深圳会下雨吗")
    page.click("#chat-send")
    expect(page.locator("#chatbot")).to_contain_text("方法论资料没有覆盖这个问题", timeout=60000)
    chat = page.inner_text("#chatbot")
    assert "📚 来源" in chat and "资料未覆盖" in chat
    shot(page, "1-chat")


def _tab(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.get_by_role("tab", name=name).click()


def _profile_count(page) -> int:  # type: ignore[no-untyped-def]
    import re

    return int(re.search(r"已载入 (\d+) 个群档案", page.inner_text("#app-header")).group(1))


def test_create_a_profile_and_generate_names(page) -> None:  # type: ignore[no-untyped-def]
    _pick_profile(page, "山谷咖啡会员俱乐部")
    before = _profile_count(page)
    _tab(page, "群档案")
    page.click("#profile-new")
    # each click is a server round trip: wait for its answer before typing, or a slow answer
    # arriving later would overwrite what was typed
    expect(page.locator("#profile-status")).to_contain_text("填写档案名", timeout=60000)
    name = page.locator("#profile-name textarea, #profile-name input")
    name.fill("周末读书会")
    expect(name).to_have_value("周末读书会")
    editor = page.locator("#profile-editor .cm-content")
    good = ("name: ''\npositioning: 每周共读一本非虚构好书，为爱读书的上班族提供讨论和输出的地方\n"
            "topics: [读书, 共读, 非虚构, 书评]\ntype: 知识型\n")

    def type_profile(text: str) -> None:
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.press("Delete")
        page.keyboard.insert_text(text)

    # first a broken profile: nothing is saved and the current group stays selected
    type_profile(good + "tone: [\n")
    expect(editor).to_contain_text("tone: [")
    page.click("#profile-save")
    status = page.locator("#profile-status")
    expect(status).to_contain_text("未保存", timeout=60000)
    expect(page.locator("#profile-picker input")).to_have_value("山谷咖啡会员俱乐部")
    type_profile(good)
    expect(editor).not_to_contain_text("tone")
    page.click("#profile-save")
    expect(status).to_contain_text("已保存档案“周末读书会”", timeout=60000)
    expect(page.locator("#app-header")).to_contain_text(f"已载入 {before + 1} 个群档案")
    shot(page, "2-profiles")
    # the new profile is now the current one everywhere
    expect(page.locator("#profile-picker input")).to_have_value("周末读书会")
    _tab(page, "起草")
    page.get_by_label("群名", exact=True).check()
    page.click("#draft-run")
    expect(page.locator("#draft-checks")).to_contain_text("name.says_what", timeout=60000)
    drafts = page.input_value("#draft-output textarea")
    assert "读书" in drafts or "共读" in drafts or "书评" in drafts
    assert "✓ 通过" in page.inner_text("#draft-checks")
    shot(page, "3-drafting")


def _pick_profile(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.locator("#profile-picker input").click()
    page.get_by_role("option", name=name).click()
    expect(page.locator("#profile-picker input")).to_have_value(name)


def test_moderate_an_ad_and_see_it_flagged(page) -> None:  # type: ignore[no-untyped-def]
    _pick_profile(page, "考研英语每日打卡营")  # an example profile seeded at first start
    _tab(page, "审核")
    page.fill("#mod-input textarea", "小李：今天的阅读理解真题讲得真好\n推广号：➕薇 abc88990011 内部渠道低价代购，日结兼职")
    page.click("#mod-run")
    expect(page.locator("#mod-status")).to_contain_text("已审核 2 条", timeout=60000)
    table = page.inner_text("#mod-results")
    assert "广告" in table and "正常" in table
    shot(page, "4-moderation")


def test_upload_a_transcript_and_download_notes(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _tab(page, "纪要")
    fixture = Path(__file__).parent / "fixtures" / "notes" / "qq_share.txt"
    page.set_input_files("#notes-upload input[type=file]", str(fixture))
    expect(page.locator("#notes-upload")).to_contain_text("qq_share", timeout=60000)  # upload finished
    page.click("#notes-run")
    expect(page.locator("#notes-status")).to_contain_text("完成 1/1", timeout=60000)
    assert page.inner_text("#notes-preview").strip()
    with page.expect_download() as info:
        page.locator("#notes-download a").first.click()
    target = tmp_path / "notes.md"
    info.value.save_as(target)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# ") and "要点" in text or "问答" in text
    shot(page, "5-notes")


def test_eval_tab_shows_a_report(page) -> None:  # type: ignore[no-untyped-def]
    _tab(page, "评测")
    assert "评测" in page.inner_text("#eval-report")
    shot(page, "6-evals")
