"""A chat's notes never depend on what the process summarised before it (round 61, d13g61).

jieba's tagger merged our domain words' tags (userdict_zh.txt: 群公告 n, 接龙 v…) into its table only at its first cut,
so ``word_class`` answered differently before and after the first chat's faithfulness check had tagged text. Each
case runs in a fresh interpreter: in this test process other tests have already tagged text."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHAT_A = """2027-04-06 19:00:01 群主-老周
各位家长，周六的亲子接龙活动改到社区活动室，群公告已经更新
2027-04-06 19:01:12 乐乐妈妈
收到，几点开始？
2027-04-06 19:02:30 群主-老周
上午九点半，大家在群里接龙报名，周四晚上截止
2027-04-06 19:03:05 朵朵爸爸
接龙了，我们家两个人
2027-04-06 19:04:40 群主-老周
朵朵爸爸你负责买彩纸和胶棒，周五前给我
2027-04-06 19:05:02 朵朵爸爸
好的
"""

CHAT_B = """2027-04-08 20:00:00 团委-许倩
各位志愿者，植树活动的时间今晚定一下，原定4月10日周六上午
2027-04-08 20:01:10 小蒋
看天气预报4月10日有大雨
2027-04-08 20:02:00 团委-许倩
可以改到4月17日周六，大家看看
2027-04-08 20:02:40 小蒋
17号可以，我那天没课
2027-04-08 20:03:15 何静
17号我也行
2027-04-08 20:04:00 团委-许倩
好，那就改到4月17日周六上午9点，地点不变，群公告我来改
2027-04-08 20:04:30 郑凯
同意
2027-04-08 20:05:10 团委-许倩
郑凯你负责联系园林局改订树苗，明天下班前回我
2027-04-08 20:05:40 郑凯
好的，明天联系
"""

_RUN = """
import json, sys
from copilot.config import get_settings
from copilot.llm import get_engine
from copilot.notes.summarize import summarize_text
settings = get_settings()
engine = get_engine(settings, prefer="offline")
chats = json.loads(sys.stdin.read())
out = [summarize_text(text, name, settings, engine).notes.model_dump(mode="json") for name, text in chats]
print(json.dumps(out[-1], ensure_ascii=False, sort_keys=True))
"""


def _last_notes(*chats: tuple[str, str]) -> dict:
    done = subprocess.run([sys.executable, "-c", _RUN], input=json.dumps(chats), capture_output=True, text=True,
                          cwd=REPO, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())},
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_domain_word_class_is_known_before_any_tagging() -> None:
    code = ("from copilot.textnorm import word_class\n"
            "before = [word_class(w) for w in ('群公告', '接龙', '禁言')]\n"
            "from copilot.notes.faithfulness import person_names\n"
            "person_names('乐乐妈妈说群公告已经更新，接龙的人别刷屏')\n"
            "after = [word_class(w) for w in ('群公告', '接龙', '禁言')]\n"
            "print(before == after, before)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}, check=True)
    assert done.stdout.strip() == "True ['n', 'v', 'v']"


def test_second_chat_notes_equal_its_notes_alone_in_both_orders() -> None:
    a, b = ("family_craft.txt", CHAT_A), ("tree_planting.txt", CHAT_B)
    alone_a, alone_b = _last_notes(a), _last_notes(b)
    assert any("4月17日" in d["text"] for d in alone_b["decisions"])
    assert any(x["owner"] == "朵朵爸爸" and x["deadline"] == "2027-04-09" for x in alone_a["actions"])
    assert _last_notes(a, b) == alone_b
    assert _last_notes(b, a) == alone_a
