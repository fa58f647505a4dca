"""Model layer against a real HTTP fake OpenAI-compatible server: retries, timeouts, bad JSON, fallback."""

from __future__ import annotations

import re
import threading

import httpx
import pytest
from langchain_core.messages import HumanMessage, SystemMessage
from langchain_openai import ChatOpenAI
from pydantic import BaseModel, Field

from copilot.config import Settings
from copilot.devtools.fake_openai import FakeOpenAI, Reply
from copilot.knowledge.ask import answer_question, stream_answer
from copilot.llm import (
    OFFLINE,
    LLMUnavailable,
    StructuredOutputError,
    get_engine,
    invoke_structured,
    parse_json_output,
    run_with_fallback,
)


class Names(BaseModel):
    names: list[str] = Field(min_length=1)


MESSAGES = [SystemMessage(content="只输出 JSON"), HumanMessage(content="给读书会起名")]


def test_factory_returns_offline_engine_without_configuration(settings: Settings) -> None:
    engine = get_engine(settings)
    assert engine.is_offline and engine.name == OFFLINE
    assert "离线" in engine.label
    with pytest.raises(LLMUnavailable, match="未配置"):
        get_engine(settings, prefer="llm")


def test_factory_returns_chat_openai_for_configured_endpoint(llm_settings: Settings) -> None:
    engine = get_engine(llm_settings)
    assert isinstance(engine.chat_model, ChatOpenAI)
    assert engine.name == "fake-model"
    assert engine.chat_model.max_retries == 1
    assert engine.chat_model.max_tokens == llm_settings.llm_max_tokens
    assert get_engine(llm_settings, prefer="offline").is_offline


