"""Round 65 (d15c65, issue 15, qa15r46): the asker's own side job (兼职…我能做吗), a story passed along to check
(这到底是真的假的) and comforting someone (我该怎么安慰她) are declined, while handling them in the group is not;
a question about merging groups is not claimed as 资料覆盖. Questions written for these tests."""

from __future__ import annotations

import pytest

from copilot.config import Settings
from copilot.knowledge.ask import answer_question
from copilot.knowledge.index import KnowledgeIndex
from copilot.knowledge.ownmatter import own_matter
from copilot.llm import get_engine


@pytest.mark.parametrize(("question", "kind"), [
    ("群友发了个在家做手工的兼职，说一天能挣一百，我能做吗", "decide"),
    ("群里有人推荐刷好评的活，一单八块，这个能不能干", "decide"),
    ("群里转了个视频说喝隔夜水会致癌，这到底是真的假的", "verify"),
    ("群友跟我说她离婚了，整天以泪洗面，我该怎么安慰她", "comfort"),
])
def test_the_askers_own_matters_are_read(question: str, kind: str) -> None:
    assert own_matter(question) == kind


@pytest.mark.parametrize("question", [
    "新人一进群就发刷单兼职的广告，我该做点什么",  # what the asker can do about it
    "群里有人转发说要停水的消息，是不是真的还不清楚，我该怎么辟谣",  # handling it in the group
    "有人说群规写得越长越好，是真的吗",  # a claim about the method, not a story passed along
    "有人截图发到别的群说我们收费群是骗人的，好几个新人跑来问是不是真的",  # members ask the asker: a PR matter
    "活动临时取消了，大家都很失落，怎么安慰大家",  # comforting the group
    "有位群友家里老人走了，我作为群主要不要在群里说点什么，怎么说合适",
])
def test_group_matters_are_not_own(question: str) -> None:
    assert own_matter(question) == ""


def test_a_side_job_decision_is_declined(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("群友推荐了一个在家打字的兼职，说日结一百五，我能做吗", kb_index, get_engine(settings))
    assert not answer.covered


def test_merging_groups_is_not_claimed_covered(kb_index: KnowledgeIndex, settings: Settings) -> None:
    answer = answer_question("打算把两个人不多的老乡群合并成一个，怎么跟大家说", kb_index, get_engine(settings))
    assert answer.covered and not answer.direct
