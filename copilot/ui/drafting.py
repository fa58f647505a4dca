"""起草 tab: names / intro / rules / welcome / topics / copy for the chosen profile, with rule checks."""

from __future__ import annotations

from copilot.agents import DraftError, DraftResult, draft
from copilot.agents.base import narrowed
from copilot.agents.render import member_text, operator_note
from copilot.config import Settings
from copilot.knowledge.cards import card_titles
from copilot.knowledge.rules import RuleBook, load_rules
from copilot.llm import engine_label, get_engine
from copilot.profile import ProfileError
from copilot.ui.downloads import downloads
from copilot.ui.profiles import store

KINDS = {"群名": "name", "群介绍/公告": "intro", "群规": "rules", "入群欢迎语": "welcome", "每日话题日历": "topics", "文案": "copy"}
COPY_KINDS = {"活动通知": "activity", "促销": "promotion", "朋友圈": "moments", "公告": "notice"}


def rule_statement(book: RuleBook, rule_id: str) -> str:
    """The rule's own Chinese statement, its first clause (the rest explains how it is checked)."""
    try:
        return book.get(rule_id).statement.split("；")[0].strip()
    except KeyError:
        return ""


def checks_markdown(result: DraftResult, book: RuleBook, cited: list[str]) -> str:
    """Rule checks as a Markdown table: what the rule says (and its id), pass/fail, reason; ``cited`` are
    the titles of the cards the draft drew on."""
    rows = ["| 规则 | 结果 | 说明 |", "|---|---|---|"]
    for c in result.checks:
        reason = str(c.reason).replace("|", "｜").replace("\n", " ")
        said = rule_statement(book, c.rule_id).replace("|", "｜")
        rows.append(f"| {said}<br>`{c.rule_id}`{c.basis_tag()} | {c.mark()} | {reason} |")
    cards = "、".join(f"《{t}》" for t in cited) or "无"  # cited: the cards' titles, not their file names
    head = f"**生成引擎：** {engine_label(result.engine)}　**引用卡片：** {cards}"
    if result.notice:
        head += f"\n\n> ⚠ {result.notice}"
    return head + "\n\n" + "\n".join(rows)


def run_draft(profile_name: str | None, kind_label: str, n: float, days: float, copy_label: str,
              settings: Settings, round_: int = 0) -> tuple[str, str, str | None]:
    """Generate one kind of draft: (plain text for copying, checks markdown, exported .md path).

    ``round_`` > 0 is a regeneration. A model gives new drafts by itself; the offline composer is
    deterministic, so for kinds with several candidates it is asked for more and the ones not shown
    before are returned, and when it has no others left the page says so.
    """
    if not profile_name:
        return "", "❌ 请先在页面顶部选择一个群档案（或在“群档案”页新建）。", None
    kind = KINDS.get(kind_label)
    if kind is None:
        return "", f"❌ 未知的起草类型：{kind_label}", None
    try:
        profile = store(settings).load(profile_name)
    except ProfileError as exc:
        return "", "❌ " + str(exc).replace("\n", "  \n"), None
    engine = get_engine(settings)
    want = int(n)
    offline_again = engine.is_offline and round_ > 0
    options: dict[str, object] = {}
    if kind in {"name", "welcome", "copy"}:
        options["n"] = want * (round_ + 1) if offline_again else want
    if kind == "topics":
        options["days"] = int(days)
    if kind == "copy":
        options["kind"] = COPY_KINDS.get(copy_label, "activity")
    try:
        result = draft(kind, profile, engine, **options)
    except DraftError as exc:
        return "", f"❌ {exc}", None
    except Exception as exc:  # never a stack trace in the page
        return "", f"❌ 生成失败（{type(exc).__name__}），请稍后重试。", None
    extra = ""
    if offline_again:
        several = kind in {"name", "welcome", "copy"}
        fresh = result.drafts[want * round_:] if several else []
        if several:  # checked again: the counts must be about the drafts shown
            shown = fresh[:want] or result.drafts[:want]
            result = narrowed(result, shown, profile, settings, {**options, "n": want})
        if not fresh:
            extra = "离线引擎已给出这份档案能组合出的全部版本；配置模型接口后，“重新生成”会写出新的版本。"
    # already in the output script, with the operator's own strings kept as written; the copy box
    # holds only what members read, the operator's notes go beside the checks
    text = member_text(result).rstrip()
    notes = operator_notes_markdown(result)
    book = load_rules(settings.knowledge_dir)
    cited = card_titles(settings.knowledge_dir, result.citations)
    checks = notes + checks_markdown(result, book, cited) + (f"\n\n> ℹ {extra}" if extra else "")
    out = downloads().folder("draft") / f"{profile_name}-{kind}.md"
    out.write_text(f"# {profile_name} · {kind_label}\n\n## 发到群里的文字\n\n{text}\n\n{notes}"
                   f"## 规则检查\n\n{checks_markdown(result, book, cited)}\n", encoding="utf-8")
    return text, checks, str(out)


def operator_notes_markdown(result: DraftResult) -> str:
    """The operator-only part of each draft (tactic, arithmetic, notes, what to fill in), never in the copy box."""
    rows = []
    for i, d in enumerate(result.drafts, 1):
        note = operator_note(d) if result.target != "topics" else "；".join(d.get("needs") or [])
        if note:
            label = d.get("title") or d.get("name") or f"草稿 {i}"
            rows.append(f"- **{label}**：{note}")
    if not rows:
        return ""
    return "## 给运营（不要发到群里）\n\n" + "\n".join(rows) + "\n\n"