def test_structured_output_is_parsed_from_fenced_reply(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push('好的，结果如下：\n```json\n{"names": ["周末读书会", "深夜共读"]}\n```')
    result = invoke_structured(get_engine(llm_settings), MESSAGES, Names)
    assert result.names == ["周末读书会", "深夜共读"]
    assert fake_llm.chat_requests[0]["model"] == "fake-model"


def test_slightly_broken_json_is_repaired_without_retry(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push("{'names': ['晨读打卡群', '共读一本书',]}")
    assert invoke_structured(get_engine(llm_settings), MESSAGES, Names).names == ["晨读打卡群", "共读一本书"]
    assert len(fake_llm.chat_requests) == 1


def test_invalid_output_is_retried_with_the_error_stated(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push("抱歉，我不能输出 JSON", '{"names": []}', '{"names": ["城市跑步群"]}')
    result = invoke_structured(get_engine(llm_settings), MESSAGES, Names, attempts=3)
    assert result.names == ["城市跑步群"]
    assert len(fake_llm.chat_requests) == 3
    followup = fake_llm.chat_requests[2]["messages"][-1]["content"]
    assert "上一次输出有以下问题" in followup and "names" in followup


def test_validator_problems_trigger_a_revision(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push('{"names": ["史上最强读书群"]}', '{"names": ["周末共读会"]}')

    def no_exaggeration(obj: Names) -> list[str]:
        return [f"“{n}”含有夸大用语“最强”" for n in obj.names if "最强" in n]

    result = invoke_structured(get_engine(llm_settings), MESSAGES, Names, validate=no_exaggeration)
    assert result.names == ["周末共读会"]
    assert "最强" in fake_llm.chat_requests[1]["messages"][-1]["content"]


def test_persistently_invalid_json_raises(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push("not json", "还是不是", "{{{")
    with pytest.raises(StructuredOutputError, match="无效 JSON"):
        invoke_structured(get_engine(llm_settings), MESSAGES, Names, attempts=3)


def test_rate_limit_is_retried_then_succeeds(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push(Reply("slow down", status=429), '{"names": ["亲子阅读群"]}')
    assert invoke_structured(get_engine(llm_settings), MESSAGES, Names).names == ["亲子阅读群"]
    assert len(fake_llm.chat_requests) == 2


def test_rate_limit_exhausted_becomes_llm_unavailable(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    fake_llm.push(*[Reply("slow down", status=429)] * 3)
    with pytest.raises(LLMUnavailable, match="429"):
        invoke_structured(get_engine(llm_settings), MESSAGES, Names)


def test_timeout_becomes_llm_unavailable(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    """The reply would come after 30 s: a client that waited for it would return the names instead of raising
    (how soon it gives up is timed in benchmarks/bench_deadlines.py)."""
    s = llm_settings.model_copy(update={"llm_timeout": 0.3, "llm_max_retries": 0})
    fake_llm.push(Reply('{"names": ["x"]}', delay=30.0))
    with pytest.raises(LLMUnavailable, match="超时"):
        invoke_structured(get_engine(s), MESSAGES, Names)
    assert len(fake_llm.chat_requests) == 1


def test_a_non_json_200_is_a_failed_call_not_a_crash(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    """A gateway that answers 200 with its own HTML page: the call fails cleanly and the agent falls back."""
    engine = get_engine(llm_settings.model_copy(update={"llm_max_retries": 0}))
    fake_llm.push(Reply(raw=b"<html><body>502 Bad Gateway</body></html>"))
    with pytest.raises(LLMUnavailable, match="不是合法的 JSON"):
        invoke_structured(engine, MESSAGES, Names)
    fake_llm.push(*[Reply(raw=b"upstream timed out") for _ in range(3)])
    fell = run_with_fallback(engine, lambda e: invoke_structured(e, MESSAGES, Names), lambda: Names(names=["离线"]))
    assert fell.engine == OFFLINE and fell.value.names == ["离线"] and "不是合法的 JSON" in (fell.notice or "")


@pytest.mark.parametrize(("body", "reason"), [
    # a gateway's quota message sent as a 200
    (b'{"error": {"message": "\u4f59\u989d\u4e0d\u8db3", "code": "quota"}}', "模型接口返回了错误：余额不足"),
    # a reply with no choices at all
    (b'{"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": []}', "choices 为空"),
])
def test_a_200_without_an_answer_is_a_failed_call(fake_llm: FakeOpenAI, llm_settings: Settings,
                                                  body: bytes, reason: str) -> None:
    engine = get_engine(llm_settings.model_copy(update={"llm_max_retries": 0}))
    fake_llm.push(Reply(raw=body))
    with pytest.raises(LLMUnavailable, match=reason):
        invoke_structured(engine, MESSAGES, Names)
    fake_llm.push(*[Reply(raw=body) for _ in range(3)])
    fell = run_with_fallback(engine, lambda e: invoke_structured(e, MESSAGES, Names), lambda: Names(names=["离线"]))
    assert fell.engine == OFFLINE and fell.value.names == ["离线"] and reason in (fell.notice or "")


def test_ask_falls_back_offline_when_the_endpoint_ignores_streaming(fake_llm: FakeOpenAI, llm_settings: Settings,
                                                                    kb_index) -> None:  # type: ignore[no-untyped-def]
    """Some proxies answer a stream=true request with one plain JSON body: no chunks arrive, and ask
    answers offline saying why instead of raising."""
    plain = (b'{"id": "x", "object": "chat.completion", "created": 1, "model": "m", "choices": [{"index": 0, '
             b'"finish_reason": "stop", "message": {"role": "assistant", "content": "ok"}}]}')
    fake_llm.push(*[Reply(raw=plain) for _ in range(3)])
    answer = answer_question("群里有人天天发广告怎么处理", kb_index, get_engine(llm_settings))
    assert answer.engine == OFFLINE and answer.citations
    assert answer.notice and "不支持 stream" in answer.notice and "已改用离线引擎" in answer.notice


def test_an_endpoint_that_never_answers_falls_back_within_the_deadline(fake_llm: FakeOpenAI,
                                                                        llm_settings: Settings) -> None:
    """Connect works, the reply never comes: the call ends at llm_deadline, whatever the timeout and retries."""
    s = llm_settings.model_copy(update={"llm_timeout": 30, "llm_max_retries": 2, "llm_deadline": 1.0})
    fake_llm.push(*[Reply(hang=True) for _ in range(3)])
    fell = run_with_fallback(get_engine(s), lambda e: invoke_structured(e, MESSAGES, Names),
                             lambda: Names(names=["离线"]))
    assert fell.engine == OFFLINE and fell.value.names == ["离线"] and "1 秒内没有完成" in (fell.notice or "")
    assert len(fake_llm.chat_requests) <= 1  # fell back while the first request still hung: no retry waited for


def test_the_fake_server_says_when_a_chat_call_is_in_flight(fake_llm: FakeOpenAI) -> None:
    """Tests wait for the fake to hold a call (wait_for_chat) instead of sleeping a guessed time; an embeddings
    request is no chat call, and a wait for a call nobody makes ends False at its guard."""
    httpx.post(fake_llm.url + "/embeddings", json={"input": ["群规第三条怎么写"]}, timeout=30)
    assert fake_llm.wait_for_chat(1, timeout=0.2) is False
    fake_llm.push(Reply('{"names": ["周末读书会"]}', delay=0.5))
    box: dict[str, str] = {}
    caller = threading.Thread(target=lambda: box.update(r=httpx.post(
        fake_llm.url + "/chat/completions", json={"model": "fake-model", "messages": [{"role": "user", "content": "起名"}]},
        timeout=30).text))
    caller.start()
    assert fake_llm.wait_for_chat(1)
    assert fake_llm.chat_requests[0]["messages"][0]["content"] == "起名"
    assert fake_llm.wait_for_chat(2, timeout=0.2) is False
    caller.join(30)
    assert "周末读书会" in box["r"]


def test_unreachable_endpoint_is_reported(settings: Settings) -> None:
    s = settings.model_copy(update={"llm_provider": "openai", "llm_base_url": "http://127.0.0.1:9/v1",
                                    "llm_max_retries": 0, "llm_timeout": 1})
    with pytest.raises(LLMUnavailable, match="无法连接"):
        invoke_structured(get_engine(s), MESSAGES, Names)


def test_run_with_fallback_records_engine_and_notice(fake_llm: FakeOpenAI, llm_settings: Settings) -> None:
    engine = get_engine(llm_settings.model_copy(update={"llm_max_retries": 0}))
    fake_llm.push('{"names": ["宝妈辅食群"]}')
    ok = run_with_fallback(engine, lambda e: invoke_structured(e, MESSAGES, Names), lambda: Names(names=["离线"]))
    assert ok.engine == "fake-model" and ok.notice is None and ok.value.names == ["宝妈辅食群"]

    fake_llm.push(Reply("boom", status=500))
    fell = run_with_fallback(engine, lambda e: invoke_structured(e, MESSAGES, Names), lambda: Names(names=["离线"]))
    assert fell.engine == OFFLINE and fell.value.names == ["离线"]
    assert fell.notice and "500" in fell.notice and "离线引擎" in fell.notice


def test_parse_json_output_rejects_empty_and_prose() -> None:
    with pytest.raises(ValueError):
        parse_json_output("")
    with pytest.raises(ValueError):
        parse_json_output("我觉得这个群名很好")
    assert parse_json_output('[{"a": 1}]') == [{"a": 1}]


def test_ask_streams_llm_answer_and_drops_invented_citations(fake_llm: FakeOpenAI, llm_settings: Settings,
                                                             kb_index) -> None:  # type: ignore[no-untyped-def]
    fake_llm.push("群名要让人一眼看懂做什么[1]，控制在16字以内[2]，别用夸张词[9]。")
    pieces = list(stream_answer("群名怎么起", kb_index, get_engine(llm_settings)))
    final = pieces[-1]
    text_pieces = [p for p in pieces if isinstance(p, str)]
    assert len(text_pieces) > 1  # streamed in chunks
    assert final.engine == "fake-model"
    assert "[9]" not in final.answer and "[1]" in final.answer
    prompt = fake_llm.chat_requests[0]["messages"]
    assert prompt[0]["role"] == "system" and "群名" in prompt[1]["content"]
    assert fake_llm.chat_requests[0]["stream"] is True
    # the model is told which passages are a source's teaching and which are our own figures
    labels = re.findall(r"^\[(\d+)\] 【(资料|经验建议)】", prompt[1]["content"], flags=re.MULTILINE)
    assert [int(n) for n, _ in labels] == list(range(1, len(final.citations) + 1))
    assert [lab for _, lab in labels] == [c.label for c in final.citations]
    assert "经验建议" in {lab for _, lab in labels} and "绝不能说成" in prompt[0]["content"]


def test_ask_falls_back_offline_on_timeout(fake_llm: FakeOpenAI, llm_settings: Settings, kb_index) -> None:  # type: ignore[no-untyped-def]
    s = llm_settings.model_copy(update={"llm_timeout": 0.3, "llm_max_retries": 0})
    fake_llm.push(Reply("迟到的回答", delay=1.5))
    answer = answer_question("群规应该写哪些内容", kb_index, get_engine(s))
    assert answer.engine == OFFLINE
    assert answer.notice and "超时" in answer.notice
    assert answer.citations and "[1]" in answer.answer or "[2]" in answer.answer


def test_offline_answer_in_traditional_when_configured(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    engine = get_engine(settings.model_copy(update={"script": "zh-Hant"}))
    answer = answer_question("怎么设置入群门槛", kb_index, engine)
    assert answer.engine == OFFLINE
    assert "門檻" in answer.answer or "群規" in answer.answer or "設置" in answer.answer
    assert "门槛" not in answer.answer


def test_offline_answer_follows_the_question_script(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    answer = answer_question("群裡有人發廣告怎麼辦", kb_index, get_engine(settings))
    assert answer.script == "zh-Hant" and "廣告" in answer.answer and "广告" not in answer.answer
    simplified = answer_question("群里有人发广告怎么办", kb_index, get_engine(settings))
    assert simplified.script == "zh-Hans" and "广告" in simplified.answer


def test_offline_answer_admits_when_nothing_matches(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from copilot.knowledge.ask import NOT_COVERED

    answer = answer_question("asdfgh qwerty", kb_index, get_engine(settings))
    assert answer.answer.startswith(NOT_COVERED) and not answer.covered


def test_offline_answer_has_no_table_rows_or_dangling_lead_ins(kb_index, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    for question in ("用户怎么分层", "每周复盘看哪些数据指标", "群规要写哪些内容"):
        text = answer_question(question, kb_index, get_engine(settings)).answer
        # numbered lines are the extracted sentences; the others are the headings of the 资料/经验建议 groups
        for line in (ln for ln in text.splitlines()[1:] if ln[:1].isdigit()):
            body = line.rsplit(" [", 1)[0]
            assert body.count("|") < 2, line
            assert not body.rstrip().endswith(("：", ":")), line
